package cmd

import (
	"strings"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// Finding codes of the ${NAME} reference rules (request.CheckReferences):
// they are ecslaunch's own, as no API error matches them.
const (
	codeCredentialReference = "CredentialReference"
	codeReferenceNotAllowed = "ReferenceNotAllowed"
)

// referenceFindings turns the references a file may not hold into
// validate's findings (errors).
func referenceFindings(f *request.File) []rules.Finding {
	var out []rules.Finding
	for _, e := range f.Request.CheckReferences(f.Ask) {
		code := codeReferenceNotAllowed
		if request.CredentialVariable(e.Name) {
			code = codeCredentialReference
		}
		out = append(out, rules.Finding{Parameter: e.Parameter, Severity: rules.Error, Code: code,
			Message: e.Error()})
	}
	return out
}

// checkReferences is the reference rules as one input error for the
// commands that resolve the file (dryrun, launch): every reference the
// file may not hold, one per line, naming the parameter and the rule.
func checkReferences(path string, f *request.File) error {
	errs := f.Request.CheckReferences(f.Ask)
	if len(errs) == 0 {
		return nil
	}
	lines := make([]string, len(errs))
	for i, e := range errs {
		lines[i] = "  " + e.Error()
	}
	return usageErr(i18n.Errorf("%s: ${NAME} references the file may not hold:\n%s", path, strings.Join(lines, "\n")))
}

// registerSecrets masks the values the file's secrets resolve to in
// everything printed from now on, before any check can print one.
func registerSecrets(io *IO, r *request.Request) {
	cloud.RegisterSecret(r.Sensitive(lookupEnv(io))...)
}
