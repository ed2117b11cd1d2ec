package ui

import (
	"github.com/charmbracelet/x/ansi"
	"github.com/ecslaunch/ecslaunch/apidoc"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
	"strings"
)

// summary is the one-line explanation of a field: apidoc's Summary for an
// API parameter, the field's own Doc for a UI-only one.
func summary(fl forms.Field) string {
	if fl.Doc != "" {
		return fl.Doc
	}
	if d, ok := apidoc.Param(fl.Key); ok {
		return d.Summary
	}
	return ""
}

// reference is the API reference's full text of a field, for `?`.
func reference(key string) string {
	d, ok := apidoc.Param(key)
	if !ok {
		return ""
	}
	out := d.Pattern + " (" + d.Type + ")\n\n" + d.Summary
	if d.Reference != "" {
		out += "\n\nAPI reference:\n" + d.Reference
	}
	if d.Example != "" {
		out += "\n\nExample: " + d.Example
	}
	return out
}

// view renders the fields; the focused one with its explanation. Lines
// beyond height scroll so the focused field stays in view.
// Every field's explanation shows when the step fits the screen (one line
// each, in full for the focused field); otherwise only the focused one's.
func (f *fieldForm) view(st Styles, d *forms.Draft, width, height int) string {
	lines, at := f.render(st, d, width, true)
	if height > 0 && len(lines) > height {
		lines, at = f.render(st, d, width, false)
	}
	return strings.Join(window(lines, at, height), "\n")
}

// render lays out the fields and says where the focused one starts.
func (f *fieldForm) render(st Styles, d *forms.Draft, width int, docs bool) ([]string, int) {
	var lines []string
	at := 0
	for i, fl := range f.fields {
		if i == f.focus {
			at = len(lines)
		}
		lines = append(lines, f.fieldLines(st, d, fl, i == f.focus, width)...)
		if docs && i != f.focus {
			if s := summary(fl); s != "" {
				lines = append(lines, "    "+st.Doc.Render(ellipsis(s, width-4)))
			}
		}
	}
	return lines, at
}

// window picks height lines around line at.
func window(lines []string, at, height int) []string {
	if height <= 0 || len(lines) <= height {
		return lines
	}
	start := max(0, min(at-height/3, len(lines)-height))
	out := append([]string(nil), lines[start:start+height]...)
	// Say that fields are hidden above or below, and where.
	if start > 0 && at > start {
		out[0] = "  ↑ more fields above"
	}
	if start+height < len(lines) && at < start+height-1 {
		out[height-1] = "  ↓ more fields below"
	}
	return out
}

func (f *fieldForm) fieldLines(st Styles, d *forms.Draft, fl forms.Field, focused bool, width int) []string {
	label := st.Label
	mark := "  "
	if focused {
		label, mark = st.LabelFocused, "▸ "
	}
	if !focused && f.findings.Blocking(fl.Key) {
		mark = st.Error.Render("✗ ")
	}
	title := fl.Title
	if !forms.IsExtra(fl.Key) && fl.Kind != forms.Action {
		title += st.Muted.Render("  " + fl.Key)
	}
	out := []string{mark + label.Render(fl.Title) + strings.TrimPrefix(title, fl.Title)}
	// Cut with an ellipsis, so a cut line does not read as the whole.
	out[0] = ansi.Truncate(out[0], width, "…")
	if v := f.valueView(st, d, fl, focused); v != "" {
		for _, l := range strings.Split("    "+v, "\n") { // a Multi field has a line per option
			out = append(out, ansi.Truncate(l, width, "…"))
		}
	}
	if focused {
		if s := summary(fl); s != "" {
			for _, l := range strings.Split(wrapText(s, width-4), "\n") {
				out = append(out, "    "+st.Doc.Render(l))
			}
		}
	}
	for _, fd := range f.findings[fl.Key] {
		for _, l := range strings.Split(findingLine(st, fd, width-4), "\n") {
			out = append(out, "    "+l)
		}
	}
	return out
}

// findingLine renders a finding: its parameter, rule and row.
func findingLine(st Styles, fd rules.Finding, width int) string {
	style, icon := st.Error, "✗ "
	if fd.Severity == rules.Warning {
		style, icon = st.Warn, "! "
	}
	msg := fd.Message
	if fd.Row != "" && !strings.Contains(msg, fd.Row) {
		msg += " (rules.md " + fd.Row + ")"
	}
	return style.Render(wrapText(icon+msg, width))
}

func (f *fieldForm) valueView(st Styles, d *forms.Draft, fl forms.Field, focused bool) string {
	switch fl.Kind {
	case forms.Input, forms.Secret:
		in := f.inputs[fl.Key]
		if focused {
			return in.View()
		}
		if fl.Kind == forms.Secret && request.IsReference(in.Value()) {
			// A reference is no secret: say where the value will come from.
			return st.Value.Render(in.Value()) + st.Muted.Render("  (read from the environment when a call is made)")
		}
		if fl.Kind == forms.Secret && in.Value() != "" {
			return "••••••••"
		}
		return st.Value.Render(in.Value())
	case forms.Select:
		return selectView(st, fl, d.Get(fl.Key), focused)
	case forms.Toggle:
		if d.Get(fl.Key) == "true" {
			return "[x] yes"
		}
		return "[ ] no"
	case forms.Multi:
		return f.multiView(st, fl, d.Get(fl.Key), focused)
	case forms.Action:
		if focused {
			return st.Muted.Render("space: press")
		}
	}
	return ""
}

func selectView(st Styles, fl forms.Field, v string, focused bool) string {
	i := optionIndex(fl.Options, v)
	if i < 0 {
		if v == "" {
			return st.Muted.Render("(none available)")
		}
		return st.Error.Render(v + " (not offered here)")
	}
	o := fl.Options[i]
	s := o.Label
	if focused && len(fl.Options) > 1 {
		s = "‹ " + s + " ›"
	}
	if o.Note != "" {
		s += st.Muted.Render("  " + o.Note)
	}
	if focused && len(fl.Options) > 1 {
		s += st.Muted.Render("  (←/→ " + itoa(i+1) + "/" + itoa(len(fl.Options)) + ")")
	}
	return s
}

func (f *fieldForm) multiView(st Styles, fl forms.Field, v string, focused bool) string {
	if len(fl.Options) == 0 {
		return st.Muted.Render("(none in this VPC)")
	}
	sel := splitCSV(v)
	parts := make([]string, len(fl.Options))
	for i, o := range fl.Options {
		box := "[ ]"
		if indexOf(sel, o.Value) >= 0 {
			box = "[x]"
		}
		p := box + " " + o.Label
		if focused && i == f.sub {
			p = st.RowSelected.Render(p)
		}
		if o.Note != "" {
			p += st.Muted.Render("  " + o.Note)
		}
		parts[i] = p
	}
	hint := ""
	if focused {
		hint = "\n    " + st.Muted.Render("←/→ move · space toggles")
	}
	return strings.Join(parts, "\n    ") + hint // one group a line: names and IDs are long
}
