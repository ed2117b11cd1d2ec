package sandbox

import (
	"fmt"
	"net/http"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// DescribeSpotPriceHistory limits (docs/api-shapes.md §12 for the
// parameters: StartTime defaults to 3 days before EndTime and may be at
// most 30 days before it; a page holds 1000 rows, Offset pages on).
const (
	spotDefaultWindow = 3 * 24 * time.Hour
	spotMaxWindow     = 30 * 24 * time.Hour
	spotPageRows      = 1000
	// spotTimeLayout is the API's UTC ISO 8601 form, YYYY-MM-DDTHH:MM:SSZ.
	spotTimeLayout = "2006-01-02T15:04:05Z"
)

// describeSpotPriceHistory answers a type's hourly spot prices in a zone,
// oldest first, from the same function DescribePrice and RunInstances price
// spot instances with (world.SpotHourly): the last row is the current price.
// A type the zone does not sell as spot has no rows.
func (c *call) describeSpotPriceHistory() (any, error) {
	for _, k := range []string{"ZoneId", "NetworkType", "InstanceType"} {
		if c.p.Get(k) == "" {
			return nil, errMissing(k)
		}
	}
	network := c.p.Get("NetworkType")
	if network != "vpc" && network != "classic" {
		return nil, errInvalid("NetworkType", network)
	}
	z, ok := c.s.world.Zone(c.region.RegionId, c.p.Get("ZoneId"))
	if !ok {
		return nil, &apiError{http.StatusNotFound, "InvalidZoneId.NotFound", "The specified zone does not exist."}
	}
	t, ok := c.s.world.Type(c.p.Get("InstanceType"))
	if !ok {
		return nil, &apiError{http.StatusBadRequest, "InvalidInstanceType.ValueNotSupported", "The specified InstanceType does not exist or is not supported."}
	}
	start, end, err := c.spotWindow()
	if err != nil {
		return nil, err
	}
	offset, err := c.p.intParam("Offset", 0)
	if err != nil || offset < 0 {
		return nil, errInvalid("Offset", c.p.Get("Offset"))
	}
	resp := &ecs.DescribeSpotPriceHistoryResponse{RequestId: c.requestID, Currency: world.Currency}
	resp.SpotPrices.SpotPriceType = []ecs.SpotPriceType{}
	if world.Availability(c.region, z, t, "PostPaid", "SpotAsPriceGo") == world.NotOffered {
		return resp, nil
	}
	points := world.SpotHistory(c.region, z, t, start, end)
	payg := world.TypeHourly(c.region, t)
	for i := offset; i < len(points) && i < offset+spotPageRows; i++ {
		resp.SpotPrices.SpotPriceType = append(resp.SpotPrices.SpotPriceType, ecs.SpotPriceType{
			ZoneId: z.ZoneId, InstanceType: t.InstanceTypeId, IoOptimized: "optimized", NetworkType: network,
			Timestamp: points[i].Hour.Format(spotTimeLayout), SpotPrice: points[i].Price, OriginPrice: payg,
		})
	}
	if offset+spotPageRows < len(points) {
		resp.NextOffset = offset + spotPageRows
	}
	return resp, nil
}

// spotWindow reads StartTime and EndTime: EndTime defaults to now (and
// there are no prices after now), StartTime to 3 days before EndTime and
// may be at most 30 days before it.
func (c *call) spotWindow() (start, end time.Time, err error) {
	now := c.s.now().UTC()
	end = now
	if v := c.p.Get("EndTime"); v != "" {
		if end, err = time.Parse(spotTimeLayout, v); err != nil {
			return start, end, errInvalid("EndTime", v)
		}
		if end.After(now) {
			end = now
		}
	}
	start = end.Add(-spotDefaultWindow)
	if v := c.p.Get("StartTime"); v != "" {
		if start, err = time.Parse(spotTimeLayout, v); err != nil {
			return start, end, errInvalid("StartTime", v)
		}
	}
	if start.After(end) || end.Sub(start) > spotMaxWindow {
		return start, end, &apiError{http.StatusBadRequest, "InvalidParameter", fmt.Sprintf(
			"The specified parameter \"StartTime\" is not valid: %s must be at most 30 days before EndTime %s, and not after it.",
			start.Format(spotTimeLayout), end.Format(spotTimeLayout))}
	}
	return start, end, nil
}
