// Package flow is the wizard's flow with no UI: it owns the draft request,
// the catalog data loaded for it and the sequence ids of those loads, the
// current step, going forward, back and to a finding's field, the stale
// flags of later steps, and the review's actions (DryRun, launch, export,
// save). It does no I/O: every call returns the Effects for its driver to
// run (the TUI in tea.Cmds, the accessible mode in line), whose Results
// come back through Apply. Both faces of the wizard drive one Controller.
package flow

import (
	"os"
	"strings"
	"time"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/origin"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// Options configure a Controller.
type Options struct {
	// Region is the default region (--region, the profile's); Profile the
	// aliyun CLI profile exports name.
	Region, Profile string
	// Sandbox: nothing real is created; launching needs no confirmation
	// that speaks of real instances.
	Sandbox bool
	// CanLaunch: a launcher client exists (DryRun and launch are possible).
	CanLaunch bool
	// From opens a launch file at the review (its ask: fields first);
	// FromPath is where it was read from, so saving can keep what it had.
	From     *request.File
	FromPath string
	// FromNotes say what could not be carried over into From.
	FromNotes []string
	// Endpoint and Insecure point exports at an endpoint that outlives this
	// run (an explicit --endpoint).
	Endpoint string
	Insecure bool
	// Resume offers the draft an earlier session left.
	Resume bool
	// OfferStart opens the start screen first (a new request, a launch
	// template, an instance, the history, a launch file) unless From is
	// set; CanStartLive offers the sources read through the API.
	OfferStart, CanStartLive bool
	// CanCreate offers creating a VPC, a vSwitch, a security group or a key
	// pair in the steps that need one, and saving a launch template.
	CanCreate bool
	// Now is the clock; LookupEnv reads ${NAME} references (for the
	// review's "not set" findings). Both default to the process's own.
	Now       func() time.Time
	LookupEnv func(string) (string, bool)
}

// load names one kind of data the controller fetches; each has its own
// sequence id, so a stale answer (the user changed region meanwhile) is
// dropped.
type load int

const (
	loadRegionsKind load = iota
	loadRegionDataKind
	loadTypesKind
	loadTypePricesKind
	loadDisksKind
	loadQuoteKind
	loadOnlineKind
	loadDryRunKind
	numLoads
)

// loadNames are shown ("loading …", "Could not load …") in the language
// current when they are.
var loadNames = [numLoads]i18n.Message{i18n.M("regions"), i18n.M("the region's catalog"), i18n.M("instance types"),
	i18n.M("type prices"), i18n.M("disk categories"), i18n.M("the price"), i18n.M("online checks"), i18n.M("the DryRun")}

// Failure is a load that failed: what, why, and that Retry reissues it.
type Failure struct {
	What string
	Err  error
	kind load
}

// Controller is the wizard's state and flow. It is not safe for
// concurrent use: its driver calls it from one goroutine.
type Controller struct {
	o     Options
	draft *forms.Draft
	env   *forms.Env

	step     forms.StepID
	editing  bool // a step opened from the review returns to it
	revision int  // bumped whenever what a screen shows may have changed
	notice   string
	invalid  string // the field key Submit found blocking first
	flagged  map[forms.StepID]bool

	seq     [numLoads]int
	loading [numLoads]bool
	failed  *Failure

	loadedRegion  string
	loadedBilling catalog.Billing
	typesZone     string
	typesLoaded   bool
	pricesReady   bool
	priceAsked    map[string]bool
	disksType     string

	marketAsked  string           // the region whose marketplace images were asked
	offerDraft   *request.Request // a draft to resume, while the question is open
	draftFailing bool             // a draft save failed: said once

	// verdicts placed under fields (a failed DryRun), until the field changes
	verdicts map[string][]rules.Finding
	focus    string // a field a jump asks the driver to focus
	// touched are the parameters the user's own actions changed (and the
	// defaults those changes brought): saving over the launch file the
	// wizard opened writes only these.
	touched map[string]bool

	pending     *FileWritten // a write waiting for "overwrite?"
	pendingData []byte

	quote      quoteState
	pricing    Pricing
	typePrices map[string]catalog.Price
	spot       spotState
	review     reviewState
	launch     LaunchState
	done       doneState

	start     startState
	source    origin.Source // what the request was started from
	fromNotes []string      // what that start could not carry over
	create    createState
	created   []provision.Created // made in this session, for the exports
}

// quoteState is the price of the request as last asked.
type quoteState struct {
	key   string // pricingKey of the request asked
	price catalog.Price
	bill  *catalog.Bill
	err   error
	ok    bool
}

// doneState is what the wizard leaves behind.
type doneState struct {
	launched, exported, saved bool
	stdout                    string
	summary                   []string
}

// New builds the controller and the effects that start it: the regions,
// the default region's catalog and, unless a launch file is opened, the
// check for a draft to resume.
func New(o Options) (*Controller, []Effect) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.LookupEnv == nil {
		o.LookupEnv = func(k string) (string, bool) { v, ok := os.LookupEnv(k); return v, ok && v != "" }
	}
	env := &forms.Env{CanCreate: o.CanCreate}
	c := &Controller{o: o, env: env, draft: forms.NewDraft(nil, env), flagged: map[forms.StepID]bool{},
		priceAsked: map[string]bool{}, typePrices: map[string]catalog.Price{}, verdicts: map[string][]rules.Finding{}, touched: map[string]bool{}}
	var effs []Effect
	switch {
	case o.From != nil:
		c.draft.Req = o.From.Request.Clone()
		c.draft.Ask = o.From.Ask
		c.step = forms.Review
		if len(o.From.Ask) > 0 {
			c.step = forms.Ask
		}
		c.fromNotes = append([]string(nil), o.FromNotes...)
		c.notice = strings.Join(o.FromNotes, " ")
	case o.Resume:
		effs = append(effs, loadDraft{})
	}
	c.start.open = o.OfferStart && o.From == nil
	if c.draft.Req.Get("RegionId") == "" && o.Region != "" {
		_ = c.draft.Req.Set("RegionId", o.Region)
	}
	effs = appendEff(appendEff(effs, c.fetch(loadRegionsKind)), c.fetch(loadRegionDataKind))
	return c, append(effs, c.enter(c.step)...)
}

