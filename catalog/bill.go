package catalog

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"golang.org/x/sync/errgroup"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// Bill is what a request costs, as the console's 配置费用 shows it: one line
// per resource (the instances, the system disks, each data disk, the public
// bandwidth) for all Amount instances, each with its list price, discount
// and paid price (DescribePrice's OriginalPrice, DiscountPrice, TradePrice)
// in the currency the API answers in. The lines add up to Total.
type Bill struct {
	RegionId           string `json:"RegionId"`
	ZoneId             string `json:"ZoneId,omitempty"`
	InstanceType       string `json:"InstanceType"`
	InstanceChargeType string `json:"InstanceChargeType"`
	SpotStrategy       string `json:"SpotStrategy,omitempty"`
	Amount             int    `json:"Amount"`
	Currency           string `json:"Currency"`
	// Unit and Period say what Lines and Total are for: 1 Hour for
	// pay-as-you-go and spot; Period PeriodUnits (Week or Month) for a
	// subscription.
	Unit   PriceUnit  `json:"Unit"`
	Period int        `json:"Period"`
	Lines  []BillLine `json:"Lines"`
	Total  Money      `json:"Total"`
	// PerHour and PerMonth are what is paid (TradePrice): pay-as-you-go per
	// hour and × HoursPerMonth; a subscription's total spread over the hours
	// and months of its Period.
	PerHour  float64 `json:"PerHour"`
	PerMonth float64 `json:"PerMonth"`
	// Renewal is, for a subscription, what one renewal of AutoRenewPeriod
	// costs (whether AutoRenew is on or not: AutoRenew says).
	Renewal *Renewal `json:"Renewal,omitempty"`
	// Traffic is, for PayByTraffic with a public IP, the price of each GB
	// of outbound traffic: billed as used, not in Total.
	Traffic *Traffic `json:"Traffic,omitempty"`
	// Rules are the pricing rules the API applied (e.g. a yearly discount).
	Rules []Rule `json:"Rules,omitempty"`
	// Notes say how a figure was obtained where it matters.
	Notes []string `json:"Notes,omitempty"`

	priced *request.Request // the price-relevant parameters billed
}

// BillLine is one resource of a Bill, for all Amount instances.
type BillLine struct {
	// Resource is DescribePrice's DetailInfo.Resource (instanceType,
	// systemDisk, dataDisk, bandwidth, image, …), or "adjustment" for the
	// difference between the API's whole and its itemised parts (rounding,
	// an order-level discount) so that the lines always add up.
	Resource string `json:"Resource"`
	// Parameter is the RunInstances parameter the line prices:
	// InstanceType, SystemDisk, DataDisk.2, InternetMaxBandwidthOut.
	Parameter string `json:"Parameter,omitempty"`
	// Item says what is priced: "ecs.g7.large × 2", "cloud_essd PL1 40 GiB".
	Item string `json:"Item"`
	Money
}

// Renewal is the price of one auto-renewal of a subscription.
type Renewal struct {
	AutoRenew bool      `json:"AutoRenew"`
	Period    int       `json:"Period"` // AutoRenewPeriod
	Unit      PriceUnit `json:"Unit"`   // PeriodUnit
	Money
}

// Traffic is the PayByTraffic price of outbound traffic.
type Traffic struct {
	PricePerGB              float64 `json:"PricePerGB"`
	Currency                string  `json:"Currency"`
	InternetMaxBandwidthOut int     `json:"InternetMaxBandwidthOut"` // the peak, Mbit/s
}

// For reports whether the bill prices r as it is now: the wizard drops an
// answer for which it does not (the request changed while it was asked).
// Only the parameters DescribePrice reads count (PriceParameters).
func (b *Bill) For(r *request.Request) bool {
	return b != nil && b.priced != nil && PriceParameters(r).Equal(b.priced)
}

// Price is the bill's total as a Price.
func (b *Bill) Price() Price {
	return Price{Currency: b.Currency, OriginalPrice: b.Total.OriginalPrice, DiscountPrice: b.Total.DiscountPrice,
		TradePrice: b.Total.TradePrice, PriceUnit: string(b.Unit), Period: b.Period}
}

