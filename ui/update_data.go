package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/ecslaunch/ecslaunch/forms"
)

// current reports whether an answer is the latest of its kind, and marks
// the kind as loaded; stale answers are dropped.
func (m *Model) current(k loadKind, id int) bool {
	if m.seq[k] != id {
		return false
	}
	delete(m.loading, k)
	if m.failed != nil && m.failed.kind == k {
		m.failed = nil
	}
	return true
}

func (m Model) onRegions(msg regionsLoadedMsg) (tea.Model, tea.Cmd) {
	if !m.current(loadRegions, msg.id) {
		return m, nil
	}
	m.env.Regions = msg.regions
	var cmd tea.Cmd
	if m.region() == "" {
		_ = m.draft.Req.Set("RegionId", forms.DefaultRegion(msg.regions, m.opts.Region))
		cmd = m.fetch(loadRegionData)
	}
	return m, tea.Batch(cmd, m.refreshStep())
}

func (m Model) onRegionData(msg regionDataMsg) (tea.Model, tea.Cmd) {
	if !m.current(loadRegionData, msg.id) {
		return m, nil
	}
	m.env.Data = msg.data
	m.loadedRegion, m.loadedBilling = msg.region, msg.billing
	m.typesLoaded = false
	if len(msg.data.Errors) > 0 {
		m.notice = "Some lists did not load: " + joinLines(msg.data.Errors)
	}
	// Prefetch the types of the zone the user will most likely take.
	zone := m.draft.Req.Get("ZoneId")
	if _, asked := m.draft.Extra["ui.ZoneAsked"]; !asked && zone == "" {
		zone = forms.DefaultZone(msg.data)
	}
	return m, tea.Batch(m.fetchTypes(zone), m.refreshStep())
}

func (m Model) onTypes(msg typesLoadedMsg) (tea.Model, tea.Cmd) {
	if !m.current(loadTypes, msg.id) {
		return m, nil
	}
	m.env.Types, m.typesZone, m.typesLoaded = msg.types, msg.zone, true
	m.types.setTypes(msg.types, msg.zone)
	m.flagLater() // the chosen type may not be sold in this zone
	m.priceAsked = map[string]bool{}
	ids := forms.DefaultTypeCandidates(msg.types)
	m.pricesReady = len(ids) == 0 || m.opts.Reader == nil
	if m.pricesReady {
		return m, m.refreshStep()
	}
	for _, t := range ids {
		m.priceAsked[t] = true
	}
	m.loading[loadTypePrices] = true
	return m, fetchTypePrices(m.ctx, m.opts.Reader, m.region(), msg.zone, m.billing(), ids, msg.id, true)
}

// onTypePrices fills the price column; the first batch lets the default
// (the cheapest candidate) be chosen.
func (m Model) onTypePrices(msg typePricesMsg) (tea.Model, tea.Cmd) {
	if msg.id != m.seq[loadTypes] {
		return m, nil
	}
	for i, t := range m.env.Types {
		if p, ok := msg.prices[t.InstanceTypeId]; ok {
			m.env.Types[i].PricePerHour = p
		}
	}
	m.types.setPrices(msg.prices)
	if !msg.first {
		// Prices re-sort the table: rows that came into view get theirs too.
		return m, m.priceVisible()
	}
	m.pricesReady = true
	delete(m.loading, loadTypePrices)
	return m, m.refreshStep()
}

// priceVisible asks the prices of the types in view that have none yet.
func (m *Model) priceVisible() tea.Cmd {
	if m.opts.Reader == nil || !m.typesLoaded {
		return nil
	}
	var ids []string
	l := &m.types.list
	for i := l.offset; i < min(len(l.rows), l.offset+l.height); i++ {
		id := l.rows[i].value
		if !m.priceAsked[id] {
			m.priceAsked[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return fetchTypePrices(m.ctx, m.opts.Reader, m.region(), m.typesZone, m.billing(), ids, m.seq[loadTypes], false)
}

func (m Model) onDisks(msg disksLoadedMsg) (tea.Model, tea.Cmd) {
	if !m.current(loadDisks, msg.id) {
		return m, nil
	}
	m.env.SystemCategories, m.env.DataCategories = msg.system, msg.data
	m.flagLater()
	return m, m.refreshStep()
}

func (m Model) onFailed(msg loadFailedMsg) (tea.Model, tea.Cmd) {
	if m.seq[msg.kind] != msg.id {
		return m, nil
	}
	delete(m.loading, msg.kind)
	f := msg
	m.failed = &f
	if m.needs(m.step)[msg.kind] {
		m.phase = phaseFailed
	}
	return m, nil
}
