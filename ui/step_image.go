package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/sahilm/fuzzy"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/safetext"
)

// imageTab is one ImageOwnerAlias.
type imageTab int

const (
	tabPublic imageTab = iota
	tabOwn
	tabShared
	tabMarketplace
)

var tabAliases = [...]string{"system", "self", "others", "marketplace"}

// String names the tab.
func (t imageTab) String() string {
	return [...]string{i18n.Text("public"), i18n.Text("own"), i18n.Text("shared"), i18n.Text("marketplace")}[t]
}

// imagePicker lists the images fitting the type, grouped by OS, newest
// first, one tab per owner.
type imagePicker struct {
	all    []catalog.Image
	arch   string
	tab    imageTab
	filter textinput.Model
	typing bool
	list   pickList
	shown  []catalog.Image // the tab's images, in display order
	index  []string
	best   string // ImageId of the filter's best match ("" without a filter)
}

func newImagePicker() imagePicker {
	ti := newInput()
	ti.Prompt = "/ "
	ti.Placeholder = i18n.Text("type to filter: ubuntu 22 …")
	return imagePicker{filter: ti, list: pickList{cols: []column{
		{title: i18n.Text("OS"), width: 14}, {title: i18n.Text("Version"), width: 22}, {title: "ImageId", width: 0, middle: true},
		{title: i18n.Text("Arch"), width: 7}, {title: i18n.Text("Size"), width: 6, right: true}}}}
}

// setImages installs the region's images for a type's architecture.
func (p *imagePicker) setImages(all []catalog.Image, cpuArch string) {
	p.all, p.arch = all, cpuArch
	p.rebuild()
}

// rebuild sorts the tab's images by OS then newest, and their filter strings.
func (p *imagePicker) rebuild() {
	p.shown = p.shown[:0]
	for _, im := range p.all {
		if im.ImageOwnerAlias == tabAliases[p.tab] && forms.FitsArch(im, p.arch) {
			p.shown = append(p.shown, im)
		}
	}
	sort.SliceStable(p.shown, func(i, j int) bool {
		a, b := p.shown[i], p.shown[j]
		if osOf(a) != osOf(b) {
			return osOf(a) < osOf(b)
		}
		return a.CreationTime > b.CreationTime
	})
	p.index = make([]string, len(p.shown))
	for i, im := range p.shown {
		p.index[i] = osOf(im) + " " + im.ImageName + " " + im.OSNameEn + " " + im.ImageId
	}
	p.refresh()
}

func osOf(im catalog.Image) string {
	if im.Platform != "" {
		return im.Platform
	}
	return im.OSType
}

// refresh applies the filter; an OS name shows on the first row of its group.
func (p *imagePicker) refresh() {
	cur, _ := p.list.selected()
	idx := make([]int, 0, len(p.shown))
	p.best = ""
	if q := strings.TrimSpace(p.filter.Value()); q != "" {
		matches := fuzzy.Find(q, p.index)
		for _, m := range matches {
			idx = append(idx, m.Index)
		}
		if len(matches) > 0 {
			p.best = p.shown[matches[0].Index].ImageId
		}
		sort.Ints(idx) // keep the grouping
	} else {
		for i := range p.shown {
			idx = append(idx, i)
		}
	}
	rows := make([]pickRow, 0, len(idx))
	last := ""
	for _, i := range idx {
		im := p.shown[i]
		group := osOf(im)
		if group == last {
			group = ""
		}
		last = osOf(im)
		name := imageVersion(im)
		rows = append(rows, pickRow{cells: []string{safetext.Escape(group), safetext.Escape(name), safetext.Escape(im.ImageId), im.Architecture,
			fmt.Sprintf("%d GiB", im.Size)}, value: im.ImageId})
	}
	p.list.setRows(rows)
	if !p.list.selectValue(cur.value) {
		p.list.cursor = 0
		p.list.clamp()
	}
}

// toBestMatch puts the cursor on the filter's best match: the rows keep
// their OS grouping, so the first row is not the one the query named
// ("win2022" must not pick Windows Server 2016).
func (p *imagePicker) toBestMatch() {
	if p.best == "" || !p.list.selectValue(p.best) {
		p.list.cursor = 0
		p.list.clamp()
	}
}

// imageVersion is the image's OS name without the OS the group already
// names ("Ubuntu 22.04 64 bit" under Ubuntu shows "22.04 64 bit").
func imageVersion(im catalog.Image) string {
	name := strings.Join(strings.Fields(firstNonEmpty(im.OSNameEn, im.ImageName)), " ")
	for _, prefix := range []string{osOf(im), "Alibaba Cloud Linux"} {
		if prefix != "" && len(name) > len(prefix) && strings.EqualFold(name[:len(prefix)], prefix) {
			return strings.TrimSpace(name[len(prefix):])
		}
	}
	return name
}

// setTab switches owner tab.
func (p *imagePicker) setTab(t imageTab) {
	p.tab = (t + 4) % 4
	p.rebuild()
}

// tabForImage opens the tab holding an image, so a chosen image shows.
func (p *imagePicker) tabForImage(id string) {
	for _, im := range p.all {
		if im.ImageId == id {
			for t, a := range tabAliases {
				if a == im.ImageOwnerAlias {
					p.tab = imageTab(t)
				}
			}
		}
	}
	p.rebuild()
	p.list.selectValue(id)
}

func (p *imagePicker) tabsView(st Styles) string {
	parts := make([]string, 4)
	for t := tabPublic; t <= tabMarketplace; t++ {
		if t == p.tab {
			parts[t] = st.StepOn.Render("[" + t.String() + "]")
		} else {
			parts[t] = st.Muted.Render(" " + t.String() + " ")
		}
	}
	count := "   " + i18n.T("%d images for %s", len(p.list.rows), forms.ImageArch(p.arch))
	if len(p.list.rows) == 0 && p.tab != tabPublic {
		count = "   " + emptyTabWhy[p.tab].String()
	}
	return strings.Join(parts, " ") + st.Muted.Render(count)
}

// emptyTabWhy says why a tab can be empty (DescribeImages ImageOwnerAlias),
// so "0 images" does not read like a failure to load.
var emptyTabWhy = map[imageTab]i18n.Message{
	tabOwn:         i18n.M("no custom images of yours here"),
	tabShared:      i18n.M("none shared with this account"),
	tabMarketplace: i18n.M("no marketplace images here"),
}
