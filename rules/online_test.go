package rules

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

// fakeCatalog is a small world: one region with two zones, a few images,
// types, vSwitches, groups and key pairs. fail makes one method return a
// transport error.
type fakeCatalog struct {
	images map[string]ImageFacts
	types  map[string]TypeFacts // by zone + "/" + type
	vsws   map[string]VSwitchFacts
	sgs    map[string]SecurityGroupFacts
	keys   map[string]bool
	spot   map[string]float64 // by zone + "/" + type
	fail   string
	calls  []string
}

var errDown = errors.New("connection refused")

func newFake() *fakeCatalog {
	g7 := TypeFacts{InstanceTypeId: "ecs.g7.large", CpuArchitecture: "X86", Status: "Available",
		AvailableZones: []string{"cn-hangzhou-h", "cn-hangzhou-i"}, SystemDiskCategories: []string{"cloud_essd", "cloud_efficiency"},
		DataDiskCategories: []string{"cloud_essd", "cloud_efficiency"}, MaxDataDisks: 16}
	soldOut := g7
	soldOut.Status = "SoldOut"
	soldOut.AvailableZones = []string{"cn-hangzhou-h"}
	notOffered := g7
	notOffered.InstanceTypeId, notOffered.Status, notOffered.AvailableZones = "ecs.c8y.large", "NotOffered", []string{"cn-hangzhou-j"}
	arm := g7
	arm.InstanceTypeId, arm.CpuArchitecture = "ecs.g8y.large", "ARM"
	small := g7
	small.InstanceTypeId, small.MaxDataDisks = "ecs.t6.small", 4
	return &fakeCatalog{
		images: map[string]ImageFacts{
			"linux_20G": {ImageId: "linux_20G", OSType: "linux", Architecture: "x86_64", Size: 20, Status: "Available"},
			"win_40G":   {ImageId: "win_40G", OSType: "windows", Architecture: "x86_64", Size: 40, Status: "Available"},
			"old":       {ImageId: "old", OSType: "linux", Architecture: "x86_64", Size: 20, Status: "Deprecated"},
		},
		types: map[string]TypeFacts{
			"cn-hangzhou-h/ecs.g7.large":  g7,
			"cn-hangzhou-i/ecs.g7.large":  soldOut,
			"cn-hangzhou-h/ecs.c8y.large": notOffered,
			"cn-hangzhou-h/ecs.g8y.large": arm,
			"cn-hangzhou-h/ecs.t6.small":  small,
		},
		vsws: map[string]VSwitchFacts{
			"vsw-h": {VSwitchId: "vsw-h", VpcId: "vpc-1", ZoneId: "cn-hangzhou-h", CidrBlock: "192.168.0.0/24", AvailableIpAddressCount: 250},
			"vsw-i": {VSwitchId: "vsw-i", VpcId: "vpc-1", ZoneId: "cn-hangzhou-i", CidrBlock: "192.168.1.0/24", AvailableIpAddressCount: 2},
			"vsw-2": {VSwitchId: "vsw-2", VpcId: "vpc-2", ZoneId: "cn-hangzhou-h", CidrBlock: "10.0.0.0/24", AvailableIpAddressCount: 250},
		},
		sgs: map[string]SecurityGroupFacts{
			"sg-1":    {SecurityGroupId: "sg-1", VpcId: "vpc-1", EcsCount: 10},
			"sg-2":    {SecurityGroupId: "sg-2", VpcId: "vpc-2"},
			"sg-full": {SecurityGroupId: "sg-full", VpcId: "vpc-1", SecurityGroupType: "normal", EcsCount: 1998, Capacity: 2000},
			"sg-busy": {SecurityGroupId: "sg-busy", VpcId: "vpc-1", SecurityGroupType: "normal", EcsCount: 1999},
			"sg-ent":  {SecurityGroupId: "sg-ent", VpcId: "vpc-1", SecurityGroupType: "enterprise", EcsCount: 1998},
		},
		keys: map[string]bool{"ops": true},
		spot: map[string]float64{"cn-hangzhou-h/ecs.g7.large": 0.56, "cn-hangzhou-i/ecs.g7.large": 0.31},
	}
}

