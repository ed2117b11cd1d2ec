package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// Every key the wizard answers is a binding of one of these keymaps; a
// screen dispatches with key.Matches only, and its footer and the `?`
// screen are rendered by bubbles/help from the same keymap.

func bind(keys []string, k, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
}

// globalKeys work on every screen.
type globalKeys struct {
	Quit, Panel, Retry, Help key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:  bind([]string{"ctrl+c"}, "ctrl+c", i18n.Text("quit (keeps the draft)")),
		Panel: bind([]string{"ctrl+p"}, "ctrl+p", i18n.Text("show/hide the request panel")),
		Retry: bind([]string{"ctrl+r"}, "ctrl+r", i18n.Text("retry what failed to load")),
		Help:  bind([]string{"?", "f1"}, "?", i18n.Text("help")),
	}
}

// ShortHelp is the global part of a footer.
func (k globalKeys) ShortHelp() []key.Binding { return []key.Binding{k.Help} }

// FullHelp lists the global keys.
func (k globalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Help, k.Panel, k.Retry, k.Quit}}
}

// listKeys move in a table.
type listKeys struct {
	Up, Down, PageUp, PageDown, Home, End, Filter, Choose, Back key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Up:       bind([]string{"up", "k"}, "↑", i18n.Text("up")),
		Down:     bind([]string{"down", "j"}, "↓", i18n.Text("down")),
		PageUp:   bind([]string{"pgup"}, "pgup", i18n.Text("page up")),
		PageDown: bind([]string{"pgdown"}, "pgdn", i18n.Text("page down")),
		Home:     bind([]string{"home", "g"}, "home", i18n.Text("first row")),
		End:      bind([]string{"end", "G"}, "end", i18n.Text("last row")),
		Filter:   bind([]string{"/"}, "/", i18n.Text("filter")),
		Choose:   bind([]string{"enter"}, "enter", i18n.Text("choose")),
		Back:     bind([]string{"esc", "shift+tab"}, "esc", i18n.Text("back")),
	}
}

// ShortHelp is the footer.
func (k listKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Filter, k.Choose, k.Back}
}

// FullHelp is the `?` screen's part.
func (k listKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, {k.Filter, k.Choose, k.Back}}
}

// filterKeys edit a table's filter.
type filterKeys struct {
	Done, Choose, Clear key.Binding
}

func newFilterKeys() filterKeys {
	return filterKeys{
		Done:   bind([]string{"up", "down", "pgup", "pgdown", "tab"}, "↑/↓", i18n.Text("move")),
		Choose: bind([]string{"enter"}, "enter", i18n.Text("choose")),
		Clear:  bind([]string{"esc"}, "esc", i18n.Text("clear")),
	}
}

// ShortHelp is the footer.
func (k filterKeys) ShortHelp() []key.Binding { return []key.Binding{k.Done, k.Choose, k.Clear} }

// FullHelp is the `?` screen's part.
func (k filterKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// typeKeys are the instance-type table's own keys.
type typeKeys struct {
	listKeys
	CPU, Mem, Sort, Zone key.Binding
}

func newTypeKeys() typeKeys {
	return typeKeys{listKeys: newListKeys(),
		CPU:  bind([]string{"c"}, "c", i18n.Text("vCPU")),
		Mem:  bind([]string{"m"}, "m", i18n.Text("memory")),
		Sort: bind([]string{"s"}, "s", i18n.Text("sort")),
		Zone: bind([]string{"z"}, "z", i18n.Text("zone with stock")),
	}
}

// ShortHelp is the footer.
func (k typeKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Filter, k.CPU, k.Mem, k.Sort, k.Zone, k.Choose, k.Back}
}

// FullHelp is the `?` screen's part.
func (k typeKeys) FullHelp() [][]key.Binding {
	return append(k.listKeys.FullHelp(), []key.Binding{k.CPU, k.Mem, k.Sort, k.Zone})
}

// imageKeys are the image table's own keys.
type imageKeys struct {
	listKeys
	PrevTab, NextTab key.Binding
}

