package launcher

import (
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// TargetKind says what kind of endpoint a launch was sent to.
type TargetKind string

// The kinds of target.
const (
	// TargetSandbox is the in-process sandbox of --sandbox: its endpoint is
	// a random loopback port of that run, so only the kind is compared.
	TargetSandbox TargetKind = "sandbox"
	// TargetEndpoint is an explicit --endpoint HOST:PORT (a sandbox served
	// by `ecslaunch sandbox serve`, a test or private endpoint).
	TargetEndpoint TargetKind = "endpoint"
	// TargetLive is Alibaba Cloud's own regional endpoint.
	TargetLive TargetKind = "live"
)

// Target is where a launch was sent: enough to send a resumed launch to
// the same place, and never a secret. Identity is a masked label
// (cloud.Session.Identity); Account is a hash of the credential identity
// (cloud.Session.AccountKey) that tells two credentials apart.
type Target struct {
	Kind     TargetKind `json:"kind"`
	Endpoint string     `json:"endpoint,omitempty"`
	Region   string     `json:"region,omitempty"`
	Identity string     `json:"identity,omitempty"`
	Account  string     `json:"account,omitempty"`
}

// String names the target for a person ("the live API in cn-hangzhou as
// AccessKeyId LTAI…x9Qz").
func (t Target) String() string {
	region := orUnknown(t.Region)
	switch {
	case t.Kind == TargetSandbox:
		return i18n.T("the in-process sandbox (--sandbox) in %s", region)
	case t.Kind == TargetEndpoint && t.Identity != "":
		return i18n.T("endpoint %s in %s as %s", t.Endpoint, region, t.Identity)
	case t.Kind == TargetEndpoint:
		return i18n.T("endpoint %s in %s", t.Endpoint, region)
	case t.Identity != "":
		return i18n.T("the live API in %s as %s", region, t.Identity)
	}
	return i18n.T("the live API in %s", region)
}

// Flags are the command-line flags that select this target again.
func (t Target) Flags() string {
	var f []string
	switch t.Kind {
	case TargetSandbox:
		f = append(f, "--sandbox")
	case TargetEndpoint:
		f = append(f, "--endpoint "+t.Endpoint)
	}
	if t.Region != "" {
		f = append(f, "--region "+t.Region)
	}
	return strings.Join(f, " ")
}

func orUnknown(s string) string {
	if s == "" {
		return i18n.Text("an unrecorded region")
	}
	return s
}

func orUnrecorded(identity string) string {
	if identity == "" {
		return i18n.Text("an unrecorded credential")
	}
	return identity
}

// Differs explains why cur is not the target t was recorded as, or ""
// when a launch recorded at t may be re-sent to cur. The endpoint of the
// in-process sandbox is a new port every run, so only its kind counts;
// everywhere else the endpoint, region and credential must be the same.
func (t Target) Differs(cur Target) string {
	if t.Kind != cur.Kind {
		return i18n.T("it was sent to %s, and now the target is %s", t.String(), cur.String())
	}
	if t.Kind == TargetEndpoint && !strings.EqualFold(t.Endpoint, cur.Endpoint) {
		return i18n.T("it was sent to endpoint %s, not %s", t.Endpoint, cur.Endpoint)
	}
	if t.Region != cur.Region {
		return i18n.T("it was sent to region %s, not %s", orUnknown(t.Region), orUnknown(cur.Region))
	}
	if t.Kind != TargetSandbox && t.Account != "" && t.Account != cur.Account {
		return i18n.T("it was sent as %s, and the credential now is %s", orUnrecorded(t.Identity), orUnrecorded(cur.Identity))
	}
	return ""
}

// TargetMismatchError refuses to resume a launch somewhere else than
// where it was first sent: its ClientToken is only known there, so another
// endpoint or account would create the instances a second time.
type TargetMismatchError struct {
	Token    string
	Recorded Target
	Reason   string
}

// Error says where the launch went and how to resume it there.
func (e *TargetMismatchError) Error() string {
	return i18n.T("refusing to resume launch %s: %s. Its ClientToken is known only there, so resuming elsewhere "+
		"would create the instances twice; resume it where it went: ecslaunch launch --resume %s",
		e.Token, e.Reason, e.Recorded.Flags())
}
