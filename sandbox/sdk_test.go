package sandbox_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"

	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

const (
	image    = "aliyun_3_x64_20G_alibase_20240819.vhd"
	armImage = "aliyun_3_arm64_20G_alibase_20240819.vhd"
	winImage = "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd"
)

func start(t testing.TB, o sandbox.Options) *sandbox.Server {
	t.Helper()
	if o.Seed == 0 {
		o.Seed = 42
	}
	s, err := sandbox.Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// client is the official SDK client pointed at the sandbox (docs/sdk-notes.md §1).
func client(t testing.TB, s *sandbox.Server, secret string) *ecs.Client {
	t.Helper()
	c, err := ecs.NewClientWithAccessKey("cn-hangzhou", sandbox.DefaultAccessKeyID, secret)
	if err != nil {
		t.Fatal(err)
	}
	c.Domain = s.Endpoint()
	return c
}

func vpcClient(t testing.TB, s *sandbox.Server) *vpc.Client {
	t.Helper()
	c, err := vpc.NewClientWithAccessKey("cn-hangzhou", sandbox.DefaultAccessKeyID, sandbox.DefaultAccessKeySecret)
	if err != nil {
		t.Fatal(err)
	}
	c.Domain = s.Endpoint()
	return c
}

// rawBody is what every SDK response offers.
type rawBody interface{ GetHttpContentString() string }

// noFieldLost checks that the SDK's struct holds everything the sandbox
// sent: the body and the parsed struct, encoded again, are the same JSON.
func noFieldLost(t *testing.T, resp rawBody) {
	t.Helper()
	var sent, kept any
	if err := json.Unmarshal([]byte(resp.GetHttpContentString()), &sent); err != nil {
		t.Fatalf("body is not JSON: %v", err)
	}
	data, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &kept); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sent, kept) {
		t.Errorf("the SDK struct lost fields:\nsent %.600s\nkept %.600s", resp.GetHttpContentString(), data)
	}
}

// apiError asserts err is a ServerError with the code and status.
func apiError(t *testing.T, err error, code string, status int) *sdkerrors.ServerError {
	t.Helper()
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) {
		t.Fatalf("want ServerError %s, got %v", code, err)
	}
	if se.ErrorCode() != code || se.HttpStatus() != status {
		t.Fatalf("want %s (%d), got %s (%d): %s", code, status, se.ErrorCode(), se.HttpStatus(), se.Message())
	}
	if se.RequestId() == "" || se.HostId() == "" || se.Recommend() == "" {
		t.Errorf("error body incomplete: %q %q %q", se.RequestId(), se.HostId(), se.Recommend())
	}
	return se
}

func TestDescribeRegions(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	req := ecs.CreateDescribeRegionsRequest()
	resp, err := c.DescribeRegions(req)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, resp)
	if len(resp.Regions.Region) < 20 {
		t.Fatalf("%d regions", len(resp.Regions.Region))
	}
	names := map[string]string{}
	for _, r := range resp.Regions.Region {
		if r.RegionId == "" || r.LocalName == "" || r.RegionEndpoint == "" || r.Status != "available" {
			t.Errorf("incomplete region %+v", r)
		}
		names[r.RegionId] = r.LocalName
	}
	if names["cn-hangzhou"] != "华东1（杭州）" {
		t.Errorf("default language: %q", names["cn-hangzhou"])
	}
	en := ecs.CreateDescribeRegionsRequest()
	en.AcceptLanguage = "en-US"
	resp, err = c.DescribeRegions(en)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range resp.Regions.Region {
		if r.RegionId == "cn-hangzhou" && r.LocalName != "China (Hangzhou)" {
			t.Errorf("en-US name %q", r.LocalName)
		}
	}
}

