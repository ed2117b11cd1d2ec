package ui

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/sahilm/fuzzy"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/safetext"
)

// sortBy orders the instance-type table.
type sortBy int

const (
	sortPrice sortBy = iota
	sortCPU
	sortMemory
)

// String names the order.
func (s sortBy) String() string {
	return [...]string{i18n.Text("price"), "vCPU", i18n.Text("memory")}[s]
}

// The quick filters, cycled by a key; 0 means any.
var (
	cpuChoices = []int{0, 1, 2, 4, 8, 16, 32, 64}
	memChoices = []float64{0, 1, 2, 4, 8, 16, 32, 64, 128}
)

// typePicker is the instance-type table: a filter that understands field
// tokens (arm, 4c, 16g, a GPU model, a family) and matches the rest
// fuzzily over strings built once per list, quick filters and a sort;
// only the rows in view render.
type typePicker struct {
	all    []catalog.InstanceType
	cells  [][]string // pre-rendered cells, one per type
	index  []string   // pre-built filter strings, one per type
	gpus   map[string]bool
	filter textinput.Model
	typing bool
	cpu    int // index into cpuChoices
	mem    int // index into memChoices
	order  sortBy
	list   pickList
	zone   string
	unit   string // the price column's unit: "h", "mo", "wk"
	// pricing is how far the zone's pricing is: the table is sorted by
	// price only once every type is priced, so rows never jump.
	pricing flow.Pricing
}

func newTypePicker() typePicker {
	ti := newInput()
	ti.Prompt = "/ "
	ti.Placeholder = i18n.Text("type to filter: g7 · 4c · 16g · arm · A10 …")
	return typePicker{filter: ti, unit: "h", list: pickList{cols: typeColumns(18, "h")}}
}

func typeColumns(typeWidth int, unit string) []column {
	return []column{
		{title: i18n.Text("Type"), width: typeWidth}, {title: i18n.Text("Family"), width: 9, optional: true}, {title: "vCPU", width: 4, right: true},
		{title: i18n.Text("Mem GiB"), width: 7, right: true}, {title: "GPU", width: 8, optional: true}, {title: i18n.Text("Arch"), width: 4},
		{title: priceTitle(unit), width: 9, right: true}, {title: i18n.Text("In this zone"), width: 0, min: 16}}
}

// priceTitle is the price column's title for its unit ("h", "mo", "wk").
func priceTitle(unit string) string {
	switch unit {
	case "mo":
		return i18n.Text("Price/mo")
	case "wk":
		return i18n.Text("Price/wk")
	}
	return i18n.Text("Price/h")
}

// setTypes installs a new list (a zone or billing change) and builds the
// per-type strings once, so a keystroke only filters. The type column is
// as wide as the longest name: a type name is never cut.
func (p *typePicker) setTypes(types []catalog.InstanceType, zone, unit string) {
	p.all, p.zone, p.unit = types, zone, unit
	w := 18
	p.gpus = map[string]bool{}
	for _, t := range types {
		w = max(w, len(t.InstanceTypeId))
		for _, word := range strings.Fields(strings.ToLower(t.GPUSpec)) {
			p.gpus[word] = true
		}
	}
	p.list.cols = typeColumns(w, unit)
	p.list.cols[len(p.list.cols)-1].title = i18n.T("In %s", firstNonEmpty(zone, i18n.Text("any zone")))
	p.cells = make([][]string, len(types))
	p.index = make([]string, len(types))
	for i, t := range types {
		p.cells[i] = typeCells(t)
		p.index[i] = strings.Join([]string{t.InstanceTypeId, t.InstanceTypeFamily, t.GPUSpec}, " ")
	}
	p.refresh()
}

func typeCells(t catalog.InstanceType) []string {
	gpu, price := "", "–"
	if t.GPUAmount > 0 {
		gpu = strconv.Itoa(t.GPUAmount) + "×" + gpuModel(t.GPUSpec)
	}
	if t.PricePerHour > 0 {
		price = fmt.Sprintf("%.3f", t.PricePerHour)
	}
	return []string{safetext.Escape(t.InstanceTypeId), safetext.Escape(strings.TrimPrefix(t.InstanceTypeFamily, "ecs.")), strconv.Itoa(t.CpuCoreCount),
		fmtMem(t.MemorySize), gpu, t.CpuArchitecture, price, flow.Availability(t)}
}

// gpuModel is the model in a GPUSpec ("NVIDIA A10" → "A10").
func gpuModel(spec string) string {
	f := strings.Fields(spec)
	if len(f) == 0 {
		return "GPU"
	}
	return f[len(f)-1]
}

func fmtMem(m float64) string { return strconv.FormatFloat(m, 'f', -1, 64) }

// setPrices fills in prices as DescribePrice answers.
func (p *typePicker) setPrices(types []catalog.InstanceType) {
	for i := range p.all {
		for _, t := range types {
			if t.InstanceTypeId == p.all[i].InstanceTypeId && t.PricePerHour != p.all[i].PricePerHour {
				p.all[i].PricePerHour = t.PricePerHour
				p.cells[i] = typeCells(p.all[i])
			}
		}
	}
	p.refresh()
}

