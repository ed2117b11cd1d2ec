package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/lipgloss"

	"github.com/ecslaunch/ecslaunch/apidoc"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
)

// Layout constants: the side panel needs room, the wizard works from 80×24.
const (
	panelWidth    = 34
	panelMinWidth = 96
	minWidth      = 40
)

// layout sizes the widgets after a resize or a panel toggle.
func (m *Model) layout() {
	h := max(3, m.bodyHeight()-5)
	m.types.list.height = h - 1
	m.images.list.height = h - 1
	m.regions.height = h
	m.zones.height = h
	m.types.list.clamp()
	m.images.list.clamp()
	m.regions.clamp()
	m.zones.clamp()
	m.doc.Width, m.doc.Height = m.mainWidth(), max(3, m.bodyHeight()-1)
}

// showPanel: the request panel shows when there is room; the tables of
// types and images need the width more below 130 columns.
func (m *Model) showPanel() bool {
	if m.screen == screenStep && (m.step == forms.InstanceType || m.step == forms.Image) && m.width < 130 {
		return false
	}
	return m.panel && m.width >= panelMinWidth
}

// mainWidth is what the panel (its border, padding and a gap) leaves.
func (m *Model) mainWidth() int {
	w := max(m.width, minWidth)
	if m.showPanel() {
		w -= panelWidth + 3
	}
	return w
}

// bodyHeight is what the header (2 lines), the message line and the
// footer leave.
func (m *Model) bodyHeight() int { return max(5, m.height-5) }

// View renders the screen.
func (m Model) View() string {
	body := m.bodyView()
	body = lipgloss.NewStyle().MaxWidth(m.mainWidth()).Render(body)
	body = padLines(body, m.bodyHeight())
	if m.showPanel() {
		body = lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(m.mainWidth()+1).Render(body),
			m.st.Panel.Width(panelWidth+1).Render(m.panelView()))
	}
	return strings.Join([]string{m.headerView(), m.stepsView(), m.messageView(), body, m.footerView()}, "\n")
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

func (m *Model) headerView() string {
	left := m.st.Title.Render("ecslaunch") + m.st.Muted.Render(" · RunInstances")
	if r := m.region(); r != "" {
		left += m.st.Muted.Render(" · " + r)
	}
	if z := m.draft.Req.Get("ZoneId"); z != "" {
		left += m.st.Muted.Render(" / " + z)
	}
	right := ""
	if m.opts.Sandbox {
		right = m.st.Sandbox.Render("SANDBOX · nothing real is created")
		if m.width < 100 {
			right = m.st.Sandbox.Render("SANDBOX")
		}
	}
	gap := max(1, m.width-lipgloss.Width(left)-lipgloss.Width(right))
	return lipgloss.NewStyle().MaxWidth(max(m.width, minWidth)).Render(left + strings.Repeat(" ", gap) + right)
}

var shortNames = map[forms.StepID]string{forms.InstanceType: "Type", forms.Access: "Access"}

// stepsView is the breadcrumb; a step whose values no longer fit is flagged.
func (m *Model) stepsView() string {
	parts := make([]string, 0, len(forms.Steps()))
	for _, s := range forms.Steps() {
		name := s.String()
		if n, ok := shortNames[s]; ok {
			name = n
		}
		switch {
		case s == m.step:
			parts = append(parts, m.st.StepOn.Render("["+name+"]"))
		case m.flagged[s]:
			parts = append(parts, m.st.StepFlag.Render(name+"!"))
		case s < m.step:
			parts = append(parts, m.st.StepDone.Render(name))
		default:
			parts = append(parts, m.st.StepOff.Render(name))
		}
	}
	if m.step == forms.Ask {
		return m.st.StepOn.Render("[Your answers]") + m.st.Muted.Render(" then the review")
	}
	return lipgloss.NewStyle().MaxWidth(max(m.width, minWidth)).Render(strings.Join(parts, " "))
}