// priceKeys are the top-level parameters a price depends on; DataDisk.N's
// Category, Size and PerformanceLevel count too (dataDiskPriceKey).
var priceKeys = map[string]bool{
	"RegionId": true, "ZoneId": true, "VSwitchId": true, "InstanceType": true, "ImageId": true, "IoOptimized": true,
	"InternetChargeType": true, "InternetMaxBandwidthOut": true, "SystemDisk.Category": true, "SystemDisk.Size": true,
	"SystemDisk.PerformanceLevel": true, "Amount": true, "InstanceChargeType": true, "Period": true, "PeriodUnit": true,
	"AutoRenew": true, "AutoRenewPeriod": true, "SpotStrategy": true, "SpotPriceLimit": true, "SpotDuration": true,
}

var dataDiskPriceKey = regexp.MustCompile(`^DataDisk\.[0-9]+\.(Category|Size|PerformanceLevel)$`)

// PriceParameters is the part of a request a price depends on: region,
// zone (or the vSwitch that gives it), type, image, disks, bandwidth,
// Amount and billing. A command resolves only these ${NAME} references to
// quote a launch file: a price needs no password.
func PriceParameters(r *request.Request) *request.Request {
	out := request.New()
	for _, k := range r.Keys() {
		if priceKeys[k] || dataDiskPriceKey.MatchString(k) {
			_ = out.Set(k, r.Get(k)) // a name r holds is valid
		}
	}
	return out
}

// whole is a request priced as a whole: one DescribePrice with its first
// four data disks, and one per data disk beyond them (DescribePrice prices
// at most four with an instance, docs/api-shapes.md §12).
type whole struct {
	req   *request.Request
	zone  string
	term  term
	disks []int // the DataDisk.N indexes in use
	main  answer
	extra map[int]answer // by DataDisk.N beyond the fourth: the disk with the instance
}

// total is the whole's figure.
func (w *whole) total() Price {
	m := sum(w.main, w.extra)
	return Price{Currency: w.main.Price.Currency, OriginalPrice: m.OriginalPrice, DiscountPrice: m.DiscountPrice,
		TradePrice: m.TradePrice, PriceUnit: string(w.term.unit), Period: w.term.period}
}

// maxDisksPerQuote is how many data disks one DescribePrice prices.
const maxDisksPerQuote = 4

// dataDisks lists the DataDisk.N indexes a request uses.
func dataDisks(r *request.Request) []int {
	var out []int
	for i := 1; i <= r.Count("DataDisk"); i++ {
		if len(r.Item("DataDisk", i)) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// quoteWhole prices a request as a whole (see whole).
func (c *Catalog) quoteWhole(ctx context.Context, r *request.Request) (*whole, error) {
	region := r.Get("RegionId")
	if region == "" {
		return nil, errNoRegion
	}
	if r.Get("InstanceType") == "" {
		return nil, errNoType
	}
	p := PriceParameters(r)
	if refs := p.References(); len(refs) > 0 {
		return nil, i18n.Errorf("price: the request refers to ${%s}, which is resolved only when a call is made", strings.Join(refs, "}, ${"))
	}
	w := &whole{req: p, zone: c.zoneOf(ctx, p), term: termOf(p), disks: dataDisks(p)}
	var err error
	w.main, w.extra, err = c.quoteTerm(ctx, p, w.zone, w.term, w.disks)
	return w, err
}

// quoteTerm asks DescribePrice for a request over a term: once with the
// first four data disks, and once for each further disk (with the instance,
// of which only the dataDisk part counts), in parallel.
func (c *Catalog) quoteTerm(ctx context.Context, p *request.Request, zone string, t term, disks []int) (answer, map[int]answer, error) {
	first := disks[:min(len(disks), maxDisksPerQuote)]
	var main answer
	extra := map[int]answer{}
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		main, err = c.describePrice(gctx, p.Get("RegionId"), func() *ecs.DescribePriceRequest { return priceRequest(p, zone, t, first) })
		return err
	})
	for _, i := range disks[len(first):] {
		g.Go(func() error {
			a, err := c.describePrice(gctx, p.Get("RegionId"), func() *ecs.DescribePriceRequest { return priceRequest(p, zone, t, []int{i}) })
			mu.Lock()
			extra[i] = a
			mu.Unlock()
			return err
		})
	}
	err := g.Wait()
	return main, extra, err
}

