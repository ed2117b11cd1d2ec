package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/forms"
)

// regionRows marks the default region (--region, the profile's, or the
// fallback when neither says).
func regionRows(rs []catalog.Region, profile string) []pickRow {
	rows := make([]pickRow, len(rs))
	for i, r := range rs {
		name := r.LocalName
		if r.RegionId == profile {
			name += "  (default)"
		}
		rows[i] = pickRow{cells: []string{r.RegionId, name}, value: r.RegionId}
	}
	return rows
}

// zoneRows lists the zones with their available types and whether the
// VPC has a vSwitch there (without one the network step has nothing to offer).
func zoneRows(env *forms.Env, vpc string) []pickRow {
	rows := []pickRow{{cells: []string{"any zone", "ECS picks one (from the vSwitch)", "", ""}, value: ""}}
	for _, z := range env.Data.Zones {
		net := "no vSwitch"
		if len(forms.VSwitchesFor(env, vpc, z.ZoneId)) > 0 {
			net = "vSwitch ✓"
		}
		rows = append(rows, pickRow{cells: []string{z.ZoneId, z.LocalName, itoa(z.AvailableTypes), net},
			value: z.ZoneId, dim: z.AvailableTypes == 0})
	}
	return rows
}

// chooseRegion takes the region under the cursor; the region-bound choices
// of another region (zone, vSwitch, groups, key pair) go.
func (m *Model) chooseRegion() tea.Cmd {
	r, ok := m.regions.selected()
	if !ok || r.value == m.region() {
		return nil
	}
	_ = m.draft.Req.Set("RegionId", r.value)
	for _, k := range []string{"ZoneId", "VSwitchId", "SecurityGroupId", "KeyPairName", "DeploymentSetId", "DedicatedHostId"} {
		m.draft.Req.Delete(k)
	}
	m.draft.Req.DeleteList("SecurityGroupIds")
	delete(m.draft.Extra, forms.KeyVpc)
	delete(m.draft.Extra, "ui.ZoneAsked")
	m.env.Data, m.typesLoaded = nil, false
	return m.fetch(loadRegionData)
}

func (m *Model) chooseZone() tea.Cmd {
	r, ok := m.zones.selected()
	if !ok {
		return nil
	}
	m.draft.Extra["ui.ZoneAsked"] = "1"
	if r.value == m.draft.Req.Get("ZoneId") && m.have(loadTypes) {
		return nil
	}
	_ = m.draft.Req.Set("ZoneId", r.value)
	return m.fetchTypes(r.value)
}

// chooseType takes the type under the cursor unless it cannot be bought here.
func (m *Model) chooseType() bool {
	t, ok := m.types.chosen()
	if !ok {
		m.notice = "No type matches the filters."
		return false
	}
	if t.Status != catalog.Available {
		m.notice = t.InstanceTypeId + " is " + availability(t) + ": press z to switch to such a zone."
		return false
	}
	_ = m.draft.Req.Set("InstanceType", t.InstanceTypeId)
	return true
}

func (m *Model) chooseImage() bool {
	r, ok := m.images.list.selected()
	if !ok {
		m.notice = "No image on this tab fits the type."
		return false
	}
	_ = m.draft.Req.Set("ImageId", r.value)
	if fs := forms.CheckKey(m.draft, "ImageId", m.now()); blocking(fs) {
		m.notice = fs[0].Message
		return false
	}
	return true
}

// filtering reports whether keys go to a table's filter.
func (m *Model) filtering() bool {
	return (m.step == forms.InstanceType && m.types.typing) || (m.step == forms.Image && m.images.typing)
}

func (m Model) onFilterKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	in, typing, refresh := &m.types.filter, &m.types.typing, m.types.refresh
	if m.step == forms.Image {
		in, typing, refresh = &m.images.filter, &m.images.typing, m.images.refresh
	}
	switch msg.String() {
	case "esc":
		*typing = false
		in.Blur()
		return m, nil
	case "enter":
		*typing = false
		in.Blur()
		return m.submit()
	case "up", "down", "pgup", "pgdown":
		*typing = false
		in.Blur()
		return m.onStepKey(msg)
	}
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if in.Value() != before {
		refresh()
		if m.step == forms.Image {
			m.images.toBestMatch()
		} else {
			m.activeList().cursor = 0 // a new query: its best match first
			m.activeList().clamp()
		}
		if m.step == forms.InstanceType {
			cmd = tea.Batch(cmd, m.priceVisible())
		}
	}
	return m, cmd
}

func (m Model) onTypeKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	p := &m.types
	switch msg.String() {
	case "/":
		p.typing = true
		return m, p.filter.Focus()
	case "c":
		p.cpu = (p.cpu + 1) % len(cpuChoices)
	case "m":
		p.mem = (p.mem + 1) % len(memChoices)
	case "s":
		p.order = (p.order + 1) % 3
	case "z":
		return m.switchZone()
	default:
		next, cmd := m.onListKey(msg)
		mm := next.(Model)
		if mm.step == forms.InstanceType {
			return mm, tea.Batch(cmd, mm.priceVisible())
		}
		return mm, cmd
	}
	p.refresh()
	return m, m.priceVisible()
}

// switchZone moves to the first zone where the type under the cursor is
// available, keeping it selected.
func (m Model) switchZone() (tea.Model, tea.Cmd) {
	t, ok := m.types.chosen()
	if !ok || len(t.AvailableZones) == 0 || t.Status == catalog.Available {
		m.notice = "The type under the cursor is available here."
		return m, nil
	}
	zone := m.reachableZone(t.AvailableZones)
	_ = m.draft.Req.Set("ZoneId", zone)
	_ = m.draft.Req.Set("InstanceType", t.InstanceTypeId)
	m.draft.Extra["ui.ZoneAsked"] = "1"
	m.notice = "Zone switched to " + zone + ", where " + t.InstanceTypeId + " is available."
	cmd := m.fetchTypes(zone)
	m.phase = phaseLoading
	return m, cmd
}

// reachableZone prefers a zone where the chosen (or default) VPC has a
// vSwitch, so the network step keeps a default.
func (m *Model) reachableZone(zones []string) string {
	vpc := firstNonEmpty(m.draft.Get(forms.KeyVpc), forms.DefaultVpc(m.env.Data))
	for _, z := range zones {
		if len(forms.VSwitchesFor(m.env, vpc, z)) > 0 {
			return z
		}
	}
	return zones[0]
}

func (m Model) onImageKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	p := &m.images
	switch msg.String() {
	case "/":
		p.typing = true
		return m, p.filter.Focus()
	case "left":
		p.setTab(p.tab - 1)
	case "right":
		p.setTab(p.tab + 1)
	default:
		return m.onListKey(msg)
	}
	return m, nil
}