func TestDescribeZones(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	resp, err := c.DescribeZones(ecs.CreateDescribeZonesRequest())
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, resp)
	if len(resp.Zones.Zone) < 2 {
		t.Fatalf("%d zones", len(resp.Zones.Zone))
	}
	z := resp.Zones.Zone[0]
	info := z.AvailableResources.ResourcesInfo
	// the lower-case keys (supportedSystemDiskCategory…) must reach the SDK
	if z.ZoneId != "cn-hangzhou-i" || len(info) != 1 || len(info[0].SystemDiskCategories.SupportedSystemDiskCategory) == 0 ||
		len(info[0].InstanceTypes.SupportedInstanceType) < 100 || len(info[0].InstanceTypeFamilies.SupportedInstanceTypeFamily) == 0 ||
		len(z.AvailableInstanceTypes.InstanceTypes) < 100 || len(z.AvailableDiskCategories.DiskCategories) == 0 {
		t.Errorf("zone %s incomplete", z.ZoneId)
	}
	req := ecs.CreateDescribeZonesRequest()
	req.Verbose = requests.NewBoolean(false)
	req.RegionId = "ap-southeast-1"
	resp, err = c.DescribeZones(req)
	if err != nil {
		t.Fatal(err)
	}
	if z := resp.Zones.Zone[0]; z.ZoneId != "ap-southeast-1a" || len(z.AvailableInstanceTypes.InstanceTypes) != 0 {
		t.Errorf("Verbose=false: %+v", z)
	}
	bad := ecs.CreateDescribeZonesRequest()
	bad.RegionId = "cn-atlantis"
	_, err = c.DescribeZones(bad)
	apiError(t, err, "InvalidRegionId.NotFound", 404)
}

func TestDescribeAvailableResource(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	req := ecs.CreateDescribeAvailableResourceRequest()
	req.DestinationResource = "InstanceType"
	resp, err := c.DescribeAvailableResource(req)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, resp)
	status := map[string]int{}
	for _, z := range resp.AvailableZones.AvailableZone {
		for _, r := range z.AvailableResources.AvailableResource {
			for _, s := range r.SupportedResources.SupportedResource {
				status[s.Status+"/"+s.StatusCategory]++
			}
		}
	}
	if status["Available/WithStock"] < 100 || status["SoldOut/WithoutStock"] == 0 {
		t.Errorf("statuses %v", status)
	}
	disk := ecs.CreateDescribeAvailableResourceRequest()
	disk.DestinationResource, disk.InstanceType, disk.ZoneId = "SystemDisk", "ecs.g7.large", "cn-hangzhou-i"
	resp, err = c.DescribeAvailableResource(disk)
	if err != nil {
		t.Fatal(err)
	}
	res := resp.AvailableZones.AvailableZone[0].AvailableResources.AvailableResource[0].SupportedResources.SupportedResource
	if len(resp.AvailableZones.AvailableZone) != 1 || len(res) == 0 || res[0].Max == 0 || res[0].Unit != "GiB" {
		t.Errorf("system disks %+v", res)
	}
	_, err = c.DescribeAvailableResource(ecs.CreateDescribeAvailableResourceRequest())
	apiError(t, err, "Invalid.Param", 400)
}

func TestDescribeInstanceTypesPaging(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	seen := map[string]bool{}
	token, pages := "", 0
	for {
		req := ecs.CreateDescribeInstanceTypesRequest()
		req.MaxResults, req.NextToken = requests.NewInteger64(7), token
		resp, err := c.DescribeInstanceTypes(req)
		if err != nil {
			t.Fatal(err)
		}
		if pages == 0 {
			noFieldLost(t, resp)
		}
		pages++
		for _, it := range resp.InstanceTypes.InstanceType {
			if seen[it.InstanceTypeId] {
				t.Fatalf("%s twice", it.InstanceTypeId)
			}
			seen[it.InstanceTypeId] = true
			if it.CpuCoreCount == 0 || it.MemorySize == 0 || it.InstanceTypeFamily == "" || it.CpuArchitecture == "" || it.EniQuantity == 0 {
				t.Errorf("incomplete type %+v", it)
			}
		}
		if token = resp.NextToken; token == "" {
			break
		}
	}
	if len(seen) != len(world.New().Types) || len(seen) < 300 || pages < 40 {
		t.Errorf("%d types in %d pages", len(seen), pages)
	}
	req := ecs.CreateDescribeInstanceTypesRequest()
	req.InstanceTypeFamily = "ecs.gn7i"
	resp, err := c.DescribeInstanceTypes(req)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range resp.InstanceTypes.InstanceType {
		if it.GPUAmount == 0 || it.GPUSpec != "NVIDIA A10" || it.GPUMemorySize != 24 {
			t.Errorf("GPU type %+v", it)
		}
	}
	arm := ecs.CreateDescribeInstanceTypesRequest()
	arm.CpuArchitecture, arm.MinimumCpuCoreCount, arm.MaximumCpuCoreCount = "ARM", requests.NewInteger(2), requests.NewInteger(2)
	resp, err = c.DescribeInstanceTypes(arm)
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.InstanceTypes.InstanceType) != 3 {
		t.Errorf("2-vCPU ARM types: %d, want g8y/c8y/r8y large", len(resp.InstanceTypes.InstanceType))
	}
	tooMany := ecs.CreateDescribeInstanceTypesRequest()
	tooMany.MaxResults = requests.NewInteger64(101)
	_, err = c.DescribeInstanceTypes(tooMany)
	apiError(t, err, "InvalidParameter", 400)
	badToken := ecs.CreateDescribeInstanceTypesRequest()
	badToken.NextToken = "zz-not-a-token"
	_, err = c.DescribeInstanceTypes(badToken)
	apiError(t, err, "InvalidNextToken.Malformed", 400)
}

