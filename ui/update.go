package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/forms"
)

// Init starts the spinner and prefetches the regions and the default
// region's catalog, so the first steps answer at once.
func (m Model) Init() tea.Cmd {
	return m.initCmd
}

// Update dispatches by message type; each handler is small.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case spinner.TickMsg:
		if len(m.loading) == 0 {
			m.spinning = false // the chain ends here; spin restarts it
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case tea.KeyMsg:
		return m.onKey(msg)
	}
	return m.onData(msg)
}

// onData handles the answers of the Cmds.
func (m Model) onData(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case regionsLoadedMsg:
		return m.onRegions(msg)
	case regionDataMsg:
		return m.onRegionData(msg)
	case typesLoadedMsg:
		return m.onTypes(msg)
	case onlineFindingsMsg:
		if m.current(loadOnline, msg.id) {
			m.review.addFindings(msg.findings)
		}
		return m, nil
	case autoSubmitMsg:
		if msg.step == m.step && m.screen == screenStep {
			return m.submit()
		}
		return m, nil
	case typePricesMsg:
		return m.onTypePrices(msg)
	case disksLoadedMsg:
		return m.onDisks(msg)
	case priceMsg:
		if m.current(loadPrice, msg.id) {
			m.review.price, m.review.priced = msg.price, true
		}
		return m, nil
	case loadFailedMsg:
		return m.onFailed(msg)
	case dryRunMsg:
		return m.onDryRun(msg)
	case launchEventMsg:
		return m.onLaunchEvent(msg)
	case launchDoneMsg:
		return m.onLaunchDone(msg)
	case savedMsg:
		return m.onSaved(msg)
	}
	return m, nil
}

// onKey routes a key: global keys, then the overlay, then the step.
func (m Model) onKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.String() == "ctrl+c":
		m.result.Aborted = !m.result.Launched
		if m.result.Aborted && m.opts.DraftPath != "" && m.draft.Req.Len() > 1 {
			// Keep what the current step has too; a tiny write, done before leaving.
			_ = writeLaunchFile(m.opts.DraftPath, m.draft.Req, "")
		}
		return m, tea.Quit
	case key.Matches(msg, m.keys.Panel):
		m.panel = !m.panel
		m.layout()
		return m, nil
	case key.Matches(msg, m.keys.Retry) && m.failed != nil:
		k := m.failed.kind
		m.failed = nil
		return m, m.retry(k)
	}
	switch m.screen {
	case screenResume:
		return m.onResumeKey(msg)
	case screenHelp, screenDoc:
		return m.onOverlayKey(msg)
	case screenConfirm:
		return m.onConfirmKey(msg)
	case screenLaunch:
		return m.onLaunchKey(msg)
	case screenExport:
		return m.onExportKey(msg)
	case screenPath:
		return m.onPathKey(msg)
	}
	return m.onStepKey(msg)
}

func (m Model) onOverlayKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "esc", "q", "?", "f1", "enter":
		m.screen = screenStep
		return m, nil
	}
	var cmd tea.Cmd
	m.doc, cmd = m.doc.Update(msg)
	return m, cmd
}

func (m Model) onResumeKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "y", "enter":
		m.screen = screenStep
		if err := m.resumeDraft(); err != nil {
			m.notice = "The draft could not be read: " + err.Error()
			return m, m.refreshStep()
		}
		m.step = forms.Review
		return m, tea.Batch(m.fetch(loadRegionData), m.refreshStep())
	case "n", "esc":
		m.screen = screenStep
		return m, m.refreshStep()
	}
	return m, nil
}

// onStepKey handles a key on the current step. The notice is the result
// of the last action: a new key is a new action, so an old notice ("No type
// matches the filters", "Fix the field marked ✗") does not outlive its cause.
func (m Model) onStepKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.notice = ""
	if m.helpKey(msg) {
		m.openHelp()
		return m, nil
	}
	if m.filtering() {
		return m.onFilterKey(msg)
	}
	if msg.String() == "esc" && m.clearFilter() {
		return m, nil
	}
	if key.Matches(msg, m.keys.Back) && m.step != forms.Review {
		return m.goBack()
	}
	switch m.step {
	case forms.Region, forms.Zone:
		return m.onListKey(msg)
	case forms.InstanceType:
		return m.onTypeKey(msg)
	case forms.Image:
		return m.onImageKey(msg)
	case forms.Review:
		return m.onReviewKey(msg)
	}
	return m.onFormKey(msg)
}

// clearFilter empties a table's filter: Esc first clears, then goes back.
func (m *Model) clearFilter() bool {
	switch {
	case m.step == forms.InstanceType && m.types.filter.Value() != "":
		m.types.filter.SetValue("")
		m.types.refresh()
	case m.step == forms.Image && m.images.filter.Value() != "":
		m.images.filter.SetValue("")
		m.images.refresh()
	default:
		return false
	}
	return true
}

// helpKey reports whether the key opens help: `?` except where it is a
// character of free text, F1 always.
func (m *Model) helpKey(msg tea.KeyMsg) bool {
	if msg.String() == "f1" {
		return true
	}
	if msg.String() != "?" || m.filtering() {
		return false
	}
	if f, ok := m.activeForm().focused(); ok && m.isFormStep() && forms.FreeText(f.Key) {
		return false
	}
	return true
}

func (m *Model) isFormStep() bool {
	switch m.step {
	case forms.Billing, forms.Storage, forms.Network, forms.Access, forms.Advanced, forms.Ask:
		return true
	}
	return false
}

func (m *Model) activeForm() *fieldForm {
	if m.step == forms.Ask {
		return &m.ask
	}
	return &m.form
}

