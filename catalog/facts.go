package catalog

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/rules"
)

var _ rules.Catalog = (*Catalog)(nil)

// notFound wraps rules.ErrNotFound with what was looked for: kind is
// "image", "instance type", "vSwitch", "security group" or "key pair".
func notFound(kind, id, region string) error {
	switch kind {
	case "image":
		return i18n.Errorf("image %s in %s: %w", id, region, rules.ErrNotFound)
	case "instance type":
		return i18n.Errorf("instance type %s in %s: %w", id, region, rules.ErrNotFound)
	case "vSwitch":
		return i18n.Errorf("vSwitch %s in %s: %w", id, region, rules.ErrNotFound)
	case "security group":
		return i18n.Errorf("security group %s in %s: %w", id, region, rules.ErrNotFound)
	case "key pair":
		return i18n.Errorf("key pair %s in %s: %w", id, region, rules.ErrNotFound)
	}
	return fmt.Errorf("%s %s in %s: %w", kind, id, region, rules.ErrNotFound)
}

// Image gives the rules an image's OS type, architecture and size. Images
// outside the cached list (marketplace, newly shared) are asked for by id.
func (c *Catalog) Image(ctx context.Context, regionID, imageID string) (rules.ImageFacts, error) {
	all, err := c.images(ctx, regionID)
	if err != nil {
		return rules.ImageFacts{}, err
	}
	im, ok := find(all, func(im Image) bool { return im.ImageId == imageID })
	if !ok {
		one, err := cached(ctx, c, kindImages, regionID, "id-"+imageID, func(ctx context.Context) ([]Image, error) {
			return c.fetchImages(ctx, regionID, imageID)
		})
		if err != nil {
			return rules.ImageFacts{}, err
		}
		if im, ok = find(one, func(im Image) bool { return im.ImageId == imageID }); !ok {
			return rules.ImageFacts{}, notFound("image", imageID, regionID)
		}
	}
	return rules.ImageFacts{ImageId: im.ImageId, OSType: im.OSType, Architecture: im.Architecture, Size: im.Size, Status: im.Status}, nil
}

// InstanceType gives the rules a type's architecture, its status in the zone
// ("" = any zone) for the billing, its zones and, with a zone, its disk
// categories there.
func (c *Catalog) InstanceType(ctx context.Context, regionID, zoneID, instanceType, chargeType, spotStrategy string) (rules.TypeFacts, error) {
	b := Billing{InstanceChargeType: chargeType, SpotStrategy: spotStrategy}
	types, err := c.InstanceTypes(ctx, regionID, zoneID, b)
	if err != nil && types == nil {
		return rules.TypeFacts{}, err
	}
	t, ok := find(types, func(t InstanceType) bool { return t.InstanceTypeId == instanceType })
	if !ok {
		return rules.TypeFacts{}, notFound("instance type", instanceType, regionID)
	}
	f := rules.TypeFacts{
		InstanceTypeId: t.InstanceTypeId, CpuArchitecture: t.CpuArchitecture, Status: string(t.Status),
		AvailableZones: t.AvailableZones, MaxDataDisks: maxDataDisks(t.DiskQuantity),
	}
	if zoneID != "" && t.Status != NotOffered {
		system, data, err := c.DiskCategories(ctx, regionID, zoneID, instanceType, b)
		if err != nil {
			return f, err
		}
		f.SystemDiskCategories, f.DataDiskCategories = categories(system), categories(data)
	}
	return f, nil
}

// maxDataDisks is DiskQuantity (every cloud disk, the system disk included)
// less the system disk; 0 when the API does not say.
func maxDataDisks(diskQuantity int) int {
	if diskQuantity > 1 {
		return diskQuantity - 1
	}
	return 0
}

func categories(ds []DiskCategory) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Category
	}
	return out
}

