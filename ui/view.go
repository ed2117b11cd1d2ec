package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/ecslaunch/ecslaunch/apidoc"
	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/spark"
)

// Layout constants: the side panel needs room, the wizard works from 80×24.
const (
	panelWidth    = 34
	panelMinWidth = 96
	minWidth      = 40
)

func itoa(n int) string { return strconv.Itoa(n) }

// wrapText wraps at word boundaries to width cells. Chinese has no spaces
// between words: a line may break after any CJK character (but not before
// a closing mark such as ，。）), which lipgloss's word wrap does not know,
// so a text with CJK in it is broken here first.
func wrapText(s string, width int) string {
	width = max(width, 10)
	if hasCJK(s) && !strings.Contains(s, "\x1b") {
		s = wrapCJK(s, width)
	}
	return lipgloss.NewStyle().Width(width).Render(s)
}

// hasCJK reports whether s holds a wide (two-cell) character.
func hasCJK(s string) bool {
	for _, r := range s {
		if r >= 0x1100 && ansi.StringWidth(string(r)) == 2 {
			return true
		}
	}
	return false
}

// The marks a line must not start with (closing) or end with (opening).
const (
	closingMarks = "，。、；：？！）」』》〉】％,.;:!?)"
	openingMarks = "（「『《〈【"
)

// wrapCJK breaks each line of s into lines of at most width cells, at
// spaces and between wide characters; a word wider than a line is cut.
func wrapCJK(s string, width int) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line, lw := "", 0
		for _, tok := range cjkTokens(para) {
			tw := ansi.StringWidth(tok)
			if tok == " " {
				if lw > 0 && lw < width {
					line, lw = line+" ", lw+1
				}
				continue
			}
			if lw+tw > width && lw > 0 {
				out = append(out, strings.TrimRight(line, " "))
				line, lw = "", 0
			}
			for tw > width {
				head := ansi.Truncate(tok, width, "")
				out = append(out, head)
				tok = tok[len(head):]
				tw = ansi.StringWidth(tok)
			}
			line, lw = line+tok, lw+tw
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	return strings.Join(out, "\n")
}

// cjkTokens splits a line where it may break: each wide character is a
// token, a run of narrow ones is a word, a space is a token of its own;
// a closing mark stays with what precedes it, an opening one with what
// follows.
func cjkTokens(s string) []string {
	var toks []string
	word, open := "", ""
	flush := func() {
		if word != "" {
			toks = append(toks, open+word)
			word, open = "", ""
		}
	}
	for _, r := range s {
		c := string(r)
		switch {
		case r == ' ':
			flush()
			toks = append(toks, " ")
		case open != "" && !strings.ContainsRune(openingMarks, r):
			word += c // the token an opening mark starts
			if ansi.StringWidth(c) == 2 {
				flush()
			}
		case strings.ContainsRune(closingMarks, r) && word != "":
			word += c
			if ansi.StringWidth(c) == 2 {
				flush() // a line may break after a wide mark
			}
		case strings.ContainsRune(closingMarks, r) && len(toks) > 0 && toks[len(toks)-1] != " ":
			toks[len(toks)-1] += c
		case strings.ContainsRune(openingMarks, r):
			flush()
			open += c
		case ansi.StringWidth(c) == 2:
			flush()
			toks = append(toks, open+c)
			open = ""
		default:
			word += c
		}
	}
	flush()
	if open != "" {
		toks = append(toks, open)
	}
	return toks
}

func ansiWidth(s string) int { return lipgloss.Width(s) }

// ellipsis puts s on one line of at most w cells, cut with "…".
func ellipsis(s string, w int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if lipgloss.Width(s) <= w {
		return s
	}
	return fit(s, w, false)
}

// padLines cuts or pads s to exactly n lines, so the footer stays put.
func padLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// showPanel: the request panel shows when there is room; the tables of
// types and images need the width more below 130 columns.
func (m *Model) showPanel() bool {
	// The type and image tables need the width more, and the review shows
	// the whole request itself.
	if m.screen == screenStep && (m.c.Step() == forms.InstanceType || m.c.Step() == forms.Image || m.c.Step() == forms.Review) && m.cm.width < 130 {
		return false
	}
	if m.screen == screenStart || m.screen == screenCreate {
		return false // their lists and values need the width
	}
	return m.cm.panel && m.cm.width >= panelMinWidth
}

// mainWidth is what the panel (its border, padding and a gap) leaves.
func (m *Model) mainWidth() int {
	w := max(m.cm.width, minWidth)
	if m.showPanel() {
		w -= panelWidth + 3
	}
	return w
}