func TestDescribeInstanceTypeFamilies(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	req := ecs.CreateDescribeInstanceTypeFamiliesRequest()
	req.Generation = "ecs-5"
	resp, err := c.DescribeInstanceTypeFamilies(req)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, resp)
	got := map[string]bool{}
	for _, f := range resp.InstanceTypeFamilies.InstanceTypeFamily {
		got[f.InstanceTypeFamilyId] = true
		if f.Generation != "ecs-5" {
			t.Errorf("%+v", f)
		}
	}
	if !got["ecs.g6"] || !got["ecs.t6"] || got["ecs.g7"] {
		t.Errorf("ecs-5 families %v", got)
	}
}

func TestDescribeImages(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	seen := map[string]bool{}
	total := 0
	for page := 1; ; page++ {
		req := ecs.CreateDescribeImagesRequest()
		req.PageNumber, req.PageSize = requests.NewInteger(page), requests.NewInteger(7)
		resp, err := c.DescribeImages(req)
		if err != nil {
			t.Fatal(err)
		}
		if page == 1 {
			noFieldLost(t, resp)
		}
		total = resp.TotalCount
		if resp.PageNumber != page || resp.PageSize != 7 {
			t.Errorf("echo %d/%d", resp.PageNumber, resp.PageSize)
		}
		for _, img := range resp.Images.Image {
			seen[img.ImageId] = true
			// Without ImageOwnerAlias: public, custom and shared images,
			// never marketplace ones (docs/api-shapes.md §7).
			if img.OSName == "" || img.OSType == "" || img.Size == 0 || img.Status != "Available" || img.Architecture == "" ||
				!strings.Contains(" system self others ", " "+img.ImageOwnerAlias+" ") || len(img.DiskDeviceMappings.DiskDeviceMapping) != 1 {
				t.Errorf("incomplete image %+v", img)
			}
		}
		if len(resp.Images.Image) == 0 {
			break
		}
	}
	if total < 30 || len(seen) != total {
		t.Errorf("%d images seen of %d", len(seen), total)
	}
	win := ecs.CreateDescribeImagesRequest()
	win.OSType, win.PageSize = "windows", requests.NewInteger(100)
	resp, err := c.DescribeImages(win)
	if err != nil {
		t.Fatal(err)
	}
	for _, img := range resp.Images.Image {
		if img.OSType != "windows" || img.Size < 40 || img.ImageOwnerAlias == "system" && img.Size != 40 {
			t.Errorf("windows image %s size %d", img.ImageId, img.Size)
		}
	}
	forARM := ecs.CreateDescribeImagesRequest()
	forARM.InstanceType, forARM.PageSize = "ecs.g8y.large", requests.NewInteger(100)
	resp, err = c.DescribeImages(forARM)
	if err != nil {
		t.Fatal(err)
	}
	if resp.TotalCount < 5 {
		t.Errorf("%d images for ARM", resp.TotalCount)
	}
	for _, img := range resp.Images.Image {
		if img.Architecture != "arm64" {
			t.Errorf("image %s for an ARM type", img.ImageId)
		}
	}
	old := ecs.CreateDescribeImagesRequest()
	old.Status = "Deprecated"
	resp, err = c.DescribeImages(old)
	if err != nil || resp.TotalCount != 1 {
		t.Errorf("deprecated images: %v %v", resp.TotalCount, err)
	}
	big := ecs.CreateDescribeImagesRequest()
	big.PageSize = requests.NewInteger(101)
	_, err = c.DescribeImages(big)
	apiError(t, err, "InvalidParameter", 400)
}

