package sandbox_test

import (
	"fmt"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// goodRequest is a request with the wizard's defaults in cn-hangzhou's
// first zone; each call returns a fresh one (SDK requests are not reusable).
func goodRequest(n network) *ecs.RunInstancesRequest {
	req := ecs.CreateRunInstancesRequest()
	req.RegionId, req.ImageId, req.InstanceType = "cn-hangzhou", image, world.CheapestGeneral
	req.VSwitchId, req.SecurityGroupId = n.vsw, n.sg
	return req
}

// TestDryRunDefaultsEveryRegion is the wizard's promise: in every region,
// the cheapest general-purpose type in the first zone with the default
// network, image and disk passes DryRun.
func TestDryRunDefaultsEveryRegion(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	for _, r := range world.New().Regions {
		if r.RegionId == world.EmptyRegion {
			continue // the account has no network there: TestEmptyRegionWalk creates one
		}
		n := defaults(t, c, r.RegionId, r.Zones[0].ZoneId)
		req := goodRequest(n)
		req.RegionId, req.DryRun = r.RegionId, requests.NewBoolean(true)
		_, err := c.RunInstances(req)
		se := apiError(t, err, "DryRunOperation", 400)
		if !strings.Contains(se.Message(), "DryRun flag set") {
			t.Errorf("%s: %s", r.RegionId, se.Message())
		}
	}
}

func TestRunInstancesErrors(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	soldOutZone := defaults(t, c, "cn-hangzhou", "cn-hangzhou-j")
	w := world.New()
	net := w.Network("cn-hangzhou")
	var demoVSW, smallVSW, busySG, webSG string
	for _, v := range net.VSwitches {
		switch v.VSwitchName {
		case "demo-vsw":
			demoVSW = v.VSwitchId
		case world.SmallVSwitchName:
			smallVSW = v.VSwitchId
		}
	}
	for _, g := range net.SecurityGroups {
		switch g.SecurityGroupName {
		case world.BusySecurityGroup:
			busySG = g.SecurityGroupId
		case "web-sg":
			webSG = g.SecurityGroupId
		}
	}
	cases := []struct {
		name   string
		edit   func(r *ecs.RunInstancesRequest)
		code   string
		status int
	}{
		{"no image", func(r *ecs.RunInstancesRequest) { r.ImageId = "" }, "MissingParameter", 400},
		{"no type", func(r *ecs.RunInstancesRequest) { r.InstanceType = "" }, "MissingParameter", 400},
		{"unknown image", func(r *ecs.RunInstancesRequest) { r.ImageId = "m-doesnotexist" }, "InvalidImageId.NotFound", 404},
		{"deprecated image", func(r *ecs.RunInstancesRequest) { r.ImageId = "ubuntu_22_04_x64_20G_alibase_20240130.vhd" }, "OperationDenied.ImageNotValid", 403},
		{"unknown type", func(r *ecs.RunInstancesRequest) { r.InstanceType = "ecs.g99.large" }, "InvalidInstanceType.ValueNotSupported", 400},
		{"arm type, x86 image", func(r *ecs.RunInstancesRequest) { r.InstanceType = "ecs.g8y.large" }, "InvalidParameter.Conflict", 400},
		{"sold out", func(r *ecs.RunInstancesRequest) {
			r.InstanceType, r.VSwitchId, r.SecurityGroupId = "ecs.g7.large", soldOutZone.vsw, soldOutZone.sg
		}, "OperationDenied.NoStock", 403},
		{"GPU not in the zone", func(r *ecs.RunInstancesRequest) {
			r.InstanceType, r.VSwitchId, r.ZoneId = "ecs.gn7i-c8g1.2xlarge", defaults(t, c, "cn-hangzhou", "cn-hangzhou-b").vsw, "cn-hangzhou-b"
		}, "InvalidInstanceType.ZoneNotSupported", 403},
		{"unknown vSwitch", func(r *ecs.RunInstancesRequest) { r.VSwitchId = "vsw-nope" }, "InvalidVSwitchId.NotFound", 404},
		{"no vSwitch", func(r *ecs.RunInstancesRequest) { r.VSwitchId = "" }, "MissingParameter", 400},
		{"vSwitch in another VPC", func(r *ecs.RunInstancesRequest) { r.VSwitchId = demoVSW }, "InvalidParameter.Mismatch", 400},
		{"vSwitch in another zone", func(r *ecs.RunInstancesRequest) { r.ZoneId = "cn-hangzhou-k" }, "InvalidParameter.Mismatch", 400},
		{"unknown zone", func(r *ecs.RunInstancesRequest) { r.ZoneId = "cn-hangzhou-z" }, "InvalidZoneId.NotFound", 404},
		{"unknown security group", func(r *ecs.RunInstancesRequest) { r.SecurityGroupId = "sg-nope" }, "InvalidSecurityGroupId.NotFound", 404},
		{"unknown key pair", func(r *ecs.RunInstancesRequest) { r.KeyPairName = "nobody" }, "InvalidKeyPairName.NotFound", 404},
		{"system disk below the Windows image", func(r *ecs.RunInstancesRequest) {
			r.ImageId, r.SystemDiskSize, r.SystemDiskCategory = winImage, "30", "cloud_essd"
		}, "InvalidSystemDiskSize.LessThanImageSize", 404},
		{"system disk category of another type", func(r *ecs.RunInstancesRequest) {
			r.InstanceType, r.SystemDiskCategory = "ecs.g8i.large", "cloud_efficiency"
		}, "CategoryNotSupported", 403},
		{"bad password", func(r *ecs.RunInstancesRequest) { r.Password = "short" }, "InvalidPassword.Malformed", 400},
		{"private IP outside the CIDR", func(r *ecs.RunInstancesRequest) { r.PrivateIpAddress = "10.0.0.5" }, "InvalidPrivateIpAddress", 400},
		// ECS reserves a vSwitch's first and last three addresses (rules.CheckPrivateIP).
		{"private IP is the network address", func(r *ecs.RunInstancesRequest) { r.PrivateIpAddress = "172.16.0.0" }, "InvalidPrivateIpAddress", 400},
		{"private IP is the broadcast address", func(r *ecs.RunInstancesRequest) { r.PrivateIpAddress = "172.16.15.255" }, "InvalidPrivateIpAddress", 400},
		{"consecutive private IPs run into the reserved end", func(r *ecs.RunInstancesRequest) {
			r.PrivateIpAddress, r.Amount = "172.16.15.250", requests.NewInteger(5)
		}, "InvalidPrivateIpAddress", 400},
		{"full security group", func(r *ecs.RunInstancesRequest) {
			r.SecurityGroupId, r.Amount = busySG, requests.NewInteger(3)
		}, "SecurityGroupInstanceLimitExceed", 403},
		{"small vSwitch", func(r *ecs.RunInstancesRequest) {
			r.VSwitchId, r.SecurityGroupId, r.Amount = smallVSW, webSG, requests.NewInteger(13)
		}, "QuotaExceeded.PrivateIpAddress", 400},
		{"unknown template", func(r *ecs.RunInstancesRequest) { r.LaunchTemplateId = "lt-nope" }, "InvalidLaunchTemplate.NotFound", 404},
	}
	for _, tc := range cases {
		for _, dry := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/dry=%v", tc.name, dry), func(t *testing.T) {
				req := goodRequest(n)
				tc.edit(req)
				if dry {
					req.DryRun = requests.NewBoolean(true)
				}
				_, err := c.RunInstances(req)
				apiError(t, err, tc.code, tc.status)
			})
		}
	}
	if s.InstanceCount() != 0 {
		t.Errorf("failed requests created %d instances", s.InstanceCount())
	}
}

