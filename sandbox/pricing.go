package sandbox

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// diskLimit is a disk category's size range in GiB (rules.md T2-1 for system
// disks, T2-4 for data disks; ESSD at PL1).
type diskLimit struct{ min, max int }

var systemDiskLimits = map[string]diskLimit{
	"cloud": {20, 500}, "cloud_efficiency": {20, 2048}, "cloud_ssd": {20, 2048}, "cloud_essd": {20, 2048},
	"cloud_auto": {1, 2048}, "cloud_essd_entry": {10, 2048},
}

var dataDiskLimits = map[string]diskLimit{
	"cloud": {5, 2000}, "cloud_efficiency": {20, 32768}, "cloud_ssd": {20, 32768}, "cloud_essd": {20, 32768},
	"cloud_auto": {1, 32768}, "cloud_essd_entry": {10, 32768},
}

func (c *call) describeAvailableResource() (any, error) {
	dest := c.p.Get("DestinationResource")
	if dest == "" {
		return nil, &apiError{http.StatusBadRequest, "Invalid.Param", "The input parameter DestinationResource that is mandatory for processing this request is not supplied."}
	}
	charge, spot, err := c.billing()
	if err != nil {
		return nil, err
	}
	it := c.p.Get("InstanceType")
	if (dest == "SystemDisk" || dest == "DataDisk") && it == "" {
		return nil, errMissing("InstanceType")
	}
	if it != "" && (c.p.Get("Cores") != "" || c.p.Get("Memory") != "") {
		return nil, &apiError{http.StatusForbidden, "InvalidParam.TypeAndCpuMem.Conflict", "InstanceType cannot be specified with Cores or Memory."}
	}
	cores, err := c.p.intParam("Cores", 0)
	if err != nil {
		return nil, err
	}
	mem, err := strconv.ParseFloat(orDefault(c.p.Get("Memory"), "0"), 64)
	if err != nil {
		return nil, errInvalid("Memory", c.p.Get("Memory"))
	}
	zoneID := c.p.Get("ZoneId")
	resp := &ecs.DescribeAvailableResourceResponse{RequestId: c.requestID}
	resp.AvailableZones.AvailableZone = []ecs.AvailableZone{}
	for _, z := range c.region.Zones {
		if zoneID != "" && zoneID != z.ZoneId {
			continue
		}
		res := c.zoneResources(z, dest, it, charge, spot, cores, mem)
		if len(res) == 0 {
			continue
		}
		status, cat := "Available", "WithStock"
		if !anyAvailable(res) {
			status, cat = "SoldOut", "WithoutStock"
		}
		resp.AvailableZones.AvailableZone = append(resp.AvailableZones.AvailableZone, ecs.AvailableZone{
			RegionId: c.region.RegionId, ZoneId: z.ZoneId, Status: status, StatusCategory: cat,
			AvailableResources: ecs.AvailableResourcesInDescribeResourcesModification{AvailableResource: []ecs.AvailableResource{{
				Type: dest, SupportedResources: ecs.SupportedResourcesInDescribeAvailableResource{SupportedResource: res},
			}}},
		})
	}
	return resp, nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func anyAvailable(res []ecs.SupportedResource) bool {
	for _, r := range res {
		if r.Status == "Available" {
			return true
		}
	}
	return false
}

func supported(value string, s world.Status) ecs.SupportedResource {
	if s == world.Available {
		return ecs.SupportedResource{Value: value, Status: "Available", StatusCategory: "WithStock"}
	}
	return ecs.SupportedResource{Value: value, Status: "SoldOut", StatusCategory: "WithoutStock"}
}

// zoneResources lists what zone z offers of the destination resource.
func (c *call) zoneResources(z world.Zone, dest, it, charge, spot string, cores int, mem float64) []ecs.SupportedResource {
	var types []world.TypeStatus
	for _, ts := range c.s.world.Offered(c.region, z, charge, spot) {
		if (it == "" || it == ts.Type.InstanceTypeId) && (cores == 0 || cores == ts.Type.Cpu) && (mem == 0 || mem == ts.Type.MemoryGiB) {
			types = append(types, ts)
		}
	}
	if len(types) == 0 {
		return nil
	}
	best := world.SoldOut
	for _, ts := range types {
		if ts.Status == world.Available {
			best = world.Available
		}
	}
	switch dest {
	case "Zone":
		return []ecs.SupportedResource{supported(z.ZoneId, best)}
	case "IoOptimized":
		return []ecs.SupportedResource{supported("optimized", best)}
	case "Network":
		return []ecs.SupportedResource{supported("vpc", best)}
	case "InstanceType":
		out := make([]ecs.SupportedResource, 0, len(types))
		for _, ts := range types {
			out = append(out, supported(ts.Type.InstanceTypeId, ts.Status))
		}
		return out
	case "SystemDisk", "DataDisk":
		return c.diskResources(types[0], dest)
	}
	return nil
}

func (c *call) diskResources(ts world.TypeStatus, dest string) []ecs.SupportedResource {
	cats, limits, want := ts.Type.SystemDiskCategories, systemDiskLimits, c.p.Get("SystemDiskCategory")
	if dest == "DataDisk" {
		cats, limits, want = ts.Type.DataDiskCategories, dataDiskLimits, c.p.Get("DataDiskCategory")
	}
	var out []ecs.SupportedResource
	for _, cat := range cats {
		if want != "" && want != cat {
			continue
		}
		r := supported(cat, ts.Status)
		r.Min, r.Max, r.Unit = limits[cat].min, limits[cat].max, "GiB"
		out = append(out, r)
	}
	return out
}

// quote is a priced request: the parts and the whole, per the unit asked.
type quote struct {
	Original, Discount float64
	Parts              []ecs.DetailInfo
	Rules              []ecs.Rule
}

// priceOf prices one instance configuration given as flat parameters
// (DescribePrice and RunInstances share it). Amount multiplies the total.
func (c *call) priceOf(p params, unit string, period, amount int) (quote, error) {
	it := p.Get("InstanceType")
	if it == "" {
		return quote{}, errMissing("InstanceType")
	}
	t, ok := c.s.world.Type(it)
	if !ok {
		return quote{}, &apiError{http.StatusBadRequest, "InvalidInstanceType.ValueNotSupported", "The specified InstanceType does not exist or is not supported."}
	}
	spot := p.Get("SpotStrategy") != "" && p.Get("SpotStrategy") != "NoSpot"
	sysCat := orDefault(p.Get("SystemDisk.Category"), "cloud_efficiency")
	sysSize, err := p.intParam("SystemDisk.Size", 40)
	if err != nil {
		return quote{}, err
	}
	if img, ok := c.s.world.Image(p.Get("ImageId")); ok && p.Get("SystemDisk.Size") == "" {
		sysSize = max(40, img.Size)
	}
	bw, err := p.intParam("InternetMaxBandwidthOut", 0)
	if err != nil {
		return quote{}, err
	}
	var q quote
	add := func(resource string, hourly float64, spotable bool) {
		o, d := world.Period(hourly, unit, period, spot && spotable)
		o, d = world.Round3(o*float64(amount)), world.Round3(d*float64(amount))
		q.Original += o
		q.Discount += d
		q.Parts = append(q.Parts, ecs.DetailInfo{Resource: resource, OriginalPrice: o, DiscountPrice: d, TradePrice: world.Round3(o - d),
			StandardPrice: o})
	}
	add("instanceType", world.TypeHourly(c.region, t), true)
	add("systemDisk", world.DiskHourly(c.region, sysCat, p.Get("SystemDisk.PerformanceLevel"), sysSize), false)
	var data float64
	for _, d := range p.structList("DataDisk") {
		size, err := strconv.Atoi(d["Size"])
		if err != nil {
			continue
		}
		data += world.DiskHourly(c.region, orDefault(d["Category"], "cloud_efficiency"), d["PerformanceLevel"], size)
	}
	if data > 0 {
		add("dataDisk", data, false)
	}
	add("bandwidth", world.BandwidthHourly(c.region, orDefault(p.Get("InternetChargeType"), "PayByTraffic"), bw), false)
	q.Original, q.Discount = world.Round3(q.Original), world.Round3(q.Discount)
	if q.Discount > 0 {
		q.Rules = []ecs.Rule{{RuleId: world.YearlyRuleId, Description: world.YearlyRuleText}}
	}
	return q, nil
}

func (c *call) describePrice() (any, error) {
	if rt := orDefault(c.p.Get("ResourceType"), "instance"); rt != "instance" {
		return nil, &apiError{http.StatusBadRequest, "InvalidResourceType.NotSupported", "The sandbox prices ResourceType instance only."}
	}
	unit := orDefault(c.p.Get("PriceUnit"), "Hour")
	switch unit {
	case "Hour", "Week", "Month", "Year":
	default:
		return nil, &apiError{http.StatusBadRequest, "InvalidPriceUnit.ValueNotSupported", "The specified PriceUnit is not supported."}
	}
	period, err := c.p.intParam("Period", 1)
	if err != nil {
		return nil, err
	}
	amount, err := c.p.intParam("Amount", 1)
	if err != nil {
		return nil, err
	}
	if amount < 1 || amount > 1000 {
		return nil, errInvalid("Amount", c.p.Get("Amount"))
	}
	q, err := c.priceOf(c.p, unit, period, amount)
	if err != nil {
		return nil, err
	}
	resp := &ecs.DescribePriceResponse{RequestId: c.requestID}
	pr := &resp.PriceInfo.Price
	pr.Currency, pr.OriginalPrice, pr.DiscountPrice = "CNY", q.Original, q.Discount
	pr.TradePrice, pr.StandardPrice = world.Round3(q.Original-q.Discount), q.Original
	pr.DetailInfos.DetailInfo = q.Parts
	resp.PriceInfo.Rules.Rule = append([]ecs.Rule{}, q.Rules...)
	return resp, nil
}

// valuesOf turns a flat map into url.Values.
func valuesOf(m map[string]string) url.Values {
	v := make(url.Values, len(m))
	for k, s := range m {
		v.Set(k, s)
	}
	return v
}
