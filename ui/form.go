package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// fieldForm edits the fields of one step. A change goes to the controller
// (an intent); the form then shows the fields and findings it answers.
type fieldForm struct {
	step     forms.StepID
	fields   []forms.Field
	focus    int
	sub      int // highlighted option of a Multi field
	inputs   map[string]*textinput.Model
	areas    map[string]*textarea.Model
	findings forms.Findings
	width    int
	keys     formKeys
	areaKeys textAreaKeys
	// fresh is the input just focused and not yet edited: in a number
	// field the first digit typed replaces the value (as a selected text
	// would), so a default size of 40 becomes 200, not 40200.
	fresh     string
	lastFocus string
	// typing is the field being typed into; its findings show as hints
	// while the value can still become valid, until a pause (seq) or until
	// the focus leaves it.
	typing      string
	seq         int
	recoverable bool
	// current is every field's value as the controller has it.
	current map[string]string
	// settleDelay is the pause after which the rule of a value being typed
	// shows as an error rather than a hint (negative: no timer).
	settleDelay time.Duration
}

func newFieldForm() fieldForm {
	return fieldForm{inputs: map[string]*textinput.Model{}, areas: map[string]*textarea.Model{},
		findings: forms.Findings{}, keys: newFormKeys(), areaKeys: newTextAreaKeys()}
}

// sync shows the controller's fields and findings; the focus stays on the
// same key, and typed text stays in its input.
func (f *fieldForm) sync(c *flow.Controller) {
	if f.step != c.Step() {
		f.step, f.focus, f.typing = c.Step(), 0, ""
		f.inputs, f.areas = map[string]*textinput.Model{}, map[string]*textarea.Model{}
		f.lastFocus = ""
	}
	cur := f.focusedKey()
	f.fields = c.Fields()
	f.focus = max(0, min(f.focus, len(f.fields)-1))
	for i, fl := range f.fields {
		if fl.Key == cur {
			f.focus = i
		}
	}
	d := c.Draft()
	f.current = map[string]string{}
	for _, fl := range f.fields {
		f.current[fl.Key] = d.Get(fl.Key)
		switch fl.Kind {
		case forms.Input, forms.Secret:
			f.syncInput(fl, d.Get(fl.Key))
		case forms.TextArea:
			f.syncArea(fl, d.Get(fl.Key))
		}
	}
	f.check(c)
	f.syncFocus()
}

func (f *fieldForm) syncInput(fl forms.Field, v string) {
	in, ok := f.inputs[fl.Key]
	if !ok {
		t := newInput()
		t.Prompt = ""
		t.CharLimit = 16384
		t.Placeholder = fl.Placeholder
		if fl.Kind == forms.Secret && !request.IsReference(v) {
			t.EchoMode = textinput.EchoPassword
			t.EchoCharacter = '•'
		}
		in = &t
		f.inputs[fl.Key] = in
	}
	if v != in.Value() {
		in.SetValue(v)
	}
	if fl.Kind == forms.Secret {
		// A ${NAME} reference is no secret: it shows as written, and
		// typing a password over it masks again.
		if request.IsReference(v) {
			in.EchoMode = textinput.EchoNormal
		} else {
			in.EchoMode = textinput.EchoPassword
		}
	}
}

func (f *fieldForm) syncArea(fl forms.Field, v string) {
	a, ok := f.areas[fl.Key]
	if !ok {
		t := textarea.New()
		t.ShowLineNumbers = false
		t.Prompt = "│ "
		t.CharLimit = flow.MaxUserData
		t.MaxHeight = 0
		t.SetHeight(6)
		t.Placeholder = "#!/bin/sh …"
		a = &t
		f.areas[fl.Key] = a
	}
	if v != a.Value() {
		a.SetValue(v)
	}
}

// check reruns every field's rules; the findings of the field being typed
// are hints while typing on could still make it valid.
func (f *fieldForm) check(c *flow.Controller) {
	f.findings = forms.Findings{}
	for _, fl := range f.fields {
		f.place(fl.Key, c.Check(fl))
	}
	f.recoverable = false
	if fl, ok := f.focused(); ok && fl.Key == f.typing && blocking(f.findings[fl.Key]) && fl.Kind == forms.Input {
		v := c.Draft().Get(fl.Key)
		for _, more := range []string{"a", "1", "a1"} {
			if !blocking(c.CheckValue(fl, v+more)) {
				f.recoverable = true
			}
		}
	}
}

// place files each finding under the field of the parameter it concerns
// (a cross-field rule checked from InstanceChargeType may be about Period),
// once; a parameter with no field here stays under the field checked.
func (f *fieldForm) place(checked string, fs []rules.Finding) {
	if _, ok := f.findings[checked]; !ok {
		f.findings[checked] = nil
	}
	for _, x := range fs {
		target := forms.FieldFor(x.Parameter)
		if !f.has(target) {
			target = checked
		}
		if !containsFinding(f.findings[target], x) {
			f.findings[target] = append(f.findings[target], x)
		}
	}
}

