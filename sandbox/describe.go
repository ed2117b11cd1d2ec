package sandbox

import (
	"net/http"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// ecsVersion and vpcVersion are the API versions the sandbox dispatches on.
const (
	ecsVersion = "2014-05-26"
	vpcVersion = "2016-04-28"
)

// handlers maps Version/Action to the action's handler.
func (s *Server) handlers() map[string]handler { return handlerTable }

var handlerTable = map[string]handler{
	ecsVersion + "/DescribeRegions":                (*call).describeRegions,
	ecsVersion + "/DescribeZones":                  (*call).describeZones,
	ecsVersion + "/DescribeAvailableResource":      (*call).describeAvailableResource,
	ecsVersion + "/DescribeInstanceTypes":          (*call).describeInstanceTypes,
	ecsVersion + "/DescribeInstanceTypeFamilies":   (*call).describeInstanceTypeFamilies,
	ecsVersion + "/DescribeImages":                 (*call).describeImages,
	ecsVersion + "/DescribeSecurityGroups":         (*call).describeSecurityGroups,
	ecsVersion + "/DescribeVpcs":                   (*call).describeVpcsECS,
	ecsVersion + "/DescribeVSwitches":              (*call).describeVSwitchesECS,
	ecsVersion + "/DescribeKeyPairs":               (*call).describeKeyPairs,
	ecsVersion + "/DescribePrice":                  (*call).describePrice,
	ecsVersion + "/DescribeSpotPriceHistory":       (*call).describeSpotPriceHistory,
	ecsVersion + "/RunInstances":                   (*call).runInstances,
	ecsVersion + "/DescribeInstances":              (*call).describeInstances,
	ecsVersion + "/DescribeInstanceStatus":         (*call).describeInstanceStatus,
	ecsVersion + "/CreateLaunchTemplate":           (*call).createLaunchTemplate,
	ecsVersion + "/DescribeLaunchTemplates":        (*call).describeLaunchTemplates,
	ecsVersion + "/DescribeLaunchTemplateVersions": (*call).describeLaunchTemplateVersions,
	vpcVersion + "/DescribeVpcs":                   (*call).describeVpcsVPC,
	vpcVersion + "/DescribeVSwitches":              (*call).describeVSwitchesVPC,
	// Creating what the account lacks, and reading what an instance has
	// (issue 14).
	vpcVersion + "/CreateVpc":                      (*call).createVpc,
	vpcVersion + "/CreateVSwitch":                  (*call).createVSwitch,
	ecsVersion + "/CreateSecurityGroup":            (*call).createSecurityGroup,
	ecsVersion + "/AuthorizeSecurityGroup":         (*call).authorizeSecurityGroup,
	ecsVersion + "/DescribeSecurityGroupAttribute": (*call).describeSecurityGroupAttribute,
	ecsVersion + "/ImportKeyPair":                  (*call).importKeyPair,
	ecsVersion + "/CreateKeyPair":                  (*call).createKeyPair,
	ecsVersion + "/CreateLaunchTemplateVersion":    (*call).createLaunchTemplateVersion,
	// Saving a version as the default (ecslaunch's `t`, terraform's
	// update_default_version).
	ecsVersion + "/ModifyLaunchTemplateDefaultVersion": (*call).modifyLaunchTemplateDefaultVersion,
	ecsVersion + "/DescribeDisks":                      (*call).describeDisks,
	ecsVersion + "/DescribeUserData":                   (*call).describeUserData,
}

// english reports whether AcceptLanguage asks for English names; the
// default is zh-CN as in the real API.
func (c *call) english() bool { return strings.HasPrefix(c.p.Get("AcceptLanguage"), "en") }

func (c *call) describeRegions() (any, error) {
	resp := &ecs.DescribeRegionsResponse{RequestId: c.requestID}
	for _, r := range c.s.world.Regions {
		name := r.NameZh
		if c.english() {
			name = r.NameEn
		}
		resp.Regions.Region = append(resp.Regions.Region, ecs.Region{
			RegionId: r.RegionId, LocalName: name, RegionEndpoint: r.Endpoint(), Status: "available"})
	}
	return resp, nil
}

// billing reads InstanceChargeType and SpotStrategy with their defaults.
func (c *call) billing() (charge, spot string, err error) {
	charge = c.p.Get("InstanceChargeType")
	if charge == "" {
		charge = "PostPaid"
	}
	if charge != "PostPaid" && charge != "PrePaid" {
		return "", "", errInvalid("InstanceChargeType", charge)
	}
	spot = c.p.Get("SpotStrategy")
	if spot == "" {
		spot = "NoSpot"
	}
	switch spot {
	case "NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo":
	default:
		return "", "", errInvalid("SpotStrategy", spot)
	}
	return charge, spot, nil
}

func (c *call) describeZones() (any, error) {
	charge, spot, err := c.billing()
	if err != nil {
		return nil, err
	}
	verbose, err := c.p.boolParam("Verbose", true)
	if err != nil {
		return nil, err
	}
	resp := &ecs.DescribeZonesResponse{RequestId: c.requestID}
	for _, z := range c.region.Zones {
		resp.Zones.Zone = append(resp.Zones.Zone, c.zone(z, charge, spot, verbose))
	}
	return resp, nil
}

func (c *call) zone(z world.Zone, charge, spot string, verbose bool) ecs.Zone {
	name := z.NameZh
	if c.english() {
		name = z.NameEn
	}
	out := ecs.Zone{ZoneId: z.ZoneId, LocalName: name, ZoneType: "AvailabilityZone"}
	if !verbose {
		return out
	}
	var types, fams, gens, sys, data []string
	seen := map[string]bool{}
	add := func(list *[]string, v string) {
		if !seen[v] {
			seen[v] = true
			*list = append(*list, v)
		}
	}
	for _, ts := range c.s.world.Offered(c.region, z, charge, spot) {
		if ts.Status != world.Available {
			continue
		}
		types = append(types, ts.Type.InstanceTypeId)
		add(&fams, ts.Type.Family)
		add(&gens, ts.Type.Generation)
		for _, d := range ts.Type.SystemDiskCategories {
			add(&sys, "sys:"+d)
		}
		for _, d := range ts.Type.DataDiskCategories {
			add(&data, "data:"+d)
		}
	}
	sys, data = trimPrefix(sys, "sys:"), trimPrefix(data, "data:")
	out.AvailableResourceCreation.ResourceTypes = []string{"VSwitch", "IoOptimized", "Instance", "Disk"}
	out.AvailableDiskCategories.DiskCategories = data
	out.AvailableVolumeCategories.VolumeCategories = []string{"cloud_essd"}
	out.AvailableInstanceTypes.InstanceTypes = types
	out.AvailableDedicatedHostTypes.DedicatedHostType = []string{}
	out.DedicatedHostGenerations.DedicatedHostGeneration = []string{}
	out.NetworkTypes.NetworkType = []string{"vpc"}
	out.AvailableResources.ResourcesInfo = []ecs.ResourcesInfo{{
		IoOptimized:          true,
		NetworkTypes:         ecs.NetworkTypesInDescribeZones{SupportedNetworkCategory: []string{"vpc"}},
		SystemDiskCategories: ecs.SystemDiskCategories{SupportedSystemDiskCategory: sys},
		DataDiskCategories:   ecs.DataDiskCategories{SupportedDataDiskCategory: data},
		InstanceGenerations:  ecs.InstanceGenerations{SupportedInstanceGeneration: gens},
		InstanceTypeFamilies: ecs.InstanceTypeFamiliesInDescribeZones{SupportedInstanceTypeFamily: fams},
		InstanceTypes:        ecs.InstanceTypesInDescribeZones{SupportedInstanceType: types},
	}}
	return out
}

func trimPrefix(list []string, p string) []string {
	out := make([]string, 0, len(list))
	for _, v := range list {
		out = append(out, strings.TrimPrefix(v, p))
	}
	return out
}

func (c *call) describeInstanceTypeFamilies() (any, error) {
	gen := c.p.Get("Generation")
	resp := &ecs.DescribeInstanceTypeFamiliesResponse{RequestId: c.requestID}
	resp.InstanceTypeFamilies.InstanceTypeFamily = []ecs.InstanceTypeFamily{}
	for _, f := range c.s.world.Families {
		if gen == "" || gen == f.Generation {
			resp.InstanceTypeFamilies.InstanceTypeFamily = append(resp.InstanceTypeFamilies.InstanceTypeFamily,
				ecs.InstanceTypeFamily{InstanceTypeFamilyId: f.InstanceTypeFamilyId, Generation: f.Generation})
		}
	}
	return resp, nil
}

// instanceTypesMax is MaxResults' maximum: 100 on the international site
// since 2023-11-15 (docs/sdk-notes.md §8; the China metadata still says 1600).
const instanceTypesMax = 100

func (c *call) describeInstanceTypes() (any, error) {
	pg, err := c.p.tokenParams(instanceTypesMax, instanceTypesMax)
	if err != nil {
		return nil, err
	}
	match, err := c.typeFilter()
	if err != nil {
		return nil, err
	}
	var all []world.InstanceType
	for _, t := range c.s.world.Types {
		if match(t) {
			all = append(all, t)
		}
	}
	from, to, next := pg.cut(len(all))
	resp := &ecs.DescribeInstanceTypesResponse{RequestId: c.requestID, NextToken: next}
	resp.InstanceTypes.InstanceType = make([]ecs.InstanceType, 0, to-from)
	for _, t := range all[from:to] {
		resp.InstanceTypes.InstanceType = append(resp.InstanceTypes.InstanceType, sdkInstanceType(t))
	}
	return resp, nil
}

// typeFilter builds the DescribeInstanceTypes filter from the request.
func (c *call) typeFilter() (func(world.InstanceType) bool, error) {
	ids := setOf(c.p.list("InstanceTypes"))
	fams := setOf(append(c.p.list("InstanceTypeFamilies"), c.p.Get("InstanceTypeFamily")))
	delete(fams, "")
	archs := setOf(append(c.p.list("CpuArchitectures"), c.p.Get("CpuArchitecture")))
	delete(archs, "")
	cats := setOf(append(c.p.list("InstanceCategories"), c.p.Get("InstanceCategory")))
	delete(cats, "")
	var bounds [6]int
	for i, name := range []string{"MinimumCpuCoreCount", "MaximumCpuCoreCount", "MinimumMemorySize", "MaximumMemorySize", "MinimumGPUAmount", "MaximumGPUAmount"} {
		v, err := c.p.intParam(name, -1)
		if err != nil {
			return nil, err
		}
		bounds[i] = v
	}
	gpuSpec := c.p.Get("GPUSpec")
	in := func(lo, hi int, v float64) bool {
		return (lo < 0 || v >= float64(lo)) && (hi < 0 || v <= float64(hi))
	}
	return func(t world.InstanceType) bool {
		return (len(ids) == 0 || ids[t.InstanceTypeId]) && (len(fams) == 0 || fams[t.Family]) &&
			(len(archs) == 0 || archs[t.Arch]) && (len(cats) == 0 || cats[t.Category]) &&
			(gpuSpec == "" || gpuSpec == t.GPUSpec) &&
			in(bounds[0], bounds[1], float64(t.Cpu)) && in(bounds[2], bounds[3], t.MemoryGiB) &&
			in(bounds[4], bounds[5], float64(t.GPUAmount))
	}, nil
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, v := range list {
		m[v] = true
	}
	return m
}

func sdkInstanceType(t world.InstanceType) ecs.InstanceType {
	boot := []string{"BIOS", "UEFI"}
	if t.Arch == "ARM" {
		boot = []string{"UEFI"}
	}
	nvme := "unsupported"
	if t.Generation == "ecs-7" {
		nvme = "required"
	}
	threads := 2
	if t.Arch == "ARM" {
		threads = 1
	}
	return ecs.InstanceType{
		InstanceTypeId: t.InstanceTypeId, InstanceTypeFamily: t.Family, InstanceCategory: t.Category,
		InstanceFamilyLevel: t.FamilyLevel, Generation: t.Generation, CpuCoreCount: t.Cpu, MemorySize: t.MemoryGiB,
		CpuArchitecture: t.Arch, PhysicalProcessorModel: t.Processor, CpuSpeedFrequency: t.BaseGHz, CpuTurboFrequency: t.TurboGHz,
		GPUAmount: t.GPUAmount, GPUSpec: t.GPUSpec, GPUMemorySize: t.GPUMemoryGiB,
		EniQuantity: t.EniQuantity, EniTotalQuantity: t.EniQuantity * 2, EniPrivateIpAddressQuantity: t.EniPrivateIPs,
		EniIpv6AddressQuantity: t.EniPrivateIPs, EniTrunkSupported: t.FamilyLevel == "EnterpriseLevel",
		InstanceBandwidthRx: t.BandwidthKbps, InstanceBandwidthTx: t.BandwidthKbps, InstancePpsRx: t.Pps, InstancePpsTx: t.Pps,
		MaximumQueueNumberPerEni: min(t.Cpu, 32), PrimaryEniQueueNumber: min(t.Cpu, 32), SecondaryEniQueueNumber: min(t.Cpu, 32),
		TotalEniQueueQuantity: min(t.Cpu, 32) * t.EniQuantity, QueuePairNumber: min(t.Cpu, 32), NetworkCardQuantity: 1,
		DiskQuantity: t.DiskQuantity, LocalStorageAmount: t.LocalStorageAmount, LocalStorageCapacity: t.LocalStorageCapacity,
		LocalStorageCategory: t.LocalStorageCategory, NvmeSupport: nvme, SupportIoOptimized: "optimized",
		BaselineCredit: t.BaselineCredit, InitialCredit: t.InitialCredit, JumboFrameSupport: t.Generation == "ecs-7",
		SupportedBootModes: ecs.SupportedBootModes{SupportedBootMode: boot},
		CpuOptions: ecs.CpuOptions{Core: t.Cpu / threads, CoreCount: t.Cpu / threads, ThreadsPerCore: threads,
			HyperThreadingAdjustable: threads == 2, SupportedTopologyTypes: ecs.SupportedTopologyTypes{SupportedTopologyType: []string{}}},
		EnhancedNetwork: ecs.EnhancedNetwork{RssSupport: true, SriovSupport: t.FamilyLevel == "EnterpriseLevel"},
		NetworkCards:    ecs.NetworkCards{NetworkCardInfo: []ecs.NetworkCardInfo{{NetworkCardIndex: 0}}},
	}
}

// imagesMax is DescribeImages' PageSize maximum (docs/api-shapes.md §7).
const imagesMax = 100

func (c *call) describeImages() (any, error) {
	pg, err := c.p.pageParams(10, imagesMax)
	if err != nil {
		return nil, err
	}
	match, err := c.imageFilter()
	if err != nil {
		return nil, err
	}
	var all []world.Image
	for _, img := range c.s.world.ImagesIn(c.region.RegionId) {
		if match(img) {
			all = append(all, img)
		}
	}
	from, to, _ := pg.cut(len(all))
	resp := &ecs.DescribeImagesResponse{RequestId: c.requestID, RegionId: c.region.RegionId, TotalCount: len(all),
		PageNumber: pg.Number, PageSize: pg.Size}
	resp.Images.Image = make([]ecs.Image, 0, to-from)
	for _, img := range all[from:to] {
		resp.Images.Image = append(resp.Images.Image, c.sdkImage(img))
	}
	return resp, nil
}

// imageFilter builds the DescribeImages filter. ImageOwnerAlias picks one
// source; without it the answer holds the public, custom and shared images
// but not the marketplace ones (docs/api-shapes.md §7; the API reference
// says so of an empty ImageOwnerAlias), unless ImageId names one: the
// sandbox finds an image asked for by ID whatever its source.
func (c *call) imageFilter() (func(world.Image) bool, error) {
	ids := setOf(strings.Split(c.p.Get("ImageId"), ","))
	delete(ids, "")
	statuses := setOf(strings.Split(c.p.Get("Status"), ","))
	delete(statuses, "")
	if len(statuses) == 0 {
		statuses["Available"] = true
	}
	owner, osType, arch := c.p.Get("ImageOwnerAlias"), strings.ToLower(c.p.Get("OSType")), c.p.Get("Architecture")
	name, family := c.p.Get("ImageName"), c.p.Get("ImageFamily")
	typeArch := ""
	if it := c.p.Get("InstanceType"); it != "" {
		t, ok := c.s.world.Type(it)
		if !ok {
			return nil, &apiError{http.StatusBadRequest, "InvalidInstanceType.ValueNotSupported", "The specified InstanceType does not exist."}
		}
		typeArch = t.Arch
	}
	ownerOK := func(img world.Image) bool {
		if owner == "" {
			return img.Alias() != "marketplace" || len(ids) > 0
		}
		return img.Alias() == owner
	}
	return func(img world.Image) bool {
		return (len(ids) == 0 || ids[img.ImageId]) && statuses[img.Status] &&
			ownerOK(img) && (osType == "" || osType == img.OSType) &&
			(arch == "" || arch == img.Architecture) && (typeArch == "" || typeArch == img.Arch()) &&
			(name == "" || wildcard(name, img.Name())) && (family == "" || family == img.ImageFamily)
	}, nil
}

// wildcard matches a name filter with a leading and/or trailing '*'.
func wildcard(pattern, s string) bool {
	switch {
	case strings.HasPrefix(pattern, "*") && strings.HasSuffix(pattern, "*") && len(pattern) > 1:
		return strings.Contains(s, pattern[1:len(pattern)-1])
	case strings.HasPrefix(pattern, "*"):
		return strings.HasSuffix(s, pattern[1:])
	case strings.HasSuffix(pattern, "*"):
		return strings.HasPrefix(s, pattern[:len(pattern)-1])
	}
	return s == pattern
}

func (c *call) sdkImage(img world.Image) ecs.Image {
	nvme := "supported"
	if img.OSType == "windows" || strings.HasPrefix(img.ImageId, "centos_7") {
		nvme = "unsupported"
	}
	return ecs.Image{
		ImageId: img.ImageId, ImageName: img.Name(), ImageFamily: img.ImageFamily, ImageOwnerAlias: img.Alias(), IsPublic: img.IsPublic(),
		ImageOwnerId: img.OwnerId, ProductCode: img.ProductCode, SupplierName: img.Supplier, IsSubscribed: img.ProductCode != "",
		OSName: img.OSName, OSNameEn: img.OSNameEn, OSType: img.OSType, Platform: img.Platform, Architecture: img.Architecture,
		BootMode: img.BootMode, Size: img.Size, Status: img.Status, Progress: "100%", Usage: "instance",
		IsSupportIoOptimized: true, IsSupportCloudinit: img.CloudInit, LoginAsNonRootSupported: img.OSType == "linux",
		CreationTime: img.CreationTime, Description: img.Description, ImageVersion: "",
		Features: ecs.Features{NvmeSupport: nvme, ImdsSupport: "v2"},
		DiskDeviceMappings: ecs.DiskDeviceMappingsInDescribeImageFromFamily{DiskDeviceMapping: []ecs.DiskDeviceMapping{{
			Device: "/dev/xvda", Size: itoa(img.Size), Type: "system", Progress: "100%",
			SnapshotId: world.ID("s", c.region.Code, img.ImageId),
		}}},
		Tags: ecs.TagsInDescribeImageFromFamily{Tag: []ecs.Tag{}},
	}
}
