package cmd

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

type exportOptions struct {
	format     string
	output     string
	idempotent bool
	copy       bool
	force      bool
	name       string
	created    bool
}

func newExportCmd(g *globals, io *IO) *cobra.Command {
	o := &exportOptions{}
	c := &cobra.Command{
		Use:   "export FILE",
		Short: i18n.Text("Write a launch file as an aliyun CLI command, YAML, JSON, Terraform, ROS or a launch template"),
		Long: i18n.T("export turns a launch file into another format people launch from. Secrets are written only as\n"+
			"references ($ECS_PASSWORD, a sensitive variable, a NoEcho parameter); what a format cannot express is\n"+
			"said on stderr, never dropped silently. The file is checked first: one with errors is not exported\n"+
			"(exit 1) unless --force. -o writes the file atomically, mode 0600. Formats: %s.", formatList()),
		Example: "  ecslaunch export web.yaml --format cli -o launch.sh\n" +
			"  ecslaunch export web.yaml --format terraform -o main.tf\n" +
			"  ecslaunch export web.yaml --format cli --idempotent --copy",
		Args: exactArgs(1, needsFile),
		RunE: func(c *cobra.Command, args []string) error { return runExport(g, io, o, args[0]) },
	}
	f := c.Flags()
	f.StringVarP(&o.format, "format", "f", "cli", i18n.T("output format: %s", formatList()))
	f.StringVarP(&o.output, "output", "o", "", i18n.Text("write to this file (atomically, mode 0600) instead of standard output"))
	f.BoolVar(&o.idempotent, "idempotent", false, i18n.Text("add a --ClientToken so a retried command never launches twice (cli)"))
	f.BoolVar(&o.copy, "copy", false, i18n.Text("also copy the result to the clipboard (OSC 52 when no clipboard tool is present)"))
	f.BoolVar(&o.force, "force", false, i18n.Text("export even when the file has errors (they are still listed on stderr)"))
	f.StringVar(&o.name, "template-name", "", i18n.Text("LaunchTemplateName for --format launch-template"))
	f.BoolVar(&o.created, "created", false, i18n.Text("also create what ecslaunch created for the file's network and key pair (cli: a script; terraform: their resources)"))
	return c
}