// query is a filter split into field tokens and the words left for fuzzy
// matching.
type query struct {
	arch   string
	cpu    int
	mem    float64
	gpu    string
	anyGPU bool
	family string
	words  []string
}

var (
	cpuToken = regexp.MustCompile(`^(\d+)(c|cpu|cpus|vcpu|vcpus|core|cores)$`)
	memToken = regexp.MustCompile(`^(\d+(?:\.\d+)?)(g|gb|gib)$`)
)

// parseQuery reads the tokens the type filter understands: arm / x86, 4c
// or 4vcpu, 16g or 16gib, gpu, a GPU model of the list (a10), a family
// (g7, ecs.g7); anything else is matched fuzzily.
func (p *typePicker) parseQuery(s string) query {
	var q query
	for _, tok := range strings.Fields(strings.ToLower(s)) {
		switch {
		case tok == "arm" || tok == "arm64" || tok == "aarch64":
			q.arch = "ARM"
		case tok == "x86" || tok == "x86_64" || tok == "amd64":
			q.arch = "X86"
		case cpuToken.MatchString(tok):
			q.cpu, _ = strconv.Atoi(cpuToken.FindStringSubmatch(tok)[1])
		case memToken.MatchString(tok):
			q.mem, _ = strconv.ParseFloat(memToken.FindStringSubmatch(tok)[1], 64)
		case tok == "gpu":
			q.anyGPU = true
		case p.gpus[tok]:
			q.gpu = tok
		case p.isFamily(tok):
			q.family = "ecs." + strings.TrimPrefix(tok, "ecs.")
		default:
			q.words = append(q.words, tok)
		}
	}
	return q
}

func (p *typePicker) isFamily(tok string) bool {
	fam := "ecs." + strings.TrimPrefix(tok, "ecs.")
	for _, t := range p.all {
		if strings.EqualFold(t.InstanceTypeFamily, fam) {
			return true
		}
	}
	return false
}

func (q query) fits(t catalog.InstanceType) bool {
	switch {
	case q.arch != "" && !strings.EqualFold(t.CpuArchitecture, q.arch):
	case q.cpu > 0 && t.CpuCoreCount != q.cpu:
	case q.mem > 0 && t.MemorySize != q.mem:
	case q.anyGPU && t.GPUAmount == 0:
	case q.gpu != "" && !hasWord(t.GPUSpec, q.gpu):
	case q.family != "" && !strings.EqualFold(t.InstanceTypeFamily, q.family):
	default:
		return true
	}
	return false
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(strings.ToLower(s)) {
		if f == w {
			return true
		}
	}
	return false
}

// refresh recomputes the rows shown: field tokens filter, the words left
// rank fuzzily (best first), else the chosen order; then the quick filters.
func (p *typePicker) refresh() {
	cur, _ := p.list.selected()
	q := p.parseQuery(p.filter.Value())
	var idx []int
	if len(q.words) > 0 {
		idx = p.match(strings.Join(q.words, " "))
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
		if !q.fits(t) || !p.passes(t) {
			continue
		}
		rows = append(rows, pickRow{cells: p.cells[i], dim: t.Status != catalog.Available, value: t.InstanceTypeId})
	}
	p.list.setRows(rows)
	if !p.list.selectValue(cur.value) {
		p.list.home()
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
	order := p.order
	if order == sortPrice && !p.pricing.Complete {
		order = sortCPU // until every price is in: a price order would move rows as prices arrive
	}
	key := func(t catalog.InstanceType) float64 {
		switch order {
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

// status is the line under the table: filters, order and counts; an
// empty result says so and how to widen it.
func (p *typePicker) status() string {
	if len(p.list.rows) == 0 && len(p.all) > 0 {
		return i18n.T("No type matches %q: esc clears the filter, c/m cycle back to any", strings.TrimSpace(p.filter.Value()))
	}
	cpu, mem := i18n.Text("any"), i18n.Text("any")
	if c := cpuChoices[p.cpu]; c > 0 {
		cpu = strconv.Itoa(c)
	}
	if m := memChoices[p.mem]; m > 0 {
		mem = fmtMem(m) + " GiB"
	}
	order := p.order.String()
	if p.order == sortPrice && !p.pricing.Complete {
		order = i18n.Text("vCPU (price once pricing completes)")
	}
	if len(p.parseQuery(p.filter.Value()).words) > 0 {
		// A filter ranks by match (see match); the chosen sort applies again once it is cleared.
		order = i18n.T("best match (%s when unfiltered)", order)
	}
	status := i18n.T("%d of %d types · vCPU %s (c) · memory %s (m) · sort %s (s)", len(p.list.rows), len(p.all), cpu, mem, order)
	if pr := p.pricing; !pr.Complete && pr.Total > 0 {
		status = i18n.T("pricing %d/%d · ", pr.Done, pr.Total) + status
	}
	return status
}

// visible lists the types in view, for pricing as they scroll in.
func (p *typePicker) visible() []string {
	var out []string
	l := &p.list
	for i := l.offset; i < min(len(l.rows), l.offset+l.height); i++ {
		out = append(out, l.rows[i].value)
	}
	return out
}
