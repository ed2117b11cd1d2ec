package world

import (
	"hash/fnv"
	"strings"
)

// Status of an instance type in a zone, as DescribeAvailableResource reports
// it, plus NotOffered for a type the zone does not sell.
type Status string

// The statuses.
const (
	Available  Status = "Available"
	SoldOut    Status = "SoldOut"
	NotOffered Status = "NotOffered"
)

// CheapestGeneral is the cheapest general-purpose 2-vCPU type (by the price
// formula, see price.go): the wizard's default, so it is offered and in
// stock in the first zone of every region, with every billing method.
const CheapestGeneral = "ecs.g6.large"

// alwaysInFirstZone are types kept in stock in every region's first zone so
// that defaults and examples always work.
var alwaysInFirstZone = map[string]bool{CheapestGeneral: true, "ecs.g7.large": true, "ecs.c7.large": true, "ecs.g8y.large": true}

// fixedSoldOut are well-known sold-out pairs, for tests and demos.
var fixedSoldOut = map[[2]string]bool{
	{"cn-hangzhou-j", "ecs.g7.large"}: true,
	{"cn-beijing-h", "ecs.c7.large"}:  true,
	{"cn-shanghai-m", "ecs.g7.large"}: true,
}

// armRegions are the regions that sell the Yitian ARM families.
var armRegions = map[string]bool{
	"cn-hangzhou": true, "cn-shanghai": true, "cn-beijing": true, "cn-shenzhen": true, "cn-zhangjiakou": true,
	"cn-wulanchabu": true, "cn-qingdao": true, "cn-chengdu": true, "cn-hongkong": true, "ap-southeast-1": true,
	"ap-northeast-1": true, "eu-central-1": true, "us-west-1": true, "us-east-1": true,
}

// Availability tells whether zone z of region r sells type t for the
// billing method (chargeType PostPaid|PrePaid, spot NoSpot|Spot…). The rules:
//   - single-zone (local or partner) regions sell no GPU, bare metal or local-SSD types;
//   - GPU types only in the first two zones, bare metal only in the first zone,
//     local SSD only in even-numbered zones;
//   - 8th-generation x86 types are not yet in every third zone;
//   - ARM types only in the regions of armRegions, and not in odd zones of big regions;
//   - burstable and economy types are not sold as spot instances;
//   - about one pair in 19 is sold out (a hash of zone and type), plus fixedSoldOut.
//
// A recorded zone answers from its recording instead: what the account's
// DescribeAvailableResource said, NotOffered for a type it did not list.
func Availability(r Region, z Zone, t InstanceType, chargeType, spot string) Status {
	if z.stock != nil {
		if s, ok := z.stock[StockKey(chargeType, spot)][t.InstanceTypeId]; ok {
			return s
		}
		return NotOffered
	}
	if alwaysInFirstZone[t.InstanceTypeId] && z.Index == 0 {
		if t.kind == kindARM && !armRegions[r.RegionId] {
			return NotOffered
		}
		return Available
	}
	if !offered(r, z, t, chargeType, spot) {
		return NotOffered
	}
	if fixedSoldOut[[2]string{z.ZoneId, t.InstanceTypeId}] || hash(z.ZoneId+"/"+t.InstanceTypeId)%19 == 0 {
		return SoldOut
	}
	return Available
}

func offered(r Region, z Zone, t InstanceType, chargeType, spot string) bool {
	small := len(r.Zones) == 1
	isSpot := spot != "" && spot != "NoSpot" && !strings.EqualFold(chargeType, "PrePaid")
	switch t.kind {
	case kindGPU:
		return !small && z.Index < 2
	case kindBareMetal:
		return !small && z.Index == 0 && !isSpot
	case kindLocalSSD:
		return !small && z.Index%2 == 0
	case kindNewest:
		return z.Index%3 != 2
	case kindARM:
		return armRegions[r.RegionId] && (len(r.Zones) <= 2 || z.Index%2 == 0)
	case kindBurstable, kindEconomy:
		return !isSpot
	}
	return true
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}
