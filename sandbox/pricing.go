package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// diskLimit is a disk category's size range in GiB (docs/rules.md T2-1 for system
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
// Every figure is rounded to 3 decimals part by part and the whole is the
// sum of its parts, so a client's line items add up to the total exactly.
type quote struct {
	Original, Discount, Trade float64
	Parts                     []ecs.DetailInfo
	Rules                     []ecs.Rule
}

// term is what a quote is for: the PriceUnit, the Period in it and Amount.
type term struct {
	unit           string
	period, amount int
}

// figure converts hourly prices to the term and rounds them one by one:
// the original price and the discount for all Amount instances.
func (t term) figure(hourly ...float64) (original, discount float64) {
	for _, h := range hourly {
		o, d := world.Period(h, t.unit, t.period)
		original += world.Round3(o * float64(t.amount))
		discount += world.Round3(d * float64(t.amount))
	}
	return world.Round3(original), world.Round3(discount)
}

// add appends one DetailInfo (the API's Resource name) priced from the
// hourly prices of its pieces (one per data disk for dataDisk).
func (q *quote) add(t term, resource string, hourly ...float64) {
	o, d := t.figure(hourly...)
	trade := world.Round3(o - d)
	q.Original, q.Discount, q.Trade = world.Round3(q.Original+o), world.Round3(q.Discount+d), world.Round3(q.Trade+trade)
	q.Parts = append(q.Parts, ecs.DetailInfo{Resource: resource, OriginalPrice: o, DiscountPrice: d, TradePrice: trade, StandardPrice: o})
}

// isSpot reports a SpotStrategy that makes a spot instance.
func isSpot(strategy string) bool {
	return strategy == "SpotAsPriceGo" || strategy == "SpotWithPriceLimit"
}

// priceOf prices one instance configuration given as flat parameters
// (DescribePrice and RunInstances share it) in zone z: per hour a spot
// instance costs the zone's current spot price (world.SpotHourly), other
// figures follow the world's price formula. Amount multiplies every part.
func (c *call) priceOf(p params, z world.Zone, t term) (quote, error) {
	it := p.Get("InstanceType")
	if it == "" {
		return quote{}, errMissing("InstanceType")
	}
	typ, ok := c.s.world.Type(it)
	if !ok {
		return quote{}, &apiError{http.StatusBadRequest, "InvalidInstanceType.ValueNotSupported", "The specified InstanceType does not exist or is not supported."}
	}
	hourly := world.TypeHourly(c.region, typ)
	if t.unit == "Hour" && isSpot(p.Get("SpotStrategy")) {
		hourly = world.SpotHourly(c.region, z, typ, c.s.now())
	}
	sysCat := orDefault(p.Get("SystemDisk.Category"), "cloud_efficiency")
	sysSize, err := c.systemDiskSize(p)
	if err != nil {
		return quote{}, err
	}
	bw, err := p.intParam("InternetMaxBandwidthOut", 0)
	if err != nil {
		return quote{}, err
	}
	var q quote
	q.add(t, "instanceType", hourly)
	q.add(t, "systemDisk", world.DiskHourly(c.region, sysCat, p.Get("SystemDisk.PerformanceLevel"), sysSize))
	var data []float64
	for _, d := range p.structList("DataDisk") {
		size, err := strconv.Atoi(d["Size"])
		if err != nil {
			continue // a disk from a snapshot with no Size: priced by the snapshot, which the sandbox has none of
		}
		data = append(data, world.DiskHourly(c.region, orDefault(d["Category"], "cloud_efficiency"), d["PerformanceLevel"], size))
	}
	if len(data) > 0 {
		q.add(t, "dataDisk", data...)
	}
	q.add(t, "bandwidth", world.BandwidthHourly(c.region, orDefault(p.Get("InternetChargeType"), "PayByTraffic"), bw))
	if q.Discount > 0 {
		q.Rules = []ecs.Rule{{RuleId: world.YearlyRuleId, Description: world.YearlyRuleText}}
	}
	return q, nil
}

