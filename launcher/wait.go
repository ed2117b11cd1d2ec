package launcher

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/retry"
)

// Page limits of the Describe calls (docs/api-shapes.md §14, §15).
const (
	statusBatch   = 50  // DescribeInstanceStatus: InstanceId.N ≤ 100, PageSize ≤ 50
	describeBatch = 100 // DescribeInstances: InstanceIds ≤ 100, MaxResults ≤ 100
)

// wait polls until every instance is Running, then reads their addresses;
// it gives up after o.Timeout with ErrWaitTimeout.
func (l *launch) wait(ctx context.Context) error {
	wctx, cancel := context.WithTimeout(ctx, l.o.Timeout)
	defer cancel()
	interval := l.o.PollInterval
	maxInterval := max(l.o.PollInterval, min(maxPollInterval, 8*l.o.PollInterval))
	for {
		ready, err := l.poll(wctx)
		if err == nil && ready {
			return nil
		}
		if err != nil && classify(err) != errCancelled {
			return err
		}
		if err := retry.Sleep(wctx, interval); err != nil || wctx.Err() != nil {
			return waitEnd(ctx, wctx)
		}
		interval = min(interval*3/2, maxInterval)
	}
}

// waitEnd tells a timeout from the caller giving up. A deadline on the
// caller's context (the command's whole --timeout) is a timeout too: the
// instances exist and the launch is recorded as timed out, not abandoned.
func waitEnd(ctx, wctx context.Context) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return ctx.Err()
	}
	if errors.Is(wctx.Err(), context.DeadlineExceeded) {
		return ErrWaitTimeout
	}
	return wctx.Err()
}

// poll reads the statuses once and, when all are Running, the details.
// Lost answers and throttling are not errors here: the next poll retries.
func (l *launch) poll(ctx context.Context) (bool, error) {
	statuses, err := l.statuses(ctx)
	if err != nil {
		return false, l.pollError(err)
	}
	for i := range l.out.Instances {
		in := &l.out.Instances[i]
		in.Status = StatusPending // not found yet: newly created IDs may lag (docs/sdk-notes.md §8)
		if s, ok := statuses[in.ID]; ok {
			in.Status = s
		}
	}
	running := l.out.Running()
	if running == len(l.out.Instances) {
		if err := l.details(ctx); err != nil {
			return false, l.pollError(err)
		}
		running = l.out.Running()
	}
	l.emit(ctx, Event{Kind: InstanceStatus, Instances: append([]Instance(nil), l.out.Instances...),
		Running: running, Total: len(l.out.Instances)})
	return running == len(l.out.Instances), nil
}

// pollError keeps polling through transient errors and "not found"
// answers, and stops on any other definitive error.
func (l *launch) pollError(err error) error {
	kind := classify(err)
	var api *APIError
	if kind == errAPI && errors.As(cleanError(err), &api) && !strings.Contains(api.Code, "NotFound") {
		return i18n.Errorf("waiting for the instances: %w", cleanError(err))
	}
	if kind == errCancelled {
		return err
	}
	return nil
}

// statuses asks DescribeInstanceStatus for every instance, in batches.
func (l *launch) statuses(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	ids := l.out.IDs()
	for start := 0; start < len(ids); start += statusBatch {
		batch := ids[start:min(start+statusBatch, len(ids))]
		req := ecs.CreateDescribeInstanceStatusRequest()
		req.RegionId = l.region
		req.InstanceId = &batch
		req.PageSize = requests.NewInteger(statusBatch)
		setScheme(req, l.o.Scheme)
		resp, err := call(ctx, func() (*ecs.DescribeInstanceStatusResponse, error) { return l.c.DescribeInstanceStatus(req) })
		if err != nil {
			return nil, err
		}
		for _, s := range resp.InstanceStatuses.InstanceStatus {
			out[s.InstanceId] = s.Status
		}
	}
	return out, nil
}

// details reads status and addresses from DescribeInstances.
func (l *launch) details(ctx context.Context) error {
	found, err := describeInstances(ctx, l.c, l.region, l.o.Scheme, l.out.IDs())
	if err != nil {
		return err
	}
	for i := range l.out.Instances {
		if d, ok := found[l.out.Instances[i].ID]; ok {
			l.out.Instances[i] = d
		} else {
			l.out.Instances[i].Status = StatusPending // not listed yet: keep polling
		}
	}
	return nil
}

// describeInstances reads the given instances, following NextToken pages.
func describeInstances(ctx context.Context, c Client, region, scheme string, ids []string) (map[string]Instance, error) {
	out := map[string]Instance{}
	for start := 0; start < len(ids); start += describeBatch {
		list, _ := json.Marshal(ids[start:min(start+describeBatch, len(ids))])
		next := ""
		for {
			req := ecs.CreateDescribeInstancesRequest()
			req.RegionId, req.InstanceIds, req.NextToken = region, string(list), next
			req.MaxResults = requests.NewInteger(describeBatch)
			setScheme(req, scheme)
			resp, err := call(ctx, func() (*ecs.DescribeInstancesResponse, error) { return c.DescribeInstances(req) })
			if err != nil {
				return nil, err
			}
			for _, in := range resp.Instances.Instance {
				out[in.InstanceId] = instanceOf(in)
			}
			if next = resp.NextToken; next == "" {
				break
			}
		}
	}
	return out, nil
}

// instanceOf takes what the report needs from a DescribeInstances item.
func instanceOf(in ecs.Instance) Instance {
	r := Instance{ID: in.InstanceId, Status: in.Status, OSType: in.OSType}
	r.PrivateIP = first(in.VpcAttributes.PrivateIpAddress.IpAddress)
	if r.PrivateIP == "" {
		r.PrivateIP = first(in.InnerIpAddress.IpAddress)
	}
	r.PublicIP = first(in.PublicIpAddress.IpAddress)
	if r.PublicIP == "" {
		r.PublicIP = in.EipAddress.IpAddress
	}
	r.SSH = sshCommand(in, r)
	return r
}

// sshCommand is the command to log in, or "" where ssh does not apply
// (Windows, not running, no address). It prefers the public address; the
// user is ecs-user when the image logs in as non-root.
func sshCommand(in ecs.Instance, r Instance) string {
	ip := r.PublicIP
	if ip == "" {
		ip = r.PrivateIP
	}
	if ip == "" || r.Status != StatusRunning || strings.EqualFold(in.OSType, "windows") {
		return ""
	}
	user := "root"
	if in.ImageOptions.LoginAsNonRoot {
		user = "ecs-user"
	}
	if in.KeyPairName != "" {
		return fmt.Sprintf("ssh -i ~/.ssh/%s.pem %s@%s", in.KeyPairName, user, ip)
	}
	return fmt.Sprintf("ssh %s@%s", user, ip)
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
