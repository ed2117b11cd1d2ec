package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// reviewModel is the last step: the request grouped by step, what is still
// wrong with it, the price and the actions.
type reviewModel struct {
	groups   []reviewGroup
	findings []rules.Finding
	cursor   int // over findings
	price    catalog.Price
	priced   bool
	priceReq *request.Request // what price quotes
	dry      *dryRunResult
	dryReq   *request.Request // what dry is the verdict on
	running  bool             // a DryRun under way
	online   bool             // the catalog-backed rules have answered
}

type reviewGroup struct {
	step   forms.StepID
	params []request.Param
}

// build groups the request's parameters by the step that asks them.
func (r *reviewModel) build(d *forms.Draft, now time.Time) {
	by := map[forms.StepID][]request.Param{}
	for _, p := range d.Req.Params() {
		s := forms.StepOf(p.Name)
		by[s] = append(by[s], p)
	}
	r.groups = r.groups[:0]
	for _, s := range forms.Steps() {
		if len(by[s]) > 0 {
			r.groups = append(r.groups, reviewGroup{step: s, params: by[s]})
		}
	}
	r.findings = forms.Validate(d, now)
	r.online = false
	r.cursor = min(r.cursor, max(0, len(r.findings)-1))
	r.priced = false
	if r.dryReq == nil || !r.dryReq.Equal(d.Req) {
		// A verdict on another request would be a lie about this one.
		r.dry, r.dryReq = nil, nil
	}
}

// addFindings adds the online findings the offline ones did not have.
func (r *reviewModel) addFindings(fs []rules.Finding) {
	r.online = true
	for _, f := range fs {
		if !containsFinding(r.findings, f) && !r.saidOffline(f) {
			r.findings = append(r.findings, f)
		}
	}
}

// saidOffline reports whether the offline catalog check already flagged
// the parameter as not offered (a sold-out type): the online rule says the
// same in other words, and two findings read as two problems.
func (r *reviewModel) saidOffline(f rules.Finding) bool {
	for _, x := range r.findings {
		if x.Code == "ui.NotOffered" && x.Parameter == f.Parameter && f.Severity == x.Severity {
			return true
		}
	}
	return false
}

func (m Model) onReviewKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	r := &m.review
	switch {
	case msg.String() == "up" && r.cursor > 0:
		r.cursor--
	case msg.String() == "down" && r.cursor < len(r.findings)-1:
		r.cursor++
	case msg.String() == "enter" && len(r.findings) > 0:
		return m.jumpTo(r.findings[r.cursor].Parameter)
	case key.Matches(msg, m.keys.DryRun):
		return m.startDryRun()
	case key.Matches(msg, m.keys.Launch):
		if m.opts.Launch == nil {
			m.notice = "Launching needs credentials (or --sandbox)."
			return m, nil
		}
		m.screen = screenConfirm
	case key.Matches(msg, m.keys.Export):
		m.export = newExportModel(m.opts.StdoutIsTerminal)
		m.screen = screenExport
	case key.Matches(msg, m.keys.Save):
		m.openPath("launch file", "launch.yaml")
	case key.Matches(msg, m.keys.Edit):
		n := int(msg.Runes[0] - '1')
		if n >= 0 && n < len(forms.Steps())-1 {
			m.editing = true
			return m, m.enterStep(forms.Steps()[n])
		}
	case msg.String() == "esc", msg.String() == "shift+tab":
		m.editing = false
		return m, m.enterStep(forms.Advanced)
	case msg.String() == "q":
		m.result.Aborted = !m.result.Launched
		return m, tea.Quit
	}
	return m, nil
}

// jumpTo opens the step of a parameter with its field focused.
func (m Model) jumpTo(param string) (tea.Model, tea.Cmd) {
	m.editing = true
	cmd := m.enterStep(forms.StepOf(param))
	target := forms.FieldFor(param)
	for i, f := range m.form.fields {
		if f.Key == target {
			m.form.focus = i
			m.form.syncFocus()
		}
	}
	return m, cmd
}

func (m Model) startDryRun() (tea.Model, tea.Cmd) {
	if m.opts.Launch == nil {
		m.notice = "DryRun needs credentials (or --sandbox)."
		return m, nil
	}
	m.review.running, m.review.dry = true, nil
	m.review.dryReq = m.draft.Req.Clone()
	return m, runDryRun(m.ctx, m.opts.Launch, m.opts.Scheme, m.draft.Req.Clone())
}