func TestRunInstancesCreates(t *testing.T) {
	s := start(t, sandbox.Options{BootTime: time.Hour})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	req := goodRequest(n)
	req.Amount, req.UniqueSuffix = requests.NewInteger(3), requests.NewBoolean(true)
	req.InstanceName, req.HostName = "web", "web"
	req.InternetMaxBandwidthOut = requests.NewInteger(5)
	req.Tag = &[]ecs.RunInstancesTag{{Key: "env", Value: "dev"}}
	resp, err := c.RunInstances(req)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, resp)
	ids := resp.InstanceIdSets.InstanceIdSet
	if len(ids) != 3 || resp.TradePrice <= 0 || resp.OrderId != "" || s.InstanceCount() != 3 {
		t.Fatalf("RunInstances %+v, %d instances", resp, s.InstanceCount())
	}
	d := ecs.CreateDescribeInstancesRequest()
	d.InstanceIds = fmt.Sprintf(`["%s","%s","%s"]`, ids[0], ids[1], ids[2])
	dr, err := c.DescribeInstances(d)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, dr)
	prefix := netip.MustParsePrefix("172.16.0.0/20")
	ips := map[string]bool{}
	for i, in := range dr.Instances.Instance {
		want := fmt.Sprintf("web%03d", i+1)
		if in.InstanceName != want || in.HostName != want {
			t.Errorf("names %s/%s, want %s", in.InstanceName, in.HostName, want)
		}
		ip := in.VpcAttributes.PrivateIpAddress.IpAddress[0]
		ips[ip] = true
		if !prefix.Contains(netip.MustParseAddr(ip)) || len(in.PublicIpAddress.IpAddress) != 1 || in.Status != "Pending" ||
			in.Cpu != 2 || in.Memory != 8192 || in.OSType != "linux" || in.ZoneId != "cn-hangzhou-i" ||
			len(in.Tags.Tag) != 1 || in.Tags.Tag[0].TagKey != "env" || in.SecurityGroupIds.SecurityGroupId[0] != n.sg {
			t.Errorf("instance %+v", in)
		}
	}
	if len(ips) != 3 {
		t.Errorf("private IPs %v are not distinct", ips)
	}
	st := ecs.CreateDescribeInstanceStatusRequest()
	st.InstanceId = &ids
	sr, err := c.DescribeInstanceStatus(st)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, sr)
	if sr.TotalCount != 3 || sr.InstanceStatuses.InstanceStatus[0].Status != "Pending" {
		t.Errorf("statuses %+v", sr.InstanceStatuses)
	}
	// the vSwitch and the group count the new instances
	vs := ecs.CreateDescribeVSwitchesRequest()
	vs.VSwitchId = n.vsw
	vr, _ := c.DescribeVSwitches(vs)
	if vr.VSwitches.VSwitch[0].AvailableIpAddressCount != 4092-3 {
		t.Errorf("free IPs %d", vr.VSwitches.VSwitch[0].AvailableIpAddressCount)
	}
	// an address in use is refused
	dup := goodRequest(n)
	dup.PrivateIpAddress = dr.Instances.Instance[0].VpcAttributes.PrivateIpAddress.IpAddress[0]
	_, err = c.RunInstances(dup)
	apiError(t, err, "InvalidPrivateIpAddress.Duplicated", 400)
}

