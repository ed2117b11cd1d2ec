package catalog

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/ecslaunch/ecslaunch/i18n"
)

var _ Reader = (*Catalog)(nil)

// Regions lists the regions (DescribeRegions).
func (c *Catalog) Regions(ctx context.Context) ([]Region, error) {
	return c.regions(ctx)
}

// Zones lists a region's zones with the number of instance types available
// in each for the billing. When some zone's stock failed to load, the zones
// are returned with that error.
func (c *Catalog) Zones(ctx context.Context, regionID string, billing Billing) ([]Zone, error) {
	zones, err := c.zones(ctx, regionID)
	if err != nil {
		return nil, err
	}
	st, err := c.stockOf(ctx, regionID, zones, billing.normalized())
	return zonesWithCounts(zones, st), err
}

// InstanceTypes lists every type with its status in zoneID ("" = any zone),
// the zones where it is available and its price if already fetched.
func (c *Catalog) InstanceTypes(ctx context.Context, regionID, zoneID string, billing Billing) ([]InstanceType, error) {
	var types []InstanceType
	var st stock
	var stockErr error
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		types, err = c.types(gctx, regionID)
		return err
	})
	g.Go(func() error {
		st, stockErr = c.stock(gctx, regionID, billing.normalized())
		return nil
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return c.annotate(regionID, types, st, zoneID, billing.normalized()), stockErr
}

// annotate copies the types with their status in zone ("" = any zone),
// available zones and cached price, sorted by family, size and name.
func (c *Catalog) annotate(region string, types []InstanceType, st stock, zone string, b Billing) []InstanceType {
	zones := make([]string, 0, len(st))
	for z := range st {
		zones = append(zones, z)
	}
	slices.Sort(zones)
	out := make([]InstanceType, len(types))
	for i, t := range types {
		t.AvailableZones = nil
		offered := false
		for _, z := range zones {
			a, ok := st[z][t.InstanceTypeId]
			offered = offered || ok
			if a == Available {
				t.AvailableZones = append(t.AvailableZones, z)
			}
		}
		t.Status = statusIn(st, zone, t.InstanceTypeId, offered, len(t.AvailableZones) > 0)
		if p, ok := c.cachedPrice(region, zone, t.InstanceTypeId, b); ok {
			t.PricePerHour = p.TradePrice
		}
		out[i] = t
	}
	slices.SortFunc(out, func(a, b InstanceType) int {
		return cmp.Or(cmp.Compare(a.InstanceTypeFamily, b.InstanceTypeFamily),
			cmp.Compare(a.CpuCoreCount, b.CpuCoreCount), cmp.Compare(a.MemorySize, b.MemorySize),
			cmp.Compare(a.InstanceTypeId, b.InstanceTypeId))
	})
	return out
}

// statusIn is a type's status in one zone, or over all zones for "".
func statusIn(st stock, zone, typeID string, offeredAnywhere, availableAnywhere bool) Availability {
	if zone != "" {
		if a, ok := st[zone][typeID]; ok {
			return a
		}
		return NotOffered
	}
	switch {
	case availableAnywhere:
		return Available
	case offeredAnywhere:
		return SoldOut
	}
	return NotOffered
}

// archAliases maps a type's CpuArchitecture to the images' Architecture
// values that run on it (docs/api-shapes.md §5, §7).
var archAliases = map[string][]string{
	"x86":    {"x86_64", "i386"},
	"x86_64": {"x86_64"},
	"i386":   {"i386"},
	"arm":    {"arm64"},
	"arm64":  {"arm64"},
}

// ImageArchitectures is the image Architecture values compatible with arch,
// which may be a type's CpuArchitecture (X86, ARM) or an image architecture.
func ImageArchitectures(arch string) []string {
	return archAliases[strings.ToLower(arch)]
}

// Images lists available images compatible with arch ("" = all), grouped
// by OS (Platform) and newest first within each.
func (c *Catalog) Images(ctx context.Context, regionID, arch string) ([]Image, error) {
	all, err := c.images(ctx, regionID)
	if err != nil {
		return nil, err
	}
	want := ImageArchitectures(arch)
	out := make([]Image, 0, len(all))
	for _, im := range all {
		if arch == "" || slices.Contains(want, im.Architecture) {
			out = append(out, im)
		}
	}
	slices.SortStableFunc(out, func(a, b Image) int {
		return cmp.Or(cmp.Compare(a.Platform, b.Platform), cmp.Compare(b.CreationTime, a.CreationTime),
			cmp.Compare(a.ImageId, b.ImageId))
	})
	return out, nil
}

// GroupImages splits images (as Images sorts them) into one group per OS.
func GroupImages(images []Image) []ImageGroup {
	var out []ImageGroup
	for _, im := range images {
		if n := len(out); n > 0 && out[n-1].Platform == im.Platform {
			out[n-1].Images = append(out[n-1].Images, im)
			continue
		}
		out = append(out, ImageGroup{Platform: im.Platform, OSType: im.OSType, Images: []Image{im}})
	}
	return out
}

// essdLevels are the ESSD performance levels with their minimum size in GiB
// (docs/rules.md T2-3 adds PL0 to PL1-PL3; T2-1/T2-4 give the minima).
var essdLevels = []struct {
	level string
	min   int
}{{"PL0", 1}, {"PL1", 20}, {"PL2", 461}, {"PL3", 1261}}

// DiskCategories lists the system and data disk categories (with size
// limits, ESSD performance levels and stock) a type supports in a zone.
func (c *Catalog) DiskCategories(ctx context.Context, regionID, zoneID, instanceType string, billing Billing) (system, data []DiskCategory, err error) {
	b := billing.normalized()
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		system, err = c.disks(gctx, regionID, zoneID, instanceType, "SystemDisk", b)
		return err
	})
	g.Go(func() (err error) {
		data, err = c.disks(gctx, regionID, zoneID, instanceType, "DataDisk", b)
		return err
	})
	return system, data, g.Wait()
}