// systemDiskSize is SystemDisk.Size, by default max(40, the image's size)
// (docs/rules.md's seed defaults).
func (c *call) systemDiskSize(p params) (int, error) {
	size, err := p.intParam("SystemDisk.Size", 40)
	if err != nil {
		return 0, err
	}
	if img, ok := c.s.world.Image(p.Get("ImageId")); ok && p.Get("SystemDisk.Size") == "" {
		size = max(40, img.Size)
	}
	return size, nil
}

// subscription is the DescribePrice term RunInstances' PeriodUnit and
// Period stand for: DescribePrice prices Month 1-9 only, so 12, 24, … months
// are priced as whole years (with the yearly discount).
func subscription(periodUnit string, period int) (unit string, n int) {
	if periodUnit == "" {
		periodUnit = "Month"
	}
	if periodUnit == "Month" && period >= 12 && period%12 == 0 {
		return "Year", period / 12
	}
	return periodUnit, period
}

// maxPricedDataDisks: DescribePrice prices at most four data disks with an
// instance (docs/api-shapes.md §12; the SDK has DataDisk.1..4 fields).
const maxPricedDataDisks = 4

// periodRange is the Period DescribePrice accepts per PriceUnit
// (docs/api-shapes.md §12).
var periodRange = map[string][2]int{"Hour": {1, 1}, "Week": {1, 4}, "Month": {1, 9}, "Year": {1, 5}}

func (c *call) describePrice() (any, error) {
	switch rt := orDefault(c.p.Get("ResourceType"), "instance"); rt {
	case "instance":
	case "bandwidth":
		return c.trafficPrice(), nil
	default:
		return nil, &apiError{http.StatusBadRequest, "InvalidResourceType.ValueNotSupported",
			fmt.Sprintf("The specified parameter ResourceType is not valid: %q (the sandbox prices instance and bandwidth).", rt)}
	}
	t, err := c.priceTerm()
	if err != nil {
		return nil, err
	}
	if err := c.checkPriceConfig(); err != nil {
		return nil, err
	}
	z, err := c.priceZone()
	if err != nil {
		return nil, err
	}
	q, err := c.priceOf(c.p, z, t)
	if err != nil {
		return nil, err
	}
	resp := &ecs.DescribePriceResponse{RequestId: c.requestID}
	pr := &resp.PriceInfo.Price
	pr.Currency, pr.OriginalPrice, pr.DiscountPrice, pr.TradePrice, pr.StandardPrice = world.Currency, q.Original, q.Discount, q.Trade, q.Original
	pr.DetailInfos.DetailInfo = q.Parts
	resp.PriceInfo.Rules.Rule = append([]ecs.Rule{}, q.Rules...)
	return resp, nil
}

// priceTerm reads PriceUnit, Period and Amount with their documented
// ranges (docs/api-shapes.md §12 and its error table).
func (c *call) priceTerm() (term, error) {
	unit := orDefault(c.p.Get("PriceUnit"), "Hour")
	r, ok := periodRange[unit]
	if !ok {
		return term{}, &apiError{http.StatusBadRequest, "InvalidPriceUnit.ValueNotSupported", "The specified parameter PriceUnit is not valid."}
	}
	period, err := c.p.intParam("Period", 1)
	if err != nil {
		return term{}, err
	}
	if period < r[0] || period > r[1] {
		return term{}, &apiError{http.StatusBadRequest, "InvalidPeriod",
			fmt.Sprintf("The specified period is not valid: Period %d with PriceUnit %s (allowed %d-%d).", period, unit, r[0], r[1])}
	}
	amount, err := c.p.intParam("Amount", 1)
	if err != nil {
		return term{}, err
	}
	if amount < 1 || amount > 1000 {
		return term{}, &apiError{http.StatusForbidden, "InvalidAmount.Malformed", "The specified parameter Amount is not valid."}
	}
	return term{unit: unit, period: period, amount: amount}, nil
}

