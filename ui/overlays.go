package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
)

// choiceModel is a short menu.
type choiceModel struct {
	title  string
	items  []string
	values []string
	cur    int
	keys   choiceKeys
}

func newChoice(title string, items, values []string) *choiceModel {
	return &choiceModel{title: title, items: items, values: values, keys: newChoiceKeys()}
}

// update moves the cursor; chosen is set on Enter, back on Esc.
func (c *choiceModel) update(msg tea.KeyMsg) (chosen string, done, back bool) {
	n := len(c.items)
	switch {
	case key.Matches(msg, c.keys.Up):
		c.cur = (c.cur - 1 + n) % n
	case key.Matches(msg, c.keys.Down):
		c.cur = (c.cur + 1) % n
	case key.Matches(msg, c.keys.Choose):
		return c.values[c.cur], true, false
	case key.Matches(msg, c.keys.Back):
		return "", false, true
	}
	return "", false, false
}

func (c *choiceModel) view(st Styles, width int) string {
	var b strings.Builder
	b.WriteString(st.Title.Render(wrapText(c.title, width)) + "\n\n")
	for i, it := range c.items {
		b.WriteString(choiceLine(st, ellipsis(it, width-2), i == c.cur) + "\n")
	}
	return b.String()
}

// choiceLine marks the chosen line with ▸, visible without colour.
func choiceLine(st Styles, s string, on bool) string {
	if on {
		return st.RowSelected.Render("▸ " + s)
	}
	return "  " + s
}

// exportModel picks a format, then a destination.
type exportModel struct {
	formats   *choiceModel
	dests     *choiceModel
	format    exporter.Format
	text      string
	notes     []string
	stdoutTTY bool
}

func newExportModel(stdoutTTY bool) exportModel {
	var names, values []string
	for _, f := range exporter.Formats() {
		names = append(names, string(f))
		values = append(values, string(f))
	}
	return exportModel{formats: newChoice(i18n.Text("Export as"), names, values), stdoutTTY: stdoutTTY}
}

// reset starts at the format menu.
func (e *exportModel) reset() { e.dests, e.text, e.notes = nil, "", nil }

// update handles a key; done carries what to do with the export.
func (e *exportModel) update(msg tea.KeyMsg, c *flow.Controller) intent {
	if e.dests == nil {
		v, done, back := e.formats.update(msg)
		switch {
		case back:
			return closeIntent{}
		case done:
			return e.render(c, exporter.Format(v))
		}
		return nil
	}
	v, done, back := e.dests.update(msg)
	switch {
	case back:
		e.dests = nil
	case done:
		return exportToIntent{dest: v, text: e.text}
	}
	return nil
}

func (e *exportModel) render(c *flow.Controller, f exporter.Format) intent {
	res, err := c.Export(f)
	if err != nil {
		return noticeIntent{text: i18n.T("Export failed: %v", err)}
	}
	e.format, e.text, e.notes = f, res.Text, res.Notes
	stdout := "stdout  " + i18n.Text("(printed when the wizard closes)")
	if !e.stdoutTTY {
		stdout = "stdout  " + i18n.Text("(into your redirect or pipe, when the wizard closes)")
	}
	e.dests = newChoice(i18n.T("Export %s to", string(f)), []string{i18n.Text("file"), i18n.Text("clipboard"), stdout}, []string{"file", "clipboard", "stdout"})
	return nil
}

func (e *exportModel) keyMap() keyMapper { return e.formats.keys }

func (e *exportModel) view(st Styles, width int) string {
	if e.dests == nil {
		return e.formats.view(st, width)
	}
	out := e.dests.view(st, width)
	for _, n := range e.notes {
		// Notes wrap: they say what the format cannot express.
		out += st.Warn.Render(wrapText("! "+n, width)) + "\n"
	}
	return out
}

// pathModel asks a file name.
type pathModel struct {
	what  string
	input textinput.Model
	keys  pathKeys
}

func newPathModel() pathModel {
	in := newInput()
	in.Prompt = i18n.Text("file: ")
	return pathModel{input: in, keys: newPathKeys()}
}