func (f *fieldForm) has(key string) bool {
	for _, fl := range f.fields {
		if fl.Key == key {
			return true
		}
	}
	return false
}

func containsFinding(fs []rules.Finding, x rules.Finding) bool {
	for _, y := range fs {
		if y.Message == x.Message && y.Parameter == x.Parameter {
			return true
		}
	}
	return false
}

func (f *fieldForm) focusedKey() string {
	if f.focus < 0 || f.focus >= len(f.fields) {
		return ""
	}
	return f.fields[f.focus].Key
}

func (f *fieldForm) focused() (forms.Field, bool) {
	if f.focus < 0 || f.focus >= len(f.fields) {
		return forms.Field{}, false
	}
	return f.fields[f.focus], true
}

// focusKey focuses the field of key, if the step has it.
func (f *fieldForm) focusKey(key string) {
	for i, fl := range f.fields {
		if fl.Key == key {
			f.focus, f.sub = i, 0
			f.syncFocus()
			return
		}
	}
}

// syncFocus gives the text cursor to the focused input only.
func (f *fieldForm) syncFocus() {
	if k := f.focusedKey(); k != f.lastFocus {
		f.fresh, f.lastFocus = k, k
		f.typing = ""
	}
	for k, in := range f.inputs {
		if k == f.focusedKey() {
			in.Focus()
		} else {
			in.Blur()
		}
	}
	for k, a := range f.areas {
		if k == f.focusedKey() {
			a.Focus()
		} else {
			a.Blur()
		}
	}
}

func (f *fieldForm) moveFocus(n int) {
	if len(f.fields) == 0 {
		return
	}
	f.focus = (f.focus + n + len(f.fields)) % len(f.fields)
	f.sub = 0
	f.typing = "" // leaving the field (even back onto itself) ends its typing
	if n < 0 {
		if fl, ok := f.focused(); ok && fl.Kind == forms.Multi {
			f.sub = max(0, len(fl.Options)-1) // coming from below: its last option
		}
	}
	f.syncFocus()
}

// keyMap is the footer's keymap: a multi-line field has its own.
func (f *fieldForm) keyMap() keyMapper {
	if fl, ok := f.focused(); ok && fl.Kind == forms.TextArea {
		return f.areaKeys
	}
	return f.keys
}

// settle ends the typing of the field whose pause it marks.
func (f *fieldForm) settle(seq int) bool {
	if seq != f.seq || f.typing == "" {
		return false
	}
	f.typing = ""
	return true
}

// update handles a key on the focused field and says what the user wants.
func (f *fieldForm) update(msg tea.KeyMsg) (intent, tea.Cmd) {
	fl, ok := f.focused()
	if fl.Kind == forms.TextArea {
		return f.areaKey(msg, fl)
	}
	k := f.keys
	switch {
	case ok && fl.Kind == forms.Action && key.Matches(msg, k.Submit, k.Toggle):
		// A button is pressed by enter too: that is what a person tries
		// first on "+ Create a VPC", and the step is not ready anyway.
		return pressIntent{key: fl.Key}, nil
	case key.Matches(msg, k.Submit):
		return submitIntent{}, nil
	case key.Matches(msg, k.Back):
		return backIntent{}, nil
	case key.Matches(msg, k.Remove):
		if ok {
			return removeIntent{key: fl.Key}, nil
		}
	case ok && fl.Kind == forms.Multi && (msg.String() == "up" || msg.String() == "down"):
		return f.multiMove(fl, msg.String()), nil
	case key.Matches(msg, k.Next):
		f.moveFocus(1)
		return focusIntent{}, nil
	case key.Matches(msg, k.Prev):
		f.moveFocus(-1)
		return focusIntent{}, nil
	}
	if !ok {
		return nil, nil
	}
	switch fl.Kind {
	case forms.Input, forms.Secret:
		return f.typeKey(msg, fl)
	case forms.Select:
		return f.cycle(fl, msg), nil
	case forms.Toggle:
		if key.Matches(msg, k.Toggle, k.Change) {
			return toggleIntent{key: fl.Key}, nil
		}
	case forms.Multi:
		return f.multi(fl, msg), nil
	}
	return nil, nil
}

// typeKey edits a text input; a change is an intent to set the value.
func (f *fieldForm) typeKey(msg tea.KeyMsg, fl forms.Field) (intent, tea.Cmd) {
	in := f.inputs[fl.Key]
	if in == nil {
		return nil, nil
	}
	if f.width > 16 {
		in.Width = f.width - 6 // a long value scrolls inside the pane
	}
	before := in.Value()
	// Typing into a field just focused replaces a number (40 → 200, not
	// 40200) and a ${NAME} reference (a password is typed over it).
	if f.fresh == fl.Key && msg.Type == tea.KeyRunes && !msg.Paste && (numeric(fl.Key) || request.IsReference(before)) {
		in.SetValue("")
		in.EchoMode = textinputEcho(fl)
	}
	f.fresh = ""
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if in.Value() == before {
		return nil, cmd
	}
	return f.typed(fl.Key, in.Value(), cmd)
}