func TestInstancesBoot(t *testing.T) {
	s := start(t, sandbox.Options{BootTime: 1500 * time.Millisecond})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	resp, err := c.RunInstances(goodRequest(n))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	order := map[string]int{"Pending": 0, "Starting": 1, "Running": 2}
	last := 0
	for !seen["Running"] {
		st := ecs.CreateDescribeInstanceStatusRequest()
		st.InstanceId = &resp.InstanceIdSets.InstanceIdSet
		sr, err := c.DescribeInstanceStatus(st)
		if err != nil {
			t.Fatal(err)
		}
		status := sr.InstanceStatuses.InstanceStatus[0].Status
		if order[status] < last {
			t.Fatalf("went back to %s", status)
		}
		last, seen[status] = order[status], true
		time.Sleep(20 * time.Millisecond)
	}
	if !seen["Pending"] && !seen["Starting"] {
		t.Errorf("went straight to Running: %v", seen)
	}
	d := ecs.CreateDescribeInstancesRequest()
	d.Status = "Running"
	dr, err := c.DescribeInstances(d)
	if err != nil || dr.TotalCount != 1 || dr.Instances.Instance[0].StartTime == "" {
		t.Errorf("running instances: %v %+v", err, dr)
	}
}

func TestClientToken(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	run := func(amount int) (*ecs.RunInstancesResponse, error) {
		req := goodRequest(n)
		req.ClientToken, req.Amount = "token-1", requests.NewInteger(amount)
		return c.RunInstances(req)
	}
	first, err := run(2)
	if err != nil {
		t.Fatal(err)
	}
	again, err := run(2)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(first.InstanceIdSets.InstanceIdSet, ",") != strings.Join(again.InstanceIdSets.InstanceIdSet, ",") || s.InstanceCount() != 2 {
		t.Errorf("same token: %v then %v, %d instances", first.InstanceIdSets, again.InstanceIdSets, s.InstanceCount())
	}
	_, err = run(3)
	apiError(t, err, "IdempotentParameterMismatch", 400)
	if s.InstanceCount() != 2 {
		t.Errorf("%d instances after a mismatch", s.InstanceCount())
	}
}

