package ui

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/ecslaunch/ecslaunch/forms"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var fixedNow = func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }

// drain runs cmd and every command its messages lead to, feeding each
// message to the model; spinner ticks are dropped so it terminates.
func drain(t testing.TB, m Model, cmd tea.Cmd) Model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := runCmd(t, c)
		switch msg := msg.(type) {
		case nil, spinner.TickMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			return m
		default:
			if cmds, ok := sequence(msg); ok { // tea.Sequence: its commands in order, first
				queue = append(cmds, queue...)
				continue
			}
			next, c2 := m.Update(msg)
			m = next.(Model)
			queue = append(queue, c2)
		}
	}
	return m
}

// sequence unpacks tea.Sequence's message, an unexported slice of commands.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice {
		return nil, false
	}
	var out []tea.Cmd
	for i := 0; i < v.Len(); i++ {
		c, ok := v.Index(i).Interface().(tea.Cmd)
		if !ok {
			return nil, false
		}
		out = append(out, c)
	}
	return out, true
}

// runCmd runs one command, giving up on timers (spinner ticks) after a while.
func runCmd(t testing.TB, c tea.Cmd) tea.Msg {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg
	case <-time.After(20 * time.Second):
		t.Fatalf("a command did not answer in 20s")
	}
	return nil
}

// start builds the model at 100×30 and runs its first loads.
func start(t testing.TB, o Options) Model {
	t.Helper()
	if o.Now == nil {
		o.Now = fixedNow
	}
	if o.SettleDelay == 0 {
		o.SettleDelay = -1 // no timer: a field's findings turn to errors when the focus leaves
	}
	m := New(context.Background(), o)
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = next.(Model)
	return drain(t, m, m.initCmd)
}

// press sends keys ("enter", "tab", or text typed rune by rune) and drains.
func press(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		next, cmd := m.Update(keyMsg(k))
		m = drain(t, next.(Model), cmd)
	}
	return m
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "ctrl+x":
		return tea.KeyMsg{Type: tea.KeyCtrlX}
	case "ctrl+r":
		return tea.KeyMsg{Type: tea.KeyCtrlR}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+p":
		return tea.KeyMsg{Type: tea.KeyCtrlP}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "home":
		return tea.KeyMsg{Type: tea.KeyHome}
	case "end":
		return tea.KeyMsg{Type: tea.KeyEnd}
	case "f1":
		return tea.KeyMsg{Type: tea.KeyF1}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// typeText types each rune as its own key.
func typeText(t testing.TB, m Model, s string) Model {
	for _, r := range s {
		m = press(t, m, string(r))
	}
	return m
}

func sizeMsg(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func optionIndexByField(fs []forms.Field, key string) int {
	for i, f := range fs {
		if f.Key == key {
			return i
		}
	}
	return -1
}

func fieldKeys(f fieldForm) []string {
	out := make([]string, len(f.fields))
	for i, fl := range f.fields {
		out[i] = fl.Key
	}
	return out
}

// quits reports whether running cmd (a batch or a sequence included) ends
// the program.
func quits(t testing.TB, cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	msg := runCmd(t, cmd)
	if _, ok := msg.(tea.QuitMsg); ok {
		return true
	}
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice { // tea.BatchMsg, or tea.Sequence's own slice of commands
		return false
	}
	for i := 0; i < v.Len(); i++ {
		if c, ok := v.Index(i).Interface().(tea.Cmd); ok && quits(t, c) {
			return true
		}
	}
	return false
}

// runAccessibleTranscript runs the accessible wizard on the sandbox with
// the given answers and returns what it printed.
func runAccessibleTranscript(t *testing.T, in string) string {
	t.Helper()
	o := sandboxOptions(t)
	var out strings.Builder
	o.In, o.Out, o.Accessible = strings.NewReader(in), &out, true
	if _, err := Run(context.Background(), o); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return out.String()
}
