package origin_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/origin"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// tokenLog passes calls to the sandbox and records the NextToken of every
// DescribeInstances, so a test sees the pages asked for.
type tokenLog struct {
	origin.ECS
	tokens []string
}

func (l *tokenLog) DescribeInstances(req *ecs.DescribeInstancesRequest) (*ecs.DescribeInstancesResponse, error) {
	l.tokens = append(l.tokens, req.NextToken)
	return l.ECS.DescribeInstances(req)
}

// runMany launches n instances in one RunInstances call.
func runMany(t *testing.T, e *env, vsw string, groups []string, n int, name string) {
	t.Helper()
	req := ecs.CreateRunInstancesRequest()
	req.Scheme = "http"
	req.RegionId, req.ImageId, req.InstanceType, req.VSwitchId = "cn-hangzhou", image, "ecs.g7.large", vsw
	req.SecurityGroupIds = &groups
	req.InstanceName, req.KeyPairName, req.Amount = name, world.DefaultKeyPair, requests.NewInteger(n)
	req.ClientToken = name
	if _, err := e.ecs.RunInstances(req); err != nil {
		t.Fatalf("RunInstances %d: %v", n, err)
	}
}

// TestInstancesPages: 105 instances take two DescribeInstances pages of
// 100, the second asked with the first's NextToken, and all come back.
func TestInstancesPages(t *testing.T) {
	e := newEnv(t)
	vsw, groups := demoNetwork(t, e)
	runMany(t, e, vsw, groups, 100, "bulk")
	runMany(t, e, vsw, groups, 5, "more")
	log := &tokenLog{ECS: e.ecs}
	got, err := origin.New(log, "http").Instances(context.Background(), "cn-hangzhou")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 105 {
		t.Fatalf("%d instances, want 105", len(got))
	}
	if len(log.tokens) != 2 || log.tokens[0] != "" || log.tokens[1] == "" {
		t.Errorf("NextTokens asked: %q, want \"\" then the first page's token", log.tokens)
	}
	ids := map[string]bool{}
	names := map[string]int{}
	for _, in := range got {
		ids[in.ID] = true
		names[in.Name]++
		if in.Type != "ecs.g7.large" || in.ImageID != image || in.PrivateIP == "" || in.Zone == "" || in.Status == "" || in.Created == "" {
			t.Fatalf("summary %+v lacks a field", in)
		}
	}
	if len(ids) != 105 || names["bulk"] != 100 || names["more"] != 5 {
		t.Errorf("%d distinct IDs, names %v", len(ids), names)
	}
}

// fakeInstances answers DescribeInstances from a list, pages of two,
// or, with endless, 100 a page with always a next token.
type fakeInstances struct {
	origin.ECS
	list    []ecs.Instance
	endless bool
	calls   int
}

func (f *fakeInstances) DescribeInstances(req *ecs.DescribeInstancesRequest) (*ecs.DescribeInstancesResponse, error) {
	f.calls++
	resp := &ecs.DescribeInstancesResponse{}
	if f.endless {
		for i := range 100 {
			resp.Instances.Instance = append(resp.Instances.Instance, ecs.Instance{InstanceId: fmt.Sprintf("i-%d-%d", f.calls, i)})
		}
		resp.NextToken = fmt.Sprint(f.calls)
		return resp, nil
	}
	from := 0
	if req.NextToken != "" {
		_, _ = fmt.Sscan(req.NextToken, &from)
	}
	to := min(from+2, len(f.list))
	resp.Instances.Instance = f.list[from:to]
	if to < len(f.list) {
		resp.NextToken = fmt.Sprint(to)
	}
	return resp, nil
}

