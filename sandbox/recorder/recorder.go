// Package recorder records what the wizard's Describe calls return for an
// account (through package catalog, the one place that calls them) into a
// world.Recording, which `ecslaunch sandbox serve --world` then plays. It
// never writes a credential: the recording holds API answers only.
package recorder

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/ecslaunch/ecslaunch/atomicfile"
	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// Options of Record.
type Options struct {
	// Regions are recorded in detail; every region is listed.
	Regions []string
	// Anonymize replaces account identifiers (VPC, vSwitch, security group
	// and own image IDs) and names (of VPCs, vSwitches, security groups,
	// key pairs, own images) and descriptions with neutral ones, and drops
	// the endpoint.
	Anonymize bool
	// Endpoint is written into the recording as where it came from.
	Endpoint string
	// Concurrency bounds the per-type calls (prices, disk categories) in
	// flight; 0 means 8. The catalog bounds its own calls too.
	Concurrency int
	// Now stamps the recording; nil means time.Now.
	Now func() time.Time
}

// billings are the billing methods whose stock is recorded: the wizard's
// three choices (SpotWithPriceLimit sells what SpotAsPriceGo does).
var billings = map[string]catalog.Billing{
	world.StockPostPaid: {InstanceChargeType: catalog.PostPaid},
	world.StockPrePaid:  {InstanceChargeType: catalog.PrePaid},
	world.StockSpot:     {InstanceChargeType: catalog.PostPaid, SpotStrategy: "SpotAsPriceGo"},
}

