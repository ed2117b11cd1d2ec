package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"github.com/ecslaunch/ecslaunch/launcher"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
)

// Run runs the wizard until the user launches, exports or quits. The TUI
// draws on o.Out; an export to stdout comes back in Result.Stdout.
func Run(ctx context.Context, o Options) (Result, error) {
	if o.Reader == nil {
		return Result{}, errors.New("the wizard needs a catalog")
	}
	if o.Accessible {
		if o.Now == nil {
			o.Now = time.Now
		}
		res, err := runAccessible(ctx, o)
		if err == nil && !res.Aborted {
			removeDraft(o.DraftPath)
		}
		return res, err
	}
	useRenderer(o.Out)
	p := tea.NewProgram(New(ctx, o), tea.WithInput(o.In), tea.WithOutput(o.Out), tea.WithAltScreen(), tea.WithContext(ctx))
	final, err := p.Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return Result{}, fmt.Errorf("wizard: %w", err)
	}
	m, ok := final.(Model)
	if !ok {
		return Result{Aborted: true}, nil
	}
	if !m.result.Aborted {
		// Launched or exported: the draft has served its purpose.
		removeDraft(m.opts.DraftPath)
	}
	return m.result, nil
}

// review prints the request and its findings, then asks what to do.
func (a *accessible) review() (Result, error) {
	a.say("\n== Review ==")
	for _, p := range a.draft.Req.Params() {
		a.say("  %-28s %s", p.Name, request.Display(p.Name, p.Value))
	}
	for _, f := range forms.Validate(a.draft, a.o.Now()) {
		a.say("  %s %s: %s", f.Severity, f.Parameter, f.Message)
	}
	for {
		act, err := a.selectOne("Now", reviewActions(a.o), "dryrun")
		if errors.Is(err, ErrInputEnded) {
			return Result{Aborted: true}, nil
		}
		if err != nil {
			return Result{}, err
		}
		res, done, err := a.do(act)
		if err != nil || done {
			return res, err
		}
	}
}

// useRenderer detects colours on the terminal the TUI draws on (stderr),
// not on stdout, which may be a file: NO_COLOR and the colour profile come
// from there. The background is asked now, before the program reads the
// terminal, so the adaptive palette picks its light or dark half.
func useRenderer(w io.Writer) {
	f, ok := w.(*os.File)
	if !ok {
		return
	}
	r := lipgloss.NewRenderer(f)
	r.HasDarkBackground()
	lipgloss.SetDefaultRenderer(r)
}

func removeDraft(path string) {
	if path != "" {
		_ = removeFile(path)
	}
}

// reviewActions are the review's choices in accessible mode.
func reviewActions(o Options) []forms.Option {
	opts := []forms.Option{}
	if o.Launch != nil {
		opts = append(opts, forms.Option{Label: "DryRun", Value: "dryrun"}, forms.Option{Label: "Launch", Value: "launch"})
	}
	return append(opts, forms.Option{Label: "Export to stdout", Value: "export"},
		forms.Option{Label: "Export to a file", Value: "exportfile"},
		forms.Option{Label: "Save the launch file", Value: "save"}, forms.Option{Label: "Quit", Value: "quit"})
}

// do runs one review action; done ends the wizard.
func (a *accessible) do(act string) (Result, bool, error) {
	switch act {
	case "dryrun":
		res := dryRun(a.ctx, a.o.Launch, a.o.Scheme, a.draft.Req.Clone())
		if res.Passed {
			a.say("DryRun passed: ECS would accept this request.")
		} else {
			a.say("DryRun failed: %s — %s (parameter %s)", res.Code, firstNonEmpty(res.Explanation, res.Message), res.Parameter)
		}
	case "launch":
		return a.launch()
	case "export", "exportfile":
		return a.export(act == "exportfile")
	case "save":
		var path string
		_ = a.input(forms.Field{Key: "ui.Path", Title: "File", Optional: true})
		path = firstNonEmpty(a.draft.Extra["ui.Path"], "launch.yaml")
		if err := writeLaunchFile(path, a.draft.Req, ""); err != nil {
			a.say("Could not write %s: %v", path, err)
		} else {
			a.say("Wrote %s.", path)
		}
	case "quit":
		return Result{Aborted: true}, true, nil
	}
	return Result{}, false, nil
}

func (a *accessible) export(toFile bool) (Result, bool, error) {
	opts := []forms.Option{}
	for _, f := range exportFormats() {
		opts = append(opts, forms.Option{Label: f, Value: f})
	}
	f, err := a.selectOne("Format", opts, "cli")
	if err != nil {
		return Result{}, true, err
	}
	o := exportOptions{Profile: a.o.Profile, Region: a.draft.Req.Get("RegionId")}
	if a.o.Endpoint != "" {
		o.Endpoint, o.Insecure = a.o.Endpoint, a.o.Scheme == "http"
	}
	text, notes, err := exportText(a.draft.Req, f, o)
	if err != nil {
		a.say("Export failed: %v", err)
		return Result{}, false, nil
	}
	for _, n := range notes {
		a.say("note: %s", n)
	}
	if !toFile {
		return Result{Stdout: text}, true, nil
	}
	_ = a.input(forms.Field{Key: "ui.Path", Title: "File", Optional: true})
	path := firstNonEmpty(a.draft.Extra["ui.Path"], defaultExportName(f))
	if err := writeFile(path, []byte(text)); err != nil {
		a.say("Could not write %s: %v", path, err)
		return Result{}, false, nil
	}
	a.say("Wrote %s.", path)
	return Result{}, true, nil
}

func (a *accessible) launch() (Result, bool, error) {
	ok := false
	_ = huh.NewConfirm().Title("Launch for real?").Value(&ok).RunAccessible(a.w, a.r)
	if !ok {
		return Result{}, false, nil
	}
	hist, err := launcher.OpenHistory(a.o.HistoryPath)
	if err != nil {
		return Result{}, true, err
	}
	events := make(chan launcher.Event, 16)
	done := make(chan struct{})
	go func() {
		for ev := range events {
			a.say("%s", launcher.RenderEvent(ev))
		}
		close(done)
	}()
	out, err := launcher.Launch(a.ctx, a.o.Launch, a.draft.Req.Clone(), launcher.Options{History: hist, Wait: true, Scheme: a.o.Scheme, Target: a.o.Target}, events)
	close(events)
	<-done
	return Result{Launched: out != nil && len(out.Instances) > 0}, true, err
}