// TestInstancesNewestFirst: the list is ordered by CreationTime, newest
// first, the same minute by ID, whatever order the pages came in.
func TestInstancesNewestFirst(t *testing.T) {
	f := &fakeInstances{list: []ecs.Instance{
		{InstanceId: "i-a", CreationTime: "2024-05-01T10:00Z"},
		{InstanceId: "i-b", CreationTime: "2025-01-01T08:30Z"},
		{InstanceId: "i-c", CreationTime: "2024-12-31T23:59Z"},
		{InstanceId: "i-d", CreationTime: "2025-01-01T08:30Z"},
		{InstanceId: "i-e", CreationTime: "2023-02-03T04:05Z"},
	}}
	got, err := origin.New(f, "http").Instances(context.Background(), "cn-hangzhou")
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, in := range got {
		order = append(order, in.ID)
	}
	if strings.Join(order, " ") != "i-d i-b i-c i-a i-e" || f.calls != 3 {
		t.Errorf("order %v in %d calls, want i-d i-b i-c i-a i-e in 3", order, f.calls)
	}
}

// TestInstancesCap: an API that always has a next page is read up to
// ListMax and no further.
func TestInstancesCap(t *testing.T) {
	f := &fakeInstances{endless: true}
	got, err := origin.New(f, "http").Instances(context.Background(), "cn-hangzhou")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != origin.ListMax || f.calls != origin.ListMax/100 {
		t.Errorf("%d instances in %d calls, want %d in %d", len(got), f.calls, origin.ListMax, origin.ListMax/100)
	}
}

// TestEmptyRegion: a region with nothing lists nothing, without an error.
func TestEmptyRegion(t *testing.T) {
	e := newEnv(t)
	r := origin.New(e.ecs, "http")
	ctx := context.Background()
	ins, err := r.Instances(ctx, world.EmptyRegion)
	if err != nil || len(ins) != 0 {
		t.Errorf("instances: %v %+v", err, ins)
	}
	ts, err := r.Templates(ctx, world.EmptyRegion)
	if err != nil || len(ts) != 0 {
		t.Errorf("templates: %v %+v", err, ts)
	}
}

// createTemplate makes a template of one version and returns its ID.
func createTemplate(t *testing.T, e *env, name, typ string) string {
	t.Helper()
	req := ecs.CreateCreateLaunchTemplateRequest()
	req.Scheme = "http"
	req.RegionId, req.LaunchTemplateName, req.InstanceType, req.ImageId = "cn-hangzhou", name, typ, image
	resp, err := e.ecs.CreateLaunchTemplate(req)
	if err != nil {
		t.Fatalf("CreateLaunchTemplate %s: %v", name, err)
	}
	return resp.LaunchTemplateId
}

func addVersion(t *testing.T, e *env, id, typ, desc string) {
	t.Helper()
	req := ecs.CreateCreateLaunchTemplateVersionRequest()
	req.Scheme = "http"
	req.RegionId, req.LaunchTemplateId, req.InstanceType, req.ImageId, req.VersionDescription = "cn-hangzhou", id, typ, image, desc
	if _, err := e.ecs.CreateLaunchTemplateVersion(req); err != nil {
		t.Fatalf("CreateLaunchTemplateVersion: %v", err)
	}
}

