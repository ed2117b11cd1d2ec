package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// fetch starts one load with a fresh id; an earlier one still in flight
// will be dropped when it answers. The spinner runs while anything loads.
func (m *Model) fetch(k loadKind) tea.Cmd {
	return m.spin(m.fetchCmd(k))
}

// spin starts the spinner's tick chain if it is not running; it stops by
// itself once nothing loads (see Update), so an idle wizard draws nothing.
func (m *Model) spin(cmd tea.Cmd) tea.Cmd {
	if cmd == nil || m.spinning {
		return cmd
	}
	m.spinning = true
	return tea.Batch(cmd, m.spinner.Tick)
}

func (m *Model) fetchCmd(k loadKind) tea.Cmd {
	if m.opts.Reader == nil {
		return nil
	}
	m.seq[k]++
	id := m.seq[k]
	m.loading[k] = true
	r, ctx := m.opts.Reader, m.ctx
	switch k {
	case loadRegions:
		return fetchRegions(ctx, r, id)
	case loadRegionData:
		if m.region() == "" {
			delete(m.loading, k)
			return nil
		}
		return fetchRegionData(ctx, r, m.region(), m.billing(), id)
	case loadTypes:
		return fetchTypes(ctx, r, m.region(), m.draft.Req.Get("ZoneId"), m.billing(), id)
	case loadDisks:
		m.disksType = m.draft.Req.Get("InstanceType")
		return fetchDisks(ctx, r, m.region(), m.draft.Req.Get("ZoneId"), m.disksType, m.billing(), id)
	case loadPrice:
		m.review.priceReq = m.draft.Req.Clone()
		return fetchPrice(ctx, r, m.draft.Req.Clone(), id)
	case loadOnline:
		cat, ok := r.(rules.Catalog)
		if !ok {
			delete(m.loading, k)
			return nil
		}
		return checkOnline(ctx, cat, m.draft.Req.Clone(), m.draft.RulesContext(m.now()), id)
	}
	return nil
}

// fetchTypes loads the types of a zone (a prefetch may name the zone
// before the user has chosen it).
func (m *Model) fetchTypes(zone string) tea.Cmd {
	if m.opts.Reader == nil {
		return nil
	}
	m.seq[loadTypes]++
	m.loading[loadTypes] = true
	m.typesLoaded = false
	return m.spin(fetchTypes(m.ctx, m.opts.Reader, m.region(), zone, m.billing(), m.seq[loadTypes]))
}

// retry reissues a failed load.
func (m *Model) retry(k loadKind) tea.Cmd {
	if k == loadTypes {
		return tea.Batch(m.fetchTypes(m.draft.Req.Get("ZoneId")), m.refreshStep())
	}
	return tea.Batch(m.fetch(k), m.refreshStep())
}

// needs lists the loads a step cannot be shown without.
func (m *Model) needs(s forms.StepID) map[loadKind]bool {
	switch s {
	case forms.Region:
		return map[loadKind]bool{loadRegions: true}
	case forms.Zone, forms.Image, forms.Network, forms.Access, forms.Ask:
		return map[loadKind]bool{loadRegionData: true}
	case forms.InstanceType:
		return map[loadKind]bool{loadRegionData: true, loadTypes: true, loadTypePrices: true}
	case forms.Storage:
		return map[loadKind]bool{loadRegionData: true, loadDisks: true}
	}
	return nil
}

// have reports whether a load's data is there for the current choices.
func (m *Model) have(k loadKind) bool {
	switch k {
	case loadRegions:
		return m.env.Regions != nil
	case loadRegionData:
		return m.env.Data != nil && m.loadedRegion == m.region() && m.loadedBilling == m.billing()
	case loadTypes:
		return m.typesLoaded && m.typesZone == m.draft.Req.Get("ZoneId") && m.have(loadRegionData)
	case loadDisks:
		return m.disksType == m.draft.Req.Get("InstanceType") && !m.loading[loadDisks] && m.disksType != ""
	case loadTypePrices:
		return m.pricesReady && m.have(loadTypes)
	}
	return true
}

// ensure starts the loads a step needs that are neither there nor under way.
func (m *Model) ensure(s forms.StepID) tea.Cmd {
	var cmds []tea.Cmd
	for k := range m.needs(s) {
		if m.have(k) || (m.loading[k] && !m.staleLoad(k)) {
			continue
		}
		if k == loadTypePrices {
			continue // follows the types
		}
		if k == loadTypes {
			if !m.have(loadRegionData) {
				continue // the region data's arrival starts it
			}
			cmds = append(cmds, m.fetchTypes(m.draft.Req.Get("ZoneId")))
			continue
		}
		cmds = append(cmds, m.fetch(k))
	}
	return tea.Batch(cmds...)
}

// staleLoad: a load under way for other choices than the current ones.
func (m *Model) staleLoad(k loadKind) bool {
	switch k {
	case loadDisks:
		return m.disksType != m.draft.Req.Get("InstanceType")
	}
	return false
}

func (m *Model) ready(s forms.StepID) bool {
	for k := range m.needs(s) {
		if !m.have(k) {
			return false
		}
	}
	return true
}

