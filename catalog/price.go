package catalog

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// PriceUnit is what a price is per: DescribePrice's PriceUnit.
type PriceUnit string

// The PriceUnit values (docs/api-shapes.md §12). Pay-as-you-go and spot
// prices are per hour; subscriptions per week, month or year.
const (
	UnitHour  PriceUnit = "Hour"
	UnitWeek  PriceUnit = "Week"
	UnitMonth PriceUnit = "Month"
	UnitYear  PriceUnit = "Year"
)

// HoursPerMonth is what a month of pay-as-you-go is reckoned at: 365 × 24
// / 12 hours.
const HoursPerMonth = 730

// hoursPer is the hours in one unit, for per-hour and per-month averages
// of a subscription.
var hoursPer = map[PriceUnit]float64{UnitHour: 1, UnitWeek: 168, UnitMonth: HoursPerMonth, UnitYear: 12 * HoursPerMonth}

// Label is the unit as a figure's suffix reads it: "hour", "month".
func (u PriceUnit) Label() string { return strings.ToLower(string(u)) }

// Name is the unit as a person reads it after a price, in the current
// language: "hour", "month" (小时, 月).
func (u PriceUnit) Name() string {
	switch u {
	case UnitHour:
		return i18n.Text("hour")
	case UnitWeek:
		return i18n.Text("week")
	case UnitMonth:
		return i18n.Text("month")
	case UnitYear:
		return i18n.Text("year")
	}
	return u.Label()
}

// Periods is n of the unit, in the current language: "1 month",
// "3 months" (3 个月).
func (u PriceUnit) Periods(n int) string {
	switch u {
	case UnitHour:
		return i18n.T("%d hour(s)", i18n.Count(n))
	case UnitWeek:
		return i18n.T("%d week(s)", i18n.Count(n))
	case UnitMonth:
		return i18n.T("%d month(s)", i18n.Count(n))
	case UnitYear:
		return i18n.T("%d year(s)", i18n.Count(n))
	}
	return fmt.Sprintf("%d %s", n, u.Label())
}

// priceUnit is the unit a billing's prices come in: Hour for pay-as-you-go
// (and spot); for subscription the unit asked, Month by default.
func (b Billing) priceUnit(u PriceUnit) (PriceUnit, error) {
	if b.chargeType() == PrePaid {
		switch u {
		case "":
			return UnitMonth, nil
		case UnitWeek, UnitMonth, UnitYear:
			return u, nil
		}
		return "", i18n.Errorf("PriceUnit %q does not apply to a PrePaid subscription: use Week, Month or Year", u)
	}
	if u != "" && u != UnitHour {
		return "", i18n.Errorf("PriceUnit %q does not apply to pay-as-you-go (%s): its prices are per Hour", string(u), b.chargeType())
	}
	return UnitHour, nil
}

// Money is one figure of DescribePrice in its three parts: the list price,
// the discount and what is paid.
type Money struct {
	OriginalPrice float64 `json:"OriginalPrice"`
	DiscountPrice float64 `json:"DiscountPrice"`
	TradePrice    float64 `json:"TradePrice"`
}

// Plus adds two figures, rounded to the API's 3 decimals.
func (m Money) Plus(o Money) Money {
	return Money{round3(m.OriginalPrice + o.OriginalPrice), round3(m.DiscountPrice + o.DiscountPrice), round3(m.TradePrice + o.TradePrice)}
}

// Minus subtracts o, rounded to the API's 3 decimals.
func (m Money) Minus(o Money) Money {
	return Money{round3(m.OriginalPrice - o.OriginalPrice), round3(m.DiscountPrice - o.DiscountPrice), round3(m.TradePrice - o.TradePrice)}
}

// IsZero reports a figure of nothing.
func (m Money) IsZero() bool { return m == Money{} }

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

func priceKey(zone, instanceType string, b Billing, u PriceUnit) string {
	return strings.Join([]string{b.key(), string(u), firstOf(zone, "any"), instanceType}, "-")
}

// priceKind is where a billing's type prices are cached: a spot price
// changes by the hour, the others rarely.
func priceKind(b Billing) kind {
	if b.spotStrategy() != "" {
		return kindSpotPrice
	}
	return kindPrice
}

