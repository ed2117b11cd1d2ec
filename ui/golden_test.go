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
	for _, s := range forms.Steps {
		if m.step != s {
			t.Fatalf("expected step %v, at %v (%s)", s, m.step, m.notice)
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
