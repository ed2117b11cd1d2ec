package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/sahilm/fuzzy"

	"github.com/ecslaunch/ecslaunch/catalog"
)

// sortBy orders the instance-type table.
type sortBy int

const (
	sortPrice sortBy = iota
	sortCPU
	sortMemory
)

// String names the order.
func (s sortBy) String() string { return [...]string{"price", "vCPU", "memory"}[s] }

// The quick filters, cycled by a key; 0 means any.
var (
	cpuChoices = []int{0, 1, 2, 4, 8, 16, 32, 64}
	memChoices = []float64{0, 1, 2, 4, 8, 16, 32, 64, 128}
)

// typePicker is the instance-type table: a fuzzy filter over strings built
// once per list, quick filters and a sort; only the rows in view render.
type typePicker struct {
	all    []catalog.InstanceType
	cells  [][]string // pre-rendered cells, one per type
	index  []string   // pre-built filter strings, one per type
	filter textinput.Model
	typing bool
	cpu    int // index into cpuChoices
	mem    int // index into memChoices
	order  sortBy
	list   pickList
	zone   string
}

func newTypePicker() typePicker {
	ti := newInput()
	ti.Prompt = "/ "
	ti.Placeholder = "type to filter: g7 4 arm …"
	return typePicker{filter: ti, list: pickList{cols: []column{
		{title: "Type", width: 18}, {title: "Family", width: 11}, {title: "vCPU", width: 4, right: true},
		{title: "Mem GiB", width: 7, right: true}, {title: "GPU", width: 3, right: true}, {title: "Arch", width: 4},
		{title: "Price/h", width: 7, right: true}, {title: "In this zone", width: 0}}}}
}

// setTypes installs a new list (a zone or billing change) and builds the
// per-type strings once, so a keystroke only filters.
func (p *typePicker) setTypes(types []catalog.InstanceType, zone string) {
	p.all, p.zone = types, zone
	p.list.cols[len(p.list.cols)-1].title = "In " + firstNonEmpty(zone, "any zone")
	p.cells = make([][]string, len(types))
	p.index = make([]string, len(types))
	for i, t := range types {
		p.cells[i] = typeCells(t)
		p.index[i] = strings.Join([]string{t.InstanceTypeId, t.InstanceTypeFamily, strconv.Itoa(t.CpuCoreCount) + "c",
			fmtMem(t.MemorySize) + "g", t.CpuArchitecture, t.GPUSpec}, " ")
	}
	p.refresh()
}

func typeCells(t catalog.InstanceType) []string {
	gpu, price := "", "–"
	if t.GPUAmount > 0 {
		gpu = strconv.Itoa(t.GPUAmount)
	}
	if t.PricePerHour > 0 {
		price = fmt.Sprintf("%.3f", t.PricePerHour)
	}
	return []string{t.InstanceTypeId, strings.TrimPrefix(t.InstanceTypeFamily, "ecs."), strconv.Itoa(t.CpuCoreCount),
		fmtMem(t.MemorySize), gpu, t.CpuArchitecture, price, availability(t)}
}

// availability says why a type cannot be chosen here and where it can.
func availability(t catalog.InstanceType) string {
	switch t.Status {
	case catalog.Available:
		return "available"
	case catalog.SoldOut:
		return "sold out · in " + zonesOrNone(t.AvailableZones)
	}
	return "not offered · in " + zonesOrNone(t.AvailableZones)
}

func zonesOrNone(z []string) string {
	if len(z) == 0 {
		return "no zone"
	}
	return strings.Join(z, ", ")
}

func fmtMem(m float64) string { return strconv.FormatFloat(m, 'f', -1, 64) }

// setPrices fills in prices as DescribePrice answers.
func (p *typePicker) setPrices(prices map[string]float64) {
	for i, t := range p.all {
		if pr, ok := prices[t.InstanceTypeId]; ok {
			p.all[i].PricePerHour = pr
			p.cells[i] = typeCells(p.all[i])
		}
	}
	p.refresh()
}

