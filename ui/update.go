package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
)

// Update dispatches by message type; each handler is small.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.cm.width, m.cm.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case spinner.TickMsg:
		if len(m.c.Loading()) == 0 {
			m.spinning = false // the chain ends here; spin restarts it
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case tea.KeyMsg:
		return m.onKeys(msg)
	case resultMsg:
		return m.apply(m.c.Apply(msg.res))
	case progressMsg:
		if !msg.ok {
			return m, nil
		}
		next, cmd := m.apply(m.c.Apply(msg.res))
		return next, tea.Batch(cmd, waitProgress(msg.ch))
	case editorDoneMsg:
		if msg.err != nil {
			return m.notify(i18n.T("The editor failed: %v", msg.err))
		}
		return m.apply(m.c.Set(msg.key, msg.text))
	case settleMsg:
		if m.form.settle(msg.seq) {
			m.form.check(m.c)
		}
		return m, nil
	}
	return m, nil
}

// apply runs the controller's effects, brings the screens up to date and
// replays the keys typed while the step loaded, once it is ready.
func (m Model) apply(effs []flow.Effect) (Model, tea.Cmd) {
	cmd := m.run(effs)
	m.sync()
	if len(m.typeahead) == 0 || !m.c.Ready() || m.screen != screenStep {
		return m, cmd
	}
	keys := m.typeahead
	m.typeahead = nil
	cmds := []tea.Cmd{cmd}
	for i, k := range keys {
		if !m.c.Ready() { // a replayed key led to a step still loading: keep the rest
			m.typeahead = append(m.typeahead, keys[i:]...)
			break
		}
		var c tea.Cmd
		m, c = m.onKey(k)
		cmds = append(cmds, c)
	}
	return m, tea.Batch(cmds...)
}

func (m Model) notify(text string) (Model, tea.Cmd) {
	m.c.ClearNotice()
	m.noticeText(text)
	return m, nil
}

// noticeText shows a line without a controller action behind it.
func (m *Model) noticeText(text string) { m.c.Say(text) }

// onKeys splits a burst of runes read at once ("/g7" typed or pasted
// fast) into single keys, so a filter's "/" still opens the filter; a
// bracketed paste stays whole.
func (m Model) onKeys(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if msg.Type != tea.KeyRunes || msg.Paste || len(msg.Runes) < 2 {
		return m.onKey(msg)
	}
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		var c tea.Cmd
		m, c = m.onKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, c)
	}
	return m, tea.Batch(cmds...)
}

// onKey routes a key: global keys, keys typed ahead while loading, then
// the screen in front.
func (m Model) onKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	g := m.cm.global
	switch {
	case key.Matches(msg, g.Quit):
		return m.do(quitIntent{})
	case key.Matches(msg, g.Panel):
		m.cm.panel = !m.cm.panel
		m.layout()
		return m, nil
	case key.Matches(msg, g.Retry) && m.c.Failure() != nil:
		return m.apply(m.c.Retry())
	}
	if m.screen == screenStep && !m.c.Ready() && !m.c.Blocked() && msg.String() != "esc" {
		m.typeahead = append(m.typeahead, msg)
		return m, nil
	}
	if m.screen == screenStep && m.c.Blocked() && msg.String() == "esc" {
		return m.do(backIntent{})
	}
	m.c.ClearNotice() // a new key is a new action: an old notice does not outlive its cause
	if m.screen == screenStep && m.helpKey(msg) {
		m.pager.open(m.helpText(), m.mainWidth(), m.bodyHeight())
		m.screen = screenHelp
		return m, nil
	}
	it, cmd := m.route(msg)
	next, cmd2 := m.do(it)
	return next, tea.Batch(cmd, cmd2)
}

// helpKey reports whether the key opens help: `?` except where it is a
// character of free text or of a filter, F1 always.
func (m *Model) helpKey(msg tea.KeyMsg) bool {
	if !key.Matches(msg, m.cm.global.Help) {
		return false
	}
	if msg.String() == "f1" {
		return true
	}
	if _, typing, _ := m.pickers.filterOf(m.c.Step()); *typing && m.c.Def().Kind == forms.PickerStep && !m.pickers.limit {
		return false
	}
	if f, ok := m.form.focused(); ok && m.formActive() && (forms.FreeText(f.Key) || f.Kind == forms.TextArea) {
		return false
	}
	return true
}

// formActive reports whether keys go to the field form.
func (m *Model) formActive() bool {
	k := m.c.Def().Kind
	return k == forms.FormStep || (k == forms.PickerStep && m.pickers.limit)
}

