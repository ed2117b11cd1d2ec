package ui

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// Pressing an add button puts the cursor in the row it added: what the
// user types next is the new tag's key, not keys lost on the button.
func TestAddingARowFocusesItsFirstField(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Access)
	m = focusField(t, m, forms.KeyAddTag)
	m = press(t, m, "space")
	m = typeText(t, m, "team")
	m = press(t, m, "tab")
	m = typeText(t, m, "web")
	if m.c.Request().Get("Tag.1.Key") != "team" || m.c.Request().Get("Tag.1.Value") != "web" {
		t.Fatalf("typed after adding a tag: %v", m.c.Request().Params())
	}
	m = toStep(t, press(t, m, "enter"), forms.Advanced)
	m = press(t, m, "esc", "esc", "esc") // back to Storage
	if m.c.Step() != forms.Storage {
		t.Fatalf("step %v", m.c.Step())
	}
	m = focusField(t, m, forms.KeyAddDataDisk)
	m = press(t, m, "space")
	if m.form.focusedKey() != "DataDisk.1.Category" {
		t.Fatalf("focus on %s after adding a data disk", m.form.focusedKey())
	}
}
