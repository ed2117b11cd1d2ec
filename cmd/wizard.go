package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/origin"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/ui"
)

type wizardOptions struct {
	from       string
	accessible bool
	// Start from what exists (issue 14): a launch template version, an
	// instance, a launch history entry.
	fromTemplate, fromInstance, fromHistory string
	templateVersion                         int64
}

// addWizard makes the bare `ecslaunch` start the wizard.
func addWizard(root *cobra.Command, g *globals, io *IO) {
	o := &wizardOptions{}
	root.Flags().StringVar(&o.from, "from", "", i18n.Text("open a launch file at the review (its ask: fields are asked first)"))
	root.Flags().BoolVar(&o.accessible, "accessible", false, i18n.Text("plain prompts instead of the full-screen wizard (also with TERM=dumb or no terminal)"))
	root.Flags().BoolVar(&g.refresh, "refresh", false, i18n.Text("ignore the catalog cache and fetch everything again"))
	root.Annotations = map[string]string{opensEnv: "yes"} // the wizard opens one before the TUI starts
	root.Flags().StringVar(&o.fromTemplate, "from-template", "", i18n.Text("start from a launch template (lt-…): its default version, or --template-version"))
	root.Flags().Int64Var(&o.templateVersion, "template-version", 0, i18n.Text("the version of --from-template to start from"))
	root.Flags().StringVar(&o.fromInstance, "from-instance", "", i18n.Text("start from an existing instance (i-…): launch more like it"))
	root.Flags().StringVar(&o.fromHistory, "from-history", "", i18n.Text("start from launch `N` of the history (as ecslaunch history numbers them)"))
	root.RunE = func(c *cobra.Command, _ []string) error { return runWizard(c.Context(), g, io, o) }
}

func runWizard(ctx context.Context, g *globals, io *IO, o *wizardOptions) error {
	if err := checkStart(o); err != nil {
		return err
	}
	var from *request.File
	var notes []origin.Note
	if o.from != "" {
		f, err := readLaunchFile(o.from, io.In)
		if err != nil {
			return err
		}
		from = f
	}
	if f, n, err := fromHistoryFlag(o); err != nil {
		return err
	} else if f != nil {
		from, notes = f, n
	}
	if from != nil && g.region == "" {
		g.region = from.Request.Get("RegionId")
	}
	e, err := openWizardEnv(ctx, g, io)
	if err != nil {
		return err
	}
	defer e.Close()
	if f, n, err := fromLiveFlags(ctx, e, o); err != nil {
		return err
	} else if f != nil {
		from, notes = f, n
	}
	opts, err := wizardUIOptions(e, g, io, o, from)
	if err != nil {
		return err
	}
	opts.FromPath = o.from
	// The notes are said where the request lands, at the top of the review.
	opts.FromNotes = origin.Strings(notes)
	// With no --from…, the first screen asks what to start from.
	opts.OfferStart = from == nil
	if err := startAndCreate(e, &opts); err != nil {
		return err
	}
	res, err := ui.Run(ctx, opts)
	if res.Stdout != "" {
		_, _ = io.Out.Write([]byte(res.Stdout))
	}
	// What the wizard did stays on the terminal once its screen is gone.
	for _, line := range res.Summary {
		fmt.Fprintln(io.Err, line)
	}
	switch {
	case errors.Is(err, ui.ErrInputEnded):
		// the user did not finish: that is an abort, and the draft is kept
		return &ExitError{Code: ExitAborted, Err: i18n.Errorf("%w (the draft is kept for the next start)", err)}
	case errors.Is(err, ui.ErrInterrupted):
		return &ExitError{Code: ExitAborted, Err: errors.New(i18n.Text("aborted (the draft is kept for the next start)"))}
	case err != nil:
		return failed(err)
	case res.Aborted:
		return silent(ExitAborted)
	}
	return nil
}