// TestDropAfterCommit: with half the answers lost after the commit,
// repeating the same ClientToken until it answers creates the instances once.
func TestDropAfterCommit(t *testing.T) {
	s := start(t, sandbox.Options{Faults: sandbox.Faults{DropAfterCommit: 0.5}, Seed: 7})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	for round := 0; round < 5; round++ {
		token := fmt.Sprintf("drop-%d", round)
		var resp *ecs.RunInstancesResponse
		var err error
		attempts := 0
		for attempts = 1; attempts <= 50; attempts++ {
			req := goodRequest(n)
			req.ClientToken, req.Amount = token, requests.NewInteger(3)
			if resp, err = c.RunInstances(req); err == nil {
				break
			}
		}
		if err != nil {
			t.Fatalf("round %d: no answer after 50 attempts: %v", round, err)
		}
		if got := s.InstanceCount(); got != 3*(round+1) || len(resp.InstanceIdSets.InstanceIdSet) != 3 {
			t.Fatalf("round %d: %d instances after %d attempts, answer %v", round, got, attempts, resp.InstanceIdSets)
		}
	}
	if calls := s.Calls()["RunInstances"]; calls <= 5 {
		t.Errorf("%d RunInstances calls: no answer was dropped", calls)
	}
}

// TestPrimaryENI: the vSwitch, groups and address may come from a primary
// NetworkInterface.N instead of the top level (docs/rules.md T2-12).
func TestPrimaryENI(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	req := ecs.CreateRunInstancesRequest()
	req.ImageId, req.InstanceType = image, world.CheapestGeneral
	req.NetworkInterface = &[]ecs.RunInstancesNetworkInterface{{InstanceType: "Primary", VSwitchId: n.vsw,
		SecurityGroupId: n.sg, PrimaryIpAddress: "172.16.5.5"}}
	resp, err := c.RunInstances(req)
	if err != nil {
		t.Fatal(err)
	}
	d := ecs.CreateDescribeInstancesRequest()
	d.InstanceIds = `["` + resp.InstanceIdSets.InstanceIdSet[0] + `"]`
	dr, err := c.DescribeInstances(d)
	if err != nil {
		t.Fatal(err)
	}
	in := dr.Instances.Instance[0]
	if in.VpcAttributes.VSwitchId != n.vsw || in.VpcAttributes.PrivateIpAddress.IpAddress[0] != "172.16.5.5" || in.SecurityGroupIds.SecurityGroupId[0] != n.sg {
		t.Errorf("instance on the primary ENI %+v", in.VpcAttributes)
	}
}

// TestNamePatterns: ECS expands HostName's ${instance_id} and the ordered
// names name_prefix[begin_number,bits]name_suffix (docs/rules.md T2-17), on
// which UniqueSuffix has no effect (T2-19); DescribeInstances shows the
// expanded names, not the pattern.
func TestNamePatterns(t *testing.T) {
	s := start(t, sandbox.Options{BootTime: time.Hour})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	cases := []struct {
		name, host string
		amount     int
		suffix     bool
		wantName   []string // "" = the instance ID
		wantHost   []string // "{id}" stands for the instance ID
	}{
		{"", "web-${instance_id}", 2, false, []string{"", ""}, []string{"web-{id}", "web-{id}"}},
		{"web[1,3]", "h[8,2]x", 3, true, []string{"web001", "web002", "web003"}, []string{"h08x", "h09x", "h10x"}},
		{"db[99,2]-prod", "", 2, false, []string{"db99-prod", "db100-prod"}, nil},
		{"app[]", "", 2, false, []string{"app000000", "app000001"}, nil},
		{"node[,]", "", 1, false, []string{"node000000"}, nil},
		{"x[5,]y", "", 1, false, []string{"x000005y"}, nil},
		{"k[,3]", "", 1, false, []string{"k000"}, nil},
	}
	// HostNames.N gives each instance its own host name (T2-17).
	req := goodRequest(n)
	req.Amount, req.HostNames = requests.NewInteger(2), &[]string{"alpha", "beta"}
	resp, err := c.RunInstances(req)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"alpha", "beta"} {
		d := ecs.CreateDescribeInstancesRequest()
		d.InstanceIds = `["` + resp.InstanceIdSets.InstanceIdSet[i] + `"]`
		dr, err := c.DescribeInstances(d)
		if err != nil || len(dr.Instances.Instance) != 1 || dr.Instances.Instance[0].HostName != want {
			t.Errorf("HostNames.%d: %v %+v, want %s", i+1, err, dr.Instances.Instance, want)
		}
	}
	for _, tc := range cases {
		req := goodRequest(n)
		req.InstanceName, req.HostName = tc.name, tc.host
		req.Amount, req.UniqueSuffix = requests.NewInteger(tc.amount), requests.NewBoolean(tc.suffix)
		resp, err := c.RunInstances(req)
		if err != nil {
			t.Fatalf("%s/%s: %v", tc.name, tc.host, err)
		}
		ids := resp.InstanceIdSets.InstanceIdSet
		d := ecs.CreateDescribeInstancesRequest()
		d.InstanceIds = `["` + strings.Join(ids, `","`) + `"]`
		dr, err := c.DescribeInstances(d)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]ecs.Instance{}
		for _, in := range dr.Instances.Instance {
			got[in.InstanceId] = in
		}
		for i, id := range ids {
			in := got[id]
			wantName := tc.wantName[i]
			if wantName == "" {
				wantName = id
			}
			if in.InstanceName != wantName {
				t.Errorf("InstanceName %q #%d: got %q, want %q", tc.name, i+1, in.InstanceName, wantName)
			}
			if tc.wantHost != nil {
				if want := strings.ReplaceAll(tc.wantHost[i], "{id}", id); in.HostName != want {
					t.Errorf("HostName %q #%d: got %q, want %q", tc.host, i+1, in.HostName, want)
				}
			}
		}
	}
}

