package flow

import (
	"context"
	"errors"
	"strconv"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/rules"
)

// pricer is the catalog's pricing, when the reader has it.
func pricer(d Deps) (catalog.Pricer, bool) {
	p, ok := d.Reader.(catalog.Pricer)
	return p, ok
}

// priceZone prices every available type of a zone, reporting progress.
type priceZone struct {
	id           int // the types load it belongs to
	region, zone string
	billing      catalog.Billing
	unit         catalog.PriceUnit
	progress     chan Result
}

// PricingProgress is how far a zone's pricing is.
type PricingProgress struct {
	ID          int
	Done, Total int
}

func (PricingProgress) result() {}

// ZonePriced answers priceZone; Err is a partial failure (some types have
// no price) or the catalog's having no pricing at all.
type ZonePriced struct {
	ID     int
	Prices catalog.ZonePrices
	Err    error
}

func (ZonePriced) result() {}

// errNoPricing: the reader cannot price (a test fake).
var errNoPricing = errors.New("this catalog has no prices")

// Run prices the zone; progress is reported on the effect's channel.
func (e priceZone) Run(ctx context.Context, d Deps) Result {
	defer close(e.progress)
	p, ok := pricer(d)
	if !ok {
		return ZonePriced{ID: e.id, Err: errNoPricing}
	}
	zp, err := p.ZonePrices(ctx, e.region, e.zone, e.billing, e.unit, func(done, total int) {
		select {
		case e.progress <- PricingProgress{ID: e.id, Done: done, Total: total}:
		default: // the driver is behind: it gets the next one
		}
	})
	return ZonePriced{ID: e.id, Prices: zp, Err: err}
}

// Pricing is how far the type table's prices are: every available type of
// the zone is priced before sorting by price is offered.
type Pricing struct {
	Done, Total int
	Complete    bool
	Unit        catalog.PriceUnit
	Currency    string
	Err         error
}

// Pricing is the type table's pricing state.
func (c *Controller) Pricing() Pricing { return c.pricing }

// TypePrice is a type's price in the pricing's unit, if known.
func (c *Controller) TypePrice(id string) (catalog.Price, bool) {
	p, ok := c.typePrices[id]
	return p, ok
}

// unitOf is the unit a billing's type prices come in.
func unitOf(b catalog.Billing, periodUnit string) catalog.PriceUnit {
	if b.InstanceChargeType == "PrePaid" {
		if periodUnit == "Week" {
			return catalog.PriceUnit("Week")
		}
		return catalog.PriceUnit("Month")
	}
	return catalog.PriceUnit("Hour")
}

// startZonePricing prices the zone's types in the background, after the
// default type's candidates.
func (c *Controller) startZonePricing(id int, zone string) Effect {
	u := unitOf(c.billing(), c.draft.Req.Get("PeriodUnit"))
	c.pricing = Pricing{Unit: u}
	c.typePrices = map[string]catalog.Price{}
	return priceZone{id: id, region: c.region(), zone: zone, billing: c.billing(), unit: u, progress: make(chan Result, 1)}
}

func (c *Controller) onPricingProgress(r PricingProgress) {
	if r.ID != c.seq[loadTypesKind] || c.pricing.Complete {
		return
	}
	c.pricing.Done, c.pricing.Total = r.Done, r.Total
	c.touch()
}

func (c *Controller) onZonePriced(r ZonePriced) {
	if r.ID != c.seq[loadTypesKind] {
		return
	}
	c.pricing.Complete, c.pricing.Err = true, r.Err
	if errors.Is(r.Err, errNoPricing) {
		c.pricing.Err = nil // prices come type by type (TypePrice) where there is no zone pricing
	}
	c.pricing.Currency = r.Prices.Currency
	for id, p := range r.Prices.Prices {
		c.typePrices[id] = p
	}
	c.pricing.Done = len(r.Prices.Prices)
	if c.pricing.Total < c.pricing.Done {
		c.pricing.Total = c.pricing.Done
	}
	for i, t := range c.env.Types {
		if p, ok := c.typePrices[t.InstanceTypeId]; ok {
			c.env.Types[i].PricePerHour = p.TradePrice // the billing's unit: it orders the types
		}
	}
	c.touch()
}

// spot advice ----------------------------------------------------------------

// loadSpot reads a type's spot prices and a suggested limit.
type loadSpot struct {
	id                     int
	region, zone, typ, osT string
}

