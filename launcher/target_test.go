package launcher

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

func TestTargetDiffersNamesWhatChanged(t *testing.T) {
	live := Target{Kind: TargetLive, Region: "cn-hangzhou", Identity: "AccessKeyId LTAI…aaaa", Account: "a1"}
	ep := Target{Kind: TargetEndpoint, Endpoint: "127.0.0.1:8080", Region: "cn-hangzhou", Account: "a1"}
	sb := Target{Kind: TargetSandbox, Region: "cn-hangzhou"}
	cases := []struct {
		name       string
		rec, cur   Target
		wantReason string // "" = same target
	}{
		{"same live", live, live, ""},
		{"sandbox on a new port", sb, Target{Kind: TargetSandbox, Region: "cn-hangzhou"}, ""},
		{"sandbox to live", sb, live, "in-process sandbox"},
		{"endpoint to another", ep, Target{Kind: TargetEndpoint, Endpoint: "127.0.0.1:9090", Region: "cn-hangzhou", Account: "a1"}, "127.0.0.1:8080"},
		{"endpoint to live", ep, live, "endpoint 127.0.0.1:8080"},
		{"other region", live, Target{Kind: TargetLive, Region: "cn-beijing", Account: "a1"}, "cn-beijing"},
		{"other account", live, Target{Kind: TargetLive, Region: "cn-hangzhou", Identity: "AccessKeyId LTAI…bbbb", Account: "b2"}, "LTAI…bbbb"},
	}
	for _, c := range cases {
		got := c.rec.Differs(c.cur)
		if (got == "") != (c.wantReason == "") || !strings.Contains(got, c.wantReason) {
			t.Errorf("%s: Differs = %q, want one naming %q", c.name, got, c.wantReason)
		}
	}
}

func TestResumeElsewhereSendsNothing(t *testing.T) {
	h := testHistory(t)
	rec := Target{Kind: TargetEndpoint, Endpoint: "127.0.0.1:8080", Region: "cn-hangzhou"}
	if err := h.Append(Entry{Token: "tok-x", State: StatePending, Target: &rec, Request: map[string]string{
		"RegionId": "cn-hangzhou", "ImageId": "img", "InstanceType": "ecs.g7.large", "ClientToken": "tok-x"}}); err != nil {
		t.Fatal(err)
	}
	f := newFake(t) // expects no call at all
	o := fastOptions(nil)
	o.Target = &Target{Kind: TargetEndpoint, Endpoint: "127.0.0.1:9090", Region: "cn-hangzhou"}
	_, err := Resume(context.Background(), f, h, o, nil)
	f.verify()
	var tm *TargetMismatchError
	if !errors.As(err, &tm) || !strings.Contains(err.Error(), "--endpoint 127.0.0.1:8080") {
		t.Fatalf("error %v, want a TargetMismatchError saying how to resume at 127.0.0.1:8080", err)
	}
}

func TestResumeOfAnUnrecordedTargetNeedsConsent(t *testing.T) {
	h := testHistory(t)
	if err := h.Append(Entry{Token: "tok-old", State: StatePending, Request: map[string]string{
		"RegionId": "cn-hangzhou", "ImageId": "img", "InstanceType": "ecs.g7.large", "ClientToken": "tok-old"}}); err != nil {
		t.Fatal(err)
	}
	f := newFake(t)
	_, err := Resume(context.Background(), f, h, fastOptions(nil), nil)
	f.verify()
	if !errors.Is(err, ErrTargetNotRecorded) {
		t.Fatalf("error %v, want ErrTargetNotRecorded", err)
	}
}

func TestLaunchRecordsItsTarget(t *testing.T) {
	h := testHistory(t)
	f := newFake(t)
	f.run = append(f.run, func(*ecs.RunInstancesRequest) (*ecs.RunInstancesResponse, error) {
		r := ecs.CreateRunInstancesResponse()
		r.RequestId = "R1"
		r.InstanceIdSets.InstanceIdSet = []string{"i-1"}
		return r, nil
	})
	o := fastOptions(h)
	o.Wait = false
	if _, err := Launch(context.Background(), f, testRequest(t, "1"), o, nil); err != nil {
		t.Fatal(err)
	}
	all, _ := h.Entries()
	if len(all) != 1 || all[0].Target == nil || *all[0].Target != testTarget {
		t.Fatalf("recorded %+v, want target %+v", all, testTarget)
	}
}
