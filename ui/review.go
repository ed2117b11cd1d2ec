package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// reviewModel shows the request grouped by step, what is still wrong with
// it, the price and the DryRun verdict, in a viewport that scrolls to
// every section at any size.
type reviewModel struct {
	vp       viewport.Model
	rev      flow.Review
	cursor   int   // the selected finding
	lineOf   []int // the first line of each finding in the content
	keys     reviewKeys
	editKeys map[string]forms.StepID
	bill     []string
	source   []string // what the request was started from, and its notes
}

func newReviewModel() reviewModel {
	edit := map[string]forms.StepID{}
	var ks []string
	for _, d := range forms.Registry() {
		if k := d.EditKey(); k != "" && d.Kind != forms.ReviewStep {
			edit[k] = d.ID
			ks = append(ks, k)
		}
	}
	return reviewModel{vp: viewport.New(80, 10), keys: newReviewKeys(ks), editKeys: edit}
}

// sync rebuilds the content from the controller, keeping the scroll.
func (r *reviewModel) sync(c *flow.Controller, st Styles, width, height int) {
	r.rev = c.Review()
	r.bill = billLines(c, st, width)
	r.source = sourceLines(st, c, width)
	r.cursor = max(0, min(r.cursor, len(r.rev.Findings)-1))
	r.layout(st, width, height)
}

func (r *reviewModel) layout(st Styles, width, height int) {
	y := r.vp.YOffset
	r.vp.Width, r.vp.Height = width, max(3, height)
	r.vp.SetContent(r.content(st, width))
	r.vp.SetYOffset(y)
	// The footer offers scrolling only when there is something to scroll to.
	scrolls := r.vp.TotalLineCount() > r.vp.Height
	for _, b := range []*key.Binding{&r.keys.Up, &r.keys.Down, &r.keys.PageUp, &r.keys.PageDown, &r.keys.Home, &r.keys.End} {
		b.SetEnabled(scrolls)
	}
}

// content is every line of the review.
func (r *reviewModel) content(st Styles, width int) string {
	lines := append([]string(nil), r.source...)
	for _, s := range r.rev.Sections {
		lines = append(lines, sectionLines(st, s, width)...)
	}
	lines = append(lines, r.findingLines(st, width)...)
	lines = append(lines, "", st.PanelTitle.Render(i18n.Text("Price (DescribePrice)")))
	lines = append(lines, r.bill...)
	lines = append(lines, "", r.dryLine(st, width))
	if l := r.rev.Launched; l != nil {
		lines = append(lines, st.Warn.Render(wrapText(i18n.T("! Launched %s at %s: l asks before launching more.",
			strings.Join(l.IDs, ", "), l.At.Format("15:04:05")), width)))
	}
	return strings.Join(lines, "\n")
}

// sectionLines renders one step's parameters as Name=value cells wrapped
// beside the step's edit key and name.
func sectionLines(st Styles, s flow.Section, width int) []string {
	const head = 18
	label := s.EditKey + " " + s.Step.Title()
	var out []string
	line := ""
	for _, p := range s.Params {
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

func (r *reviewModel) findingLines(st Styles, width int) []string {
	fs := r.rev.Findings
	r.lineOf = r.lineOf[:0]
	if len(fs) == 0 {
		if r.rev.Online {
			return []string{"", st.OK.Render(i18n.Text("✓ No finding: every rule passes, the catalog's too."))}
		}
		return []string{"", st.OK.Render(i18n.Text("✓ No finding: every rule passes offline (checking the catalog…)"))}
	}
	out := []string{"", st.Label.Render(i18n.T("%d finding(s) — tab selects, enter opens its field:", len(fs)))}
	base := len(r.source)
	for _, s := range r.rev.Sections {
		base += len(sectionLines(st, s, width))
	}
	for i, f := range fs {
		r.lineOf = append(r.lineOf, base+len(out))
		// Continuation lines align under the message, not at the margin.
		line := strings.ReplaceAll(findingLine(st, f, width-4), "\n", "\n    ")
		if i == r.cursor {
			line = "▸ " + line
		} else {
			line = "  " + line
		}
		out = append(out, strings.Split(line, "\n")...)
	}
	return out
}

func (r *reviewModel) dryLine(st Styles, width int) string {
	switch {
	case r.rev.DryRunning:
		return st.Muted.Render(i18n.Text("DryRun: checking with ECS…"))
	case r.rev.Dry == nil:
		return st.Muted.Render(i18n.Text("DryRun: not run yet (d)"))
	case r.rev.Dry.Passed:
		return st.OK.Render(i18n.Text("✓ DryRun passed: ECS would accept this request."))
	}
	return st.Error.Render(wrapText("✗ "+i18n.T("DryRun failed: %s", flow.DryVerdict(*r.rev.Dry)), width))
}

// keyMap is the footer's keymap.
func (r *reviewModel) keyMap() keyMapper { return r.keys }

// update handles a key on the review.
func (r *reviewModel) update(msg tea.KeyMsg, st Styles) (intent, tea.Cmd) {
	k := r.keys
	switch {
	case key.Matches(msg, k.DryRun):
		return dryRunIntent{}, nil
	case key.Matches(msg, k.Launch):
		return launchIntent{}, nil
	case key.Matches(msg, k.Export):
		return exportIntent{}, nil
	case key.Matches(msg, k.Save):
		return saveIntent{}, nil
	case key.Matches(msg, k.Template):
		return templateIntent{}, nil
	case key.Matches(msg, k.Quit):
		return quitIntent{}, nil
	case key.Matches(msg, k.Back):
		return backIntent{}, nil
	case key.Matches(msg, k.Edit):
		return editIntent{step: r.editKeys[msg.String()]}, nil
	case key.Matches(msg, k.Jump):
		if len(r.rev.Findings) > 0 {
			return jumpIntent{param: r.rev.Findings[r.cursor].Parameter}, nil
		}
	case key.Matches(msg, k.NextFinding, k.PrevFinding):
		r.selectFinding(msg, st)
	case key.Matches(msg, k.Home):
		r.vp.GotoTop()
	case key.Matches(msg, k.End):
		r.vp.GotoBottom()
	case key.Matches(msg, k.Up):
		r.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		r.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		r.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		r.vp.PageDown()
	}
	return nil, nil
}

// selectFinding moves the selection and scrolls it into view.
func (r *reviewModel) selectFinding(msg tea.KeyMsg, st Styles) {
	n := len(r.rev.Findings)
	if n == 0 {
		return
	}
	if key.Matches(msg, r.keys.NextFinding) {
		r.cursor = (r.cursor + 1) % n
	} else {
		r.cursor = (r.cursor - 1 + n) % n
	}
	r.vp.SetContent(r.content(st, r.vp.Width))
	if line := r.lineOf[r.cursor]; line < r.vp.YOffset || line >= r.vp.YOffset+r.vp.Height {
		r.vp.SetYOffset(max(0, line-r.vp.Height/2))
	}
}

// view is the viewport with marks for what is above and below.
func (r *reviewModel) view(st Styles) string {
	lines := strings.Split(r.vp.View(), "\n")
	if len(lines) > 0 && !r.vp.AtTop() {
		lines[0] = st.Muted.Render(i18n.T("  ↑ more above (%d lines) · home", r.vp.YOffset))
	}
	if len(lines) > 1 && !r.vp.AtBottom() {
		below := r.vp.TotalLineCount() - r.vp.YOffset - r.vp.Height
		lines[len(lines)-1] = st.Muted.Render(i18n.T("  ↓ more below (%d lines) · ↓/pgdn/end", below))
	}
	return strings.Join(lines, "\n")
}
