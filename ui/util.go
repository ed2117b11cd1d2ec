package ui

import (
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"

	"github.com/ecslaunch/ecslaunch/rules"
)

func itoa(n int) string { return strconv.Itoa(n) }

// wrapText wraps at word boundaries to width cells.
func wrapText(s string, width int) string {
	if width < 10 {
		width = 10
	}
	return lipgloss.NewStyle().Width(width).Render(s)
}

func readFile(path string) ([]byte, error) { return os.ReadFile(path) }

func joinLines(ss []string) string { return strings.Join(ss, "; ") }

// blocking reports whether any finding is an error.
func blocking(fs []rules.Finding) bool {
	for _, f := range fs {
		if f.Severity == rules.Error {
			return true
		}
	}
	return false
}
func removeFile(p string) error { return os.Remove(p) }

// newInput is a text input with a steady cursor: a blinking one would keep
// a timer running for nothing and make every frame differ.
func newInput() textinput.Model {
	t := textinput.New()
	t.Cursor.SetMode(cursor.CursorStatic)
	return t
}

func ansiWidth(s string) int { return lipgloss.Width(s) }
