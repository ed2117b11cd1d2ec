package flow

import (
	"strings"
	"time"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// Section is one step's parameters on the review, with the key that
// edits the step.
type Section struct {
	Step    forms.StepDef
	EditKey string
	Params  []request.Param
}

// reviewState is the review's findings and DryRun verdict.
type reviewState struct {
	sections []Section
	findings []rules.Finding
	online   bool
	dry      *launcher.DryRunResult
	dryReq   *request.Request // what dry is the verdict on
	running  bool
}

// Review is what the review shows.
type Review struct {
	Sections []Section
	// Findings are every rule's, offline and (once Online) the catalog's.
	Findings []rules.Finding
	Online   bool
	// Dry is the DryRun verdict on the request as it is now, if run;
	// DryRunning while it is asked.
	Dry        *launcher.DryRunResult
	DryRunning bool
	// Launched is the earlier launch of this session, if any.
	Launched *LaunchRecord
}

// LaunchRecord is a launch this session made.
type LaunchRecord struct {
	At  time.Time
	IDs []string
}

// Review returns the review's content.
func (c *Controller) Review() Review {
	r := c.review
	out := Review{Sections: r.sections, Findings: r.findings, Online: r.online, DryRunning: r.running,
		Launched: c.launch.Record}
	if r.dry != nil && r.dryReq != nil && r.dryReq.Equal(c.draft.Req) {
		out.Dry = r.dry
	}
	return out
}

// buildReview groups the request's parameters by the step that asks them,
// runs every rule and asks the catalog-backed ones.
func (c *Controller) buildReview() []Effect {
	by := map[forms.StepID][]request.Param{}
	for _, p := range c.draft.Req.Params() {
		s := forms.StepOf(p.Name)
		by[s] = append(by[s], p)
	}
	r := &c.review
	r.sections = r.sections[:0]
	for _, d := range forms.Registry() {
		if len(by[d.ID]) > 0 {
			r.sections = append(r.sections, Section{Step: d, EditKey: d.EditKey(), Params: by[d.ID]})
		}
	}
	c.registerSecrets()
	r.findings = append(forms.Validate(c.draft, c.now()), c.referenceFindings()...)
	r.findings = append(r.findings, c.unsetReferences()...)
	r.online = false
	return appendEff(nil, c.fetch(loadOnlineKind))
}

// registerSecrets masks every secret the request holds or refers to
// (a typed password, ${ECS_PASSWORD}'s value) wherever it might be
// printed, before anything is checked or sent.
func (c *Controller) registerSecrets() {
	cloud.RegisterSecret(c.draft.Req.Sensitive(c.o.LookupEnv)...)
}

// referenceFindings are the ${NAME} references the request may not hold
// (a credential variable, a reference outside Password, UserData and ask:).
func (c *Controller) referenceFindings() []rules.Finding {
	var out []rules.Finding
	for _, e := range c.draft.Req.CheckReferences(c.draft.Ask) {
		out = append(out, rules.Finding{Parameter: e.Parameter, Severity: rules.Error, Code: "ReferenceNotAllowed", Message: e.Error()})
	}
	return out
}

// unsetReferences are the ${NAME} references whose variable is not set: a
// DryRun or a launch would stop on them, so the review says so first.
func (c *Controller) unsetReferences() []rules.Finding {
	var out []rules.Finding
	for _, p := range c.draft.Req.Params() {
		if !request.IsReference(p.Value) {
			continue
		}
		for _, name := range request.ReferenceNames(p.Value) {
			if _, ok := c.o.LookupEnv(name); !ok {
				out = append(out, rules.Finding{Parameter: p.Name, Severity: rules.Error, Code: "ui.UnsetVariable",
					Message: i18n.T("%s refers to ${%s}, which is not set: set it before a DryRun or a launch, or type the value", p.Name, name)})
			}
		}
	}
	return out
}

// addOnline adds the catalog-backed findings the offline ones did not
// have; a parameter already flagged as not offered is not said twice.
func (r *reviewState) addOnline(fs []rules.Finding) {
	r.online = true
	for _, f := range fs {
		if !hasFinding(r.findings, f) && !r.saidOffline(f) {
			r.findings = append(r.findings, f)
		}
	}
}

func (r *reviewState) saidOffline(f rules.Finding) bool {
	for _, x := range r.findings {
		if x.Code == "ui.NotOffered" && x.Parameter == f.Parameter && f.Severity == x.Severity {
			return true
		}
	}
	return false
}

func hasFinding(fs []rules.Finding, x rules.Finding) bool {
	for _, y := range fs {
		if y.Message == x.Message && y.Parameter == x.Parameter {
			return true
		}
	}
	return false
}

// CanLaunch reports whether DryRun and launch are possible here.
func (c *Controller) CanLaunch() bool { return c.o.CanLaunch }

// DryRun asks ECS whether it would accept the request.
func (c *Controller) DryRun() []Effect {
	if !c.o.CanLaunch {
		c.notice = i18n.Text("DryRun needs credentials (or --sandbox).")
		return nil
	}
	c.registerSecrets()
	c.seq[loadDryRunKind]++
	c.review.running, c.review.dry = true, nil
	c.review.dryReq = c.draft.Req.Clone()
	c.touch()
	return []Effect{dryRun{id: c.seq[loadDryRunKind], req: c.draft.Req.Clone()}}
}

// onDryRun keeps the verdict; a failure that names a parameter opens its
// field, with ECS's verdict under it until the field changes.
func (c *Controller) onDryRun(r DryRunDone) []Effect {
	if r.ID != c.seq[loadDryRunKind] {
		return nil
	}
	c.review.running = false
	res := r.Res
	c.review.dry = &res
	c.touch()
	if res.Passed || res.Parameter == "" || c.step != forms.Review {
		return nil
	}
	effs, field := c.Jump(res.Parameter)
	c.notice = i18n.T("DryRun failed: %s", DryVerdict(res))
	c.verdicts[field] = []rules.Finding{{Parameter: res.Parameter, Severity: rules.Error, Code: res.Code,
		Message: "DryRun: " + DryVerdict(res)}}
	c.focus = field
	return effs
}

// DryVerdict is "Code — explanation"; a failure before any call (a
// ${NAME} whose variable is not set) has no code to name.
func DryVerdict(r launcher.DryRunResult) string {
	text := r.Explanation
	if text == "" {
		text = r.Message
	}
	if r.Code == "" {
		return text
	}
	return r.Code + " — " + text
}

// Focus is the field a jump asked the driver to focus, once; "" after.
func (c *Controller) Focus() string {
	f := c.focus
	c.focus = ""
	return f
}

// ExportOptions are the exporter's options for this session.
func (c *Controller) ExportOptions() exporter.Options {
	o := exporter.Options{Profile: c.o.Profile, Region: c.region(), Created: c.Created()}
	if c.o.Endpoint != "" { // only an endpoint that outlives this run is worth writing
		o.Endpoint, o.Insecure = c.o.Endpoint, c.o.Insecure
	}
	return o
}

// Export renders the request in a format (pure: nothing is written).
func (c *Controller) Export(format exporter.Format) (exporter.Result, error) {
	return exporter.Export(c.draft.Req, format, c.ExportOptions())
}

// ExportToFile writes an export (a cli export as a script, #!/bin/sh
// first); an existing file is replaced only once overwrite is confirmed
// (FileWritten.Exists asks first).
func (c *Controller) ExportToFile(format exporter.Format, path string, overwrite bool) []Effect {
	o := c.ExportOptions()
	o.Script = format == exporter.CLI
	res, err := exporter.Export(c.draft.Req, format, o)
	if err != nil {
		c.notice = i18n.T("Export failed: %v", err)
		return nil
	}
	c.pendingData = []byte(res.Text)
	return []Effect{writeFile{what: "export", path: path, data: c.pendingData, overwrite: overwrite}}
}

// ExportToClipboard copies an export.
func (c *Controller) ExportToClipboard(text string) []Effect {
	return []Effect{copyText{text: text}}
}

// ExportToStdout ends the wizard with the export for the caller to print
// on stdout, once the TUI has left the terminal.
func (c *Controller) ExportToStdout(format exporter.Format, text string) []Effect {
	c.done.stdout, c.done.exported = text, true
	// With stdout redirected (ecslaunch > launch.sh) the terminal shows
	// nothing of the export; this line on stderr says what went where.
	c.done.summary = append(c.done.summary, i18n.T("Wrote the %s export to stdout", string(format)))
	return []Effect{removeDraft{}, Quit{}}
}

// Quit ends the wizard. What the user composed is kept: the draft is
// saved first, unless a launch or an export has used it.
func (c *Controller) Quit() []Effect {
	if c.done.launched || c.done.exported {
		return []Effect{removeDraft{}, Quit{}}
	}
	if c.draft.Req.Len() > 1 {
		return []Effect{saveDraft{req: c.draft.Req.Clone()}, Quit{}}
	}
	return []Effect{Quit{}}
}

func (c *Controller) onWritten(r FileWritten) {
	switch {
	case r.Exists:
		c.pending = &r
		c.notice = ""
	case r.Err != nil:
		c.notice = i18n.T("Could not write the %s: %v", WhatName(r.What), r.Err)
	default:
		c.notice = i18n.T("Wrote the %s to %s.", WhatName(r.What), r.Path)
		c.done.summary = append(c.done.summary, i18n.T("Wrote the %s to %s", WhatName(r.What), r.Path))
		if r.What == "export" {
			c.done.exported = true
		} else {
			c.done.saved = true
		}
	}
	c.touch()
}

// WhatName is a write's What ("export", "launch file") as the user reads
// it, in the current language; What itself stays the key.
func WhatName(what string) string {
	switch what {
	case "export":
		return i18n.Text("export")
	case "launch file":
		return i18n.Text("launch file")
	}
	return what
}

// Overwrite is a write that waits for the user to confirm replacing an
// existing file; the driver asks, then calls ConfirmOverwrite.
func (c *Controller) Overwrite() (what, path string, ok bool) {
	if c.pending == nil {
		return "", "", false
	}
	return c.pending.What, c.pending.Path, true
}

// ConfirmOverwrite answers Overwrite: yes writes the file again with
// overwriting allowed, no keeps the old one.
func (c *Controller) ConfirmOverwrite(yes bool) []Effect {
	p := c.pending
	c.pending = nil
	if p == nil {
		return nil
	}
	if !yes {
		c.notice = i18n.T("Kept %s as it was.", p.Path)
		return nil
	}
	if p.What == "export" {
		return []Effect{writeFile{what: p.What, path: p.Path, data: c.pendingData, overwrite: true}}
	}
	return c.SaveFile(p.Path, true)
}

func (c *Controller) onCopied(r Copied) {
	if r.Err != nil {
		c.notice = i18n.T("Copy failed: %v", r.Err)
	} else {
		c.notice = i18n.T("Copied to the clipboard (%s).", r.Method)
		c.done.exported = true
	}
	c.touch()
}

func (c *Controller) onDraft(r DraftLoaded) {
	switch {
	case r.Kept != "":
		c.notice = i18n.T("The draft could not be read (%v); it is kept as %s and the wizard starts afresh.", r.Err, r.Kept)
	case r.Err != nil:
		c.notice = i18n.T("The draft could not be read: %v", r.Err)
	case r.Found && r.Req != nil && r.Req.Len() > 0:
		c.offerDraft = r.Req
	}
	c.touch()
}

// ResumeDraft answers OfferedDraft: yes opens the draft at the review, no
// starts afresh (the draft is replaced at the next step).
func (c *Controller) ResumeDraft(yes bool) []Effect {
	d := c.offerDraft
	c.offerDraft = nil
	c.touch()
	if !yes || d == nil {
		return nil
	}
	c.draft.Req = d
	c.start.open = false // the draft is where this session starts
	effs := appendEff(nil, c.fetch(loadRegionDataKind))
	return append(effs, c.enter(forms.Review)...)
}

func (c *Controller) onDraftSaved(r DraftSaved) {
	if r.Err == nil {
		c.draftFailing = false
		return
	}
	if !c.draftFailing {
		c.draftFailing = true
		c.notice = i18n.T("The draft cannot be saved (%v); keep going, but it will not survive a crash.", r.Err)
		c.touch()
	}
}

// Launch state -------------------------------------------------------------

// LaunchState is a launch's progress.
type LaunchState struct {
	Running bool
	Last    launcher.Event
	Log     []string
	Outcome *launcher.Outcome
	Err     error
	// Record is the last launch that created instances in this session.
	Record *LaunchRecord
}

// Launching is the launch in progress or just ended.
func (c *Controller) Launching() LaunchState { return c.launch }

// LaunchQuestion is the confirmation a launch needs: what it creates and
// where, and the earlier launch of this session if there was one. Must is
// false when a driver may skip it: in the sandbox, before any launch.
func (c *Controller) LaunchQuestion() (text string, must bool) {
	req := c.draft.Req
	text = i18n.T("Launch %d instance(s) of %s in %s now?", c.Amount(), req.Get("InstanceType"), c.region())
	if rec := c.launch.Record; rec != nil {
		return i18n.T("This session already launched %s at %s. Launch %d more instance(s) of %s in %s?",
			strings.Join(rec.IDs, ", "), rec.At.Format("15:04:05"), c.Amount(), req.Get("InstanceType"), c.region()), true
	}
	if c.o.Sandbox {
		return text + i18n.Text(" (SANDBOX: the instances exist only in the local sandbox.)"), false
	}
	return text + i18n.Text(" This creates real, billed instances."), true
}

// Launch starts the launch (after LaunchQuestion is answered yes). Its
// progress arrives as LaunchEvent results on the effect's channel.
func (c *Controller) Launch() []Effect {
	if !c.o.CanLaunch {
		c.notice = i18n.Text("Launching needs credentials (or --sandbox).")
		return nil
	}
	c.launch = LaunchState{Running: true, Record: c.launch.Record}
	c.touch()
	c.registerSecrets()
	return []Effect{launch{req: c.draft.Req.Clone(), ask: c.draft.Ask, progress: make(chan Result, 16)}}
}

func (c *Controller) onLaunchEvent(r LaunchEvent) {
	if !c.launch.Running {
		return
	}
	c.launch.Last = r.Event
	if k := r.Event.Kind; k != launcher.InstanceStatus && k != launcher.Done {
		// Statuses show as the instance list, not as log lines.
		c.launch.Log = append(c.launch.Log, launcher.RenderEvent(r.Event))
	}
	c.touch()
}

func (c *Controller) onLaunchDone(r LaunchDone) []Effect {
	c.launch.Running = false
	c.launch.Outcome, c.launch.Err = r.Outcome, r.Err
	c.touch()
	if r.Outcome == nil || len(r.Outcome.Instances) == 0 {
		return nil
	}
	c.done.launched = true
	c.launch.Record = &LaunchRecord{At: c.now(), IDs: r.Outcome.IDs()}
	c.done.summary = append(c.done.summary, launchSummary(c.draft.Req, r.Outcome)...)
	return []Effect{removeDraft{}}
}

// launchSummary is what stays on the terminal after the wizard closes.
func launchSummary(req *request.Request, o *launcher.Outcome) []string {
	out := []string{i18n.T("Launched %d instance(s) of %s in %s (ClientToken %s):",
		len(o.Instances), req.Get("InstanceType"), o.RegionID, o.Token)}
	for _, in := range o.Instances {
		out = append(out, i18n.T("  %s  %s  private %s  public %s", in.ID, in.Status, dash(in.PrivateIP), dash(in.PublicIP)))
		if in.SSH != "" {
			out = append(out, "    "+in.SSH)
		}
	}
	return out
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
