package catalog

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

var ctx = context.Background()

func TestInstanceTypesStatusMatchesTheWorld(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	c := sandboxCatalog(t, srv, t.TempDir(), Options{})
	w := world.New()
	r, _ := w.Region(region)
	for _, b := range []Billing{{}, {InstanceChargeType: PrePaid}, {SpotStrategy: "SpotAsPriceGo"}} {
		zone := r.Zones[1]
		types, err := c.InstanceTypes(ctx, region, zone.ZoneId, b)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]Availability{}
		for _, ts := range w.Offered(r, zone, b.chargeType(), b.spotStrategy()) {
			want[ts.Type.InstanceTypeId] = Availability(ts.Status)
		}
		counts := map[Availability]int{}
		for _, it := range types {
			counts[it.Status]++
			exp, ok := want[it.InstanceTypeId]
			if !ok {
				exp = NotOffered
			}
			if it.Status != exp {
				t.Errorf("%v %s in %s: status %s, want %s", b, it.InstanceTypeId, zone.ZoneId, it.Status, exp)
			}
			if it.Status == Available && !slices.Contains(it.AvailableZones, zone.ZoneId) {
				t.Errorf("%s available in %s but AvailableZones = %v", it.InstanceTypeId, zone.ZoneId, it.AvailableZones)
			}
		}
		t.Logf("%+v in %s: %v", b, zone.ZoneId, counts)
		if counts[Available] == 0 || counts[NotOffered] == 0 {
			t.Errorf("%+v: want both available and not-offered types, got %v", b, counts)
		}
		zones, err := c.Zones(ctx, region, b)
		if err != nil {
			t.Fatal(err)
		}
		if i := slices.IndexFunc(zones, func(z Zone) bool { return z.ZoneId == zone.ZoneId }); i < 0 || zones[i].AvailableTypes != counts[Available] {
			t.Errorf("%+v: Zones says %+v, InstanceTypes counts %d available", b, zones, counts[Available])
		}
	}
}

func TestImagesByArchitecture(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	c := sandboxCatalog(t, srv, t.TempDir(), Options{})
	all, err := c.Images(ctx, region, "")
	if err != nil {
		t.Fatal(err)
	}
	x86, _ := c.Images(ctx, region, "X86")
	arm, _ := c.Images(ctx, region, "ARM")
	if len(x86) == 0 || len(arm) == 0 || len(x86)+len(arm) != len(all) {
		t.Fatalf("X86 %d + ARM %d != all %d", len(x86), len(arm), len(all))
	}
	for _, im := range arm {
		if im.Architecture != "arm64" {
			t.Errorf("ARM list has %s (%s)", im.ImageId, im.Architecture)
		}
	}
	for _, g := range GroupImages(x86) {
		for i, im := range g.Images {
			if im.Platform != g.Platform || im.Architecture == "arm64" {
				t.Errorf("group %s holds %s (%s, %s)", g.Platform, im.ImageId, im.Platform, im.Architecture)
			}
			if i > 0 && g.Images[i-1].CreationTime < im.CreationTime {
				t.Errorf("group %s not newest first at %s", g.Platform, im.ImageId)
			}
		}
	}
}

func TestDiskCategories(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	c := sandboxCatalog(t, srv, t.TempDir(), Options{})
	zone, typ := availableType(t, c)
	system, data, err := c.DiskCategories(ctx, region, zone, typ.InstanceTypeId, Billing{})
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := world.New().Type(typ.InstanceTypeId)
	if got := categories(system); !slices.Equal(got, wt.SystemDiskCategories) {
		t.Errorf("system disks %v, world %v", got, wt.SystemDiskCategories)
	}
	if got := categories(data); !slices.Equal(got, wt.DataDiskCategories) {
		t.Errorf("data disks %v, world %v", got, wt.DataDiskCategories)
	}
	for _, d := range append(system, data...) {
		if d.Max <= d.Min || d.Status != Available {
			t.Errorf("%+v: want limits and Available", d)
		}
		if (d.Category == "cloud_essd") != (len(d.PerformanceLevels) > 0) {
			t.Errorf("%s: performance levels %v", d.Category, d.PerformanceLevels)
		}
	}
}

