package catalog

import (
	"context"
	"math"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/rules"
)

// SpotWindow is how far back SpotHistory reaches.
const SpotWindow = 7 * 24 * time.Hour

// spotTimeLayout is DescribeSpotPriceHistory's UTC ISO 8601 form.
const spotTimeLayout = "2006-01-02T15:04:05Z"

// maxSpotPages stops a server that never ends the history.
const maxSpotPages = 50

// SpotPoint is one row of DescribeSpotPriceHistory: the spot price of one
// instance per hour from Timestamp on, and the pay-as-you-go price it is
// taken off (OriginPrice).
type SpotPoint struct {
	Timestamp   time.Time `json:"Timestamp"`
	SpotPrice   float64   `json:"SpotPrice"`
	OriginPrice float64   `json:"OriginPrice"`
}

// SpotHistory is a type's spot prices in a zone over the last SpotWindow,
// oldest first (DescribeSpotPriceHistory, cached five minutes). Prices are
// per instance per hour.
type SpotHistory struct {
	RegionId     string      `json:"RegionId"`
	ZoneId       string      `json:"ZoneId"`
	InstanceType string      `json:"InstanceType"`
	OSType       string      `json:"OSType"`
	Currency     string      `json:"Currency"`
	Points       []SpotPoint `json:"Points"`
}

// Current is the latest point: the price now. False when the zone does not
// sell the type as spot (no rows).
func (h SpotHistory) Current() (SpotPoint, bool) {
	if len(h.Points) == 0 {
		return SpotPoint{}, false
	}
	return h.Points[len(h.Points)-1], true
}

// Prices are the points' spot prices, oldest first: the series to draw
// (spark.Line).
func (h SpotHistory) Prices() []float64 {
	out := make([]float64, len(h.Points))
	for i, p := range h.Points {
		out[i] = p.SpotPrice
	}
	return out
}

// High is the highest spot price of the window (0 with no points).
func (h SpotHistory) High() float64 {
	var hi float64
	for _, p := range h.Points {
		hi = math.Max(hi, p.SpotPrice)
	}
	return hi
}

// SpotHistory reads a type's spot price history in a zone for an OS type
// ("linux" by default) over the last SpotWindow. The window ends now, so a
// cached history is used only while it is fresh (five minutes).
func (c *Catalog) SpotHistory(ctx context.Context, regionID, zoneID, instanceType, osType string) (SpotHistory, error) {
	if zoneID == "" {
		return SpotHistory{}, i18n.Errorf("spot price history of %s: no ZoneId (spot prices are per zone)", instanceType)
	}
	osType = strings.ToLower(firstOf(osType, "linux"))
	sub := strings.Join([]string{zoneID, osType, instanceType}, "-")
	return cached(ctx, c, kindSpotHistory, regionID, sub, func(ctx context.Context) (SpotHistory, error) {
		return c.fetchSpotHistory(ctx, regionID, zoneID, instanceType, osType)
	})
}

func (c *Catalog) fetchSpotHistory(ctx context.Context, region, zone, instanceType, osType string) (SpotHistory, error) {
	h := SpotHistory{RegionId: region, ZoneId: zone, InstanceType: instanceType, OSType: osType, Points: []SpotPoint{}}
	end := c.opts.Now().UTC()
	start := end.Add(-SpotWindow)
	offset := 0
	for page := 0; page < maxSpotPages; page++ {
		var rows []ecs.SpotPriceType
		next := 0
		err := c.ecsCall(ctx, "DescribeSpotPriceHistory", firstOf(zone, region), func(cl *ecs.Client) error {
			req := ecs.CreateDescribeSpotPriceHistoryRequest()
			req.RegionId, req.ZoneId, req.InstanceType = region, zone, instanceType
			req.NetworkType, req.IoOptimized, req.OSType = "vpc", "optimized", osType
			req.StartTime, req.EndTime = start.Format(spotTimeLayout), end.Format(spotTimeLayout)
			if offset > 0 {
				req.Offset = requests.NewInteger(offset)
			}
			resp, err := cl.DescribeSpotPriceHistory(req)
			if err != nil {
				return err
			}
			rows, next, h.Currency = resp.SpotPrices.SpotPriceType, resp.NextOffset, firstOf(resp.Currency, h.Currency)
			return nil
		})
		if err != nil {
			return SpotHistory{}, err
		}
		for _, r := range rows {
			t, err := time.Parse(spotTimeLayout, r.Timestamp)
			if err != nil {
				continue // a row without a readable time cannot be placed
			}
			h.Points = append(h.Points, SpotPoint{Timestamp: t, SpotPrice: r.SpotPrice, OriginPrice: r.OriginPrice})
		}
		if next <= offset || len(rows) == 0 {
			return h, nil
		}
		offset = next
	}
	return SpotHistory{}, i18n.Errorf("DescribeSpotPriceHistory of %s in %s: more than %d pages", instanceType, zone, maxSpotPages)
}