// sum is a quoteTerm's figure: the main answer plus the data disks beyond
// the fourth.
func sum(main answer, extra map[int]answer) Money {
	m := main.money()
	for _, a := range extra {
		d, _ := a.partOf("dataDisk")
		m = m.Plus(d)
	}
	return m
}

// zoneOf is the zone a request launches in: ZoneId, else its vSwitch's
// zone ("" when neither is known). A spot price depends on it.
func (c *Catalog) zoneOf(ctx context.Context, r *request.Request) string {
	if z := r.Get("ZoneId"); z != "" {
		return z
	}
	if id := r.Get("VSwitchId"); id != "" {
		if v, err := c.VSwitch(ctx, r.Get("RegionId"), id); err == nil {
			return v.ZoneId
		}
	}
	return ""
}

// Bill prices a request line by line (see Bill). Besides the whole
// (quoteWhole) it asks, in parallel: each data disk alone with the
// instance when there are several (the API itemises data disks as one
// line), one renewal for a subscription whose AutoRenewPeriod differs from
// its Period, and the per-GB traffic price for PayByTraffic (cached a day;
// its failure only adds a note). The wizard calls it as a Cmd and drops an
// answer whose For(request) is false.
func (c *Catalog) Bill(ctx context.Context, r *request.Request) (*Bill, error) {
	w, err := c.quoteWhole(ctx, r)
	if err != nil {
		return nil, err
	}
	b := newBill(w)
	perDisk := map[int]answer{}
	var renewal Money
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	if first := w.disks[:min(len(w.disks), maxDisksPerQuote)]; len(first) > 1 {
		for _, i := range first {
			g.Go(func() error {
				a, err := c.describePrice(gctx, b.RegionId, func() *ecs.DescribePriceRequest { return priceRequest(w.req, w.zone, w.term, []int{i}) })
				mu.Lock()
				perDisk[i] = a
				mu.Unlock()
				return err
			})
		}
	}
	rt := renewalTerm(w.req)
	if w.term.unit != UnitHour && rt != w.term {
		g.Go(func() error {
			main, extra, err := c.quoteTerm(gctx, w.req, w.zone, rt, w.disks)
			renewal = sum(main, extra)
			return err
		})
	}
	if bw, _ := strconv.Atoi(w.req.Get("InternetMaxBandwidthOut")); bw > 0 && chargeTypeOf(w.req) == "PayByTraffic" {
		g.Go(func() error {
			per, currency, err := c.trafficPrice(gctx, b.RegionId)
			if err != nil {
				b.Notes = append(b.Notes, i18n.T("the per-GB traffic price could not be had: %v", err))
				return nil
			}
			b.Traffic = &Traffic{PricePerGB: per, Currency: currency, InternetMaxBandwidthOut: bw}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	b.Lines = billLines(w, perDisk)
	b.balance()
	b.averages()
	if w.term.unit != UnitHour {
		b.renewal(w, rt, renewal)
	}
	b.notes(w)
	return b, nil
}

func newBill(w *whole) *Bill {
	r := w.req
	amount, _ := strconv.Atoi(firstOf(r.Get("Amount"), "1"))
	b := &Bill{RegionId: r.Get("RegionId"), ZoneId: w.zone, InstanceType: r.Get("InstanceType"),
		InstanceChargeType: firstOf(r.Get("InstanceChargeType"), PostPaid), Amount: max(amount, 1),
		Currency: w.main.Price.Currency, Unit: UnitHour, Period: 1, Rules: w.main.Rules, priced: r}
	if b.InstanceChargeType == PrePaid {
		n, _ := strconv.Atoi(firstOf(r.Get("Period"), "1"))
		b.Unit, b.Period = PriceUnit(firstOf(r.Get("PeriodUnit"), string(UnitMonth))), max(n, 1)
	} else if s := r.Get("SpotStrategy"); s != "" && s != NoSpot {
		b.SpotStrategy = s
	}
	t := w.total()
	b.Total = Money{t.OriginalPrice, t.DiscountPrice, t.TradePrice}
	return b
}

// renewalTerm is one renewal of a subscription: AutoRenewPeriod (default
// 1) PeriodUnits.
func renewalTerm(r *request.Request) term {
	n, _ := strconv.Atoi(firstOf(r.Get("AutoRenewPeriod"), "1"))
	return subscriptionTerm(r.Get("PeriodUnit"), n)
}

func chargeTypeOf(r *request.Request) string {
	return firstOf(r.Get("InternetChargeType"), "PayByTraffic")
}

// billLines turns the whole's parts into lines in a fixed order: the
// instances, the system disk, each data disk, the bandwidth, anything else
// the API itemises. With several data disks each line is that disk's own
// quote (perDisk); the API's one dataDisk part is then not a line.
func billLines(w *whole, perDisk map[int]answer) []BillLine {
	if len(w.main.Parts) == 0 {
		return []BillLine{{Resource: "instance", Item: i18n.Text("the whole configuration (DescribePrice gave no breakdown)") + times(w), Money: w.main.money()}}
	}
	var lines []BillLine
	add := func(resource string) {
		for _, p := range w.main.Parts {
			if p.Resource == resource || (resource == "instanceType" && p.Resource == "instance") {
				lines = append(lines, w.line(p.Resource, p.Money))
			}
		}
	}
	add("instanceType")
	add("systemDisk")
	switch {
	case len(perDisk) > 0:
		for _, i := range w.disks[:min(len(w.disks), maxDisksPerQuote)] {
			m, _ := perDisk[i].partOf("dataDisk")
			lines = append(lines, w.diskLine(i, m))
		}
	case len(w.disks) == 1:
		if m, ok := w.main.partOf("dataDisk"); ok {
			lines = append(lines, w.diskLine(w.disks[0], m))
		}
	default:
		add("dataDisk")
	}
	for _, i := range w.disks[min(len(w.disks), maxDisksPerQuote):] {
		m, _ := w.extra[i].partOf("dataDisk")
		lines = append(lines, w.diskLine(i, m))
	}
	add("bandwidth")
	for _, p := range w.main.Parts {
		switch p.Resource {
		case "instance", "instanceType", "systemDisk", "dataDisk", "bandwidth":
		default:
			lines = append(lines, w.line(p.Resource, p.Money))
		}
	}
	return lines
}

// line is a line for one of the API's resources.
func (w *whole) line(resource string, m Money) BillLine {
	r := w.req
	l := BillLine{Resource: resource, Money: m, Item: resource}
	switch resource {
	case "instance", "instanceType":
		l.Parameter, l.Item = "InstanceType", r.Get("InstanceType")
		if s := r.Get("SpotStrategy"); w.term.unit == UnitHour && s != "" && s != NoSpot {
			l.Item = i18n.T("%s (spot, %s)", l.Item, s)
		}
	case "systemDisk":
		l.Parameter, l.Item = "SystemDisk", diskItem(r.Get("SystemDisk.Category"), r.Get("SystemDisk.PerformanceLevel"), r.Get("SystemDisk.Size"))
	case "dataDisk":
		l.Parameter, l.Item = "DataDisk", i18n.T("%d data disks", len(w.disks))
	case "bandwidth":
		l.Parameter, l.Item = "InternetMaxBandwidthOut", bandwidthItem(r)
	}
	l.Item += times(w)
	return l
}

func (w *whole) diskLine(i int, m Money) BillLine {
	it := w.req.Item("DataDisk", i)
	return BillLine{Resource: "dataDisk", Parameter: "DataDisk." + strconv.Itoa(i),
		Item: diskItem(it["Category"], it["PerformanceLevel"], it["Size"]) + times(w), Money: m}
}

// times is the Amount suffix of every line: the lines are for all instances.
func times(w *whole) string {
	if n, _ := strconv.Atoi(w.req.Get("Amount")); n > 1 {
		return fmt.Sprintf(" × %d", n)
	}
	return ""
}

func diskItem(category, level, size string) string {
	if category == "" {
		category = i18n.Text("default category")
	}
	if category == "cloud_essd" {
		category += " " + firstOf(level, "PL1")
	}
	if size == "" {
		return i18n.T("%s, default size", category)
	}
	return i18n.T("%s, %s GiB", category, size)
}

func bandwidthItem(r *request.Request) string {
	bw, _ := strconv.Atoi(r.Get("InternetMaxBandwidthOut"))
	switch {
	case bw <= 0:
		return i18n.Text("no public IP (InternetMaxBandwidthOut 0)")
	case chargeTypeOf(r) == "PayByBandwidth":
		return i18n.T("%d Mbit/s fixed (PayByBandwidth)", bw)
	}
	return i18n.T("%d Mbit/s peak, PayByTraffic (traffic billed per GB)", bw)
}

// balance adds an adjustment line when the itemised lines do not add up
// to the API's total, so that they always do.
func (b *Bill) balance() {
	var sum Money
	for _, l := range b.Lines {
		sum = sum.Plus(l.Money)
	}
	if d := b.Total.Minus(sum); !d.IsZero() {
		b.Lines = append(b.Lines, BillLine{Resource: "adjustment",
			Item: i18n.Text("difference between DescribePrice's total and its itemised parts (rounding or an order-level discount)"), Money: d})
	}
}

// averages fills PerHour and PerMonth.
func (b *Bill) averages() {
	hours := hoursPer[b.Unit] * float64(b.Period)
	b.PerHour = round3(b.Total.TradePrice / hours)
	b.PerMonth = round3(b.Total.TradePrice / hours * HoursPerMonth)
	if b.Unit == UnitHour {
		b.PerHour = b.Total.TradePrice
	}
}

// renewal fills Renewal: the total itself when a renewal is as long as the
// Period, else its own quote.
func (b *Bill) renewal(w *whole, rt term, quoted Money) {
	n, _ := strconv.Atoi(firstOf(w.req.Get("AutoRenewPeriod"), "1"))
	m := b.Total
	if rt != w.term {
		m = quoted
	}
	b.Renewal = &Renewal{AutoRenew: w.req.Get("AutoRenew") == "true", Period: n, Unit: b.Unit, Money: m}
}

func (b *Bill) notes(w *whole) {
	if w.term.unit == UnitYear {
		b.Notes = append(b.Notes, i18n.T("%d months are priced as %d Year (DescribePrice takes Month 1-9; yearly rules apply)", b.Period, w.term.period))
	}
	if len(w.disks) > maxDisksPerQuote {
		b.Notes = append(b.Notes, i18n.T("DescribePrice prices %[1]d data disks with an instance: DataDisk beyond the %[1]dth were priced one by one",
			maxDisksPerQuote))
	}
	if b.SpotStrategy != "" {
		if w.zone == "" {
			b.Notes = append(b.Notes, i18n.Text("the instance line is the current spot price with no zone given (the API's default zone); it changes by the hour"))
		} else {
			b.Notes = append(b.Notes, i18n.T("the instance line is the current spot price in %s; it changes by the hour", w.zone))
		}
		if lim := w.req.Get("SpotPriceLimit"); b.SpotStrategy == "SpotWithPriceLimit" && lim != "" {
			b.Notes = append(b.Notes, i18n.T("SpotPriceLimit caps an instance at %s %s/hour", lim, b.Currency))
		}
	}
}

// trafficPrice is the price of one GB of outbound traffic in a region
// (DescribePrice ResourceType=bandwidth answers the PayByTraffic price,
// docs/api-shapes.md §12), cached a day.
func (c *Catalog) trafficPrice(ctx context.Context, region string) (float64, string, error) {
	p, err := cached(ctx, c, kindTrafficPrice, region, "", func(ctx context.Context) (Price, error) {
		a, err := c.describePrice(ctx, region, func() *ecs.DescribePriceRequest {
			req := ecs.CreateDescribePriceRequest()
			req.RegionId, req.ResourceType, req.InternetChargeType = region, "bandwidth", "PayByTraffic"
			return req
		})
		return a.Price, err
	})
	return p.TradePrice, p.Currency, err
}
