package cmd

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/rules"
)

type validateOptions struct {
	output string
	online bool
	osType string
}

// fileReport is one file's result, as `validate --output json` prints it.
type fileReport struct {
	File     string        `json:"file"`
	Valid    bool          `json:"valid"`
	Error    string        `json:"error,omitempty"`
	Findings []lineFinding `json:"findings"`
	// OSType and OSTypeFrom say which image OS the OS-dependent rules
	// assumed offline, and why (--os, the cached catalog, the image ID).
	OSType     string `json:"osType,omitempty"`
	OSTypeFrom string `json:"osTypeFrom,omitempty"`
	note       string
}

func newValidateCmd(g *globals, io *IO) *cobra.Command {
	o := &validateOptions{}
	c := &cobra.Command{
		Use:   "validate FILE...",
		Short: i18n.Text("Check launch files against every documented RunInstances rule"),
		Long: i18n.Text("validate checks each launch file against the RunInstances rules (the API reference's bounds, enums,\n" +
			"patterns and cross-field rules). --online also checks references and availability against the catalog\n" +
			"(image, instance type stock in the zone, disk categories, vSwitch, security group, key pair).\n" +
			"Exit 0 when no file has an error, 1 when any has, 2 when a file cannot be read or parsed."),
		Example: "  ecslaunch validate launch/*.yaml\n  ecslaunch validate web.yaml --output json\n  ecslaunch validate web.yaml --online --sandbox",
		Args:    minArgs(1, needsFiles),
		RunE: func(c *cobra.Command, args []string) error {
			return runValidate(c.Context(), g, io, o, args)
		},
	}
	c.Flags().StringVarP(&o.output, "output", "o", "text", i18n.Text("output format: text or json"))
	c.Flags().BoolVar(&o.online, "online", false, i18n.Text("also check references and availability against the catalog"))
	c.Flags().StringVar(&o.osType, "os", "", i18n.Text("image OS type for OS-dependent rules when not checking online: linux or windows"))
	return c
}

func runValidate(ctx context.Context, g *globals, io *IO, o *validateOptions, paths []string) error {
	if o.output != "text" && o.output != "json" {
		return usageErr(i18n.Errorf("--output must be text or json, not %q", o.output))
	}
	if o.osType != "" && o.osType != "linux" && o.osType != "windows" {
		return usageErr(i18n.Errorf("--os must be linux or windows, not %q", o.osType))
	}
	var cat rules.Catalog
	if o.online {
		env, err := openEnv(ctx, g, io)
		if err != nil {
			return err
		}
		defer env.Close()
		if err := probeCatalog(ctx, env); err != nil {
			return err
		}
		cat = env.Catalog
	}
	reports := make([]fileReport, 0, len(paths))
	for _, p := range paths {
		reports = append(reports, validateFile(ctx, p, io.In, o, g, cat))
	}
	if o.output == "json" {
		if err := writeJSON(io.Out, reports); err != nil {
			return err
		}
	} else {
		printReports(io.Out, reports)
	}
	return silent(validateExit(reports))
}

func validateFile(ctx context.Context, path string, in io.Reader, o *validateOptions, g *globals, cat rules.Catalog) fileReport {
	rep := fileReport{File: path, Findings: []lineFinding{}}
	f, err := readLaunchFile(path, in)
	if err != nil {
		rep.Error = err.Error()
		return rep
	}
	req := f.Request
	if g.region != "" && !req.Has("RegionId") {
		_ = req.Set("RegionId", g.region)
	}
	// Online, the catalog's image says the OS (rules.ValidateOnline);
	// offline it is inferred, and the report says from what.
	guess := osGuess{Type: o.osType}
	if cat == nil {
		guess = inferOS(g, req, o.osType)
		rep.note = guess.note(req.Get("ImageId"))
		rep.OSType, rep.OSTypeFrom = guess.Type, guess.From
	}
	rc := rules.Context{OSType: guess.Type, Now: time.Now()}
	fs := append(referenceFindings(f), rules.Validate(req, rc)...)
	if cat != nil {
		fs = append(fs, rules.ValidateOnline(ctx, req, cat, rc)...)
	}
	rep.Findings = withLines(fs, f.Lines)
	rep.Valid = !rules.HasErrors(fs)
	return rep
}

// validateExit: 2 when a file could not be read, else 1 when any has an error.
func validateExit(reports []fileReport) int {
	code := ExitOK
	for _, r := range reports {
		switch {
		case r.Error != "":
			return ExitUsage
		case !r.Valid:
			code = ExitFailed
		}
	}
	return code
}

// printReports writes one line per finding, grouped per file and sorted
// by line, in the file:line: form editors and CI logs link to, then the
// note on the OS the OS-dependent rules assumed.
func printReports(w io.Writer, reports []fileReport) {
	for _, r := range reports {
		if r.Error != "" {
			fmt.Fprintf(w, "%s\n", r.Error)
			continue
		}
		errs, warns := count(r.Findings)
		if len(r.Findings) == 0 {
			fmt.Fprintln(w, i18n.T("%s: valid", r.File))
		} else {
			fmt.Fprintln(w, i18n.T("%s: %d error(s), %d warning(s)", r.File, errs, warns))
			printFindings(w, r.File, r.Findings)
		}
		if r.note != "" {
			fmt.Fprintf(w, "  %s\n", r.note)
		}
	}
}

func count(fs []lineFinding) (errs, warns int) {
	for _, f := range fs {
		if f.Severity == rules.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// probeCatalog makes one catalog call before the online checks. When the
// catalog cannot be read at all (wrong secret, unknown AccessKey, endpoint
// down), every online check would only be skipped with the same warning and
// the command would pass: it fails once, with the cause, instead.
func probeCatalog(ctx context.Context, e *env) error {
	if _, err := e.Catalog.Regions(ctx); err != nil {
		return failed(i18n.Errorf("validate --online cannot read the catalog: %w; fix the credentials or the endpoint, or drop --online to check the documented rules only", err))
	}
	return nil
}
