package sandbox

import (
	"context"
	"strings"
	"time"

	"github.com/ecslaunch/ecslaunch/rules"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// stateCatalog answers the rules' catalog questions from the sandbox's own
// world and state, so rules.ValidateOnline checks references exactly as the
// sandbox will resolve them.
type stateCatalog struct{ s *Server }

var _ rules.Catalog = stateCatalog{}

// Image implements rules.Catalog.
func (c stateCatalog) Image(_ context.Context, regionID, imageID string) (rules.ImageFacts, error) {
	img, ok := c.s.world.ImageIn(regionID, imageID)
	if _, rok := c.s.world.Region(regionID); !ok || !rok {
		return rules.ImageFacts{}, rules.ErrNotFound
	}
	return rules.ImageFacts{ImageId: img.ImageId, OSType: img.OSType, Architecture: img.Architecture, Size: img.Size, Status: img.Status}, nil
}

// InstanceType implements rules.Catalog: the status is the zone's, or with
// no zone, Available when any zone has the type in stock.
func (c stateCatalog) InstanceType(_ context.Context, regionID, zoneID, instanceType, chargeType, spotStrategy string) (rules.TypeFacts, error) {
	r, rok := c.s.world.Region(regionID)
	t, tok := c.s.world.Type(instanceType)
	if !rok || !tok {
		return rules.TypeFacts{}, rules.ErrNotFound
	}
	facts := rules.TypeFacts{InstanceTypeId: t.InstanceTypeId, CpuArchitecture: t.Arch, Status: string(world.NotOffered),
		SystemDiskCategories: t.SystemDiskCategories, DataDiskCategories: t.DataDiskCategories, MaxDataDisks: t.MaxDataDisks()}
	for _, z := range r.Zones {
		st := world.Availability(r, z, t, orDefault(chargeType, "PostPaid"), orDefault(spotStrategy, "NoSpot"))
		if st == world.Available {
			facts.AvailableZones = append(facts.AvailableZones, z.ZoneId)
		}
		if zoneID == z.ZoneId || (zoneID == "" && rank(st) > rank(world.Status(facts.Status))) {
			facts.Status = string(st)
		}
	}
	return facts, nil
}

// rank orders statuses so "any zone" reports the best one.
func rank(s world.Status) int {
	return map[world.Status]int{world.NotOffered: 0, world.SoldOut: 1, world.Available: 2}[s]
}

// VSwitch implements rules.Catalog.
func (c stateCatalog) VSwitch(_ context.Context, regionID, vSwitchID string) (rules.VSwitchFacts, error) {
	v, ok := c.s.findVSwitch(regionID, vSwitchID)
	if !ok {
		return rules.VSwitchFacts{}, rules.ErrNotFound
	}
	return rules.VSwitchFacts{VSwitchId: v.VSwitchId, VpcId: v.VpcId, ZoneId: v.ZoneId, CidrBlock: v.CidrBlock,
		AvailableIpAddressCount: c.s.freeIPs(regionID, v.VSwitch)}, nil
}

// SecurityGroup implements rules.Catalog.
func (c stateCatalog) SecurityGroup(_ context.Context, regionID, securityGroupID string) (rules.SecurityGroupFacts, error) {
	g, ok := c.s.findGroup(regionID, securityGroupID)
	if !ok {
		return rules.SecurityGroupFacts{}, rules.ErrNotFound
	}
	return rules.SecurityGroupFacts{SecurityGroupId: g.SecurityGroupId, VpcId: g.VpcId, SecurityGroupType: g.SecurityGroupType,
		EcsCount: c.s.sgCount(regionID, g.SecurityGroup), Capacity: g.Capacity}, nil
}

// KeyPairExists implements rules.Catalog.
func (c stateCatalog) KeyPairExists(_ context.Context, regionID, keyPairName string) (bool, error) {
	_, ok := c.s.findKeyPair(regionID, keyPairName)
	return ok, nil
}

// RegionExists implements rules.Catalog.
func (c stateCatalog) RegionExists(_ context.Context, regionID string) (bool, error) {
	_, ok := c.s.world.Region(regionID)
	return ok, nil
}

// ZoneExists implements rules.Catalog.
func (c stateCatalog) ZoneExists(_ context.Context, regionID, zoneID string) (bool, error) {
	_, ok := c.s.world.Zone(regionID, strings.TrimSpace(zoneID))
	return ok, nil
}

// SpotPrice implements rules.Catalog: the price DescribeSpotPriceHistory
// ends with and DescribePrice quotes now.
func (c stateCatalog) SpotPrice(_ context.Context, regionID, zoneID, instanceType, _ string) (rules.SpotPriceFacts, error) {
	r, rok := c.s.world.Region(regionID)
	z, zok := c.s.world.Zone(regionID, zoneID)
	t, tok := c.s.world.Type(instanceType)
	if !rok || !zok || !tok || world.Availability(r, z, t, "PostPaid", "SpotAsPriceGo") == world.NotOffered {
		return rules.SpotPriceFacts{}, rules.ErrNotFound
	}
	now := c.s.now().UTC()
	return rules.SpotPriceFacts{Price: world.SpotHourly(r, z, t, now), Currency: world.Currency, Since: now.Truncate(time.Hour)}, nil
}