// SpotPrice implements rules.Catalog: the latest DescribeSpotPriceHistory
// row (linux unless osType says windows).
func (c *Catalog) SpotPrice(ctx context.Context, regionID, zoneID, instanceType, osType string) (rules.SpotPriceFacts, error) {
	h, err := c.SpotHistory(ctx, regionID, zoneID, instanceType, osType)
	if err != nil {
		return rules.SpotPriceFacts{}, err
	}
	p, ok := h.Current()
	if !ok {
		return rules.SpotPriceFacts{}, i18n.Errorf("spot price of %s in %s in %s: %w", instanceType, zoneID, regionID, rules.ErrNotFound)
	}
	return rules.SpotPriceFacts{Price: p.SpotPrice, Currency: h.Currency, Since: p.Timestamp}, nil
}

// SpotAdvice is what the wizard shows beside SpotPriceLimit once a type is
// chosen: the price now, the week's history, the pay-as-you-go price and a
// suggested limit. Prices are per instance per hour (UnitHour).
type SpotAdvice struct {
	History SpotHistory `json:"History"`
	Current SpotPoint   `json:"Current"`
	// PayAsYouGo is the type's pay-as-you-go price per hour, the instance
	// alone (the history's OriginPrice, else DescribePrice's instanceType
	// part): a limit above it buys nothing a pay-as-you-go instance would not.
	PayAsYouGo float64 `json:"PayAsYouGo"`
	// SuggestedLimit is SuggestSpotPriceLimit of the above.
	SuggestedLimit float64   `json:"SuggestedLimit"`
	Currency       string    `json:"Currency"`
	Unit           PriceUnit `json:"Unit"`
}

// SpotAdvice reads the spot history of a type in a zone and suggests a
// SpotPriceLimit. It fails when the zone does not sell the type as spot.
func (c *Catalog) SpotAdvice(ctx context.Context, regionID, zoneID, instanceType, osType string) (SpotAdvice, error) {
	a := SpotAdvice{Unit: UnitHour}
	var err error
	if a.History, err = c.SpotHistory(ctx, regionID, zoneID, instanceType, osType); err != nil {
		return a, err
	}
	cur, ok := a.History.Current()
	if !ok {
		return a, i18n.Errorf("%s is not sold as a spot instance in %s: DescribeSpotPriceHistory has no price", instanceType, zoneID)
	}
	a.Current, a.Currency, a.PayAsYouGo = cur, a.History.Currency, cur.OriginPrice
	if a.PayAsYouGo <= 0 {
		// Without OriginPrice, the instance's part of a pay-as-you-go quote.
		q, err := c.describePrice(ctx, regionID, func() *ecs.DescribePriceRequest {
			return typePriceRequest(regionID, zoneID, instanceType, Billing{}.normalized(), UnitHour)
		})
		if err != nil {
			return a, err
		}
		m, _ := q.partOf("instanceType")
		a.PayAsYouGo = m.TradePrice
	}
	a.SuggestedLimit = SuggestSpotPriceLimit(cur.SpotPrice, a.History.High(), a.PayAsYouGo)
	return a, nil
}

// spotHeadroom is how far above the current price a suggested limit sits:
// spot prices move by the hour, and a limit just at today's price is
// outbid (and the instance reclaimed) by the first rise.
const spotHeadroom = 1.2

// SuggestSpotPriceLimit suggests a SpotPriceLimit: the current price with
// 20 % headroom or the window's high, whichever is more, rounded up to the
// 3 decimals SpotPriceLimit takes (docs/rules.md T1-63), capped at the
// pay-as-you-go price (0: no cap) and never below the current price.
func SuggestSpotPriceLimit(current, high, payAsYouGo float64) float64 {
	s := math.Max(current*spotHeadroom, high)
	s = math.Ceil(s*1000-1e-6) / 1000
	if payAsYouGo > 0 {
		s = math.Min(s, payAsYouGo)
	}
	return math.Max(s, current)
}