// SpotLoaded answers loadSpot.
type SpotLoaded struct {
	ID     int
	Type   string
	Advice catalog.SpotAdvice
	Err    error
}

func (SpotLoaded) result() {}

// Run asks the catalog.
func (e loadSpot) Run(ctx context.Context, d Deps) Result {
	p, ok := pricer(d)
	if !ok {
		return SpotLoaded{ID: e.id, Type: e.typ, Err: errNoPricing}
	}
	a, err := p.SpotAdvice(ctx, e.region, e.zone, e.typ, e.osT)
	return SpotLoaded{ID: e.id, Type: e.typ, Advice: a, Err: err}
}

// Spot is the chosen type's spot prices, when the billing is spot with a
// price limit: the last days' history, the current price and a limit.
func (c *Controller) Spot() (catalog.SpotAdvice, bool, error) {
	s := c.spot
	if s.typ != c.draft.Req.Get("InstanceType") || !s.ok {
		return catalog.SpotAdvice{}, false, s.err
	}
	return s.advice, true, nil
}

type spotState struct {
	typ    string
	advice catalog.SpotAdvice
	ok     bool
	err    error
	seq    int
}

// askSpot loads the spot prices of the chosen type, when its limit is asked.
func (c *Controller) askSpot() []Effect {
	t := c.draft.Req.Get("InstanceType")
	if c.draft.Req.Get("SpotStrategy") != "SpotWithPriceLimit" || t == "" || (c.spot.typ == t && (c.spot.ok || c.spot.err != nil)) {
		return nil
	}
	c.spot.seq++
	c.spot.typ, c.spot.ok, c.spot.err = t, false, nil
	osType := "linux"
	if c.draft.Windows() {
		osType = "windows"
	}
	return []Effect{loadSpot{id: c.spot.seq, region: c.region(), zone: c.draft.Req.Get("ZoneId"), typ: t, osT: osType}}
}

func (c *Controller) onSpot(r SpotLoaded) {
	if r.ID != c.spot.seq || r.Type != c.spot.typ {
		return
	}
	c.spot.advice, c.spot.ok, c.spot.err = r.Advice, r.Err == nil, r.Err
	// The limit's default is the suggested one, once known.
	if r.Err == nil && c.draft.Req.Get("SpotPriceLimit") == "" && r.Advice.SuggestedLimit > 0 {
		_ = c.draft.Req.Set("SpotPriceLimit", strconv.FormatFloat(r.Advice.SuggestedLimit, 'f', 3, 64))
	}
	c.touch()
}

// spotFindings flags a limit below the current spot price at once, as ECS
// refuses it (InvalidSpotPriceLimit.LowerThanPublicPrice, docs/rules.md T1-63).
func (c *Controller) spotFindings(key, value string) []rules.Finding {
	if key != "SpotPriceLimit" {
		return nil
	}
	a, ok, _ := c.Spot()
	limit, err := strconv.ParseFloat(value, 64)
	if !ok || err != nil || a.Current.SpotPrice <= 0 || limit >= a.Current.SpotPrice {
		return nil
	}
	return []rules.Finding{{Parameter: "SpotPriceLimit", Severity: rules.Error, Code: "InvalidSpotPriceLimit.LowerThanPublicPrice", Row: "T1-63",
		Message: i18n.T("SpotPriceLimit %s is below the current spot price of %s, %.3f %s/hour: ECS refuses it; %.3f is suggested",
			value, c.draft.Req.Get("InstanceType"), a.Current.SpotPrice, a.Currency, a.SuggestedLimit)}}
}

// the bill ----------------------------------------------------------------

// billOf quotes a request line by line where the catalog can.
func billOf(ctx context.Context, d Deps, e quote) Quoted {
	if p, ok := pricer(d); ok {
		b, err := p.Bill(ctx, e.req)
		if err != nil {
			return Quoted{ID: e.id, Err: err}
		}
		return Quoted{ID: e.id, Price: b.Price(), Bill: b}
	}
	pr, err := d.Reader.Price(ctx, e.req)
	return Quoted{ID: e.id, Price: pr, Err: err}
}

// Bill is the line-by-line quote of the request as it is now, if the
// catalog gives one (nil otherwise: Quote has the total).
func (c *Controller) Bill() *catalog.Bill {
	if c.quote.key != pricingKey(c.draft.Req) || !c.quote.ok {
		return nil
	}
	return c.quote.bill
}
