package ui

import (
	"io"
	"math/rand/v2"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/forms"
)

// TestRandomKeysNeverPanic presses 3,000 random keys (no launch, no quit)
// across every screen and size; any panic fails the test.
func TestRandomKeysNeverPanic(t *testing.T) {
	keys := []string{"enter", "enter", "enter", "enter", "enter", "enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "space", "backspace",
		"ctrl+x", "/", "?", "c", "m", "s", "z", "d", "e", "w", "1", "5", "9", "a", "-", ".", "0", "y", "n"}
	r := rand.New(rand.NewPCG(1, 2))
	copied := 0
	m := start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou", Now: fixedNow, Out: io.Discard,
		Copy: func(string, io.Writer) (string, error) { copied++; return "test", nil }})
	seen := map[forms.StepID]bool{}
	for i := 0; i < 3000; i++ {
		seen[m.c.Step()] = true
		if i%500 == 0 {
			next, _ := m.Update(tea.WindowSizeMsg{Width: 60 + r.IntN(80), Height: 12 + r.IntN(30)})
			m = next.(Model)
		}
		k := keys[r.IntN(len(keys))]
		if m.screen == screenPath && k == "enter" {
			k = "esc" // writing files is not what this test is about
		}
		next, cmd := m.Update(keyMsg(k))
		m = drain(t, next.(Model), cmd)
		_ = m.View()
	}
	if len(seen) < 8 {
		t.Fatalf("the random walk saw only %d steps: %v", len(seen), seen)
	}
}
