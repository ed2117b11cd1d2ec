package recorder_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/recorder"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

const region = "cn-hangzhou"

// The AccessKey of sandbox A: neither may reach the recording.
const keyA, secretA = "LTAIrecordAkey", "rec-secret-of-A"

// sandboxA is a sandbox whose account has, besides the embedded network, a
// VPC with a vSwitch and a security group of its own, and two instances in
// them (so the recording must carry used addresses and group counts).
func sandboxA(t *testing.T) (*sandbox.Server, world.VSwitch, world.SecurityGroup) {
	t.Helper()
	w := world.New()
	r, _ := w.Region(region)
	vpc := world.VPC{VpcId: "vpc-bp1recordedvpc0001", VpcName: "recorded-vpc", CidrBlock: "10.20.0.0/16", RegionId: region}
	vsw := world.VSwitch{VSwitchId: "vsw-bp1recordedvsw0001", VSwitchName: "recorded-vsw", VpcId: vpc.VpcId, ZoneId: r.Zones[0].ZoneId, CidrBlock: "10.20.1.0/24"}
	sg := world.SecurityGroup{SecurityGroupId: "sg-bp1recordedsg00001", SecurityGroupName: "recorded-sg", Description: "made for the test",
		SecurityGroupType: "normal", VpcId: vpc.VpcId, Capacity: 2000}
	w.AddNetwork(region, world.Network{VPCs: []world.VPC{vpc}, VSwitches: []world.VSwitch{vsw}, SecurityGroups: []world.SecurityGroup{sg}})
	s, err := sandbox.Start(sandbox.Options{World: w, AccessKeyID: keyA, AccessKeySecret: secretA, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c, err := ecs.NewClientWithAccessKey(region, keyA, secretA)
	if err != nil {
		t.Fatal(err)
	}
	c.Domain = s.Endpoint()
	req := ecs.CreateRunInstancesRequest()
	req.RegionId, req.ZoneId, req.InstanceType, req.ImageId = region, vsw.ZoneId, world.CheapestGeneral, "aliyun_3_x64_20G_alibase_20240819.vhd"
	req.VSwitchId, req.SecurityGroupId, req.Amount = vsw.VSwitchId, sg.SecurityGroupId, "2"
	if _, err := c.RunInstances(req); err != nil {
		t.Fatal(err)
	}
	return s, vsw, sg
}

func catalogOf(t *testing.T, endpoint, id, secret string) *catalog.Catalog {
	t.Helper()
	sess, err := cloud.SandboxWithKey(endpoint, id, secret, cloud.Config{Region: region})
	if err != nil {
		t.Fatal(err)
	}
	c := catalog.New(sess, catalog.Options{CacheDir: t.TempDir()})
	t.Cleanup(c.Close)
	return c
}

// TestRecordThenPlay is issue 15's acceptance: record sandbox A (with a VPC
// and a security group of its own), serve B from the file, and B answers
// the wizard's Describe calls for the region as A does; a request built
// from the wizard's defaults passes DryRun on B.
func TestRecordThenPlay(t *testing.T) {
	ctx := context.Background()
	a, vsw, sg := sandboxA(t)
	rec, err := recorder.Record(ctx, catalogOf(t, a.Endpoint(), keyA, secretA), recorder.Options{Regions: []string{region}, Endpoint: a.Endpoint()})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "account.json")
	if err := recorder.Write(path, rec); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, secret := range []string{secretA, keyA} {
		if strings.Contains(string(data), secret) {
			t.Errorf("the recording holds %q", secret)
		}
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	w, err := sandbox.LoadWorld(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sandbox.Start(sandbox.Options{World: w, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ca, cb := catalogOf(t, a.Endpoint(), keyA, secretA), catalogOf(t, b.Endpoint(), sandbox.DefaultAccessKeyID, sandbox.DefaultAccessKeySecret)

	ra, err := ca.Regions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := cb.Regions(ctx)
	if err != nil || !reflect.DeepEqual(ra, rb) {
		t.Errorf("DescribeRegions differ (%v):\n%v\n%v", err, ra, rb)
	}
	for _, billing := range []catalog.Billing{{}, {InstanceChargeType: catalog.PrePaid}, {SpotStrategy: "SpotAsPriceGo"}} {
		da, err := ca.Load(ctx, region, billing)
		if err != nil {
			t.Fatal(err)
		}
		db, err := cb.Load(ctx, region, billing)
		if err != nil {
			t.Fatal(err)
		}
		same(t, "Load "+billing.InstanceChargeType+billing.SpotStrategy, da, db)
		for _, z := range da.Zones {
			ta, _ := ca.InstanceTypes(ctx, region, z.ZoneId, billing)
			tb, _ := cb.InstanceTypes(ctx, region, z.ZoneId, billing)
			same(t, "InstanceTypes in "+z.ZoneId, ta, tb)
		}
	}
	da, _ := ca.Load(ctx, region, catalog.Billing{})
	var ourSwitch catalog.VSwitch
	for _, v := range da.VSwitches {
		if v.VSwitchId == vsw.VSwitchId {
			ourSwitch = v
		}
	}
	if ourSwitch.AvailableIpAddressCount != vsw.Usable()-2 {
		t.Errorf("the recorded vSwitch in A: %+v", ourSwitch)
	}
	for _, g := range da.SecurityGroups {
		if g.SecurityGroupId == sg.SecurityGroupId && g.EcsCount != 2 {
			t.Errorf("the recorded group in A: %+v", g)
		}
	}
	for _, it := range []string{world.CheapestGeneral, "ecs.g7.large", "ecs.c7.large", "ecs.r7.xlarge"} {
		pa, err := ca.TypePrice(ctx, region, "", it, catalog.Billing{})
		if err != nil {
			t.Fatal(err)
		}
		pb, err := cb.TypePrice(ctx, region, "", it, catalog.Billing{})
		if err != nil || pa != pb {
			t.Errorf("TypePrice %s: A %+v, B %+v (%v)", it, pa, pb, err)
		}
		zone := da.Zones[0].ZoneId
		sa, xa, _ := ca.DiskCategories(ctx, region, zone, it, catalog.Billing{})
		sb, xb, err := cb.DiskCategories(ctx, region, zone, it, catalog.Billing{})
		if err != nil || !reflect.DeepEqual(sa, sb) || !reflect.DeepEqual(xa, xb) {
			t.Errorf("DiskCategories %s: %v\n%v %v\n%v %v", it, err, sa, sb, xa, xb)
		}
	}
	if r := dryRunDefaults(t, cb, b.Endpoint()); !r.Passed {
		t.Errorf("the defaults on B: %s", r)
	}
}

// TestRecordAnonymized: with Anonymize, no ID or name of the account's own
// resources is in the file, and the world still plays: the defaults pass
// DryRun.
func TestRecordAnonymized(t *testing.T) {
	ctx := context.Background()
	a, vsw, sg := sandboxA(t)
	rec, err := recorder.Record(ctx, catalogOf(t, a.Endpoint(), keyA, secretA), recorder.Options{Regions: []string{region}, Anonymize: true, Endpoint: a.Endpoint()})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "anon.json")
	if err := recorder.Write(path, rec); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, s := range []string{vsw.VSwitchId, vsw.VpcId, sg.SecurityGroupId, vsw.VSwitchName, sg.SecurityGroupName, sg.Description,
		"recorded-vpc", world.DefaultKeyPair, a.Endpoint(), keyA, secretA} {
		if strings.Contains(string(data), s) {
			t.Errorf("the anonymized recording holds %q", s)
		}
	}
	w, err := sandbox.LoadWorld(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sandbox.Start(sandbox.Options{World: w, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if r := dryRunDefaults(t, catalogOf(t, b.Endpoint(), sandbox.DefaultAccessKeyID, sandbox.DefaultAccessKeySecret), b.Endpoint()); !r.Passed {
		t.Errorf("the defaults on the anonymized world: %s", r)
	}
}

func TestRecordUnknownRegion(t *testing.T) {
	a, _, _ := sandboxA(t)
	_, err := recorder.Record(context.Background(), catalogOf(t, a.Endpoint(), keyA, secretA), recorder.Options{Regions: []string{"xx-nowhere-1"}})
	if err == nil || !strings.Contains(err.Error(), `"xx-nowhere-1" is not in DescribeRegions`) {
		t.Errorf("%v", err)
	}
}

// same compares what A and B answered, naming the first difference.
func same[T any](t *testing.T, what string, a, b T) {
	t.Helper()
	if reflect.DeepEqual(a, b) {
		return
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for va.Kind() == reflect.Pointer {
		va, vb = va.Elem(), vb.Elem()
	}
	if va.Kind() == reflect.Struct {
		for i := 0; i < va.NumField(); i++ {
			if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
				t.Errorf("%s: %s differ:\nA %v\nB %v", what, va.Type().Field(i).Name, va.Field(i).Interface(), vb.Field(i).Interface())
			}
		}
		return
	}
	t.Errorf("%s differ:\nA %v\nB %v", what, a, b)
}

// dryRunDefaults goes through the wizard's steps taking every default, as
// an Enter-through does, and DryRuns the request on the sandbox at endpoint.
func dryRunDefaults(t *testing.T, c *catalog.Catalog, endpoint string) launcher.DryRunResult {
	t.Helper()
	ctx := context.Background()
	env := &forms.Env{}
	d := forms.NewDraft(nil, env)
	if err := d.Req.Set("RegionId", region); err != nil {
		t.Fatal(err)
	}
	forms.ApplyDefaults(forms.Billing, d)
	billing := catalog.Billing{InstanceChargeType: d.Req.Get("InstanceChargeType")}
	data, err := c.Load(ctx, region, billing)
	if err != nil {
		t.Fatal(err)
	}
	env.Data = data
	forms.ApplyDefaults(forms.Zone, d)
	zone := d.Req.Get("ZoneId")
	types, err := c.InstanceTypes(ctx, region, zone, billing)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range forms.DefaultTypeCandidates(types) {
		if _, err := c.TypePrice(ctx, region, zone, it, billing); err != nil {
			t.Fatal(err)
		}
	}
	if env.Types, err = c.InstanceTypes(ctx, region, zone, billing); err != nil {
		t.Fatal(err)
	}
	forms.ApplyDefaults(forms.InstanceType, d)
	forms.ApplyDefaults(forms.Image, d)
	env.SystemCategories, env.DataCategories, err = c.DiskCategories(ctx, region, zone, d.Req.Get("InstanceType"), billing)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []forms.StepID{forms.Storage, forms.Network, forms.Access} {
		forms.ApplyDefaults(s, d)
	}
	cl, err := ecs.NewClientWithAccessKey(region, sandbox.DefaultAccessKeyID, sandbox.DefaultAccessKeySecret)
	if err != nil {
		t.Fatal(err)
	}
	cl.Domain = endpoint
	t.Logf("defaults: %v", d.Req.Params())
	return launcher.DryRun(ctx, launcher.WithScheme(cl, "http"), d.Req)
}
