package ui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/flow"
)

// Every side effect of the wizard is one of these named command
// factories; each takes its context and dependencies and answers with a
// message, never touching the model.

// resultMsg carries an effect's result back to the controller.
type resultMsg struct{ res flow.Result }

// progressMsg is one intermediate result of an effect (a launch event, a
// zone's pricing); ok is false once the effect has closed its channel.
type progressMsg struct {
	res flow.Result
	ok  bool
	ch  <-chan flow.Result
}

// editorDoneMsg carries the text edited in $VISUAL/$EDITOR.
type editorDoneMsg struct {
	key, text string
	err       error
}

// settleMsg marks a field's typing as paused: its findings show as errors.
type settleMsg struct{ seq int }

// run turns the controller's effects into commands. Effects that end the
// wizard run in order (the draft is saved, then the program quits); the
// others run side by side.
func (m *Model) run(effs []flow.Effect) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(effs))
	ordered := false
	for _, e := range effs {
		if _, ok := e.(flow.Quit); ok {
			ordered = true
		}
		cmds = append(cmds, effectCmd(m.ctx, m.deps, e))
	}
	if ordered {
		return tea.Sequence(cmds...)
	}
	return m.spin(tea.Batch(cmds...))
}

// effectCmd runs one effect: a launch also starts reading its events.
func effectCmd(ctx context.Context, d flow.Deps, e flow.Effect) tea.Cmd {
	if _, ok := e.(flow.Quit); ok {
		return tea.Quit
	}
	run := func() tea.Msg { return resultMsg{res: e.Run(ctx, d)} }
	if ch, ok := flow.Progress(e); ok {
		return tea.Batch(run, waitProgress(ch))
	}
	return run
}

// waitProgress reads one intermediate result; the update re-arms it after each.
func waitProgress(ch <-chan flow.Result) tea.Cmd {
	return func() tea.Msg {
		r, ok := <-ch
		return progressMsg{res: r, ok: ok, ch: ch}
	}
}

// spin starts the spinner's tick chain if it is not running; it stops by
// itself once nothing loads, so an idle wizard draws nothing.
func (m *Model) spin(cmd tea.Cmd) tea.Cmd {
	if cmd == nil || m.spinning {
		return cmd
	}
	m.spinning = true
	return tea.Batch(cmd, m.spinner.Tick)
}

// editInEditor opens text in $VISUAL or $EDITOR (vi when neither is set)
// on a private temporary file; the program gives up the terminal meanwhile.
func editInEditor(key, text string) tea.Cmd {
	f, err := os.CreateTemp("", "ecslaunch-userdata-*.sh")
	if err != nil {
		return func() tea.Msg { return editorDoneMsg{key: key, err: err} }
	}
	path := f.Name()
	_, werr := f.WriteString(text)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(path)
		return func() tea.Msg { return editorDoneMsg{key: key, err: werr} }
	}
	editor := firstNonEmpty(os.Getenv("VISUAL"), os.Getenv("EDITOR"), "vi")
	args := strings.Fields(editor)
	cmd := exec.Command(args[0], append(args[1:], path)...)
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		defer os.Remove(path)
		if err != nil {
			return editorDoneMsg{key: key, err: errors.New(editor + ": " + err.Error())}
		}
		b, rerr := flow.ReadUserDataFile(path)
		return editorDoneMsg{key: key, text: string(b), err: rerr}
	})
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
