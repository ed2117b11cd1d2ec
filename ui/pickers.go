package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/sahilm/fuzzy"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/safetext"
)

// filteredList is a table with a fuzzy filter over its rows' cells (the
// region and zone lists).
type filteredList struct {
	list   pickList
	all    []pickRow
	index  []string
	filter textinput.Model
	typing bool
}

func newFilteredList(cols []column, placeholder string) filteredList {
	ti := newInput()
	ti.Prompt = "/ "
	ti.Placeholder = placeholder
	return filteredList{list: pickList{cols: cols}, filter: ti}
}

// setRows installs the rows and their filter strings.
func (f *filteredList) setRows(rows []pickRow) {
	f.all = rows
	f.index = make([]string, len(rows))
	for i, r := range rows {
		f.index[i] = strings.Join(r.cells, " ")
	}
	f.refresh()
}

func (f *filteredList) refresh() {
	cur, _ := f.list.selected()
	q := strings.TrimSpace(f.filter.Value())
	if q == "" {
		f.list.setRows(f.all)
	} else {
		var rows []pickRow
		for _, m := range fuzzy.Find(q, f.index) {
			rows = append(rows, f.all[m.Index])
		}
		f.list.setRows(rows)
		f.list.home() // a new query: its best match first
		return
	}
	if !f.list.selectValue(cur.value) {
		f.list.home()
	}
}

// pickers are the four table steps.
type pickers struct {
	regions, zones filteredList
	types          typePicker
	images         imagePicker
	list           listKeys
	filterKeys     filterKeys
	typeKeys       typeKeys
	imageKeys      imageKeys
	// zoneChoice lists the zones a sold-out type is available in, when z
	// found more than one.
	zoneChoice *choiceModel
	// limit: the type is chosen and its follow-up fields (a spot price
	// limit) are being answered in the step's form.
	limit bool
}

func newPickers() pickers {
	return pickers{
		regions: newFilteredList([]column{{title: i18n.Text("Region"), width: 20}, {title: i18n.Text("Name"), width: 0}},
			i18n.Text("type to filter: hangzhou, us, ap-…")),
		zones: newFilteredList([]column{{title: i18n.Text("Zone"), width: 16}, {title: i18n.Text("Name"), width: 0},
			{title: i18n.Text("Types available"), width: 15, right: true}, {title: i18n.Text("In your VPC"), width: 11}}, i18n.Text("type to filter")),
		types: newTypePicker(), images: newImagePicker(),
		list: newListKeys(), filterKeys: newFilterKeys(), typeKeys: newTypeKeys(), imageKeys: newImageKeys(),
	}
}

// regionRows marks the default region (--region, the profile's, or the
// fallback when neither says).
func regionRows(rs []catalog.Region, def string) []pickRow {
	rows := make([]pickRow, len(rs))
	for i, r := range rs {
		name := r.LocalName
		if r.RegionId == def {
			name += "  " + i18n.Text("(default)")
		}
		rows[i] = pickRow{cells: []string{safetext.Escape(r.RegionId), safetext.Escape(name)}, value: r.RegionId}
	}
	return rows
}

// zoneRows lists the zones with their available types and whether the
// VPC has a vSwitch there (without one the network step has nothing to offer).
func zoneRows(env *forms.Env, vpc string) []pickRow {
	rows := []pickRow{{cells: []string{i18n.Text("any zone"), i18n.Text("ECS picks one (from the vSwitch)"), "", ""}, value: ""}}
	for _, z := range env.Data.Zones {
		net := i18n.Text("no vSwitch")
		if len(forms.VSwitchesFor(env, vpc, z.ZoneId)) > 0 {
			net = i18n.Text("vSwitch ✓")
		}
		rows = append(rows, pickRow{cells: []string{safetext.Escape(z.ZoneId), safetext.Escape(z.LocalName), itoa(z.AvailableTypes), net},
			value: z.ZoneId, dim: z.AvailableTypes == 0})
	}
	return rows
}

// sync rebuilds the table of the controller's step from its data; on a
// step just entered the cursor goes to the step's value, otherwise it
// stays where the user put it.
func (p *pickers) sync(c *flow.Controller, entered bool) {
	env, req := c.Env(), c.Request()
	switch c.Step() {
	case forms.Region:
		p.regions.setRows(regionRows(env.Regions, c.DefaultRegion()))
		if entered {
			p.regions.list.selectValue(req.Get("RegionId"))
		}
	case forms.Zone:
		vpc := firstNonEmpty(c.Draft().Get(forms.KeyVpc), forms.DefaultVpc(env.Data))
		p.zones.setRows(zoneRows(env, vpc))
		if entered {
			p.zones.list.selectValue(req.Get("ZoneId"))
		}
	case forms.InstanceType:
		unit := priceUnitLabel(req.Get("InstanceChargeType"), req.Get("PeriodUnit"))
		fresh := !sameTypes(p.types.all, env.Types) || p.types.zone != req.Get("ZoneId") || p.types.unit != unit
		wasComplete := p.types.pricing.Complete
		p.types.pricing = c.Pricing()
		if fresh {
			p.types.setTypes(append([]catalog.InstanceType(nil), env.Types...), req.Get("ZoneId"), unit)
		} else {
			p.types.setPrices(env.Types)
			if !wasComplete && p.types.pricing.Complete {
				p.types.refresh() // every type priced: the price order now holds
			}
		}
		if entered || fresh {
			p.types.list.selectValue(req.Get("InstanceType"))
		}
	case forms.Image:
		t, _ := env.Type(req.Get("InstanceType"))
		if env.Data != nil && (entered || p.images.arch != t.CpuArchitecture || len(p.images.all) != len(env.Data.Images)) {
			p.images.setImages(env.Data.Images, t.CpuArchitecture)
			p.images.tabForImage(req.Get("ImageId"))
		}
	}
}