// onDryRun shows the verdict; a failure names its code, explains it and
// jumps to the field it concerns.
func (m Model) onDryRun(msg dryRunMsg) (tea.Model, tea.Cmd) {
	m.review.running = false
	res := msg.res
	m.review.dry = &res
	if res.Passed || res.Parameter == "" || m.step != forms.Review {
		return m, nil
	}
	mm, cmd := m.jumpTo(res.Parameter)
	out := mm.(Model)
	out.notice = "DryRun failed: " + dryVerdict(res)
	// ECS's verdict also shows under the field, until the field changes.
	out.form.place(forms.FieldFor(res.Parameter), []rules.Finding{{Parameter: res.Parameter, Severity: rules.Error,
		Code: res.Code, Message: "DryRun: " + dryVerdict(res)}})
	return out, cmd
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// view renders the review.
func (r *reviewModel) view(st Styles, width, height int) string {
	var lines []string
	for _, g := range r.groups {
		lines = append(lines, groupLines(st, g, width)...)
	}
	lines = append(lines, r.findingLines(st, width)...)
	lines = append(lines, "", r.priceLine(st), r.dryLine(st, width))
	if len(lines) > height {
		// Keep the findings and actions: the parameter list scrolls away first.
		lines = lines[len(lines)-height:]
	}
	return strings.Join(lines, "\n")
}

// groupLines renders one step's parameters as Name=value cells wrapped
// beside the step's number (the key that edits it) and name.
func groupLines(st Styles, g reviewGroup, width int) []string {
	const head = 18
	label := fmt.Sprintf("%d %s", stepNumber(g.step), g.step)
	var out []string
	line := ""
	for _, p := range g.params {
		cell := p.Name + "=" + request.Display(p.Name, p.Value)
		if line != "" && ansiWidth(line)+2+ansiWidth(cell) > width-head {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += "  "
		}
		line += cell
	}
	out = append(out, line)
	for i := range out {
		prefix := strings.Repeat(" ", head)
		if i == 0 {
			prefix = st.Label.Render(fit(label, head-1, false)) + " "
		}
		out[i] = prefix + ellipsis(out[i], width-head)
	}
	return out
}

func stepNumber(s forms.StepID) int {
	for i, x := range forms.Steps() {
		if x == s {
			return i + 1
		}
	}
	return 0
}

func (r *reviewModel) findingLines(st Styles, width int) []string {
	if len(r.findings) == 0 {
		if r.online {
			return []string{"", st.OK.Render("✓ No finding: every rule passes, the catalog's too.")}
		}
		return []string{"", st.OK.Render("✓ No finding: every rule passes offline (checking the catalog…)")}
	}
	out := []string{"", st.Label.Render(fmt.Sprintf("%d finding(s) — Enter jumps to the field:", len(r.findings)))}
	for i, f := range r.findings {
		// Continuation lines align under the message, not at the margin.
		line := strings.ReplaceAll(findingLine(st, f, width-4), "\n", "\n    ")
		if i == r.cursor {
			line = "▸ " + line
		} else {
			line = "  " + line
		}
		out = append(out, line)
	}
	return out
}

func (r *reviewModel) priceLine(st Styles) string {
	if !r.priced || r.price.TradePrice == 0 {
		return st.Muted.Render("Price: (asking DescribePrice…)")
	}
	return fmt.Sprintf("Price: %s", fmtPrice(r.price))
}

// fmtPrice shows a quote per hour and per month (730 hours).
func fmtPrice(p catalog.Price) string {
	cur := p.Currency
	if cur == "" {
		cur = "USD"
	}
	if p.PriceUnit == "" || strings.EqualFold(p.PriceUnit, "Hour") {
		return fmt.Sprintf("%.3f %s/hour · %.2f %s/month", p.TradePrice, cur, p.TradePrice*730, cur)
	}
	return fmt.Sprintf("%.2f %s/%s", p.TradePrice, cur, strings.ToLower(p.PriceUnit))
}

func (r *reviewModel) dryLine(st Styles, width int) string {
	switch {
	case r.running:
		return st.Muted.Render("DryRun: checking with ECS…")
	case r.dry == nil:
		return st.Muted.Render("DryRun: not run yet (d)")
	case r.dry.Passed:
		return st.OK.Render("✓ DryRun passed: ECS would accept this request.")
	}
	return st.Error.Render(wrapText("✗ DryRun failed: "+dryVerdict(*r.dry), width))
}

// dryVerdict is "Code — explanation"; a failure before any call (a
// ${NAME} reference whose variable is not set) has no code to name.
func dryVerdict(r dryRunResult) string {
	text := firstNonEmpty(r.Explanation, r.Message)
	if r.Code == "" {
		return text
	}
	return r.Code + " — " + text
}