// bodyHeight is what the header, the step bar, the message lines and the
// footer leave.
func (m *Model) bodyHeight() int { return max(5, m.cm.height-3-len(m.messageLines())) }

// layout sizes the widgets after a resize or a panel toggle.
func (m *Model) layout() {
	h := max(3, m.bodyHeight()-5)
	p := &m.pickers
	p.types.list.height = h - 1
	p.images.list.height = h - 1
	p.regions.list.height = h
	p.zones.list.height = h
	for _, l := range []*pickList{&p.types.list, &p.images.list, &p.regions.list, &p.zones.list} {
		l.clamp()
	}
	m.review.layout(m.cm.st, m.mainWidth(), m.bodyHeight()-1)
}

// View renders the screen.
func (m Model) View() string {
	body := lipgloss.NewStyle().MaxWidth(m.mainWidth()).Render(m.bodyView())
	body = padLines(body, m.bodyHeight())
	if m.showPanel() {
		body = lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(m.mainWidth()+1).Render(body),
			m.cm.st.Panel.Width(panelWidth+1).Render(m.panelView()))
	}
	parts := []string{m.headerView(), m.stepsView()}
	parts = append(parts, m.messageLines()...)
	return strings.Join(append(parts, body, m.footerView()), "\n")
}

func (m *Model) headerView() string {
	st := m.cm.st
	req := m.c.Request()
	left := st.Title.Render("ecslaunch") + st.Muted.Render(" · RunInstances")
	if r := req.Get("RegionId"); r != "" {
		left += st.Muted.Render(" · " + r)
	}
	if z := req.Get("ZoneId"); z != "" {
		left += st.Muted.Render(" / " + z)
	}
	right := ""
	if m.cm.sandbox {
		right = st.Sandbox.Render(i18n.Text("SANDBOX · nothing real is created"))
		if m.cm.width < 100 {
			right = st.Sandbox.Render("SANDBOX")
		}
	}
	gap := max(1, m.cm.width-lipgloss.Width(left)-lipgloss.Width(right))
	return lipgloss.NewStyle().MaxWidth(max(m.cm.width, minWidth)).Render(left + strings.Repeat(" ", gap) + right)
}

// stepsView is the step bar, from the registry; a step whose values no
// longer fit is flagged.
func (m *Model) stepsView() string {
	st, cur := m.cm.st, m.c.Step()
	if cur == forms.Ask {
		return st.StepOn.Render("["+forms.Def(forms.Ask).Label()+"]") + st.Muted.Render(i18n.Text(" then the review"))
	}
	if m.screen == screenStart {
		return st.StepOn.Render("["+i18n.Text("Start from")+"]") + st.Muted.Render(" "+i18n.Text("then the steps, or the review"))
	}
	var parts []string
	passed := true
	for _, d := range forms.Registry() {
		switch {
		case d.ID == cur:
			parts = append(parts, st.StepOn.Render("["+d.Label()+"]"))
			passed = false
		case m.c.Flagged(d.ID):
			parts = append(parts, st.StepFlag.Render(d.Label()+"!"))
		case passed:
			parts = append(parts, st.StepDone.Render(d.Label()))
		default:
			parts = append(parts, st.StepOff.Render(d.Label()))
		}
	}
	return lipgloss.NewStyle().MaxWidth(max(m.cm.width, minWidth)).Render(strings.Join(parts, " "))
}

// messageLines is the banner: a load error wrapped in full with the keys
// that retry or go back, or the last notice, or what is loading.
func (m *Model) messageLines() []string {
	st, w := m.cm.st, max(m.cm.width, minWidth)-2
	switch {
	case m.c.Failure() != nil:
		f := m.c.Failure()
		msg := i18n.T("Could not load %s: %v — %s retry · esc back · ctrl+c quit", f.What, f.Err, m.cm.global.Retry.Help().Key)
		lines := strings.Split(wrapText(oneLine(msg), w-2), "\n")
		if len(lines) > 3 {
			lines = append(lines[:2], ellipsis(strings.Join(lines[2:], " "), w-2))
		}
		return strings.Split(st.Banner.Render(strings.Join(lines, "\n")), "\n")
	case m.c.Notice() != "":
		lines := strings.Split(wrapText(m.c.Notice(), w), "\n")
		if len(lines) > 2 {
			lines = append(lines[:1], ellipsis(strings.Join(lines[1:], " "), w))
		}
		for i := range lines {
			lines[i] = st.Warn.Render(lines[i])
		}
		return lines
	case len(m.c.Loading()) > 0:
		return []string{st.Muted.Render(m.spinner.View() + " " + i18n.T("loading %s…", strings.Join(m.c.Loading(), ", ")))}
	}
	return []string{""}
}