// Record reads every region, then each of o.Regions in detail: zones,
// instance types and families, images, VPCs, vSwitches, security groups,
// key pairs (catalog.Load), the stock of every zone for each billing
// method, and for every type available somewhere its pay-as-you-go price
// and disk categories. A list that fails to load fails the recording: a
// partial account would play as a wrong one.
func Record(ctx context.Context, c catalog.Reader, o Options) (*world.Recording, error) {
	if len(o.Regions) == 0 {
		return nil, errors.New("record: no region given (--region R[,R…])")
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	regions, err := c.Regions(ctx)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	rec := &world.Recording{Version: world.RecordingVersion, Recorded: o.Now().UTC().Format(time.RFC3339),
		Endpoint: o.Endpoint, Detail: map[string]*world.RecordedDetail{}}
	known := map[string]bool{}
	for _, r := range regions {
		rec.Regions = append(rec.Regions, world.RecordedRegion{RegionId: r.RegionId, LocalName: r.LocalName})
		known[r.RegionId] = true
	}
	for _, id := range o.Regions {
		if !known[id] {
			return nil, fmt.Errorf("record: region %q is not in DescribeRegions (%d regions)", id, len(regions))
		}
		d, err := recordRegion(ctx, c, id, o.Concurrency)
		if err != nil {
			return nil, fmt.Errorf("record %s: %w", id, err)
		}
		rec.Detail[id] = d
	}
	if o.Anonymize {
		anonymize(rec)
	}
	return rec, nil
}

func recordRegion(ctx context.Context, c catalog.Reader, region string, concurrency int) (*world.RecordedDetail, error) {
	data, err := c.Load(ctx, region, billings[world.StockPostPaid])
	if err != nil {
		return nil, err
	}
	if len(data.Errors) > 0 {
		return nil, errors.New(strings.Join(data.Errors, "; "))
	}
	d := &world.RecordedDetail{Families: make([]world.Family, 0, len(data.InstanceTypeFamilies)), Stock: map[string]map[string]map[string]world.Status{},
		Prices: map[string]float64{}}
	for _, z := range data.Zones {
		d.Zones = append(d.Zones, world.RecordedZone{ZoneId: z.ZoneId, LocalName: z.LocalName})
	}
	for _, f := range data.InstanceTypeFamilies {
		d.Families = append(d.Families, world.Family{InstanceTypeFamilyId: f.InstanceTypeFamilyId, Generation: f.Generation})
	}
	for key, b := range billings {
		st, err := stockOf(ctx, c, region, data.Zones, b)
		if err != nil {
			return nil, err
		}
		d.Stock[key] = st
	}
	d.Types, err = typesWithDisks(ctx, c, region, data.InstanceTypes, d.Prices, concurrency)
	if err != nil {
		return nil, err
	}
	for _, im := range data.Images {
		d.Images = append(d.Images, world.RecordedImage{ImageId: im.ImageId, ImageName: im.ImageName, ImageOwnerAlias: im.ImageOwnerAlias,
			ProductCode: im.ProductCode, ImageFamily: im.ImageFamily, OSName: im.OSName,
			OSNameEn: im.OSNameEn, OSType: im.OSType, Platform: im.Platform, Architecture: im.Architecture, Size: im.Size,
			Status: im.Status, CreationTime: im.CreationTime})
	}
	for _, v := range data.VPCs {
		d.VPCs = append(d.VPCs, world.RecordedVPC(v))
	}
	for _, v := range data.VSwitches {
		d.VSwitch = append(d.VSwitch, world.RecordedVSwitch(v))
	}
	for _, g := range data.SecurityGroups {
		d.Groups = append(d.Groups, world.RecordedGroup(g))
	}
	for _, k := range data.KeyPairs {
		d.KeyPairs = append(d.KeyPairs, world.RecordedKeyPair(k))
	}
	return d, nil
}

// stockOf is every zone's status of every type it offers for b.
func stockOf(ctx context.Context, c catalog.Reader, region string, zones []catalog.Zone, b catalog.Billing) (map[string]map[string]world.Status, error) {
	out := map[string]map[string]world.Status{}
	for _, z := range zones {
		types, err := c.InstanceTypes(ctx, region, z.ZoneId, b)
		if err != nil {
			return nil, err
		}
		m := map[string]world.Status{}
		for _, t := range types {
			if t.Status != catalog.NotOffered {
				m[t.InstanceTypeId] = world.Status(t.Status)
			}
		}
		out[z.ZoneId] = m
	}
	return out, nil
}

// typesWithDisks converts the types, asking, for each one available in
// some zone, its price and its disk categories in the first such zone.
func typesWithDisks(ctx context.Context, c catalog.Reader, region string, types []catalog.InstanceType, prices map[string]float64, concurrency int) ([]world.RecordedType, error) {
	out := make([]world.RecordedType, len(types))
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(concurrency)
	for i, t := range types {
		out[i] = world.RecordedType{InstanceTypeId: t.InstanceTypeId, InstanceTypeFamily: t.InstanceTypeFamily, InstanceCategory: t.InstanceCategory,
			CpuCoreCount: t.CpuCoreCount, MemorySize: t.MemorySize, GPUAmount: t.GPUAmount, GPUSpec: t.GPUSpec, CpuArchitecture: t.CpuArchitecture,
			LocalStorageCategory: t.LocalStorageCategory, EniQuantity: t.EniQuantity, DiskQuantity: t.DiskQuantity}
		if len(t.AvailableZones) == 0 {
			continue
		}
		g.Go(func() error {
			pb := billings[world.StockPostPaid]
			p, err := c.TypePrice(gctx, region, "", t.InstanceTypeId, pb)
			if err != nil {
				return err
			}
			system, data, err := c.DiskCategories(gctx, region, t.AvailableZones[0], t.InstanceTypeId, pb)
			if err != nil {
				return err
			}
			out[i].SystemDiskCategories, out[i].DataDiskCategories = names(system), names(data)
			mu.Lock()
			defer mu.Unlock()
			prices[t.InstanceTypeId] = p.TradePrice
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return out, nil
}

func names(ds []catalog.DiskCategory) []string {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		out = append(out, d.Category)
	}
	return out
}

// anonymize replaces the account's identifiers and names, consistently
// within the recording, with a salt that is not kept (so they cannot be
// reversed by hashing guesses).
func anonymize(rec *world.Recording) {
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	rec.Endpoint = ""
	rec.Anonymized = true
	ids := map[string]string{}
	anon := func(prefix, id string) string {
		if id == "" {
			return ""
		}
		if a, ok := ids[id]; ok {
			return a
		}
		h := sha256.Sum256(append(salt, id...))
		a := prefix + "-anon" + hex.EncodeToString(h[:])[:16]
		ids[id] = a
		return a
	}
	for _, id := range slices.Sorted(maps.Keys(rec.Detail)) {
		d := rec.Detail[id]
		for i := range d.VPCs {
			v := &d.VPCs[i]
			v.VpcId = anon("vpc", v.VpcId)
			v.VpcName = numbered("vpc", v.VpcName, i)
		}
		for i := range d.VSwitch {
			v := &d.VSwitch[i]
			v.VSwitchId, v.VpcId = anon("vsw", v.VSwitchId), anon("vpc", v.VpcId)
			v.VSwitchName = numbered("vsw", v.VSwitchName, i)
		}
		for i := range d.Groups {
			g := &d.Groups[i]
			g.SecurityGroupId, g.VpcId = anon("sg", g.SecurityGroupId), anon("vpc", g.VpcId)
			g.SecurityGroupName, g.Description = numbered("sg", g.SecurityGroupName, i), ""
		}
		for i := range d.KeyPairs {
			k := &d.KeyPairs[i]
			k.KeyPairName = numbered("key", k.KeyPairName, i)
			h := sha256.Sum256(append(salt, k.KeyPairFingerPrint...))
			k.KeyPairFingerPrint = hex.EncodeToString(h[:20])
		}
		for i := range d.Images {
			im := &d.Images[i]
			// Public images are the same for everyone; the account's own
			// (m-…) are not.
			if strings.HasPrefix(im.ImageId, "m-") {
				im.ImageId, im.ImageFamily = anon("m", im.ImageId), ""
				im.ImageName = numbered("image", im.ImageName, i)
			}
		}
	}
}

// numbered is "prefix-N" for a non-empty name, "" for an empty one (the
// default VPC has no name).
func numbered(prefix, name string, i int) string {
	if name == "" {
		return ""
	}
	return fmt.Sprintf("%s-%d", prefix, i+1)
}

// Write saves a recording as indented JSON, atomically, readable by the
// user only (it lists the account's resources).
func Write(path string, rec *world.Recording) error {
	data, err := json.MarshalIndent(rec, "", " ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}
