// Package exporter turns one RunInstances request into the forms people
// launch from — an aliyun CLI command, the launch file, flat JSON, Terraform,
// a ROS template, a CreateLaunchTemplate command — and reads an aliyun CLI
// command back. Every export is built from the request model alone, writes
// secrets only as references, and names in Result.Notes every parameter the
// target cannot express, so nothing is dropped silently.
package exporter

import (
	"errors"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// Format names an export target.
type Format string

// The export targets, in the order the review screen offers them.
const (
	CLI            Format = "cli"
	YAML           Format = "yaml"
	JSON           Format = "json"
	Terraform      Format = "terraform"
	ROS            Format = "ros"
	LaunchTemplate Format = "launch-template"
)

// Formats lists every export target.
func Formats() []Format {
	out := make([]Format, len(formatTable))
	for i, fi := range formatTable {
		out[i] = fi.Format
	}
	return out
}

// Options tune an export. The zero value exports the request as it is.
type Options struct {
	// Profile and Region are the aliyun CLI's --profile and --region, written
	// into CLI commands (and the Terraform provider) when set.
	Profile, Region string
	// Endpoint and Insecure are the aliyun CLI's --endpoint host[:port] and
	// --insecure (plain http), used to point a command at the sandbox.
	Endpoint string
	Insecure bool
	// Idempotent adds --ClientToken, so that a retried command never launches
	// twice (docs/sdk-notes.md §5).
	Idempotent bool
	// ClientToken is the token written with Idempotent; when empty the
	// request's own ClientToken is used, else a fresh one is generated.
	ClientToken string
	// Description is the launch file's description (yaml), the template's
	// Description (ros) and the VersionDescription (launch-template).
	Description string
	// Ask is the launch file's list of parameters the wizard asks for (yaml).
	Ask []string
	// LaunchTemplateName names the template (launch-template); derived from
	// InstanceName when empty.
	LaunchTemplateName string
	// ImportNotes is filled by ImportCLI: the command's global flags it
	// dropped (credentials, output formatting, …), by name only.
	ImportNotes []string
	// Created are the resources that were created for the request (a VPC,
	// a vSwitch, a security group, a key pair it refers to). The cli export
	// becomes a script that creates them first and the terraform export
	// declares them; the other formats refer to them by ID and say so.
	Created []Resource
	// Script makes the cli export a shell script (#!/bin/sh first), for
	// writing to a file.
	Script bool
}

// Result is an export: the text to write and what the target could not
// express, which the caller says on stderr.
type Result struct {
	Text  string
	Notes []string
}

// UnknownFormatError reports a format name Export does not have.
type UnknownFormatError struct{ Name string }

// Error names the format and lists the valid ones.
func (e *UnknownFormatError) Error() string {
	names := make([]string, 0, len(Formats()))
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return i18n.T("unknown export format %q (one of: %s)", e.Name, strings.Join(names, ", "))
}

// Export writes req in format f. Its notes also name the parameters that
// hold IDs only the built-in sandbox has, unless o points at an endpoint.
func Export(req *request.Request, f Format, o Options) (Result, error) {
	if req == nil {
		return Result{}, errors.New(i18n.Text("export: no request"))
	}
	fi, ok := Info(f)
	if !ok {
		return Result{}, &UnknownFormatError{Name: string(f)}
	}
	var res Result
	var err error
	switch {
	case len(o.Created) == 0, f == Terraform: // terraform declares what was created itself
		res, err = fi.write(req, o)
	case f == CLI:
		res, err = exportScript(req, o) // a script that creates it first
	default:
		res, err = withCreatedNotes(fi.write(req, o))(o, f)
	}
	if err == nil {
		res.Notes = append(res.Notes, sandboxNote(req, o)...)
	}
	return res, err
}

// notes collects, per reason, the parameters a target could not express
// (or writes with a caveat), so that each reason is said once with every
// parameter it concerns.
type notes struct {
	order   []string
	byWhy   map[string][]string
	general []string
}

func newNotes() *notes { return &notes{byWhy: map[string][]string{}} }

// add records a note about key: why it is not expressed, or its caveat
// (in the current language).
func (n *notes) add(key, why string) {
	if _, ok := n.byWhy[why]; !ok {
		n.order = append(n.order, why)
	}
	n.byWhy[why] = append(n.byWhy[why], key)
}

// say adds a note that concerns no single parameter (in the current
// language).
func (n *notes) say(note string) {
	n.general = append(n.general, note)
}

// list renders the notes: one line per reason, naming its parameters.
func (n *notes) list() []string {
	out := append([]string{}, n.general...)
	for _, why := range n.order {
		keys := n.byWhy[why]
		out = append(out, i18n.T("%s: %s", strings.Join(keys, ", "), why))
	}
	return out
}

// secretIn says where an export writes a secret's reference instead of
// its value, for secretNotes.
type secretIn int

const (
	secretInCommand secretIn = iota // the cli command and script
	secretInFile                    // the launch file
	secretInJSON                    // the flat JSON
)

// secretNotes says which literal secrets were replaced by references.
func secretNotes(n *notes, replaced []string, in secretIn) {
	for _, k := range replaced {
		switch in {
		case secretInCommand:
			n.say(i18n.T("%s: the literal value is not written; the command reads it from the environment variable it refers to", k))
		case secretInFile:
			n.say(i18n.T("%s: the literal value is not written; the file refers to the environment variable instead", k))
		default:
			n.say(i18n.T("%s: the literal value is not written; written as the environment reference instead", k))
		}
	}
}

// referenceNames lists the ${NAME} references in a value, in order.
func referenceNames(v string) []string {
	var out []string
	for _, seg := range splitRefs(v) {
		if seg.ref {
			out = append(out, seg.text)
		}
	}
	return out
}

// segment is a piece of a value: literal text, or the name of an
// environment reference (${NAME}).
type segment struct {
	text string
	ref  bool
}

// splitRefs cuts a value into literal text and ${NAME} references, the
// same references request.IsReference recognises.
func splitRefs(v string) []segment {
	var out []segment
	for v != "" {
		i := strings.Index(v, "${")
		if i < 0 {
			return append(out, segment{text: v})
		}
		end := strings.IndexByte(v[i:], '}')
		name := ""
		if end > 0 {
			name = v[i+2 : i+end]
		}
		if end < 0 || !isEnvName(name) {
			out = appendLiteral(out, v[:i+2])
			v = v[i+2:]
			continue
		}
		out = appendLiteral(out, v[:i])
		out = append(out, segment{text: name, ref: true})
		v = v[i+end+1:]
	}
	return out
}

func appendLiteral(out []segment, s string) []segment {
	if s == "" {
		return out
	}
	if n := len(out); n > 0 && !out[n-1].ref {
		out[n-1].text += s
		return out
	}
	return append(out, segment{text: s})
}

// isEnvName matches the names request's reference pattern accepts.
func isEnvName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		switch {
		case c == '_', c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
