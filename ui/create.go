package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
)

type (
	createSetIntent     struct{ key, value string } // a value of the creation
	createConfirmIntent struct{}                    // enter: create it
	createCancelIntent  struct{}                    // esc: nothing is created
	templateIntent      struct{}                    // t on the review
)

// createModel is the confirmation of a creation (a VPC, a vSwitch, a
// security group, a key pair, a launch template): its values, editable,
// the calls it will make and the warnings on it.
type createModel struct {
	kind   string
	fields []flow.CreateField
	inputs map[string]*textinput.Model
	focus  int
	sub    map[string]int // the option under the cursor of a Multi
	keys   createKeys
	before int // len(Created()) when it opened: more after means it made something
}

func newCreateModel() createModel { return createModel{keys: newCreateKeys()} }

// sync takes the plan; the inputs are rebuilt only for a new plan, so
// what is being typed is kept.
func (c *createModel) sync(ctl *flow.Controller) {
	p, ok := ctl.CreatePlan()
	if !ok {
		c.kind, c.fields = "", nil
		return
	}
	fresh := p.Kind != c.kind || len(p.Fields) != len(c.fields)
	c.kind, c.fields = p.Kind, p.Fields
	if fresh {
		c.inputs, c.sub, c.focus = map[string]*textinput.Model{}, map[string]int{}, 0
	}
	for i, f := range p.Fields {
		if f.Options != nil {
			continue
		}
		in, ok := c.inputs[f.Key]
		if !ok {
			n := newInput()
			n.Prompt = ""
			in = &n
			c.inputs[f.Key] = in
		}
		if i != c.focus || !in.Focused() {
			in.SetValue(f.Value)
		}
	}
	c.syncFocus()
}

func (c *createModel) syncFocus() {
	for i, f := range c.fields {
		if in := c.inputs[f.Key]; in != nil {
			if i == c.focus {
				in.Focus()
				in.CursorEnd()
			} else {
				in.Blur()
			}
		}
	}
}

func (c *createModel) update(msg tea.KeyMsg) (intent, tea.Cmd) {
	k := c.keys
	switch {
	case key.Matches(msg, k.Cancel):
		return createCancelIntent{}, nil
	case key.Matches(msg, k.Create):
		return createConfirmIntent{}, nil
	case key.Matches(msg, k.Next):
		c.focus = (c.focus + 1) % max(1, len(c.fields))
		c.syncFocus()
		return nil, nil
	case key.Matches(msg, k.Prev):
		c.focus = (c.focus - 1 + len(c.fields)) % max(1, len(c.fields))
		c.syncFocus()
		return nil, nil
	}
	if c.focus >= len(c.fields) {
		return nil, nil
	}
	f := c.fields[c.focus]
	switch {
	case f.Multi:
		return c.multiKey(f, msg), nil
	case f.Options != nil:
		if key.Matches(msg, k.Left, k.Right, k.Toggle) {
			return createSetIntent{key: f.Key, value: cycleOption(f.Options, f.Value, key.Matches(msg, k.Left))}, nil
		}
		return nil, nil
	}
	in := c.inputs[f.Key]
	if in == nil {
		return nil, nil
	}
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if in.Value() != f.Value {
		return createSetIntent{key: f.Key, value: in.Value()}, cmd
	}
	return nil, cmd
}

// multiKey moves among a Multi's options (←/→) and toggles one (space).
func (c *createModel) multiKey(f flow.CreateField, msg tea.KeyMsg) intent {
	k, i := c.keys, c.sub[f.Key]
	switch {
	case key.Matches(msg, k.Left):
		c.sub[f.Key] = (i - 1 + len(f.Options)) % len(f.Options)
	case key.Matches(msg, k.Right):
		c.sub[f.Key] = (i + 1) % len(f.Options)
	case key.Matches(msg, k.Toggle):
		return createSetIntent{key: f.Key, value: toggleValue(f.Value, f.Options[i].Value)}
	}
	return nil
}

func cycleOption(opts []forms.Option, cur string, back bool) string {
	i := optionIndex(opts, cur)
	if back {
		i = (i - 1 + len(opts)) % len(opts)
	} else {
		i = (i + 1) % len(opts)
	}
	return opts[i].Value
}

// toggleValue adds v to a comma-joined list, or takes it out.
func toggleValue(csv, v string) string {
	var out []string
	found := false
	for _, x := range strings.Split(csv, ",") {
		switch x = strings.TrimSpace(x); {
		case x == "":
		case x == v:
			found = true
		default:
			out = append(out, x)
		}
	}
	if !found {
		out = append(out, v)
	}
	return strings.Join(out, ",")
}

func (c *createModel) view(m *Model, width int) string {
	st := m.cm.st
	p, ok := m.c.CreatePlan()
	if !ok {
		return ""
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(wrapText(p.Title, width)) + "\n")
	if p.Calls != "" {
		b.WriteString(st.Muted.Render(ellipsis(i18n.T("calls %s, with a ClientToken; recorded in the launch history", p.Calls), width)) + "\n")
	}
	b.WriteString("\n")
	if p.Preparing {
		return b.String() + m.spinner.View() + " " + i18n.Text("Preparing…")
	}
	for i, f := range p.Fields {
		b.WriteString(c.fieldView(st, f, i == c.focus, p.Applies(f.Key), width))
	}
	for _, w := range p.Warnings {
		b.WriteString(st.Warn.Render(wrapText("! "+w, width)) + "\n")
	}
	if p.Err != nil {
		b.WriteString(st.Error.Render(wrapText("✗ "+oneLine(p.Err.Error()), width)) + "\n")
	}
	if p.Running {
		b.WriteString(m.spinner.View() + " " + i18n.Text("Creating… (a VPC or vSwitch is waited for until Available)") + "\n")
	}
	return b.String()
}

