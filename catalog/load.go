package catalog

import (
	"context"
	"errors"
	"sort"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// The cached lists, each one call (or one paged list) away.

func (c *Catalog) regions(ctx context.Context) ([]Region, error) {
	return cached(ctx, c, kindRegions, "", c.nameLanguage(), c.fetchRegions)
}

func (c *Catalog) zones(ctx context.Context, region string) ([]Zone, error) {
	return cached(ctx, c, kindZones, region, c.nameLanguage(), func(ctx context.Context) ([]Zone, error) { return c.fetchZones(ctx, region) })
}

func (c *Catalog) types(ctx context.Context, region string) ([]InstanceType, error) {
	return cached(ctx, c, kindTypes, region, "", func(ctx context.Context) ([]InstanceType, error) { return c.fetchTypes(ctx, region) })
}

func (c *Catalog) families(ctx context.Context, region string) ([]InstanceTypeFamily, error) {
	return cached(ctx, c, kindFamilies, region, "", func(ctx context.Context) ([]InstanceTypeFamily, error) { return c.fetchFamilies(ctx, region) })
}

func (c *Catalog) images(ctx context.Context, region string) ([]Image, error) {
	return cached(ctx, c, kindImages, region, "", func(ctx context.Context) ([]Image, error) { return c.fetchImages(ctx, region, "") })
}

// MarketplaceImages lists the region's Alibaba Cloud Marketplace images
// (DescribeImages with ImageOwnerAlias marketplace), cached a day like the
// other images. DescribeImages leaves them out by default, and so does
// Load: a live region has many, and only a marketplace list needs them.
func (c *Catalog) MarketplaceImages(ctx context.Context, region string) ([]Image, error) {
	return cached(ctx, c, kindImages, region, "marketplace", func(ctx context.Context) ([]Image, error) {
		return c.fetchImagesOf(ctx, region, "", "marketplace")
	})
}

func (c *Catalog) vpcs(ctx context.Context, region string) ([]VPC, error) {
	return cached(ctx, c, kindVPCs, region, "", func(ctx context.Context) ([]VPC, error) { return c.fetchVPCs(ctx, region) })
}

func (c *Catalog) vSwitches(ctx context.Context, region string) ([]VSwitch, error) {
	return cached(ctx, c, kindVSwitch, region, "", func(ctx context.Context) ([]VSwitch, error) { return c.fetchVSwitches(ctx, region, "") })
}

func (c *Catalog) securityGroups(ctx context.Context, region string) ([]SecurityGroup, error) {
	return cached(ctx, c, kindSGs, region, "", func(ctx context.Context) ([]SecurityGroup, error) { return c.fetchSecurityGroups(ctx, region, "") })
}

func (c *Catalog) keyPairs(ctx context.Context, region string) ([]KeyPair, error) {
	return cached(ctx, c, kindKeyPairs, region, "", func(ctx context.Context) ([]KeyPair, error) { return c.fetchKeyPairs(ctx, region, "") })
}

func (c *Catalog) zoneStock(ctx context.Context, region, zone string, b Billing) (map[string]Availability, error) {
	return cached(ctx, c, kindStock, region, b.key()+"-"+zone, func(ctx context.Context) (map[string]Availability, error) {
		return c.fetchStock(ctx, region, zone, b)
	})
}

// stock is every zone's instance type status for a billing, asked per zone
// in parallel. Zones whose call failed are missing; their errors are joined.
type stock map[string]map[string]Availability

func (c *Catalog) stock(ctx context.Context, region string, b Billing) (stock, error) {
	zones, err := c.zones(ctx, region)
	if err != nil {
		return nil, err
	}
	return c.stockOf(ctx, region, zones, b)
}

func (c *Catalog) stockOf(ctx context.Context, region string, zones []Zone, b Billing) (stock, error) {
	var mu sync.Mutex
	out := stock{}
	var errs []error
	var g errgroup.Group
	for _, z := range zones {
		g.Go(func() error {
			s, err := c.zoneStock(ctx, region, z.ZoneId, b)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return nil
			}
			out[z.ZoneId] = s
			return nil
		})
	}
	_ = g.Wait()
	return out, errors.Join(errs...)
}

// loadTask is one list Load fetches; it fills its part of RegionData.
type loadTask struct {
	run func(ctx context.Context, d *RegionData) error
}