// messageView is the one-line banner: a load error with its retry key, or
// the last notice.
func (m *Model) messageView() string {
	w := max(m.width, minWidth) - 2
	switch {
	case m.failed != nil:
		return m.st.Banner.Render(ellipsis(fmt.Sprintf("Could not load %s: %v — ctrl+r retry", m.failed.kind, m.failed.err), w))
	case m.notice != "":
		return m.st.Warn.Render(ellipsis(m.notice, w))
	case len(m.loading) > 0:
		return m.st.Muted.Render(m.spinner.View() + " loading " + m.loadingText() + "…")
	}
	return ""
}

func ellipsis(s string, w int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if lipgloss.Width(s) <= w {
		return s
	}
	return fit(s, w, false)
}

func (m *Model) bodyView() string {
	switch m.screen {
	case screenResume:
		// Wrapped: a long state path must not be cut off at 80 columns.
		return wrapText("A draft from an earlier session was found ("+m.opts.DraftPath+").", m.mainWidth()) + "\n\nResume it? " +
			m.st.Key.Render("y") + " resume · " + m.st.Key.Render("n") + " start afresh"
	case screenHelp, screenDoc:
		return m.doc.View()
	case screenConfirm:
		return m.confirmView()
	case screenLaunch:
		return m.launch.view(m.st, m.mainWidth())
	case screenExport:
		return m.export.view(m.st)
	case screenPath:
		return m.st.Title.Render("Write the "+m.pathFor+" to") + "\n\n" + m.path.View() + "\n\n" + m.st.Help.Render("enter write · esc cancel")
	}
	return m.stepView()
}

func (m *Model) stepView() string {
	title := m.st.Title.Render(m.step.String())
	switch m.phase {
	case phaseLoading:
		return title + "\n\n" + m.spinner.View() + " Loading " + firstNonEmpty(m.loadingText(), "…") + "…"
	case phaseFailed:
		return title + "\n\n" + m.st.Error.Render("This step needs data that did not load.") + "\n" +
			m.st.Help.Render("ctrl+r retry · esc back")
	}
	w, h := m.mainWidth(), m.bodyHeight()
	switch m.step {
	case forms.Region:
		return title + "  " + m.docLine("RegionId", w) + "\n" + m.regions.view(m.st, w)
	case forms.Zone:
		return title + "  " + m.docLine("ZoneId", w) + "\n" + m.zones.view(m.st, w)
	case forms.InstanceType:
		return m.typeView(title, w)
	case forms.Image:
		return m.imageView(title, w)
	case forms.Review:
		return title + "\n" + m.review.view(m.st, w, h-1)
	case forms.Ask:
		return m.st.Title.Render("The launch file asks for these") + "\n" + m.ask.view(m.st, m.draft, w, h-1)
	}
	return title + "\n" + m.form.view(m.st, m.draft, w, h-1)
}

// docLine is a parameter's one-line summary, cut to what is left of the line.
func (m *Model) docLine(key string, w int) string {
	d, ok := apidoc.Param(key)
	if !ok {
		return ""
	}
	return m.st.Doc.Render(ellipsis(d.Summary, max(10, w-16)))
}

