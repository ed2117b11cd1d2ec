package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// fieldForm edits the fields of one step. Every change goes straight into
// the draft and reruns that field's rules and the related ones, so the
// message under a field is always current.
type fieldForm struct {
	step     forms.StepID
	fields   []forms.Field
	focus    int
	sub      int // highlighted option of a Multi field
	inputs   map[string]*textinput.Model
	findings forms.Findings
	width    int // of the pane, so a long value scrolls inside it
	// fresh is the input just focused and not yet edited: in a number
	// field the first digit typed replaces the value (as a selected text
	// would), so a default size of 40 becomes 200, not 40200. A cursor key
	// keeps it; text fields always append (a template's name is extended).
	fresh string
	// lastFocus is the key focused at the last syncFocus.
	lastFocus string
}

func newFieldForm(step forms.StepID) fieldForm {
	return fieldForm{step: step, inputs: map[string]*textinput.Model{}, findings: forms.Findings{}}
}

// rebuild asks the forms package for the step's fields as the draft is now
// (fields come and go with earlier answers) and keeps the focus on the same key.
func (f *fieldForm) rebuild(d *forms.Draft, fields []forms.Field, now time.Time) {
	cur := f.focusedKey()
	f.fields = fields
	f.focus = 0
	for i, fl := range fields {
		if fl.Key == cur {
			f.focus = i
		}
	}
	for _, fl := range fields {
		if fl.Kind != forms.Input && fl.Kind != forms.Secret {
			continue
		}
		in, ok := f.inputs[fl.Key]
		if !ok {
			t := newInput()
			t.Prompt = ""
			t.CharLimit = 16384
			if fl.Kind == forms.Secret {
				t.EchoMode = textinput.EchoPassword
				t.EchoCharacter = '•'
			}
			in = &t
			f.inputs[fl.Key] = in
		}
		if v := d.Get(fl.Key); v != in.Value() {
			in.SetValue(v)
		}
	}
	f.checkAll(d, now)
	f.syncFocus()
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

// syncFocus gives the text cursor to the focused input only.
func (f *fieldForm) syncFocus() {
	if k := f.focusedKey(); k != f.lastFocus {
		f.fresh, f.lastFocus = k, k
	}
	for k, in := range f.inputs {
		if k == f.focusedKey() {
			in.Focus()
		} else {
			in.Blur()
		}
	}
}

// checkAll reruns every field's rules (on entering the step or after a
// change that may affect several fields).
func (f *fieldForm) checkAll(d *forms.Draft, now time.Time) {
	f.findings = forms.Findings{}
	for _, fl := range f.fields {
		f.place(fl.Key, forms.Check(d, fl, now))
	}
}

// check reruns the rules of some fields: their old findings go, the new
// ones are placed.
func (f *fieldForm) check(d *forms.Draft, now time.Time, keys map[string]bool) {
	for k, fs := range f.findings {
		kept := fs[:0:0]
		for _, x := range fs {
			if !keys[x.Parameter] && !keys[forms.FieldFor(x.Parameter)] && !keys[k] {
				kept = append(kept, x)
			}
		}
		f.findings[k] = kept
	}
	for _, fl := range f.fields {
		if keys[fl.Key] {
			f.place(fl.Key, forms.Check(d, fl, now))
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

// keys lists the step's field keys, for Blocking.
func (f *fieldForm) keys() []string {
	out := make([]string, len(f.fields))
	for i, fl := range f.fields {
		out[i] = fl.Key
	}
	return out
}

// valid reports whether the step may be left.
func (f *fieldForm) valid() bool { return !f.findings.Blocking(f.keys()...) }

// firstInvalid focuses the first field with an error, so Enter on an
// invalid step shows the user where to look.
func (f *fieldForm) firstInvalid() {
	for i, fl := range f.fields {
		if f.findings.Blocking(fl.Key) {
			f.focus = i
			f.syncFocus()
			return
		}
	}
}

func (f *fieldForm) moveFocus(n int) {
	if len(f.fields) == 0 {
		return
	}
	f.focus = (f.focus + n + len(f.fields)) % len(f.fields)
	f.sub = 0
	f.syncFocus()
}

// formChange tells the root what an edit did.
type formChange int

const (
	changeNone   formChange = iota
	changeValue             // a value changed: fields may come and go
	changeTyping            // text typed: only findings change
)

// String names the change.
func (c formChange) String() string { return [...]string{"none", "value", "typing"}[c] }

// update handles a key on the focused field.
func (f *fieldForm) update(msg tea.KeyMsg, d *forms.Draft) (formChange, tea.Cmd) {
	fl, ok := f.focused()
	if !ok {
		return changeNone, nil
	}
	switch fl.Kind {
	case forms.Input, forms.Secret:
		in := f.inputs[fl.Key]
		if f.width > 16 {
			// Without a width the input grows past the pane's edge and
			// the cursor, at the end of a long value, is cut off.
			in.Width = f.width - 6
		}
		before := in.Value()
		if f.fresh == fl.Key && msg.Type == tea.KeyRunes && !msg.Paste && numeric(fl.Key) {
			in.SetValue("")
		}
		f.fresh = ""
		var cmd tea.Cmd
		*in, cmd = in.Update(msg)
		if in.Value() != before {
			_ = d.Set(fl.Key, in.Value())
			return changeTyping, cmd
		}
		return changeNone, cmd
	case forms.Select:
		return f.cycle(fl, msg.String(), d), nil
	case forms.Toggle:
		if s := msg.String(); s == " " || s == "left" || s == "right" || s == "x" {
			_ = d.Toggle(fl.Key)
			return changeValue, nil
		}
	case forms.Multi:
		return f.multi(fl, msg.String(), d), nil
	case forms.Action:
		if msg.String() == " " {
			return f.act(fl, d), nil
		}
	}
	return changeNone, nil
}

// cycle moves a Select to the previous or next option.
func (f *fieldForm) cycle(fl forms.Field, k string, d *forms.Draft) formChange {
	step := map[string]int{"left": -1, "right": 1, " ": 1}[k]
	if step == 0 || len(fl.Options) == 0 {
		return changeNone
	}
	i := optionIndex(fl.Options, d.Get(fl.Key))
	i = (i + step + len(fl.Options)) % len(fl.Options)
	_ = d.Set(fl.Key, fl.Options[i].Value)
	return changeValue
}

func optionIndex(opts []forms.Option, v string) int {
	for i, o := range opts {
		if o.Value == v {
			return i
		}
	}
	return -1
}

// multi moves the highlight with ←/→ and toggles with space.
func (f *fieldForm) multi(fl forms.Field, k string, d *forms.Draft) formChange {
	n := len(fl.Options)
	if n == 0 {
		return changeNone
	}
	switch k {
	case "left":
		f.sub = (f.sub - 1 + n) % n
	case "right":
		f.sub = (f.sub + 1) % n
	case " ":
		sel := splitCSV(d.Get(fl.Key))
		v := fl.Options[f.sub].Value
		if i := indexOf(sel, v); i >= 0 {
			sel = append(sel[:i], sel[i+1:]...)
		} else {
			sel = append(sel, v)
		}
		_ = d.Set(fl.Key, strings.Join(sel, ","))
		return changeValue
	}
	return changeNone
}

func (f *fieldForm) act(fl forms.Field, d *forms.Draft) formChange {
	switch fl.Key {
	case forms.KeyAddDataDisk:
		_ = d.AddDataDisk()
	case forms.KeyAddTag:
		d.AddTag()
	default:
		return changeNone
	}
	return changeValue
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