func (p *pathModel) open(what, def string) tea.Cmd {
	p.what = what
	p.input.SetValue(def)
	p.input.CursorEnd()
	return p.input.Focus()
}

func (p *pathModel) update(msg tea.KeyMsg) (intent, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.Cancel):
		return closeIntent{}, nil
	case key.Matches(msg, p.keys.Write):
		if v := strings.TrimSpace(p.input.Value()); v != "" {
			return writeIntent{path: v}, nil
		}
		return nil, nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return nil, cmd
}

func (p *pathModel) view(st Styles) string {
	if p.what == pathOpen {
		return st.Title.Render(i18n.Text("Open the launch file")) + "\n\n" + p.input.View()
	}
	return st.Title.Render(i18n.T("Write the %s to", flow.WhatName(p.what))) + "\n\n" + p.input.View()
}

// pagerModel shows the help: the API reference of the field, then every key.
type pagerModel struct {
	vp   viewport.Model
	keys pagerKeys
}

func newPagerModel() pagerModel { return pagerModel{vp: viewport.New(80, 20), keys: newPagerKeys()} }

func (p *pagerModel) open(content string, width, height int) {
	p.vp = viewport.New(width, max(3, height))
	p.vp.SetContent(content)
}

func (p *pagerModel) update(msg tea.KeyMsg) intent {
	k := p.keys
	switch {
	case key.Matches(msg, k.Close):
		return closeIntent{}
	case key.Matches(msg, k.Up):
		p.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		p.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		p.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		p.vp.PageDown()
	}
	return nil
}

// launchModel shows the confirmation, then a launch's live progress.
type launchModel struct {
	confirm confirmKeys
	keys    launchKeys
}

func newLaunchModel() launchModel {
	return launchModel{confirm: newConfirmKeys(i18n.Text("launch"), i18n.Text("back")), keys: newLaunchKeys()}
}

// progressView renders the progress, then every instance with its IPs
// and ssh command.
func (l *launchModel) progressView(st Styles, s flow.LaunchState, width int) string {
	var b strings.Builder
	running, total := s.Last.Running, s.Last.Total
	if s.Outcome != nil {
		running, total = s.Outcome.Running(), len(s.Outcome.Instances)
	}
	frac := 0.0
	if total > 0 {
		frac = float64(running) / float64(total)
	}
	b.WriteString(progressBar(st, frac, max(10, width-20)) + "  " + i18n.T("%d/%d running", running, total) + "\n\n")
	for _, line := range tail(s.Log, 6) {
		b.WriteString(st.Muted.Render(wrapText(line, width)) + "\n")
	}
	switch {
	case s.Running:
		b.WriteString("\n" + instancesView(&launcher.Outcome{Instances: s.Last.Instances}))
	case s.Err == nil:
		b.WriteString("\n" + st.OK.Render(i18n.Text("✓ Launched.")) + "\n")
		b.WriteString(instancesView(s.Outcome))
	default:
		b.WriteString("\n" + st.Error.Render(wrapText("✗ "+s.Err.Error(), width)) + "\n")
		b.WriteString(instancesView(s.Outcome))
	}
	return b.String()
}

func instancesView(o *launcher.Outcome) string {
	if o == nil {
		return ""
	}
	var b strings.Builder
	for _, in := range o.Instances {
		b.WriteString(i18n.T("  %s  %-8s private %s  public %s", in.ID, in.Status, orDash(in.PrivateIP), orDash(in.PublicIP)) + "\n")
		if in.SSH != "" {
			fmt.Fprintf(&b, "    %s\n", in.SSH)
		}
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func tail(ss []string, n int) []string {
	if len(ss) <= n {
		return ss
	}
	return ss[len(ss)-n:]
}

// progressBar draws frac of width cells.
func progressBar(st Styles, frac float64, width int) string {
	n := int(frac * float64(width))
	return st.OK.Render(strings.Repeat("█", n)) + st.Muted.Render(strings.Repeat("░", width-n))
}