// TypePrice is the price of one instance of a type alone (DescribePrice's
// instanceType line, without the default disk the API adds): per hour
// pay-as-you-go (and spot), per month subscription (DescribePrice, cached a day; spot prices ten minutes).
func (c *Catalog) TypePrice(ctx context.Context, regionID, zoneID, instanceType string, billing Billing) (Price, error) {
	b := billing.normalized()
	u, _ := b.priceUnit("")
	return cached(ctx, c, priceKind(b), regionID, priceKey(zoneID, instanceType, b, u), func(ctx context.Context) (Price, error) {
		a, err := c.describePrice(ctx, regionID, func() *ecs.DescribePriceRequest { return typePriceRequest(regionID, zoneID, instanceType, b, u) })
		return a.typeFigure(), err
	})
}

func typePriceRequest(regionID, zoneID, instanceType string, b Billing, u PriceUnit) *ecs.DescribePriceRequest {
	req := ecs.CreateDescribePriceRequest()
	req.RegionId = regionID
	req.ResourceType = "instance"
	req.InstanceType = instanceType
	req.ZoneId = zoneID
	req.IoOptimized = "optimized"
	req.InstanceNetworkType = "vpc"
	req.SpotStrategy = b.spotStrategy()
	req.PriceUnit = string(u)
	if u != UnitHour {
		req.Period = requests.NewInteger(1)
	}
	return req
}

// cachedPrice is a type's hourly price if TypePrice or ZonePrices fetched it
// in this process.
func (c *Catalog) cachedPrice(region, zone, instanceType string, b Billing) (Price, bool) {
	if e, ok := c.lookup(c.path(priceKind(b), region, priceKey(zone, instanceType, b, UnitHour))); ok {
		return e.data.(Price), true
	}
	return Price{}, false
}

// Price quotes a whole composed request (DescribePrice): per hour for
// pay-as-you-go, per Period PeriodUnit for subscription, for Amount
// instances. It is the total of Bill, without the line items.
func (c *Catalog) Price(ctx context.Context, r *request.Request) (Price, error) {
	q, err := c.quoteWhole(ctx, r)
	if err != nil {
		return Price{}, err
	}
	return q.total(), nil
}

// errNoType: nothing to price yet.
var errNoType error = noTypeError{}

// noTypeError is errNoType, its text translated when read.
type noTypeError struct{}

func (noTypeError) Error() string { return i18n.Text("price: no InstanceType yet") }

// term is the DescribePrice PriceUnit and Period of a request: Hour for
// pay-as-you-go; for subscription its PeriodUnit and Period, with 12, 24, …
// months asked as whole years (DescribePrice takes Month 1-9 only,
// docs/api-shapes.md §12).
type term struct {
	unit   PriceUnit
	period int
}

func subscriptionTerm(periodUnit string, period int) term {
	u := PriceUnit(firstOf(periodUnit, string(UnitMonth)))
	if period < 1 {
		period = 1
	}
	if u == UnitMonth && period >= 12 && period%12 == 0 {
		return term{UnitYear, period / 12}
	}
	return term{u, period}
}

// termOf is the term a request is priced for.
func termOf(r *request.Request) term {
	if r.Get("InstanceChargeType") != PrePaid {
		return term{UnitHour, 1}
	}
	n, _ := strconv.Atoi(firstOf(r.Get("Period"), "1"))
	return subscriptionTerm(r.Get("PeriodUnit"), n)
}

