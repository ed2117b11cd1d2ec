// Package ui is the ecslaunch wizard's two faces over one flow.Controller:
// a Bubble Tea program (a root that routes between one model per screen)
// and an accessible mode of line prompts. Neither holds the flow: the
// controller decides what comes next, these only show it and take keys.
package ui

import (
	"context"
	"io"
	"os"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/provision"
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
	// From opens a launch file at the review; with Ask, those fields
	// first. FromPath is its file (saving keeps what it had); FromNotes
	// say what could not be carried over into it.
	From      *request.File
	FromPath  string
	FromNotes []string
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
	// Endpoint is the ECS endpoint exports point at (an --endpoint that
	// outlives this run); Insecure: it speaks plain HTTP.
	Endpoint string
	Insecure bool
	// Now is the clock (tests fix it); time.Now by default.
	Now func() time.Time
	// Target is where launches go, recorded in the history so that a
	// resume is sent only there.
	Target *launcher.Target
	// Copy puts text on the clipboard (tests keep the real one untouched).
	Copy func(text string, w io.Writer) (string, error)
	// LookupEnv reads ${NAME} references; the process's environment by default.
	LookupEnv func(string) (string, bool)
	// OfferStart opens the start screen first: a new request, a launch
	// template, an instance, the history or a launch file (unless From).
	OfferStart bool
	// Origin reads launch templates and instances to start from;
	// Provision creates what the account lacks (and saves launch
	// templates); OwnAddress finds the user's public address for a
	// security group rule; SSHDir is where keys are (default ~/.ssh).
	// Each nil offers none of it.
	Origin     flow.Origin
	Provision  flow.Provisioner
	OwnAddress provision.Lookup
	SSHDir     string
	// SettleDelay is the pause after which a value being typed shows its
	// rule as an error rather than a hint (default 900 ms; negative: only
	// when the focus leaves, as tests that drain every command want).
	SettleDelay time.Duration
}

// Result is what the wizard leaves for its caller.
type Result struct {
	// Stdout is an export the user sent to stdout, printed by the caller
	// after the TUI has left the terminal.
	Stdout string
	// Launched is set when instances were created.
	Launched bool
	// Aborted is set when the user quit without launching, exporting or saving.
	Aborted bool
	// Summary is what the caller prints on stderr once the screen is gone:
	// the instances launched with their IPs and ssh commands, the files written.
	Summary []string
}

func (o Options) withDefaults() Options {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Out == nil {
		o.Out = os.Stderr
	}
	if o.Copy == nil {
		o.Copy = exporter.Copy
	}
	if o.SettleDelay == 0 {
		o.SettleDelay = 900 * time.Millisecond
	}
	return o
}

// controllerFor builds the controller and the effects' dependencies.
func controllerFor(o Options) (*flow.Controller, flow.Deps, []flow.Effect) {
	c, effs := flow.New(flow.Options{Region: o.Region, Profile: o.Profile, Sandbox: o.Sandbox, CanLaunch: o.Launch != nil,
		From: o.From, FromPath: o.FromPath, FromNotes: o.FromNotes, Endpoint: o.Endpoint, Insecure: o.Insecure,
		Resume: o.DraftPath != "" && o.From == nil, Now: o.Now, LookupEnv: o.LookupEnv,
		OfferStart: o.OfferStart, CanStartLive: o.Origin != nil, CanCreate: o.Provision != nil})
	out := o.Out
	d := flow.Deps{Reader: o.Reader, Launch: o.Launch, Scheme: o.Scheme, DraftPath: o.DraftPath,
		HistoryPath: o.HistoryPath, Target: o.Target, Now: o.Now,
		Origin: o.Origin, Provision: o.Provision, OwnAddress: o.OwnAddress, SSHDir: o.SSHDir,
		Copy: func(text string) (string, error) { return o.Copy(text, out) }}
	return c, d, effs
}

// screen is what covers the step, if anything.
type screen int

const (
	screenStep      screen = iota
	screenResume           // a saved draft exists: resume it?
	screenHelp             // the API reference and every key
	screenConfirm          // launch?
	screenLaunch           // live launch progress
	screenExport           // format, then destination
	screenPath             // a file name (export or launch file)
	screenOverwrite        // replace an existing file?
	screenStart            // what the request starts from
	screenCreate           // a creation waiting for its confirmation
)

// String names the screen.
func (s screen) String() string {
	return [...]string{"step", "resume", "help", "confirm", "launch", "export", "path", "overwrite", "start", "create"}[s]
}

// common is what every screen model shares.
type common struct {
	st            Styles
	global        globalKeys
	help          help.Model
	width, height int
	panel         bool
	sandbox       bool
	stdoutTTY     bool
}

// Model is the root model: it routes keys to the screen in front, runs
// the controller's effects as commands and rebuilds the screens when the
// controller's revision changes. It holds routing and shared context only.
type Model struct {
	ctx  context.Context
	opts Options
	c    *flow.Controller
	deps flow.Deps
	cm   *common

	screen   screen
	seen     int          // the controller revision the screens were built for
	shown    forms.StepID // the step they show: a new one puts the cursor on its value
	spinner  spinner.Model
	spinning bool
	// typeahead holds keys typed while the step loads, replayed once it is
	// ready (a burst "/g7" or an Enter must not be lost).
	typeahead []tea.KeyMsg

	pickers  pickers
	form     fieldForm
	review   reviewModel
	launch   launchModel
	export   exportModel
	path     pathModel
	pager    pagerModel
	question string // the launch confirmation's text
	start    startModel
	create   createModel

	initCmd tea.Cmd
}

// New builds the root model.
func New(ctx context.Context, o Options) Model {
	o = o.withDefaults()
	c, deps, effs := controllerFor(o)
	h := help.New()
	h.ShortSeparator = " · "
	m := Model{ctx: ctx, opts: o, c: c, deps: deps, seen: -1, shown: -1,
		cm: &common{st: NewStyles(), global: newGlobalKeys(), help: h, width: 100, height: 30, panel: true,
			sandbox: o.Sandbox, stdoutTTY: o.StdoutIsTerminal},
		spinner: spinner.New(spinner.WithSpinner(spinner.Dot)),
		pickers: newPickers(), form: newFieldForm(), review: newReviewModel(), export: newExportModel(o.StdoutIsTerminal),
		path: newPathModel(), pager: newPagerModel(), launch: newLaunchModel(), start: newStartModel(), create: newCreateModel()}
	m.form.settleDelay = o.SettleDelay
	m.initCmd = m.run(effs)
	m.sync()
	return m
}

// Init runs the controller's first effects: the regions, the region's
// catalog, the draft check.
func (m Model) Init() tea.Cmd { return m.initCmd }

// Controller is the flow the model drives (for tests and callers).
func (m Model) Controller() *flow.Controller { return m.c }

// Result is what the wizard leaves for its caller.
func (m Model) Result() Result {
	f := m.c.Final()
	return Result{Stdout: f.Stdout, Launched: f.Launched, Aborted: f.Aborted, Summary: f.Summary}
}
