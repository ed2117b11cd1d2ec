package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// exportStage is where the export dialog is.
type exportStage int

const (
	exportFormat exportStage = iota
	exportDest
)

// String names the stage.
func (s exportStage) String() string { return [...]string{"format", "destination"}[s] }

// exportDests are where an export goes.
var exportDests = []string{"file", "clipboard", "stdout"}

// exportModel picks a format, then a destination.
type exportModel struct {
	stage   exportStage
	formats []string
	format  int
	dest    int
	text    string
	notes   []string
	// stdoutTTY: stdout is the terminal rather than a file or pipe.
	stdoutTTY bool
}

func newExportModel(stdoutTTY bool) exportModel {
	return exportModel{formats: exportFormats(), stdoutTTY: stdoutTTY}
}

func (m Model) onExportKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	e := &m.export
	n := len(e.formats)
	if e.stage == exportDest {
		n = len(exportDests)
	}
	cur := &e.format
	if e.stage == exportDest {
		cur = &e.dest
	}
	switch msg.String() {
	case "up", "left":
		*cur = (*cur - 1 + n) % n
	case "down", "right", "tab":
		*cur = (*cur + 1) % n
	case "esc":
		if e.stage == exportDest {
			e.stage = exportFormat
		} else {
			m.screen = screenStep
		}
	case "enter":
		return m.exportNext()
	}
	return m, nil
}

// exportNext renders the chosen format, then sends it where asked.
func (m Model) exportNext() (tea.Model, tea.Cmd) {
	e := &m.export
	if e.stage == exportFormat {
		text, notes, err := exportText(m.draft.Req, e.formats[e.format], m.exportOpts())
		if err != nil {
			m.notice = "Export failed: " + err.Error()
			m.screen = screenStep
			return m, nil
		}
		e.text, e.notes, e.stage = text, notes, exportDest
		return m, nil
	}
	switch exportDests[e.dest] {
	case "file":
		m.openPath("export", defaultExportName(e.formats[e.format]))
		return m, nil
	case "clipboard":
		method, err := m.copyFn(e.text, m.opts.Out)
		m.screen = screenStep
		if err != nil {
			m.notice = "Copy failed: " + err.Error()
		} else {
			m.notice = "Copied to the clipboard (" + method + ")."
		}
		return m, nil
	}
	// stdout: printed by the caller once the TUI has left the terminal.
	m.result.Stdout, m.result.Aborted = e.text, false
	return m, tea.Quit
}

func (m *Model) exportOpts() exportOptions {
	o := exportOptions{Profile: m.opts.Profile, Region: m.region()}
	if m.opts.Endpoint != "" { // only an endpoint that outlives this run is worth writing
		o.Endpoint, o.Insecure = m.opts.Endpoint, m.opts.Scheme == "http"
	}
	return o
}

func defaultExportName(format string) string {
	ext := map[string]string{"cli": "launch.sh", "yaml": "launch.yaml", "json": "request.json",
		"terraform": "main.tf", "ros": "ros.json", "launch-template": "launch-template.sh"}[format]
	if ext == "" {
		ext = "export.txt"
	}
	return ext
}

// openPath asks for a file name.
func (m *Model) openPath(what, def string) {
	m.pathFor = what
	m.path.SetValue(def)
	m.path.CursorEnd()
	m.path.Focus()
	m.screen = screenPath
}

func (m Model) onPathKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.screen = screenStep
		return m, nil
	case "enter":
		p := strings.TrimSpace(m.path.Value())
		if p == "" {
			return m, nil
		}
		m.screen = screenStep
		if m.pathFor == "export" {
			return m, writeExport(p, m.export.text)
		}
		return m, saveLaunchFile(p, m.draft.Req)
	}
	var cmd tea.Cmd
	m.path, cmd = m.path.Update(msg)
	return m, cmd
}

func (m Model) onSaved(msg savedMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.err != nil:
		m.notice = fmt.Sprintf("Could not write the %s: %v", msg.what, msg.err)
	case !msg.quiet:
		m.notice = fmt.Sprintf("Wrote the %s to %s.", msg.what, msg.path)
		if len(m.export.notes) > 0 && msg.what == "export" {
			m.notice += " Note: " + strings.Join(m.export.notes, "; ")
		}
	}
	return m, nil
}

func (e *exportModel) view(st Styles) string {
	var b strings.Builder
	if e.stage == exportFormat {
		b.WriteString(st.Title.Render("Export as") + "\n\n")
		for i, f := range e.formats {
			b.WriteString(choiceLine(st, f, i == e.format) + "\n")
		}
		b.WriteString("\n" + st.Help.Render("↑/↓ choose · enter next · esc back"))
		return b.String()
	}
	b.WriteString(st.Title.Render("Export "+e.formats[e.format]+" to") + "\n\n")
	for i, d := range exportDests {
		if d == "stdout" {
			d += stdoutNote(e.stdoutTTY)
		}
		b.WriteString(choiceLine(st, d, i == e.dest) + "\n")
	}
	for _, n := range e.notes {
		b.WriteString(st.Warn.Render("! "+n) + "\n")
	}
	b.WriteString("\n" + st.Help.Render("↑/↓ choose · enter go · esc back"))
	return b.String()
}

// stdoutNote says where stdout goes: the text is written once the wizard
// has left the screen, into the file or pipe the caller set up.
func stdoutNote(tty bool) string {
	if tty {
		return "  (printed when the wizard closes)"
	}
	return "  (into your redirect or pipe, when the wizard closes)"
}

func choiceLine(st Styles, s string, on bool) string {
	if on {
		return st.RowSelected.Render("▸ " + s)
	}
	return "  " + s
}