// priceUnitLabel is the unit of the type table's prices: DescribePrice
// answers per hour pay-as-you-go and spot, per month (or week) by
// subscription.
func priceUnitLabel(charge, periodUnit string) string {
	switch {
	case charge != "PrePaid":
		return "h"
	case periodUnit == "Week":
		return "wk"
	}
	return "mo"
}

func sameTypes(a, b []catalog.InstanceType) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].InstanceTypeId != b[i].InstanceTypeId || a[i].Status != b[i].Status {
			return false
		}
	}
	return true
}

// active is the table of a picker step.
func (p *pickers) active(s forms.StepID) *pickList {
	switch s {
	case forms.Region:
		return &p.regions.list
	case forms.Zone:
		return &p.zones.list
	case forms.InstanceType:
		return &p.types.list
	}
	return &p.images.list
}

// filterOf is the filter input of a picker step.
func (p *pickers) filterOf(s forms.StepID) (*textinput.Model, *bool, func()) {
	switch s {
	case forms.Region:
		return &p.regions.filter, &p.regions.typing, p.regions.refresh
	case forms.Zone:
		return &p.zones.filter, &p.zones.typing, p.zones.refresh
	case forms.InstanceType:
		return &p.types.filter, &p.types.typing, p.types.refresh
	}
	return &p.images.filter, &p.images.typing, p.images.refresh
}

// keyMap is the footer's and `?`'s keymap of the step.
func (p *pickers) keyMap(s forms.StepID) keyMapper {
	if _, typing, _ := p.filterOf(s); *typing {
		return p.filterKeys
	}
	switch s {
	case forms.InstanceType:
		return p.typeKeys
	case forms.Image:
		return p.imageKeys
	}
	return p.list
}

// update handles a key on a picker step and says what the user wants.
func (p *pickers) update(msg tea.KeyMsg, s forms.StepID) (intent, tea.Cmd) {
	if in, typing, refresh := p.filterOf(s); *typing {
		return p.onFilterKey(msg, s, in, typing, refresh)
	}
	l := p.active(s)
	k := p.list
	switch {
	case key.Matches(msg, k.Back):
		if in, _, refresh := p.filterOf(s); in.Value() != "" {
			in.SetValue("") // Esc first clears the filter, then goes back
			refresh()
			return nil, nil
		}
		return backIntent{}, nil
	case key.Matches(msg, k.Up):
		l.move(-1)
	case key.Matches(msg, k.Down):
		l.move(1)
	case key.Matches(msg, k.PageUp):
		l.move(-max(l.height, 1))
	case key.Matches(msg, k.PageDown):
		l.move(max(l.height, 1))
	case key.Matches(msg, k.Home):
		l.home()
	case key.Matches(msg, k.End):
		l.end()
	case key.Matches(msg, k.Filter):
		in, typing, _ := p.filterOf(s)
		*typing = true
		return nil, in.Focus()
	case key.Matches(msg, k.Choose):
		r, ok := l.selected()
		if !ok {
			return noticeIntent{text: i18n.Text("Nothing to choose: the filter matches no row (esc clears it).")}, nil
		}
		return chooseIntent{value: r.value}, nil
	default:
		return p.stepKey(msg, s)
	}
	return scrolledIntent{}, nil
}

// stepKey handles the keys only one table has.
func (p *pickers) stepKey(msg tea.KeyMsg, s forms.StepID) (intent, tea.Cmd) {
	switch s {
	case forms.InstanceType:
		t := &p.types
		switch {
		case key.Matches(msg, p.typeKeys.CPU):
			t.cpu = (t.cpu + 1) % len(cpuChoices)
		case key.Matches(msg, p.typeKeys.Mem):
			t.mem = (t.mem + 1) % len(memChoices)
		case key.Matches(msg, p.typeKeys.Sort):
			t.order = (t.order + 1) % 3
		case key.Matches(msg, p.typeKeys.Zone):
			typ, ok := t.chosen()
			if !ok {
				return nil, nil
			}
			return switchZoneIntent{typ: typ}, nil
		default:
			return nil, nil
		}
		t.refresh()
		return scrolledIntent{}, nil
	case forms.Image:
		switch {
		case key.Matches(msg, p.imageKeys.PrevTab):
			p.images.setTab(p.images.tab - 1)
		case key.Matches(msg, p.imageKeys.NextTab):
			p.images.setTab(p.images.tab + 1)
		}
	}
	return nil, nil
}

func (p *pickers) onFilterKey(msg tea.KeyMsg, s forms.StepID, in *textinput.Model, typing *bool, refresh func()) (intent, tea.Cmd) {
	fk := p.filterKeys
	switch {
	case key.Matches(msg, fk.Clear):
		*typing = false
		in.Blur()
		in.SetValue("")
		refresh()
		return nil, nil
	case key.Matches(msg, fk.Choose):
		*typing = false
		in.Blur()
		return p.update(msg, s)
	case key.Matches(msg, fk.Done):
		*typing = false
		in.Blur()
		return p.update(msg, s)
	}
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if in.Value() != before {
		refresh()
		if s == forms.Image {
			p.images.toBestMatch()
		} else {
			p.active(s).home() // a new query: its best match first
		}
		return scrolledIntent{}, cmd
	}
	return nil, cmd
}