// enterStep shows a step: its data is loaded if missing; once there, the
// step's defaults fill what is still unset and its widget is built.
func (m *Model) enterStep(s forms.StepID) tea.Cmd {
	m.step, m.screen, m.notice = s, screenStep, ""
	if m.pendingSubmit != s {
		m.pendingSubmit = -1
	}
	return tea.Batch(m.ensure(s), m.refreshStep())
}

// refreshStep (re)builds the current step once its data is there.
func (m *Model) refreshStep() tea.Cmd {
	if m.screen == screenResume {
		return nil
	}
	if !m.ready(m.step) {
		m.phase = phaseLoading
		if m.failed != nil && m.needs(m.step)[m.failed.kind] {
			m.phase = phaseFailed
		}
		return nil
	}
	m.phase = phaseReady
	cmd := m.prepare(m.step)
	if m.pendingSubmit == m.step {
		m.pendingSubmit = -1
		s := m.step
		cmd = tea.Batch(cmd, func() tea.Msg { return autoSubmitMsg{step: s} })
	}
	return cmd
}

// prepare applies the step's defaults and builds its widget.
func (m *Model) prepare(s forms.StepID) tea.Cmd {
	forms.ApplyDefaults(s, m.draft)
	switch s {
	case forms.Region:
		m.regions.setRows(regionRows(m.env.Regions, m.opts.Region))
		m.regions.selectValue(m.region())
	case forms.Zone:
		m.zones.setRows(zoneRows(m.env, firstNonEmpty(m.draft.Get(forms.KeyVpc), forms.DefaultVpc(m.env.Data))))
		m.zones.selectValue(m.draft.Req.Get("ZoneId"))
	case forms.InstanceType:
		m.types.list.selectValue(m.draft.Req.Get("InstanceType"))
		m.layout()
		return m.priceVisible()
	case forms.Image:
		t, _ := m.env.Type(m.draft.Req.Get("InstanceType"))
		m.images.setImages(m.env.Data.Images, t.CpuArchitecture)
		m.images.tabForImage(m.draft.Req.Get("ImageId"))
	case forms.Review:
		m.review.build(m.draft, m.now())
		return tea.Batch(m.fetch(loadPrice), m.fetch(loadOnline))
	case forms.Ask:
		m.ask.step = forms.Ask
		m.rebuildForm(&m.ask)
	default:
		m.form = m.formFor(s)
	}
	m.layout()
	return nil
}

// formFor keeps the text inputs of a step when it is rebuilt.
func (m *Model) formFor(s forms.StepID) fieldForm {
	f := m.form
	if f.step != s || f.inputs == nil {
		f = newFieldForm(s)
	}
	f.rebuild(m.draft, forms.Fields(s, m.draft, m.env), m.now())
	return f
}

// submit leaves the step when its values are valid.
func (m Model) submit() (tea.Model, tea.Cmd) {
	if m.phase != phaseReady {
		// Typed ahead: the step is submitted with its defaults once loaded.
		m.pendingSubmit = m.step
		m.notice = "Loading " + m.loadingText() + "… Enter will take the default once it is there."
		return m, nil
	}
	m.pendingSubmit = -1
	var cmd tea.Cmd
	switch m.step {
	case forms.Region:
		cmd = m.chooseRegion()
	case forms.Zone:
		cmd = m.chooseZone()
	case forms.InstanceType:
		if !m.chooseType() {
			return m, nil
		}
		cmd = m.fetch(loadDisks)
	case forms.Image:
		if !m.chooseImage() {
			return m, nil
		}
	case forms.Review:
		return m, nil
	default:
		f := m.activeForm()
		f.checkAll(m.draft, m.now())
		if !f.valid() {
			f.firstInvalid()
			m.notice = "Fix the field marked ✗ first: its rule is under it."
			return m, nil
		}
		if m.step == forms.Billing && !m.have(loadRegionData) {
			cmd = m.fetch(loadRegionData) // zone availability depends on billing
		}
	}
	next := m.step + 1
	if m.editing || m.step == forms.Ask {
		next = forms.Review
	}
	m.flagLater()
	return m, tea.Batch(cmd, saveDraft(m.opts.DraftPath, m.draft.Req), m.enterStep(next))
}

// flagLater marks the later steps whose values no longer fit the choices
// just made, so the header shows where to look.
func (m *Model) flagLater() {
	m.flagged = map[forms.StepID]bool{}
	for _, f := range forms.Validate(m.draft, m.now()) {
		// A choice made that no longer fits; a value not chosen yet is no flag.
		if f.Severity == rules.Error && m.draft.Req.Has(f.Parameter) {
			m.flagged[forms.StepOf(f.Parameter)] = true
		}
	}
}

// resumeDraft loads the saved draft.
func (m *Model) resumeDraft() error {
	b, err := readFile(m.opts.DraftPath)
	if err != nil {
		return err
	}
	f, err := request.ParseFile(b)
	if err != nil {
		return err
	}
	m.draft.Req = f.Request
	return nil
}

// loadingText names what is loading.
func (m *Model) loadingText() string {
	var names []string
	for k := loadRegions; k <= loadOnline; k++ {
		if m.loading[k] {
			names = append(names, k.String())
		}
	}
	return strings.Join(names, ", ")
}
