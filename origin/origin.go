// Package origin starts a request from what already exists: an instance
// ("launch more like this", read with DescribeInstances, DescribeDisks and
// DescribeUserData), a launch template version (DescribeLaunchTemplates,
// DescribeLaunchTemplateVersions), or a launch history entry. Each gives a
// launch file, in the normal format, and the notes on what could not be
// carried over — a password is never retrievable, for one — or is carried
// with a caveat.
//
// To pick the source from, Templates, Instances and Versions list a
// region's launch templates, its instances and a template's versions,
// every page up to ListMax items.
package origin

import (
	"context"
	"errors"
	"strings"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// ECS is the part of the ECS API origin reads; *ecs.Client satisfies it.
type ECS interface {
	DescribeRegions(*ecs.DescribeRegionsRequest) (*ecs.DescribeRegionsResponse, error)
	DescribeInstances(*ecs.DescribeInstancesRequest) (*ecs.DescribeInstancesResponse, error)
	DescribeDisks(*ecs.DescribeDisksRequest) (*ecs.DescribeDisksResponse, error)
	DescribeUserData(*ecs.DescribeUserDataRequest) (*ecs.DescribeUserDataResponse, error)
	DescribeLaunchTemplates(*ecs.DescribeLaunchTemplatesRequest) (*ecs.DescribeLaunchTemplatesResponse, error)
	DescribeLaunchTemplateVersions(*ecs.DescribeLaunchTemplateVersionsRequest) (*ecs.DescribeLaunchTemplateVersionsResponse, error)
}

// Note is something the request could not carry over from its source, or
// carries with a caveat, for the user to read before launching.
type Note struct {
	// Parameter is the API parameter it concerns ("Password",
	// "DataDisk.2.SnapshotId"), "" when it concerns the whole request.
	Parameter string
	Text      string
}

// String is the note as one line: "Parameter: text".
func (n Note) String() string {
	if n.Parameter == "" {
		return n.Text
	}
	return i18n.T("%s: %s", n.Parameter, n.Text)
}

// Strings renders notes as lines.
func Strings(notes []Note) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n.String()
	}
	return out
}

// Source says what a request was started from.
type Source struct {
	// Kind is "instance", "launch-template" or "history".
	Kind   string
	Region string
	// ID is the instance or launch template ID, or the history entry's
	// ClientToken.
	ID string
	// Name is the instance's or the template's name.
	Name string
	// Version is the launch template version read.
	Version int64
}

// Result is a launch file started from something that exists, with the
// notes on what it could not carry.
type Result struct {
	File   *request.File
	Notes  []Note
	Source Source
}

// Reader reads instances and templates through an ECS client. Like the SDK
// client under it, it serves one call at a time.
type Reader struct {
	ecs    ECS
	scheme string
}

// New returns a Reader; scheme is "https" (the default when empty) or
// "http" for the sandbox.
func New(e ECS, scheme string) *Reader {
	if scheme == "" {
		scheme = "https"
	}
	return &Reader{ecs: e, scheme: strings.ToLower(scheme)}
}

func (r *Reader) stamp(req requests.AcsRequest) { req.SetScheme(r.scheme) }

// NotFoundError is an ID the region does not have: what it is, the region,
// and where it is instead (another region), or how to list what there is.
type NotFoundError struct {
	// Kind is "instance", "launch template" or "launch template version".
	Kind, ID, Region string
	// FoundIn is the region that has it, when one does.
	FoundIn string
	// Hint is what to run: the command with the right region, or the call
	// that lists what the region has.
	Hint string
}

// Error names the ID and the region and says where it is or what to run.
func (e *NotFoundError) Error() string {
	var msg string
	switch e.Kind {
	case "instance":
		msg = i18n.T("instance %s does not exist in %s", e.ID, e.Region)
	case "launch template":
		msg = i18n.T("launch template %s does not exist in %s", e.ID, e.Region)
	case "launch template version":
		msg = i18n.T("launch template version %s does not exist in %s", e.ID, e.Region)
	default:
		msg = i18n.T("%s %s does not exist in %s", e.Kind, e.ID, e.Region)
	}
	if e.FoundIn != "" {
		msg = i18n.T("%s; it is in %s", msg, e.FoundIn)
	}
	if e.Hint != "" {
		msg = i18n.T("%s: %s", msg, e.Hint)
	}
	return msg
}

// CallError is a failed Describe call, its text redacted.
type CallError struct {
	Action, Region string
	Err            error
}

// Error names the call and the region.
func (e *CallError) Error() string {
	return i18n.T("%s in %s: %s", e.Action, e.Region, cloud.Describe(e.Err))
}

// Unwrap returns the SDK error.
func (e *CallError) Unwrap() error { return e.Err }

// regions lists the region IDs, for finding an ID that is not in the one
// asked.
func (r *Reader) regions(ctx context.Context) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	req := ecs.CreateDescribeRegionsRequest()
	r.stamp(req)
	resp, err := r.ecs.DescribeRegions(req)
	if err != nil {
		return nil, &CallError{Action: "DescribeRegions", Err: err}
	}
	out := make([]string, 0, len(resp.Regions.Region))
	for _, reg := range resp.Regions.Region {
		out = append(out, reg.RegionId)
	}
	return out, nil
}

// findElsewhere asks every other region whether it has the ID; "" when
// none does. A region that cannot be asked is skipped: the ID is not
// where it was asked for either way.
func (r *Reader) findElsewhere(ctx context.Context, region string, has func(region string) (bool, error)) string {
	all, err := r.regions(ctx)
	if err != nil {
		return ""
	}
	for _, other := range all {
		if other == region || ctx.Err() != nil {
			continue
		}
		if ok, err := has(other); err == nil && ok {
			return other
		}
	}
	return ""
}

// notFound reports whether err is ECS's answer that the ID does not exist.
func notFound(err error) bool {
	var se *sdkerrors.ServerError
	return errors.As(err, &se) && strings.HasSuffix(se.ErrorCode(), ".NotFound")
}

// checkID refuses an ID that is not of its kind ("i-…" for an instance,
// "lt-…" for a launch template) before any call.
func checkID(prefix, id string) error {
	if !strings.HasPrefix(id, prefix) || len(id) <= len(prefix) || strings.ContainsAny(id, " \t\n\"'[],") {
		if prefix == "lt-" {
			return i18n.Errorf("%q is not a launch template ID: they look like lt-…", id)
		}
		return i18n.Errorf("%q is not an instance ID: they look like i-…", id)
	}
	return nil
}

// newFile wraps a request in a launch file.
func newFile(req *request.Request, description string) *request.File {
	return &request.File{Version: request.FileVersion, Description: description, Request: req}
}

// notes collects Notes in order.
type notes []Note

// add notes text (in the current language) about param.
func (n *notes) add(param, text string) {
	*n = append(*n, Note{Parameter: param, Text: text})
}
