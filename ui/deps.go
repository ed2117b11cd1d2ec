package ui

import (
	"context"
	"io"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/request"
)

// dryRunResult is the DryRun verdict the review shows.
type dryRunResult = launcher.DryRunResult

// dryRun asks ECS whether it would accept the request, over the scheme
// the session speaks ("http" for the sandbox).
func dryRun(ctx context.Context, c launcher.Client, scheme string, req *request.Request) dryRunResult {
	if scheme != "" {
		c = launcher.WithScheme(c, scheme)
	}
	return launcher.DryRun(ctx, c, req)
}

// exportOptions are the exporter's options the wizard sets.
type exportOptions = exporter.Options

// exportText renders the request in a format; notes name what the format
// cannot express.
func exportText(req *request.Request, format string, o exportOptions) (string, []string, error) {
	res, err := exporter.Export(req, exporter.Format(format), o)
	return res.Text, res.Notes, err
}

func exportFormats() []string {
	var out []string
	for _, f := range exporter.Formats() {
		out = append(out, string(f))
	}
	return out
}

// copyText puts text on the clipboard (OSC 52 through w when no tool is there).
func copyText(text string, w io.Writer) (string, error) { return exporter.Copy(text, w) }