func newImageKeys() imageKeys {
	return imageKeys{listKeys: newListKeys(),
		PrevTab: bind([]string{"left"}, "←", i18n.Text("previous tab")),
		NextTab: bind([]string{"right"}, "→", i18n.Text("next tab")),
	}
}

// ShortHelp is the footer.
func (k imageKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.NextTab, k.Filter, k.Choose, k.Back}
}

// FullHelp is the `?` screen's part.
func (k imageKeys) FullHelp() [][]key.Binding {
	return append(k.listKeys.FullHelp(), []key.Binding{k.PrevTab, k.NextTab})
}

// formKeys edit a step's fields.
type formKeys struct {
	Next, Prev, Change, Toggle, Remove, Editor, Submit, Back key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		Next:   bind([]string{"tab", "down"}, "tab", i18n.Text("next field")),
		Prev:   bind([]string{"shift+tab", "up"}, "shift+tab/↑", i18n.Text("previous field")),
		Change: bind([]string{"left", "right"}, "←/→", i18n.Text("change")),
		Toggle: bind([]string{" ", "x"}, "space", i18n.Text("toggle")),
		Remove: bind([]string{"ctrl+x"}, "ctrl+x", i18n.Text("remove row")),
		Editor: bind([]string{"ctrl+e"}, "ctrl+e", i18n.Text("$EDITOR")),
		Submit: bind([]string{"enter"}, "enter", i18n.Text("next")),
		Back:   bind([]string{"esc"}, "esc", i18n.Text("back")),
	}
}

// ShortHelp is the footer.
func (k formKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Change, k.Toggle, k.Submit, k.Back}
}

// FullHelp is the `?` screen's part.
func (k formKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev, k.Change, k.Toggle}, {k.Remove, k.Editor, k.Submit, k.Back}}
}

// textAreaKeys are the keys inside a multi-line field, where Enter is a
// line break.
type textAreaKeys struct {
	Leave, LeaveBack, Newline, Editor, Back key.Binding
}

func newTextAreaKeys() textAreaKeys {
	return textAreaKeys{
		Leave:     bind([]string{"tab"}, "tab", i18n.Text("leave the field")),
		LeaveBack: bind([]string{"shift+tab"}, "shift+tab", i18n.Text("previous field")),
		Newline:   bind([]string{"enter"}, "enter", i18n.Text("new line")),
		Editor:    bind([]string{"ctrl+e"}, "ctrl+e", i18n.Text("$EDITOR")),
		Back:      bind([]string{"esc"}, "esc", i18n.Text("back")),
	}
}

// ShortHelp is the footer.
func (k textAreaKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Leave, k.Newline, k.Editor, k.Back}
}

// FullHelp is the `?` screen's part.
func (k textAreaKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Leave, k.LeaveBack, k.Newline, k.Editor, k.Back}}
}

// reviewKeys are the review's actions.
type reviewKeys struct {
	DryRun, Launch, Export, Save, Template, Edit, Up, Down, PageUp, PageDown, Home, End,
	NextFinding, PrevFinding, Jump, Back, Quit key.Binding
}

func newReviewKeys(editKeys []string) reviewKeys {
	return reviewKeys{
		DryRun:      bind([]string{"d"}, "d", i18n.Text("DryRun")),
		Launch:      bind([]string{"l"}, "l", i18n.Text("launch")),
		Export:      bind([]string{"e"}, "e", i18n.Text("export")),
		Save:        bind([]string{"w"}, "w", i18n.Text("save")),
		Template:    bind([]string{"t"}, "t", i18n.Text("save as a launch template")),
		Edit:        bind(editKeys, editKeys[0]+"-"+editKeys[len(editKeys)-1], i18n.Text("edit")),
		Up:          bind([]string{"up", "k"}, "↑", i18n.Text("scroll")),
		Down:        bind([]string{"down", "j"}, "↓", i18n.Text("scroll")),
		PageUp:      bind([]string{"pgup"}, "pgup", i18n.Text("page up")),
		PageDown:    bind([]string{"pgdown", " "}, "pgdn", i18n.Text("page down")),
		Home:        bind([]string{"home", "g"}, "home", i18n.Text("top")),
		End:         bind([]string{"end", "G"}, "end", i18n.Text("bottom")),
		NextFinding: bind([]string{"tab"}, "tab", i18n.Text("next finding")),
		PrevFinding: bind([]string{"shift+tab"}, "shift+tab", i18n.Text("previous finding")),
		Jump:        bind([]string{"enter"}, "enter", i18n.Text("go to the finding's field")),
		Back:        bind([]string{"esc"}, "esc", i18n.Text("back to the last step")),
		Quit:        bind([]string{"q"}, "q", i18n.Text("quit")),
	}
}

