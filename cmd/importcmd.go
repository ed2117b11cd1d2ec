package cmd

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/origin"
	"github.com/ecslaunch/ecslaunch/request"
)

// newImportCmd is `import`: a launch file from an aliyun CLI command, an
// existing instance or a launch template version.
func newImportCmd(g *globals, io *IO) *cobra.Command {
	c := &cobra.Command{
		Use:   "import cli|instance|template",
		Short: i18n.Text("Write a launch file from an aliyun CLI command, an existing instance or a launch template"),
		Long: i18n.Text("import writes a launch file (the YAML every command reads) from what exists, so a team can turn a\n" +
			"hand-made instance or a console template into a reviewed launch file in git. What could not be carried\n" +
			"over (a password is never retrievable, for one) is said on stderr."),
		Example: "  ecslaunch import instance i-bp67acfmxazb4p... -o web.yaml\n" +
			"  ecslaunch import template lt-bp1apo0bbbkuy0rj... --version 2 -o web.yaml\n" +
			"  ecslaunch import cli launch.sh -o web.yaml",
		Args: func(c *cobra.Command, args []string) error {
			return usageErr(errors.New(i18n.Text("usage: ecslaunch import cli [COMMAND | FILE | -], import instance INSTANCE_ID or import template TEMPLATE_ID")))
		},
		RunE: func(*cobra.Command, []string) error { return nil },
	}
	c.AddCommand(newImportCLICmd(io), newImportInstanceCmd(g, io), newImportTemplateCmd(g, io))
	return c
}

func newImportInstanceCmd(g *globals, io *IO) *cobra.Command {
	var output string
	c := &cobra.Command{
		Use:   "instance INSTANCE_ID",
		Short: i18n.Text("Write a launch file that launches more instances like an existing one"),
		Long: i18n.Text("import instance reads an instance (DescribeInstances, DescribeDisks, DescribeUserData) and writes a launch\n" +
			"file with its type, image, disks (category, size, performance level), network, security groups, key pair,\n" +
			"tags, billing and user data; a numbered name goes on from its number. The notes on stderr say what is not\n" +
			"carried (the password, never retrievable; a disk's data, unless it was made from a snapshot)."),
		Example:     "  ecslaunch import instance i-bp67acfmxazb4p... --region cn-hangzhou -o web.yaml",
		Args:        exactArgs(1, needsInstance),
		Annotations: map[string]string{opensEnv: "yes"},
		RunE: func(c *cobra.Command, args []string) error {
			return runImportFrom(c.Context(), g, io, output, func(r *origin.Reader, region string) (origin.Result, error) {
				return r.FromInstance(c.Context(), region, args[0])
			})
		},
	}
	c.Flags().StringVarP(&output, "output", "o", "", i18n.Text("write the launch file here instead of standard output"))
	return c
}

func newImportTemplateCmd(g *globals, io *IO) *cobra.Command {
	var output string
	var version int64
	c := &cobra.Command{
		Use:   "template TEMPLATE_ID",
		Short: i18n.Text("Write a launch file from a launch template version"),
		Long: i18n.Text("import template reads a launch template version (DescribeLaunchTemplateVersions; the default version\n" +
			"unless --version) and writes its configuration as a launch file that stands alone."),
		Example:     "  ecslaunch import template lt-bp1apo0bbbkuy0rj... --version 2 -o web.yaml",
		Args:        exactArgs(1, needsTemplate),
		Annotations: map[string]string{opensEnv: "yes"},
		RunE: func(c *cobra.Command, args []string) error {
			if version < 0 {
				return usageErr(i18n.Errorf("--version %d: template versions are numbered from 1", version))
			}
			return runImportFrom(c.Context(), g, io, output, func(r *origin.Reader, region string) (origin.Result, error) {
				return r.FromTemplate(c.Context(), region, args[0], version)
			})
		},
	}
	c.Flags().StringVarP(&output, "output", "o", "", i18n.Text("write the launch file here instead of standard output"))
	c.Flags().Int64Var(&version, "version", 0, i18n.Text("the template version to read (default: the template's default version)"))
	return c
}