// VSwitch gives the rules a vSwitch's VPC, zone, CIDR and free IPs.
func (c *Catalog) VSwitch(ctx context.Context, regionID, vSwitchID string) (rules.VSwitchFacts, error) {
	v, err := lookupOne(ctx, c, regionID, vSwitchID, "vSwitch", c.vSwitches,
		func(v VSwitch) bool { return v.VSwitchId == vSwitchID },
		func(ctx context.Context) ([]VSwitch, error) { return c.fetchVSwitches(ctx, regionID, vSwitchID) })
	if err != nil {
		return rules.VSwitchFacts{}, err
	}
	return rules.VSwitchFacts{VSwitchId: v.VSwitchId, VpcId: v.VpcId, ZoneId: v.ZoneId, CidrBlock: v.CidrBlock,
		AvailableIpAddressCount: v.AvailableIpAddressCount}, nil
}

// SecurityGroup gives the rules a security group's VPC, type, instance
// count and capacity.
func (c *Catalog) SecurityGroup(ctx context.Context, regionID, securityGroupID string) (rules.SecurityGroupFacts, error) {
	g, err := lookupOne(ctx, c, regionID, securityGroupID, "security group", c.securityGroups,
		func(g SecurityGroup) bool { return g.SecurityGroupId == securityGroupID },
		func(ctx context.Context) ([]SecurityGroup, error) {
			return c.fetchSecurityGroups(ctx, regionID, securityGroupID)
		})
	if err != nil {
		return rules.SecurityGroupFacts{}, err
	}
	return rules.SecurityGroupFacts{SecurityGroupId: g.SecurityGroupId, VpcId: g.VpcId, SecurityGroupType: g.SecurityGroupType,
		EcsCount: g.EcsCount, Capacity: g.Capacity()}, nil
}

// KeyPairExists reports whether the region has a key pair of that name.
func (c *Catalog) KeyPairExists(ctx context.Context, regionID, keyPairName string) (bool, error) {
	_, err := lookupOne(ctx, c, regionID, keyPairName, "key pair", c.keyPairs,
		func(k KeyPair) bool { return k.KeyPairName == keyPairName },
		func(ctx context.Context) ([]KeyPair, error) { return c.fetchKeyPairs(ctx, regionID, keyPairName) })
	return existence(err)
}

// RegionExists reports whether DescribeRegions lists the region.
func (c *Catalog) RegionExists(ctx context.Context, regionID string) (bool, error) {
	all, err := c.regions(ctx)
	if err != nil {
		return false, err
	}
	_, ok := find(all, func(r Region) bool { return r.RegionId == regionID })
	return ok, nil
}

// ZoneExists reports whether DescribeZones lists the zone in the region.
func (c *Catalog) ZoneExists(ctx context.Context, regionID, zoneID string) (bool, error) {
	all, err := c.zones(ctx, regionID)
	if err != nil {
		return false, err
	}
	_, ok := find(all, func(z Zone) bool { return z.ZoneId == zoneID })
	return ok, nil
}

// lookupOne finds a resource in the cached list, else asks the API for it
// by id: the list may be minutes old and the resource brand new.
func lookupOne[T any](ctx context.Context, c *Catalog, region, id, what string,
	list func(context.Context, string) ([]T, error), match func(T) bool,
	byID func(context.Context) ([]T, error)) (T, error) {
	var zero T
	all, err := list(ctx, region)
	if err != nil {
		return zero, err
	}
	if v, ok := find(all, match); ok {
		return v, nil
	}
	one, err := byID(ctx)
	if err != nil {
		return zero, err
	}
	if v, ok := find(one, match); ok {
		return v, nil
	}
	return zero, notFound(what, id, region)
}

func existence(err error) (bool, error) {
	switch {
	case err == nil:
		return true, nil
	case isNotFound(err):
		return false, nil
	}
	return false, err
}

func find[T any](list []T, match func(T) bool) (T, bool) {
	if i := slices.IndexFunc(list, match); i >= 0 {
		return list[i], true
	}
	var zero T
	return zero, false
}

func isNotFound(err error) bool { return errors.Is(err, rules.ErrNotFound) }
