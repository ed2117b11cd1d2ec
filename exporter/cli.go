package exporter

import (
	"crypto/rand"
	"fmt"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// exportCLI writes `aliyun ecs RunInstances` in the CLI's own syntax
// (docs/sdk-notes.md §7): CamelCase API name, --Name.N for list items, one flag
// per line, every value shell-quoted.
func exportCLI(req *request.Request, o Options) (Result, error) {
	n := newNotes()
	r, err := withClientToken(req, o, n)
	if err != nil {
		return Result{}, err
	}
	r, replaced := r.WithSecretReferences()
	secretNotes(n, replaced, secretInCommand)
	noteCLIMeta(r, n)
	args := globalFlags(o)
	for _, p := range r.Params() {
		args = append(args, flag(p.Name, p.Value))
	}
	text := command("aliyun ecs RunInstances", args)
	if o.Script {
		text = "#!/bin/sh\n" + text
	}
	return Result{Text: text, Notes: n.list()}, nil
}

// withClientToken decides the ClientToken: written only when the export is
// idempotent (then from Options, the request, or freshly generated), else
// left out and said so.
func withClientToken(req *request.Request, o Options, n *notes) (*request.Request, error) {
	r := req.Clone()
	if !o.Idempotent {
		if r.Has("ClientToken") {
			r.Delete("ClientToken")
			n.add("ClientToken", i18n.Text("left out because the export is not idempotent (use --idempotent to keep it)"))
		}
		return r, nil
	}
	token := o.ClientToken
	if token == "" {
		token = r.Get("ClientToken")
	}
	if token == "" {
		token = newToken()
	}
	return r, r.Set("ClientToken", token)
}

// newToken returns a random UUID (version 4): ClientToken accepts up to
// 64 ASCII characters and a UUID is what the CLI's users expect.
func newToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// globalFlags renders the CLI's own flags chosen in Options.
func globalFlags(o Options) []string {
	var args []string
	if o.Profile != "" {
		args = append(args, flag("profile", o.Profile))
	}
	if o.Region != "" {
		args = append(args, flag("region", o.Region))
	}
	if o.Endpoint != "" {
		args = append(args, flag("endpoint", o.Endpoint))
	}
	// --insecure means plain HTTP to --endpoint; without one it would send a
	// real request unencrypted, so it is never written alone.
	if o.Insecure && o.Endpoint != "" {
		args = append(args, "--insecure")
	}
	return args
}

// flag renders one API parameter as the CLI takes it: --Name value, or
// --Name=value for a value starting with "-", which the CLI's parser would
// otherwise read as a flag (aliyun-cli cli/parser.go parseCommandArg).
func flag(name, value string) string {
	if strings.HasPrefix(value, "-") {
		return "--" + name + "=" + shellQuote(value)
	}
	return "--" + name + " " + shellQuote(value)
}

// command joins a command and its flags, one flag per line.
func command(head string, args []string) string {
	var b strings.Builder
	b.WriteString(head)
	for _, a := range args {
		b.WriteString(" \\\n  ")
		b.WriteString(a)
	}
	b.WriteString("\n")
	return b.String()
}

// shellQuote quotes a value for a POSIX shell so that it arrives unchanged:
// literal text in single quotes (where nothing is special), environment
// references as "${NAME}" so that the shell expands them — the secret
// itself is never written.
func shellQuote(v string) string {
	if v == "" {
		return "''"
	}
	var b strings.Builder
	for _, seg := range splitRefs(v) {
		switch {
		case seg.ref:
			b.WriteString(`"${` + seg.text + `}"`)
		case isBare(seg.text):
			b.WriteString(seg.text)
		default:
			b.WriteString("'" + strings.ReplaceAll(seg.text, "'", `'\''`) + "'")
		}
	}
	return b.String()
}

// isBare reports whether s needs no quoting at all: only characters no
// shell treats specially, and not a word the shell could take as an
// assignment or option.
func isBare(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.ContainsRune("_-.,:/@%+", c):
		default:
			return false
		}
	}
	return true
}
