package sandbox_test

import (
	"math"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// priceClock is a fixed hour, so spot prices cannot move during a test.
var priceClock = func() time.Time { return time.Date(2026, 11, 3, 10, 30, 0, 0, time.UTC) }

// quote asks DescribePrice with the parameters set by edit.
func quote(t *testing.T, c *ecs.Client, edit func(*ecs.DescribePriceRequest)) ecs.Price {
	t.Helper()
	req := ecs.CreateDescribePriceRequest()
	req.RegionId, req.InstanceType, req.ZoneId = "cn-hangzhou", "ecs.g7.large", "cn-hangzhou-i"
	edit(req)
	resp, err := c.DescribePrice(req)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, resp)
	return resp.PriceInfo.Price
}

// sums checks that the DetailInfos add up to the Price, figure by figure,
// and that TradePrice = OriginalPrice - DiscountPrice.
func sums(t *testing.T, p ecs.Price) map[string]ecs.DetailInfo {
	t.Helper()
	var o, d, tr float64
	parts := map[string]ecs.DetailInfo{}
	for _, di := range p.DetailInfos.DetailInfo {
		o, d, tr = o+di.OriginalPrice, d+di.DiscountPrice, tr+di.TradePrice
		if _, dup := parts[di.Resource]; dup {
			t.Errorf("Resource %s twice", di.Resource)
		}
		parts[di.Resource] = di
		if !same(di.TradePrice, di.OriginalPrice-di.DiscountPrice) {
			t.Errorf("%s: trade %v != %v - %v", di.Resource, di.TradePrice, di.OriginalPrice, di.DiscountPrice)
		}
	}
	if !same(o, p.OriginalPrice) || !same(d, p.DiscountPrice) || !same(tr, p.TradePrice) || !same(p.TradePrice, p.OriginalPrice-p.DiscountPrice) {
		t.Errorf("parts %v/%v/%v, whole %v/%v/%v", o, d, tr, p.OriginalPrice, p.DiscountPrice, p.TradePrice)
	}
	return parts
}