// textinputEcho is how a field's text shows: masked for a secret.
func textinputEcho(fl forms.Field) textinput.EchoMode {
	if fl.Kind == forms.Secret {
		return textinput.EchoPassword
	}
	return textinput.EchoNormal
}

// typed marks a field as being typed and schedules the pause after which
// its findings show as errors.
func (f *fieldForm) typed(key, value string, cmd tea.Cmd) (intent, tea.Cmd) {
	f.typing = key
	f.seq++
	if f.settleDelay < 0 {
		return setIntent{key: key, value: value}, cmd
	}
	seq := f.seq
	tick := tea.Tick(f.settleDelay, func(time.Time) tea.Msg { return settleMsg{seq: seq} })
	return setIntent{key: key, value: value}, tea.Batch(cmd, tick)
}

// areaKey edits a multi-line field: Enter is a line break, Tab leaves.
func (f *fieldForm) areaKey(msg tea.KeyMsg, fl forms.Field) (intent, tea.Cmd) {
	k := f.areaKeys
	switch {
	case key.Matches(msg, k.Leave):
		f.moveFocus(1)
		return focusIntent{}, nil
	case key.Matches(msg, k.LeaveBack):
		f.moveFocus(-1)
		return focusIntent{}, nil
	case key.Matches(msg, k.Back):
		return backIntent{}, nil
	case key.Matches(msg, k.Editor):
		return editorIntent{key: fl.Key, text: f.areas[fl.Key].Value()}, nil
	}
	a := f.areas[fl.Key]
	a.SetWidth(max(20, f.width-6))
	before := a.Value()
	var cmd tea.Cmd
	*a, cmd = a.Update(msg)
	if a.Value() == before {
		return nil, cmd
	}
	return f.typed(fl.Key, a.Value(), cmd)
}

// cycle moves a Select to the previous or next option.
func (f *fieldForm) cycle(fl forms.Field, msg tea.KeyMsg) intent {
	step := 0
	switch {
	case msg.String() == "left":
		step = -1
	case msg.String() == "right", key.Matches(msg, f.keys.Toggle):
		step = 1
	}
	if step == 0 || len(fl.Options) == 0 {
		return nil
	}
	i := optionIndex(fl.Options, f.value(fl))
	i = (i + step + len(fl.Options)) % len(fl.Options)
	return setIntent{key: fl.Key, value: fl.Options[i].Value}
}

// value is what the form shows for a field: the controller's, through the
// option list's current value.
func (f *fieldForm) value(fl forms.Field) string {
	for _, o := range fl.Options {
		if o.Value == f.current[fl.Key] {
			return o.Value
		}
	}
	return f.current[fl.Key]
}

func optionIndex(opts []forms.Option, v string) int {
	for i, o := range opts {
		if o.Value == v {
			return i
		}
	}
	return -1
}

// multiMove moves the highlight of a checklist with ↑/↓, leaving the field
// past its first or last option.
func (f *fieldForm) multiMove(fl forms.Field, dir string) intent {
	switch {
	case dir == "down" && f.sub < len(fl.Options)-1:
		f.sub++
	case dir == "up" && f.sub > 0:
		f.sub--
	case dir == "down":
		f.moveFocus(1)
	default:
		f.moveFocus(-1)
	}
	return focusIntent{}
}

// multi moves the highlight with ←/→ and toggles with space.
func (f *fieldForm) multi(fl forms.Field, msg tea.KeyMsg) intent {
	n := len(fl.Options)
	if n == 0 {
		return nil
	}
	switch {
	case msg.String() == "left":
		f.sub = (f.sub - 1 + n) % n
	case msg.String() == "right":
		f.sub = (f.sub + 1) % n
	case key.Matches(msg, f.keys.Toggle):
		sel := splitCSV(f.current[fl.Key])
		v := fl.Options[f.sub].Value
		if i := indexOf(sel, v); i >= 0 {
			sel = append(sel[:i], sel[i+1:]...)
		} else {
			sel = append(sel, v)
		}
		return setIntent{key: fl.Key, value: strings.Join(sel, ",")}
	}
	return focusIntent{}
}

func splitCSV(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func indexOf(list []string, v string) int {
	for i, s := range list {
		if s == v {
			return i
		}
	}
	return -1
}

// numeric reports whether a parameter takes a number (Amount, DataDisk.N.Size).
func numeric(key string) bool {
	s, ok := request.Lookup(key)
	return ok && (s.Type == request.Integer || s.Type == request.Float)
}

// newInput is a text input with a steady cursor: a blinking one would keep
// a timer running for nothing and make every frame differ.
func newInput() textinput.Model {
	t := textinput.New()
	t.Cursor.SetMode(cursor.CursorStatic)
	return t
}

// blocking reports whether any finding is an error.
func blocking(fs []rules.Finding) bool {
	for _, f := range fs {
		if f.Severity == rules.Error {
			return true
		}
	}
	return false
}
