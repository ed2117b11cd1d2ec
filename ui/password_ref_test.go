package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
)

// A launch file (or a resumed draft) says Password: ${ECS_PASSWORD}. Its
// Access step must show the reference, not ask to type it twice, and a
// DryRun without the variable must read plainly.
func TestAPasswordReferenceIsShownAndNeedsNoConfirmation(t *testing.T) {
	t.Setenv("ECS_PASSWORD", "")
	os.Unsetenv("ECS_PASSWORD")
	o := sandboxOptions(t)
	m := toStep(t, start(t, o), forms.Review)
	req := m.c.Request().Clone()
	req.Delete("KeyPairName")
	if err := req.Set("Password", request.SecretReference("Password")); err != nil {
		t.Fatal(err)
	}
	o.From = &request.File{Version: 1, Request: req}
	m = start(t, o)
	if m.c.Step() != forms.Review {
		t.Fatalf("--from opens at %v", m.c.Step())
	}
	m = press(t, m, "d")
	if v := m.View(); strings.Contains(v, ":  —") {
		t.Fatalf("a DryRun failure with no code reads oddly:\n%s", v)
	}
	if m.c.Step() != forms.Access || m.form.focusedKey() != "Password" {
		t.Fatalf("the failed DryRun (no ECS_PASSWORD) opens %v / %s, want the Password field", m.c.Step(), m.form.focusedKey())
	}
	m = focusField(t, m, "InstanceName")
	if v := m.View(); !strings.Contains(v, "${ECS_PASSWORD}") {
		t.Fatalf("the reference is hidden behind dots:\n%s", v)
	}
	m = press(t, m, "enter")
	if m.c.Step() != forms.Review {
		t.Fatalf("the Access step blocks a password reference: %s\n%s", m.c.Notice(), m.View())
	}
}
