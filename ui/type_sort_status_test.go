package ui

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// With a filter the table is ranked by match, not by the chosen sort: the
// status line must not claim "sort vCPU" over rows that are not.
func TestTheTypeStatusSaysAFilterRanksByMatch(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.InstanceType)
	m = press(t, m, "s")
	if st := m.pickers.types.status(); !strings.Contains(st, "sort vCPU (s)") {
		t.Fatalf("status %q", st)
	}
	m = press(t, m, "/")
	m = typeText(t, m, "g")
	if st := m.pickers.types.status(); !strings.Contains(st, "best match") {
		t.Fatalf("a filtered table claims its sort: %q", st)
	}
}
