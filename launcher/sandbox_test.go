package launcher

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

const sandboxRegion = "cn-hangzhou"

// startSandbox runs a sandbox on loopback for one test.
// Seed 1 makes the fault draws of a sequential test reproducible.
func startSandbox(t *testing.T, f sandbox.Faults) *sandbox.Server {
	t.Helper()
	s, err := sandbox.Start(sandbox.Options{BootTime: 30 * time.Millisecond, Faults: f, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sdkClient is a real SDK client pointed at the sandbox. The SDK client
// is not safe for concurrent calls (docs/sdk-notes.md §5): one per goroutine.
func sdkClient(t *testing.T, s *sandbox.Server) *ecs.Client {
	t.Helper()
	c, err := ecs.NewClientWithAccessKey(sandboxRegion, sandbox.DefaultAccessKeyID, sandbox.DefaultAccessKeySecret)
	if err != nil {
		t.Fatal(err)
	}
	c.Domain = s.Endpoint()
	return c
}

// sandboxClient is what the launcher is given: the SDK client over HTTP.
func sandboxClient(t *testing.T, s *sandbox.Server) Client {
	return WithScheme(sdkClient(t, s), "http")
}

// facts is what the tests learn from the sandbox through Describe calls
// instead of hard-coding its data.
type facts struct {
	zone         string
	okType       string // available in zone
	soldZone     string // a zone where soldType is sold out
	soldType     string
	image        string // a Linux image usable on okType and soldType
	bigImage     string // an image larger than the 20 GiB minimum disk
	bigImageSize int
	vswByZone    map[string]string // default VPC's vSwitch per zone
	sg           string            // a security group of the default VPC
	otherVPCVSw  string            // a vSwitch in zone of another VPC than sg's
}

func learn(t *testing.T, c *ecs.Client) facts {
	t.Helper()
	var f facts
	f.vswByZone = map[string]string{}
	vpcs := call2(t, c.DescribeVpcs, ecs.CreateDescribeVpcsRequest()).Vpcs.Vpc
	var defVPC string
	for _, v := range vpcs {
		if v.IsDefault {
			defVPC = v.VpcId
		}
	}
	vr := ecs.CreateDescribeVSwitchesRequest()
	vr.PageSize = requests.NewInteger(50)
	for _, v := range call2(t, c.DescribeVSwitches, vr).VSwitches.VSwitch {
		if v.VpcId == defVPC {
			f.vswByZone[v.ZoneId] = v.VSwitchId
		} else if f.otherVPCVSw == "" {
			f.otherVPCVSw, f.zone = v.VSwitchId, v.ZoneId
		}
	}
	sr := ecs.CreateDescribeSecurityGroupsRequest()
	sr.VpcId = defVPC
	f.sg = call2(t, c.DescribeSecurityGroups, sr).SecurityGroups.SecurityGroup[0].SecurityGroupId
	f.okType, f.soldZone, f.soldType = stock(t, c, f.zone, f.vswByZone)
	f.image, _ = commonImage(t, c, "linux", 0, f.okType, f.soldType)
	f.bigImage, f.bigImageSize = commonImage(t, c, "", 21, f.okType, f.okType)
	if f.zone == "" || f.okType == "" || f.soldType == "" || f.image == "" || f.bigImage == "" || f.sg == "" || f.vswByZone[f.zone] == "" {
		t.Fatalf("the sandbox lacks what the tests need: %+v", f)
	}
	return f
}

// stock finds a type available in zone and a plain x86 type sold out in a
// zone that has a default vSwitch, so that only the stock can fail.
func stock(t *testing.T, c *ecs.Client, zone string, vsw map[string]string) (ok, soldZone, soldType string) {
	plain := plainTypes(t, c)
	r := ecs.CreateDescribeAvailableResourceRequest()
	r.DestinationResource, r.InstanceChargeType = "InstanceType", "PostPaid"
	for _, z := range call2(t, c.DescribeAvailableResource, r).AvailableZones.AvailableZone {
		for _, res := range z.AvailableResources.AvailableResource {
			for _, sup := range res.SupportedResources.SupportedResource {
				if !plain[sup.Value] {
					continue
				}
				switch {
				case z.ZoneId == zone && sup.Status == "Available" && ok == "":
					ok = sup.Value
				case sup.Status == "SoldOut" && soldType == "" && vsw[z.ZoneId] != "":
					soldZone, soldType = z.ZoneId, sup.Value
				}
			}
		}
	}
	return ok, soldZone, soldType
}

// plainTypes are the x86 types without GPU, which every x86 image suits.
func plainTypes(t *testing.T, c *ecs.Client) map[string]bool {
	out := map[string]bool{}
	next := ""
	for {
		r := ecs.CreateDescribeInstanceTypesRequest()
		r.NextToken = next
		resp := call2(t, c.DescribeInstanceTypes, r)
		for _, it := range resp.InstanceTypes.InstanceType {
			if it.CpuArchitecture == "X86" && it.GPUAmount == 0 {
				out[it.InstanceTypeId] = true
			}
		}
		if next = resp.NextToken; next == "" {
			return out
		}
	}
}

// commonImage is an image of osType ("" for any) usable on both types
// and of at least minSize GiB.
func commonImage(t *testing.T, c *ecs.Client, osType string, minSize int, a, b string) (string, int) {
	usable := func(typ string) map[string]int {
		out := map[string]int{}
		for page := 1; ; page++ {
			r := ecs.CreateDescribeImagesRequest()
			r.OSType, r.InstanceType = osType, typ
			r.PageSize, r.PageNumber = requests.NewInteger(100), requests.NewInteger(page)
			resp := call2(t, c.DescribeImages, r)
			for _, img := range resp.Images.Image {
				out[img.ImageId] = img.Size
			}
			if page*100 >= resp.TotalCount {
				return out
			}
		}
	}
	onA, onB := usable(a), usable(b)
	ids := slices.Sorted(maps.Keys(onA))
	for _, id := range ids {
		if _, ok := onB[id]; ok && onA[id] >= minSize {
			return id, onA[id]
		}
	}
	return "", 0
}

// call2 runs an SDK Describe call and fails the test on error.
func call2[Req any, Resp any](t *testing.T, fn func(Req) (Resp, error), req Req) Resp {
	t.Helper()
	setScheme(any(req).(requests.AcsRequest), "http")
	resp, err := fn(req)
	if err != nil {
		t.Fatalf("%T: %v", req, Redact(err.Error()))
	}
	return resp
}

// goodRequest is a request the sandbox accepts.
func (f facts) goodRequest(t *testing.T, amount int) *request.Request {
	t.Helper()
	r, err := request.FromParams([]request.Param{
		{Name: "RegionId", Value: sandboxRegion},
		{Name: "ZoneId", Value: f.zone},
		{Name: "ImageId", Value: f.image},
		{Name: "InstanceType", Value: f.okType},
		{Name: "SecurityGroupId", Value: f.sg},
		{Name: "VSwitchId", Value: f.vswByZone[f.zone]},
		{Name: "Amount", Value: strconv.Itoa(amount)},
		{Name: "InternetMaxBandwidthOut", Value: "5"},
		{Name: "KeyPairName", Value: "sandbox-key"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func set(t *testing.T, r *request.Request, kv ...string) *request.Request {
	t.Helper()
	r = r.Clone()
	for i := 0; i+1 < len(kv); i += 2 {
		if err := r.Set(kv[i], kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func TestSandboxDryRunVerdicts(t *testing.T) {
	s := startSandbox(t, sandbox.Faults{})
	f := learn(t, sdkClient(t, s))
	c := sandboxClient(t, s)
	good := f.goodRequest(t, 1)
	if res := DryRun(context.Background(), c, good); !res.Passed {
		t.Fatalf("a good request did not pass: %s", res)
	}
	cases := []struct {
		name   string
		req    *request.Request
		codes  []string // the documented codes (docs/rules.md row in the comment)
		params []string
	}{
		{"sold out", set(t, good, "ZoneId", f.soldZone, "VSwitchId", f.vswByZone[f.soldZone], "InstanceType", f.soldType),
			[]string{"OperationDenied.NoStock"}, []string{"InstanceType"}}, // T1-6
		{"wrong image", set(t, good, "ImageId", "m-doesnotexist000000"),
			[]string{"InvalidImageId.NotFound"}, []string{"ImageId"}}, // T1-3
		// An image above the 20 GiB minimum, so the disk is legal but for the image.
		{"system disk smaller than the image", set(t, good, "ImageId", f.bigImage, "SystemDisk.Size", strconv.Itoa(f.bigImageSize-1)),
			[]string{"InvalidSystemDiskSize.LessThanImageSize"}, []string{"SystemDisk.Size"}}, // T1-36
		{"security group and vSwitch in different VPCs", set(t, good, "VSwitchId", f.otherVPCVSw),
			[]string{"InvalidParameter.Mismatch", "OperationDenied.InconsistentNetwork"}, []string{"VSwitchId", "SecurityGroupId"}}, // T1-13
	}
	for _, tc := range cases {
		res := DryRun(context.Background(), c, tc.req)
		t.Logf("%s: %s", tc.name, res)
		if res.Passed || res.Transport || !slices.Contains(tc.codes, res.Code) || !slices.Contains(tc.params, res.Parameter) || res.Explanation == "" {
			t.Errorf("%s: %s (code %q parameter %q), want a code of %v on %v", tc.name, res, res.Code, res.Parameter, tc.codes, tc.params)
		}
	}
	if n := s.InstanceCount(); n != 0 {
		t.Errorf("DryRuns created %d instances", n)
	}
}

// countInstances counts the region's instances through DescribeInstances
// paging, and fails on a duplicate ID.
func countInstances(t *testing.T, c *ecs.Client) map[string]ecs.Instance {
	t.Helper()
	all := map[string]ecs.Instance{}
	next := ""
	for {
		r := ecs.CreateDescribeInstancesRequest()
		r.MaxResults, r.NextToken = requests.NewInteger(100), next
		resp := call2(t, c.DescribeInstances, r)
		for _, in := range resp.Instances.Instance {
			if _, dup := all[in.InstanceId]; dup {
				t.Errorf("DescribeInstances listed %s twice", in.InstanceId)
			}
			all[in.InstanceId] = in
		}
		if next = resp.NextToken; next == "" {
			return all
		}
	}
}

func sandboxOptions(h *History) Options {
	return Options{History: h, Backoff: time.Millisecond, MaxBackoff: 20 * time.Millisecond, MaxAttempts: 40,
		PollInterval: 5 * time.Millisecond, Timeout: 30 * time.Second, Target: &testTarget}
}

func TestSandboxLostAnswersCreateEveryLaunchExactlyOnce(t *testing.T) {
	s := startSandbox(t, sandbox.Faults{})
	f := learn(t, sdkClient(t, s))
	s.SetFaults(sandbox.Faults{DropAfterCommit: 0.5})
	h := testHistory(t)
	const launches, workers = 100, 4
	jobs := make(chan int)
	outs := make([]*Outcome, launches)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := sandboxClient(t, s)
			for i := range jobs {
				out, err := Launch(context.Background(), c, f.goodRequest(t, 2), sandboxOptions(h), nil)
				if err != nil {
					t.Errorf("launch %d: %v", i, err)
				}
				outs[i] = out
			}
		}()
	}
	for i := range launches {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	s.SetFaults(sandbox.Faults{})
	retried := 0
	reported := map[string]bool{}
	for i, out := range outs {
		if out == nil || len(out.Instances) != 2 {
			t.Fatalf("launch %d reported %+v", i, out)
		}
		if out.Attempts > 1 {
			retried++
		}
		for _, id := range out.IDs() {
			reported[id] = true
		}
	}
	all := countInstances(t, sdkClient(t, s))
	if len(all) != 2*launches || len(reported) != 2*launches {
		t.Errorf("%d instances exist, %d reported by the launches; want %d", len(all), len(reported), 2*launches)
	}
	for id := range reported {
		if _, ok := all[id]; !ok {
			t.Errorf("reported instance %s does not exist", id)
		}
	}
	if retried == 0 {
		t.Error("no launch lost an answer: the fault was not exercised")
	}
	pending, warns := h.Pending()
	if len(pending) != 0 || len(warns) != 0 {
		t.Errorf("%d launches left pending, warnings %v", len(pending), warns)
	}
	t.Logf("%d of %d launches needed a retry; RunInstances calls: %d", retried, launches, s.Calls()["RunInstances"])
}

func TestSandboxCancelledLaunchResumesWithoutDuplicates(t *testing.T) {
	s := startSandbox(t, sandbox.Faults{})
	f := learn(t, sdkClient(t, s))
	s.SetFaults(sandbox.Faults{Latency: 300 * time.Millisecond})
	h := testHistory(t)
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan Event)
	go func() {
		for e := range events {
			if e.Kind == Attempt {
				time.Sleep(100 * time.Millisecond) // the call is on the wire
				cancel()
			}
		}
	}()
	_, err := Launch(ctx, sandboxClient(t, s), f.goodRequest(t, 2), sandboxOptions(h), events)
	close(events)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if pending, _ := h.Pending(); len(pending) != 1 {
		t.Fatalf("pending %+v, want the cancelled launch", pending)
	}
	// The abandoned call still reaches ECS, which creates the instances.
	deadline := time.Now().Add(10 * time.Second)
	for s.InstanceCount() < 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := s.InstanceCount(); n != 2 {
		t.Fatalf("the abandoned call created %d instances, want 2", n)
	}
	s.SetFaults(sandbox.Faults{})
	o := sandboxOptions(nil)
	o.Wait = true
	out, err := Resume(context.Background(), sandboxClient(t, s), h, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	all := countInstances(t, sdkClient(t, s))
	if len(all) != 2 || !out.Resumed || len(out.Instances) != 2 {
		t.Fatalf("%d instances exist after the resume, outcome %+v", len(all), out)
	}
	for _, in := range out.Instances {
		if _, ok := all[in.ID]; !ok || in.Status != StatusRunning || in.PrivateIP == "" || in.SSH == "" {
			t.Errorf("resumed instance %+v", in)
		}
	}
	if pending, _ := h.Pending(); len(pending) != 0 {
		t.Errorf("still pending: %+v", pending)
	}
}

func TestSandboxResumeOfALaunchThatNeverArrivedCreatesIt(t *testing.T) {
	s := startSandbox(t, sandbox.Faults{})
	f := learn(t, sdkClient(t, s))
	h := testHistory(t)
	req := f.goodRequest(t, 1)
	safe := map[string]string{"ClientToken": "ecslaunch-never-sent"}
	for _, p := range req.Params() {
		safe[p.Name] = p.Value
	}
	if err := h.Append(Entry{Token: "ecslaunch-never-sent", State: StatePending, Region: sandboxRegion, Request: safe, Target: &testTarget}); err != nil {
		t.Fatal(err)
	}
	out, err := Resume(context.Background(), sandboxClient(t, s), h, sandboxOptions(nil), nil)
	if err != nil || len(out.Instances) != 1 || s.InstanceCount() != 1 {
		t.Fatalf("resume: %+v, %v; %d instances", out, err, s.InstanceCount())
	}
	// Resending the same token again is idempotent too.
	if err := h.Append(Entry{Token: "ecslaunch-never-sent", State: StatePending}); err != nil {
		t.Fatal(err)
	}
	again, err := Resume(context.Background(), sandboxClient(t, s), h, sandboxOptions(nil), nil)
	if err != nil || fmt.Sprint(again.IDs()) != fmt.Sprint(out.IDs()) || s.InstanceCount() != 1 {
		t.Errorf("second resume: %+v, %v; %d instances", again, err, s.InstanceCount())
	}
}

func TestSandboxThrottlingStillCompletesEveryLaunch(t *testing.T) {
	s := startSandbox(t, sandbox.Faults{})
	f := learn(t, sdkClient(t, s))
	s.SetFaults(sandbox.Faults{ThrottleRate: 0.3})
	h := testHistory(t)
	c := sandboxClient(t, s)
	const launches = 20
	o := sandboxOptions(h)
	o.Wait = true
	throttled := 0
	for i := range launches {
		var out *Outcome
		var err error
		evs := collect(func(ch chan<- Event) {
			out, err = Launch(context.Background(), c, f.goodRequest(t, 1), o, ch)
		})
		if err != nil {
			t.Fatalf("launch %d: %v", i, err)
		}
		if out.Running() != 1 || out.Instances[0].PublicIP == "" {
			t.Errorf("launch %d: %+v", i, out.Instances)
		}
		throttled += count(evs, Retrying)
	}
	s.SetFaults(sandbox.Faults{})
	if n := len(countInstances(t, sdkClient(t, s))); n != launches {
		t.Errorf("%d instances, want %d", n, launches)
	}
	if throttled == 0 {
		t.Error("no RunInstances call was throttled: the fault was not exercised")
	}
	all, _ := h.Entries()
	for _, e := range all {
		if e.State != StateRunning {
			t.Errorf("launch %s ended %s", e.Token, e.State)
		}
	}
}

func TestSandboxLaunchReportsSSHCommands(t *testing.T) {
	s := startSandbox(t, sandbox.Faults{})
	f := learn(t, sdkClient(t, s))
	o := sandboxOptions(testHistory(t))
	o.Wait = true
	out, err := Launch(context.Background(), sandboxClient(t, s), f.goodRequest(t, 2), o, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range out.Instances {
		want := "ssh -i ~/.ssh/sandbox-key.pem "
		if in.Status != StatusRunning || in.PublicIP == "" || len(in.SSH) < len(want) || in.SSH[:len(want)] != want {
			t.Errorf("instance %+v", in)
		}
	}
	b, _ := json.Marshal(out)
	t.Logf("outcome %s", b)
}

func TestSandboxServerErrorsAreRetriedWithoutDuplicates(t *testing.T) {
	s := startSandbox(t, sandbox.Faults{})
	f := learn(t, sdkClient(t, s))
	s.SetFaults(sandbox.Faults{ErrorRate: 0.3})
	h := testHistory(t)
	c := sandboxClient(t, s)
	o := sandboxOptions(h)
	o.Wait = true
	const launches = 10
	for i := range launches {
		if _, err := Launch(context.Background(), c, f.goodRequest(t, 2), o, nil); err != nil {
			t.Fatalf("launch %d: %v", i, err)
		}
	}
	s.SetFaults(sandbox.Faults{})
	if n := len(countInstances(t, sdkClient(t, s))); n != 2*launches {
		t.Errorf("%d instances, want %d", n, 2*launches)
	}
	if calls := s.Calls()["RunInstances"]; calls <= launches {
		t.Errorf("%d RunInstances calls for %d launches: the fault was not exercised", calls, launches)
	}
}