// refresh recomputes the rows shown: fuzzy matches (best first) or the
// chosen order, then the quick filters.
func (p *typePicker) refresh() {
	cur, _ := p.list.selected()
	var idx []int
	if q := strings.TrimSpace(p.filter.Value()); q != "" {
		idx = p.match(q)
	} else {
		idx = make([]int, len(p.all))
		for i := range idx {
			idx[i] = i
		}
		p.sortIdx(idx)
	}
	rows := make([]pickRow, 0, len(idx))
	for _, i := range idx {
		t := p.all[i]
		if !p.passes(t) {
			continue
		}
		rows = append(rows, pickRow{cells: p.cells[i], dim: t.Status != catalog.Available, value: t.InstanceTypeId})
	}
	p.list.setRows(rows)
	if !p.list.selectValue(cur.value) {
		p.list.cursor = 0
		p.list.clamp()
	}
}

// match ranks fuzzy matches, with the type named exactly and the types
// whose name contains the query ahead of the looser matches.
func (p *typePicker) match(q string) []int {
	type hit struct{ idx, rank, score int }
	lq := strings.ToLower(q)
	found := fuzzy.FindNoSort(q, p.index) // sorting Matches moves their index slices: rank small structs instead
	hits := make([]hit, len(found))
	for i, m := range found {
		id := strings.ToLower(p.all[m.Index].InstanceTypeId)
		rank := 2
		switch {
		case id == lq:
			rank = 0
		case strings.Contains(id, lq):
			rank = 1
		}
		hits[i] = hit{m.Index, rank, m.Score}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].rank != hits[b].rank {
			return hits[a].rank < hits[b].rank
		}
		return hits[a].score > hits[b].score
	})
	out := make([]int, len(hits))
	for i, h := range hits {
		out[i] = h.idx
	}
	return out
}

func (p *typePicker) passes(t catalog.InstanceType) bool {
	if c := cpuChoices[p.cpu]; c > 0 && t.CpuCoreCount != c {
		return false
	}
	if m := memChoices[p.mem]; m > 0 && t.MemorySize != m {
		return false
	}
	return true
}

// sortIdx orders by the chosen key; available types first, then by name.
func (p *typePicker) sortIdx(idx []int) {
	key := func(t catalog.InstanceType) float64 {
		switch p.order {
		case sortCPU:
			return float64(t.CpuCoreCount)
		case sortMemory:
			return t.MemorySize
		}
		if t.PricePerHour == 0 {
			return 1e12 // unknown prices last
		}
		return t.PricePerHour
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ta, tb := p.all[idx[a]], p.all[idx[b]]
		if (ta.Status == catalog.Available) != (tb.Status == catalog.Available) {
			return ta.Status == catalog.Available
		}
		if ka, kb := key(ta), key(tb); ka != kb {
			return ka < kb
		}
		return ta.InstanceTypeId < tb.InstanceTypeId
	})
}

// chosen returns the type under the cursor.
func (p *typePicker) chosen() (catalog.InstanceType, bool) {
	r, ok := p.list.selected()
	if !ok {
		return catalog.InstanceType{}, false
	}
	for _, t := range p.all {
		if t.InstanceTypeId == r.value {
			return t, true
		}
	}
	return catalog.InstanceType{}, false
}

// status is the line under the table: filters, order and counts.
func (p *typePicker) status() string {
	cpu, mem := "any", "any"
	if c := cpuChoices[p.cpu]; c > 0 {
		cpu = strconv.Itoa(c)
	}
	if m := memChoices[p.mem]; m > 0 {
		mem = fmtMem(m) + " GiB"
	}
	order := p.order.String()
	if strings.TrimSpace(p.filter.Value()) != "" {
		// A filter ranks by match (see match); the chosen sort applies again once it is cleared.
		order = "best match (" + order + " when unfiltered)"
	}
	return fmt.Sprintf("%d of %d types · vCPU %s (c) · memory %s (m) · sort %s (s) · / filter",
		len(p.list.rows), len(p.all), cpu, mem, order)
}
