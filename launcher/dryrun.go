package launcher

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// DryRunPassed is the code ECS answers a DryRun that would succeed with,
// as an HTTP 400 error (docs/api-shapes.md §1).
const DryRunPassed = "DryRunOperation"

// DryRunResult is the verdict of a DryRun.
type DryRunResult struct {
	// Passed: ECS answered DryRunOperation, the request would succeed.
	Passed bool
	// Code, Message, RequestID and HTTPStatus are ECS's answer.
	Code       string
	Message    string
	RequestID  string
	HTTPStatus int
	// Explanation says in plain English what went wrong.
	Explanation string
	// Parameter is the flat name the failure concerns ("SystemDisk.Size"),
	// or "" when it concerns no single parameter.
	Parameter string
	// Transport: no answer came back (network, endpoint, timeout); nothing
	// is known about the request itself.
	Transport bool
}

// String is the one-line verdict for the command.
func (r DryRunResult) String() string {
	if r.Passed {
		return i18n.T("DryRun passed: the request would succeed (RequestId %s)", r.RequestID)
	}
	if r.Transport {
		return i18n.T("DryRun failed: %s", r.Explanation)
	}
	code := r.Code
	if r.HTTPStatus != 0 {
		code = fmt.Sprintf("%s (HTTP %d)", r.Code, r.HTTPStatus)
	}
	var s string
	if r.Parameter != "" {
		s = i18n.T("DryRun failed: %s on %s: %s", code, r.Parameter, r.Explanation)
	} else {
		s = i18n.T("DryRun failed: %s: %s", code, r.Explanation)
	}
	if r.Message != "" && r.Message != r.Explanation {
		s += i18n.T(" — ECS said: %s", r.Message)
	}
	if r.RequestID != "" {
		s += " (RequestId " + r.RequestID + ")"
	}
	return s
}

// DryRun asks ECS whether req would succeed, without creating anything: a
// fresh SDK request with DryRun=true (docs/sdk-notes.md §2: requests are never
// reused). Environment references are resolved from the environment. The
// request goes over HTTPS unless c is wrapped by WithScheme.
func DryRun(ctx context.Context, c Client, req *request.Request) DryRunResult {
	sreq, res, ok := dryRunRequest(req)
	if !ok {
		return res
	}
	_, err := call(ctx, func() (*ecs.RunInstancesResponse, error) { return c.RunInstances(sreq) })
	return dryRunVerdict(req, err)
}

// dryRunRequest builds the SDK request, or the failed result saying why
// it cannot be built.
func dryRunRequest(req *request.Request) (*ecs.RunInstancesRequest, DryRunResult, bool) {
	cloud.RegisterSecret(req.Sensitive(lookupNonEmpty)...)
	resolved, err := req.Resolve(lookupNonEmpty)
	if err != nil {
		var miss *request.MissingReferenceError
		res := DryRunResult{Explanation: err.Error()}
		if errors.As(err, &miss) {
			res.Parameter = referringParam(req, miss.Names[0])
		}
		return nil, res, false
	}
	sreq, err := resolved.SDK()
	if err != nil {
		return nil, DryRunResult{Explanation: err.Error()}, false
	}
	sreq.DryRun = requests.NewBoolean(true)
	setScheme(sreq, DefaultScheme)
	return sreq, DryRunResult{}, true
}

// referringParam is the first parameter that refers to ${name}.
func referringParam(req *request.Request, name string) string {
	for _, p := range req.Params() {
		if strings.Contains(p.Value, "${"+name+"}") {
			return p.Name
		}
	}
	return ""
}

// dryRunVerdict reads the DryRun's answer: DryRunOperation is a pass,
// anything else a failure explained from the API documentation.
func dryRunVerdict(req *request.Request, err error) DryRunResult {
	if err == nil {
		// ECS never answers a DryRun with success; a 200 would mean the
		// request was not a DryRun at all (docs/api-shapes.md §1).
		return DryRunResult{Explanation: i18n.Text("ECS answered the DryRun with success instead of DryRunOperation; the endpoint did not honour DryRun")}
	}
	switch e := cleanError(err).(type) {
	case *APIError:
		if e.Code == DryRunPassed {
			return DryRunResult{Passed: true, Code: e.Code, Message: e.Message, RequestID: e.RequestID, HTTPStatus: e.HTTPStatus}
		}
		res := DryRunResult{Code: e.Code, Message: e.Message, RequestID: e.RequestID, HTTPStatus: e.HTTPStatus}
		res.Explanation, res.Parameter = explain(req, e.Code, e.Message)
		return res
	case *TransportError:
		return DryRunResult{Transport: true, Explanation: e.Error()}
	default:
		return DryRunResult{Transport: true, Explanation: i18n.T("DryRun interrupted: %v", e)}
	}
}
