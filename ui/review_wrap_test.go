package ui

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/rules"
)

// A long finding wraps under its own text, so the list reads as a list.
func TestAWrappedFindingIsIndentedUnderItsText(t *testing.T) {
	r := reviewModel{rev: flow.Review{Online: true, Findings: []rules.Finding{{Parameter: "SecurityGroupId", Severity: rules.Error,
		Message: strings.Repeat("word ", 40), Row: "T1-7"}}}}
	lines := strings.Split(strings.Join(r.findingLines(NewStyles(), 60), "\n"), "\n")
	if len(lines) < 4 {
		t.Fatalf("expected a wrapped finding: %q", lines)
	}
	for _, l := range lines[3:] {
		if !strings.HasPrefix(l, "    ") {
			t.Errorf("continuation line %q is not indented", l)
		}
	}
}