// route hands the key to the screen in front.
func (m *Model) route(msg tea.KeyMsg) (intent, tea.Cmd) {
	switch m.screen {
	case screenResume:
		return m.yesNo(msg, func(yes bool) intent { return resumeIntent{yes: yes} }), nil
	case screenHelp:
		return m.pager.update(msg), nil
	case screenConfirm:
		return m.yesNo(msg, func(yes bool) intent { return confirmIntent{yes: yes} }), nil
	case screenOverwrite:
		return m.yesNo(msg, func(yes bool) intent { return overwriteIntent{yes: yes} }), nil
	case screenLaunch:
		return m.launchKey(msg), nil
	case screenExport:
		return m.export.update(msg, m.c), nil
	case screenPath:
		return m.path.update(msg)
	case screenStart:
		return m.start.update(msg), nil
	case screenCreate:
		return m.create.update(msg)
	}
	return m.stepKey(msg)
}

func (m *Model) yesNo(msg tea.KeyMsg, f func(bool) intent) intent {
	k := newConfirmKeys("", "")
	switch {
	case key.Matches(msg, k.Yes), msg.String() == "enter" && m.screen == screenResume:
		return f(true)
	case key.Matches(msg, k.No):
		return f(false)
	}
	return nil
}

func (m *Model) launchKey(msg tea.KeyMsg) intent {
	if m.c.Launching().Running {
		return nil // the launch must finish or be interrupted with Ctrl+C
	}
	switch {
	case key.Matches(msg, m.launch.keys.Quit):
		return quitIntent{}
	case key.Matches(msg, m.launch.keys.Back):
		return closeIntent{}
	}
	return nil
}

// stepKey hands the key to the step's model.
func (m *Model) stepKey(msg tea.KeyMsg) (intent, tea.Cmd) {
	s := m.c.Step()
	switch {
	case m.pickers.zoneChoice != nil:
		v, done, back := m.pickers.zoneChoice.update(msg)
		if done || back {
			t := m.pickers.zoneChoice.title
			m.pickers.zoneChoice = nil
			if done {
				return zoneIntent{typ: t, zone: v}, nil
			}
		}
		return nil, nil
	case m.pickers.limit:
		it, cmd := m.form.update(msg)
		if _, back := it.(backIntent); back {
			m.pickers.limit = false // back to the table, not to the step before
			return nil, cmd
		}
		return it, cmd
	case s == forms.Review:
		return m.review.update(msg, m.cm.st)
	case m.c.Def().Kind == forms.PickerStep:
		return m.pickers.update(msg, s)
	}
	return m.form.update(msg)
}

// keyMap is the keymap of the screen in front, for the footer and `?`.
func (m *Model) keyMap() keyMapper {
	switch m.screen {
	case screenResume:
		return newConfirmKeys(i18n.Text("resume the draft"), i18n.Text("start afresh"))
	case screenHelp:
		return m.pager.keys
	case screenConfirm:
		return m.launch.confirm
	case screenOverwrite:
		return newConfirmKeys(i18n.Text("replace the file"), i18n.Text("keep it"))
	case screenLaunch:
		if m.c.Launching().Running {
			return m.cm.global
		}
		return m.launch.keys
	case screenExport:
		return m.export.keyMap()
	case screenPath:
		return m.path.keys
	case screenStart:
		return m.start.keys
	case screenCreate:
		return m.create.keys
	}
	switch {
	case m.pickers.zoneChoice != nil:
		return m.pickers.zoneChoice.keys
	case m.c.Step() == forms.Review:
		return m.review.keyMap()
	case m.formActive():
		return m.form.keyMap()
	}
	return m.pickers.keyMap(m.c.Step())
}

// sync rebuilds the screens when the controller's revision changed.
func (m *Model) sync() {
	if _, ok := m.c.OfferedDraft(); ok && (m.screen == screenStep || m.screen == screenStart) {
		m.screen = screenResume
	}
	m.syncCovers()
	if _, _, ok := m.c.Overwrite(); ok {
		m.screen = screenOverwrite
	}
	if m.c.Revision() == m.seen {
		return
	}
	m.seen = m.c.Revision()
	entered := m.c.Step() != m.shown
	if m.c.Ready() {
		m.shown = m.c.Step()
		switch m.c.Def().Kind {
		case forms.PickerStep:
			m.pickers.sync(m.c, entered)
			if m.pickers.limit || m.c.Step() == forms.InstanceType {
				m.form.sync(m.c)
			}
		case forms.FormStep:
			m.form.sync(m.c)
		case forms.ReviewStep:
			m.review.sync(m.c, m.cm.st, m.mainWidth(), m.bodyHeight()-1)
		}
	}
	if f := m.c.Focus(); f != "" {
		m.form.sync(m.c)
		m.form.focusKey(f)
	} else if f := m.c.Invalid(); f != "" && m.formActive() {
		m.form.focusKey(f)
	}
	m.layout()
}

