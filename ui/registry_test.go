package ui

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// Every place a step shows derives from the registry: the step bar, the
// review's sections and their edit keys, and the accessible order.
func TestTheStepBarReviewKeysAndAccessibleOrderComeFromTheRegistry(t *testing.T) {
	reg := forms.Registry()
	m := toStep(t, start(t, sandboxOptions(t)), forms.Review)
	bar := m.stepsView()
	at := 0
	for _, d := range reg {
		i := strings.Index(bar[at:], d.Short)
		if i < 0 {
			t.Fatalf("the step bar %q lacks %s (or has it out of order)", bar, d.Short)
		}
		at += i
	}
	for _, s := range m.c.Review().Sections {
		if s.EditKey != s.Step.EditKey() || m.review.editKeys[s.EditKey] != s.Step.ID {
			t.Errorf("section %s: edit key %q does not open it", s.Step.Name, s.EditKey)
		}
		m = press(t, m, s.EditKey)
		if m.c.Step() != s.Step.ID {
			t.Errorf("key %s opened %v, want %v", s.EditKey, m.c.Step(), s.Step.ID)
		}
		if m = press(t, m, "enter"); m.c.Step() != forms.Review {
			t.Fatalf("Enter on %v opened from the review went to %v", s.Step.Name, m.c.Step())
		}
	}
	for i, d := range reg {
		if d.Kind != forms.ReviewStep && d.EditKey() != string(rune('1'+i)) {
			t.Errorf("%s has edit key %q, want its place %d", d.Name, d.EditKey(), i+1)
		}
	}
	// The accessible mode asks the steps in the registry's order.
	out := runAccessibleTranscript(t, strings.Repeat("\n", 60)+"7\n")
	at = 0
	for _, d := range reg {
		i := strings.Index(out[at:], "== "+d.Name+" ==")
		if i < 0 {
			t.Fatalf("the accessible mode does not ask %s in the registry's order:\n%s", d.Name, out)
		}
		at += i
	}
}