// openWizardEnv is openEnv, except that with no credentials the wizard says
// so in one line and runs in the sandbox instead of failing.
func openWizardEnv(ctx context.Context, g *globals, io *IO) (*env, error) {
	if g.sandbox || g.endpoint != "" {
		return openEnv(ctx, g, io)
	}
	if _, err := cloud.Resolve(cloud.Config{Profile: g.profile, Region: g.region}); errors.Is(err, cloud.ErrNoCredentials) && g.profile == "" {
		fmt.Fprintln(io.Err, i18n.Text("No Alibaba Cloud credentials found: starting in the SANDBOX (nothing real is created). Run `aliyun configure` or set ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET to go live."))
		g.sandbox = true
	}
	return openEnv(ctx, g, io)
}

func wizardUIOptions(e *env, g *globals, io *IO, o *wizardOptions, from *request.File) (ui.Options, error) {
	state, err := stateDir()
	if err != nil {
		return ui.Options{}, failed(err)
	}
	hist, err := launcher.DefaultHistoryPath()
	if err != nil {
		return ui.Options{}, failed(err)
	}
	accessible := o.accessible || io.Getenv("TERM") == "dumb" || !io.InTerminal
	return ui.Options{
		Reader: e.Catalog, Launch: e.ECS, Scheme: e.Scheme,
		Region: e.Region, Profile: g.profile, Sandbox: e.Sandbox != nil,
		From: from, DraftPath: filepath.Join(state, "draft.yaml"), HistoryPath: hist,
		Accessible: accessible,
		In:         io.In, Out: errWriter(io, accessible), StdoutIsTerminal: io.OutTerminal,
		// Exports point at an endpoint only when it outlives this run; the
		// in-process sandbox does not.
		Endpoint: g.endpoint, Insecure: g.insecure,
		Target: e.Target(""), // the launcher adds the region the user chose
	}, nil
}

// errWriter is where the TUI draws: the terminal on stderr, so that stdout
// can carry the result (`ecslaunch > launch.sh`).
// The full-screen wizard draws on the terminal itself, not through the
// secret-masking guard: it needs the terminal's size and modes, and it
// shows no secret (a password field is masked). The line prompts keep the guard.
func errWriter(io *IO, accessible bool) io.Writer {
	if accessible {
		return io.Err
	}
	return cloud.Unmasked(io.Err)
}

// stateDir is $XDG_STATE_HOME/ecslaunch, else ~/.local/state/ecslaunch.
func stateDir() (string, error) {
	base := os.Getenv("XDG_STATE_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", i18n.Errorf("no home directory for the draft: %w", err)
		}
		base = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(base, "ecslaunch"), nil
}

// startAndCreate gives the wizard what reads templates and instances to
// start from, and what creates the VPC, vSwitch, security group or key
// pair an account lacks, each through its own client (the SDK's serve one
// call at a time). Creating needs a writable launch history, where every
// creation is recorded; without one the wizard offers no creation.
func startAndCreate(e *env, opts *ui.Options) error {
	oc, err := e.Session.ECS()
	if err != nil {
		return failed(err)
	}
	opts.Origin = origin.New(oc, e.Scheme)
	pc, err := e.Session.ECS()
	if err != nil {
		return failed(err)
	}
	vc, err := e.Session.VPC()
	if err != nil {
		return failed(err)
	}
	h, err := openWritableHistory()
	if err != nil {
		return nil // the review says why nothing can be created
	}
	p, err := provision.New(pc, vc, provision.Options{History: h, Scheme: e.Scheme})
	if err != nil {
		return failed(err)
	}
	opts.Provision = p
	// The sandbox's rules go nowhere real: no lookup on the internet for
	// them, only the address an ssh session came from.
	opts.OwnAddress = provision.SSHConnection{Getenv: os.Getenv}
	if e.Sandbox == nil {
		opts.OwnAddress = provision.DefaultLookup(os.Getenv)
	}
	return nil
}