// do carries out what a screen asked.
func (m Model) do(it intent) (Model, tea.Cmd) {
	switch it := it.(type) {
	case nil:
		return m, nil
	case submitIntent:
		return m.submit()
	case backIntent:
		m.pickers.limit = false
		return m.apply(m.c.Back())
	case chooseIntent:
		return m.choose(it.value)
	case switchZoneIntent:
		return m.switchZone(it)
	case zoneIntent:
		return m.apply(m.c.SwitchZone(it.typ, it.zone))
	case setIntent:
		return m.apply(m.c.Set(it.key, it.value))
	case toggleIntent:
		return m.apply(m.c.Toggle(it.key))
	case pressIntent:
		effs, focus := m.c.Press(it.key)
		next, cmd := m.apply(effs)
		next.form.sync(next.c)
		next.form.focusKey(focus) // what is typed next goes into the new row
		return next, cmd
	case removeIntent:
		at := m.form.focus
		effs, ok := m.c.Remove(it.key)
		if !ok {
			return m, nil
		}
		next, cmd := m.apply(effs)
		next.form.focus = min(at, len(next.form.fields)-1) // stay where the row was
		next.form.syncFocus()
		return next, cmd
	case editorIntent:
		return m, editInEditor(it.key, it.text)
	case scrolledIntent:
		if m.c.Step() == forms.InstanceType {
			return m.apply(m.c.PriceTypes(m.pickers.types.visible()))
		}
	case jumpIntent:
		effs, field := m.c.Jump(it.param)
		next, cmd := m.apply(effs)
		next.form.sync(next.c)
		next.form.focusKey(field)
		return next, cmd
	case editIntent:
		return m.apply(m.c.Edit(it.step))
	case noticeIntent:
		m.noticeText(it.text)
	default:
		return m.doReview(it)
	}
	return m, nil
}

// submit leaves the step (a picker's follow-up fields first).
func (m Model) submit() (Model, tea.Cmd) {
	next, cmd := m.apply(m.c.Submit())
	if next.c.Step() != m.c.Step() || next.c.Def().Kind != forms.PickerStep {
		next.pickers.limit = false
	}
	return next, cmd
}

// choose takes a picker's row; a type with follow-up fields (a spot price
// limit) asks them before the step is left.
func (m Model) choose(v string) (Model, tea.Cmd) {
	effs, taken := m.c.Choose(v)
	next, cmd := m.apply(effs)
	if !taken {
		return next, cmd // the notice says why (a type sold out here)
	}
	if len(next.c.Fields()) > 0 && !next.pickers.limit && next.c.Step() == m.c.Step() {
		next.pickers.limit = true
		next.form.sync(next.c)
		return next, cmd
	}
	after, cmd2 := next.submit()
	return after, tea.Batch(cmd, cmd2)
}

// switchZone moves to a zone where the type is available: at once when
// there is one, through a short list when there are several.
func (m Model) switchZone(it switchZoneIntent) (Model, tea.Cmd) {
	zones := it.typ.AvailableZones
	if len(zones) > 1 && it.typ.Status != "Available" {
		m.pickers.zoneChoice = newChoice(it.typ.InstanceTypeId, zones, zones)
		m.pickers.zoneChoice.title = it.typ.InstanceTypeId
		return m, nil
	}
	return m.apply(m.c.SwitchZone(it.typ.InstanceTypeId, ""))
}

// doReview carries out the review's and the overlays' intents.
func (m Model) doReview(it intent) (Model, tea.Cmd) {
	switch it := it.(type) {
	case dryRunIntent:
		return m.apply(m.c.DryRun())
	case launchIntent:
		if !m.c.CanLaunch() {
			return m.notify(i18n.Text("Launching needs credentials (or --sandbox)."))
		}
		m.question, _ = m.c.LaunchQuestion()
		m.screen = screenConfirm
	case confirmIntent:
		m.screen = screenStep
		if it.yes {
			m.screen = screenLaunch
			return m.apply(m.c.Launch())
		}
	case exportIntent:
		m.export.reset()
		m.screen = screenExport
	case exportToIntent:
		return m.exportTo(it)
	case saveIntent:
		m.screen = screenPath
		return m, m.path.open("launch file", firstNonEmpty(m.opts.FromPath, "launch.yaml"))
	case writeIntent:
		m.screen = screenStep
		if m.path.what == pathOpen {
			return m.apply(m.c.StartFile(it.path))
		}
		if m.path.what == "export" {
			return m.apply(m.c.ExportToFile(m.export.format, it.path, false))
		}
		return m.apply(m.c.SaveFile(it.path, false))
	case overwriteIntent:
		m.screen = screenStep
		return m.apply(m.c.ConfirmOverwrite(it.yes))
	case resumeIntent:
		m.screen = screenStep
		return m.apply(m.c.ResumeDraft(it.yes))
	case closeIntent:
		m.screen = screenStep
		m.sync()
	case quitIntent:
		return m.apply(m.c.Quit())
	default:
		return m.doMore(it)
	}
	return m, nil
}

func (m Model) exportTo(it exportToIntent) (Model, tea.Cmd) {
	switch it.dest {
	case "file":
		fi, _ := exporter.Info(m.export.format)
		m.screen = screenPath
		return m, m.path.open("export", fi.DefaultFile)
	case "clipboard":
		m.screen = screenStep
		return m.apply(m.c.ExportToClipboard(it.text))
	}
	m.screen = screenStep
	return m.apply(m.c.ExportToStdout(m.export.format, it.text))
}
