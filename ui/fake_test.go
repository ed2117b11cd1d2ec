package ui

import (
	"context"
	"fmt"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/request"
)

// fakeReader is a small in-memory catalog for unit tests of the model's
// logic; the flows run against the sandbox.
type fakeReader struct {
	types []catalog.InstanceType
	calls map[string]int
	// loadFailures makes the next Load calls fail.
	loadFailures int
	// evilName, when set, names the web security group.
	evilName string
}

func newFakeReader() *fakeReader {
	types := []catalog.InstanceType{
		{InstanceTypeId: "ecs.g7.large", InstanceTypeFamily: "ecs.g7", InstanceCategory: "General-purpose", CpuCoreCount: 2, MemorySize: 8, CpuArchitecture: "X86", PricePerHour: 0.12, Status: catalog.Available, AvailableZones: []string{"cn-hangzhou-h", "cn-hangzhou-i"}},
		{InstanceTypeId: "ecs.g6.large", InstanceTypeFamily: "ecs.g6", InstanceCategory: "General-purpose", CpuCoreCount: 2, MemorySize: 8, CpuArchitecture: "X86", PricePerHour: 0.10, Status: catalog.Available, AvailableZones: []string{"cn-hangzhou-h"}},
		{InstanceTypeId: "ecs.c7.large", InstanceTypeFamily: "ecs.c7", InstanceCategory: "Compute-optimized", CpuCoreCount: 2, MemorySize: 4, CpuArchitecture: "X86", PricePerHour: 0.08, Status: catalog.Available, AvailableZones: []string{"cn-hangzhou-h"}},
		{InstanceTypeId: "ecs.g8y.large", InstanceTypeFamily: "ecs.g8y", InstanceCategory: "General-purpose", CpuCoreCount: 2, MemorySize: 8, CpuArchitecture: "ARM", PricePerHour: 0.09, Status: catalog.Available, AvailableZones: []string{"cn-hangzhou-h"}},
		{InstanceTypeId: "ecs.g7.xlarge", InstanceTypeFamily: "ecs.g7", InstanceCategory: "General-purpose", CpuCoreCount: 4, MemorySize: 16, CpuArchitecture: "X86", PricePerHour: 0.24, Status: catalog.SoldOut, AvailableZones: []string{"cn-hangzhou-i"}},
		{InstanceTypeId: "ecs.gn7i-c8g1.2xlarge", InstanceTypeFamily: "ecs.gn7i", InstanceCategory: "GPU", CpuCoreCount: 8, MemorySize: 30, GPUAmount: 1, GPUSpec: "NVIDIA A10", CpuArchitecture: "X86", PricePerHour: 1.9, Status: catalog.NotOffered},
	}
	return &fakeReader{types: types, calls: map[string]int{}}
}

func (f *fakeReader) Regions(ctx context.Context) ([]catalog.Region, error) {
	f.calls["Regions"]++
	return []catalog.Region{{RegionId: "cn-beijing", LocalName: "China (Beijing)"}, {RegionId: "cn-hangzhou", LocalName: "China (Hangzhou)"}}, nil
}

