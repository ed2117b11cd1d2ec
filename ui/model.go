// Package ui is the ecslaunch wizard: a Bubble Tea program that composes a
// RunInstances request step by step (region → billing → zone → instance
// type → image → storage → network → access & naming → advanced → review),
// checks every keystroke against the rules, then DryRuns, launches or
// exports it. Its accessible twin asks the same questions as plain prompts.
package ui

import (
	"context"
	"io"
	"os"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/request"
)

// Options configure the wizard.
type Options struct {
	// Reader is where every list comes from.
	Reader catalog.Reader
	// Launch sends DryRun and RunInstances; nil disables both.
	Launch launcher.Client
	// Scheme is passed to the launcher ("http" for the sandbox).
	Scheme string
	// Region and Profile are the defaults (the profile's region).
	Region, Profile string
	// Sandbox marks every screen SANDBOX: nothing real is created.
	Sandbox bool
	// From opens a launch file at the review; with Ask, those fields first.
	From *request.File
	// DraftPath is where the draft is saved after every step; HistoryPath
	// is the launch history.
	DraftPath, HistoryPath string
	// Accessible asks plain prompts instead of the full-screen wizard.
	Accessible bool
	// In and Out are the terminal (Out is stderr: stdout is for exports).
	In  io.Reader
	Out io.Writer
	// StdoutIsTerminal says whether an export to stdout goes to a terminal.
	StdoutIsTerminal bool
	// Endpoint is the ECS endpoint exports point at (the sandbox's).
	Endpoint string
	// Now is the clock (tests fix it); time.Now by default.
	Now func() time.Time
	// Target is where launches go, recorded in the history so that a
	// resume is sent only there.
	Target *launcher.Target
}

// Result is what the wizard leaves for its caller.
type Result struct {
	// Stdout is an export the user sent to stdout, printed by the caller
	// after the TUI has left the terminal.
	Stdout string
	// Launched is set when instances were created.
	Launched bool
	// Aborted is set when the user quit without launching or exporting.
	Aborted bool
}

// phase is whether the current step's data is there.
type phase int

const (
	phaseLoading phase = iota
	phaseReady
	phaseFailed
)

// String names the phase.
func (p phase) String() string { return [...]string{"loading", "ready", "failed"}[p] }

// screen is what covers the step, if anything.
type screen int

const (
	screenStep    screen = iota
	screenResume         // a saved draft exists: resume it?
	screenHelp           // every key
	screenDoc            // the API reference of the focused field
	screenConfirm        // launch for real?
	screenLaunch         // live launch progress
	screenExport         // format, then destination
	screenPath           // a file name (export or launch file)
)

// String names the screen.
func (s screen) String() string {
	return [...]string{"step", "resume", "help", "doc", "confirm", "launch", "export", "path"}[s]
}

// Model is the root model of the wizard.
type Model struct {
	ctx  context.Context
	opts Options
	st   Styles
	keys keyMap

	draft *forms.Draft
	env   *forms.Env

	step    forms.StepID
	phase   phase
	screen  screen
	back    screen // where an overlay returns to
	seq     map[loadKind]int
	loading map[loadKind]bool
	failed  *loadFailedMsg

	width, height int
	panel         bool // the side panel, when wide enough
	spinner       spinner.Model
	spinning      bool // the spinner's tick chain is running

	// loadedRegion/Billing say which region data env.Data holds.
	loadedRegion  string
	loadedBilling catalog.Billing
	typesZone     string
	typesLoaded   bool
	pricesReady   bool            // the default type's candidates are priced
	priceAsked    map[string]bool // types whose price was asked for this list
	disksType     string

	regions pickList
	zones   pickList
	types   typePicker
	images  imagePicker
	form    fieldForm
	flagged map[forms.StepID]bool // steps whose values no longer fit

	askKeys []string // a launch file's ask: list
	ask     fieldForm

	review  reviewModel
	launch  launchModel
	export  exportModel
	path    textinput.Model
	pathFor string // "export" or "launch file"
	doc     viewport.Model
	notice  string // one-line result of the last action

	result  Result
	initCmd tea.Cmd
	// copyFn puts text on the clipboard (tests keep the real one untouched).
	copyFn  func(text string, w io.Writer) (string, error)
	editing bool // a step opened from the review returns to it
	// pendingSubmit is a step the user pressed Enter on while it loaded (-1: none).
	pendingSubmit forms.StepID
}

// New builds the root model.
func New(ctx context.Context, o Options) Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Out == nil {
		o.Out = os.Stderr
	}
	env := &forms.Env{}
	m := Model{
		ctx: ctx, opts: o, st: NewStyles(), keys: newKeyMap(),
		env: env, seq: map[loadKind]int{}, loading: map[loadKind]bool{},
		width: 100, height: 30, panel: true, flagged: map[forms.StepID]bool{},
		spinner: spinner.New(spinner.WithSpinner(spinner.Dot)),
		types:   newTypePicker(), images: newImagePicker(),
		regions: pickList{cols: []column{{title: "Region", width: 20}, {title: "Name", width: 0}}},
		zones: pickList{cols: []column{{title: "Zone", width: 16}, {title: "Name", width: 0},
			{title: "Types available", width: 15, right: true}, {title: "In your VPC", width: 11}}},
	}
	m.pendingSubmit = -1
	m.copyFn = copyText
	m.ask = newFieldForm(forms.Ask)
	m.form = newFieldForm(forms.Billing)
	m.path = newInput()
	m.path.Prompt = "file: "
	m.draft = forms.NewDraft(nil, env)
	m.start()
	if o.Reader != nil {
		m.initCmd = tea.Batch(m.fetch(loadRegions), m.fetch(loadRegionData))
	}
	if m.screen == screenStep {
		m.initCmd = tea.Batch(m.initCmd, m.enterStep(m.step))
	}
	return m
}

// start decides the first screen: a launch file's review (or its ask:
// fields), a saved draft to resume, or the first step.
func (m *Model) start() {
	switch {
	case m.opts.From != nil:
		m.draft.Req = m.opts.From.Request.Clone()
		m.askKeys = m.opts.From.Ask
		m.step = forms.Review
		if len(m.askKeys) > 0 {
			m.step = forms.Ask
		}
	case m.draftExists():
		m.screen = screenResume
	}
	if m.draft.Req.Get("RegionId") == "" && m.opts.Region != "" {
		_ = m.draft.Req.Set("RegionId", m.opts.Region)
	}
}

func (m *Model) draftExists() bool {
	if m.opts.DraftPath == "" {
		return false
	}
	_, err := os.Stat(m.opts.DraftPath)
	return err == nil
}

// now is the wizard's clock.
func (m *Model) now() time.Time { return m.opts.Now() }

// region is the region being composed.
func (m *Model) region() string { return m.draft.Req.Get("RegionId") }

// billing is the billing method availability depends on.
func (m *Model) billing() catalog.Billing {
	b := catalog.Billing{InstanceChargeType: m.draft.Req.Get("InstanceChargeType"), SpotStrategy: m.draft.Req.Get("SpotStrategy")}
	if b.InstanceChargeType == "" {
		b.InstanceChargeType = "PostPaid"
	}
	if b.SpotStrategy == "" {
		b.SpotStrategy = "NoSpot"
	}
	return b
}

// Request returns a copy of the request being composed (for tests and the caller).
func (m Model) Request() *request.Request { return m.draft.Req.Clone() }

// Step names the current step (for tests).
func (m Model) Step() forms.StepID { return m.step }

// Result returns what the wizard leaves for its caller.
func (m Model) Result() Result { return m.result }
