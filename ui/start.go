package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/i18n"
)

type (
	startChooseIntent struct{ value string } // a row of the start screen
	startBackIntent   struct{}               // esc on the start screen
)

// startModel is the start screen: a new request, a launch template
// version, an instance, a launch of the history or a launch file.
type startModel struct {
	list pickList
	keys startKeys
	kind string
}

func newStartModel() startModel {
	return startModel{list: pickList{cols: []column{{title: "", width: 34}, {title: ""}}, height: 12},
		keys: newStartKeys()}
}

// sync takes the controller's rows; a new list starts at its top.
func (s *startModel) sync(c *flow.Controller) {
	sc, ok := c.Start()
	if !ok {
		return
	}
	if sc.Kind != s.kind {
		s.kind, s.list.cursor, s.list.offset = sc.Kind, 0, 0
	}
	// A region is not started from: Enter lists its templates or instances.
	if sc.Kind == flow.StartRegion {
		s.keys.Choose.SetHelp("enter", i18n.Text("choose"))
	} else {
		s.keys.Choose.SetHelp("enter", i18n.Text("start from it"))
	}
	rows := make([]pickRow, 0, len(sc.Items))
	for _, it := range sc.Items {
		rows = append(rows, pickRow{cells: []string{it.Label, it.Note}, value: it.Value})
	}
	s.list.setRows(rows)
}

func (s *startModel) update(msg tea.KeyMsg) intent {
	k := s.keys
	switch {
	case key.Matches(msg, k.Up):
		s.list.move(-1)
	case key.Matches(msg, k.Down):
		s.list.move(1)
	case key.Matches(msg, k.Home):
		s.list.home()
	case key.Matches(msg, k.End):
		s.list.end()
	case key.Matches(msg, k.Choose):
		if r, ok := s.list.selected(); ok {
			return startChooseIntent{value: r.value}
		}
	case key.Matches(msg, k.Back):
		return startBackIntent{}
	}
	return nil
}

func (s *startModel) view(m *Model, width int) string {
	st := m.cm.st
	sc, _ := m.c.Start()
	var b strings.Builder
	b.WriteString(st.Title.Render(sc.Title))
	if sc.Kind != "" {
		b.WriteString(st.Muted.Render("  " + i18n.Text("(esc: back)")))
	}
	b.WriteString("\n\n")
	if sc.Loading {
		b.WriteString(m.spinner.View() + " " + i18n.Text("Reading…") + "\n")
	}
	if sc.Err != nil {
		b.WriteString(st.Error.Render(wrapText("✗ "+oneLine(sc.Err.Error()), width)) + "\n")
	}
	if len(s.list.rows) > 0 && !sc.Loading {
		b.WriteString(s.list.view(st, width))
	}
	return b.String()
}

// startKeys move through the start screen.
// Move is the footer's one word for both arrows, and Back's long text
// is for the help screen: the footer fits 80 columns in both languages.
type startKeys struct{ Move, Up, Down, Home, End, Choose, Back, BackLong key.Binding }

func newStartKeys() startKeys {
	return startKeys{
		Move:     bind([]string{"up", "down"}, "↑/↓", i18n.Text("move")),
		Up:       bind([]string{"up", "k"}, "↑", i18n.Text("previous choice")),
		Down:     bind([]string{"down", "j", "tab"}, "↓", i18n.Text("next choice")),
		Home:     bind([]string{"home", "g"}, "home", i18n.Text("first")),
		End:      bind([]string{"end", "G"}, "end", i18n.Text("last")),
		Choose:   bind([]string{"enter"}, "enter", i18n.Text("start from it")),
		Back:     bind([]string{"esc"}, "esc", i18n.Text("back")),
		BackLong: bind([]string{"esc"}, "esc", i18n.Text("back (on the menu: a new request)")),
	}
}

// ShortHelp is the footer.
func (k startKeys) ShortHelp() []key.Binding { return []key.Binding{k.Move, k.Choose, k.Back} }

// FullHelp is the `?` screen's part.
func (k startKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Home, k.End}, {k.Choose, k.BackLong}}
}

// doStart carries out the start screen's intents; a launch file asks its
// path on the path screen first.
func (m Model) doStart(it intent) (Model, tea.Cmd, bool) {
	switch it := it.(type) {
	case startChooseIntent:
		if sc, _ := m.c.Start(); sc.Kind == "" && it.value == flow.StartFile {
			m.screen = screenPath
			return m, m.path.open(pathOpen, firstNonEmpty(m.opts.FromPath, "launch.yaml")), true
		}
		next, cmd := m.apply(m.c.StartChoose(it.value))
		return next, cmd, true
	case startBackIntent:
		next, cmd := m.apply(m.c.StartBack())
		return next, cmd, true
	}
	return m, nil, false
}

// pathOpen is the path screen asking which launch file to open.
const pathOpen = "open"