// defaults finds a region's default network through the API, as the wizard does.
type network struct{ vpc, vsw, sg string }

func defaults(t *testing.T, c *ecs.Client, region, zone string) network {
	t.Helper()
	vs := ecs.CreateDescribeVSwitchesRequest()
	vs.RegionId, vs.ZoneId, vs.IsDefault = region, zone, requests.NewBoolean(true)
	vr, err := c.DescribeVSwitches(vs)
	if err != nil || len(vr.VSwitches.VSwitch) != 1 {
		t.Fatalf("default vSwitch of %s: %v %d", zone, err, len(vr.VSwitches.VSwitch))
	}
	n := network{vpc: vr.VSwitches.VSwitch[0].VpcId, vsw: vr.VSwitches.VSwitch[0].VSwitchId}
	sg := ecs.CreateDescribeSecurityGroupsRequest()
	sg.RegionId, sg.VpcId, sg.SecurityGroupName = region, n.vpc, world.DefaultSGName
	sr, err := c.DescribeSecurityGroups(sg)
	if err != nil || len(sr.SecurityGroups.SecurityGroup) != 1 {
		t.Fatalf("default security group of %s: %v", region, err)
	}
	n.sg = sr.SecurityGroups.SecurityGroup[0].SecurityGroupId
	return n
}

func TestDescribeSecurityGroups(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	var ids []string
	token := ""
	for {
		req := ecs.CreateDescribeSecurityGroupsRequest()
		req.MaxResults, req.NextToken = requests.NewInteger(3), token
		req.IsQueryEcsCount = requests.NewBoolean(true)
		resp, err := c.DescribeSecurityGroups(req)
		if err != nil {
			t.Fatal(err)
		}
		noFieldLost(t, resp)
		for _, g := range resp.SecurityGroups.SecurityGroup {
			ids = append(ids, g.SecurityGroupId)
			if g.VpcId == "" || g.SecurityGroupType == "" || g.CreationTime == "" || g.AvailableInstanceAmount == 0 {
				t.Errorf("incomplete group %+v", g)
			}
		}
		if token = resp.NextToken; token == "" {
			break
		}
	}
	if len(ids) != 4 {
		t.Fatalf("%d groups by token", len(ids))
	}
	req := ecs.CreateDescribeSecurityGroupsRequest()
	req.SecurityGroupIds = `["` + ids[1] + `","` + ids[3] + `"]`
	resp, err := c.DescribeSecurityGroups(req)
	if err != nil || resp.TotalCount != 2 {
		t.Fatalf("JSON id filter: %v %d", err, resp.TotalCount)
	}
	legacy := ecs.CreateDescribeSecurityGroupsRequest()
	legacy.PageSize, legacy.PageNumber = requests.NewInteger(3), requests.NewInteger(2)
	resp, err = c.DescribeSecurityGroups(legacy)
	if err != nil || len(resp.SecurityGroups.SecurityGroup) != 1 || resp.TotalCount != 4 {
		t.Fatalf("page 2 of 3: %v %+v", err, resp)
	}
	legacy.PageSize = requests.NewInteger(51)
	_, err = c.DescribeSecurityGroups(legacy)
	apiError(t, err, "InvalidParameter", 400)
}

func TestDescribeNetworkBothProducts(t *testing.T) {
	s := start(t, sandbox.Options{})
	c, v := client(t, s, sandbox.DefaultAccessKeySecret), vpcClient(t, s)
	er, err := c.DescribeVpcs(ecs.CreateDescribeVpcsRequest())
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, er)
	vr, err := v.DescribeVpcs(vpc.CreateDescribeVpcsRequest())
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, vr)
	if er.TotalCount != 2 || vr.TotalCount != 2 || er.Vpcs.Vpc[0].VpcId != vr.Vpcs.Vpc[0].VpcId ||
		len(vr.Vpcs.Vpc[0].VSwitchIds.VSwitchId) == 0 || vr.Vpcs.Vpc[0].CidrBlock == "" {
		t.Errorf("VPCs differ or are incomplete: %+v / %+v", er.Vpcs, vr.Vpcs)
	}
	vs := vpc.CreateDescribeVSwitchesRequest()
	vs.PageSize = requests.NewInteger(4)
	total, got := 0, 0
	for page := 1; ; page++ {
		vs.PageNumber = requests.NewInteger(page)
		vs2 := vpc.CreateDescribeVSwitchesRequest()
		vs2.PageSize, vs2.PageNumber = vs.PageSize, vs.PageNumber
		resp, err := v.DescribeVSwitches(vs2)
		if err != nil {
			t.Fatal(err)
		}
		noFieldLost(t, resp)
		total = resp.TotalCount
		for _, sw := range resp.VSwitches.VSwitch {
			got++
			if sw.AvailableIpAddressCount == 0 || sw.CidrBlock == "" || sw.ZoneId == "" {
				t.Errorf("incomplete vSwitch %+v", sw)
			}
		}
		if len(resp.VSwitches.VSwitch) == 0 {
			break
		}
	}
	if total != 10 || got != total { // 8 Hangzhou zones + 2 demo vSwitches
		t.Errorf("%d of %d vSwitches", got, total)
	}
	ev, err := c.DescribeVSwitches(ecs.CreateDescribeVSwitchesRequest())
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, ev)
}

