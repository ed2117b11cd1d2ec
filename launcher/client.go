// Package launcher sends a composed RunInstances request: it DryRuns it,
// launches it without ever creating an instance twice (one ClientToken per
// composed request, written to the launch history before the first call and
// reused on every retry), waits for the instances to run and reports them.
package launcher

import (
	"context"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

// Client is the part of the ECS API the launcher calls; *ecs.Client
// satisfies it. The SDK's client writes shared timeout state on every call
// (docs/sdk-notes.md §5), so one Client must not serve two launches at once.
type Client interface {
	RunInstances(*ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error)
	DescribeInstanceStatus(*ecs.DescribeInstanceStatusRequest) (*ecs.DescribeInstanceStatusResponse, error)
	DescribeInstances(*ecs.DescribeInstancesRequest) (*ecs.DescribeInstancesResponse, error)
}

// DefaultScheme is used for every call unless told otherwise: the SDK's own
// default is plain HTTP (docs/sdk-notes.md §1).
const DefaultScheme = "https"

// WithScheme returns a Client that sends every request with scheme, e.g.
// "http" for the local sandbox; real calls keep the HTTPS default.
func WithScheme(c Client, scheme string) Client { return schemeClient{c: c, scheme: scheme} }

// schemeClient stamps its scheme on each request before forwarding it.
type schemeClient struct {
	c      Client
	scheme string
}

func (s schemeClient) RunInstances(r *ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
	r.Scheme = s.scheme
	return s.c.RunInstances(r)
}

func (s schemeClient) DescribeInstanceStatus(r *ecs.DescribeInstanceStatusRequest) (*ecs.DescribeInstanceStatusResponse, error) {
	r.Scheme = s.scheme
	return s.c.DescribeInstanceStatus(r)
}

func (s schemeClient) DescribeInstances(r *ecs.DescribeInstancesRequest) (*ecs.DescribeInstancesResponse, error) {
	r.Scheme = s.scheme
	return s.c.DescribeInstances(r)
}

// setScheme applies the scheme to a fresh SDK request, HTTPS when empty.
func setScheme(r requests.AcsRequest, scheme string) {
	if scheme == "" {
		scheme = DefaultScheme
	}
	r.SetScheme(strings.ToLower(scheme))
}

// callResult carries an SDK call's answer out of its goroutine.
type callResult[T any] struct {
	resp T
	err  error
}

// call runs an SDK call, which takes no context, in a goroutine and returns
// when it answers or ctx ends. An abandoned call still finishes in the
// background; for RunInstances that is why the token is in the history.
func call[T any](ctx context.Context, fn func() (T, error)) (T, error) {
	if err := ctx.Err(); err != nil {
		var zero T
		return zero, err
	}
	ch := make(chan callResult[T], 1)
	go func() {
		resp, err := fn()
		ch <- callResult[T]{resp, err}
	}()
	select {
	case r := <-ch:
		return r.resp, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