func (f *fakeReader) Load(ctx context.Context, region string, b catalog.Billing) (*catalog.RegionData, error) {
	f.calls["Load"]++
	if f.loadFailures > 0 {
		f.loadFailures--
		return nil, fmt.Errorf("ServiceUnavailable: the service is busy")
	}
	return &catalog.RegionData{
		RegionId: region, Billing: b,
		Zones:         []catalog.Zone{{ZoneId: "cn-hangzhou-h", LocalName: "Hangzhou Zone H", AvailableTypes: 4}, {ZoneId: "cn-hangzhou-i", LocalName: "Hangzhou Zone I", AvailableTypes: 2}},
		InstanceTypes: f.types,
		Images: []catalog.Image{
			{ImageId: "aliyun_3_x64_20G_alibase_20240819.vhd", ImageName: "aliyun_3_x64_20G_alibase_20240819.vhd", ImageOwnerAlias: "system", OSName: "Alibaba Cloud Linux 3", OSNameEn: "Alibaba Cloud Linux 3.2104 LTS 64 bit", OSType: "linux", Platform: "Aliyun", Architecture: "x86_64", Size: 20, Status: "Available", CreationTime: "2024-08-19T00:00:00Z"},
			{ImageId: "aliyun_3_x64_20G_alibase_20230727.vhd", ImageName: "aliyun_3_x64_20G_alibase_20230727.vhd", ImageOwnerAlias: "system", OSNameEn: "Alibaba Cloud Linux 3.2104 LTS 64 bit", OSType: "linux", Platform: "Aliyun", Architecture: "x86_64", Size: 20, Status: "Available", CreationTime: "2023-07-27T00:00:00Z"},
			{ImageId: "aliyun_3_arm64_20G_alibase_20240819.vhd", ImageOwnerAlias: "system", OSNameEn: "Alibaba Cloud Linux 3 ARM", OSType: "linux", Platform: "Aliyun", Architecture: "arm64", Size: 20, Status: "Available", CreationTime: "2024-08-19T00:00:00Z"},
			{ImageId: "ubuntu_22_04_x64_20G_alibase_20240710.vhd", ImageOwnerAlias: "system", OSNameEn: "Ubuntu 22.04 64 bit", OSType: "linux", Platform: "Ubuntu", Architecture: "x86_64", Size: 20, Status: "Available", CreationTime: "2024-07-10T00:00:00Z"},
			{ImageId: "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd", ImageOwnerAlias: "system", OSNameEn: "Windows Server 2022", OSType: "windows", Platform: "Windows Server 2022", Architecture: "x86_64", Size: 40, Status: "Available", CreationTime: "2024-08-16T00:00:00Z"},
			{ImageId: "m-bp1own", ImageName: "web-golden", ImageOwnerAlias: "self", OSNameEn: "web golden image", OSType: "linux", Platform: "Aliyun", Architecture: "x86_64", Size: 40, Status: "Available", CreationTime: "2025-01-01T00:00:00Z"},
		},
		VPCs:           []catalog.VPC{{VpcId: "vpc-bp1default", VpcName: "default", CidrBlock: "172.16.0.0/12", IsDefault: true}},
		VSwitches:      []catalog.VSwitch{{VSwitchId: "vsw-bp1h", VpcId: "vpc-bp1default", ZoneId: "cn-hangzhou-h", CidrBlock: "172.16.0.0/20", AvailableIpAddressCount: 4000, IsDefault: true}, {VSwitchId: "vsw-bp1i", VpcId: "vpc-bp1default", ZoneId: "cn-hangzhou-i", CidrBlock: "172.16.16.0/20", AvailableIpAddressCount: 4000, IsDefault: true}},
		SecurityGroups: []catalog.SecurityGroup{{SecurityGroupId: "sg-bp1default", SecurityGroupName: "default", VpcId: "vpc-bp1default"}, {SecurityGroupId: "sg-bp1web", SecurityGroupName: firstNonEmpty(f.evilName, "web"), VpcId: "vpc-bp1default"}},
		KeyPairs:       []catalog.KeyPair{{KeyPairName: "my-key"}},
	}, nil
}

func (f *fakeReader) Zones(ctx context.Context, region string, b catalog.Billing) ([]catalog.Zone, error) {
	d, _ := f.Load(ctx, region, b)
	return d.Zones, nil
}

func (f *fakeReader) InstanceTypes(ctx context.Context, region, zone string, b catalog.Billing) ([]catalog.InstanceType, error) {
	f.calls["InstanceTypes"]++
	out := make([]catalog.InstanceType, len(f.types))
	for i, t := range f.types {
		if zone != "" && t.Status != catalog.NotOffered {
			t.Status = catalog.SoldOut
			for _, z := range t.AvailableZones {
				if z == zone {
					t.Status = catalog.Available
				}
			}
		}
		out[i] = t
	}
	return out, nil
}

func (f *fakeReader) Images(ctx context.Context, region, arch string) ([]catalog.Image, error) {
	d, _ := f.Load(ctx, region, catalog.Billing{})
	return d.Images, nil
}

func (f *fakeReader) DiskCategories(ctx context.Context, region, zone, typ string, b catalog.Billing) ([]catalog.DiskCategory, []catalog.DiskCategory, error) {
	cats := []catalog.DiskCategory{{Category: "cloud_essd", Min: 20, Max: 2048, PerformanceLevels: []string{"PL0", "PL1", "PL2", "PL3"}}, {Category: "cloud_efficiency", Min: 20, Max: 500}}
	return cats, cats, nil
}

func (f *fakeReader) VPCs(ctx context.Context, region string) ([]catalog.VPC, error) { return nil, nil }
func (f *fakeReader) VSwitches(ctx context.Context, region, vpc, zone string) ([]catalog.VSwitch, error) {
	return nil, nil
}
func (f *fakeReader) SecurityGroups(ctx context.Context, region, vpc string) ([]catalog.SecurityGroup, error) {
	return nil, nil
}
func (f *fakeReader) KeyPairs(ctx context.Context, region string) ([]catalog.KeyPair, error) {
	return nil, nil
}
func (f *fakeReader) TypePrice(ctx context.Context, region, zone, typ string, b catalog.Billing) (catalog.Price, error) {
	return catalog.Price{}, fmt.Errorf("not in the fake")
}
func (f *fakeReader) Price(ctx context.Context, req *request.Request) (catalog.Price, error) {
	return catalog.Price{Currency: "USD", TradePrice: 0.1, PriceUnit: "Hour"}, nil
}