func same(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestDescribePriceBillingMethods(t *testing.T) {
	c := client(t, start(t, sandbox.Options{Clock: priceClock}), sandbox.DefaultAccessKeySecret)
	w := world.New()
	hz, _ := w.Region("cn-hangzhou")
	g7, _ := w.Type("ecs.g7.large")
	zi, _ := w.Zone("cn-hangzhou", "cn-hangzhou-i")
	full := func(req *ecs.DescribePriceRequest) {
		req.SystemDiskCategory, req.SystemDiskSize = "cloud_essd", requests.NewInteger(40)
		req.InternetChargeType, req.InternetMaxBandwidthOut = "PayByBandwidth", requests.NewInteger(5)
		req.DataDisk = &[]ecs.DescribePriceDataDisk{{Category: "cloud_essd", Size: "100"}, {Category: "cloud_efficiency", Size: "200"}}
		req.Amount = requests.NewInteger(3)
	}
	hour := quote(t, c, full)
	parts := sums(t, hour)
	// 3 × (0.64 type + 0.06 system disk + (0.15 + 0.1) data disks + 0.315 bandwidth)
	if hour.Currency != "CNY" || !same(hour.TradePrice, 3.795) || len(parts) != 4 || !same(parts["dataDisk"].TradePrice, 0.75) {
		t.Errorf("hourly %+v", hour)
	}
	month := quote(t, c, func(r *ecs.DescribePriceRequest) { full(r); r.PriceUnit, r.Period = "Month", requests.NewInteger(3) })
	week := quote(t, c, func(r *ecs.DescribePriceRequest) { full(r); r.PriceUnit, r.Period = "Week", requests.NewInteger(2) })
	year := quote(t, c, func(r *ecs.DescribePriceRequest) { full(r); r.PriceUnit = "Year" })
	sums(t, month)
	sums(t, week)
	yparts := sums(t, year)
	if !same(month.TradePrice, world.Round3(3.795*720*0.6*3)) || !same(week.TradePrice, world.Round3(3.795*168*0.6*2)) {
		t.Errorf("3 months %v, 2 weeks %v from an hourly %v", month.TradePrice, week.TradePrice, hour.TradePrice)
	}
	if year.DiscountPrice == 0 || yparts["instanceType"].DiscountPrice == 0 || !same(year.TradePrice, world.Round3(year.OriginalPrice*0.85)) {
		t.Errorf("yearly %+v", year)
	}
	spot := quote(t, c, func(r *ecs.DescribePriceRequest) { r.SpotStrategy = "SpotAsPriceGo" })
	want := world.SpotHourly(hz, zi, g7, priceClock())
	if got := sums(t, spot)["instanceType"].TradePrice; !same(got, want) || got >= world.TypeHourly(hz, g7) {
		t.Errorf("spot instance %v, want the spot price %v (pay-as-you-go %v)", got, want, world.TypeHourly(hz, g7))
	}
	other := quote(t, c, func(r *ecs.DescribePriceRequest) { r.SpotStrategy, r.ZoneId = "SpotWithPriceLimit", "cn-hangzhou-k" })
	zk, _ := w.Zone("cn-hangzhou", "cn-hangzhou-k")
	if got := sums(t, other)["instanceType"].TradePrice; !same(got, world.SpotHourly(hz, zk, g7, priceClock())) {
		t.Errorf("spot in zone k %v", got)
	}
}

func TestDescribePriceDisksAndBandwidth(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	part := func(resource string, edit func(*ecs.DescribePriceRequest)) float64 {
		return sums(t, quote(t, c, edit))[resource].TradePrice
	}
	pl := func(level string) float64 {
		return part("systemDisk", func(r *ecs.DescribePriceRequest) {
			r.SystemDiskCategory, r.SystemDiskSize, r.SystemDiskPerformanceLevel = "cloud_essd", requests.NewInteger(500), level
		})
	}
	if !(pl("PL0") < pl("PL1") && pl("PL1") < pl("PL2") && pl("PL2") < pl("PL3")) || pl("") != pl("PL1") {
		t.Errorf("ESSD levels PL0 %v PL1 %v PL2 %v PL3 %v default %v", pl("PL0"), pl("PL1"), pl("PL2"), pl("PL3"), pl(""))
	}
	size := func(gib int) float64 {
		return part("systemDisk", func(r *ecs.DescribePriceRequest) { r.SystemDiskSize = requests.NewInteger(gib) })
	}
	if !same(size(80), 2*size(40)) {
		t.Errorf("80 GiB %v, 40 GiB %v", size(80), size(40))
	}
	bw := func(ct string, mbps int) float64 {
		return part("bandwidth", func(r *ecs.DescribePriceRequest) {
			r.InternetChargeType, r.InternetMaxBandwidthOut = ct, requests.NewInteger(mbps)
		})
	}
	if bw("PayByBandwidth", 10) <= bw("PayByBandwidth", 5) || bw("PayByTraffic", 10) != 0 {
		t.Errorf("fixed 5 %v, fixed 10 %v, traffic 10 %v (traffic is billed per GB, not in the instance price)",
			bw("PayByBandwidth", 5), bw("PayByBandwidth", 10), bw("PayByTraffic", 10))
	}
	traffic := quote(t, c, func(r *ecs.DescribePriceRequest) { r.ResourceType, r.InstanceType = "bandwidth", "" })
	if traffic.TradePrice != 0.8 || traffic.Currency != "CNY" {
		t.Errorf("traffic per GB %+v", traffic)
	}
	// The SDK's DataDisk.N fields and its repeat list are the same parameters.
	fields := quote(t, c, func(r *ecs.DescribePriceRequest) {
		r.DataDisk1Category, r.DataDisk1Size, r.DataDisk2Category, r.DataDisk2Size = "cloud_essd", requests.NewInteger(100), "cloud_ssd", requests.NewInteger(50)
	})
	list := quote(t, c, func(r *ecs.DescribePriceRequest) {
		r.DataDisk = &[]ecs.DescribePriceDataDisk{{Category: "cloud_essd", Size: "100"}, {Category: "cloud_ssd", Size: "50"}}
	})
	if fields.TradePrice != list.TradePrice || fields.TradePrice == 0 {
		t.Errorf("DataDisk.N fields %v, repeat list %v", fields.TradePrice, list.TradePrice)
	}
}

// TestDescribePriceIsTheSameEverywhere: two sandboxes with different seeds
// and clocks in the same hour answer the same figures.
func TestDescribePriceIsTheSameEverywhere(t *testing.T) {
	later := func() time.Time { return priceClock().Add(20 * time.Minute) }
	a := client(t, start(t, sandbox.Options{Seed: 1, Clock: priceClock}), sandbox.DefaultAccessKeySecret)
	b := client(t, start(t, sandbox.Options{Seed: 2, Clock: later}), sandbox.DefaultAccessKeySecret)
	for _, edit := range []func(*ecs.DescribePriceRequest){
		func(r *ecs.DescribePriceRequest) {},
		func(r *ecs.DescribePriceRequest) { r.SpotStrategy = "SpotAsPriceGo" },
		func(r *ecs.DescribePriceRequest) { r.PriceUnit, r.Period = "Month", requests.NewInteger(2) },
	} {
		if pa, pb := quote(t, a, edit), quote(t, b, edit); pa.TradePrice != pb.TradePrice || pa.OriginalPrice != pb.OriginalPrice {
			t.Errorf("%+v vs %+v", pa, pb)
		}
	}
}

func TestDescribePriceRefusesWhatTheAPIRefuses(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	cases := []struct {
		code   string
		status int
		edit   func(*ecs.DescribePriceRequest)
	}{
		{"InvalidPriceUnit.ValueNotSupported", 400, func(r *ecs.DescribePriceRequest) { r.PriceUnit = "Day" }},
		{"InvalidPeriod", 400, func(r *ecs.DescribePriceRequest) { r.PriceUnit, r.Period = "Month", requests.NewInteger(12) }},
		{"InvalidPeriod", 400, func(r *ecs.DescribePriceRequest) { r.PriceUnit, r.Period = "Week", requests.NewInteger(5) }},
		{"InvalidAmount.Malformed", 403, func(r *ecs.DescribePriceRequest) { r.Amount = requests.NewInteger(1001) }},
		{"InvalidResourceType.ValueNotSupported", 400, func(r *ecs.DescribePriceRequest) { r.ResourceType = "ddh" }},
		{"InvalidInternetChargeType.ValueNotSupported", 400, func(r *ecs.DescribePriceRequest) { r.InternetChargeType = "PayByGB" }},
		{"InvalidInternetMaxBandwidthOut.ValueNotSupported", 400, func(r *ecs.DescribePriceRequest) { r.InternetMaxBandwidthOut = requests.NewInteger(101) }},
		{"InvalidSystemDiskCategory.ValueNotSupported", 400, func(r *ecs.DescribePriceRequest) { r.SystemDiskCategory = "floppy" }},
		{"InvalidSystemDiskSize.ValueNotSupported", 400, func(r *ecs.DescribePriceRequest) { r.SystemDiskSize = requests.NewInteger(4000) }},
		{"InvalidDataDiskSize.ValueNotSupported", 400, func(r *ecs.DescribePriceRequest) {
			r.DataDisk = &[]ecs.DescribePriceDataDisk{{Category: "cloud", Size: "3000"}}
		}},
		{"InvalidDataDiskCategory.ValueNotSupported", 400, func(r *ecs.DescribePriceRequest) {
			r.DataDisk = &[]ecs.DescribePriceDataDisk{{Category: "tape", Size: "100"}}
		}},
		{"InstanceDiskNumber.LimitExceed", 400, func(r *ecs.DescribePriceRequest) {
			r.DataDisk = &[]ecs.DescribePriceDataDisk{{Size: "20"}, {Size: "20"}, {Size: "20"}, {Size: "20"}, {Size: "20"}}
		}},
		{"InvalidParameter", 400, func(r *ecs.DescribePriceRequest) { r.ZoneId = "cn-hangzhou-z" }},
		{"InvalidInstanceType.ValueNotSupported", 400, func(r *ecs.DescribePriceRequest) { r.InstanceType = "ecs.nope" }},
	}
	for _, tc := range cases {
		req := ecs.CreateDescribePriceRequest()
		req.RegionId, req.InstanceType = "cn-hangzhou", "ecs.g7.large"
		tc.edit(req)
		_, err := c.DescribePrice(req)
		apiError(t, err, tc.code, tc.status)
	}
}

// spotHistory asks DescribeSpotPriceHistory.
func spotHistory(t *testing.T, c *ecs.Client, zone, typ string, edit func(*ecs.DescribeSpotPriceHistoryRequest)) *ecs.DescribeSpotPriceHistoryResponse {
	t.Helper()
	req := ecs.CreateDescribeSpotPriceHistoryRequest()
	req.RegionId, req.ZoneId, req.InstanceType, req.NetworkType = "cn-hangzhou", zone, typ, "vpc"
	if edit != nil {
		edit(req)
	}
	resp, err := c.DescribeSpotPriceHistory(req)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, resp)
	return resp
}

