// Package cmd holds ecslaunch's commands (cobra). Each command reads its
// flags into an options struct, calls the package that does the work, and
// maps the outcome to an exit code in one place.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
)

// Exit codes, the same for every command.
const (
	ExitOK      = 0   // success
	ExitFailed  = 1   // the check or the call failed
	ExitUsage   = 2   // usage error or unreadable input
	ExitAborted = 130 // the user aborted (Ctrl+C)
)

// ExitError carries the exit code a command ends with.
type ExitError struct {
	Code int
	Err  error
}

// Error is the underlying error's text.
func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *ExitError) Unwrap() error { return e.Err }

// usageErr marks err as a usage or input error (exit 2).
func usageErr(err error) error { return &ExitError{Code: ExitUsage, Err: err} }

// failed marks err as a failed check or call (exit 1).
func failed(err error) error { return &ExitError{Code: ExitFailed, Err: err} }

// silent ends with code without printing anything more: the command has
// already said what happened.
func silent(code int) error { return &ExitError{Code: code} }

// IO is where commands read and write; tests replace it.
type IO struct {
	In          io.Reader
	Out, Err    io.Writer
	InTerminal  bool
	OutTerminal bool
	ErrTerminal bool
	Getenv      func(string) string
}

// maskedIO is x with every registered secret (a session's AccessKey
// secret, a resolved Password) masked in whatever is written to Out and
// Err: the last guard behind every message, export and table.
func maskedIO(x *IO) *IO {
	c := *x
	c.Out, c.Err = cloud.MaskingWriter(x.Out), cloud.MaskingWriter(x.Err)
	return &c
}

// globals are the flags every command shares.
type globals struct {
	profile, region, endpoint string
	sandbox, insecure         bool
	world                     string // --world: a recorded catalog for --sandbox
	refresh                   bool   // catalog and wizard: bypass the cache
	lang                      string // --lang: read before the tree is built (UseLanguage)
}

// NewRoot builds the command tree.
func NewRoot(io *IO) *cobra.Command {
	io = maskedIO(io)
	g := &globals{}
	root := &cobra.Command{
		Use:   "ecslaunch",
		Short: i18n.Text("Compose, check, DryRun, launch or export an Alibaba Cloud ECS RunInstances request"),
		Long: i18n.Text("ecslaunch turns launching Alibaba Cloud ECS instances into a short, safe conversation in the terminal.\n" +
			"With no subcommand it starts the wizard; with no credentials it offers the built-in sandbox."),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	pf := root.PersistentFlags()
	pf.StringVar(&g.profile, "profile", "", i18n.Text("aliyun CLI profile to use (~/.aliyun/config.json)"))
	pf.StringVar(&g.region, "region", "", i18n.Text("region ID, e.g. cn-hangzhou (default: the profile's region)"))
	pf.BoolVar(&g.sandbox, "sandbox", false, i18n.Text("run against the built-in sandbox: nothing real is created"))
	pf.StringVar(&g.endpoint, "endpoint", "", i18n.Text("ECS endpoint HOST:PORT (a sandbox or a test endpoint)"))
	pf.StringVar(&g.lang, "lang", "", i18n.Text("language of every message: en or zh (default: ECSLAUNCH_LANG, the aliyun CLI's language, then LC_ALL, LC_MESSAGES, LANG)"))
	pf.BoolVar(&g.insecure, "insecure", false, i18n.Text("plain HTTP to --endpoint (only with --endpoint)"))
	pf.StringVar(&g.world, "world", "", i18n.Text("with --sandbox: play the catalog recorded in this file (ecslaunch sandbox record)"))
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		if err := g.check(); err != nil {
			return err
		}
		return g.checkRegionOffline(c, io)
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr(localizeCobraError(err)) })
	addWizard(root, g, io)
	root.AddCommand(newValidateCmd(g, io), newPriceCmd(g, io), newVersionCmd(io))
	root.AddCommand(newExportCmd(g, io), newImportCmd(g, io), newDryRunCmd(g, io), newLaunchCmd(g, io),
		newHistoryCmd(io), newCatalogCmd(g, io), newSandboxCmd(g, io))
	localizeCobra(root)
	return root
}

