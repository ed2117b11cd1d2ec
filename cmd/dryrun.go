package cmd

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
	"github.com/ecslaunch/ecslaunch/safetext"
)

func newDryRunCmd(g *globals, io *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "dryrun FILE",
		Short: i18n.Text("Ask ECS whether a launch file would succeed, without creating anything (RunInstances DryRun=true)"),
		Long: i18n.Text("dryrun first checks the file against the documented rules offline, as validate does, and prints every\n" +
			"finding; with any error it stops there. Otherwise it sends the request with DryRun=true: ECS checks\n" +
			"parameters, quotas and stock and answers DryRunOperation when the launch would succeed.\n" +
			"Exit 0 passed, 1 failed, 2 unusable input."),
		Example:     "  ecslaunch dryrun web.yaml --sandbox\n  ECS_PASSWORD=... ecslaunch dryrun web.yaml --profile prod",
		Annotations: map[string]string{opensEnv: "yes"},
		Args:        exactArgs(1, needsFile),
		RunE: func(c *cobra.Command, args []string) error {
			return runDryRun(c.Context(), g, io, args[0])
		},
	}
}

// loadRequest reads a launch file, applies --region and resolves ${NAME}
// references from the environment (only now, when a call is made).
func loadRequest(g *globals, io *IO, path string) (*request.File, *request.Request, error) {
	f, err := readLaunchFile(path, io.In)
	if err != nil {
		return nil, nil, err
	}
	if g.region != "" {
		_ = f.Request.Set("RegionId", g.region)
	}
	registerSecrets(io, f.Request)
	if err := checkReferences(path, f); err != nil {
		return nil, nil, err
	}
	resolved, err := f.Request.Resolve(lookupEnv(io))
	if err != nil {
		return nil, nil, usageErr(fmt.Errorf("%s: %w", path, err))
	}
	return f, resolved, nil
}

func lookupEnv(io *IO) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v := io.Getenv(k)
		return v, v != ""
	}
}

func runDryRun(ctx context.Context, g *globals, io *IO, path string) error {
	f, req, err := loadRequest(g, io, path)
	if err != nil {
		return err
	}
	e, err := openEnvFor(ctx, g, io, req)
	if err != nil {
		return err
	}
	defer e.Close()
	// Offline first: a request the documented rules refuse is not sent,
	// and the user sees every finding, not only ECS's first error.
	if !checkBeforeSending(io, g, path, f, req) {
		return silent(ExitFailed)
	}
	res := launcher.DryRun(ctx, launcher.WithScheme(e.ECS, e.Scheme), req)
	if res.Passed {
		fmt.Fprintln(io.Out, i18n.T("DryRun passed: ECS would accept this request (%s)", res.RequestID))
		return nil
	}
	fmt.Fprintln(io.Out, safetext.EscapeLines(res.String()))
	return silent(ExitFailed)
}

// checkBeforeSending runs the offline rules on the request about to be
// sent (the image OS inferred as validate does) and prints every finding
// with its line; it reports whether the request may be sent (no error).
func checkBeforeSending(io *IO, g *globals, path string, f *request.File, req *request.Request) bool {
	guess := inferOS(g, req, "")
	all := offlineFindings(req, guess)
	// The request is checked with its ${NAME} references resolved; a
	// password the file refers to is not a literal one.
	all = slices.DeleteFunc(all, func(x rules.Finding) bool {
		return x.Code == rules.CodeLiteralSecret && request.IsReference(f.Request.Get(x.Parameter))
	})
	fs := withLines(all, f.Lines)
	if len(fs) == 0 {
		return true
	}
	errs, warns := count(fs)
	fmt.Fprintln(io.Out, i18n.T("%s: %d error(s), %d warning(s) before sending", path, errs, warns))
	printFindings(io.Out, path, fs)
	if osDependent(fs) {
		fmt.Fprintf(io.Out, "  %s\n", guess.note(req.Get("ImageId")))
	}
	if errs > 0 {
		fmt.Fprintln(io.Out, i18n.Text("DryRun not sent: the documented rules refuse this request; fix the errors above"))
		return false
	}
	return true
}

