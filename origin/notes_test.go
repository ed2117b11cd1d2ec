package origin

import (
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/launcher"
)

// instanceFixture is what DescribeInstances and DescribeDisks answer for
// a subscription instance with an EIP, a disk made from a snapshot, a
// local disk and the platform's own tags.
func instanceFixture() (ecs.Instance, []ecs.Disk) {
	in := ecs.Instance{InstanceId: "i-bp1abc", RegionId: "cn-hangzhou", ZoneId: "cn-hangzhou-k", InstanceType: "ecs.i4.xlarge",
		ImageId: "ubuntu_22_04_x64_20G_alibase_20240710.vhd", InstanceName: "db", HostName: "iZbp1abcZ", OSType: "linux",
		InstanceChargeType: "PrePaid", ExpiredTime: "2027-01-01T00:00Z", SpotStrategy: "NoSpot",
		InternetMaxBandwidthOut: 0, CreditSpecification: "", DeletionProtection: true}
	in.VpcAttributes.VSwitchId = "vsw-bp1x"
	in.VpcAttributes.PrivateIpAddress.IpAddress = []string{"172.16.0.9"}
	in.SecurityGroupIds.SecurityGroupId = []string{"sg-bp1a"}
	in.EipAddress.IpAddress = "47.1.2.3"
	in.MetadataOptions = ecs.MetadataOptions{HttpEndpoint: "enabled", HttpTokens: "required", HttpPutResponseHopLimit: 1}
	in.Tags.Tag = []ecs.Tag{{TagKey: "acs:rm:rgId", TagValue: "rg-1"}, {TagKey: "team", TagValue: "db"}}
	in.NetworkInterfaces.NetworkInterface = []ecs.NetworkInterface{{Type: "Primary"}, {Type: "Secondary"}}
	disks := []ecs.Disk{
		{DiskId: "d-sys", Type: "system", Category: "cloud_essd", Size: 40, PerformanceLevel: "PL1", Device: "/dev/xvda"},
		{DiskId: "d-snap", Type: "data", Category: "cloud_essd", Size: 100, PerformanceLevel: "PL1", Device: "/dev/xvdc",
			SourceSnapshotId: "s-bp1snap", DeleteWithInstance: true},
		{DiskId: "d-local", Type: "data", Category: "local_ssd_pro", Size: 1788, Device: "/dev/vdb"},
		{DiskId: "d-empty", Type: "data", Category: "cloud_auto", Size: 50, Device: "/dev/xvdb", BurstingEnabled: true,
			ProvisionedIops: 5000, DeleteWithInstance: true, Encrypted: true, KMSKeyId: "key-1"},
	}
	return in, disks
}

func TestInstanceNotesSayWhatIsCarriedAndWhatIsNot(t *testing.T) {
	in, disks := instanceFixture()
	req, notes := fromInstance(in, disks, "")
	for k, want := range map[string]string{
		"InstanceChargeType": "PrePaid", "Period": "1", "PeriodUnit": "Month", "DeletionProtection": "true",
		"HttpTokens": "required", "SecurityGroupId": "sg-bp1a", "InstanceName": "db",
		"DataDisk.1.Category": "cloud_auto", "DataDisk.1.BurstingEnabled": "true", "DataDisk.1.ProvisionedIops": "5000",
		"DataDisk.1.Encrypted": "true", "DataDisk.1.KMSKeyId": "key-1",
		"DataDisk.2.SnapshotId": "s-bp1snap", "DataDisk.2.Size": "100", "SystemDisk.PerformanceLevel": "PL1",
		"Tag.1.Key": "team", "Tag.1.Value": "db",
	} {
		if got := req.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	for _, k := range []string{"HostName", "HttpEndpoint", "HttpPutResponseHopLimit", "DataDisk.3.Size", "Tag.2.Key",
		"InternetMaxBandwidthOut", "SpotStrategy", "DataDisk.1.PerformanceLevel", "PrivateIpAddress"} {
		if req.Has(k) {
			t.Errorf("%s = %q, want it not carried", k, req.Get(k))
		}
	}
	text := strings.Join(Strings(notes), "\n")
	for _, want := range []string{
		"Password: an instance's password is never retrievable",
		"DataDisk.2.SnapshotId: disk d-snap was made from snapshot s-bp1snap, and the new disk is too",
		"DataDisk.1: disk d-empty was made empty",
		"Period: i-bp1abc is a subscription (until 2027-01-01T00:00Z)",
		"InternetMaxBandwidthOut: i-bp1abc's public address 47.1.2.3 is an EIP",
		"Tag: acs:rm:rgId are the platform's own tags",
		"NetworkInterface: i-bp1abc has 1 secondary network interface(s)",
		"PrivateIpAddress: 172.16.0.9 is i-bp1abc's own",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("notes lack %q:\n%s", want, text)
		}
	}
}

