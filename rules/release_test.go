package rules

import (
	"strings"
	"testing"
	"time"
)

// TestAutoReleaseWindowExactBounds: the window ends exactly three years
// after now and starts 30 minutes after it, in whole minutes since ECS
// drops the seconds (docs/rules.md T1-79, T1-80). The message once showed
// now+30m with its seconds (a value the rule itself refused) and no labels,
// so its upper bound read as "30 minutes short of three years" from the
// lower one.
func TestAutoReleaseWindowExactBounds(t *testing.T) {
	at := time.Date(2026, 11, 27, 12, 0, 42, 0, time.FixedZone("CST", 8*3600))
	lo, hi := AutoReleaseWindow(at)
	if want := time.Date(2026, 11, 27, 4, 31, 0, 0, time.UTC); !lo.Equal(want) || lo.Location() != time.UTC {
		t.Errorf("earliest %v, want %v", lo, want)
	}
	if want := time.Date(2029, 11, 27, 4, 0, 0, 0, time.UTC); !hi.Equal(want) {
		t.Errorf("latest %v, want %v (now + 3 years)", hi, want)
	}
	check := func(v string) []Finding {
		r, _ := build(t, []string{"AutoReleaseTime=" + v})
		return Validate(r, Context{Now: at})
	}
	for v, ok := range map[string]bool{
		"2026-11-27T04:31:00Z": true,  // the earliest shown
		"2026-11-27T04:30:59Z": false, // its seconds dropped: 04:30, before now + 30 minutes
		"2029-11-27T04:00:00Z": true,  // the latest shown: exactly three years
		"2029-11-27T04:00:59Z": true,  // seconds dropped: still 04:00
		"2029-11-27T04:01:00Z": false, // a minute past three years
	} {
		_, bad := findIn(check(v), "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed")
		if bad == ok {
			t.Errorf("%s: refused %v, want %v", v, bad, !ok)
		}
	}
	f, _ := findIn(check("2035-01-01T00:00:00Z"), "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed")
	if want := "from 2026-11-27T04:31:00Z (now + 30 minutes) to 2029-11-27T04:00:00Z (now + 3 years)"; !strings.Contains(f.Message, want) {
		t.Errorf("message %q, want %q", f.Message, want)
	}
}