func TestDescribeSpotPriceHistory(t *testing.T) {
	c := client(t, start(t, sandbox.Options{Clock: priceClock}), sandbox.DefaultAccessKeySecret)
	week := func(r *ecs.DescribeSpotPriceHistoryRequest) {
		r.StartTime = priceClock().Add(-7 * 24 * time.Hour).Format("2006-01-02T15:04:05Z")
	}
	h := spotHistory(t, c, "cn-hangzhou-i", "ecs.g7.large", week).SpotPrices.SpotPriceType
	if len(h) != 7*24+1 || h[0].Timestamp != "2026-10-27T10:00:00Z" || h[len(h)-1].Timestamp != "2026-11-03T10:00:00Z" {
		t.Fatalf("%d rows from %s to %s", len(h), h[0].Timestamp, h[len(h)-1].Timestamp)
	}
	distinct := map[float64]bool{}
	for _, p := range h {
		distinct[p.SpotPrice] = true
		if p.SpotPrice <= 0 || p.SpotPrice > p.OriginPrice || p.OriginPrice != 0.64 || p.ZoneId != "cn-hangzhou-i" || p.NetworkType != "vpc" {
			t.Fatalf("row %+v", p)
		}
	}
	if len(distinct) < 10 {
		t.Errorf("the price took %d values in a week", len(distinct))
	}
	// The last row is the price DescribePrice quotes now.
	now := quote(t, c, func(r *ecs.DescribePriceRequest) { r.SpotStrategy = "SpotAsPriceGo" })
	if got := sums(t, now)["instanceType"].TradePrice; got != h[len(h)-1].SpotPrice {
		t.Errorf("DescribePrice spot %v, history ends at %v", got, h[len(h)-1].SpotPrice)
	}
	// Another zone, another type: another history.
	k := spotHistory(t, c, "cn-hangzhou-k", "ecs.g7.large", week).SpotPrices.SpotPriceType
	c7 := spotHistory(t, c, "cn-hangzhou-i", "ecs.c7.large", week).SpotPrices.SpotPriceType
	if equalRows(h, k) || equalRows(h, c7) {
		t.Error("zones or types share a history")
	}
	// Defaults: the last 3 days; Offset pages.
	def := spotHistory(t, c, "cn-hangzhou-i", "ecs.g7.large", nil)
	if n := len(def.SpotPrices.SpotPriceType); n != 3*24+1 || def.Currency != "CNY" || def.NextOffset != 0 {
		t.Errorf("default window: %d rows, %s, next %d", n, def.Currency, def.NextOffset)
	}
	tail := spotHistory(t, c, "cn-hangzhou-i", "ecs.g7.large", func(r *ecs.DescribeSpotPriceHistoryRequest) { r.Offset = requests.NewInteger(70) })
	if n := len(tail.SpotPrices.SpotPriceType); n != 3 {
		t.Errorf("Offset 70 of 73: %d rows", n)
	}
	// A type the zone does not sell as spot (burstable) has no history.
	if n := len(spotHistory(t, c, "cn-hangzhou-i", "ecs.t6-c1m1.large", nil).SpotPrices.SpotPriceType); n != 0 {
		t.Errorf("burstable type: %d rows", n)
	}
	for _, tc := range []struct {
		code   string
		status int
		edit   func(*ecs.DescribeSpotPriceHistoryRequest)
	}{
		{"MissingParameter", 400, func(r *ecs.DescribeSpotPriceHistoryRequest) { r.NetworkType = "" }},
		{"InvalidParameter", 400, func(r *ecs.DescribeSpotPriceHistoryRequest) { r.StartTime = "2026-09-01T00:00:00Z" }},
		{"InvalidParameter", 400, func(r *ecs.DescribeSpotPriceHistoryRequest) { r.EndTime = "yesterday" }},
		{"InvalidZoneId.NotFound", 404, func(r *ecs.DescribeSpotPriceHistoryRequest) { r.ZoneId = "cn-hangzhou-z" }},
	} {
		req := ecs.CreateDescribeSpotPriceHistoryRequest()
		req.RegionId, req.ZoneId, req.InstanceType, req.NetworkType = "cn-hangzhou", "cn-hangzhou-i", "ecs.g7.large", "vpc"
		tc.edit(req)
		_, err := c.DescribeSpotPriceHistory(req)
		apiError(t, err, tc.code, tc.status)
	}
}

func equalRows(a, b []ecs.SpotPriceType) bool {
	for i := range a {
		if i >= len(b) || a[i].SpotPrice != b[i].SpotPrice {
			return false
		}
	}
	return len(a) == len(b)
}