// priceRequest maps the RunInstances parameters DescribePrice shares with
// it to a fresh request, priced for t with the given data disks (indexes
// into DataDisk.N, 1-based); data disks use the repeat list only
// (docs/sdk-notes.md §8).
func priceRequest(r *request.Request, zone string, t term, disks []int) *ecs.DescribePriceRequest {
	req := ecs.CreateDescribePriceRequest()
	req.RegionId = r.Get("RegionId")
	req.ResourceType = "instance"
	req.InstanceType = r.Get("InstanceType")
	req.ImageId = r.Get("ImageId")
	req.ZoneId = zone
	req.IoOptimized = firstOf(r.Get("IoOptimized"), "optimized")
	req.InstanceNetworkType = "vpc"
	req.InternetChargeType = r.Get("InternetChargeType")
	req.InternetMaxBandwidthOut = requests.Integer(r.Get("InternetMaxBandwidthOut"))
	req.SystemDiskCategory = r.Get("SystemDisk.Category")
	req.SystemDiskSize = requests.Integer(r.Get("SystemDisk.Size"))
	req.SystemDiskPerformanceLevel = r.Get("SystemDisk.PerformanceLevel")
	req.Amount = requests.Integer(r.Get("Amount"))
	if len(disks) > 0 {
		list := make([]ecs.DescribePriceDataDisk, 0, len(disks))
		for _, i := range disks {
			it := r.Item("DataDisk", i)
			list = append(list, ecs.DescribePriceDataDisk{Category: it["Category"], Size: it["Size"], PerformanceLevel: it["PerformanceLevel"]})
		}
		req.DataDisk = &list
	}
	req.PriceUnit = string(t.unit)
	if t.unit == UnitHour {
		req.SpotStrategy = r.Get("SpotStrategy")
		req.SpotDuration = requests.Integer(r.Get("SpotDuration"))
	} else {
		req.Period = requests.NewInteger(t.period)
	}
	return req
}

// answer is one DescribePrice answer: the whole and its parts.
type answer struct {
	Price Price
	Parts []part
	Rules []Rule
}

// part is one DetailInfo.
type part struct {
	Resource string
	Money
}

// Rule is a pricing rule DescribePrice applied (e.g. 587, "1-year
// subscription: 15% off").
type Rule struct {
	RuleId      int64  `json:"RuleId"`
	Description string `json:"Description"`
}

// describePrice sends DescribePrice with a request build makes afresh for
// every attempt: a sent request object keeps its signed parameters
// (docs/sdk-notes.md §2).
func (c *Catalog) describePrice(ctx context.Context, region string, build func() *ecs.DescribePriceRequest) (answer, error) {
	var a answer
	err := c.ecsCall(ctx, "DescribePrice", region, func(cl *ecs.Client) error {
		req := build()
		resp, err := cl.DescribePrice(req)
		if err != nil {
			return err
		}
		a = answerOf(resp, req)
		return nil
	})
	return a, err
}

func answerOf(resp *ecs.DescribePriceResponse, req *ecs.DescribePriceRequest) answer {
	pr := resp.PriceInfo.Price
	period, _ := strconv.Atoi(string(req.Period))
	a := answer{Price: Price{Currency: pr.Currency, OriginalPrice: pr.OriginalPrice, DiscountPrice: pr.DiscountPrice,
		TradePrice: pr.TradePrice, PriceUnit: firstOf(req.PriceUnit, string(UnitHour)), Period: max(period, 1)}}
	for _, d := range pr.DetailInfos.DetailInfo {
		a.Parts = append(a.Parts, part{d.Resource, Money{d.OriginalPrice, d.DiscountPrice, d.TradePrice}})
	}
	for _, r := range resp.PriceInfo.Rules.Rule {
		a.Rules = append(a.Rules, Rule{RuleId: r.RuleId, Description: r.Description})
	}
	return a
}

// typeFigure is a type's own price in a type-only quote: the answer's
// instanceType line, without the default system disk DescribePrice adds.
// It is what the review's InstanceType line says for the same type, so the
// type table and the bill never disagree; the whole answer when the API
// gave no lines.
func (a answer) typeFigure() Price {
	m, ok := a.partOf("instanceType")
	if !ok {
		return a.Price
	}
	p := a.Price
	p.OriginalPrice, p.DiscountPrice, p.TradePrice = m.OriginalPrice, m.DiscountPrice, m.TradePrice
	return p
}

// money is the answer's whole figure.
func (a answer) money() Money {
	return Money{a.Price.OriginalPrice, a.Price.DiscountPrice, a.Price.TradePrice}
}

// partOf is the first part of a resource.
func (a answer) partOf(resource string) (Money, bool) {
	for _, p := range a.Parts {
		if p.Resource == resource {
			return p.Money, true
		}
	}
	return Money{}, false
}