// checkPriceConfig refuses what the real DescribePrice refuses about the
// configuration: bandwidth, disk categories, sizes and levels, and more than
// four data disks (docs/api-shapes.md §12's error table).
func (c *call) checkPriceConfig() error {
	switch ct := orDefault(c.p.Get("InternetChargeType"), "PayByTraffic"); ct {
	case "PayByTraffic", "PayByBandwidth":
	default:
		return &apiError{http.StatusBadRequest, "InvalidInternetChargeType.ValueNotSupported", "The specified InternetChargeType is not valid."}
	}
	if bw, err := c.p.intParam("InternetMaxBandwidthOut", 0); err != nil || bw < 0 || bw > 100 {
		return &apiError{http.StatusBadRequest, "InvalidInternetMaxBandwidthOut.ValueNotSupported",
			"The specified parameter InternetMaxBandwidthOut is not valid: 0-100 Mbit/s."}
	}
	size, err := c.systemDiskSize(c.p)
	if err != nil {
		return err
	}
	if err := checkPricedDisk("SystemDisk", systemDiskLimits, orDefault(c.p.Get("SystemDisk.Category"), "cloud_efficiency"),
		c.p.Get("SystemDisk.PerformanceLevel"), size); err != nil {
		return err
	}
	disks := c.p.structList("DataDisk")
	if len(disks) > maxPricedDataDisks {
		return &apiError{http.StatusBadRequest, "InstanceDiskNumber.LimitExceed",
			fmt.Sprintf("The total number of specified disk in an instance exceeds: DescribePrice prices at most %d data disks, got %d.", maxPricedDataDisks, len(disks))}
	}
	for i, d := range disks {
		size, err := strconv.Atoi(d["Size"])
		if err != nil {
			continue
		}
		if err := checkPricedDisk(fmt.Sprintf("DataDisk.%d", i+1), dataDiskLimits, orDefault(d["Category"], "cloud_efficiency"), d["PerformanceLevel"], size); err != nil {
			return err
		}
	}
	return nil
}

// checkPricedDisk checks one disk's category, size and ESSD level.
func checkPricedDisk(name string, limits map[string]diskLimit, category, level string, size int) error {
	kind := "Data"
	if name == "SystemDisk" {
		kind = "System"
	}
	lim, ok := limits[category]
	if !ok {
		return &apiError{http.StatusBadRequest, "Invalid" + kind + "DiskCategory.ValueNotSupported",
			fmt.Sprintf("The specified parameter %q is not valid: %q.", name+".Category", category)}
	}
	if size < lim.min || size > lim.max {
		return &apiError{http.StatusBadRequest, "Invalid" + kind + "DiskSize.ValueNotSupported",
			fmt.Sprintf("The specified parameter %q is not valid: %d GiB is outside %d-%d for %s.", name+".Size", size, lim.min, lim.max, category)}
	}
	if level != "" && category == "cloud_essd" && !essdLevels[level] {
		return errInvalid(name+".PerformanceLevel", level)
	}
	return nil
}

// essdLevels are the ESSD performance levels (docs/rules.md T2-3).
var essdLevels = map[string]bool{"PL0": true, "PL1": true, "PL2": true, "PL3": true}

// priceZone is the zone a price is for: ZoneId, or the region's first
// zone (it matters for spot prices only).
func (c *call) priceZone() (world.Zone, error) {
	id := c.p.Get("ZoneId")
	if id == "" {
		return c.region.Zones[0], nil
	}
	z, ok := c.s.world.Zone(c.region.RegionId, id)
	if !ok {
		return world.Zone{}, errInvalid("ZoneId", id)
	}
	return z, nil
}

// trafficPrice answers DescribePrice ResourceType=bandwidth: the price of
// one GB of outbound traffic (PayByTraffic), the only bandwidth price the
// API returns (docs/api-shapes.md §12).
func (c *call) trafficPrice() *ecs.DescribePriceResponse {
	resp := &ecs.DescribePriceResponse{RequestId: c.requestID}
	per := world.TrafficPerGB(c.region)
	pr := &resp.PriceInfo.Price
	pr.Currency, pr.OriginalPrice, pr.TradePrice, pr.StandardPrice = world.Currency, per, per, per
	pr.DetailInfos.DetailInfo = []ecs.DetailInfo{{Resource: "bandwidth", OriginalPrice: per, TradePrice: per, StandardPrice: per}}
	resp.PriceInfo.Rules.Rule = []ecs.Rule{}
	return resp
}

// valuesOf turns a flat map into url.Values.
func valuesOf(m map[string]string) url.Values {
	v := make(url.Values, len(m))
	for k, s := range m {
		v.Set(k, s)
	}
	return v
}
