package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Run runs the wizard until the user launches, exports or quits. The TUI
// draws on o.Out; an export to stdout comes back in Result.Stdout.
func Run(ctx context.Context, o Options) (Result, error) {
	if o.Reader == nil {
		return Result{}, errors.New("the wizard needs a catalog")
	}
	o = o.withDefaults()
	if o.Accessible {
		return runAccessible(ctx, o)
	}
	useRenderer(o.Out)
	p := tea.NewProgram(New(ctx, o), tea.WithInput(o.In), tea.WithOutput(o.Out), tea.WithAltScreen(), tea.WithContext(ctx))
	final, err := p.Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return Result{}, fmt.Errorf("wizard: %w", err)
	}
	m, ok := final.(Model)
	if !ok {
		return Result{Aborted: true}, nil
	}
	return m.Result(), nil
}

// useRenderer detects colours on the terminal the TUI draws on (stderr),
// not on stdout, which may be a file: NO_COLOR and the colour profile come
// from there. The background is asked now, before the program reads the
// terminal, so the adaptive palette picks its light or dark half.
func useRenderer(w io.Writer) {
	f, ok := w.(*os.File)
	if !ok {
		return
	}
	r := lipgloss.NewRenderer(f)
	r.HasDarkBackground()
	lipgloss.SetDefaultRenderer(r)
}