func (f *fakeCatalog) call(name string) error {
	f.calls = append(f.calls, name)
	if f.fail == name {
		return errDown
	}
	return nil
}

func (f *fakeCatalog) Image(_ context.Context, region, id string) (ImageFacts, error) {
	if err := f.call("Image"); err != nil {
		return ImageFacts{}, err
	}
	if img, ok := f.images[id]; ok {
		return img, nil
	}
	return ImageFacts{}, fmt.Errorf("image %s: %w", id, ErrNotFound)
}

func (f *fakeCatalog) InstanceType(_ context.Context, region, zone, it, charge, spot string) (TypeFacts, error) {
	if err := f.call("InstanceType"); err != nil {
		return TypeFacts{}, err
	}
	if t, ok := f.types[zone+"/"+it]; ok {
		return t, nil
	}
	return TypeFacts{}, ErrNotFound
}

func (f *fakeCatalog) VSwitch(_ context.Context, region, id string) (VSwitchFacts, error) {
	if err := f.call("VSwitch"); err != nil {
		return VSwitchFacts{}, err
	}
	if v, ok := f.vsws[id]; ok {
		return v, nil
	}
	return VSwitchFacts{}, ErrNotFound
}

func (f *fakeCatalog) SecurityGroup(_ context.Context, region, id string) (SecurityGroupFacts, error) {
	if err := f.call("SecurityGroup"); err != nil {
		return SecurityGroupFacts{}, err
	}
	if g, ok := f.sgs[id]; ok {
		return g, nil
	}
	return SecurityGroupFacts{}, ErrNotFound
}

func (f *fakeCatalog) KeyPairExists(_ context.Context, region, name string) (bool, error) {
	if err := f.call("KeyPairExists"); err != nil {
		return false, err
	}
	return f.keys[name], nil
}

func (f *fakeCatalog) RegionExists(_ context.Context, region string) (bool, error) {
	if err := f.call("RegionExists"); err != nil {
		return false, err
	}
	return region == "cn-hangzhou", nil
}

func (f *fakeCatalog) ZoneExists(_ context.Context, region, zone string) (bool, error) {
	if err := f.call("ZoneExists"); err != nil {
		return false, err
	}
	return zone == "cn-hangzhou-h" || zone == "cn-hangzhou-i", nil
}

func (f *fakeCatalog) SpotPrice(_ context.Context, region, zone, it, osType string) (SpotPriceFacts, error) {
	if err := f.call("SpotPrice"); err != nil {
		return SpotPriceFacts{}, err
	}
	if p, ok := f.spot[zone+"/"+it]; ok {
		return SpotPriceFacts{Price: p, Currency: "CNY"}, nil
	}
	return SpotPriceFacts{}, ErrNotFound
}

// onlineBase is a request the fake world accepts.
var onlineBase = []string{"RegionId=cn-hangzhou", "ZoneId=cn-hangzhou-h", "ImageId=linux_20G",
	"InstanceType=ecs.g7.large", "SecurityGroupId=sg-1", "VSwitchId=vsw-h", "Password=${ECS_PASSWORD}"}

func onlineRequest(t *testing.T, sets ...string) *request.Request {
	t.Helper()
	r, _ := buildFrom(t, onlineBase, sets)
	return r
}

// onlineCase is one catalog check that fails: after sets, the finding
// (param, code) with severity sev.
type onlineCase struct {
	name, param, code string
	sev               Severity
	sets              []string
}