func (c *createModel) fieldView(st Styles, f flow.CreateField, focused, applies bool, width int) string {
	mark, label := "  ", st.Label
	if !applies {
		label = st.Muted
	}
	if focused {
		mark, label = "▸ ", st.LabelFocused
	}
	line := mark + label.Render(f.Title) + st.Muted.Render("  "+f.Key)
	if !applies {
		// Kept, not sent: "Save as" chose the other kind of save.
		line += st.Muted.Render(" · " + i18n.Text("not sent"))
	}
	out := ellipsis(line, width) + "\n"
	val := ""
	switch {
	case f.Multi:
		var cells []string
		for i, o := range f.Options {
			box := "[ ]"
			if strings.Contains(","+f.Value+",", ","+o.Value+",") {
				box = "[x]"
			}
			cell := box + " " + o.Label
			if focused && i == c.sub[f.Key] {
				cell = st.RowSelected.Render(cell)
			}
			cells = append(cells, cell)
		}
		val = strings.Join(cells, "  ")
	case f.Options != nil:
		i := optionIndex(f.Options, f.Value)
		if i >= 0 {
			val = "‹ " + f.Options[i].Label + " ›"
		}
	default:
		if in := c.inputs[f.Key]; in != nil {
			val = in.View()
		}
	}
	out += "    " + val + "\n"
	if f.Doc != "" && focused {
		out += "    " + st.Doc.Render(ellipsis(f.Doc, width-4)) + "\n"
	}
	return out
}

// createKeys answer the creation's confirmation.
type createKeys struct{ Next, Prev, Left, Right, Toggle, Create, Cancel key.Binding }

func newCreateKeys() createKeys {
	return createKeys{
		Next:   bind([]string{"down", "tab"}, "↓/tab", i18n.Text("next value")),
		Prev:   bind([]string{"up", "shift+tab"}, "↑", i18n.Text("previous value")),
		Left:   bind([]string{"left"}, "←", i18n.Text("previous choice")),
		Right:  bind([]string{"right"}, "→", i18n.Text("next choice")),
		Toggle: bind([]string{" "}, "space", i18n.Text("toggle")),
		Create: bind([]string{"enter"}, "enter", i18n.Text("create it")),
		Cancel: bind([]string{"esc"}, "esc", i18n.Text("cancel: nothing is created")),
	}
}

// ShortHelp is the footer.
func (k createKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Create, k.Cancel, k.Toggle}
}

// FullHelp is the `?` screen's part.
func (k createKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev, k.Left, k.Right, k.Toggle}, {k.Create, k.Cancel}}
}

// doMore carries out the start screen's and the creations' intents.
func (m Model) doMore(it intent) (Model, tea.Cmd) {
	if next, cmd, ok := m.doStart(it); ok {
		return next, cmd
	}
	switch it := it.(type) {
	case createSetIntent:
		m.c.SetCreate(it.key, it.value)
		m.sync()
	case createConfirmIntent:
		return m.apply(m.c.ConfirmCreate())
	case createCancelIntent:
		m.c.CancelCreate()
		m.sync()
	case templateIntent:
		return m.apply(m.c.OpenCreate(flow.CreateTemplate))
	}
	return m, nil
}

// sourceLines say, at the top of the review, what the request was started
// from and what could not be carried over.
func sourceLines(st Styles, c *flow.Controller, width int) []string {
	var out []string
	if s, ok := c.Source(); ok {
		what := fmt.Sprintf("%s %s", s.Kind, s.ID)
		if s.Name != "" {
			what += " (" + s.Name + ")"
		}
		if s.Version > 0 {
			what += i18n.T(", version %d", s.Version)
		}
		out = append(out, st.Label.Render(ellipsis(i18n.T("Started from %s", what), width)))
	}
	for _, n := range c.FromNotes() {
		for _, l := range strings.Split(wrapText("! "+n, width-2), "\n") {
			out = append(out, st.Warn.Render(l))
		}
	}
	if len(out) > 0 {
		out = append(out, "")
	}
	return out
}

// leaveMadeAction moves the focus off a create action that made what it
// offers, to the field after it: enter presses a button, so a person
// going on with enter would otherwise open the same creation again.
func (m *Model) leaveMadeAction() {
	if fl, ok := m.form.focused(); ok && fl.Kind == forms.Action && len(m.c.Created()) > m.create.before {
		m.form.moveFocus(1)
	}
}

// syncCovers shows the start screen and a creation's confirmation while
// the controller has them open, and the step again once they close.
func (m *Model) syncCovers() {
	_, starting := m.c.Start()
	_, creating := m.c.CreatePlan()
	switch {
	case creating && (m.screen == screenStep || m.screen == screenCreate):
		if m.screen == screenStep {
			m.create.before = len(m.c.Created())
		}
		m.screen = screenCreate
		m.create.sync(m.c)
	case m.screen == screenCreate:
		m.screen = screenStep
		m.create.sync(m.c)
		m.leaveMadeAction()
	case starting && (m.screen == screenStep || m.screen == screenStart):
		m.screen = screenStart
		m.start.sync(m.c)
	case m.screen == screenStart:
		m.screen = screenStep
	}
}