// TestCheckOrder follows docs/rules.md's suggested check order: references
// against the state (step 5: image, security group, key pair …) are
// answered before capacity and stock (step 6: T1-8, T1-90, NoStock), so a
// request with both kinds of fault gets the same answer every time.
func TestCheckOrder(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	soldOutZone := defaults(t, c, "cn-hangzhou", "cn-hangzhou-j")
	var smallVSW, webSG string
	net := world.New().Network("cn-hangzhou")
	for _, v := range net.VSwitches {
		if v.VSwitchName == world.SmallVSwitchName {
			smallVSW = v.VSwitchId
		}
	}
	for _, g := range net.SecurityGroups {
		if g.SecurityGroupName == "web-sg" {
			webSG = g.SecurityGroupId
		}
	}
	cases := []struct {
		name   string
		edit   func(r *ecs.RunInstancesRequest)
		code   string
		status int
	}{
		{"sold out and unknown key pair", func(r *ecs.RunInstancesRequest) {
			r.InstanceType, r.VSwitchId, r.SecurityGroupId = "ecs.g7.large", soldOutZone.vsw, soldOutZone.sg
			r.KeyPairName = "nobody"
		}, "InvalidKeyPairName.NotFound", 404},
		{"sold out and unknown image", func(r *ecs.RunInstancesRequest) {
			r.InstanceType, r.VSwitchId, r.SecurityGroupId = "ecs.g7.large", soldOutZone.vsw, soldOutZone.sg
			r.ImageId = "m-doesnotexist"
		}, "InvalidImageId.NotFound", 404},
		{"small vSwitch and unknown image", func(r *ecs.RunInstancesRequest) {
			r.VSwitchId, r.SecurityGroupId, r.Amount = smallVSW, webSG, requests.NewInteger(13)
			r.ImageId = "m-doesnotexist"
		}, "InvalidImageId.NotFound", 404},
		{"sold out and an unknown snapshot", func(r *ecs.RunInstancesRequest) {
			r.InstanceType, r.VSwitchId, r.SecurityGroupId = "ecs.g7.large", soldOutZone.vsw, soldOutZone.sg
			r.DataDisk = &[]ecs.RunInstancesDataDisk{{Category: "cloud_essd", SnapshotId: "s-bp1nosuchsnapshot"}}
		}, "InvalidDataDiskSnapshotId.NotFound", 404},
		{"unknown deployment set", func(r *ecs.RunInstancesRequest) { r.DeploymentSetId = "ds-bp1nosuchset" }, "DeploymentSet.NotFound", 404},
		{"unknown RAM role", func(r *ecs.RunInstancesRequest) { r.RamRoleName = "EcsRole" }, "InvalidRamRole.NotFound", 404},
		{"unknown dedicated host", func(r *ecs.RunInstancesRequest) { r.DedicatedHostId = "dh-bp1nosuchhost" }, "InvalidDedicatedHostId.NotFound", 400},
		{"unknown KMS key", func(r *ecs.RunInstancesRequest) {
			r.DataDisk = &[]ecs.RunInstancesDataDisk{{Category: "cloud_essd", Size: "40", Encrypted: "true", KMSKeyId: "0e478b7a-4262-4802-b8cb-00d3fb40****"}}
		}, "InvalidParameter.KMSKeyId.NotFound", 404},
		{"IPv6 on a vSwitch without it", func(r *ecs.RunInstancesRequest) { r.Ipv6AddressCount = requests.NewInteger(1) }, "InvalidVSwitch.Ipv6NotTurnOn", 403},
		{"no vSwitch and a bad password", func(r *ecs.RunInstancesRequest) {
			r.VSwitchId, r.Password = "", "short" // required (step 2) before format (step 3)
		}, "MissingParameter", 400},
		{"small vSwitch and unknown security group", func(r *ecs.RunInstancesRequest) {
			r.VSwitchId, r.SecurityGroupId, r.Amount = smallVSW, "sg-nope", requests.NewInteger(13)
		}, "InvalidSecurityGroupId.NotFound", 404},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := goodRequest(n)
			tc.edit(req)
			req.DryRun = requests.NewBoolean(true)
			_, err := c.RunInstances(req)
			apiError(t, err, tc.code, tc.status)
		})
	}
}