// opensEnv annotates a command that opens an ECS environment (openEnv),
// where its region is checked against DescribeRegions instead of the
// built-in list; validate does with --online.
const opensEnv = "ecslaunch/opens-env"

// checkRegionOffline checks --region, before anything starts, for a
// command that does not ask DescribeRegions: an obvious typo of a
// built-in region ID is a usage error naming the region meant; another
// unknown ID gets a note, since it may be a region newer than the list.
func (g *globals) checkRegionOffline(c *cobra.Command, io *IO) error {
	if g.region == "" || c.Annotations[opensEnv] != "" {
		return nil
	}
	if f := c.Flags().Lookup("online"); f != nil && f.Value.String() == "true" {
		return nil
	}
	if err := regionTypo(g.region); err != nil {
		return err
	}
	if catalog.CheckRegion(g.region, catalog.BuiltinRegionIDs) != nil {
		fmt.Fprintln(io.Err, i18n.T("note: region %s is not in ecslaunch's built-in list of region IDs; if it is a new region, check it with --online", g.region))
	}
	return nil
}

// check rejects flag combinations that make no sense.
func (g *globals) check() error {
	if g.insecure && g.endpoint == "" {
		return usageErr(errors.New(i18n.Text("--insecure needs --endpoint: real Alibaba Cloud endpoints are always called over HTTPS")))
	}
	if g.sandbox && g.endpoint != "" {
		return usageErr(errors.New(i18n.Text("--sandbox starts its own endpoint: give --sandbox or --endpoint, not both")))
	}
	if g.world != "" && !g.sandbox {
		return usageErr(errors.New(i18n.Text("--world is the catalog of the in-process sandbox: add --sandbox (or use `ecslaunch sandbox serve --world`)")))
	}
	if err := cloud.CheckEndpoint(g.endpoint, g.insecure); err != nil {
		return usageErr(err)
	}
	return nil
}

// Execute runs ecslaunch with the process's arguments and returns the exit code.
func Execute() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	io := &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv,
		InTerminal: isTerminal(os.Stdin), OutTerminal: isTerminal(os.Stdout), ErrTerminal: isTerminal(os.Stderr)}
	if err := UseLanguage(os.Args[1:], io.Getenv); err != nil {
		return report(io.Err, usageErr(err))
	}
	root := NewRoot(io)
	err := root.ExecuteContext(ctx)
	if ctx.Err() != nil && err != nil {
		fmt.Fprintln(io.Err, i18n.Text("aborted"))
		return ExitAborted
	}
	return report(io.Err, err)
}

// UseLanguage sets the language of every message before the command tree
// (whose help is translated) is built: --lang in args, then
// ECSLAUNCH_LANG, the aliyun CLI's configured language, LC_ALL,
// LC_MESSAGES and LANG (i18n.Choose).
func UseLanguage(args []string, getenv func(string) string) error {
	flag := ""
scan:
	for i, a := range args {
		switch {
		case a == "--":
			break scan
		case strings.HasPrefix(a, "--lang="):
			flag = strings.TrimPrefix(a, "--lang=")
		case a == "--lang" && i+1 < len(args):
			flag = args[i+1]
		}
	}
	profile := ""
	for i, a := range args {
		if a == "--profile" && i+1 < len(args) {
			profile = args[i+1]
		} else if strings.HasPrefix(a, "--profile=") {
			profile = strings.TrimPrefix(a, "--profile=")
		}
	}
	tag, _, err := i18n.Choose(flag, getenv, cloud.CLILanguage(cloud.Config{Profile: profile, Getenv: getenv}))
	i18n.Set(tag)
	return err
}

// report prints err once and returns its exit code. The text goes through
// cloud.Redact as a last guard: no error path may print a secret.
func report(w io.Writer, err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil {
			fmt.Fprintln(w, "ecslaunch:", cloud.Redact(ee.Err.Error()))
		}
		return ee.Code
	}
	// cobra's own errors (unknown command, bad args) are usage errors.
	fmt.Fprintln(w, "ecslaunch:", cloud.Redact(localizeCobraError(err).Error()))
	return ExitUsage
}

// isTerminal reports whether f is a terminal (/dev/null is a character
// device too, so the mode bits are not enough).
func isTerminal(f *os.File) bool { return isatty.IsTerminal(f.Fd()) }