func onlineCases() []onlineCase {
	return []onlineCase{
		{"region", "RegionId", "InvalidRegionId.NotFound", Error, []string{"RegionId=xx-nowhere"}},
		{"zone", "ZoneId", "InvalidZoneId.NotFound", Error, []string{"ZoneId=cn-hangzhou-z"}},
		{"image missing", "ImageId", "InvalidImageId.NotFound", Error, []string{"ImageId=nope"}},
		{"image deprecated", "ImageId", "OperationDenied.ImageNotValid", Error, []string{"ImageId=old"}},
		{"arch", "ImageId", "InvalidParameter.Conflict", Error, []string{"InstanceType=ecs.g8y.large"}},
		{"type unknown", "InstanceType", "InvalidInstanceType.ValueNotSupported", Error, []string{"InstanceType=ecs.nope"}},
		{"no stock", "InstanceType", "OperationDenied.NoStock", Error, []string{"ZoneId=cn-hangzhou-i", "VSwitchId=vsw-i"}},
		{"not offered", "InstanceType", "InvalidInstanceType.ZoneNotSupported", Error, []string{"InstanceType=ecs.c8y.large"}},
		{"image size", "SystemDisk.Size", "InvalidSystemDiskSize.LessThanImageSize", Error, []string{"ImageId=win_40G", "SystemDisk.Size=39"}},
		{"system category", "SystemDisk.Category", "CategoryNotSupported", Error, []string{"SystemDisk.Category=cloud_ssd"}},
		{"data category", "DataDisk.1.Category", "InvalidDiskCategory.NotSupported", Error, []string{"DataDisk.1.Category=cloud"}},
		{"type disk limit", "DataDisk.5", "InstanceDiskNumber.LimitExceed", Error, []string{"InstanceType=ecs.t6.small", "DataDisk.5.Size=100"}},
		{"vswitch missing", "VSwitchId", "InvalidVSwitchId.NotFound", Error, []string{"VSwitchId=vsw-x"}},
		{"vswitch zone", "VSwitchId", "InvalidParameter.Mismatch", Error, []string{"VSwitchId=vsw-i"}},
		{"vpc mismatch", "SecurityGroupId", "InvalidParameter.Mismatch", Error, []string{"VSwitchId=vsw-2"}},
		{"vswitch needed", "VSwitchId", "MissingParameter", Error, []string{"VSwitchId="}},
		{"sg missing", "SecurityGroupId", "InvalidSecurityGroupId.NotFound", Error, []string{"SecurityGroupId=sg-x"}},
		{"sgs missing", "SecurityGroupIds.2", "InvalidSecurityGroupId.NotFound", Error, []string{"SecurityGroupId=", "SecurityGroupIds.1=sg-1", "SecurityGroupIds.2=sg-x"}},
		{"sg capacity", "SecurityGroupId", "SecurityGroupInstanceLimitExceed", Warning, []string{"SecurityGroupId=sg-full", "Amount=3"}},
		{"sg default capacity", "SecurityGroupId", "SecurityGroupInstanceLimitExceed", Warning, []string{"SecurityGroupId=sg-busy", "Amount=2"}},
		{"key pair", "KeyPairName", "InvalidKeyPairName.NotFound", Error, []string{"KeyPairName=dev"}},
		{"key pair windows", "KeyPairName", CodeIgnored, Warning, []string{"ImageId=win_40G", "KeyPairName=dev"}},
		{"ip outside", "PrivateIpAddress", "InvalidPrivateIpAddress", Error, []string{"PrivateIpAddress=192.168.1.5"}},
		{"free ips", "VSwitchId", "QuotaExceeded.PrivateIpAddress", Error, []string{"ZoneId=cn-hangzhou-i", "VSwitchId=vsw-i", "Amount=3"}},
		{"eni vswitch", "NetworkInterface.1.VSwitchId", "InvalidVSwitchId.NotFound", Error, []string{"NetworkInterface.1.VSwitchId=vsw-x"}},
		{"eni ip", "NetworkInterface.1.PrimaryIpAddress", "InvalidPrivateIpAddress", Error, []string{"NetworkInterface.1.VSwitchId=vsw-2", "NetworkInterface.1.PrimaryIpAddress=192.168.0.9"}},
		{"spot limit below the price", "SpotPriceLimit", "InvalidSpotPriceLimit.LowerThanPublicPrice", Error,
			[]string{"SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=0.3"}},
		{"windows host", "HostName", "InvalidHostName.Malformed", Error, []string{"ImageId=win_40G", "HostName=web.example"}},
	}
}

