package launcher

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/request"
)

const testPassword = "Hunter2!x"

// testRequest is a complete request with a literal secret.
func testRequest(t *testing.T, amount string) *request.Request {
	t.Helper()
	r, err := request.FromParams([]request.Param{
		{Name: "RegionId", Value: "cn-hangzhou"},
		{Name: "ImageId", Value: "aliyun_3_x64_20G_alibase_20240528.vhd"},
		{Name: "InstanceType", Value: "ecs.g7.large"},
		{Name: "SecurityGroupId", Value: "sg-1"},
		{Name: "VSwitchId", Value: "vsw-1"},
		{Name: "Amount", Value: amount},
		{Name: "Password", Value: testPassword},
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func testHistory(t *testing.T) *History {
	t.Helper()
	h, err := OpenHistory(filepath.Join(t.TempDir(), "state", "history.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func fastOptions(h *History) Options {
	return Options{History: h, Backoff: time.Millisecond, PollInterval: time.Millisecond, Timeout: 5 * time.Second,
		NewToken: func() string { return "tok-1" }, Target: &testTarget}
}

// testTarget is where the tests' launches go.
var testTarget = Target{Kind: TargetEndpoint, Endpoint: "127.0.0.1:1", Region: "cn-hangzhou", Identity: "AccessKeyId test", Account: "acct"}

// collect runs fn with an events channel and returns what it received.
func collect(fn func(chan<- Event)) []Event {
	ch := make(chan Event)
	done := make(chan []Event)
	go func() {
		var got []Event
		for e := range ch {
			got = append(got, e)
		}
		done <- got
	}()
	fn(ch)
	close(ch)
	return <-done
}

func kinds(evs []Event) []EventKind {
	out := make([]EventKind, len(evs))
	for i, e := range evs {
		out[i] = e.Kind
	}
	return out
}

func count(evs []Event, k EventKind) int {
	n := 0
	for _, e := range evs {
		if e.Kind == k {
			n++
		}
	}
	return n
}

func TestLaunchRecordsPendingTokenBeforeTheFirstCall(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	f.run = append(f.run, func(r *ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
		pending, warns := h.Pending()
		if len(warns) > 0 || len(pending) != 1 {
			t.Fatalf("at the first call the history holds %v pending (warnings %v), want 1", pending, warns)
		}
		e := pending[0]
		if e.Token != r.ClientToken || e.Token != "tok-1" {
			t.Errorf("recorded token %q, sent %q", e.Token, r.ClientToken)
		}
		if e.Request["Password"] != "${ECS_PASSWORD}" || e.Request["ClientToken"] != "tok-1" || e.Region != "cn-hangzhou" {
			t.Errorf("recorded request %v region %q", e.Request, e.Region)
		}
		return runOK("i-1", "i-2")(r)
	})
	out, err := Launch(context.Background(), f, testRequest(t, "2"), fastOptions(h), nil)
	if err != nil {
		t.Fatal(err)
	}
	f.verify()
	if got := out.IDs(); len(got) != 2 || got[0] != "i-1" || got[1] != "i-2" {
		t.Errorf("instances %v", got)
	}
	if r := f.runReqs[0]; r.Password != testPassword || r.Scheme != "https" || r.DryRun != "" {
		t.Errorf("sent Password resolved=%v scheme %q DryRun %q", r.Password == testPassword, r.Scheme, r.DryRun)
	}
	data, _ := os.ReadFile(h.Path())
	if strings.Contains(string(data), testPassword) {
		t.Errorf("the history contains the password:\n%s", data)
	}
	all, _ := h.Entries()
	if len(all) != 1 || all[0].State != StateCreated || all[0].RequestID != "REQ-RUN" || len(all[0].InstanceIDs) != 2 {
		t.Errorf("history after the launch: %+v", all)
	}
}

func TestLaunchRetriesLostAnswers5xxAndThrottlingWithTheSameToken(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	f.run = append(f.run,
		runErr(transportError()),
		runErr(serverError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.")),
		runErr(serverError(400, "Throttling.User", "Request was denied due to user flow control.")),
		runErr(serverError(429, "Throttling.Resource", "The request throttle by resource operation.")),
		runErr(serverError(500, "InternalError", "The request processing has failed due to some unknown error.")),
		runOK("i-1"))
	var out *Outcome
	var err error
	evs := collect(func(ch chan<- Event) {
		out, err = Launch(context.Background(), f, testRequest(t, "1"), fastOptions(h), ch)
	})
	if err != nil {
		t.Fatal(err)
	}
	f.verify()
	if out.Attempts != 6 || len(f.runReqs) != 6 {
		t.Fatalf("attempts %d, calls %d, want 6", out.Attempts, len(f.runReqs))
	}
	seen := map[*ecs.RunInstancesRequest]bool{}
	for i, r := range f.runReqs {
		if r.ClientToken != "tok-1" {
			t.Errorf("attempt %d sent ClientToken %q", i+1, r.ClientToken)
		}
		if seen[r] {
			t.Errorf("attempt %d reused an SDK request object", i+1)
		}
		seen[r] = true
	}
	if count(evs, Retrying) != 5 || count(evs, Attempt) != 6 || evs[0].Kind != TokenReserved || evs[len(evs)-1].Kind != Done {
		t.Errorf("events %v", kinds(evs))
	}
	if fmt.Sprint(evs[0].Needs) != "[ECS_PASSWORD]" {
		t.Errorf("TokenReserved needs %v, want the password's variable", evs[0].Needs)
	}
	for _, e := range evs {
		if e.Kind == Retrying && (strings.Contains(e.Err, "LTAIsecretid") || strings.Contains(e.Err, "Hunter2")) {
			t.Errorf("retry event leaks a secret: %s", e.Err)
		}
	}
}

func TestLaunchDoesNotRetryADefinitiveError(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	f.run = append(f.run, runErr(serverError(403, "OperationDenied.NoStock", "The requested resource is sold out in the specified zone.")))
	out, err := Launch(context.Background(), f, testRequest(t, "1"), fastOptions(h), nil)
	f.verify()
	var api *APIError
	if out != nil || !errors.As(err, &api) || api.Code != "OperationDenied.NoStock" || api.HTTPStatus != 403 {
		t.Fatalf("got %v, %v; want the API error", out, err)
	}
	all, _ := h.Entries()
	if len(all) != 1 || all[0].State != StateFailed || !strings.Contains(all[0].Error, "NoStock") {
		t.Errorf("history %+v", all)
	}
}

func TestLaunchThatNeverGetsAnAnswerStaysPending(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	o := fastOptions(h)
	o.MaxAttempts = 3
	for range 3 {
		f.run = append(f.run, runErr(transportError()))
	}
	var err error
	evs := collect(func(ch chan<- Event) { _, err = Launch(context.Background(), f, testRequest(t, "1"), o, ch) })
	f.verify()
	if err == nil || !strings.Contains(err.Error(), "--resume") {
		t.Fatalf("error %v should point to --resume", err)
	}
	if strings.Contains(err.Error(), "LTAIsecretid") || strings.Contains(err.Error(), "abc%3D") || strings.Contains(err.Error(), "Hunter2") {
		t.Errorf("error leaks the signed URL: %v", err)
	}
	pending, _ := h.Pending()
	if len(pending) != 1 || pending[0].Error == "" {
		t.Errorf("pending %+v", pending)
	}
	if last := evs[len(evs)-1]; last.Kind != Failed || !last.Pending {
		t.Errorf("last event %+v, want a pending Failed", last)
	}
}

func TestLaunchWaitsForRunningAndReportsAddresses(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	f.run = append(f.run, runOK("i-1", "i-2"))
	f.status = append(f.status,
		statusOf(), // just created: not found yet
		serverStatusErr(serverError(400, "Throttling", "Request was denied due to request throttling.")),
		statusOf("i-1", "Starting", "i-2", "Pending"),
		statusOf("i-1", "Running", "i-2", "Running"))
	i1 := ecs.Instance{InstanceId: "i-1", Status: "Running", OSType: "linux", KeyPairName: "demo"}
	i1.PublicIpAddress.IpAddress = []string{"47.0.0.1"}
	i1.VpcAttributes.PrivateIpAddress.IpAddress = []string{"172.16.0.1"}
	i2 := ecs.Instance{InstanceId: "i-2", Status: "Running", OSType: "linux"}
	i2.VpcAttributes.PrivateIpAddress.IpAddress = []string{"172.16.0.2"}
	i2.ImageOptions.LoginAsNonRoot = true
	f.desc = append(f.desc, describeOf(i1, i2))
	o := fastOptions(h)
	o.Wait = true
	var out *Outcome
	var err error
	evs := collect(func(ch chan<- Event) {
		out, err = Launch(context.Background(), f, testRequest(t, "2"), o, ch)
	})
	if err != nil {
		t.Fatal(err)
	}
	f.verify()
	want := []Instance{
		{ID: "i-1", Status: "Running", PrivateIP: "172.16.0.1", PublicIP: "47.0.0.1", OSType: "linux", SSH: "ssh -i ~/.ssh/demo.pem root@47.0.0.1"},
		{ID: "i-2", Status: "Running", PrivateIP: "172.16.0.2", OSType: "linux", SSH: "ssh ecs-user@172.16.0.2"},
	}
	for i := range want {
		if out.Instances[i] != want[i] {
			t.Errorf("instance %d = %+v, want %+v", i, out.Instances[i], want[i])
		}
	}
	var progress []int
	for _, e := range evs {
		if e.Kind == InstanceStatus {
			progress = append(progress, e.Running)
		}
	}
	if len(progress) != 3 || progress[0] != 0 || progress[2] != 2 {
		t.Errorf("progress %v, want 3 polls ending at 2 running", progress)
	}
	all, _ := h.Entries()
	if all[0].State != StateRunning || all[0].Instances[0].PublicIP != "47.0.0.1" {
		t.Errorf("history %+v", all[0])
	}
}

func serverStatusErr(err error) func(*ecs.DescribeInstanceStatusRequest) (*ecs.DescribeInstanceStatusResponse, error) {
	return func(*ecs.DescribeInstanceStatusRequest) (*ecs.DescribeInstanceStatusResponse, error) { return nil, err }
}

func TestLaunchWaitTimesOutButKeepsTheInstances(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	f.sticky = true
	f.run = append(f.run, runOK("i-1"))
	f.status = append(f.status, statusOf("i-1", "Starting"))
	o := fastOptions(h)
	o.Wait, o.Timeout = true, 30*time.Millisecond
	out, err := Launch(context.Background(), f, testRequest(t, "1"), o, nil)
	if !errors.Is(err, ErrWaitTimeout) || out == nil || !out.TimedOut || out.Instances[0].Status != "Starting" {
		t.Fatalf("got %+v, %v", out, err)
	}
	all, _ := h.Entries()
	if all[0].State != StateTimedOut || all[0].InstanceIDs[0] != "i-1" {
		t.Errorf("history %+v", all[0])
	}
}

func TestLaunchCancelledMidCallStaysPendingAndResumes(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	inCall, release := make(chan struct{}), make(chan struct{})
	f.run = append(f.run, func(r *ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
		close(inCall)
		<-release // the answer is lost: the caller has gone
		return runOK("i-1")(r)
	}, runOK("i-1"))
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-inCall; cancel() }()
	_, err := Launch(ctx, f, testRequest(t, "1"), fastOptions(h), nil)
	close(release)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	pending, _ := h.Pending()
	if len(pending) != 1 {
		t.Fatalf("pending %+v", pending)
	}
	o := fastOptions(nil)
	o.NewToken = func() string { t.Error("Resume made a new token"); return "tok-new" }
	o.LookupEnv = func(n string) (string, bool) { return testPassword, n == "ECS_PASSWORD" }
	out, err := Resume(context.Background(), f, h, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.verify()
	last := f.runReqs[len(f.runReqs)-1]
	if !out.Resumed || out.IDs()[0] != "i-1" || last.ClientToken != "tok-1" || last.Password != testPassword {
		t.Errorf("resumed %+v, sent token %q", out, last.ClientToken)
	}
	if pending, _ := h.Pending(); len(pending) != 0 {
		t.Errorf("still pending after resume: %+v", pending)
	}
}

func TestResumeNamesAMissingSecretVariable(t *testing.T) {
	h := testHistory(t)
	if err := h.Append(Entry{Token: "tok-9", State: StatePending, Request: map[string]string{
		"RegionId": "cn-hangzhou", "ImageId": "img", "InstanceType": "ecs.g7.large", "Password": "${ECS_PASSWORD}", "ClientToken": "tok-9"},
		Target: &testTarget}); err != nil {
		t.Fatal(err)
	}
	f := newFake(t)
	o := fastOptions(nil)
	o.LookupEnv = func(string) (string, bool) { return "", false }
	_, err := Resume(context.Background(), f, h, o, nil)
	f.verify()
	if err == nil || !strings.Contains(err.Error(), "ECS_PASSWORD") {
		t.Errorf("error %v should name ECS_PASSWORD", err)
	}
}

func TestResumeWithNothingPending(t *testing.T) {
	_, err := Resume(context.Background(), newFake(t), testHistory(t), Options{}, nil)
	if !errors.Is(err, ErrNothingPending) {
		t.Errorf("error %v", err)
	}
}

func TestLaunchKeepsTheRequestsOwnClientToken(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	f.run = append(f.run, runOK("i-1"))
	req := testRequest(t, "1")
	if err := req.Set("ClientToken", "mine-123"); err != nil {
		t.Fatal(err)
	}
	o := fastOptions(h)
	o.NewToken = func() string { t.Error("a token was generated although the request has one"); return "x" }
	if _, err := Launch(context.Background(), f, req, o, nil); err != nil {
		t.Fatal(err)
	}
	if f.runReqs[0].ClientToken != "mine-123" {
		t.Errorf("sent %q", f.runReqs[0].ClientToken)
	}
}

func TestLaunchWithoutHistoryRefusesToSend(t *testing.T) {
	_, err := Launch(context.Background(), newFake(t), testRequest(t, "1"), Options{}, nil)
	if !errors.Is(err, ErrNoHistory) {
		t.Errorf("error %v", err)
	}
}

func TestWithSchemeStampsEveryRequest(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	f.run = append(f.run, runOK("i-1"))
	f.status = append(f.status, statusOf("i-1", "Running"))
	f.desc = append(f.desc, func(r *ecs.DescribeInstancesRequest) (*ecs.DescribeInstancesResponse, error) {
		if r.Scheme != "http" || r.InstanceIds != `["i-1"]` || r.RegionId != "cn-hangzhou" {
			t.Errorf("DescribeInstances scheme %q ids %q region %q", r.Scheme, r.InstanceIds, r.RegionId)
		}
		return describeOf(ecs.Instance{InstanceId: "i-1", Status: "Running"})(r)
	})
	o := fastOptions(h)
	o.Wait = true
	if _, err := Launch(context.Background(), WithScheme(f, "http"), testRequest(t, "1"), o, nil); err != nil {
		t.Fatal(err)
	}
	if f.runReqs[0].Scheme != "http" {
		t.Errorf("RunInstances scheme %q", f.runReqs[0].Scheme)
	}
	// Options.Scheme does the same without a wrapper.
	f.run = append(f.run, runOK("i-2"))
	o.Wait, o.Scheme, o.NewToken = false, "HTTP", func() string { return "tok-2" }
	if _, err := Launch(context.Background(), f, testRequest(t, "1"), o, nil); err != nil {
		t.Fatal(err)
	}
	f.verify()
	if f.runReqs[1].Scheme != "http" {
		t.Errorf("with Options.Scheme: RunInstances scheme %q", f.runReqs[1].Scheme)
	}
}

func TestLaunchDoesNotRetryWhatTheSDKNeverSent(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	f.run = append(f.run, runErr(sdkerrors.NewClientError(sdkerrors.CanNotResolveEndpointErrorCode, "Can not resolve endpoint(param = ...)", nil)))
	_, err := Launch(context.Background(), f, testRequest(t, "1"), fastOptions(h), nil)
	f.verify()
	var be *BuildError
	if !errors.As(err, &be) {
		t.Fatalf("error %v (%T)", err, err)
	}
	if all, _ := h.Entries(); all[0].State != StateFailed {
		t.Errorf("state %s, want failed: nothing was sent", all[0].State)
	}
}

func TestLaunchReturnsWhenTheListenerHasGoneAfterCancel(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	release := make(chan struct{})
	defer close(release)
	f.run = append(f.run, func(r *ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
		<-release
		return runOK("i-1")(r)
	})
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan Event) // nobody reads after the first event
	go func() { <-events; <-events; cancel() }()
	done := make(chan error, 1)
	go func() {
		_, err := Launch(ctx, f, testRequest(t, "1"), fastOptions(h), events)
		done <- err
	}()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("error %v", err)
	}
}

func TestLaunchKeepsPollingUntilDescribeInstancesListsEveryInstance(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	f.run = append(f.run, runOK("i-1", "i-2"))
	f.status = append(f.status, statusOf("i-1", "Running", "i-2", "Running"), statusOf("i-1", "Running", "i-2", "Running"))
	f.desc = append(f.desc,
		describeOf(ecs.Instance{InstanceId: "i-1", Status: "Running"}),
		describeOf(ecs.Instance{InstanceId: "i-1", Status: "Running"}, ecs.Instance{InstanceId: "i-2", Status: "Running"}))
	o := fastOptions(h)
	o.Wait = true
	out, err := Launch(context.Background(), f, testRequest(t, "2"), o, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.verify()
	if out.Running() != 2 {
		t.Errorf("outcome %+v", out.Instances)
	}
}

func TestLaunchGivenUpBeforeItStartsRecordsNothing(t *testing.T) {
	h := testHistory(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Launch(ctx, newFake(t), testRequest(t, "1"), fastOptions(h), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v", err)
	}
	if all, _ := h.Entries(); len(all) != 0 {
		t.Errorf("history %+v", all)
	}
}

// The SDK's read timeout is a lost answer, not the caller giving up: it is
// retried with the same ClientToken, and neither the event, the history nor
// the error quotes the signed URL with the Password.
func TestLaunchReadTimeoutIsALostAnswerAndLeaksNothing(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	o := fastOptions(h)
	o.MaxAttempts = 2
	f.run = append(f.run, runErr(readTimeoutError()), runErr(readTimeoutError()))
	var err error
	evs := collect(func(ch chan<- Event) { _, err = Launch(context.Background(), f, testRequest(t, "1"), o, ch) })
	f.verify()
	if err == nil || !strings.Contains(err.Error(), "--resume") {
		t.Fatalf("error %v should point to --resume", err)
	}
	texts := []string{err.Error()}
	for _, ev := range evs {
		texts = append(texts, ev.Err)
	}
	pending, _ := h.Pending()
	for _, p := range pending {
		texts = append(texts, p.Error)
	}
	for _, s := range texts {
		for _, secret := range []string{"LTAIsecretid", "Hunter2", "abc%3D", "Action=RunInstances"} {
			if strings.Contains(s, secret) {
				t.Errorf("%q leaks into %q", secret, s)
			}
		}
	}
}

// A DryRun whose answer times out says so without the signed URL.
func TestDryRunReadTimeoutLeaksNothing(t *testing.T) {
	f := newFake(t)
	f.run = append(f.run, runErr(readTimeoutError()))
	res := DryRun(context.Background(), f, testRequest(t, "1"))
	s := res.String()
	if !res.Transport || !strings.Contains(s, "timed out") {
		t.Errorf("result %q, want a transport failure that says it timed out", s)
	}
	for _, secret := range []string{"LTAIsecretid", "Hunter2", "abc%3D", "Action=RunInstances"} {
		if strings.Contains(s, secret) {
			t.Errorf("%q leaks into %q", secret, s)
		}
	}
}

// ECS_PASSWORD set to "" is as good as unset: the resume refuses, rather
// than resolving ${ECS_PASSWORD} to nothing and launching without a Password.
func TestResumeWithAnEmptySecretVariableRefuses(t *testing.T) {
	t.Setenv("ECS_PASSWORD", "")
	h := testHistory(t)
	if err := h.Append(Entry{Token: "tok-8", State: StatePending, Request: map[string]string{
		"RegionId": "cn-hangzhou", "ImageId": "img", "InstanceType": "ecs.g7.large", "Password": "${ECS_PASSWORD}", "ClientToken": "tok-8"},
		Target: &testTarget}); err != nil {
		t.Fatal(err)
	}
	f := newFake(t)
	_, err := Resume(context.Background(), f, h, fastOptions(nil), nil)
	f.verify()
	if err == nil || !strings.Contains(err.Error(), "ECS_PASSWORD") {
		t.Errorf("error %v should name ECS_PASSWORD", err)
	}
	if len(f.runReqs) != 0 {
		t.Errorf("RunInstances was sent %d time(s) without the Password", len(f.runReqs))
	}
}

func TestDryRunWithAnEmptySecretVariableNamesIt(t *testing.T) {
	t.Setenv("ECS_PASSWORD", "")
	req := testRequest(t, "1")
	if err := req.Set("Password", "${ECS_PASSWORD}"); err != nil {
		t.Fatal(err)
	}
	res := DryRun(context.Background(), newFake(t), req)
	if res.Passed || res.Parameter != "Password" || !strings.Contains(res.Explanation, "ECS_PASSWORD") {
		t.Errorf("result %+v", res)
	}
}

// A launch refused for its credentials says what to check.
func TestLaunchRefusedForItsAccessKeySaysWhatToCheck(t *testing.T) {
	f := newFake(t)
	body := `{"RequestId":"REQ-K","Code":"InvalidAccessKeyId.NotFound","Message":"Specified access key is not found."}`
	f.run = append(f.run, runErr(sdkerrors.NewServerError(404, body, "")))
	_, err := Launch(context.Background(), f, testRequest(t, "1"), fastOptions(testHistory(t)), nil)
	f.verify()
	if err == nil || !strings.Contains(err.Error(), "InvalidAccessKeyId.NotFound") || !strings.Contains(err.Error(), "check the profile") {
		t.Errorf("error %v should name the code and what to check", err)
	}
}