// activeList is the list of a picker step. The key handlers have value
// receivers: they must change their own copy of the model, never one a
// caller passed a pointer into.
func (m *Model) activeList() *pickList {
	switch m.step {
	case forms.Region:
		return &m.regions
	case forms.Zone:
		return &m.zones
	case forms.InstanceType:
		return &m.types.list
	}
	return &m.images.list
}

func (m Model) onListKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	l := m.activeList()
	switch msg.String() {
	case "up", "k":
		l.move(-1)
	case "down", "j":
		l.move(1)
	case "pgup":
		l.move(-l.height)
	case "pgdown":
		l.move(l.height)
	case "enter":
		return m.submit()
	}
	return m, nil
}

// onFormKey handles a key on a form step.
func (m Model) onFormKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	f := m.activeForm()
	f.width = m.mainWidth()
	switch msg.String() {
	case "enter":
		return m.submit()
	case "tab", "down":
		f.moveFocus(1)
		return m, nil
	case "up":
		f.moveFocus(-1)
		return m, nil
	case "ctrl+x":
		if fl, ok := f.focused(); ok && m.draft.RemoveItem(fl.Key) {
			at := f.focus
			m.rebuildForm(f)
			// Stay where the row was (the next row, or the add button),
			// not at the top of the step.
			f.focus = min(at, len(f.fields)-1)
			f.syncFocus()
		}
		return m, nil
	}
	before, _ := f.focused()
	change, cmd := f.update(msg, m.draft)
	switch change {
	case changeValue:
		m.rebuildForm(f)
		if before.Kind == forms.Action {
			m.focusNewRow(f, before.Key)
		}
	case changeTyping:
		if fl, _ := f.focused(); fl.Key == forms.KeyUserDataFile || m.shapeChanged(f) {
			// A user-data file replaces the typed text: the text field must show it gone.
			m.rebuildForm(f) // typing a bandwidth above 0 brings its charge type
		} else {
			m.recheck(f)
		}
	}
	return m, cmd
}

// focusNewRow moves the focus from an add button to the first field of the
// row it added, so what is typed next goes into the new tag's key (typing
// on the button went nowhere, and the next Tab wrapped to another field).
func (m *Model) focusNewRow(f *fieldForm, action string) {
	var target string
	switch action {
	case forms.KeyAddTag:
		target = fmt.Sprintf("Tag.%d.Key", m.draft.TagRows())
	case forms.KeyAddDataDisk:
		target = fmt.Sprintf("DataDisk.%d.Category", m.draft.Req.Count("DataDisk"))
	}
	if i := optionIndexByField(f.fields, target); i >= 0 {
		f.focus, f.sub = i, 0
		f.syncFocus()
	}
}

// recheck reruns the focused field's rules and the related fields' after a
// keystroke (rules.Related), not the whole step.
func (m *Model) recheck(f *fieldForm) {
	fl, ok := f.focused()
	if !ok {
		return
	}
	keys := map[string]bool{fl.Key: true}
	for _, p := range forms.ParamsOf(m.draft, fl.Key) {
		keys[p] = true
		for _, k := range forms.Related(p) {
			keys[k], keys[forms.FieldFor(k)] = true, true
		}
	}
	f.check(m.draft, m.now(), keys)
}

// shapeChanged reports whether the step would now ask other fields.
func (m *Model) shapeChanged(f *fieldForm) bool {
	var now []forms.Field
	if f == &m.ask {
		now = forms.AskFields(m.askKeys, m.draft, m.env)
	} else {
		now = forms.Fields(m.step, m.draft, m.env)
	}
	// A row whose key is being retyped (emptied first) must not vanish under the cursor.
	if optionIndexByField(now, f.focusedKey()) < 0 {
		return false
	}
	if len(now) != len(f.fields) {
		return true
	}
	for i := range now {
		if now[i].Key != f.fields[i].Key {
			return true
		}
	}
	return false
}

func optionIndexByField(fs []forms.Field, key string) int {
	for i, f := range fs {
		if f.Key == key {
			return i
		}
	}
	return -1
}

// rebuildForm rebuilds a form's fields after a choice (fields come and go,
// and those that appear get their defaults, as a PrePaid period does).
func (m *Model) rebuildForm(f *fieldForm) {
	forms.ApplyDefaults(f.step, m.draft)
	fields := m.fieldsOf(f)
	// A parameter whose field the change hid goes too (a spot price under
	// PrePaid, a period under PostPaid, a performance level on a non-ESSD
	// disk): nobody can see or fix it any more, yet it would be sent. Its
	// removal may hide another field (AutoRenew hides AutoRenewPeriod).
	for range len(f.fields) {
		if !m.dropHidden(f.fields, fields) {
			break
		}
		fields = m.fieldsOf(f)
	}
	f.rebuild(m.draft, fields, m.now())
}

func (m *Model) fieldsOf(f *fieldForm) []forms.Field {
	if f == &m.ask {
		return forms.AskFields(m.askKeys, m.draft, m.env)
	}
	return forms.Fields(m.step, m.draft, m.env)
}

// dropHidden deletes the request parameters of the fields in before that
// are not in after, and reports whether it deleted any.
func (m *Model) dropHidden(before, after []forms.Field) bool {
	dropped := false
	for _, fl := range before {
		if forms.IsExtra(fl.Key) || optionIndexByField(after, fl.Key) >= 0 || !m.draft.Req.Has(fl.Key) {
			continue
		}
		m.draft.Req.Delete(fl.Key)
		dropped = true
	}
	return dropped
}

// goBack returns to the previous step, keeping every value.
func (m Model) goBack() (tea.Model, tea.Cmd) {
	prev := m.step - 1
	if m.step == forms.Ask || prev < forms.Region {
		return m, nil
	}
	return m, m.enterStep(prev)
}
