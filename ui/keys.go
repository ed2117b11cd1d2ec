package ui

import "github.com/charmbracelet/bubbles/key"

// keyMap is every key the wizard answers; `?` lists them all.
type keyMap struct {
	Next, Back, Up, Down, NextField, PrevField, Left, Right, Toggle key.Binding
	Help, Doc, Panel, Quit, Retry, Remove                           key.Binding
	Filter, CPU, Mem, Sort, SwitchZone, Tabs                        key.Binding
	DryRun, Launch, Export, Save, Edit, Yes, No                     key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, help))
	}
	return keyMap{
		Next:       b([]string{"enter"}, "enter", "next step"),
		Back:       b([]string{"esc", "shift+tab"}, "esc/shift+tab", "back"),
		Up:         b([]string{"up"}, "↑", "up"),
		Down:       b([]string{"down"}, "↓", "down"),
		NextField:  b([]string{"tab", "down"}, "tab/↓", "next field"),
		PrevField:  b([]string{"up"}, "↑", "previous field"),
		Left:       b([]string{"left"}, "←", "previous choice"),
		Right:      b([]string{"right"}, "→", "next choice"),
		Toggle:     b([]string{" "}, "space", "toggle / press"),
		Help:       b([]string{"?"}, "?", "help (on a field: the API reference)"),
		Doc:        b([]string{"f1"}, "f1", "API reference of the field"),
		Panel:      b([]string{"ctrl+p"}, "ctrl+p", "show/hide the request panel"),
		Quit:       b([]string{"ctrl+c"}, "ctrl+c", "quit (the draft is kept)"),
		Retry:      b([]string{"ctrl+r"}, "ctrl+r", "retry what failed"),
		Remove:     b([]string{"ctrl+x"}, "ctrl+x", "remove this data disk / tag"),
		Filter:     b([]string{"/"}, "/", "filter"),
		CPU:        b([]string{"c"}, "c", "vCPU filter"),
		Mem:        b([]string{"m"}, "m", "memory filter"),
		Sort:       b([]string{"s"}, "s", "sort: price, vCPU, memory"),
		SwitchZone: b([]string{"z"}, "z", "switch to a zone where it is available"),
		Tabs:       b([]string{"left", "right"}, "←/→", "public / own / shared / marketplace"),
		DryRun:     b([]string{"d"}, "d", "DryRun"),
		Launch:     b([]string{"l"}, "l", "launch"),
		Export:     b([]string{"e"}, "e", "export"),
		Save:       b([]string{"w"}, "w", "save launch file"),
		Edit:       b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "edit a step"),
		Yes:        b([]string{"y"}, "y", "yes"),
		No:         b([]string{"n"}, "n", "no"),
	}
}

// all lists the bindings for the full help screen.
func (k keyMap) all() []key.Binding {
	return []key.Binding{k.Next, k.Back, k.NextField, k.PrevField, k.Left, k.Right, k.Toggle, k.Remove,
		k.Filter, k.CPU, k.Mem, k.Sort, k.SwitchZone, k.Tabs,
		k.DryRun, k.Launch, k.Export, k.Save, k.Edit, k.Help, k.Doc, k.Panel, k.Retry, k.Quit}
}