func formatList() string {
	names := make([]string, 0, 6)
	for _, f := range exporter.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

func knownFormat(f exporter.Format) bool {
	for _, k := range exporter.Formats() {
		if k == f {
			return true
		}
	}
	return false
}

func runExport(g *globals, io *IO, o *exportOptions, path string) error {
	format := exporter.Format(o.format)
	if !knownFormat(format) {
		// The error lists the formats itself.
		return usageErr(&exporter.UnknownFormatError{Name: o.format})
	}
	f, err := readLaunchFile(path, io.In)
	if err != nil {
		return err
	}
	if err := checkExportable(io, g, o, path, f); err != nil {
		return err
	}
	opts := exporter.Options{Profile: g.profile, Region: g.region, Endpoint: g.endpoint, Insecure: g.insecure,
		Idempotent: o.idempotent, Description: f.Description, Ask: f.Ask, LaunchTemplateName: o.name,
		Script: format == exporter.CLI && toFile(o.output)}
	if o.created {
		if opts.Created, err = createdFor(io, f.Request); err != nil {
			return err
		}
	}
	res, err := exporter.Export(f.Request, format, opts)
	if err != nil {
		return failed(err)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(io.Err, i18n.T("note: %s", n))
	}
	if err := writeResult(io.Out, o.output, res.Text); err != nil {
		return failed(err)
	}
	if o.copy {
		method, err := exporter.Copy(res.Text, osc52Target(io))
		if err != nil {
			return failed(i18n.Errorf("copy to the clipboard: %w", err))
		}
		fmt.Fprintln(io.Err, i18n.T("copied to the clipboard (%s)", method))
	}
	return nil
}

// checkExportable checks the file offline, as validate does, before it is
// exported: a request ECS would refuse is not written (exit 1) unless
// --force, and its errors are listed on stderr either way.
func checkExportable(io *IO, g *globals, o *exportOptions, path string, f *request.File) error {
	req := f.Request.Clone()
	if g.region != "" && !req.Has("RegionId") {
		_ = req.Set("RegionId", g.region)
	}
	var errs []rules.Finding
	for _, x := range append(referenceFindings(f), rules.Validate(req, rules.Context{Now: time.Now()})...) {
		if x.Severity == rules.Error {
			errs = append(errs, x)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	printFindings(io.Err, path, withLines(errs, f.Lines))
	if o.force {
		fmt.Fprintln(io.Err, i18n.T("warning: exporting %s with %d error(s) (--force): ECS will refuse it as it is", path, len(errs)))
		return nil
	}
	return failed(i18n.Errorf("%s has %d error(s): not exported (fix them, or add --force to export it as it is)", path, len(errs)))
}

// osc52Target is where an OSC 52 copy may be written: the terminal on
// stderr, or nowhere, since written to a redirected stderr the sequence
// would land in a file or a CI log and copy nothing.
func osc52Target(x *IO) io.Writer {
	if x.ErrTerminal {
		return x.Err
	}
	return nil
}

func toFile(path string) bool { return path != "" && path != "-" }

// writeResult writes text to path atomically, mode 0600 (an export or a
// launch file is the user's), or to out when path is empty or "-".
func writeResult(out io.Writer, path, text string) error {
	if !toFile(path) {
		_, err := io.WriteString(out, text)
		return err
	}
	if err := writeFileAtomic(osFS{}, path, []byte(text), 0o600); err != nil {
		return i18n.Errorf("write %s: %w", path, err)
	}
	return nil
}

// newImportCLICmd is `import cli`: an aliyun RunInstances command line
// back into a launch file.
func newImportCLICmd(io *IO) *cobra.Command {
	var output string
	c := &cobra.Command{
		Use:   "cli [COMMAND | FILE | -]",
		Short: i18n.Text("Turn an aliyun ecs RunInstances command line back into a launch file"),
		Long: i18n.Text("import cli reads an `aliyun ecs RunInstances …` command (as an argument, from a file, or from standard\n" +
			"input) and writes the equivalent launch file, so existing scripts can be opened in the wizard with --from."),
		Example: "  ecslaunch import cli \"aliyun ecs RunInstances --RegionId cn-hangzhou --InstanceType ecs.g7.large ...\"\n" +
			"  ecslaunch import cli launch.sh -o web.yaml && ecslaunch --from web.yaml",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErr(errors.New(i18n.Text("usage: ecslaunch import cli [COMMAND | FILE | -]")))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error { return runImport(io, args, output) },
	}
	c.Flags().StringVarP(&output, "output", "o", "", i18n.Text("write the launch file here instead of standard output"))
	return c
}

func runImport(io *IO, args []string, output string) error {
	text, err := importSource(io, args)
	if err != nil {
		return err
	}
	req, opts, err := exporter.ImportCLI(text)
	if err != nil {
		return usageErr(err)
	}
	for _, n := range append(opts.ImportNotes, whereNotes(opts)...) {
		fmt.Fprintln(io.Err, i18n.T("note: %s", n))
	}
	data, replaced, err := (&request.File{Version: request.FileVersion, Request: req}).Marshal()
	if err != nil {
		return failed(err)
	}
	for _, k := range replaced {
		fmt.Fprintln(io.Err, i18n.T("note: %s was written as %s: set that variable when you launch", k, request.SecretReference(k)))
	}
	return writeResult(io.Out, output, string(data))
}

// whereNotes names the flags saying where the command runs (--profile,
// --region, --endpoint, --insecure), which a launch file does not hold:
// they are dropped like the others, and said so with what to do instead.
func whereNotes(o exporter.Options) []string {
	var flags []string
	for _, f := range []struct{ name, value string }{{"--profile", o.Profile}, {"--region", o.Region}, {"--endpoint", o.Endpoint}} {
		if f.value != "" {
			flags = append(flags, f.name+" "+f.value)
		}
	}
	if o.Insecure {
		flags = append(flags, "--insecure")
	}
	if len(flags) == 0 {
		return nil
	}
	return []string{i18n.T("%[1]s (aliyun CLI options) were dropped: a launch file does not say where it runs; "+
		"give them to ecslaunch when you use it (ecslaunch launch FILE %[1]s)", strings.Join(flags, " "))}
}

// importSource is the command text: the argument itself when it looks like a
// command, else the file it names, else standard input.
func importSource(io *IO, args []string) (string, error) {
	path := "-"
	if len(args) > 0 {
		path = args[0]
	}
	if path != "-" && (strings.Contains(path, "RunInstances") || strings.HasPrefix(strings.TrimSpace(path), "aliyun")) {
		return path, nil
	}
	b, err := readCapped(path, io.In, maxScriptSize)
	if err != nil {
		if path == "-" {
			path = i18n.Text("standard input")
		}
		return "", usageErr(i18n.Errorf("cannot read %s: %w", path, err))
	}
	if len(b) > maxScriptSize {
		return "", usageErr(i18n.Errorf("%s is over %d bytes (1 MiB): import reads one command, not a whole program", path, maxScriptSize))
	}
	return string(b), nil
}

// createdFor is what the created-resources log holds that the request
// uses (its vSwitch, security groups, key pair and their VPC).
func createdFor(io *IO, req *request.Request) ([]exporter.Resource, error) {
	h, err := openHistory()
	if err != nil {
		return nil, err
	}
	records, warns := h.Resources()
	for _, w := range warns {
		fmt.Fprintln(io.Err, i18n.T("warning: %s", w))
	}
	var all []provision.Created
	for _, r := range records {
		if r.State == launcher.ResourceCreated {
			all = append(all, provision.FromRecord(r))
		}
	}
	used := provision.CreatedFor(req, all)
	if len(used) == 0 {
		fmt.Fprintln(io.Err, i18n.T("note: --created: ecslaunch created nothing this file uses (%s)", h.ResourcesPath()))
	}
	return used, nil
}

// maxScriptSize bounds what import reads, as request.MaxFileSize does a
// launch file.
const maxScriptSize = 1 << 20
