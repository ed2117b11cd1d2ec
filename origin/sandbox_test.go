package origin_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/origin"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

const image = "aliyun_3_x64_20G_alibase_20240819.vhd"

type env struct {
	s    *sandbox.Server
	ecs  *ecs.Client
	sess *cloud.Session
	hist *launcher.History
}

func newEnv(t *testing.T) *env {
	t.Helper()
	s, err := sandbox.Start(sandbox.Options{BootTime: 60 * time.Millisecond, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sess, err := cloud.Sandbox(s.Endpoint(), cloud.Config{Region: "cn-hangzhou"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := sess.ECS()
	if err != nil {
		t.Fatal(err)
	}
	h, err := launcher.OpenHistory(filepath.Join(t.TempDir(), "history.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return &env{s: s, ecs: c, sess: sess, hist: h}
}

// demoNetwork is cn-hangzhou's demo VPC: its vSwitch, web-sg, and a second
// group made for the test.
func demoNetwork(t *testing.T, e *env) (vsw string, groups []string) {
	t.Helper()
	net := world.New().Network("cn-hangzhou")
	var vpcID string
	for _, v := range net.VSwitches {
		if v.VSwitchName == "demo-vsw" {
			vsw, vpcID = v.VSwitchId, v.VpcId
		}
	}
	for _, g := range net.SecurityGroups {
		if g.SecurityGroupName == "web-sg" {
			groups = append(groups, g.SecurityGroupId)
		}
	}
	req := ecs.CreateCreateSecurityGroupRequest()
	req.RegionId, req.VpcId, req.SecurityGroupName, req.Scheme = "cn-hangzhou", vpcID, "app-sg", "http"
	resp, err := e.ecs.CreateSecurityGroup(req)
	if err != nil {
		t.Fatal(err)
	}
	return vsw, append(groups, resp.SecurityGroupId)
}

// launchOriginal launches, through the classic SDK, an instance with 2
// data disks, 2 security groups and 3 tags.
func launchOriginal(t *testing.T, e *env) string {
	t.Helper()
	vsw, groups := demoNetwork(t, e)
	req := ecs.CreateRunInstancesRequest()
	req.Scheme = "http"
	req.RegionId, req.ImageId, req.InstanceType, req.VSwitchId = "cn-hangzhou", image, "ecs.g7.large", vsw
	req.SecurityGroupIds = &groups
	req.InstanceName, req.HostName, req.KeyPairName = "web-003", "web-003", world.DefaultKeyPair
	req.SystemDiskCategory, req.SystemDiskSize, req.SystemDiskPerformanceLevel = "cloud_essd", "60", "PL0"
	req.DataDisk = &[]ecs.RunInstancesDataDisk{
		{Category: "cloud_essd", Size: "500", PerformanceLevel: "PL2", DiskName: "db", DeleteWithInstance: "true"},
		{Category: "cloud_efficiency", Size: "200", DeleteWithInstance: "false", Description: "logs"},
	}
	req.Tag = &[]ecs.RunInstancesTag{{Key: "team", Value: "web"}, {Key: "env", Value: "prod"}, {Key: "cost-center", Value: "42"}}
	req.InternetMaxBandwidthOut = requests.NewInteger(5)
	req.UserData = "IyEvYmluL3NoCmVjaG8gaGkK"
	req.ClientToken = "original"
	resp, err := e.ecs.RunInstances(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp.InstanceIdSets.InstanceIdSet[0]
}

func describe(t *testing.T, e *env, id string) (ecs.Instance, []ecs.Disk) {
	t.Helper()
	di := ecs.CreateDescribeInstancesRequest()
	di.RegionId, di.InstanceIds, di.Scheme = "cn-hangzhou", fmt.Sprintf("[%q]", id), "http"
	ir, err := e.ecs.DescribeInstances(di)
	if err != nil || len(ir.Instances.Instance) != 1 {
		t.Fatalf("DescribeInstances %s: %v", id, err)
	}
	dd := ecs.CreateDescribeDisksRequest()
	dd.RegionId, dd.InstanceId, dd.Scheme = "cn-hangzhou", id, "http"
	dr, err := e.ecs.DescribeDisks(dd)
	if err != nil {
		t.Fatal(err)
	}
	return ir.Instances.Instance[0], dr.Disks.Disk
}

// TestLaunchMoreLikeThis is issue 14's acceptance through the packages:
// the launch file read from an instance validates, passes DryRun and
// launches a second instance with the same type, image, disks, network
// and tags, compared attribute by attribute.
func TestLaunchMoreLikeThis(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	first := launchOriginal(t, e)
	res, err := origin.New(e.ecs, e.sess.Scheme()).FromInstance(ctx, "cn-hangzhou", first)
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := res.File.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	file, err := request.ParseFile(data) // the file as written, read back
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	req := file.Request
	if fs := rules.Validate(req, rules.Context{OSType: "linux", ImageSize: 20, Now: time.Now()}); hasError(fs) {
		t.Fatalf("the file does not validate: %v\n%s", fs, data)
	}
	lc := launcher.WithScheme(e.ecs, "http")
	if v := launcher.DryRun(ctx, lc, req); !v.Passed {
		t.Fatalf("DryRun: %s\n%s", v, data)
	}
	out, err := launcher.Launch(ctx, lc, req, launcher.Options{History: e.hist, Wait: true, Timeout: 10 * time.Second,
		PollInterval: 20 * time.Millisecond, Scheme: "http"}, nil)
	if err != nil || out.Running() != 1 {
		t.Fatalf("launch: %v", err)
	}
	a, aDisks := describe(t, e, first)
	b, bDisks := describe(t, e, out.Instances[0].ID)
	same := func(what string, x, y any) {
		if fmt.Sprint(x) != fmt.Sprint(y) {
			t.Errorf("%s: %v, then %v", what, x, y)
		}
	}
	same("InstanceType", a.InstanceType, b.InstanceType)
	same("ImageId", a.ImageId, b.ImageId)
	same("ZoneId", a.ZoneId, b.ZoneId)
	same("VpcId", a.VpcAttributes.VpcId, b.VpcAttributes.VpcId)
	same("VSwitchId", a.VpcAttributes.VSwitchId, b.VpcAttributes.VSwitchId)
	same("SecurityGroupIds", a.SecurityGroupIds.SecurityGroupId, b.SecurityGroupIds.SecurityGroupId)
	same("Tags", a.Tags.Tag, b.Tags.Tag)
	same("KeyPairName", a.KeyPairName, b.KeyPairName)
	same("InternetMaxBandwidthOut", a.InternetMaxBandwidthOut, b.InternetMaxBandwidthOut)
	same("InstanceChargeType", a.InstanceChargeType, b.InstanceChargeType)
	if len(aDisks) != 3 || len(bDisks) != 3 {
		t.Fatalf("disks: %d, then %d", len(aDisks), len(bDisks))
	}
	for i := range aDisks {
		x, y := aDisks[i], bDisks[i]
		for _, f := range [][3]any{{"Type", x.Type, y.Type}, {"Category", x.Category, y.Category}, {"Size", x.Size, y.Size},
			{"PerformanceLevel", x.PerformanceLevel, y.PerformanceLevel}, {"DeleteWithInstance", x.DeleteWithInstance, y.DeleteWithInstance},
			{"DiskName", x.DiskName, y.DiskName}, {"Description", x.Description, y.Description}, {"Device", x.Device, y.Device}} {
			same(fmt.Sprintf("disk %d %s", i, f[0]), f[1], f[2])
		}
	}
	if a.VpcAttributes.PrivateIpAddress.IpAddress[0] == b.VpcAttributes.PrivateIpAddress.IpAddress[0] {
		t.Error("the second instance has the first one's private address")
	}
	if b.InstanceName != "web-004" {
		t.Errorf("the second instance is named %q, want web-004 (it goes on from web-003)", b.InstanceName)
	}
	text := strings.Join(origin.Strings(res.Notes), "\n")
	for _, want := range []string{"Password: an instance's password is never retrievable", "DataDisk.1: disk", "made empty",
		"InstanceName: web-003 is numbered"} {
		if !strings.Contains(text, want) {
			t.Errorf("notes lack %q:\n%s", want, text)
		}
	}
}

func hasError(fs []rules.Finding) bool {
	for _, f := range fs {
		if f.Severity == rules.Error {
			return true
		}
	}
	return false
}

// TestUnknownIDs: an instance or template the region lacks names the ID
// and the region; one in another region says which.
func TestUnknownIDs(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	first := launchOriginal(t, e)
	r := origin.New(e.ecs, "http")
	_, err := r.FromInstance(ctx, "cn-shanghai", first)
	var nf *origin.NotFoundError
	if !errors.As(err, &nf) || nf.FoundIn != "cn-hangzhou" || !strings.Contains(err.Error(), "does not exist in cn-shanghai; it is in cn-hangzhou: give --region cn-hangzhou") {
		t.Errorf("another region: %v", err)
	}
	_, err = r.FromInstance(ctx, "cn-hangzhou", "i-bp1nosuchinstance")
	if !errors.As(err, &nf) || nf.FoundIn != "" || !strings.Contains(err.Error(), "instance i-bp1nosuchinstance does not exist in cn-hangzhou") ||
		!strings.Contains(err.Error(), "DescribeInstances --RegionId cn-hangzhou") {
		t.Errorf("nowhere: %v", err)
	}
	if _, err := r.FromInstance(ctx, "cn-hangzhou", "web-003"); err == nil || !strings.Contains(err.Error(), "i-") {
		t.Errorf("a name for an ID: %v", err)
	}
	_, err = r.FromTemplate(ctx, "cn-hangzhou", "lt-bp1nosuch", 0)
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), "DescribeLaunchTemplates --RegionId cn-hangzhou") {
		t.Errorf("unknown template: %v", err)
	}
}

// TestTemplateRoundTrip: a template created from the launch-template
// export's content, imported, exports the same command again, less what a
// template cannot hold.
func TestTemplateRoundTrip(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	data, err := os.ReadFile("../examples/web.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := request.ParseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	want, err := exporter.Export(f.Request, exporter.LaunchTemplate, exporter.Options{LaunchTemplateName: "web"})
	if err != nil {
		t.Fatal(err)
	}
	vc, err := e.sess.VPC()
	if err != nil {
		t.Fatal(err)
	}
	p, err := provision.New(e.ecs, vc, provision.Options{History: e.hist, Scheme: "http"})
	if err != nil {
		t.Fatal(err)
	}
	saved, _, err := p.SaveTemplate(ctx, f.Request, provision.TemplateSpec{LaunchTemplateName: "web"})
	if err != nil {
		t.Fatal(err)
	}
	checkRoundTrip(t, e, saved.ID, f.Request, want.Text)
}

// checkRoundTrip imports template id and checks it exports wantText again
// and holds the original request less what a template cannot hold.
func checkRoundTrip(t *testing.T, e *env, id string, orig *request.Request, wantText string) {
	t.Helper()
	res, err := origin.New(e.ecs, "http").FromTemplate(context.Background(), "cn-hangzhou", id, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Source.ID != id || res.Source.Version != 1 || res.Source.Name != "web" {
		t.Errorf("source %+v", res.Source)
	}
	again, err := exporter.Export(res.File.Request, exporter.LaunchTemplate, exporter.Options{LaunchTemplateName: "web"})
	if err != nil {
		t.Fatal(err)
	}
	if again.Text != wantText {
		t.Errorf("exported again:\n%s\nwant:\n%s", again.Text, wantText)
	}
	held := request.New()
	for _, p := range exporter.Template(orig, exporter.Options{}).Params {
		_ = held.Set(p.Name, p.Value)
	}
	if !held.Equal(res.File.Request) {
		t.Errorf("imported %v\nwant %v", res.File.Request.Params(), held.Params())
	}
	notes := strings.Join(origin.Strings(res.Notes), "\n")
	if !strings.Contains(notes, "Password") || !strings.Contains(notes, "Amount") {
		t.Errorf("notes %q", notes)
	}
	// a version the template lacks names the versions it has
	_, err = origin.New(e.ecs, "http").FromTemplate(context.Background(), "cn-hangzhou", id, 7)
	var nf *origin.NotFoundError
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), "version 7 does not exist in cn-hangzhou") || !strings.Contains(err.Error(), "versions 1 to 1") {
		t.Errorf("version 7: %v", err)
	}
}