func TestValidateOnline(t *testing.T) {
	for _, tc := range onlineCases() {
		t.Run(tc.name, func(t *testing.T) {
			req := onlineRequest(t, tc.sets...)
			got := ValidateOnline(context.Background(), req, newFake(), Context{Now: now})
			f, ok := findIn(got, tc.param, tc.code)
			if !ok || f.Severity != tc.sev {
				t.Fatalf("want %s %s on %s, got %+v", tc.sev, tc.code, tc.param, got)
			}
			if f.Severity == Error && f.HTTPStatus != statuses[tc.code] {
				t.Errorf("status %d for %s", f.HTTPStatus, tc.code)
			}
		})
	}
}

func TestValidateOnlineAcceptsAValidRequest(t *testing.T) {
	req := onlineRequest(t, "PrivateIpAddress=192.168.0.9", "KeyPairName=ops", "SystemDisk.Category=cloud_essd", "SystemDisk.Size=40",
		"DataDisk.1.Category=cloud_essd", "DataDisk.1.Size=100")
	if got := ValidateOnline(context.Background(), req, newFake(), Context{Now: now}); len(got) != 0 {
		t.Fatalf("want nothing, got %+v", got)
	}
	if got := Validate(req, Context{Now: now}); HasErrors(got) {
		t.Fatalf("offline: %+v", got)
	}
}

func TestValidateOnlineListsZonesWhereTheTypeIs(t *testing.T) {
	req := onlineRequest(t, "InstanceType=ecs.c8y.large")
	f, _ := findIn(ValidateOnline(context.Background(), req, newFake(), Context{}), "InstanceType", "InvalidInstanceType.ZoneNotSupported")
	if !strings.Contains(f.Message, "cn-hangzhou-j") {
		t.Fatalf("message must list the zones: %q", f.Message)
	}
}

func TestValidateOnlineTurnsCatalogFailuresIntoWarnings(t *testing.T) {
	for _, method := range []string{"RegionExists", "ZoneExists", "Image", "InstanceType", "VSwitch", "SecurityGroup", "KeyPairExists", "SpotPrice"} {
		t.Run(method, func(t *testing.T) {
			cat := newFake()
			cat.fail = method
			req := onlineRequest(t, "KeyPairName=ops", "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=0.9")
			got := ValidateOnline(context.Background(), req, cat, Context{})
			if HasErrors(got) {
				t.Fatalf("a catalog failure is not the request's fault: %+v", got)
			}
			if len(got) == 0 || got[0].Code != CodeCheckSkipped || !strings.Contains(got[0].Message, "could not check") {
				t.Fatalf("want a CheckSkipped warning, got %+v", got)
			}
		})
	}
}

// TestSpotPriceLimitAgainstTheCurrentPrice: a limit below the zone's current
// spot price is an error naming the price and its unit; at or above it, or
// in a zone where it is cheaper, or when the limit does not apply, nothing.
func TestSpotPriceLimitAgainstTheCurrentPrice(t *testing.T) {
	spot := []string{"SpotStrategy=SpotWithPriceLimit"}
	f, ok := findIn(ValidateOnline(context.Background(), onlineRequest(t, append(spot, "SpotPriceLimit=0.3")...), newFake(), Context{}),
		"SpotPriceLimit", "InvalidSpotPriceLimit.LowerThanPublicPrice")
	if !ok || f.Row != "T1-63" || f.HTTPStatus != 400 || !strings.Contains(f.Message, "0.560 CNY/hour") || !strings.Contains(f.Message, "cn-hangzhou-h") {
		t.Fatalf("finding %+v", f)
	}
	for _, sets := range [][]string{
		append(spot, "SpotPriceLimit=0.56"),
		append(spot, "SpotPriceLimit=0.9"),
		{"SpotStrategy=SpotAsPriceGo", "SpotPriceLimit=0.3"},
		append(spot, "SpotPriceLimit=0.3", "InstanceChargeType=PrePaid"),
		append(spot, "SpotPriceLimit=${LIMIT}"),
		append(spot, "SpotPriceLimit=0.3", "ZoneId=", "VSwitchId="), // any zone: the price is not known
	} {
		cat := newFake()
		if _, ok := findIn(ValidateOnline(context.Background(), onlineRequest(t, sets...), cat, Context{}),
			"SpotPriceLimit", "InvalidSpotPriceLimit.LowerThanPublicPrice"); ok {
			t.Errorf("%v: flagged", sets)
		}
	}
	// The zone comes from the vSwitch when ZoneId is not given: cn-hangzhou-i is cheaper.
	got := ValidateOnline(context.Background(), onlineRequest(t, append(spot, "SpotPriceLimit=0.4", "ZoneId=", "VSwitchId=vsw-i")...), newFake(), Context{})
	if _, ok := findIn(got, "SpotPriceLimit", "InvalidSpotPriceLimit.LowerThanPublicPrice"); ok {
		t.Errorf("0.4 is above cn-hangzhou-i's 0.31: %+v", got)
	}
}

