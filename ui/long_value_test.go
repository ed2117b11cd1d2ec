package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/ecslaunch/ecslaunch/forms"
)

// A value longer than the pane scrolls inside it: the end being typed
// stays on screen, and no line runs past the pane.
func TestALongTypedValueKeepsItsEndInView(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Advanced)
	m = focusField(t, m, forms.KeyUserDataText)
	m = typeText(t, m, "echo "+strings.Repeat("a", 150)+" THE-END")
	v := m.form.view(m.cm.st, m.mainWidth(), 0)
	if !strings.Contains(v, "THE-END") {
		t.Fatalf("the end of the value is not in view:\n%s", v)
	}
	for _, l := range strings.Split(v, "\n") {
		if lipgloss.Width(l) > m.mainWidth() {
			t.Fatalf("line wider than the pane (%d): %q", m.mainWidth(), l)
		}
	}
}