func TestDescribeKeyPairs(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	req := ecs.CreateDescribeKeyPairsRequest()
	req.KeyPairName = "*key"
	resp, err := c.DescribeKeyPairs(req)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, resp)
	if resp.TotalCount != 2 || len(strings.Split(resp.KeyPairs.KeyPair[0].KeyPairFingerPrint, ":")) != 20 {
		t.Errorf("key pairs %+v", resp.KeyPairs)
	}
}

func TestDescribePrice(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	price := func(unit string) *ecs.DescribePriceResponse {
		req := ecs.CreateDescribePriceRequest()
		req.InstanceType, req.PriceUnit = "ecs.g7.large", unit
		req.SystemDiskCategory, req.SystemDiskSize = "cloud_essd", requests.NewInteger(40)
		req.InternetChargeType, req.InternetMaxBandwidthOut = "PayByBandwidth", requests.NewInteger(5)
		req.DataDisk1Category, req.DataDisk1Size = "cloud_essd", requests.NewInteger(100)
		resp, err := c.DescribePrice(req)
		if err != nil {
			t.Fatal(err)
		}
		noFieldLost(t, resp)
		return resp
	}
	hour := price("Hour").PriceInfo.Price
	// 0.64 type + 0.06 system disk + 0.15 data disk + 0.315 bandwidth
	if hour.Currency != "CNY" || hour.TradePrice != 1.165 || len(hour.DetailInfos.DetailInfo) != 4 {
		t.Errorf("hourly %+v", hour)
	}
	year := price("Year").PriceInfo
	if year.Price.DiscountPrice == 0 || len(year.Rules.Rule) != 1 || year.Rules.Rule[0].RuleId != 587 ||
		year.Price.TradePrice != year.Price.OriginalPrice-year.Price.DiscountPrice {
		t.Errorf("yearly %+v", year)
	}
	req := ecs.CreateDescribePriceRequest()
	_, err := c.DescribePrice(req)
	apiError(t, err, "MissingParameter", 400)
}

func isDryRun(err error) bool {
	var se *sdkerrors.ServerError
	return errors.As(err, &se) && se.ErrorCode() == "DryRunOperation"
}

// TestSecurityGroupCountsAreAskedFor: EcsCount and AvailableInstanceAmount
// are valid only with IsQueryEcsCount (docs/api-shapes.md §8); asked, the
// busy group says 1998 of 2000, as its description does, and the
// enterprise group holds 65536.
func TestSecurityGroupCountsAreAskedFor(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	groups := func(ask bool) map[string]ecs.SecurityGroup {
		req := ecs.CreateDescribeSecurityGroupsRequest()
		req.RegionId = "cn-hangzhou"
		if ask {
			req.IsQueryEcsCount = requests.NewBoolean(true)
		}
		resp, err := c.DescribeSecurityGroups(req)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]ecs.SecurityGroup{}
		for _, g := range resp.SecurityGroups.SecurityGroup {
			out[g.SecurityGroupName] = g
		}
		return out
	}
	for name, g := range groups(false) {
		if g.EcsCount != 0 || g.AvailableInstanceAmount != 0 {
			t.Errorf("%s: counts without IsQueryEcsCount: %d, %d", name, g.EcsCount, g.AvailableInstanceAmount)
		}
	}
	asked := groups(true)
	busy := asked[world.BusySecurityGroup]
	if busy.SecurityGroupType != "normal" || busy.EcsCount != 1998 || busy.EcsCount+busy.AvailableInstanceAmount != 2000 ||
		!strings.Contains(busy.Description, "1998 of 2000") {
		t.Errorf("busy group %+v", busy)
	}
	if e := asked[world.EnterpriseSGName]; e.SecurityGroupType != "enterprise" || e.EcsCount+e.AvailableInstanceAmount != 65536 {
		t.Errorf("enterprise group %+v", e)
	}
}

