package catalog

import (
	"context"
	"errors"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/request"
)

// The DescribePrice PriceUnit values (api-shapes.md §12).
const (
	unitHour  = "Hour"
	unitMonth = "Month"
)

func priceKey(zone, instanceType string, b Billing) string {
	return strings.Join([]string{b.key(), firstOf(zone, "any"), instanceType}, "-")
}

// TypePrice is the price of one instance of a type with the API's default
// disk and no bandwidth: per hour pay-as-you-go (and spot), per month
// subscription (DescribePrice, cached a day).
func (c *Catalog) TypePrice(ctx context.Context, regionID, zoneID, instanceType string, billing Billing) (Price, error) {
	b := billing.normalized()
	return cached(ctx, c, kindPrice, regionID, priceKey(zoneID, instanceType, b), func(ctx context.Context) (Price, error) {
		return c.describePrice(ctx, regionID, func() *ecs.DescribePriceRequest { return typePriceRequest(regionID, zoneID, instanceType, b) })
	})
}

func typePriceRequest(regionID, zoneID, instanceType string, b Billing) *ecs.DescribePriceRequest {
	req := ecs.CreateDescribePriceRequest()
	req.RegionId = regionID
	req.ResourceType = "instance"
	req.InstanceType = instanceType
	req.ZoneId = zoneID
	req.IoOptimized = "optimized"
	req.InstanceNetworkType = "vpc"
	req.SpotStrategy = b.spotStrategy()
	req.PriceUnit = unitHour
	if b.chargeType() == PrePaid {
		req.PriceUnit, req.Period = unitMonth, requests.NewInteger(1)
	}
	return req
}

// cachedPrice is a type's price if TypePrice fetched it in this process.
func (c *Catalog) cachedPrice(region, zone, instanceType string, b Billing) (Price, bool) {
	if e, ok := c.lookup(c.path(kindPrice, region, priceKey(zone, instanceType, b))); ok {
		return e.data.(Price), true
	}
	return Price{}, false
}

// Price quotes a whole composed request (DescribePrice): per hour for
// pay-as-you-go, per Period PeriodUnit for subscription, for Amount instances.
func (c *Catalog) Price(ctx context.Context, r *request.Request) (Price, error) {
	region := r.Get("RegionId")
	if region == "" {
		return Price{}, errNoRegion
	}
	if r.Get("InstanceType") == "" {
		return Price{}, errors.New("price: no InstanceType yet")
	}
	return c.describePrice(ctx, region, func() *ecs.DescribePriceRequest { return priceRequest(r) })
}

// priceRequest maps the RunInstances parameters DescribePrice shares with it
// to a fresh request; data disks use the repeat list only (sdk-notes.md §8).
func priceRequest(r *request.Request) *ecs.DescribePriceRequest {
	req := ecs.CreateDescribePriceRequest()
	req.RegionId = r.Get("RegionId")
	req.ResourceType = "instance"
	req.InstanceType = r.Get("InstanceType")
	req.ImageId = r.Get("ImageId")
	req.ZoneId = r.Get("ZoneId")
	req.IoOptimized = firstOf(r.Get("IoOptimized"), "optimized")
	req.InstanceNetworkType = "vpc"
	req.InternetChargeType = r.Get("InternetChargeType")
	req.InternetMaxBandwidthOut = requests.Integer(r.Get("InternetMaxBandwidthOut"))
	req.SystemDiskCategory = r.Get("SystemDisk.Category")
	req.SystemDiskSize = requests.Integer(r.Get("SystemDisk.Size"))
	req.SystemDiskPerformanceLevel = r.Get("SystemDisk.PerformanceLevel")
	req.Amount = requests.Integer(r.Get("Amount"))
	req.SpotStrategy = r.Get("SpotStrategy")
	req.SpotDuration = requests.Integer(r.Get("SpotDuration"))
	if n := r.Count("DataDisk"); n > 0 {
		disks := make([]ecs.DescribePriceDataDisk, 0, n)
		for i := 1; i <= n; i++ {
			it := r.Item("DataDisk", i)
			disks = append(disks, ecs.DescribePriceDataDisk{Category: it["Category"], Size: it["Size"], PerformanceLevel: it["PerformanceLevel"]})
		}
		req.DataDisk = &disks
	}
	req.PriceUnit = unitHour
	if r.Get("InstanceChargeType") == PrePaid {
		req.PriceUnit = firstOf(r.Get("PeriodUnit"), unitMonth)
		req.Period = requests.Integer(firstOf(r.Get("Period"), "1"))
		req.SpotStrategy = ""
	}
	return req
}

// describePrice sends DescribePrice with a request build makes afresh for
// every attempt: a sent request object keeps its signed parameters
// (sdk-notes.md §2).
func (c *Catalog) describePrice(ctx context.Context, region string, build func() *ecs.DescribePriceRequest) (Price, error) {
	var p Price
	err := c.ecsCall(ctx, "DescribePrice", region, func(cl *ecs.Client) error {
		req := build()
		resp, err := cl.DescribePrice(req)
		if err != nil {
			return err
		}
		pr := resp.PriceInfo.Price
		p = Price{Currency: pr.Currency, OriginalPrice: pr.OriginalPrice, TradePrice: pr.TradePrice, PriceUnit: req.PriceUnit}
		return nil
	})
	return p, err
}