func (m *Model) typeView(title string, w int) string {
	p := &m.types
	filter := m.st.Muted.Render("/ to filter")
	if p.typing || p.filter.Value() != "" {
		filter = p.filter.View()
	}
	lines := []string{title + "  " + m.docLine("InstanceType", w), filter, p.list.view(m.st, w), m.st.Muted.Render(ellipsis(p.status(), w))}
	if t, ok := p.chosen(); ok && t.Status != "Available" {
		lines = append(lines, m.st.Warn.Render(ellipsis(t.InstanceTypeId+" is "+availability(t)+" — z switches zone", w)))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) imageView(title string, w int) string {
	p := &m.images
	filter := m.st.Muted.Render("/ to filter · ←/→ tabs")
	if p.typing || p.filter.Value() != "" {
		filter = p.filter.View()
	}
	return strings.Join([]string{title + "  " + m.docLine("ImageId", w), p.tabsView(m.st), filter, p.list.view(m.st, w)}, "\n")
}

func (m *Model) confirmView() string {
	amount := firstNonEmpty(m.draft.Req.Get("Amount"), "1")
	s := fmt.Sprintf("Launch %s instance(s) of %s in %s now?", amount, m.draft.Req.Get("InstanceType"), m.region())
	note := "This creates real, billed instances."
	if m.opts.Sandbox {
		note = "SANDBOX: the instances exist only in the local sandbox."
	}
	return m.st.Title.Render(s) + "\n\n" + m.st.Warn.Render(note) + "\n\n" + m.st.Key.Render("y") + " launch · " + m.st.Key.Render("n") + " back"
}

// panelView is the request as it grows, in API names, secrets masked, and
// the running price.
func (m *Model) panelView() string {
	w := panelWidth
	// The price first: a long request must not push it out of view.
	lines := []string{m.st.PanelTitle.Render("Price"), m.priceText(), "", m.st.PanelTitle.Render("Request")}
	for _, p := range m.draft.Req.Params() {
		lines = append(lines, ellipsis(p.Name+"="+request.Display(p.Name, p.Value), w))
	}
	return padLines(strings.Join(lines, "\n"), m.bodyHeight())
}

// priceText is DescribePrice's quote once asked, else the type's hourly
// price times the amount.
func (m *Model) priceText() string {
	// The quote holds for the request it was asked for; after an edit the
	// panel falls back to the type's price rather than show a stale figure.
	if m.review.priced && m.review.price.TradePrice > 0 && m.review.priceReq != nil && m.review.priceReq.Equal(m.draft.Req) {
		return wrapText(fmtPrice(m.review.price), panelWidth)
	}
	t, ok := m.env.Type(m.draft.Req.Get("InstanceType"))
	if !ok || t.PricePerHour == 0 {
		return m.st.Muted.Render("(choose a type)")
	}
	n, err := strconv.Atoi(firstNonEmpty(m.draft.Req.Get("Amount"), "1"))
	if err != nil || n < 1 {
		n = 1
	}
	h := t.PricePerHour * float64(n)
	return fmt.Sprintf("≈ %.3f/hour\n≈ %.2f/month", h, h*730)
}

func (m *Model) footerView() string {
	var s string
	switch {
	case m.screen == screenHelp || m.screen == screenDoc:
		s = "↑/↓ pgup/pgdn scroll · esc back · ctrl+c quit"
	case m.screen != screenStep:
		s = "esc back · ctrl+c quit"
	case m.step == forms.Region || m.step == forms.Zone:
		s = "↑/↓ choose · enter next · esc back · ? help"
	case m.step == forms.InstanceType:
		s = "↑/↓ · / filter · c vCPU · m memory · s sort · z zone · enter next · esc back · ?"
	case m.step == forms.Image:
		s = "↑/↓ · ←/→ tab · / filter · enter next · esc back · ? help"
	case m.step == forms.Review:
		s = "d DryRun · l launch · e export · w save · 1-9 edit · ↑/↓ enter: finding · q quit"
	default:
		s = "tab/↓ next field · ←/→ change · space toggle · enter next · esc back · ?/f1 help"
	}
	return m.st.Help.Render(ellipsis(s, max(m.width, minWidth)))
}

// openHelp shows the focused field's reference text, then every key.
func (m *Model) openHelp() {
	var b strings.Builder
	if m.isFormStep() {
		if f, ok := m.activeForm().focused(); ok {
			b.WriteString(fieldReference(m.st, f, m.mainWidth()-2))
		}
	} else if k := pickerKey(m.step); k != "" {
		b.WriteString(wrapText(reference(k), m.mainWidth()-2) + "\n\n")
	}
	b.WriteString(m.st.Title.Render("Keys") + "\n")
	for _, k := range m.keys.all() {
		h := k.Help()
		b.WriteString(fmt.Sprintf("  %-16s %s\n", h.Key, h.Desc))
	}
	m.doc = viewport.New(m.mainWidth(), max(3, m.bodyHeight()))
	m.doc.SetContent(b.String())
	m.screen = screenHelp
}

// fieldReference is the API reference of a field: its parameter's, or for
// a UI-only field (the security groups, the login method, user data) the
// parameters it fills, after the field's own explanation.
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

func pickerKey(s forms.StepID) string {
	return map[forms.StepID]string{forms.Region: "RegionId", forms.Zone: "ZoneId",
		forms.InstanceType: "InstanceType", forms.Image: "ImageId"}[s]
}