// Load fetches every list of a region in parallel: zones (then the stock of
// each zone for the billing), instance types and families, images, VPCs,
// vSwitches, security groups and key pairs. A failing list is recorded in
// RegionData.Errors and the others go on; Load itself fails only when every
// list failed or ctx ended.
func (c *Catalog) Load(ctx context.Context, regionID string, billing Billing) (*RegionData, error) {
	b := billing.normalized()
	d := &RegionData{RegionId: regionID, Billing: b}
	var st stock
	tasks := c.loadTasks(regionID, b, &st)
	errs := make([]error, len(tasks))
	var mu sync.Mutex // guards d while tasks fill it
	var g errgroup.Group
	for i, t := range tasks {
		g.Go(func() error {
			part := &RegionData{}
			err := t.run(ctx, part)
			mu.Lock()
			defer mu.Unlock()
			errs[i] = err
			merge(d, part)
			return nil
		})
	}
	_ = g.Wait()
	c.compose(d, st)
	return d, loadError(ctx, regionID, d, errs)
}

func (c *Catalog) loadTasks(region string, b Billing, st *stock) []loadTask {
	return []loadTask{
		{func(ctx context.Context, d *RegionData) (err error) {
			if d.Zones, err = c.zones(ctx, region); err != nil {
				return err
			}
			s, err := c.stockOf(ctx, region, d.Zones, b)
			*st = s // read by compose only after every task ended
			return err
		}},
		{func(ctx context.Context, d *RegionData) (err error) {
			d.InstanceTypes, err = c.types(ctx, region)
			return err
		}},
		{func(ctx context.Context, d *RegionData) (err error) {
			d.InstanceTypeFamilies, err = c.families(ctx, region)
			return err
		}},
		{func(ctx context.Context, d *RegionData) (err error) {
			d.Images, err = c.images(ctx, region)
			return err
		}},
		{func(ctx context.Context, d *RegionData) (err error) {
			d.VPCs, err = c.vpcs(ctx, region)
			return err
		}},
		{func(ctx context.Context, d *RegionData) (err error) {
			d.VSwitches, err = c.vSwitches(ctx, region)
			return err
		}},
		{func(ctx context.Context, d *RegionData) (err error) {
			d.SecurityGroups, err = c.securityGroups(ctx, region)
			return err
		}},
		{func(ctx context.Context, d *RegionData) (err error) {
			d.KeyPairs, err = c.keyPairs(ctx, region)
			return err
		}},
	}
}

// merge copies the lists a task filled into d.
func merge(d, part *RegionData) {
	if part.Zones != nil {
		d.Zones = part.Zones
	}
	if part.InstanceTypes != nil {
		d.InstanceTypes = part.InstanceTypes
	}
	if part.InstanceTypeFamilies != nil {
		d.InstanceTypeFamilies = part.InstanceTypeFamilies
	}
	if part.Images != nil {
		d.Images = part.Images
	}
	if part.VPCs != nil {
		d.VPCs = part.VPCs
	}
	if part.VSwitches != nil {
		d.VSwitches = part.VSwitches
	}
	if part.SecurityGroups != nil {
		d.SecurityGroups = part.SecurityGroups
	}
	if part.KeyPairs != nil {
		d.KeyPairs = part.KeyPairs
	}
}

// compose annotates the zones and types with the stock, on copies: the
// cached lists are shared and never written.
func (c *Catalog) compose(d *RegionData, st stock) {
	d.Zones = zonesWithCounts(d.Zones, st)
	d.InstanceTypes = c.annotate(d.RegionId, d.InstanceTypes, st, "", d.Billing)
}

// loadError is nil unless ctx ended or no list loaded at all; the
// per-list errors go to d.Errors, sorted so the output is stable.
func loadError(ctx context.Context, region string, d *RegionData, errs []error) error {
	failed := 0
	var first error
	for _, err := range errs {
		if err == nil {
			continue
		}
		failed++
		if first == nil {
			first = err
		}
		for _, e := range unjoin(err) {
			d.Errors = append(d.Errors, e.Error())
		}
	}
	sort.Strings(d.Errors)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if failed == len(errs) {
		return i18n.Errorf("load %s: every list failed: %w", region, first)
	}
	return nil
}

// unjoin splits an errors.Join into its errors.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func zonesWithCounts(zones []Zone, st stock) []Zone {
	out := make([]Zone, len(zones))
	for i, z := range zones {
		z.AvailableTypes = 0
		for _, a := range st[z.ZoneId] {
			if a == Available {
				z.AvailableTypes++
			}
		}
		out[i] = z
	}
	return out
}