func (m *Model) bodyView() string {
	st, w := m.cm.st, m.mainWidth()
	switch m.screen {
	case screenResume:
		d, _ := m.c.OfferedDraft()
		n := 0
		if d != nil {
			n = d.Len()
		}
		// Wrapped: a long state path must not be cut off at 80 columns.
		return wrapText(i18n.T("A draft from an earlier session was found (%s, %d parameters).", m.opts.DraftPath, n), w) +
			"\n\n" + i18n.Text("Resume it?") + " " + st.Key.Render("y") + " " + i18n.Text("resume") + " · " + st.Key.Render("n") + " " + i18n.Text("start afresh")
	case screenHelp:
		return m.pager.vp.View()
	case screenConfirm:
		return st.Title.Render(wrapText(m.question, w)) + "\n\n" + st.Key.Render("y") + " " + i18n.Text("launch") + " · " + st.Key.Render("n") + " " + i18n.Text("back")
	case screenLaunch:
		return m.launch.progressView(st, m.c.Launching(), w)
	case screenExport:
		return m.export.view(st, w)
	case screenPath:
		return m.path.view(st)
	case screenStart:
		return m.start.view(m, w)
	case screenCreate:
		return m.create.view(m, w)
	case screenOverwrite:
		what, path, _ := m.c.Overwrite()
		return st.Title.Render(wrapText(i18n.T("%s already exists. Replace it with this %s?", path, flow.WhatName(what)), w)) +
			"\n\n" + st.Key.Render("y") + " " + i18n.Text("replace") + " · " + st.Key.Render("n") + " " + i18n.Text("keep it")
	}
	return m.stepView()
}

func (m *Model) stepView() string {
	st, c := m.cm.st, m.c
	title := st.Title.Render(c.Step().String())
	switch {
	case c.Blocked():
		return title + "\n\n" + st.Error.Render(i18n.Text("This step needs data that did not load.")) + "\n" +
			st.Help.Render(i18n.T("%s retry · esc back", m.cm.global.Retry.Help().Key))
	case !c.Ready():
		typed := ""
		if len(m.typeahead) > 0 {
			typed = i18n.T(" (%d key(s) typed ahead will apply then)", len(m.typeahead))
		}
		return title + "\n\n" + m.spinner.View() + " " + i18n.T("Loading %s…", strings.Join(c.Loading(), ", ")) + typed
	}
	w, h := m.mainWidth(), m.bodyHeight()
	p := &m.pickers
	switch c.Step() {
	case forms.Region:
		return title + "  " + m.docLine("RegionId", w) + "\n" + filterLine(st, &p.regions.filter, p.regions.typing) + "\n" + p.regions.list.view(st, w)
	case forms.Zone:
		return title + "  " + m.docLine("ZoneId", w) + "\n" + filterLine(st, &p.zones.filter, p.zones.typing) + "\n" + p.zones.list.view(st, w)
	case forms.InstanceType:
		return m.typeView(title, w, h)
	case forms.Image:
		return m.imageView(title, w)
	case forms.Review:
		return title + "\n" + m.review.view(st)
	case forms.Ask:
		return st.Title.Render(i18n.Text("The launch file asks for these")) + "\n" + m.form.view(st, w, h-1)
	}
	return title + "\n" + m.form.view(st, w, h-1)
}

// docLine is a parameter's one-line summary, cut to what is left of the line.
func (m *Model) docLine(key string, w int) string {
	d, ok := apidoc.Param(key)
	if !ok {
		return ""
	}
	return m.cm.st.Doc.Render(ellipsis(d.Summary, max(10, w-16)))
}

func filterLine(st Styles, in interface{ View() string }, typing bool) string {
	if typing {
		return in.View()
	}
	return st.Muted.Render(i18n.Text("/ to filter"))
}

func (m *Model) typeView(title string, w, h int) string {
	st, p := m.cm.st, &m.pickers.types
	if m.pickers.zoneChoice != nil {
		return title + "\n\n" + m.pickers.zoneChoice.view(st, w)
	}
	filter := st.Muted.Render(i18n.Text("/ to filter: g7 · 4c · 16g · arm · A10 …"))
	if p.typing || p.filter.Value() != "" {
		filter = p.filter.View()
	}
	lines := []string{title + "  " + m.docLine("InstanceType", w), filter, p.list.view(st, w), st.Muted.Render(ellipsis(p.status(), w))}
	if t, ok := p.chosen(); ok && t.Status != "Available" {
		lines = append(lines, st.Warn.Render(ellipsis(i18n.T("%s is %s — z switches zone", t.InstanceTypeId, flow.Availability(t)), w)))
	}
	if m.pickers.limit {
		spot := m.spotView(w)
		return title + "  " + st.Muted.Render(m.c.Request().Get("InstanceType")) + "\n" + spot + "\n" +
			m.form.view(st, w, h-2-strings.Count(spot, "\n"))
	}
	return strings.Join(lines, "\n")
}