// TestDescribeImagesByOwnerAlias: every region has its own (self), shared
// (others) and marketplace images, so the wizard's tabs can be tried;
// marketplace ones carry their ProductCode, a shared one its owner, and
// none of them exists in another region.
func TestDescribeImagesByOwnerAlias(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	list := func(region, alias, id string) []ecs.Image {
		t.Helper()
		req := ecs.CreateDescribeImagesRequest()
		req.RegionId, req.ImageOwnerAlias, req.ImageId, req.PageSize = region, alias, id, requests.NewInteger(100)
		resp, err := c.DescribeImages(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp.Images.Image
	}
	self, others, market := list("cn-hangzhou", "self", ""), list("cn-hangzhou", "others", ""), list("cn-hangzhou", "marketplace", "")
	if len(self) != 2 || len(others) != 1 || len(market) != 2 {
		t.Fatalf("self %d, others %d, marketplace %d", len(self), len(others), len(market))
	}
	oses := map[string]bool{}
	for _, im := range self {
		oses[im.OSType] = true
		if !strings.HasPrefix(im.ImageId, "m-bp") || im.IsPublic || im.ImageName == im.ImageId || im.ImageOwnerAlias != "self" {
			t.Errorf("custom image %+v", im)
		}
	}
	if !oses["linux"] || !oses["windows"] {
		t.Errorf("custom images' OS types %v", oses)
	}
	if o := others[0]; o.ImageOwnerId != world.SharingAccount || o.IsPublic || o.ImageOwnerAlias != "others" {
		t.Errorf("shared image %+v", o)
	}
	for _, im := range market {
		if im.ProductCode == "" || !im.IsPublic || im.SupplierName == "" || im.ImageOwnerAlias != "marketplace" {
			t.Errorf("marketplace image %+v", im)
		}
	}
	for _, im := range list("cn-hangzhou", "", "") {
		if im.ImageOwnerAlias == "marketplace" {
			t.Errorf("marketplace image %s listed without ImageOwnerAlias", im.ImageId)
		}
	}
	if got := list("cn-hangzhou", "", market[0].ImageId); len(got) != 1 {
		t.Errorf("a marketplace image asked for by ID: %d found", len(got))
	}
	if got := list("cn-beijing", "", self[0].ImageId); len(got) != 0 {
		t.Errorf("cn-hangzhou's custom image is listed in cn-beijing")
	}
	if got := list("cn-beijing", "self", ""); len(got) != 2 || got[0].ImageId == self[0].ImageId {
		t.Errorf("cn-beijing's own images: %+v", got)
	}
}

// TestRunInstancesWithAccountImages: a custom Windows image and a
// marketplace image pass DryRun in their region; another region does not
// know them.
func TestRunInstancesWithAccountImages(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	w := world.New()
	var win, market world.Image
	for _, im := range w.ImagesIn("cn-hangzhou") {
		switch {
		case im.Alias() == "self" && im.OSType == "windows":
			win = im
		case im.Alias() == "marketplace":
			market = im
		}
	}
	for _, im := range []world.Image{win, market} {
		req := goodRequest(n)
		req.ImageId, req.DryRun = im.ImageId, requests.NewBoolean(true)
		req.SystemDiskSize = strconv.Itoa(max(im.Size, 40))
		_, err := c.RunInstances(req)
		apiError(t, err, "DryRunOperation", 400)
	}
	req := goodRequest(n)
	req.ImageId, req.SystemDiskSize = win.ImageId, "40"
	_, err := c.RunInstances(req)
	apiError(t, err, "InvalidSystemDiskSize.LessThanImageSize", 404) // the custom image is 60 GiB
	other := goodRequest(defaults(t, c, "cn-beijing", "cn-beijing-a"))
	other.RegionId, other.ImageId = "cn-beijing", win.ImageId
	_, err = c.RunInstances(other)
	apiError(t, err, "InvalidImageId.NotFound", 404)
}
