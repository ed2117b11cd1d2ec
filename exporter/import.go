package exporter

import (
	"errors"
	"path"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// ImportError is a problem in an imported command line; Flag names the
// flag concerned, when there is one.
type ImportError struct {
	Flag       string
	Msg        string
	Suggestion string
}

// Error says what is wrong, naming the flag and the closest valid one.
func (e *ImportError) Error() string {
	msg := e.Msg
	if e.Flag != "" {
		msg = i18n.T("%s: %s", e.Flag, msg)
	}
	if e.Suggestion != "" {
		msg = i18n.T("%s (did you mean %s?)", msg, e.Suggestion)
	}
	return msg
}

// cliValueFlags are the aliyun CLI's own flags that take one value
// (config/flags.go, openapi/flags.go; docs/sdk-notes.md §7). They are not
// RunInstances parameters.
var cliValueFlags = map[string]bool{
	"--profile": true, "--region": true, "--endpoint": true, "--mode": true,
	"--access-key-id": true, "--access-key-secret": true, "--sts-token": true,
	"--ram-role-name": true, "--ram-role-arn": true, "--role-session-name": true,
	"--read-timeout": true, "--connect-timeout": true, "--retry-count": true,
	"--config-path": true, "--endpoint-type": true, "--cli-query": true,
	"--method": true, "--version": true, "--header": true, "--language": true,
	"--private-key": true, "--key-pair-name": true, "--sts-region": true,
	"--external-id": true, "--oidc-provider-arn": true, "--oidc-token-file": true,
	"--process-command": true, "--cloud-sso-sign-in-url": true,
	"--cloud-sso-access-config": true, "--cloud-sso-account-id": true,
}

// cliSwitches are the CLI's flags that take no value.
var cliSwitches = map[string]bool{
	"--insecure": true, "--secure": true, "--skip-secure-verify": true, "--quiet": true,
	"--force": true, "--dryrun": true, "--cli-dry-run": true, "--cli-dry-run-json": true,
	"--estimate-cost": true,
}

// cliListFlags take a variable number of key=value words (--output
// cols=A,B rows=X; --waiter expr=… to=…; --pager path=…).
var cliListFlags = map[string]bool{"--output": true, "--waiter": true, "--pager": true}

// ImportCLI parses an `aliyun ecs RunInstances --Name value …` command line
// (line continuations, quotes and $VAR references included) back into a
// request. The text may be a whole script: the one RunInstances command in
// it is read and the other commands are named in Options.ImportNotes.
// --profile, --region, --endpoint and --insecure go into Options,
// --ClientToken makes the Options idempotent, the CLI's other flags are
// dropped and named in Options.ImportNotes, and any other flag is an error
// that names it and suggests the closest RunInstances parameter.
func ImportCLI(cmdline string) (*request.Request, Options, error) {
	var o Options
	cmds, err := splitCommands(cmdline)
	if err != nil {
		return nil, o, &ImportError{Msg: err.Error()}
	}
	cmd, err := pickCommand(cmds, &o)
	if err != nil {
		return nil, o, err
	}
	rest, err := checkHead(cmd.words)
	if err != nil {
		return nil, o, err
	}
	req := request.New()
	for len(rest) > 0 {
		n, err := importFlag(rest, req, &o)
		if err != nil {
			return nil, o, err
		}
		rest = rest[n:]
	}
	if req.Has("ClientToken") {
		o.Idempotent = true
	}
	return req, o, nil
}

// pickCommand finds the script's one RunInstances command; the others are
// noted by their command name only (an `export ECS_PASSWORD=…` line must
// not be echoed).
func pickCommand(cmds []shellCommand, o *Options) (shellCommand, error) {
	var found []int
	for i, c := range cmds {
		if isRunInstances(c.words) {
			found = append(found, i)
		}
	}
	switch {
	case len(found) == 0 && len(cmds) == 1:
		if _, err := checkHead(dropAssignments(cmds[0].words, &Options{})); err != nil {
			return shellCommand{}, err // not RunInstances: say that before how it is written
		}
		return cmds[0], cmds[0].problemErr()
	case len(found) == 0:
		return shellCommand{}, &ImportError{Msg: i18n.T("no `aliyun ecs RunInstances` command among the %d commands given", len(cmds))}
	case len(found) > 1:
		return shellCommand{}, &ImportError{Msg: i18n.T("found %d RunInstances commands (lines %d and %d): import one", len(found), cmds[found[0]].line, cmds[found[1]].line)}
	}
	for i, c := range cmds {
		if i != found[0] {
			o.ImportNotes = append(o.ImportNotes, notImported(c))
		}
	}
	c := cmds[found[0]]
	c.words = dropAssignments(c.words, o)
	return c, c.problemErr()
}

func (c shellCommand) problemErr() error {
	if c.problem != nil {
		return &ImportError{Msg: c.problem.Error()}
	}
	return nil
}

// isRunInstances reports whether words are `[NAME=value …] aliyun ecs RunInstances …`.
func isRunInstances(words []string) bool {
	for len(words) > 0 && isAssignment(words[0]) {
		words = words[1:]
	}
	return len(words) >= 3 && path.Base(words[0]) == "aliyun" && strings.EqualFold(words[1], "ecs") && words[2] == "RunInstances"
}

// dropAssignments removes leading NAME=value words, noting the names.
func dropAssignments(words []string, o *Options) []string {
	for len(words) > 0 && isAssignment(words[0]) {
		name, _, _ := strings.Cut(words[0], "=")
		o.ImportNotes = append(o.ImportNotes, i18n.T("the environment assignment %s=… before aliyun was not imported", name))
		words = words[1:]
	}
	return words
}

func isAssignment(w string) bool {
	name, _, ok := strings.Cut(w, "=")
	return ok && isEnvName(name)
}

// notImported is the note on a command of the script that is not the
// one imported.
func notImported(c shellCommand) string {
	if len(c.words) == 0 {
		return i18n.T("line %d: the empty command was not imported", c.line)
	}
	name, _, _ := strings.Cut(c.words[0], "=")
	return i18n.T("line %d: the %s command was not imported", c.line, strconv.Quote(name))
}

// checkHead accepts `aliyun ecs RunInstances` and returns the words after.
func checkHead(words []string) ([]string, error) {
	if len(words) == 0 {
		return nil, &ImportError{Msg: i18n.Text("empty command: expected `aliyun ecs RunInstances --RegionId … …`")}
	}
	if path.Base(words[0]) != "aliyun" {
		return nil, &ImportError{Msg: i18n.T("expected the command to start with aliyun, found %q", words[0])}
	}
	if len(words) < 3 || !strings.EqualFold(words[1], "ecs") {
		return nil, &ImportError{Msg: i18n.Text("expected `aliyun ecs RunInstances …`")}
	}
	switch words[2] {
	case "RunInstances":
		return words[3:], nil
	case "run-instances":
		return nil, &ImportError{Msg: i18n.Text("`run-instances` is the plugin syntax; write the API name in CamelCase: aliyun ecs RunInstances --Name value")}
	}
	return nil, &ImportError{Msg: i18n.T("only RunInstances can be imported, found %q", words[2])}
}

// importFlag consumes one flag (and its value) from words and returns how
// many words it used.
func importFlag(words []string, req *request.Request, o *Options) (int, error) {
	w := words[0]
	if !strings.HasPrefix(w, "--") || len(w) == 2 {
		return 0, &ImportError{Msg: i18n.T("expected a flag (--Name value), found %q", w)}
	}
	// The CLI splits a flag from an inline value at the first = or :.
	name, value, inline := w, "", false
	if i := strings.IndexAny(w, "=:"); i > 0 {
		name, value, inline = w[:i], w[i+1:], true
	}
	switch {
	case cliSwitches[name]:
		if name == "--insecure" {
			o.Insecure = true
		} else {
			o.ImportNotes = append(o.ImportNotes, i18n.T("%s (an aliyun CLI option) was dropped", name))
		}
		return 1, nil
	case cliListFlags[name]:
		return importListFlag(words, name, o), nil
	}
	used := 1
	if !inline {
		if len(words) < 2 || strings.HasPrefix(words[1], "-") {
			return 0, &ImportError{Flag: name, Msg: i18n.T("needs a value (the aliyun CLI reads a word starting with - as a flag: write %s=VALUE)", name)}
		}
		value, used = words[1], 2
	}
	if cliValueFlags[name] {
		importGlobal(name, value, o)
		return used, nil
	}
	return used, importParam(name, value, req)
}

func importListFlag(words []string, name string, o *Options) int {
	n := 1
	for n < len(words) && !strings.HasPrefix(words[n], "--") && strings.Contains(words[n], "=") {
		n++
	}
	o.ImportNotes = append(o.ImportNotes, i18n.T("%s (an aliyun CLI option) was dropped", name))
	return n
}

// importGlobal keeps the CLI flags that say where the command runs; the
// others, credentials included, are dropped and named without their value.
func importGlobal(name, value string, o *Options) {
	switch name {
	case "--profile":
		o.Profile = value
	case "--region":
		o.Region = value
	case "--endpoint":
		o.Endpoint = value
	default:
		o.ImportNotes = append(o.ImportNotes, i18n.T("%s (an aliyun CLI option) was dropped", name))
	}
}

// importParam stores one RunInstances parameter.
func importParam(flagName, value string, req *request.Request) error {
	key := strings.TrimPrefix(flagName, "--")
	if strings.HasSuffix(key, "-FILE") {
		return &ImportError{Flag: flagName, Msg: i18n.T("reads its value from a file; give the value itself (--%s …)", strings.TrimSuffix(key, "-FILE"))}
	}
	if req.Has(key) {
		return &ImportError{Flag: flagName, Msg: i18n.Text("is given twice")}
	}
	err := req.Set(key, value)
	var unknown *request.UnknownParameterError
	if errors.As(err, &unknown) {
		s := ""
		if unknown.Suggestion != "" {
			s = "--" + unknown.Suggestion
		}
		return &ImportError{Flag: flagName, Msg: i18n.Text("unknown flag: not an aliyun CLI option nor a RunInstances parameter"), Suggestion: s}
	}
	return err
}
