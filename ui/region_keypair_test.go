package ui

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// Changing the region drops the key pair (it belongs to the old region);
// with key-pair login chosen the review must say so, not pass silently
// with no way to log in.
func TestARegionChangeThatDropsTheKeyPairIsAFinding(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Review)
	if !m.c.Request().Has("KeyPairName") {
		t.Fatalf("no default key pair: %v", m.c.Request().Params())
	}
	m = press(t, m, "1", "down", "enter") // another region, back to the review
	for i := 0; i < 10 && m.c.Step() != forms.Review; i++ {
		m = press(t, m, "enter") // the findings the new region raises jump to their steps
	}
	if m.c.Request().Get("RegionId") == "cn-hangzhou" || m.c.Request().Has("KeyPairName") {
		t.Fatalf("request %v", m.c.Request().Params())
	}
	found := false
	for _, f := range m.c.Review().Findings {
		found = found || f.Parameter == "KeyPairName"
	}
	if !found {
		t.Fatalf("no finding for the missing key pair: %+v", m.c.Review().Findings)
	}
	for i := 0; m.c.Review().Findings[m.review.cursor].Parameter != "KeyPairName"; i++ {
		if i > 20 {
			t.Fatal("tab never selects the KeyPairName finding")
		}
		m = press(t, m, "tab")
	}
	m = press(t, m, "enter")
	if m.c.Step() != forms.Access || m.form.focusedKey() != "KeyPairName" {
		t.Fatalf("the finding jumps to %v / %s", m.c.Step(), m.form.focusedKey())
	}
}