// TestMetadataOptionsKept: DescribeInstances shows the metadata options the
// instance was launched with (docs/rules.md T2-29), not the defaults, so a
// launch that asked for IMDSv2 (HttpTokens=required) can be checked.
func TestMetadataOptionsKept(t *testing.T) {
	s := start(t, sandbox.Options{BootTime: time.Hour})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	req := goodRequest(n)
	req.HttpTokens, req.HttpPutResponseHopLimit = "required", requests.NewInteger(3)
	resp, err := c.RunInstances(req)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := c.RunInstances(goodRequest(n))
	if err != nil {
		t.Fatal(err)
	}
	d := ecs.CreateDescribeInstancesRequest()
	d.InstanceIds = `["` + resp.InstanceIdSets.InstanceIdSet[0] + `","` + plain.InstanceIdSets.InstanceIdSet[0] + `"]`
	dr, err := c.DescribeInstances(d)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]ecs.MetadataOptions{
		resp.InstanceIdSets.InstanceIdSet[0]:  {HttpEndpoint: "enabled", HttpTokens: "required", HttpPutResponseHopLimit: 3},
		plain.InstanceIdSets.InstanceIdSet[0]: {HttpEndpoint: "enabled", HttpTokens: "optional", HttpPutResponseHopLimit: 1},
	}
	for _, in := range dr.Instances.Instance {
		if in.MetadataOptions != want[in.InstanceId] {
			t.Errorf("%s: MetadataOptions %+v, want %+v", in.InstanceId, in.MetadataOptions, want[in.InstanceId])
		}
	}
}

// TestImageFamily: ImageFamily instead of ImageId launches the family's
// latest available image (docs/rules.md T2-16); a family with none answers
// InvalidImageFamily.MissingAvailableImage.
func TestImageFamily(t *testing.T) {
	s := start(t, sandbox.Options{BootTime: time.Hour})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	w := world.New()
	img, _ := w.Image(image)
	latest := img
	for _, i := range w.Images {
		if i.ImageFamily == img.ImageFamily && i.Status == "Available" && i.CreationTime > latest.CreationTime {
			latest = i
		}
	}
	req := goodRequest(n)
	req.ImageId, req.ImageFamily = "", img.ImageFamily
	req.DryRun = requests.NewBoolean(true)
	_, err := c.RunInstances(req)
	apiError(t, err, "DryRunOperation", 400)

	req = goodRequest(n)
	req.ImageId, req.ImageFamily = "", img.ImageFamily
	resp, err := c.RunInstances(req)
	if err != nil {
		t.Fatal(err)
	}
	d := ecs.CreateDescribeInstancesRequest()
	d.InstanceIds = `["` + resp.InstanceIdSets.InstanceIdSet[0] + `"]`
	dr, err := c.DescribeInstances(d)
	if err != nil || len(dr.Instances.Instance) != 1 || dr.Instances.Instance[0].ImageId != latest.ImageId {
		t.Errorf("launched from %+v (%v), want the family's latest image %s", dr.Instances.Instance, err, latest.ImageId)
	}

	req = goodRequest(n)
	req.ImageId, req.ImageFamily = "", "acs:no_such_family"
	_, err = c.RunInstances(req)
	apiError(t, err, "InvalidImageFamily.MissingAvailableImage", 403)
}
