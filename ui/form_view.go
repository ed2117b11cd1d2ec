package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/ecslaunch/ecslaunch/apidoc"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// summary is the one-line explanation of a field: the field's own Doc, or
// apidoc's Summary of its API parameter.
func summary(fl forms.Field) string {
	if fl.Doc != "" {
		return fl.Doc
	}
	if d, ok := apidoc.Param(fl.Key); ok {
		return d.Summary
	}
	return ""
}

// reference is the API reference's full text of a parameter, for `?`.
func reference(key string) string {
	// apidoc builds it in the current language: in Chinese the spec's own
	// Chinese text, not an English summary.
	return apidoc.Help(key)
}

// view renders the fields, the focused one with its explanation in full.
// Every field's one-line explanation shows when the step fits; lines
// beyond height scroll so the focused field stays in view.
func (f *fieldForm) view(st Styles, width, height int) string {
	f.width = width
	lines, at := f.render(st, width, true)
	if height > 0 && len(lines) > height {
		lines, at = f.render(st, width, false)
	}
	return strings.Join(window(lines, at, height), "\n")
}

// render lays out the fields and says where the focused one starts.
func (f *fieldForm) render(st Styles, width int, docs bool) ([]string, int) {
	var lines []string
	at := 0
	for i, fl := range f.fields {
		if i == f.focus {
			at = len(lines)
		}
		lines = append(lines, f.fieldLines(st, fl, i == f.focus, width)...)
		// A note's explanation is its content (a group's rules): it
		// shows even where other fields' explanations give way.
		if (docs || fl.Kind == forms.Note) && i != f.focus {
			if s := summary(fl); s != "" {
				lines = append(lines, "    "+st.Doc.Render(ellipsis(s, width-4)))
			}
		}
	}
	return lines, at
}

// window picks height lines around line at, saying what is hidden.
func window(lines []string, at, height int) []string {
	if height <= 0 || len(lines) <= height {
		return lines
	}
	start := max(0, min(at-height/3, len(lines)-height))
	out := append([]string(nil), lines[start:start+height]...)
	if start > 0 && at > start {
		out[0] = i18n.Text("  ↑ more fields above")
	}
	if start+height < len(lines) && at < start+height-1 {
		out[height-1] = i18n.Text("  ↓ more fields below")
	}
	return out
}

func (f *fieldForm) fieldLines(st Styles, fl forms.Field, focused bool, width int) []string {
	label, mark := st.Label, "  "
	if focused {
		label, mark = st.LabelFocused, "▸ "
	}
	if !focused && f.findings.Blocking(fl.Key) {
		mark = st.Error.Render("✗ ")
	}
	title := mark + label.Render(fl.Title)
	if !forms.IsExtra(fl.Key) && fl.Kind != forms.Action {
		title += st.Muted.Render("  " + fl.Key)
	}
	out := []string{ansi.Truncate(title, width, "…")} // cut with an ellipsis, so a cut line does not read as whole
	if v := f.valueView(st, fl, focused); v != "" {
		for _, l := range strings.Split("    "+strings.ReplaceAll(v, "\n", "\n    "), "\n") {
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
	hint := focused && fl.Key == f.typing && f.recoverable
	for _, fd := range f.findings[fl.Key] {
		line := findingLine(st, fd, width-4)
		if hint && fd.Severity == rules.Error {
			line = st.Muted.Render(wrapText("· "+findingText(fd), width-4))
		}
		for _, l := range strings.Split(line, "\n") {
			out = append(out, "    "+l)
		}
	}
	return out
}

// findingText is a finding's message with its rule's row.
func findingText(fd rules.Finding) string {
	msg := fd.Message
	if fd.Row != "" && !strings.Contains(msg, fd.Row) {
		msg += i18n.T(" (docs/rules.md %s)", fd.Row)
	}
	return msg
}

// findingLine renders a finding: its parameter, rule and row.
func findingLine(st Styles, fd rules.Finding, width int) string {
	style, icon := st.Error, "✗ "
	if fd.Severity == rules.Warning {
		style, icon = st.Warn, "! "
	}
	return style.Render(wrapText(icon+findingText(fd), width))
}

func (f *fieldForm) valueView(st Styles, fl forms.Field, focused bool) string {
	v := f.current[fl.Key]
	switch fl.Kind {
	case forms.Input, forms.Secret:
		return f.inputView(st, fl, v, focused)
	case forms.TextArea:
		return f.areaView(st, fl, v, focused)
	case forms.Select:
		return selectView(st, fl, v, focused)
	case forms.Toggle:
		if v == "true" {
			return "[x] " + i18n.Text("yes")
		}
		return "[ ] " + i18n.Text("no")
	case forms.Multi:
		return f.multiView(st, fl, v, focused)
	case forms.Action:
		if focused {
			return st.Muted.Render(i18n.Text("enter or space: press"))
		}
	}
	return ""
}

func (f *fieldForm) inputView(st Styles, fl forms.Field, v string, focused bool) string {
	in := f.inputs[fl.Key]
	switch {
	case focused && in != nil:
		return in.View()
	case fl.Kind == forms.Secret && request.IsReference(v):
		// A reference is no secret: say where the value will come from.
		return st.Value.Render(v) + st.Muted.Render("  "+i18n.Text("(read from the environment when a call is made)"))
	case fl.Kind == forms.Secret && v != "":
		return "••••••••"
	case v == "" && fl.Placeholder != "":
		return st.Muted.Render(i18n.T("default: %s", fl.Placeholder))
	}
	return st.Value.Render(v)
}

// areaView is the multi-line editor when focused, else the first lines.
func (f *fieldForm) areaView(st Styles, fl forms.Field, v string, focused bool) string {
	if a := f.areas[fl.Key]; focused && a != nil {
		a.SetWidth(max(20, f.width-6))
		return a.View()
	}
	if v == "" {
		return st.Muted.Render(i18n.Text("(none)"))
	}
	lines := strings.Split(strings.TrimRight(v, "\n"), "\n")
	if len(lines) > 3 {
		return strings.Join(lines[:3], "\n") + "\n" + st.Muted.Render(i18n.T("… %d lines in all", len(lines)))
	}
	return strings.Join(lines, "\n")
}

func selectView(st Styles, fl forms.Field, v string, focused bool) string {
	i := optionIndex(fl.Options, v)
	if i < 0 {
		if v == "" {
			return st.Muted.Render(i18n.Text("(none available)"))
		}
		return st.Error.Render(v + i18n.Text(" (not offered here)"))
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

// multiView shows a checklist, one option a line; the highlighted option
// has a marker, so it shows without colour too.
func (f *fieldForm) multiView(st Styles, fl forms.Field, v string, focused bool) string {
	if len(fl.Options) == 0 {
		return st.Muted.Render(i18n.Text("(none in this VPC)"))
	}
	sel := splitCSV(v)
	parts := make([]string, len(fl.Options))
	for i, o := range fl.Options {
		box := "[ ]"
		if indexOf(sel, o.Value) >= 0 {
			box = "[x]"
		}
		p := "  " + box + " " + o.Label
		if focused && i == f.sub {
			p = st.RowSelected.Render("› " + box + " " + o.Label)
		}
		if o.Note != "" {
			p += st.Muted.Render("  " + o.Note)
		}
		parts[i] = p
	}
	if focused {
		parts = append(parts, st.Muted.Render(i18n.Text("  ↑/↓ move · space toggles")))
	}
	return strings.Join(parts, "\n")
}
