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
	if !m.draft.Req.Has("KeyPairName") {
		t.Fatalf("no default key pair: %v", m.draft.Req.Params())
	}
	m = press(t, m, "1", "down", "enter") // another region, back to the review
	for i := 0; i < 10 && m.step != forms.Review; i++ {
		m = press(t, m, "enter") // the findings the new region raises jump to their steps
	}
	if m.draft.Req.Get("RegionId") == "cn-hangzhou" || m.draft.Req.Has("KeyPairName") {
		t.Fatalf("request %v", m.draft.Req.Params())
	}
	found := false
	for _, f := range m.review.findings {
		found = found || f.Parameter == "KeyPairName"
	}
	if !found {
		t.Fatalf("no finding for the missing key pair: %+v", m.review.findings)
	}
	for m.review.findings[m.review.cursor].Parameter != "KeyPairName" {
		m = press(t, m, "down")
	}
	m = press(t, m, "enter")
	if m.step != forms.Access || m.form.focusedKey() != "KeyPairName" {
		t.Fatalf("the finding jumps to %v / %s", m.step, m.form.focusedKey())
	}
}
