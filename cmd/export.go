package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/request"
)

type exportOptions struct {
	format     string
	output     string
	idempotent bool
	copy       bool
	name       string
	created    bool
}

func newExportCmd(g *globals, io *IO) *cobra.Command {
	o := &exportOptions{}
	c := &cobra.Command{
		Use:   "export FILE",
		Short: "Write a launch file as an aliyun CLI command, YAML, JSON, Terraform, ROS or a launch template",
		Long: "export turns a launch file into another format people launch from. Secrets are written only as\n" +
			"references ($ECS_PASSWORD, a sensitive variable, a NoEcho parameter); what a format cannot express is\n" +
			"said on stderr, never dropped silently. Formats: " + formatList() + ".",
		Example: "  ecslaunch export web.yaml --format cli > launch.sh\n" +
			"  ecslaunch export web.yaml --format terraform -o main.tf\n" +
			"  ecslaunch export web.yaml --format cli --idempotent --copy",
		Args: exactArgs(1, "one launch file (or - for standard input)"),
		RunE: func(c *cobra.Command, args []string) error { return runExport(g, io, o, args[0]) },
	}
	f := c.Flags()
	f.StringVarP(&o.format, "format", "f", "cli", "output format: "+formatList())
	f.StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	f.BoolVar(&o.idempotent, "idempotent", false, "add a --ClientToken so a retried command never launches twice (cli)")
	f.BoolVar(&o.copy, "copy", false, "also copy the result to the clipboard (OSC 52 when no clipboard tool is present)")
	f.StringVar(&o.name, "template-name", "", "LaunchTemplateName for --format launch-template")
	f.BoolVar(&o.created, "created", false, "also create what ecslaunch created for the file's network and key pair (cli: a script; terraform: their resources)")
	return c
}

func formatList() string {
	names := make([]string, 0, 6)
	for _, f := range exporter.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

func runExport(g *globals, io *IO, o *exportOptions, path string) error {
	f, err := readLaunchFile(path, io.In)
	if err != nil {
		return err
	}
	opts := exporter.Options{Profile: g.profile, Region: g.region, Endpoint: g.endpoint, Insecure: g.insecure,
		Idempotent: o.idempotent, Description: f.Description, Ask: f.Ask, LaunchTemplateName: o.name}
	if o.created {
		if opts.Created, err = createdFor(io, f.Request); err != nil {
			return err
		}
	}
	res, err := exporter.Export(f.Request, exporter.Format(o.format), opts)
	if err != nil {
		var uf *exporter.UnknownFormatError
		if errors.As(err, &uf) {
			return usageErr(fmt.Errorf("%w (formats: %s)", err, formatList()))
		}
		return failed(err)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(io.Err, "note:", n)
	}
	if err := writeResult(io.Out, o.output, res.Text); err != nil {
		return failed(err)
	}
	if o.copy {
		method, err := exporter.Copy(res.Text, osc52Target(io))
		if err != nil {
			return failed(fmt.Errorf("copy to the clipboard: %w", err))
		}
		fmt.Fprintf(io.Err, "copied to the clipboard (%s)\n", method)
	}
	return nil
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

// writeResult writes text to path (0600: a launch file is the user's), or
// to out when path is empty or "-".
func writeResult(out io.Writer, path, text string) error {
	if path == "" || path == "-" {
		_, err := io.WriteString(out, text)
		return err
	}
	return os.WriteFile(path, []byte(text), 0o600)
}

// newImportCLICmd is `import cli`: an aliyun RunInstances command line
// back into a launch file.
func newImportCLICmd(io *IO) *cobra.Command {
	var output string
	c := &cobra.Command{
		Use:   "cli [COMMAND | FILE | -]",
		Short: "Turn an aliyun ecs RunInstances command line back into a launch file",
		Long: "import cli reads an `aliyun ecs RunInstances …` command (as an argument, from a file, or from standard\n" +
			"input) and writes the equivalent launch file, so existing scripts can be opened in the wizard with --from.",
		Example: "  ecslaunch import cli \"aliyun ecs RunInstances --RegionId cn-hangzhou --InstanceType ecs.g7.large ...\"\n" +
			"  ecslaunch import cli launch.sh -o web.yaml && ecslaunch --from web.yaml",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErr(errors.New("usage: ecslaunch import cli [COMMAND | FILE | -]"))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error { return runImport(io, args, output) },
	}
	c.Flags().StringVarP(&output, "output", "o", "", "write the launch file here instead of standard output")
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
	for _, n := range opts.ImportNotes {
		fmt.Fprintln(io.Err, "note:", n)
	}
	data, replaced, err := (&request.File{Version: request.FileVersion, Request: req}).Marshal()
	if err != nil {
		return failed(err)
	}
	for _, k := range replaced {
		fmt.Fprintf(io.Err, "note: %s was written as %s: set that variable when you launch\n", k, request.SecretReference(k))
	}
	return writeResult(io.Out, output, string(data))
}

// importSource is the command text: the argument itself when it looks like a
// command, else the file it names, else standard input.
func importSource(io *IO, args []string) (string, error) {
	if len(args) == 0 || args[0] == "-" {
		b, err := readAll(io.In)
		return string(b), err
	}
	if strings.Contains(args[0], "RunInstances") || strings.HasPrefix(strings.TrimSpace(args[0]), "aliyun") {
		return args[0], nil
	}
	b, err := os.ReadFile(args[0])
	if err != nil {
		return "", usageErr(fmt.Errorf("cannot read %s: %w", args[0], err))
	}
	return string(b), nil
}

func readAll(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, usageErr(fmt.Errorf("cannot read standard input: %w", err))
	}
	return b, nil
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
		fmt.Fprintln(io.Err, "warning:", w)
	}
	var all []provision.Created
	for _, r := range records {
		if r.State == launcher.ResourceCreated {
			all = append(all, provision.FromRecord(r))
		}
	}
	used := provision.CreatedFor(req, all)
	if len(used) == 0 {
		fmt.Fprintf(io.Err, "note: --created: ecslaunch created nothing this file uses (%s)\n", h.ResourcesPath())
	}
	return used, nil
}