// Step is the current step.
func (c *Controller) Step() forms.StepID { return c.step }

// Def is the current step's definition.
func (c *Controller) Def() forms.StepDef { return forms.Def(c.step) }

// Draft is the request being composed with its UI-only choices. Drivers
// read it; they change it only through the controller.
func (c *Controller) Draft() *forms.Draft { return c.draft }

// Request is the request being composed.
func (c *Controller) Request() *request.Request { return c.draft.Req }

// Env is the catalog data loaded for the draft.
func (c *Controller) Env() *forms.Env { return c.env }

// Revision changes whenever what a screen shows may have changed (data
// arrived, a step was entered, fields came or went): a driver rebuilds its
// screen when it sees a new one.
func (c *Controller) Revision() int { return c.revision }

// Notice is the one-line result of the last action, or "".
func (c *Controller) Notice() string { return c.notice }

// ClearNotice drops the notice: a new key is a new action.
func (c *Controller) ClearNotice() { c.notice = "" }

// Flagged reports whether a step holds a value that no longer fits the
// choices made since.
func (c *Controller) Flagged(s forms.StepID) bool { return c.flagged[s] }

// Failure is the load that failed, if any.
func (c *Controller) Failure() *Failure { return c.failed }

// Editing reports whether the step was opened from the review.
func (c *Controller) Editing() bool { return c.editing }

// Sandbox reports whether nothing real is created.
func (c *Controller) Sandbox() bool { return c.o.Sandbox }

// DefaultRegion is the region the wizard started with (--region, the profile's).
func (c *Controller) DefaultRegion() string { return c.o.Region }

// Loading names what is loading now, in a fixed order.
func (c *Controller) Loading() []string {
	var out []string
	for k := load(0); k < numLoads; k++ {
		if c.loading[k] {
			out = append(out, loadNames[k].String())
		}
	}
	return out
}

// OfferedDraft is the draft an earlier session left, while the driver
// should ask whether to resume it.
func (c *Controller) OfferedDraft() (*request.Request, bool) {
	return c.offerDraft, c.offerDraft != nil
}

// DraftPath is for messages only: where the draft lives is the driver's.
func (c *Controller) now() time.Time { return c.o.Now() }

func (c *Controller) region() string { return c.draft.Req.Get("RegionId") }

// billing is the billing method availability depends on.
func (c *Controller) billing() catalog.Billing {
	b := catalog.Billing{InstanceChargeType: c.draft.Req.Get("InstanceChargeType"), SpotStrategy: c.draft.Req.Get("SpotStrategy")}
	if b.InstanceChargeType == "" {
		b.InstanceChargeType = "PostPaid"
	}
	if b.SpotStrategy == "" {
		b.SpotStrategy = "NoSpot"
	}
	return b
}

func (c *Controller) touch() { c.revision++ }

// Final is what the wizard leaves for its caller once it quits.
type Final struct {
	// Stdout is an export sent to stdout, printed after the TUI has left.
	Stdout string
	// Launched: instances were created.
	Launched bool
	// Aborted: the user left without launching, exporting or saving.
	Aborted bool
	// Summary is what stays on the terminal after the wizard: the launched
	// instances with their IPs and ssh commands, the files written.
	Summary []string
}

// Final is what the wizard leaves for its caller.
func (c *Controller) Final() Final {
	d := c.done
	return Final{Stdout: d.stdout, Launched: d.launched, Aborted: !d.launched && !d.exported && !d.saved,
		Summary: append([]string(nil), d.summary...)}
}

// Say sets the notice: a driver's own one-line message (an empty filter,
// an editor that failed).
func (c *Controller) Say(text string) {
	c.notice = text
	c.touch()
}
