package ui

import (
	"context"
	"io"

	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/request"
)

// dryRunResult is the DryRun verdict the review shows.
type dryRunResult struct {
	Passed                                bool
	Code, Message, Explanation, Parameter string
}

// Temporary until launcher.DryRun lands.
func dryRun(ctx context.Context, c launcher.Client, scheme string, req *request.Request) dryRunResult {
	return dryRunResult{Code: "NotImplemented", Message: "DryRun is not available yet"}
}

// Temporary until the exporter lands.
func exportText(req *request.Request, format string, o exportOptions) (string, []string, error) {
	return "", nil, nil
}

type exportOptions struct {
	Profile, Region, Endpoint string
	Insecure                  bool
}

func exportFormats() []string {
	return []string{"cli", "yaml", "json", "terraform", "ros", "launch-template"}
}

func copyText(text string, w io.Writer) (string, error) { return "", nil }
