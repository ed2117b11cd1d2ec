package ui

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// A DryRun verdict is about one request: once a step changes it, the
// review must not still say "DryRun passed".
func TestAnEditAfterTheDryRunClearsItsVerdict(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Review)
	m = press(t, m, "d")
	if m.c.Review().Dry == nil || !m.c.Review().Dry.Passed {
		t.Fatalf("DryRun: %+v", m.c.Review().Dry)
	}
	m = press(t, m, "9") // Advanced
	m = focusField(t, m, "DeletionProtection")
	m = press(t, m, "space", "enter")
	if m.c.Step() != forms.Review {
		t.Fatalf("step %v: %s", m.c.Step(), m.c.Notice())
	}
	if m.c.Review().Dry != nil || strings.Contains(m.View(), "DryRun passed") {
		t.Fatalf("the old verdict stays after an edit:\n%s", m.View())
	}
	m = press(t, m, "9", "enter") // no change: the verdict still holds
	if m.c.Review().Dry != nil {
		t.Fatalf("verdict %+v after an unchanged visit, want none (it was cleared)", m.c.Review().Dry)
	}
	m = press(t, m, "d", "9", "enter")
	if m.c.Review().Dry == nil || !m.c.Review().Dry.Passed {
		t.Fatalf("an unchanged request lost its verdict: %+v", m.c.Review().Dry)
	}
}