func TestValidateOnlineSkipsReferences(t *testing.T) {
	cat := newFake()
	req := onlineRequest(t, "ImageId=${IMAGE}", "KeyPairName=${KEY}")
	ValidateOnline(context.Background(), req, cat, Context{})
	for _, c := range cat.calls {
		if c == "Image" || c == "KeyPairExists" {
			t.Fatalf("looked up a reference: %v", cat.calls)
		}
	}
}

func TestValidateOnlineAddsOnlyWhatOfflineMissed(t *testing.T) {
	// Offline with an unknown OS warns about a Windows host name; online
	// knows the image is Linux, so it must add nothing for HostName.
	req := onlineRequest(t, "HostName=web.example")
	for _, f := range ValidateOnline(context.Background(), req, newFake(), Context{}) {
		if f.Parameter == "HostName" {
			t.Fatalf("unexpected %+v", f)
		}
	}
}

func TestValidateOnlineStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cat := newFake()
	got := ValidateOnline(ctx, onlineRequest(t), cat, Context{})
	if len(got) != 1 || got[0].Code != CodeCheckSkipped || len(cat.calls) > 1 {
		t.Fatalf("want one CheckSkipped warning and no further calls, got %+v after %v", got, cat.calls)
	}
}

// TestSecurityGroupCapacityUsesTheGroupsOwnNumbers: the warning once said a
// group holding 1998 of 2000 "exceeds the 1000 a basic group holds"; it now
// uses the capacity DescribeSecurityGroups reports, else the type's
// documented one (docs/rules.md T2-15).
func TestSecurityGroupCapacityUsesTheGroupsOwnNumbers(t *testing.T) {
	check := func(sets ...string) []Finding {
		return ValidateOnline(context.Background(), onlineRequest(t, sets...), newFake(), Context{Now: now})
	}
	got := check("SecurityGroupId=sg-full", "Amount=5")
	f, ok := findIn(got, "SecurityGroupId", "SecurityGroupInstanceLimitExceed")
	if !ok {
		t.Fatalf("no capacity warning: %+v", got)
	}
	for _, want := range []string{"basic security group", "holds 1998 of its 2000", "adding 5", "by 3"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("missing %q in %q", want, f.Message)
		}
	}
	if strings.Contains(f.Message, "1000") {
		t.Errorf("the 2019 spec's 1000 contradicts the group's own capacity: %q", f.Message)
	}
	if _, ok := findIn(check("SecurityGroupId=sg-full", "Amount=2"), "SecurityGroupId", "SecurityGroupInstanceLimitExceed"); ok {
		t.Error("1998 + 2 fits in 2000")
	}
	if _, ok := findIn(check("SecurityGroupId=sg-ent", "Amount=100"), "SecurityGroupId", "SecurityGroupInstanceLimitExceed"); ok {
		t.Error("an enterprise group holds 65536")
	}
	f, _ = findIn(check("SecurityGroupId=sg-busy", "Amount=2"), "SecurityGroupId", "SecurityGroupInstanceLimitExceed")
	if !strings.Contains(f.Message, "2000 such a group holds by default") {
		t.Errorf("unknown capacity of a basic group: %q", f.Message)
	}
}
