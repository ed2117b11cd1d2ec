package launcher

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

func TestNewTokenIsAUniqueASCIIClientToken(t *testing.T) {
	shape := regexp.MustCompile(`^ecslaunch-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for range 1000 {
		tok := NewToken()
		if !shape.MatchString(tok) || !validToken(tok) {
			t.Fatalf("token %q", tok)
		}
		if seen[tok] {
			t.Fatalf("token %q repeated", tok)
		}
		seen[tok] = true
	}
	if validToken(strings.Repeat("a", 65)) || validToken("") || validToken("tökén") {
		t.Error("validToken accepts what docs/rules.md T1-92 forbids")
	}
}

func TestRedactMasksSignedURLValues(t *testing.T) {
	in := `Post "https://ecs.aliyuncs.com/?AccessKeyId=LTAI123&Action=RunInstances&Password=p%40ss&SecurityToken=STS.x&Signature=qg%3D&Amount=2": EOF`
	out := Redact(in)
	for _, secret := range []string{"LTAI123", "p%40ss", "STS.x", "qg%3D"} {
		if strings.Contains(out, secret) {
			t.Errorf("%q survives in %s", secret, out)
		}
	}
	if !strings.Contains(out, "Amount=2") || !strings.Contains(out, "Action=RunInstances") {
		t.Errorf("redaction removed too much: %s", out)
	}
}

func TestRenderEventGivesOneReadableLinePerKind(t *testing.T) {
	out := &Outcome{Instances: []Instance{{ID: "i-1", Status: "Running", PublicIP: "47.0.0.1", PrivateIP: "172.16.0.1", SSH: "ssh root@47.0.0.1"}}}
	cases := []struct {
		e    Event
		want []string
	}{
		{Event{Kind: TokenReserved, Token: "tok", Needs: []string{"ECS_PASSWORD"}}, []string{"tok", "resume will need ECS_PASSWORD"}},
		{Event{Kind: Attempt, Attempt: 2, MaxAttempts: 8}, []string{"attempt 2 of 8"}},
		{Event{Kind: Retrying, Delay: 1500 * time.Millisecond, Err: "no answer"}, []string{"same ClientToken", "1.5s", "no answer"}},
		{Event{Kind: Created, InstanceIDs: []string{"i-1", "i-2"}, RequestID: "R"}, []string{"2 instance", "i-1, i-2", "R"}},
		{Event{Kind: InstanceStatus, Running: 1, Total: 2, Instances: []Instance{{ID: "i-1", Status: "Running"}, {ID: "i-2", Status: "Pending"}}},
			[]string{"[##########..........] 1/2", "i-2 Pending"}},
		{Event{Kind: Done, Running: 1, Total: 1, Instances: out.Instances, Outcome: out}, []string{"1/1", "47.0.0.1", "172.16.0.1", "ssh root@47.0.0.1"}},
		{Event{Kind: Failed, Err: "boom"}, []string{"failed", "boom"}},
		{Event{Kind: Failed, Err: "no answer", Pending: true}, []string{"pending", "--resume", "no answer"}},
		{Event{Kind: Failed, Err: "context canceled", Running: 1, Total: 2, Instances: []Instance{{ID: "i-1", Status: "Running"}, {ID: "i-2", Status: "Starting"}}},
			[]string{"stopped waiting", "instances exist", "1/2", "i-2 Starting"}},
	}
	for _, c := range cases {
		got := RenderEvent(c.e)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", c.e.Kind, got, w)
			}
		}
	}
}

func TestDryRunSendsAFreshDryRunRequestEachTime(t *testing.T) {
	f := newFake(t)
	pass := func(r *ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
		if r.DryRun != "true" || r.Scheme != "https" || r.ClientToken != "" {
			t.Errorf("DryRun=%q scheme %q token %q", r.DryRun, r.Scheme, r.ClientToken)
		}
		return nil, serverError(400, "DryRunOperation", "Request validation has been passed with DryRun flag set.")
	}
	f.run = append(f.run, pass, pass)
	req := testRequest(t, "1")
	for range 2 {
		res := DryRun(context.Background(), f, req)
		if !res.Passed || res.RequestID != "REQ-DryRunOperation" || !strings.Contains(res.String(), "would succeed") {
			t.Errorf("result %+v", res)
		}
	}
	f.verify()
	if f.runReqs[0] == f.runReqs[1] {
		t.Error("the two DryRuns shared one SDK request")
	}
}

func TestDryRunFailureCarriesTheCode(t *testing.T) {
	f := newFake(t)
	f.run = append(f.run, runErr(serverError(404, "InvalidImageId.NotFound", "The specified ImageId does not exist.")))
	res := DryRun(context.Background(), f, testRequest(t, "1"))
	if res.Passed || res.Transport || res.Code != "InvalidImageId.NotFound" || res.HTTPStatus != 404 || res.Explanation == "" {
		t.Errorf("result %+v", res)
	}
}

func TestDryRunOfALostAnswerSaysSoWithoutSecrets(t *testing.T) {
	f := newFake(t)
	f.run = append(f.run, runErr(transportError()))
	res := DryRun(context.Background(), f, testRequest(t, "1"))
	s := res.String()
	if res.Passed || !res.Transport || !strings.Contains(s, "no answer") {
		t.Errorf("result %+v", res)
	}
	for _, secret := range []string{"LTAIsecretid", "Hunter2", "abc%3D"} {
		if strings.Contains(s, secret) {
			t.Errorf("%q leaks into %s", secret, s)
		}
	}
}

func TestDryRunNamesAMissingSecretVariable(t *testing.T) {
	req := testRequest(t, "1")
	if err := req.Set("Password", "${ECS_TEST_UNSET_PASSWORD}"); err != nil {
		t.Fatal(err)
	}
	res := DryRun(context.Background(), newFake(t), req)
	if res.Passed || res.Parameter != "Password" || !strings.Contains(res.Explanation, "ECS_TEST_UNSET_PASSWORD") {
		t.Errorf("result %+v", res)
	}
}

func TestDryRunStopsWhenTheContextEnds(t *testing.T) {
	f := newFake(t)
	release := make(chan struct{})
	f.run = append(f.run, func(*ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
		<-release
		return nil, serverError(400, "DryRunOperation", "passed")
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	res := DryRun(ctx, f, testRequest(t, "1"))
	close(release)
	if res.Passed || !res.Transport || !strings.Contains(res.Explanation, "interrupted") {
		t.Errorf("result %+v", res)
	}
}

// A lost answer names the endpoint and the cause, not the signed URL with
// every parameter of the request.
func TestDryRunOfALostAnswerLeavesTheSignedURLOut(t *testing.T) {
	f := newFake(t)
	f.run = append(f.run, runErr(transportError()))
	s := DryRun(context.Background(), f, testRequest(t, "1")).String()
	for _, part := range []string{"?", "Action=RunInstances", "SignatureNonce"} {
		if strings.Contains(s, part) {
			t.Errorf("%q of the signed URL is in %s", part, s)
		}
	}
	if !strings.Contains(s, "http://127.0.0.1:1") || !strings.Contains(s, "EOF") {
		t.Errorf("%s: want the endpoint and the cause", s)
	}
}

// A signature mismatch quotes the StringToSign: every parameter of the
// request. The result keeps ECS's sentence only.
func TestDryRunOfASignatureMismatchLeavesTheStringToSignOut(t *testing.T) {
	body := `{"RequestId":"REQ-1","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAIabc%26Action%3DRunInstances%26SignatureNonce%3D1"}`
	f := newFake(t)
	f.run = append(f.run, runErr(sdkerrors.NewServerError(400, body, "")))
	res := DryRun(context.Background(), f, testRequest(t, "1"))
	if strings.Contains(res.String(), "string to sign") || strings.Contains(res.String(), "SignatureNonce") {
		t.Errorf("the StringToSign is in %s", res.String())
	}
	if res.Code != "SignatureDoesNotMatch" || res.Message != "Specified signature is not matched with our calculation." {
		t.Errorf("result %+v", res)
	}
}
