package world

import (
	"math"
	"strconv"
	"time"
)

// The price formula (CNY, China-mainland list price, then × the region's
// PriceFactor). Pay-as-you-go per hour:
//
//	type   = family factor × (0.18 × vCPU + 0.035 × GiB + GPU rate × GPUs + 0.00025 × local-SSD GiB)
//	disk   = GiB × per-GiB-hour rate of the category (and ESSD performance level)
//	band   = PayByBandwidth: 0.063 per Mbit/s for the first 5, 0.25 above; PayByTraffic: 0 (billed per GB)
//
// Subscription (PrePaid) per week = hourly × 168 × 0.6, per month = hourly ×
// 720 × 0.6; per year = 12 months less 15 % (rule 587). Spot: see SpotHourly.
// Outbound traffic (PayByTraffic) costs 0.8 per GB × PriceFactor. Prices are
// rounded to 3 decimals.
const (
	perVCPU        = 0.18
	perGiB         = 0.035
	perLocalGiB    = 0.00025
	monthHours     = 720
	monthFactor    = 0.6
	yearDiscount   = 0.15
	trafficPerGB   = 0.8
	bandwidthLow   = 0.063
	bandwidthHigh  = 0.25
	YearlyRuleId   = 587
	YearlyRuleText = "1-year subscription: 15% off"
)

// Currency is what every sandbox price is in: the China site's.
const Currency = "CNY"

var gpuRates = map[string]float64{"NVIDIA A10": 7.5, "NVIDIA T4": 4.8, "NVIDIA V100": 17}

// diskRates is the per-GiB-hour price of each disk category; ESSD by level.
var diskRates = map[string]float64{
	"cloud": 0.0004, "cloud_efficiency": 0.0005, "cloud_ssd": 0.001, "cloud_auto": 0.001, "cloud_essd_entry": 0.0007,
	"cloud_essd:PL0": 0.00075, "cloud_essd:PL1": 0.0015, "cloud_essd:PL2": 0.003, "cloud_essd:PL3": 0.006,
}

// Round3 rounds a price to 3 decimals.
func Round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// The system disk DescribePrice adds when the request names none (the
// sandbox's DescribePrice, package sandbox, pricing.go).
const (
	defaultSystemDiskCategory = "cloud_efficiency"
	defaultSystemDiskGiB      = 40
)

// TypeHourly is the pay-as-you-go hourly price of one instance of t in r.
// In a recorded region it is the recorded TypePrice (the type's own line),
// so the sandbox quotes a type exactly as the recorded account did.
func TypeHourly(r Region, t InstanceType) float64 {
	if p, ok := r.prices[t.InstanceTypeId]; ok {
		return p
	}
	base := perVCPU*float64(t.Cpu) + perGiB*t.MemoryGiB + gpuRates[t.GPUSpec]*float64(t.GPUAmount) +
		perLocalGiB*float64(int64(t.LocalStorageAmount)*t.LocalStorageCapacity)
	return Round3(base * t.priceFactor * r.PriceFactor)
}

// DiskHourly is the hourly price of a disk; level applies to cloud_essd
// (PL1 when empty).
func DiskHourly(r Region, category, level string, sizeGiB int) float64 {
	key := category
	if category == "cloud_essd" {
		if level == "" {
			level = "PL1"
		}
		key += ":" + level
	}
	rate, ok := diskRates[key]
	if !ok {
		rate = diskRates["cloud_efficiency"]
	}
	return Round3(rate * float64(sizeGiB) * r.PriceFactor)
}

// BandwidthHourly is the hourly price of the outbound bandwidth.
func BandwidthHourly(r Region, chargeType string, mbps int) float64 {
	if chargeType != "PayByBandwidth" || mbps <= 0 {
		return 0
	}
	low := math.Min(float64(mbps), 5)
	high := math.Max(float64(mbps)-5, 0)
	return Round3((low*bandwidthLow + high*bandwidthHigh) * r.PriceFactor)
}

// Period converts an hourly price to the price for the unit asked: Hour,
// Week, Month or Year (PrePaid), times period. It also returns the discount
// (only Year has one).
func Period(hourly float64, unit string, period int) (original, discount float64) {
	if period < 1 {
		period = 1
	}
	switch unit {
	case "Week":
		original = hourly * 168 * monthFactor * float64(period)
	case "Month":
		original = hourly * monthHours * monthFactor * float64(period)
	case "Year":
		original = hourly * monthHours * monthFactor * 12 * float64(period)
		discount = original * yearDiscount
	default:
		original = hourly * float64(period)
	}
	return Round3(original), Round3(discount)
}

// TrafficPerGB is the price of one GB of outbound traffic (PayByTraffic).
func TrafficPerGB(r Region) float64 { return Round3(trafficPerGB * r.PriceFactor) }

// Spot prices move by the hour and differ by zone and type, as the real
// ones do. A spot price is the pay-as-you-go price × a factor that depends
// only on region, zone, type and the UTC hour, so every sandbox, every
// client and every call in the same hour agree:
//
//	factor = base × (0.8 + 0.4 × wave(hour))
//
// base is 0.12–0.24, fixed per (region, zone, type); wave is a smooth value
// noise in [0, 1] with a knot every spotKnotHours. The price is never above
// the pay-as-you-go price and never below 0.001.
const (
	spotBaseMin   = 0.12
	spotBaseSpan  = 0.12
	spotKnotHours = 6
)

// SpotHourly is the spot price of one instance of t in zone z of r during
// the UTC hour that contains at.
func SpotHourly(r Region, z Zone, t InstanceType, at time.Time) float64 {
	payg := TypeHourly(r, t)
	seed := r.RegionId + "/" + z.ZoneId + "/" + t.InstanceTypeId
	base := spotBaseMin + spotBaseSpan*unit(seed)
	factor := base * (0.8 + 0.4*wave(seed, hourOf(at)))
	return math.Min(payg, math.Max(0.001, Round3(payg*factor)))
}

// SpotPoint is the spot price from an hour on.
type SpotPoint struct {
	Hour  time.Time // the UTC hour the price starts at
	Price float64
}

// SpotHistory is the spot price of t in z of r for every hour from the one
// containing start through the one containing end, oldest first.
func SpotHistory(r Region, z Zone, t InstanceType, start, end time.Time) []SpotPoint {
	var out []SpotPoint
	for h := hourOf(start); h <= hourOf(end); h++ {
		at := time.Unix(h*3600, 0).UTC()
		out = append(out, SpotPoint{Hour: at, Price: SpotHourly(r, z, t, at)})
	}
	return out
}

// hourOf is the number of whole hours since the Unix epoch.
func hourOf(t time.Time) int64 {
	s := t.Unix()
	if s < 0 {
		return (s - 3599) / 3600
	}
	return s / 3600
}

// unit maps a string to [0, 1) deterministically.
func unit(s string) float64 { return float64(hash(s)%1_000_000) / 1_000_000 }

// wave is value noise: knot values every spotKnotHours hours, smoothly
// interpolated (smoothstep) between them.
func wave(seed string, hour int64) float64 {
	k := hour / spotKnotHours
	if hour < 0 && hour%spotKnotHours != 0 {
		k--
	}
	f := float64(hour-k*spotKnotHours) / spotKnotHours
	a := unit(seed + "#" + strconv.FormatInt(k, 10))
	b := unit(seed + "#" + strconv.FormatInt(k+1, 10))
	return a + (b-a)*f*f*(3-2*f)
}