// osDependent reports whether a finding concerns a parameter whose rules
// depend on the image's OS (docs/rules.md, How to use: HostName, Password,
// KeyPairName), so the note on the OS assumed explains it.
func osDependent(fs []lineFinding) bool {
	for _, f := range fs {
		switch request.PatternOf(f.Parameter) {
		case "HostName", "HostNames.N", "Password", "KeyPairName":
			return true
		}
	}
	return false
}

// openEnvFor opens the environment and defaults the request's region to
// the session's (the profile's region_id, or --region).
func openEnvFor(ctx context.Context, g *globals, io *IO, req *request.Request) (*env, error) {
	if g.region == "" {
		g.region = req.Get("RegionId") // "" lets the session pick the profile's region
	}
	e, err := openEnv(ctx, g, io)
	if err != nil {
		return nil, err
	}
	if !req.Has("RegionId") {
		_ = req.Set("RegionId", e.Region)
	}
	return e, nil
}

type launchOptions struct {
	yes, noWait, resume bool
	timeout             time.Duration
}

func newLaunchCmd(g *globals, io *IO) *cobra.Command {
	o := &launchOptions{}
	c := &cobra.Command{
		Use:   "launch [FILE]",
		Short: i18n.Text("Launch the instances of a launch file, idempotently, and wait until they are Running"),
		Long: i18n.Text("launch checks the request offline, shows what it will create and its price and asks for confirmation\n" +
			"(without a terminal it refuses unless --yes). A ClientToken is written to the launch history before the\n" +
			"first call, so a retry or --resume never creates the instances twice."),
		Example:     "  ecslaunch launch web.yaml --sandbox\n  ecslaunch launch web.yaml --yes --timeout 15m\n  ecslaunch launch --resume",
		Annotations: map[string]string{opensEnv: "yes"},
		Args: func(c *cobra.Command, args []string) error {
			if o.resume && len(args) > 0 {
				return usageErr(errors.New(i18n.Text("--resume re-sends the pending launch from the history: give no file")))
			}
			if !o.resume && len(args) != 1 {
				return usageErr(errors.New(i18n.Text("launch needs one launch file (or --resume)")))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if o.resume {
				return runResume(c.Context(), g, io, o)
			}
			return runLaunch(c.Context(), g, io, o, args[0])
		},
	}
	f := c.Flags()
	f.BoolVarP(&o.yes, "yes", "y", false, i18n.Text("launch without asking (required without a terminal)"))
	f.BoolVar(&o.noWait, "no-wait", false, i18n.Text("return once ECS accepted the request, without waiting for Running"))
	f.DurationVar(&o.timeout, "timeout", 10*time.Minute, i18n.Text("how long the whole launch may take: price, RunInstances with retries, the wait for Running"))
	f.BoolVar(&o.resume, "resume", false, i18n.Text("re-send the pending launch of the history with its ClientToken"))
	return c
}

func runLaunch(ctx context.Context, g *globals, io *IO, o *launchOptions, path string) error {
	f, req, err := loadRequest(g, io, path)
	if err != nil {
		return err
	}
	if fs := rules.Validate(req, rules.Context{Now: time.Now()}); rules.HasErrors(fs) {
		printFindings(io.Err, path, withLines(fs, f.Lines))
		return failed(i18n.Errorf("%[1]s has errors: fix them before launching (ecslaunch validate %[1]s)", path))
	}
	dl := newDeadline(ctx, o.timeout)
	defer dl.Stop()
	e, err := openEnvFor(dl.Context(), g, io, req)
	if err != nil {
		return err
	}
	defer e.closeBy(dl)
	h, err := openWritableHistory()
	if err != nil {
		return err
	}
	if err := confirmLaunch(dl, io, o, e, req); err != nil {
		return err
	}
	if dl.expired() {
		return dl.ranOutPricing()
	}
	// The launcher gets the request as written, ${NAME} references and
	// all: it resolves them for the call and records them, not the values
	// (a resume must ask for the variable the user chose).
	asWritten := f.Request.Clone()
	_ = asWritten.Set("RegionId", req.Get("RegionId"))
	opts := launchOpts(e, h, o)
	opts.Target, opts.LookupEnv, opts.Ask = e.Target(req.Get("RegionId")), lookupEnv(io), f.Ask
	events, flush := printEvents(io)
	out, err := launcher.Launch(dl.Context(), e.ECS, asWritten, opts, events)
	return reportOutcome(io, dl, out, err, flush())
}

func runResume(ctx context.Context, g *globals, io *IO, o *launchOptions) error {
	h, err := openWritableHistory()
	if err != nil {
		return err
	}
	pending, ok, warns := h.LatestPending()
	for _, w := range warns {
		fmt.Fprintln(io.Err, i18n.T("warning: %s", w))
	}
	if !ok {
		return failed(errors.New(i18n.Text("no pending launch in the history: nothing to resume")))
	}
	region := pending.Region
	if pending.Target != nil && pending.Target.Region != "" {
		region = pending.Target.Region
	}
	if g.region == "" {
		g.region = region
	}
	dl := newDeadline(ctx, o.timeout)
	defer dl.Stop()
	e, err := openEnv(dl.Context(), g, io)
	if err != nil {
		return err
	}
	defer e.closeBy(dl)
	opts := launchOpts(e, h, o)
	opts.Target, opts.LookupEnv = e.Target(g.region), lookupEnv(io)
	if err := checkResumeTarget(pending, opts); err != nil {
		return err
	}
	if err := checkResumeReferences(io, pending); err != nil {
		return err
	}
	if err := checkResumeRequest(io, pending); err != nil {
		return err
	}
	dl.pause()
	err = confirmResume(io, o, pending, opts.Target)
	dl.resume()
	if err != nil {
		return err
	}
	opts.AcceptUnrecordedTarget = pending.Target == nil
	events, flush := printEvents(io)
	out, err := launcher.ResumeEntry(dl.Context(), e.ECS, h, pending, opts, events)
	shown := flush()
	// An unset ${NAME} is unreadable input, as for dryrun and launch (exit 2).
	var miss *request.MissingReferenceError
	if errors.As(err, &miss) {
		return usageErr(err)
	}
	return reportOutcome(io, dl, out, err, shown)
}

// checkResumeTarget refuses, as a usage error naming where the launch
// went, to resume it anywhere else. A launch recorded by an older
// ecslaunch has no target: confirmResume warns about it instead.
func checkResumeTarget(e launcher.Entry, o launcher.Options) error {
	o.AcceptUnrecordedTarget = true
	if err := launcher.CheckTarget(e, o); err != nil {
		return usageErr(err)
	}
	return nil
}

// checkResumeReferences names a ${NAME} the pending request needs that is
// not set, before anything is asked or sent (exit 2, as for dryrun).
func checkResumeReferences(io *IO, e launcher.Entry) error {
	req, err := e.RequestModel()
	if err != nil {
		return usageErr(i18n.Errorf("pending launch %s: %w", e.Token, err))
	}
	if _, err := req.Resolve(lookupEnv(io)); err != nil {
		return usageErr(i18n.Errorf("pending launch %s: %w", e.Token, err))
	}
	return nil
}

// checkResumeRequest checks the pending request offline, as launch does,
// before it is re-sent: the history is a file the user can edit, and a
// hand-edited record was sent unchecked. Its references must stand where
// the launch file's ask: allowed them (recorded with it).
func checkResumeRequest(io *IO, e launcher.Entry) error {
	req, err := e.RequestModel()
	if err != nil {
		return usageErr(i18n.Errorf("pending launch %s: %w", e.Token, err))
	}
	if err := launcher.CheckReferences(req, e.Ask); err != nil {
		return usageErr(i18n.Errorf("pending launch %s: %w", e.Token, err))
	}
	registerSecrets(io, req)
	resolved, err := req.Resolve(lookupEnv(io))
	if err != nil {
		return usageErr(i18n.Errorf("pending launch %s: %w", e.Token, err))
	}
	if fs := rules.Validate(resolved, rules.Context{Now: time.Now()}); rules.HasErrors(fs) {
		printFindings(io.Err, i18n.T("pending launch %s", e.Token), withLines(fs, nil))
		return failed(i18n.Errorf("pending launch %s has errors (was the history edited?): not re-sent", e.Token))
	}
	return nil
}

// confirmResume says what is about to be re-sent and where, and asks on a
// terminal; without one it refuses unless --yes.
func confirmResume(io *IO, o *launchOptions, e launcher.Entry, cur *launcher.Target) error {
	amount := e.Request["Amount"]
	if amount == "" {
		amount = "1"
	}
	fmt.Fprintln(io.Err, i18n.T("Resume launch %s (started %s): %s × %s to %s, with the same ClientToken",
		safetext.Escape(e.Token), e.Started.Local().Format("2006-01-02 15:04:05"), safetext.Escape(amount),
		safetext.Escape(e.Request["InstanceType"]), safetext.Escape(cur.String())))
	if e.Target == nil {
		fmt.Fprintln(io.Err, i18n.Text("warning: an older ecslaunch recorded this launch without saying where it was sent; "+
			"if it went to another endpoint or account, resuming here creates the instances a second time"))
	}
	if o.yes {
		return nil
	}
	if !io.InTerminal {
		return usageErr(errors.New(i18n.Text("refusing to resume without a terminal to confirm on: add --yes")))
	}
	fmt.Fprint(io.Err, i18n.Text("Resume? [y/N] "))
	answer, _ := bufio.NewReader(io.In).ReadString('\n')
	if !yes(answer) {
		return &ExitError{Code: ExitAborted, Err: errors.New(i18n.Text("resume cancelled"))}
	}
	return nil
}

func openHistory() (*launcher.History, error) {
	p, err := launcher.DefaultHistoryPath()
	if err != nil {
		return nil, failed(err)
	}
	h, err := launcher.OpenHistory(p)
	if err != nil {
		return nil, failed(err)
	}
	return h, nil
}

// openWritableHistory is the history a launch records in; a read-only
// one (the user's chmod 444) refuses the launch before anything is asked
// or sent, since the ClientToken must be recorded first.
func openWritableHistory() (*launcher.History, error) {
	h, err := openHistory()
	if err != nil {
		return nil, err
	}
	if err := h.Writable(); err != nil {
		return nil, failed(err)
	}
	return h, nil
}

func launchOpts(e *env, h *launcher.History, o *launchOptions) launcher.Options {
	return launcher.Options{History: h, Wait: !o.noWait, Timeout: o.timeout, Scheme: e.Scheme}
}

// printEvents renders launch progress on stderr as it happens. It returns
// the channel the launcher sends to and a function that, once the launcher
// has returned, closes it and waits until every event is printed.
// The flush function returns the error text of the Failed event it
// printed, if any, so the final message does not say it again.
func printEvents(io *IO) (chan<- launcher.Event, func() string) {
	ch := make(chan launcher.Event, 16)
	done := make(chan struct{})
	shown := ""
	go func() {
		defer close(done)
		for ev := range ch {
			if s := launcher.RenderEvent(ev); s != "" {
				fmt.Fprintln(io.Err, safetext.EscapeLines(s))
			}
			if ev.Kind == launcher.Failed {
				shown = ev.Err
			}
		}
	}()
	return ch, func() string { close(ch); <-done; return shown }
}

// reportOutcome prints the instances, or ends with the error. Parts of
// the error the printed Failed event already said are not repeated: a
// failed launch reads as one message.
func reportOutcome(io *IO, dl *deadline, out *launcher.Outcome, err error, shown string) error {
	switch {
	case err != nil && dl.expired() && (out == nil || len(out.Instances) == 0):
		return dl.ranOutLaunching()
	case errors.Is(err, launcher.ErrWaitTimeout):
		out.TimedOut = true // the instances exist: list them, then say the wait ran out
	case err != nil:
		return failed(unsaid(err, shown))
	}
	for _, in := range out.Instances {
		fmt.Fprintln(io.Out, i18n.T("%s\t%s\tprivate %s\tpublic %s", safetext.Escape(in.ID), safetext.Escape(in.Status),
			safetext.Escape(orDash(in.PrivateIP)), safetext.Escape(orDash(in.PublicIP))))
		if in.SSH != "" {
			fmt.Fprintf(io.Out, "  %s\n", safetext.Escape(in.SSH))
		}
	}
	if out.TimedOut {
		return dl.ranOutWaiting(out.Running(), len(out.Instances))
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// confirmLaunch shows what will be created and asks on a terminal; without
// one it refuses unless --yes. The --timeout clock stops while it asks.
func confirmLaunch(dl *deadline, io *IO, o *launchOptions, e *env, req *request.Request) error {
	ctx := dl.Context()
	amount := req.Get("Amount")
	if amount == "" {
		amount = "1"
	}
	price := i18n.Text("price unknown")
	if p, err := e.Catalog.Price(ctx, req); err == nil {
		price = p.String()
	}
	fmt.Fprintln(io.Err, launchSummary(amount, req.Get("InstanceType"), req.Get("RegionId"), e.Sandbox != nil, price))
	if o.yes {
		return nil
	}
	if !io.InTerminal {
		return usageErr(errors.New(i18n.Text("refusing to launch without a terminal to confirm on: add --yes")))
	}
	fmt.Fprint(io.Err, i18n.Text("Launch? [y/N] "))
	dl.pause()
	answer, _ := bufio.NewReader(io.In).ReadString('\n')
	dl.resume()
	if !yes(answer) {
		return &ExitError{Code: ExitAborted, Err: errors.New(i18n.Text("launch cancelled"))}
	}
	return nil
}

// launchSummary is the confirmation's line; the request's values are
// escaped, so a direction mark cannot make the type read as another.
func launchSummary(amount, instanceType, region string, sandbox bool, price string) string {
	a, t, r, p := safetext.Escape(amount), safetext.Escape(instanceType), safetext.Escape(region), safetext.Escape(price)
	if sandbox {
		return i18n.T("Launch %s × %s in %s in the SANDBOX (nothing real is created): %s", a, t, r, p)
	}
	return i18n.T("Launch %s × %s in %s: %s", a, t, r, p)
}

// yes reports whether a confirmation's answer is yes: y or yes, or 是 and
// 好 for a Chinese reader.
func yes(answer string) bool {
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes", "是", "好":
		return true
	}
	return false
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func newHistoryCmd(io *IO) *cobra.Command {
	var output string
	var resources bool
	c := &cobra.Command{
		Use:   "history",
		Short: i18n.Text("List the launches made from this machine (the launch history), or the resources created for them"),
		Long: i18n.Text("history lists the launches made from this machine, numbered (ecslaunch --from-history N starts from one).\n" +
			"--resources lists the VPCs, vSwitches, security groups, key pairs and launch templates ecslaunch created,\n" +
			"so they can be found and cleaned up."),
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			h, err := openHistory()
			if err != nil {
				return err
			}
			if resources {
				return listResources(io, h, output)
			}
			entries, warns := h.Entries()
			for _, w := range warns {
				fmt.Fprintln(io.Err, i18n.T("warning: %s", w))
			}
			if output == "json" {
				if entries == nil {
					entries = []launcher.Entry{} // an empty list, not null: scripts iterate it
				}
				return writeJSON(io.Out, entries)
			}
			if output != "table" {
				return usageErr(i18n.Errorf("--output must be table or json, not %q", output))
			}
			printHistory(io, entries, h.Path())
			if _, err := os.Stat(h.ArchivePath()); err == nil {
				fmt.Fprintln(io.Err, i18n.T("note: older finished launches are kept in %s", h.ArchivePath()))
			}
			return nil
		},
	}
	c.Flags().StringVarP(&output, "output", "o", "table", i18n.Text("output format: table or json"))
	c.Flags().BoolVar(&resources, "resources", false, i18n.Text("list the resources created for launches instead"))
	return c
}

func printHistory(io *IO, entries []launcher.Entry, path string) {
	if len(entries) == 0 {
		fmt.Fprintln(io.Out, i18n.T("no launches yet (history: %s)", path))
		return
	}
	widths := []int{3, 20, 9, 13, 24, 24}
	fixedRow(io.Out, widths, "#", i18n.Text("STARTED"), i18n.Text("STATE"), i18n.Text("REGION"), i18n.Text("TYPE"),
		i18n.Text("TARGET"), i18n.Text("INSTANCES"))
	for i, en := range entries {
		fixedRow(io.Out, widths, strconv.Itoa(i+1), en.Started.Local().Format("2006-01-02 15:04:05"),
			safetext.Escape(stateCell(string(en.State))), safetext.Escape(en.Region), safetext.Escape(en.Request["InstanceType"]),
			safetext.Escape(targetCell(en.Target)), safetext.Escape(strings.Join(en.InstanceIDs, ",")))
	}
}

// stateCell is a launch's or a created resource's state as the tables
// show it: the history's own word in English (pending, failed, …), its
// Chinese in Chinese; --output json keeps the word.
func stateCell(state string) string {
	switch state {
	case "pending":
		return i18n.Text("pending")
	case "created":
		return i18n.Text("created")
	case "running":
		return i18n.Text("running")
	case "timeout":
		return i18n.Text("timeout")
	case "failed":
		return i18n.Text("failed")
	}
	return state
}

// kindCell is a created resource's kind as the table shows it.
func kindCell(kind string) string {
	switch kind {
	case "vpc":
		return i18n.Text("vpc")
	case "vswitch":
		return i18n.Text("vswitch")
	case "security-group":
		return i18n.Text("security-group")
	case "key-pair":
		return i18n.Text("key-pair")
	case "launch-template":
		return i18n.Text("launch-template")
	case "launch-template-version":
		return i18n.Text("launch-template-version")
	}
	return kind
}

// targetCell is the history table's short name of where a launch went.
func targetCell(t *launcher.Target) string {
	if t == nil {
		return i18n.Text("(not recorded)")
	}
	switch t.Kind {
	case launcher.TargetSandbox:
		return i18n.Text("sandbox")
	case launcher.TargetEndpoint:
		return i18n.T("endpoint %s", t.Endpoint)
	}
	return i18n.Text("live")
}

// listResources prints the created resources (history --resources).
func listResources(io *IO, h *launcher.History, output string) error {
	rs, warns := h.Resources()
	for _, w := range warns {
		fmt.Fprintln(io.Err, i18n.T("warning: %s", w))
	}
	switch output {
	case "json":
		enc := json.NewEncoder(io.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rs)
	case "table":
	default:
		return usageErr(i18n.Errorf("--output must be table or json, not %q", output))
	}
	if len(rs) == 0 {
		fmt.Fprintln(io.Out, i18n.T("no resources created yet (%s)", h.ResourcesPath()))
		return nil
	}
	widths := []int{20, 8, 24, 13}
	fixedRow(io.Out, widths, i18n.Text("CREATED"), i18n.Text("STATE"), i18n.Text("KIND"), i18n.Text("REGION"), "ID")
	for _, r := range rs {
		fixedRow(io.Out, widths, r.Time.Local().Format("2006-01-02 15:04:05"), safetext.Escape(stateCell(string(r.State))),
			safetext.Escape(kindCell(r.Kind)), safetext.Escape(r.Region), safetext.Escape(r.ID))
	}
	return nil
}

// unsaid is err without the parts whose text contains shown (the message
// already printed); nil when nothing is left to say. errors.Join parts
// (e.g. a history that could not be written) are kept apart.
func unsaid(err error, shown string) error {
	if shown == "" {
		return err
	}
	parts := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		parts = j.Unwrap()
	}
	var left []error
	for _, p := range parts {
		if !strings.Contains(p.Error(), shown) {
			left = append(left, p)
		}
	}
	return errors.Join(left...)
}