// availableType is the first type available in some zone.
func availableType(t *testing.T, c *Catalog) (string, InstanceType) {
	t.Helper()
	types, err := c.InstanceTypes(ctx, region, "", Billing{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range types {
		if it.Status == Available {
			return it.AvailableZones[0], it
		}
	}
	t.Fatal("no available type")
	return "", InstanceType{}
}

func TestNetworkViews(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	c := sandboxCatalog(t, srv, t.TempDir(), Options{})
	vpcs, err := c.VPCs(ctx, region)
	if err != nil || len(vpcs) == 0 {
		t.Fatalf("VPCs: %v %v", vpcs, err)
	}
	all, _ := c.VSwitches(ctx, region, "", "")
	vpc := vpcs[0].VpcId
	inVPC, _ := c.VSwitches(ctx, region, vpc, "")
	if len(inVPC) == 0 {
		t.Fatalf("VPC %s has no vSwitch", vpc)
	}
	zone := inVPC[0].ZoneId
	inZone, _ := c.VSwitches(ctx, region, vpc, zone)
	for _, v := range inZone {
		if v.VpcId != vpc || v.ZoneId != zone || v.AvailableIpAddressCount <= 0 {
			t.Errorf("VSwitches(%s, %s) returned %+v", vpc, zone, v)
		}
	}
	if len(inZone) == 0 || len(inZone) > len(inVPC) || len(inVPC) > len(all) {
		t.Errorf("filters: %d in zone, %d in VPC, %d in all", len(inZone), len(inVPC), len(all))
	}
	sgs, _ := c.SecurityGroups(ctx, region, vpc)
	if len(sgs) == 0 {
		t.Errorf("VPC %s has no security group", vpc)
	}
	for _, g := range sgs {
		if g.VpcId != vpc {
			t.Errorf("SecurityGroups(%s) returned %+v", vpc, g)
		}
	}
	if kps, _ := c.KeyPairs(ctx, region); !slices.ContainsFunc(kps, func(k KeyPair) bool { return k.KeyPairName == world.DefaultKeyPair }) {
		t.Errorf("key pairs %v lack %s", kps, world.DefaultKeyPair)
	}
}

func TestPrices(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	c := sandboxCatalog(t, srv, t.TempDir(), Options{})
	zone, typ := availableType(t, c)
	p, err := c.TypePrice(ctx, region, zone, typ.InstanceTypeId, Billing{})
	if err != nil || p.TradePrice <= 0 || p.PriceUnit != "Hour" || p.Currency == "" {
		t.Fatalf("TypePrice = %+v, %v", p, err)
	}
	srv.ResetCalls()
	types, _ := c.InstanceTypes(ctx, region, zone, Billing{})
	i := slices.IndexFunc(types, func(it InstanceType) bool { return it.InstanceTypeId == typ.InstanceTypeId })
	if types[i].PricePerHour != p.TradePrice {
		t.Errorf("InstanceTypes price %v, TypePrice %v", types[i].PricePerHour, p.TradePrice)
	}
	if _, err := c.TypePrice(ctx, region, zone, typ.InstanceTypeId, Billing{}); err != nil || srv.Calls()["DescribePrice"] != 0 {
		t.Errorf("TypePrice not cached: %v, calls %v", err, srv.Calls())
	}

	r := request.New()
	for k, v := range map[string]string{"RegionId": region, "ZoneId": zone, "InstanceType": typ.InstanceTypeId,
		"SystemDisk.Category": "cloud_essd", "SystemDisk.Size": "40", "DataDisk.1.Category": "cloud_essd",
		"DataDisk.1.Size": "100", "Amount": "2"} {
		if err := r.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	whole, err := c.Price(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	if whole.TradePrice <= 2*p.TradePrice*0.99 {
		t.Errorf("2 instances with a 100 GiB data disk cost %v, one bare instance %v", whole.TradePrice, p.TradePrice)
	}
	monthly := r.Clone()
	_ = monthly.Set("InstanceChargeType", PrePaid)
	_ = monthly.Set("Period", "1")
	m, err := c.Price(ctx, monthly)
	if err != nil || m.PriceUnit != "Month" || m.TradePrice <= whole.TradePrice {
		t.Errorf("monthly price %+v (%v), hourly %v", m, err, whole.TradePrice)
	}
}

func TestRulesCatalogFacts(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	c := sandboxCatalog(t, srv, t.TempDir(), Options{})
	var rc rules.Catalog = c
	w := world.New()
	img := w.Images[0]
	f, err := rc.Image(ctx, region, img.ImageId)
	if err != nil || f.Size != img.Size || f.OSType != img.OSType || f.Architecture != img.Architecture {
		t.Errorf("Image = %+v, %v; world %+v", f, err, img)
	}
	if _, err := rc.Image(ctx, region, "m-doesnotexist"); !errors.Is(err, rules.ErrNotFound) {
		t.Errorf("missing image: err = %v", err)
	}

	zone, typ := availableType(t, c)
	tf, err := rc.InstanceType(ctx, region, zone, typ.InstanceTypeId, "PostPaid", "")
	if err != nil || tf.Status != "Available" || len(tf.SystemDiskCategories) == 0 || tf.MaxDataDisks <= 0 || tf.CpuArchitecture == "" {
		t.Errorf("InstanceType = %+v, %v", tf, err)
	}
	if _, err := rc.InstanceType(ctx, region, zone, "ecs.nope.large", "PostPaid", ""); !errors.Is(err, rules.ErrNotFound) {
		t.Errorf("missing type: err = %v", err)
	}

	vsw, _ := c.VSwitches(ctx, region, "", "")
	vf, err := rc.VSwitch(ctx, region, vsw[0].VSwitchId)
	if err != nil || vf.VpcId != vsw[0].VpcId || vf.ZoneId != vsw[0].ZoneId {
		t.Errorf("VSwitch = %+v, %v", vf, err)
	}
	if _, err := rc.VSwitch(ctx, region, "vsw-nope"); !errors.Is(err, rules.ErrNotFound) {
		t.Errorf("missing vSwitch: err = %v", err)
	}
	sgs, _ := c.SecurityGroups(ctx, region, "")
	if sf, err := rc.SecurityGroup(ctx, region, sgs[0].SecurityGroupId); err != nil || sf.VpcId != sgs[0].VpcId {
		t.Errorf("SecurityGroup = %+v, %v", sf, err)
	}
	for _, g := range sgs {
		if g.SecurityGroupName != world.BusySecurityGroup {
			continue
		}
		// The capacity rule needs the group's type and real capacity
		// (docs/rules.md T2-15): 1998 of 2000 in the sandbox.
		sf, err := rc.SecurityGroup(ctx, region, g.SecurityGroupId)
		if err != nil || sf.SecurityGroupType != "normal" || sf.EcsCount != 1998 || sf.Capacity != 2000 {
			t.Errorf("busy SecurityGroup = %+v, %v", sf, err)
		}
	}
	if _, err := rc.SecurityGroup(ctx, region, "sg-nope"); !errors.Is(err, rules.ErrNotFound) {
		t.Errorf("missing security group: err = %v", err)
	}
	for name, want := range map[string]bool{world.DefaultKeyPair: true, "no-such-key": false} {
		if ok, err := rc.KeyPairExists(ctx, region, name); ok != want || err != nil {
			t.Errorf("KeyPairExists(%s) = %v, %v", name, ok, err)
		}
	}
	for id, want := range map[string]bool{region: true, "xx-nowhere-1": false} {
		if ok, err := rc.RegionExists(ctx, id); ok != want || err != nil {
			t.Errorf("RegionExists(%s) = %v, %v", id, ok, err)
		}
	}
	for id, want := range map[string]bool{zone: true, "cn-hangzhou-z": false} {
		if ok, err := rc.ZoneExists(ctx, region, id); ok != want || err != nil {
			t.Errorf("ZoneExists(%s) = %v, %v", id, ok, err)
		}
	}
}