func (c *Catalog) disks(ctx context.Context, region, zone, instanceType, destination string, b Billing) ([]DiskCategory, error) {
	sub := strings.Join([]string{b.key(), zone, instanceType, destination}, "-")
	return cached(ctx, c, kindDisks, region, sub, func(ctx context.Context) ([]DiskCategory, error) {
		res, err := c.availableResource(ctx, region, zone, destination, instanceType, b)
		if err != nil {
			return nil, err
		}
		out := make([]DiskCategory, 0, len(res))
		for _, r := range res {
			d := diskCategory(r.Value, r.Min, r.Max)
			d.Status = availabilityOf(r.Status)
			out = append(out, d)
		}
		return out, nil
	})
}

func diskCategory(category string, minSize, maxSize int) DiskCategory {
	d := DiskCategory{Category: category, Min: minSize, Max: maxSize}
	if category == "cloud_essd" {
		for _, l := range essdLevels {
			if maxSize == 0 || l.min <= maxSize {
				d.PerformanceLevels = append(d.PerformanceLevels, l.level)
			}
		}
	}
	return d
}

// VPCs lists the region's VPCs, the default one first.
func (c *Catalog) VPCs(ctx context.Context, regionID string) ([]VPC, error) {
	all, err := c.vpcs(ctx, regionID)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(all)
	slices.SortStableFunc(out, func(a, b VPC) int {
		return cmp.Or(-cmpBool(a.IsDefault, b.IsDefault), cmp.Compare(a.VpcName, b.VpcName))
	})
	return out, nil
}

// VSwitches lists a VPC's vSwitches ("" = every VPC) in a zone ("" = every
// zone), those with the most free IPs first.
func (c *Catalog) VSwitches(ctx context.Context, regionID, vpcID, zoneID string) ([]VSwitch, error) {
	all, err := c.vSwitches(ctx, regionID)
	if err != nil {
		return nil, err
	}
	var out []VSwitch
	for _, v := range all {
		if (vpcID == "" || v.VpcId == vpcID) && (zoneID == "" || v.ZoneId == zoneID) {
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, func(a, b VSwitch) int {
		return cmp.Or(cmp.Compare(b.AvailableIpAddressCount, a.AvailableIpAddressCount), cmp.Compare(a.VSwitchId, b.VSwitchId))
	})
	return out, nil
}

// SecurityGroups lists a VPC's security groups ("" = all).
func (c *Catalog) SecurityGroups(ctx context.Context, regionID, vpcID string) ([]SecurityGroup, error) {
	all, err := c.securityGroups(ctx, regionID)
	if err != nil {
		return nil, err
	}
	var out []SecurityGroup
	for _, g := range all {
		if vpcID == "" || g.VpcId == vpcID {
			out = append(out, g)
		}
	}
	return out, nil
}

// KeyPairs lists the region's SSH key pairs.
func (c *Catalog) KeyPairs(ctx context.Context, regionID string) ([]KeyPair, error) {
	all, err := c.keyPairs(ctx, regionID)
	return slices.Clone(all), err
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// errNoRegion guards the calls that need a region.
var errNoRegion error = noRegionError{}

// noRegionError is errNoRegion, its text translated when read.
type noRegionError struct{}

func (noRegionError) Error() string {
	return i18n.Text("no region: pass --region or set region_id in the aliyun CLI profile")
}

var _ Pricer = (*Catalog)(nil)
