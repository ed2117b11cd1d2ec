package catalog

import (
	"context"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// priceNow is the fixed clock of the price tests: a spot price changes by
// the hour, and a test must not straddle one.
var priceNow = func() time.Time { return time.Date(2026, 11, 3, 10, 30, 0, 0, time.UTC) }

const zoneI = "cn-hangzhou-i" // cn-hangzhou's first zone: the most types (307 available)

// priceSandbox is a sandbox on priceNow with a catalog on the same clock.
func priceSandbox(t testing.TB, f sandbox.Faults, dir string) (*sandbox.Server, *Catalog) {
	t.Helper()
	srv, err := sandbox.Start(sandbox.Options{Faults: f, Seed: 1, Clock: priceNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, sandboxCatalog(t, srv, dir, Options{Now: priceNow})
}

// raw asks DescribePrice through the SDK directly: the figure the
// catalog's answers are checked against.
func raw(t *testing.T, c *Catalog, edit func(*ecs.DescribePriceRequest)) ecs.Price {
	t.Helper()
	return rawAnswer(t, c, edit).PriceInfo.Price
}

// rawLine is the DetailInfo of one resource in a raw DescribePrice answer,
// with the answer's currency.
func rawLine(t *testing.T, c *Catalog, resource string, edit func(*ecs.DescribePriceRequest)) (ecs.DetailInfo, string) {
	t.Helper()
	p := raw(t, c, edit)
	for _, d := range p.DetailInfos.DetailInfo {
		if d.Resource == resource {
			return d, p.Currency
		}
	}
	t.Fatalf("DescribePrice has no %s line: %+v", resource, p.DetailInfos)
	return ecs.DetailInfo{}, ""
}

func rawAnswer(t *testing.T, c *Catalog, edit func(*ecs.DescribePriceRequest)) *ecs.DescribePriceResponse {
	t.Helper()
	cl, err := c.Session().ECS()
	if err != nil {
		t.Fatal(err)
	}
	req := ecs.CreateDescribePriceRequest()
	req.RegionId = region
	edit(req)
	resp, err := cl.DescribePrice(req)
	if err != nil {
		t.Fatalf("raw DescribePrice: %v", err)
	}
	return resp
}

func near(a, b float64) bool { return math.Abs(a-b) < 5e-7 }

// TestZonePricesAgreeWithDescribePrice: every available type of the zone
// is priced, with the unit and currency of the billing, at the figure the
// sandbox's DescribePrice gives for it; progress only grows and ends at
// the total; the price calls are one per type.
func TestZonePricesAgreeWithDescribePrice(t *testing.T) {
	srv, c := priceSandbox(t, sandbox.Faults{}, t.TempDir())
	for _, tc := range []struct {
		b    Billing
		unit PriceUnit
		want PriceUnit
		edit func(*ecs.DescribePriceRequest)
	}{
		{Billing{}, "", UnitHour, func(*ecs.DescribePriceRequest) {}},
		{Billing{InstanceChargeType: PrePaid}, "", UnitMonth, func(r *ecs.DescribePriceRequest) { r.PriceUnit, r.Period = "Month", "1" }},
		{Billing{InstanceChargeType: PrePaid}, UnitWeek, UnitWeek, func(r *ecs.DescribePriceRequest) { r.PriceUnit, r.Period = "Week", "1" }},
		{Billing{SpotStrategy: "SpotAsPriceGo"}, UnitHour, UnitHour, func(r *ecs.DescribePriceRequest) { r.SpotStrategy = "SpotAsPriceGo" }},
	} {
		srv.ResetCalls()
		var mu sync.Mutex
		var seen [][2]int
		zp, err := c.ZonePrices(ctx, region, zoneI, tc.b, tc.unit, func(done, total int) {
			mu.Lock()
			seen = append(seen, [2]int{done, total})
			mu.Unlock()
		})
		if err != nil {
			t.Fatalf("%+v: %v", tc.b, err)
		}
		ids, _ := c.availableTypes(ctx, region, zoneI, tc.b)
		if len(zp.Prices) != len(ids) || len(ids) < 100 || !zp.For(region, zoneI, tc.b, tc.unit) || zp.Unit != tc.want || zp.Currency != "CNY" {
			t.Fatalf("%+v: %d prices for %d types, unit %s, currency %q", tc.b, len(zp.Prices), len(ids), zp.Unit, zp.Currency)
		}
		if n := srv.Calls()["DescribePrice"]; n != len(ids) {
			t.Errorf("%+v: %d DescribePrice calls for %d types", tc.b, n, len(ids))
		}
		for i, s := range seen {
			if s[1] != len(ids) || s[0] != i || (i == len(seen)-1) != (s[0] == len(ids)) {
				t.Fatalf("%+v: progress %v", tc.b, seen)
			}
		}
		for _, id := range []string{ids[0], ids[len(ids)/2], ids[len(ids)-1], world.CheapestGeneral} {
			// The type's own line: the whole adds the API's default disk.
			want, currency := rawLine(t, c, "instanceType", func(r *ecs.DescribePriceRequest) { r.InstanceType, r.ZoneId = id, zoneI; tc.edit(r) })
			got := zp.Prices[id]
			if !near(got.TradePrice, want.TradePrice) || !near(got.OriginalPrice, want.OriginalPrice) || got.Currency != currency ||
				got.Unit() != tc.want {
				t.Errorf("%+v %s: ZonePrices %+v, DescribePrice %+v", tc.b, id, got, want)
			}
		}
		cheapest := zp.Cheapest()
		for i := 1; i < len(cheapest); i++ {
			if zp.Prices[cheapest[i-1]].TradePrice > zp.Prices[cheapest[i]].TradePrice {
				t.Fatalf("Cheapest out of order at %d", i)
			}
		}
	}
	if _, err := c.ZonePrices(ctx, region, zoneI, Billing{InstanceChargeType: PrePaid}, UnitHour, nil); err == nil {
		t.Error("PrePaid per Hour accepted")
	}
	if _, err := c.ZonePrices(ctx, region, zoneI, Billing{}, UnitMonth, nil); err == nil {
		t.Error("PostPaid per Month accepted")
	}
}

// TestZonePricesWarm: a second call, and a new catalog over the same disk
// cache (a new process), make no call; the hourly prices show in
// InstanceTypes' PricePerHour, a subscription's never do.
func TestZonePricesWarm(t *testing.T) {
	dir := t.TempDir()
	srv, c := priceSandbox(t, sandbox.Faults{}, dir)
	cold, err := c.ZonePrices(ctx, region, zoneI, Billing{}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ZonePrices(ctx, region, zoneI, Billing{InstanceChargeType: PrePaid}, "", nil); err != nil {
		t.Fatal(err)
	}
	srv.ResetCalls()
	var last [2]int
	warm, err := c.ZonePrices(ctx, region, zoneI, Billing{}, "", func(d, n int) { last = [2]int{d, n} })
	if err != nil || totalCalls(srv.Calls()) != 0 || len(warm.Prices) != len(cold.Prices) || last[0] != last[1] || last[1] != len(cold.Prices) {
		t.Fatalf("warm: %v, calls %v, %d prices, progress %v", err, srv.Calls(), len(warm.Prices), last)
	}
	c2 := sandboxCatalog(t, srv, dir, Options{Now: priceNow})
	again, err := c2.ZonePrices(ctx, region, zoneI, Billing{}, "", nil)
	if err != nil || srv.Calls()["DescribePrice"] != 0 || len(again.Prices) != len(cold.Prices) {
		t.Fatalf("new process: %v, calls %v", err, srv.Calls())
	}
	types, _ := c2.InstanceTypes(ctx, region, zoneI, Billing{})
	for _, it := range types {
		if p, ok := again.Prices[it.InstanceTypeId]; ok && it.PricePerHour != p.TradePrice {
			t.Fatalf("%s: PricePerHour %v, zone price %v", it.InstanceTypeId, it.PricePerHour, p.TradePrice)
		}
	}
	if tp, err := c2.TypePrice(ctx, region, zoneI, world.CheapestGeneral, Billing{}); err != nil || tp != again.Prices[world.CheapestGeneral] || srv.Calls()["DescribePrice"] != 0 {
		t.Errorf("TypePrice after ZonePrices: %+v %v, calls %v", tp, err, srv.Calls())
	}
	sub, _ := c.InstanceTypes(ctx, region, zoneI, Billing{InstanceChargeType: PrePaid})
	for _, it := range sub {
		if it.PricePerHour != 0 {
			t.Fatalf("subscription type %s shows a monthly figure as PricePerHour %v", it.InstanceTypeId, it.PricePerHour)
		}
	}
	// A different unit is another question: priced afresh.
	srv.ResetCalls()
	if _, err := c2.ZonePrices(ctx, region, zoneI, Billing{InstanceChargeType: PrePaid}, UnitWeek, nil); err != nil || srv.Calls()["DescribePrice"] == 0 {
		t.Errorf("per Week: %v, calls %v", err, srv.Calls())
	}
}

// TestZonePricesResumeAfterCancel: prices had before a cancellation are
// kept; the next call asks only for the rest.
func TestZonePricesResumeAfterCancel(t *testing.T) {
	srv, c := priceSandbox(t, sandbox.Faults{Latency: 20 * time.Millisecond}, t.TempDir())
	ids, err := c.availableTypes(ctx, region, zoneI, Billing{})
	if err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	var once sync.Once
	_, err = c.ZonePrices(cctx, region, zoneI, Billing{}, "", func(done, total int) {
		if done >= 40 {
			once.Do(cancel)
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: %v", err)
	}
	first := srv.Calls()["DescribePrice"]
	srv.ResetCalls()
	zp, err := c.ZonePrices(ctx, region, zoneI, Billing{}, "", nil)
	if err != nil || len(zp.Prices) != len(ids) {
		t.Fatalf("resumed: %v, %d of %d", err, len(zp.Prices), len(ids))
	}
	if n := srv.Calls()["DescribePrice"]; n >= len(ids) || n+first < len(ids) {
		t.Errorf("resumed with %d calls after %d, for %d types", n, first, len(ids))
	}
}

// TestZonePricesNamesFailedTypes: throttled calls are retried; a price
// that keeps failing leaves its type out and named in a ZonePricesError.
func TestZonePricesNamesFailedTypes(t *testing.T) {
	dir := t.TempDir()
	srv, c := priceSandbox(t, sandbox.Faults{}, dir)
	ids, _ := c.availableTypes(ctx, region, zoneI, Billing{}) // the lists are on disk now
	srv.SetFaults(sandbox.Faults{ErrorRate: 0.3})
	c2 := sandboxCatalog(t, srv, dir, Options{Now: priceNow, MaxAttempts: 1})
	zp, err := c2.ZonePrices(ctx, region, zoneI, Billing{}, "", nil)
	var zerr *ZonePricesError
	if !errors.As(err, &zerr) || len(zerr.Failed)+len(zp.Prices) != len(ids) || len(zerr.Failed) == 0 || zerr.Total != len(ids) {
		t.Fatalf("err %v, %d prices of %d", err, len(zp.Prices), len(ids))
	}
	for id := range zerr.Failed {
		if _, ok := zp.Prices[id]; ok {
			t.Fatalf("%s both failed and priced", id)
		}
	}
	t.Log(err)
}

// TestZonePricesWithLatency is issue 13's measurement: every available type
// of cn-hangzhou-i priced with the sandbox at 200 ms per call, cold; then
// warm, with no call. Times are logged (BenchmarkZonePricesCold measures
// them); calls are asserted.
func TestZonePricesWithLatency(t *testing.T) {
	if testing.Short() {
		t.Skip("200 ms per call")
	}
	srv, c := priceSandbox(t, sandbox.Faults{Latency: latency}, t.TempDir())
	start := time.Now()
	zp, err := c.ZonePrices(ctx, region, zoneI, Billing{}, "", nil)
	cold := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	calls := srv.Calls()
	t.Logf("cold: %d types priced in %v, %d calls: %v", len(zp.Prices), cold, totalCalls(calls), calls)
	if calls["DescribePrice"] != len(zp.Prices) {
		t.Errorf("%d DescribePrice calls for %d types", calls["DescribePrice"], len(zp.Prices))
	}
	srv.ResetCalls()
	start = time.Now()
	if _, err := c.ZonePrices(ctx, region, zoneI, Billing{}, "", nil); err != nil || totalCalls(srv.Calls()) != 0 {
		t.Fatalf("warm: %v, calls %v", err, srv.Calls())
	}
	t.Logf("warm: %v, 0 calls", time.Since(start))
}

// BenchmarkZonePricesCold prices every available type of cn-hangzhou-i
// (307) at 200 ms per call with a cold cache (the types and stock lists
// included), reporting the calls made.
func BenchmarkZonePricesCold(b *testing.B) {
	srv, _ := priceSandbox(b, sandbox.Faults{Latency: latency}, b.TempDir())
	var calls, types int
	for b.Loop() {
		srv.ResetCalls()
		c := sandboxCatalog(b, srv, b.TempDir(), Options{Now: priceNow})
		zp, err := c.ZonePrices(ctx, region, zoneI, Billing{}, "", nil)
		if err != nil {
			b.Fatal(err)
		}
		calls, types = totalCalls(srv.Calls()), len(zp.Prices)
		c.Close()
	}
	b.ReportMetric(float64(calls), "calls")
	b.ReportMetric(float64(types), "types")
}

// BenchmarkZonePricesColdPricesOnly is the same with the types and stock
// already cached: the DescribePrice calls alone.
func BenchmarkZonePricesColdPricesOnly(b *testing.B) {
	srv, _ := priceSandbox(b, sandbox.Faults{Latency: latency}, b.TempDir())
	var calls int
	for b.Loop() {
		b.StopTimer()
		c := sandboxCatalog(b, srv, b.TempDir(), Options{Now: priceNow})
		if _, err := c.InstanceTypes(ctx, region, zoneI, Billing{}); err != nil {
			b.Fatal(err)
		}
		srv.ResetCalls()
		b.StartTimer()
		if _, err := c.ZonePrices(ctx, region, zoneI, Billing{}, "", nil); err != nil {
			b.Fatal(err)
		}
		calls = totalCalls(srv.Calls())
		c.Close()
	}
	b.ReportMetric(float64(calls), "calls")
}

// BenchmarkZonePricesWarm is a new catalog over a warm disk cache.
func BenchmarkZonePricesWarm(b *testing.B) {
	dir := b.TempDir()
	srv, c := priceSandbox(b, sandbox.Faults{Latency: latency}, dir)
	if _, err := c.ZonePrices(ctx, region, zoneI, Billing{}, "", nil); err != nil {
		b.Fatal(err)
	}
	srv.ResetCalls()
	for b.Loop() {
		c := sandboxCatalog(b, srv, dir, Options{Now: priceNow})
		if _, err := c.ZonePrices(ctx, region, zoneI, Billing{}, "", nil); err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
	b.ReportMetric(float64(srv.Calls()["DescribePrice"]), "calls")
}

// webRequest is examples/web.yaml's request, with edits.
func webRequest(t *testing.T, sets ...string) *request.Request {
	t.Helper()
	r := request.New()
	for _, kv := range append([]string{"RegionId=cn-hangzhou", "ZoneId=cn-hangzhou-h", "ImageId=aliyun_3_x64_20G_alibase_20240819.vhd",
		"InstanceType=ecs.g7.large", "InternetMaxBandwidthOut=5", "SystemDisk.Size=40", "SystemDisk.Category=cloud_essd",
		"DataDisk.1.Size=100", "DataDisk.1.Category=cloud_essd", "Amount=2", "InstanceName=web", "Password=${ECS_PASSWORD}"}, sets...) {
		k, v, _ := strings.Cut(kv, "=")
		if v == "" {
			r.Delete(k)
			continue
		}
		if err := r.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// checkSums: the lines add up to the total, figure by figure, with no
// adjustment line (the sandbox itemises consistently).
func checkSums(t *testing.T, b *Bill) {
	t.Helper()
	var sum Money
	for _, l := range b.Lines {
		sum = sum.Plus(l.Money)
		if l.Resource == "adjustment" {
			t.Errorf("the sandbox's parts do not add up: %+v", l)
		}
	}
	if sum != b.Total {
		t.Errorf("lines add up to %+v, total %+v", sum, b.Total)
	}
}

func lineOf(b *Bill, param string) (BillLine, bool) {
	i := slices.IndexFunc(b.Lines, func(l BillLine) bool { return l.Parameter == param })
	if i < 0 {
		return BillLine{}, false
	}
	return b.Lines[i], true
}

// TestBillPayAsYouGo: the web tier's bill (2 × g7.large, ESSD system and
// data disk, 5 Mbit/s PayByTraffic) has one line per resource matching the
// raw DescribePrice, per hour and per month, and states the traffic price
// per GB apart from the total.
func TestBillPayAsYouGo(t *testing.T) {
	srv, c := priceSandbox(t, sandbox.Faults{}, t.TempDir())
	r := webRequest(t)
	b, err := c.Bill(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, b)
	want := raw(t, c, func(q *ecs.DescribePriceRequest) {
		q.InstanceType, q.ZoneId, q.ImageId, q.Amount = "ecs.g7.large", "cn-hangzhou-h", r.Get("ImageId"), "2"
		q.SystemDiskCategory, q.SystemDiskSize, q.InternetMaxBandwidthOut = "cloud_essd", "40", "5"
		q.DataDisk = &[]ecs.DescribePriceDataDisk{{Category: "cloud_essd", Size: "100"}}
	})
	if b.Total.TradePrice != want.TradePrice || b.Total.OriginalPrice != want.OriginalPrice || b.Currency != want.Currency ||
		b.Unit != UnitHour || b.Period != 1 || b.Amount != 2 {
		t.Fatalf("bill %+v, DescribePrice %+v", b, want)
	}
	for _, d := range want.DetailInfos.DetailInfo {
		param := map[string]string{"instanceType": "InstanceType", "systemDisk": "SystemDisk", "dataDisk": "DataDisk.1", "bandwidth": "InternetMaxBandwidthOut"}[d.Resource]
		l, ok := lineOf(b, param)
		if !ok || l.TradePrice != d.TradePrice || l.Resource != d.Resource || !strings.HasSuffix(l.Item, "× 2") {
			t.Errorf("%s: line %+v, DetailInfo %+v", d.Resource, l, d)
		}
	}
	if b.PerHour != want.TradePrice || !near(b.PerMonth, round3(want.TradePrice*730)) {
		t.Errorf("per hour %v, per month %v, DescribePrice %v", b.PerHour, b.PerMonth, want.TradePrice)
	}
	traffic := raw(t, c, func(q *ecs.DescribePriceRequest) { q.ResourceType = "bandwidth" })
	if bw, _ := lineOf(b, "InternetMaxBandwidthOut"); bw.TradePrice != 0 || b.Traffic == nil || b.Traffic.PricePerGB != traffic.TradePrice ||
		!strings.Contains(bw.Item, "per GB") {
		t.Errorf("PayByTraffic: line %+v, traffic %+v (DescribePrice %v)", bw, b.Traffic, traffic.TradePrice)
	}
	if b.Renewal != nil {
		t.Errorf("pay-as-you-go has a renewal: %+v", b.Renewal)
	}
	if p, err := c.Price(ctx, r); err != nil || p.TradePrice != b.Total.TradePrice || p.Unit() != UnitHour {
		t.Errorf("Price %+v %v, bill %+v", p, err, b.Total)
	}
	fixed, err := c.Bill(ctx, webRequest(t, "InternetChargeType=PayByBandwidth"))
	if err != nil {
		t.Fatal(err)
	}
	if l, _ := lineOf(fixed, "InternetMaxBandwidthOut"); l.TradePrice <= 0 || fixed.Traffic != nil || !strings.Contains(l.Item, "fixed") {
		t.Errorf("PayByBandwidth: line %+v, traffic %+v", l, fixed.Traffic)
	}
	_ = srv
}

// TestBillSubscription: a 3-month subscription with AutoRenewPeriod 1
// totals the raw DescribePrice for Period 3, its renewal the raw price for
// Period 1; 12 months are priced as a year; Week is per week.
func TestBillSubscription(t *testing.T) {
	_, c := priceSandbox(t, sandbox.Faults{}, t.TempDir())
	base := func(q *ecs.DescribePriceRequest) {
		q.InstanceType, q.ZoneId, q.ImageId, q.Amount = "ecs.g7.large", "cn-hangzhou-h", "aliyun_3_x64_20G_alibase_20240819.vhd", "2"
		q.SystemDiskCategory, q.SystemDiskSize, q.InternetMaxBandwidthOut = "cloud_essd", "40", "5"
		q.DataDisk = &[]ecs.DescribePriceDataDisk{{Category: "cloud_essd", Size: "100"}}
	}
	b, err := c.Bill(ctx, webRequest(t, "InstanceChargeType=PrePaid", "Period=3", "PeriodUnit=Month", "AutoRenew=true", "AutoRenewPeriod=1"))
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, b)
	three := raw(t, c, func(q *ecs.DescribePriceRequest) { base(q); q.PriceUnit, q.Period = "Month", "3" })
	one := raw(t, c, func(q *ecs.DescribePriceRequest) { base(q); q.PriceUnit, q.Period = "Month", "1" })
	if b.Total.TradePrice != three.TradePrice || b.Unit != UnitMonth || b.Period != 3 || b.Renewal == nil ||
		b.Renewal.TradePrice != one.TradePrice || !b.Renewal.AutoRenew || b.Renewal.Period != 1 {
		t.Fatalf("bill %+v renewal %+v; DescribePrice 3 months %v, 1 month %v", b.Total, b.Renewal, three.TradePrice, one.TradePrice)
	}
	if !near(b.PerMonth, round3(three.TradePrice/3)) || !near(b.PerHour, round3(three.TradePrice/(3*730))) {
		t.Errorf("per month %v, per hour %v of %v", b.PerMonth, b.PerHour, three.TradePrice)
	}
	year, err := c.Bill(ctx, webRequest(t, "InstanceChargeType=PrePaid", "Period=12"))
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, year)
	y := raw(t, c, func(q *ecs.DescribePriceRequest) { base(q); q.PriceUnit, q.Period = "Year", "1" })
	if year.Total != (Money{y.OriginalPrice, y.DiscountPrice, y.TradePrice}) || year.Total.DiscountPrice == 0 || len(year.Rules) == 0 ||
		year.Renewal == nil || year.Renewal.TradePrice != one.TradePrice {
		t.Errorf("12 months %+v (renewal %+v), DescribePrice Year %+v", year.Total, year.Renewal, y)
	}
	week, err := c.Bill(ctx, webRequest(t, "InstanceChargeType=PrePaid", "Period=2", "PeriodUnit=Week"))
	if err != nil {
		t.Fatal(err)
	}
	w := raw(t, c, func(q *ecs.DescribePriceRequest) { base(q); q.PriceUnit, q.Period = "Week", "2" })
	if week.Total.TradePrice != w.TradePrice || week.Unit != UnitWeek || week.Price().String() != fmtPrice(w.TradePrice, "CNY", "2 weeks") {
		t.Errorf("2 weeks %+v %q, DescribePrice %v", week.Total, week.Price().String(), w.TradePrice)
	}
}

func fmtPrice(v float64, cur, per string) string {
	return strconv.FormatFloat(v, 'f', 3, 64) + " " + cur + "/" + per
}

// TestBillDataDisks: each data disk is a line of its own, matching its own
// DescribePrice; six disks (DescribePrice takes four) still add up.
func TestBillDataDisks(t *testing.T) {
	_, c := priceSandbox(t, sandbox.Faults{}, t.TempDir())
	sets := []string{"DataDisk.2.Size=500", "DataDisk.2.Category=cloud_efficiency", "DataDisk.3.Size=50",
		"DataDisk.3.Category=cloud_essd", "DataDisk.3.PerformanceLevel=PL2"}
	b, err := c.Bill(ctx, webRequest(t, sets...))
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, b)
	for i, d := range []ecs.DescribePriceDataDisk{{Category: "cloud_essd", Size: "100"}, {Category: "cloud_efficiency", Size: "500"},
		{Category: "cloud_essd", Size: "50", PerformanceLevel: "PL2"}} {
		alone := raw(t, c, func(q *ecs.DescribePriceRequest) {
			q.InstanceType, q.ZoneId, q.Amount, q.DataDisk = "ecs.g7.large", "cn-hangzhou-h", "2", &[]ecs.DescribePriceDataDisk{d}
		})
		var want float64
		for _, di := range alone.DetailInfos.DetailInfo {
			if di.Resource == "dataDisk" {
				want = di.TradePrice
			}
		}
		if l, ok := lineOf(b, "DataDisk."+strconv.Itoa(i+1)); !ok || l.TradePrice != want || want == 0 {
			t.Errorf("DataDisk.%d: line %+v, alone %v", i+1, l, want)
		}
	}
	six, err := c.Bill(ctx, webRequest(t, append(sets, "DataDisk.4.Size=20", "DataDisk.5.Size=30", "DataDisk.6.Size=40")...))
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, six)
	if _, ok := lineOf(six, "DataDisk.6"); !ok || six.Total.TradePrice <= b.Total.TradePrice || len(six.Notes) == 0 {
		t.Errorf("six disks: %+v", six)
	}
	if p, err := c.Price(ctx, webRequest(t, append(sets, "DataDisk.4.Size=20", "DataDisk.5.Size=30", "DataDisk.6.Size=40")...)); err != nil ||
		p.TradePrice != six.Total.TradePrice {
		t.Errorf("Price of six disks %+v %v, bill %v", p, err, six.Total)
	}
}

// TestBillSpot: the instance line is the zone's current spot price; the
// zone comes from the vSwitch when ZoneId is not given.
func TestBillSpot(t *testing.T) {
	_, c := priceSandbox(t, sandbox.Faults{}, t.TempDir())
	w := world.New()
	var vsw world.VSwitch
	for _, v := range w.Network(region).VSwitches {
		if v.ZoneId == "cn-hangzhou-k" {
			vsw = v
		}
	}
	b, err := c.Bill(ctx, webRequest(t, "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=0.5", "ZoneId=", "VSwitchId="+vsw.VSwitchId))
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, b)
	hz, _ := w.Region(region)
	zk, _ := w.Zone(region, "cn-hangzhou-k")
	g7, _ := w.Type("ecs.g7.large")
	if l, _ := lineOf(b, "InstanceType"); b.ZoneId != "cn-hangzhou-k" || !near(l.TradePrice, round3(2*world.SpotHourly(hz, zk, g7, priceNow()))) ||
		b.SpotStrategy != "SpotWithPriceLimit" || !strings.Contains(l.Item, "spot") {
		t.Errorf("spot bill %+v", b)
	}
}

// TestBillStaleAnswer: a bill is For the request it priced and for one
// that differs only where the price does not depend on; not after a
// priced parameter changed.
func TestBillStaleAnswer(t *testing.T) {
	_, c := priceSandbox(t, sandbox.Faults{}, t.TempDir())
	r := webRequest(t)
	b, err := c.Bill(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	renamed := r.Clone()
	_ = renamed.Set("InstanceName", "api")
	bigger := r.Clone()
	_ = bigger.Set("DataDisk.1.Size", "200")
	if !b.For(r) || !b.For(renamed) || b.For(bigger) || (*Bill)(nil).For(r) {
		t.Errorf("For: same %v, renamed %v, bigger disk %v", b.For(r), b.For(renamed), b.For(bigger))
	}
	if _, err := c.Bill(ctx, webRequest(t, "InstanceType=${TYPE}")); err == nil || !strings.Contains(err.Error(), "${TYPE}") {
		t.Errorf("a reference in a priced parameter: %v", err)
	}
}

// TestSpotAdviceAndTheRule: the history is the raw DescribeSpotPriceHistory,
// its last point the DescribePrice spot price; the suggested limit lies
// between the current and the pay-as-you-go price; the online rule flags a
// limit below the current price through the catalog.
func TestSpotAdviceAndTheRule(t *testing.T) {
	srv, c := priceSandbox(t, sandbox.Faults{}, t.TempDir())
	a, err := c.SpotAdvice(ctx, region, zoneI, world.CheapestGeneral, "linux")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(a.History.Points); n != 7*24+1 || !a.History.Points[n-1].Timestamp.Equal(priceNow().Truncate(time.Hour)) {
		t.Fatalf("history of %d points ending %v", n, a.History.Points[n-1].Timestamp)
	}
	instance := func(p ecs.Price) float64 {
		for _, d := range p.DetailInfos.DetailInfo {
			if d.Resource == "instanceType" {
				return d.TradePrice
			}
		}
		return -1
	}
	now := instance(raw(t, c, func(q *ecs.DescribePriceRequest) {
		q.InstanceType, q.ZoneId, q.SpotStrategy = world.CheapestGeneral, zoneI, "SpotAsPriceGo"
	}))
	payg := instance(raw(t, c, func(q *ecs.DescribePriceRequest) { q.InstanceType, q.ZoneId = world.CheapestGeneral, zoneI }))
	if a.Current.SpotPrice != now || a.PayAsYouGo != payg || a.Currency != "CNY" || a.Unit != UnitHour {
		t.Errorf("advice: current %v, pay-as-you-go %v; DescribePrice's instance part: spot %v, pay-as-you-go %v", a.Current, a.PayAsYouGo, now, payg)
	}
	if a.SuggestedLimit < a.Current.SpotPrice || a.SuggestedLimit > a.PayAsYouGo || a.SuggestedLimit < a.History.High() {
		t.Errorf("suggested %v for current %v, high %v, pay-as-you-go %v", a.SuggestedLimit, a.Current.SpotPrice, a.History.High(), a.PayAsYouGo)
	}
	if _, err := c.SpotAdvice(ctx, region, zoneI, "ecs.t6-c1m1.large", ""); err == nil {
		t.Error("a burstable type has spot advice")
	}
	srv.ResetCalls()
	req := webRequest(t, "ZoneId="+zoneI, "InstanceType="+world.CheapestGeneral, "SpotStrategy=SpotWithPriceLimit",
		"SpotPriceLimit="+strconv.FormatFloat(a.Current.SpotPrice-0.001, 'f', 3, 64))
	got := rules.ValidateOnline(ctx, req, c, rules.Context{})
	i := slices.IndexFunc(got, func(f rules.Finding) bool { return f.Code == "InvalidSpotPriceLimit.LowerThanPublicPrice" })
	if i < 0 || got[i].Parameter != "SpotPriceLimit" || !strings.Contains(got[i].Message, strconv.FormatFloat(a.Current.SpotPrice, 'f', 3, 64)+" CNY/hour") {
		t.Fatalf("findings %+v", got)
	}
	if n := srv.Calls()["DescribeSpotPriceHistory"]; n != 0 {
		t.Errorf("the rule asked the history again (%d calls): SpotAdvice cached it", n)
	}
	_ = req.Set("SpotPriceLimit", strconv.FormatFloat(a.SuggestedLimit, 'f', 3, 64))
	for _, f := range rules.ValidateOnline(ctx, req, c, rules.Context{}) {
		if f.Parameter == "SpotPriceLimit" {
			t.Errorf("the suggested limit is flagged: %+v", f)
		}
	}
}

func TestSuggestSpotPriceLimit(t *testing.T) {
	cases := []struct{ current, high, payg, want float64 }{
		{0.1, 0.1, 0.64, 0.12},    // 20 % headroom
		{0.1, 0.15, 0.64, 0.15},   // the week's high is more
		{0.5, 0.55, 0.56, 0.56},   // capped at pay-as-you-go
		{0.1001, 0, 0, 0.121},     // rounded up to 3 decimals, no cap
		{0.6, 0.6, 0.5, 0.6},      // never below the current price
		{0.103, 0.1236, 1, 0.124}, // the high rounded up
	}
	for _, c := range cases {
		if got := SuggestSpotPriceLimit(c.current, c.high, c.payg); !near(got, c.want) {
			t.Errorf("SuggestSpotPriceLimit(%v, %v, %v) = %v, want %v", c.current, c.high, c.payg, got, c.want)
		}
	}
}
