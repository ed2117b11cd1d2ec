package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/launcher"
)

// launchPhase is where a launch is.
type launchPhase int

const (
	launchRunning launchPhase = iota
	launchDone
	launchFailed
)

// String names the phase.
func (p launchPhase) String() string { return [...]string{"running", "done", "failed"}[p] }

// launchModel shows a launch's live progress.
type launchModel struct {
	phase  launchPhase
	events chan launcher.Event
	last   launcher.Event
	log    []string
	out    *launcher.Outcome
	err    error
}

func (m Model) onConfirmKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "y":
		return m.beginLaunch()
	case "n", "esc", "q":
		m.screen = screenStep
	}
	return m, nil
}

// beginLaunch opens the history and starts the launch; events stream back.
func (m Model) beginLaunch() (tea.Model, tea.Cmd) {
	hist, err := launcher.OpenHistory(m.opts.HistoryPath)
	if err != nil {
		m.screen = screenStep
		m.notice = "Cannot open the launch history: " + err.Error()
		return m, nil
	}
	events := make(chan launcher.Event, 16)
	m.launch = launchModel{events: events}
	m.screen = screenLaunch
	o := launcher.Options{History: hist, Wait: true, Scheme: m.opts.Scheme, Target: m.opts.Target}
	return m, tea.Batch(startLaunch(m.ctx, m.opts.Launch, m.draft.Req.Clone(), o, events), waitLaunchEvent(events))
}

func (m Model) onLaunchEvent(msg launchEventMsg) (tea.Model, tea.Cmd) {
	if m.screen != screenLaunch || m.launch.phase != launchRunning {
		return m, nil
	}
	m.launch.last = msg.ev
	if msg.ev.Kind != launcher.InstanceStatus && msg.ev.Kind != launcher.Done {
		// Statuses show as the instance list below the bar, not as log lines.
		m.launch.log = append(m.launch.log, launcher.RenderEvent(msg.ev))
	}
	if msg.ev.Kind == launcher.Done || msg.ev.Kind == launcher.Failed {
		return m, nil
	}
	return m, waitLaunchEvent(m.launch.events)
}

func (m Model) onLaunchDone(msg launchDoneMsg) (tea.Model, tea.Cmd) {
	m.launch.out, m.launch.err = msg.out, msg.err
	m.launch.phase = launchDone
	if msg.err != nil {
		m.launch.phase = launchFailed
	}
	if msg.out != nil && len(msg.out.Instances) > 0 {
		m.result.Launched, m.result.Aborted = true, false
	}
	return m, nil
}

func (m Model) onLaunchKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.launch.phase == launchRunning {
		return m, nil // the launch must finish or be interrupted with Ctrl+C
	}
	switch msg.String() {
	case "q", "enter":
		return m, tea.Quit
	case "esc":
		m.screen = screenStep
	}
	return m, nil
}

// view renders the progress, then every instance with its IPs and ssh command.
func (l *launchModel) view(st Styles, width int) string {
	var b strings.Builder
	running, total := l.last.Running, l.last.Total
	if l.out != nil {
		running, total = l.out.Running(), len(l.out.Instances)
	}
	frac := 0.0
	if total > 0 {
		frac = float64(running) / float64(total)
	}
	fmt.Fprintf(&b, "%s  %d/%d running\n\n", progressBar(st, frac, max(10, width-20)), running, total)
	for _, line := range tail(l.log, 6) {
		b.WriteString(st.Muted.Render(wrapText(line, width)) + "\n")
	}
	switch l.phase {
	case launchRunning:
		b.WriteString("\n" + instancesView(&launcher.Outcome{Instances: l.last.Instances}))
	case launchDone:
		b.WriteString("\n" + st.OK.Render("✓ Launched.") + "\n")
		b.WriteString(instancesView(l.out))
		b.WriteString("\n" + st.Help.Render("enter/q quit"))
	case launchFailed:
		b.WriteString("\n" + st.Error.Render(wrapText("✗ "+l.err.Error(), width)) + "\n")
		b.WriteString(instancesView(l.out))
		b.WriteString("\n" + st.Help.Render("esc back to the review · q quit"))
	}
	return b.String()
}

func instancesView(o *launcher.Outcome) string {
	if o == nil {
		return ""
	}
	var b strings.Builder
	for _, in := range o.Instances {
		fmt.Fprintf(&b, "  %s  %-8s private %s  public %s\n", in.ID, in.Status, orDash(in.PrivateIP), orDash(in.PublicIP))
		if in.SSH != "" {
			fmt.Fprintf(&b, "    %s\n", in.SSH)
		}
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func tail(ss []string, n int) []string {
	if len(ss) <= n {
		return ss
	}
	return ss[len(ss)-n:]
}

// progressBar draws frac of width cells.
func progressBar(st Styles, frac float64, width int) string {
	n := int(frac * float64(width))
	return st.OK.Render(strings.Repeat("█", n)) + st.Muted.Render(strings.Repeat("░", width-n))
}
