package ui

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// Ctrl+X on a data disk keeps the cursor where the disk was, not at the
// top of the step.
func TestRemovingARowKeepsTheCursorInPlace(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Storage)
	m = focusField(t, m, forms.KeyAddDataDisk)
	m = press(t, m, "space")
	m = focusField(t, m, "DataDisk.1.Size")
	m = press(t, m, "ctrl+x")
	if m.c.Request().Count("DataDisk") != 0 {
		t.Fatalf("not removed: %v", m.c.Request().Params())
	}
	if got := m.form.focusedKey(); got != forms.KeyAddDataDisk {
		t.Fatalf("focus on %s after the removal, want the add button where the disk was", got)
	}
}