// spotView is the chosen type's spot prices: now, the last days as a
// sparkline, the pay-as-you-go price and the limit suggested.
func (m *Model) spotView(w int) string {
	st := m.cm.st
	a, ok, err := m.c.Spot()
	switch {
	case err != nil:
		return st.Warn.Render(wrapText(i18n.T("No spot prices for this type here: %s", oneLine(err.Error())), w))
	case !ok:
		return st.Muted.Render(i18n.Text("asking DescribeSpotPriceHistory…"))
	}
	prices := a.History.Prices()
	lo, hi := a.Current.SpotPrice, a.History.High()
	for _, p := range prices {
		lo = min(lo, p)
	}
	lines := []string{
		i18n.T("Spot price now %.3f %s/hour · pay-as-you-go %.3f · suggested limit %.3f", a.Current.SpotPrice, a.Currency, a.PayAsYouGo, a.SuggestedLimit),
		i18n.T("last 7 days %s  %.3f–%.3f", spark.Line(prices, max(10, min(42, w-30))), lo, hi),
	}
	for i := range lines {
		lines[i] = ellipsis(lines[i], w)
	}
	return strings.Join(lines, "\n")
}

func (m *Model) imageView(title string, w int) string {
	st, p := m.cm.st, &m.pickers.images
	filter := st.Muted.Render(i18n.Text("/ to filter · ←/→ tabs"))
	if p.typing || p.filter.Value() != "" {
		filter = p.filter.View()
	}
	out := []string{title + "  " + m.docLine("ImageId", w), p.tabsView(st), filter, p.list.view(st, w)}
	if len(p.list.rows) == 0 && strings.TrimSpace(p.filter.Value()) != "" {
		out = append(out, st.Warn.Render(ellipsis(i18n.T("No image on this tab matches %q: esc clears the filter, ←/→ other tabs", p.filter.Value()), w)))
	}
	return strings.Join(out, "\n")
}

// footerView is the current screen's keys, from its keymap.
func (m *Model) footerView() string {
	h := m.cm.help
	h.Width = max(m.cm.width, minWidth)
	return m.cm.st.Help.Render(ellipsis(h.ShortHelpView(append(m.keyMap().ShortHelp(), m.cm.global.ShortHelp()...)), h.Width))
}

// helpText is the `?` screen: the focused field's (or the step's) API
// reference, then every key of the screen and the global ones.
func (m *Model) helpText() string {
	st, w := m.cm.st, m.mainWidth()-2
	var b strings.Builder
	def := m.c.Def()
	switch {
	case m.screen != screenStep:
	case def.Kind == forms.PickerStep && !m.pickers.limit:
		b.WriteString(wrapText(reference(def.Param), w) + "\n\n")
	case def.Kind == forms.FormStep || m.pickers.limit:
		if f, ok := m.form.focused(); ok {
			b.WriteString(fieldReference(st, f, w))
		}
	}
	b.WriteString(st.Title.Render(i18n.Text("Keys")) + "\n")
	for _, k := range append(bindings(m.keyMap()), bindings(m.cm.global)...) {
		hk := k.Help()
		b.WriteString("  " + padRight(hk.Key, 16) + " " + hk.Desc + "\n")
	}
	return b.String()
}

// fieldReference is the API reference of a field: its parameter's, or for
// a UI-only field the parameters it fills, after the field's own text.
func fieldReference(st Styles, f forms.Field, width int) string {
	var parts []string
	if forms.IsExtra(f.Key) && f.Doc != "" {
		parts = append(parts, f.Doc)
	}
	for _, k := range docKeys(f.Key) {
		if ref := reference(k); ref != "" {
			parts = append(parts, ref)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return st.Title.Render(f.Title) + "\n" + wrapText(strings.Join(parts, "\n\n"), width) + "\n\n"
}

// docKeys lists the API parameters whose reference explains a field.
func docKeys(key string) []string {
	switch key {
	case forms.KeySecurityGroups:
		return []string{"SecurityGroupId", "SecurityGroupIds.N"}
	case forms.KeyLogin:
		return []string{"KeyPairName", "Password", "PasswordInherit"}
	case forms.KeyPasswordConfirm:
		return []string{"Password"}
	case forms.KeyUserDataText, forms.KeyUserDataFile:
		return []string{"UserData"}
	case forms.KeyVpc:
		return []string{"VSwitchId"}
	}
	if forms.IsExtra(key) {
		return nil
	}
	return []string{key}
}