func TestNextInSequence(t *testing.T) {
	for name, want := range map[string]string{"web-003": "web-[4,3]", "web9": "web[10,1]", "db-099": "db-[100,3]",
		"web": "", "2024": "", "web-[1,3]01": ""} {
		got, ok := nextInSequence(name)
		if got != want || ok != (want != "") {
			t.Errorf("nextInSequence(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

func TestFromHistory(t *testing.T) {
	entries := []launcher.Entry{
		{Token: "ecslaunch-1", State: launcher.StateRunning, Region: "cn-hangzhou", InstanceIDs: []string{"i-1", "i-2"},
			Request: map[string]string{"RegionId": "cn-hangzhou", "InstanceType": "ecs.g7.large", "ClientToken": "ecslaunch-1",
				"Password": "${ECS_PASSWORD}", "Amount": "2"}},
		{Token: "ecslaunch-2", State: launcher.StatePending},
	}
	res, err := FromHistory(entries, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := res.File.Request
	if r.Has("ClientToken") || r.Get("Password") != "${ECS_PASSWORD}" || r.Get("Amount") != "2" || res.Source.ID != "ecslaunch-1" {
		t.Errorf("request %v, source %+v", r.Params(), res.Source)
	}
	text := strings.Join(Strings(res.Notes), "\n")
	for _, want := range []string{"ClientToken: not carried", "Password: recorded as ${ECS_PASSWORD}", "launch 1 made i-1, i-2 (running)"} {
		if !strings.Contains(text, want) {
			t.Errorf("notes lack %q:\n%s", want, text)
		}
	}
	for n, want := range map[int]string{0: "launches 1 to 2", 3: "launches 1 to 2", 2: "recorded no request"} {
		if _, err := FromHistory(entries, n); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("launch %d: %v, want %q", n, err, want)
		}
	}
	if _, err := FromHistory(nil, 1); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty history: %v", err)
	}
}

func TestTemplateDataKeepsWhatIsSetOnly(t *testing.T) {
	var d ecs.LaunchTemplateData
	d.InstanceType, d.ImageId, d.SecurityGroupId, d.SystemDiskSize, d.VpcId = "ecs.g7.large", "img", "sg-1", 40, "vpc-1"
	d.SpotPriceLimit, d.SystemDiskIops = 0.05, 3000
	d.SecurityGroupIds.SecurityGroupId = []string{"sg-1"}
	d.DataDisks.DataDisk = []ecs.DataDisk{{Size: 100, Category: "cloud_essd", DeleteWithInstance: true}}
	d.Tags.InstanceTag = []ecs.InstanceTag{{Key: "team", Value: "web"}}
	req, notes := fromTemplateData(d)
	want := map[string]string{"InstanceType": "ecs.g7.large", "ImageId": "img", "SecurityGroupId": "sg-1", "SystemDisk.Size": "40",
		"SpotPriceLimit": "0.05", "DataDisk.1.Size": "100", "DataDisk.1.Category": "cloud_essd", "DataDisk.1.DeleteWithInstance": "true",
		"Tag.1.Key": "team", "Tag.1.Value": "web"}
	if req.Len() != len(want) {
		t.Errorf("request %v, want exactly %v", req.Params(), want)
	}
	for k, v := range want {
		if req.Get(k) != v {
			t.Errorf("%s = %q, want %q", k, req.Get(k), v)
		}
	}
	text := strings.Join(Strings(notes), "\n")
	for _, w := range []string{"VpcId: vpc-1 is not carried", "SystemDisk.Iops: RunInstances has no such parameter", "Password:", "Amount:"} {
		if !strings.Contains(text, w) {
			t.Errorf("notes lack %q:\n%s", w, text)
		}
	}
}
