package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/ecslaunch/ecslaunch/forms"
)

// TestStepViews keeps a View() golden of every step at 100×30 (Ascii
// profile, see TestMain), reached by Enter from the start on the sandbox.
func TestStepViews(t *testing.T) {
	m := start(t, sandboxOptions(t))
	for _, s := range forms.Steps() {
		if m.c.Step() != s {
			t.Fatalf("expected step %v, at %v (%s)", s, m.c.Step(), m.c.Notice())
		}
		t.Run(strings.ReplaceAll(s.String(), " ", "_"), func(t *testing.T) {
			golden.RequireEqual(t, []byte(m.View()))
		})
		if s != forms.Review {
			m = press(t, m, "enter")
		}
	}
}

// TestNarrowViews keeps the first and the busiest screens at 80×24.
func TestNarrowViews(t *testing.T) {
	m := start(t, sandboxOptions(t))
	next, _ := m.Update(sizeMsg(80, 24))
	m = next.(Model)
	t.Run("Region", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
	m = toStep(t, m, forms.InstanceType)
	t.Run("InstanceType", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
	m = toStep(t, m, forms.Access)
	t.Run("Access", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
	m = toStep(t, m, forms.Review)
	t.Run("Review", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
}

// TestOverlayViews keeps the help, the export picker and the launch
// confirmation.
func TestOverlayViews(t *testing.T) {
	o := sandboxOptions(t)
	m := toStep(t, start(t, o), forms.Access)
	m = focusField(t, m, "HostName")
	t.Run("Help", func(t *testing.T) { golden.RequireEqual(t, []byte(press(t, m, "?").View())) })
	m = toStep(t, m, forms.Review)
	t.Run("Export", func(t *testing.T) { golden.RequireEqual(t, []byte(press(t, m, "e").View())) })
	t.Run("ExportDestination", func(t *testing.T) { golden.RequireEqual(t, []byte(press(t, m, "e", "enter").View())) })
	t.Run("Confirm", func(t *testing.T) { golden.RequireEqual(t, []byte(press(t, m, "l").View())) })
}