// ShortHelp is the footer.
func (k reviewKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.DryRun, k.Launch, k.Export, k.Save, k.Edit, k.Down, k.Quit}
}

// FullHelp is the `?` screen's part.
func (k reviewKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.DryRun, k.Launch, k.Export, k.Save, k.Template, k.Edit},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, {k.NextFinding, k.PrevFinding, k.Jump, k.Back, k.Quit}}
}

// choiceKeys answer a menu (export format, destination).
type choiceKeys struct {
	Up, Down, Choose, Back key.Binding
}

func newChoiceKeys() choiceKeys {
	return choiceKeys{
		Up:     bind([]string{"up", "left", "k"}, "↑", i18n.Text("previous choice")),
		Down:   bind([]string{"down", "right", "tab", "j"}, "↓", i18n.Text("next choice")),
		Choose: bind([]string{"enter"}, "enter", i18n.Text("choose")),
		Back:   bind([]string{"esc"}, "esc", i18n.Text("back")),
	}
}

// ShortHelp is the footer.
func (k choiceKeys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Choose, k.Back} }

// FullHelp is the `?` screen's part.
func (k choiceKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// confirmKeys answer a yes/no question.
type confirmKeys struct{ Yes, No key.Binding }

func newConfirmKeys(yes, no string) confirmKeys {
	return confirmKeys{Yes: bind([]string{"y"}, "y", yes), No: bind([]string{"n", "esc"}, "n/esc", no)}
}

// ShortHelp is the footer.
func (k confirmKeys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

// FullHelp is the `?` screen's part.
func (k confirmKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// pathKeys edit a file name.
type pathKeys struct{ Write, Cancel key.Binding }

func newPathKeys() pathKeys {
	return pathKeys{Write: bind([]string{"enter"}, "enter", i18n.Text("write")), Cancel: bind([]string{"esc"}, "esc", i18n.Text("cancel"))}
}

// ShortHelp is the footer.
func (k pathKeys) ShortHelp() []key.Binding { return []key.Binding{k.Write, k.Cancel} }

// FullHelp is the `?` screen's part.
func (k pathKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// launchKeys are the keys of the launch screen once it has ended.
type launchKeys struct{ Quit, Back key.Binding }

func newLaunchKeys() launchKeys {
	return launchKeys{Quit: bind([]string{"q", "enter"}, "enter/q", i18n.Text("quit")), Back: bind([]string{"esc"}, "esc", i18n.Text("back to the review"))}
}

// ShortHelp is the footer.
func (k launchKeys) ShortHelp() []key.Binding { return []key.Binding{k.Quit, k.Back} }

// FullHelp is the `?` screen's part.
func (k launchKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// pagerKeys scroll the help screen.
type pagerKeys struct{ Up, Down, PageUp, PageDown, Close key.Binding }

func newPagerKeys() pagerKeys {
	return pagerKeys{
		Up:       bind([]string{"up", "k"}, "↑", i18n.Text("up")),
		Down:     bind([]string{"down", "j"}, "↓", i18n.Text("down")),
		PageUp:   bind([]string{"pgup"}, "pgup", i18n.Text("page up")),
		PageDown: bind([]string{"pgdown", " "}, "pgdn", i18n.Text("page down")),
		Close:    bind([]string{"esc", "q", "?", "f1", "enter"}, "esc", i18n.Text("close")),
	}
}

// ShortHelp is the footer.
func (k pagerKeys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.PageDown, k.Close} }

// FullHelp is the `?` screen's part.
func (k pagerKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
