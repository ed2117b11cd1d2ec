package launcher

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"testing"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

// fakeECS is a scripted Client: each call takes the next answer of its
// action's script; a call with no answer left fails the test, and verify
// fails on answers never asked for.
type fakeECS struct {
	t      *testing.T
	mu     sync.Mutex
	run    []func(*ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error)
	status []func(*ecs.DescribeInstanceStatusRequest) (*ecs.DescribeInstanceStatusResponse, error)
	desc   []func(*ecs.DescribeInstancesRequest) (*ecs.DescribeInstancesResponse, error)
	// runReqs keeps every RunInstances request received, in order.
	runReqs []*ecs.RunInstancesRequest
	calls   []string
	// sticky repeats the last DescribeInstanceStatus answer for ever.
	sticky bool
}

func newFake(t *testing.T) *fakeECS { return &fakeECS{t: t} }

func (f *fakeECS) RunInstances(r *ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
	f.mu.Lock()
	f.calls = append(f.calls, "RunInstances")
	f.runReqs = append(f.runReqs, r)
	if len(f.run) == 0 {
		f.mu.Unlock()
		f.t.Errorf("unexpected RunInstances call #%d", len(f.runReqs))
		return nil, errors.New("unexpected call")
	}
	next := f.run[0]
	f.run = f.run[1:]
	f.mu.Unlock()
	return next(r)
}

func (f *fakeECS) DescribeInstanceStatus(r *ecs.DescribeInstanceStatusRequest) (*ecs.DescribeInstanceStatusResponse, error) {
	f.mu.Lock()
	f.calls = append(f.calls, "DescribeInstanceStatus")
	if len(f.status) == 0 {
		f.mu.Unlock()
		f.t.Errorf("unexpected DescribeInstanceStatus call")
		return nil, errors.New("unexpected call")
	}
	next := f.status[0]
	if len(f.status) > 1 || !f.sticky {
		f.status = f.status[1:]
	}
	f.mu.Unlock()
	return next(r)
}

func (f *fakeECS) DescribeInstances(r *ecs.DescribeInstancesRequest) (*ecs.DescribeInstancesResponse, error) {
	f.mu.Lock()
	f.calls = append(f.calls, "DescribeInstances")
	if len(f.desc) == 0 {
		f.mu.Unlock()
		f.t.Errorf("unexpected DescribeInstances call")
		return nil, errors.New("unexpected call")
	}
	next := f.desc[0]
	f.desc = f.desc[1:]
	f.mu.Unlock()
	return next(r)
}

// verify fails the test if scripted answers were never asked for.
func (f *fakeECS) verify() {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if n := len(f.run) + len(f.desc); n > 0 || (len(f.status) > 0 && !f.sticky) {
		f.t.Errorf("missing calls: %d RunInstances, %d DescribeInstanceStatus, %d DescribeInstances answers unused (calls: %v)",
			len(f.run), len(f.status), len(f.desc), f.calls)
	}
}

// serverError builds the SDK's error for an ECS error body.
func serverError(status int, code, msg string) error {
	body := fmt.Sprintf(`{"RequestId":"REQ-%s","HostId":"ecs.cn-hangzhou.aliyuncs.com","Code":%q,"Message":%q}`, code, code, msg)
	return sdkerrors.NewServerError(status, body, "")
}

// transportError is what the SDK returns when the connection drops: a
// *url.Error quoting the signed URL.
func transportError() error {
	return &url.Error{Op: "Post", URL: "http://127.0.0.1:1/?AccessKeyId=LTAIsecretid&Action=RunInstances&Password=Hunter2%21x&Signature=abc%3D&SignatureNonce=1",
		Err: errors.New("EOF")}
}

func runOK(ids ...string) func(*ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
	return func(*ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
		resp := ecs.CreateRunInstancesResponse()
		resp.RequestId = "REQ-RUN"
		resp.InstanceIdSets.InstanceIdSet = ids
		return resp, nil
	}
}

func runErr(err error) func(*ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
	return func(*ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) { return nil, err }
}

// statusOf answers DescribeInstanceStatus with the given id→status pairs.
func statusOf(pairs ...string) func(*ecs.DescribeInstanceStatusRequest) (*ecs.DescribeInstanceStatusResponse, error) {
	return func(*ecs.DescribeInstanceStatusRequest) (*ecs.DescribeInstanceStatusResponse, error) {
		resp := ecs.CreateDescribeInstanceStatusResponse()
		for i := 0; i+1 < len(pairs); i += 2 {
			resp.InstanceStatuses.InstanceStatus = append(resp.InstanceStatuses.InstanceStatus,
				ecs.InstanceStatus{InstanceId: pairs[i], Status: pairs[i+1]})
		}
		resp.TotalCount = len(resp.InstanceStatuses.InstanceStatus)
		return resp, nil
	}
}

func describeOf(ins ...ecs.Instance) func(*ecs.DescribeInstancesRequest) (*ecs.DescribeInstancesResponse, error) {
	return func(*ecs.DescribeInstancesRequest) (*ecs.DescribeInstancesResponse, error) {
		resp := ecs.CreateDescribeInstancesResponse()
		resp.Instances.Instance = ins
		resp.TotalCount = len(ins)
		return resp, nil
	}
}

// readTimeoutError is what the SDK returns when its read timeout expires:
// a *url.Error quoting the signed URL that also matches
// context.DeadlineExceeded.
func readTimeoutError() error {
	return &url.Error{Op: "Post", URL: "http://127.0.0.1:1/?AccessKeyId=LTAIsecretid&Action=RunInstances&Password=Hunter2%21x&Signature=abc%3D&SignatureNonce=1",
		Err: context.DeadlineExceeded}
}