// runImportFrom opens the environment, reads the source through an origin
// Reader in the session's region, and writes the launch file (0600) with
// the notes on stderr.
func runImportFrom(ctx context.Context, g *globals, io *IO, output string, read func(*origin.Reader, string) (origin.Result, error)) error {
	e, err := openEnv(ctx, g, io)
	if err != nil {
		return err
	}
	defer e.Close()
	res, err := read(origin.New(e.ECS, e.Scheme), e.Region)
	if err != nil {
		return originErr(err)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(io.Err, i18n.T("note: %s", n))
	}
	data, replaced, err := res.File.Marshal()
	if err != nil {
		return failed(err)
	}
	for _, k := range replaced {
		fmt.Fprintln(io.Err, i18n.T("note: %s was written as %s: set that variable when you launch", k, request.SecretReference(k)))
	}
	if err := writeResult(io.Out, output, string(data)); err != nil {
		return failed(err)
	}
	if output != "" && output != "-" {
		fmt.Fprintln(io.Err, wroteLine(output, res.Source))
	}
	return nil
}

// originErr maps origin's errors to exit codes: an ID of the wrong form is
// unusable input (2); one that is not there, or a failed call, is a
// failed call (1).
func originErr(err error) error {
	var nf *origin.NotFoundError
	var ce *origin.CallError
	if errors.As(err, &nf) || errors.As(err, &ce) || errors.Is(err, context.Canceled) {
		return failed(err)
	}
	return usageErr(err)
}

// checkStart rejects more than one of --from, --from-template,
// --from-instance and --from-history, and --template-version alone.
func checkStart(o *wizardOptions) error {
	given := 0
	for _, set := range []bool{o.from != "", o.fromTemplate != "", o.fromInstance != "", o.fromHistory != ""} {
		if set {
			given++
		}
	}
	switch {
	case given > 1:
		return usageErr(errors.New(i18n.Text("give one of --from, --from-template, --from-instance and --from-history")))
	case o.templateVersion != 0 && o.fromTemplate == "":
		return usageErr(errors.New(i18n.Text("--template-version goes with --from-template")))
	case o.templateVersion < 0:
		return usageErr(i18n.Errorf("--template-version %d: template versions are numbered from 1", o.templateVersion))
	}
	return nil
}

// fromHistoryFlag resolves --from-history N to a launch file and notes;
// nil when the flag is not given. It needs no connection.
func fromHistoryFlag(o *wizardOptions) (*request.File, []origin.Note, error) {
	if o.fromHistory == "" {
		return nil, nil, nil
	}
	n, err := strconv.Atoi(o.fromHistory)
	if err != nil {
		return nil, nil, usageErr(i18n.Errorf("--from-history %q: give the launch's number as `ecslaunch history` lists it", o.fromHistory))
	}
	h, err := openHistory()
	if err != nil {
		return nil, nil, err
	}
	entries, _ := h.Entries()
	res, err := origin.FromHistory(entries, n)
	if err != nil {
		return nil, nil, usageErr(i18n.Errorf("--from-history: %w", err))
	}
	return res.File, res.Notes, nil
}

// fromLiveFlags resolves --from-template and --from-instance through the
// wizard's environment, in its region; nil when neither is given.
func fromLiveFlags(ctx context.Context, e *env, o *wizardOptions) (*request.File, []origin.Note, error) {
	if o.fromTemplate == "" && o.fromInstance == "" {
		return nil, nil, nil
	}
	r := origin.New(e.ECS, e.Scheme)
	var res origin.Result
	var err error
	if o.fromTemplate != "" {
		res, err = r.FromTemplate(ctx, e.Region, o.fromTemplate, o.templateVersion)
	} else {
		res, err = r.FromInstance(ctx, e.Region, o.fromInstance)
	}
	if err != nil {
		return nil, nil, originErr(err)
	}
	return res.File, res.Notes, nil
}

// wroteLine says which file import wrote and from what.
func wroteLine(path string, s origin.Source) string {
	switch s.Kind {
	case "instance":
		return i18n.T("wrote %s (instance %s in %s)", path, s.ID, s.Region)
	case "launch-template":
		return i18n.T("wrote %s (launch-template %s in %s)", path, s.ID, s.Region)
	}
	return i18n.T("wrote %s (%s %s in %s)", path, s.Kind, s.ID, s.Region)
}