// TestTemplateVersions: a template with 3 versions lists them newest
// first, each with its type and description, version 1 the default (a
// new version does not become it).
func TestTemplateVersions(t *testing.T) {
	e := newEnv(t)
	id := createTemplate(t, e, "web", "ecs.g7.large")
	addVersion(t, e, id, "ecs.c7.large", "bigger")
	addVersion(t, e, id, "ecs.g7.xlarge", "biggest")
	got, err := origin.New(e.ecs, "http").Versions(context.Background(), "cn-hangzhou", id)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, v := range got {
		rows = append(rows, fmt.Sprintf("%d %t %s %s %s", v.Number, v.Default, v.InstanceType, v.ImageID, v.Description))
		if v.Created == "" {
			t.Errorf("version %d has no CreateTime", v.Number)
		}
	}
	want := []string{"3 false ecs.g7.xlarge " + image + " biggest", "2 false ecs.c7.large " + image + " bigger",
		"1 true ecs.g7.large " + image + " "}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("versions:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

// TestTemplatesByName: templates come back by name, whatever order they
// were made in, each with its default and latest version.
func TestTemplatesByName(t *testing.T) {
	e := newEnv(t)
	for _, name := range []string{"zeta", "mid", "beta"} {
		createTemplate(t, e, name, "ecs.g7.large")
	}
	web := createTemplate(t, e, "alpha", "ecs.g7.large")
	addVersion(t, e, web, "ecs.c7.large", "bigger")
	got, err := origin.New(e.ecs, "http").Templates(context.Background(), "cn-hangzhou")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range got {
		names = append(names, g.Name)
	}
	if strings.Join(names, " ") != "alpha beta mid zeta" {
		t.Fatalf("templates %v, want alpha beta mid zeta", names)
	}
	if g := got[0]; g.ID != web || g.DefaultVersion != 1 || g.LatestVersion != 2 || g.Modified == "" {
		t.Errorf("alpha is %+v, want %s, default 1, latest 2", g, web)
	}
}

// fakeTemplates answers DescribeLaunchTemplates n templates in pages of
// two, whatever PageSize asks (an API may cap it lower), with TotalCount.
type fakeTemplates struct {
	origin.ECS
	n     int
	pages []int
}

func (f *fakeTemplates) DescribeLaunchTemplates(req *ecs.DescribeLaunchTemplatesRequest) (*ecs.DescribeLaunchTemplatesResponse, error) {
	page, _ := req.PageNumber.GetValue()
	f.pages = append(f.pages, page)
	resp := &ecs.DescribeLaunchTemplatesResponse{TotalCount: f.n}
	for i := (page - 1) * 2; i < min(page*2, f.n); i++ {
		resp.LaunchTemplateSets.LaunchTemplateSet = append(resp.LaunchTemplateSets.LaunchTemplateSet,
			ecs.LaunchTemplateSet{LaunchTemplateId: fmt.Sprintf("lt-%d", i), LaunchTemplateName: fmt.Sprintf("t-%d", f.n-i)})
	}
	return resp, nil
}

// TestTemplatesPages: the sandbox holds 30 templates a region, fewer than
// a page of 50, so paging is seen against an API that answers two a page:
// every page is asked, in order, until TotalCount, a short page not
// taken for the last.
func TestTemplatesPages(t *testing.T) {
	f := &fakeTemplates{n: 5}
	got, err := origin.New(f, "http").Templates(context.Background(), "cn-hangzhou")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(f.pages) != "[1 2 3]" || len(got) != 5 || got[0].Name != "t-1" || got[4].Name != "t-5" {
		t.Errorf("pages %v gave %+v", f.pages, got)
	}
}

// TestListCallErrors: a failing call is a *CallError naming the action
// and the region.
func TestListCallErrors(t *testing.T) {
	e := newEnv(t)
	id := createTemplate(t, e, "web", "ecs.g7.large")
	r := origin.New(e.ecs, "http")
	ctx := context.Background()
	_, err := r.Versions(ctx, "cn-hangzhou", "lt-bp1nosuch")
	checkCallError(t, err, "DescribeLaunchTemplateVersions", "InvalidLaunchTemplate.NotFound")
	e.s.SetFaults(sandbox.Faults{ErrorRate: 1})
	_, err = r.Instances(ctx, "cn-hangzhou")
	checkCallError(t, err, "DescribeInstances", "")
	_, err = r.Templates(ctx, "cn-hangzhou")
	checkCallError(t, err, "DescribeLaunchTemplates", "")
	_, err = r.Versions(ctx, "cn-hangzhou", id)
	checkCallError(t, err, "DescribeLaunchTemplateVersions", "")
	if _, err := r.Versions(ctx, "cn-hangzhou", "web"); err == nil || !strings.Contains(err.Error(), "lt-") {
		t.Errorf("a name for an ID: %v", err)
	}
}

func checkCallError(t *testing.T, err error, action, code string) {
	t.Helper()
	var ce *origin.CallError
	if !errors.As(err, &ce) || ce.Action != action || ce.Region != "cn-hangzhou" ||
		!strings.Contains(err.Error(), action+" in cn-hangzhou") || !strings.Contains(err.Error(), code) {
		t.Errorf("%s: %v, want a CallError naming it (%q)", action, err, code)
	}
}
