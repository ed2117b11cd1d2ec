package forms

import (
	"strings"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

func typ(id, cat string, cpu int, price float64, st catalog.Availability) catalog.InstanceType {
	return catalog.InstanceType{InstanceTypeId: id, InstanceCategory: cat, CpuCoreCount: cpu, PricePerHour: price, Status: st, CpuArchitecture: "X86"}
}

func TestDefaultTypeIsTheCheapestAvailableGeneralPurposeTwoVCPU(t *testing.T) {
	gp := "General-purpose"
	cases := []struct {
		name  string
		types []catalog.InstanceType
		want  string
	}{
		{"cheapest general purpose", []catalog.InstanceType{typ("ecs.g7.large", gp, 2, 0.3, catalog.Available), typ("ecs.g6.large", gp, 2, 0.2, catalog.Available), typ("ecs.c7.large", "Compute-optimized", 2, 0.1, catalog.Available)}, "ecs.g6.large"},
		{"sold out skipped", []catalog.InstanceType{typ("ecs.g6.large", gp, 2, 0.2, catalog.SoldOut), typ("ecs.g7.large", gp, 2, 0.3, catalog.Available)}, "ecs.g7.large"},
		{"no general purpose: any 2 vCPU", []catalog.InstanceType{typ("ecs.c7.large", "Compute-optimized", 2, 0.1, catalog.Available), typ("ecs.g7.xlarge", gp, 4, 0.05, catalog.Available)}, "ecs.c7.large"},
		{"unknown price after known", []catalog.InstanceType{typ("ecs.g5.large", gp, 2, 0, catalog.Available), typ("ecs.g7.large", gp, 2, 0.3, catalog.Available)}, "ecs.g7.large"},
		{"nothing available", []catalog.InstanceType{typ("ecs.g6.large", gp, 2, 0.2, catalog.SoldOut)}, ""},
	}
	for _, c := range cases {
		if got := DefaultType(c.types); got != c.want {
			t.Errorf("%s: DefaultType = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestDefaultImageIsTheNewestAlibabaCloudLinuxForTheArchitecture(t *testing.T) {
	ims := []catalog.Image{
		{ImageId: "ubuntu", ImageOwnerAlias: "system", Platform: "Ubuntu", Architecture: "x86_64", CreationTime: "2025-01-01"},
		{ImageId: "alinux-old", ImageOwnerAlias: "system", Platform: "Aliyun", Architecture: "x86_64", CreationTime: "2023-01-01"},
		{ImageId: "alinux-new", ImageOwnerAlias: "system", Platform: "Aliyun", Architecture: "x86_64", CreationTime: "2024-08-19"},
		{ImageId: "alinux-arm", ImageOwnerAlias: "system", Platform: "Aliyun", Architecture: "arm64", CreationTime: "2024-08-19"},
		{ImageId: "own", ImageOwnerAlias: "self", Platform: "Aliyun", Architecture: "x86_64", CreationTime: "2026-01-01"},
	}
	if got := DefaultImage(ims, "X86"); got != "alinux-new" {
		t.Errorf("X86: %s", got)
	}
	if got := DefaultImage(ims, "ARM"); got != "alinux-arm" {
		t.Errorf("ARM: %s", got)
	}
}

func testEnv() *Env {
	return &Env{Data: &catalog.RegionData{
		Zones: []catalog.Zone{{ZoneId: "z-a", AvailableTypes: 300}, {ZoneId: "z-b", AvailableTypes: 200}},
		VPCs:  []catalog.VPC{{VpcId: "vpc-x"}, {VpcId: "vpc-d", IsDefault: true}},
		VSwitches: []catalog.VSwitch{{VSwitchId: "vsw-x", VpcId: "vpc-x", ZoneId: "z-a", CidrBlock: "10.0.0.0/24"},
			{VSwitchId: "vsw-d", VpcId: "vpc-d", ZoneId: "z-b", CidrBlock: "172.16.0.0/20", IsDefault: true}},
		SecurityGroups: []catalog.SecurityGroup{{SecurityGroupId: "sg-x", VpcId: "vpc-x"}, {SecurityGroupId: "sg-web", VpcId: "vpc-d", SecurityGroupName: "web"},
			{SecurityGroupId: "sg-d", VpcId: "vpc-d", SecurityGroupName: "default"}},
		KeyPairs: []catalog.KeyPair{{KeyPairName: "k1"}},
	}}
}

func TestNetworkDefaultsFollowTheDefaultVPC(t *testing.T) {
	env := testEnv()
	if z := DefaultZone(env.Data); z != "z-b" {
		t.Fatalf("DefaultZone = %s, want the zone of the default VPC's vSwitch", z)
	}
	d := NewDraft(request.New(), env)
	_ = d.Req.Set("ZoneId", "z-b")
	ApplyDefaults(Network, d)
	if d.Req.Get("VSwitchId") != "vsw-d" || d.Req.Get("SecurityGroupId") != "sg-d" {
		t.Fatalf("network defaults %v", d.Req.Params())
	}
}

func TestDraftChoicesKeepTheRequestConsistent(t *testing.T) {
	env := testEnv()
	d := NewDraft(request.New(), env)
	_ = d.Set(KeySecurityGroups, "sg-d,sg-web")
	if d.Req.Has("SecurityGroupId") || strings.Join(d.Req.Strings("SecurityGroupIds"), ",") != "sg-d,sg-web" {
		t.Fatalf("two groups: %v", d.Req.Params())
	}
	_ = d.Set(KeySecurityGroups, "sg-d")
	if d.Req.Get("SecurityGroupId") != "sg-d" || d.Req.Count("SecurityGroupIds") != 0 {
		t.Fatalf("one group: %v", d.Req.Params())
	}
	_ = d.Req.Set("VSwitchId", "vsw-d")
	_ = d.Set(KeyVpc, "vpc-x")
	if d.Req.Has("VSwitchId") || d.Req.Has("SecurityGroupId") {
		t.Fatalf("another VPC kept the old vSwitch or group: %v", d.Req.Params())
	}
	_ = d.Set(KeyLogin, LoginPassword)
	_ = d.Set("Password", "x")
	_ = d.Set(KeyLogin, LoginInherit)
	if d.Req.Has("Password") || d.Req.Get("PasswordInherit") != "true" {
		t.Fatalf("inherit: %v", d.Req.Params())
	}
	_ = d.Set(KeyLogin, LoginKeyPair)
	if d.Req.Get("KeyPairName") != "k1" || d.Req.Has("PasswordInherit") {
		t.Fatalf("key pair: %v", d.Req.Params())
	}
	_ = d.Set(KeyUserDataText, "#!/bin/sh\necho hi\n")
	if d.Req.Get("UserData") != "IyEvYmluL3NoCmVjaG8gaGkK" || d.Get(KeyUserDataText) != "#!/bin/sh\necho hi\n" {
		t.Fatalf("user data %q", d.Req.Get("UserData"))
	}
}

func TestChecksFileFindingsAndDeferWhatALaterStepDecides(t *testing.T) {
	d := NewDraft(request.New(), testEnv())
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	_ = d.Set("Password", "Abc12345!")
	_ = d.Set(KeyPasswordConfirm, "Abc12345?")
	fs := Check(d, Field{Key: KeyPasswordConfirm, Kind: Secret}, now)
	if len(fs) != 1 || fs[0].Severity != rules.Error || fs[0].Parameter != KeyPasswordConfirm {
		t.Fatalf("mismatched confirmation: %+v", fs)
	}
	_ = d.Set("SpotStrategy", "SpotWithPriceLimit")
	for _, f := range Check(d, Field{Key: "SpotStrategy", Kind: Select}, now) {
		if f.Severity == rules.Error {
			t.Fatalf("a rule needing ZoneId (a later step) blocks Billing: %+v", f)
		}
	}
	_ = d.Req.Set("VSwitchId", "vsw-d")
	_ = d.Req.Set("PrivateIpAddress", "10.0.0.5")
	if fs := CheckKey(d, "PrivateIpAddress", now); !strings.Contains(fmtFindings(fs), "172.16.0.0/20") {
		t.Fatalf("private IP outside the CIDR: %+v", fs)
	}
}

func fmtFindings(fs []rules.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Message + "\n")
	}
	return b.String()
}

func TestStepOfPointsEveryParameterAtTheStepThatAsksIt(t *testing.T) {
	for key, want := range map[string]StepID{"RegionId": Region, "Period": Billing, "SpotPriceLimit": InstanceType, "ZoneId": Zone,
		"InstanceType": InstanceType, "ImageId": Image, "DataDisk.3.Size": Storage, "SecurityGroupIds.2": Network,
		"InternetMaxBandwidthOut": Network, "Tag.1.Key": Access, "Password": Access, "UserData": Advanced, "HttpTokens": Advanced} {
		if got := StepOf(key); got != want {
			t.Errorf("StepOf(%s) = %v, want %v", key, got, want)
		}
	}
}
