package catalog

import (
	"context"
	"errors"
	"slices"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"
	"golang.org/x/sync/errgroup"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/retry"
)

// The page-size maxima (docs/api-shapes.md §5, §7-§11).
const (
	maxTypesPage    = 100 // DescribeInstanceTypes MaxResults (international site)
	maxImagesPage   = 100 // DescribeImages PageSize
	maxSGPage       = 100 // DescribeSecurityGroups MaxResults
	maxNetworkPage  = 50  // DescribeVpcs / DescribeVSwitches PageSize
	maxKeyPairsPage = 50  // DescribeKeyPairs PageSize
	// maxPages stops a server that never ends a list.
	maxPages = 1000
)

// acceptLanguage is the AcceptLanguage of DescribeRegions and
// DescribeZones (docs/api-shapes.md §2): the LocalNames come in the
// language of the screen, "华东1（杭州）" beside Chinese messages.
func (c *Catalog) acceptLanguage() string {
	switch {
	case c.opts.AcceptLanguage != "":
		return c.opts.AcceptLanguage
	case i18n.IsChinese():
		return "zh-CN"
	}
	return "en-US"
}

// nameLanguage is the cache's sub-key of a list holding LocalNames: ""
// for English (the key as it always was), the language otherwise, so a
// list cached in one language is not shown in the other.
func (c *Catalog) nameLanguage() string {
	if l := c.acceptLanguage(); l != "en-US" {
		return l
	}
	return ""
}

func (c *Catalog) pageSize(max int) int {
	if c.opts.PageSize > 0 && c.opts.PageSize < max {
		return c.opts.PageSize
	}
	return max
}

// ecsCall runs one retried ECS call with a fresh client bound to ctx (the
// request object is built inside fn, fresh for every attempt: docs/sdk-notes.md §2).
func (c *Catalog) ecsCall(ctx context.Context, action, region string, fn func(*ecs.Client) error) error {
	return c.call(ctx, action, region, func(ctx context.Context) error {
		cl, err := c.s.ECSContext(ctx)
		if err != nil {
			return err
		}
		return fn(cl)
	})
}

func (c *Catalog) vpcCall(ctx context.Context, action, region string, fn func(*vpc.Client) error) error {
	return c.call(ctx, action, region, func(ctx context.Context) error {
		cl, err := c.s.VPCContext(ctx)
		if err != nil {
			return err
		}
		return fn(cl)
	})
}

// byToken follows NextToken to the end of a list.
func byToken[T any](ctx context.Context, get func(ctx context.Context, token string) ([]T, string, error)) ([]T, error) {
	var all []T
	token := ""
	seen := map[string]bool{}
	for page := 0; page < maxPages; page++ {
		items, next, err := get(ctx, token)
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
		if next == "" {
			return all, nil
		}
		if seen[next] {
			return nil, i18n.Errorf("NextToken %q repeats", next)
		}
		seen[next] = true
		token = next
	}
	return nil, i18n.Errorf("more than %d pages", maxPages)
}

// byNumber fetches page 1, learns TotalCount, then fetches the other pages
// in parallel (their calls share the catalog's concurrency bound).
func byNumber[T any](ctx context.Context, size int, get func(ctx context.Context, page, size int) ([]T, int, error)) ([]T, error) {
	first, total, err := get(ctx, 1, size)
	if err != nil {
		return nil, err
	}
	pages := (total + size - 1) / size
	if pages <= 1 || len(first) == 0 {
		return first, nil
	}
	if pages > maxPages {
		return nil, i18n.Errorf("TotalCount %d needs more than %d pages", total, maxPages)
	}
	rest := make([][]T, pages+1)
	g, gctx := errgroup.WithContext(ctx)
	for p := 2; p <= pages; p++ {
		g.Go(func() error {
			items, _, err := get(gctx, p, size)
			rest[p] = items
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return slices.Concat(append([][]T{first}, rest[2:]...)...), nil
}

func (c *Catalog) fetchRegions(ctx context.Context) ([]Region, error) {
	var out []Region
	err := c.ecsCall(ctx, "DescribeRegions", "", func(cl *ecs.Client) error {
		req := ecs.CreateDescribeRegionsRequest()
		req.AcceptLanguage = c.acceptLanguage()
		req.RegionId = c.regionsAskedIn()
		resp, err := cl.DescribeRegions(req)
		if err != nil {
			return err
		}
		out = out[:0]
		for _, r := range resp.Regions.Region {
			out = append(out, Region{RegionId: r.RegionId, LocalName: r.LocalName, RegionEndpoint: r.RegionEndpoint})
		}
		return nil
	})
	return out, err
}

// regionsAskedIn is the region DescribeRegions is sent to (its RegionId,
// which picks the endpoint): the session's, unless that is no known region
// (a mistyped --region, which the list is being fetched to catch), then
// cn-hangzhou. The list is the same from every region.
func (c *Catalog) regionsAskedIn() string {
	if r := c.s.Region(); r != "" && CheckRegion(r, BuiltinRegionIDs) == nil {
		return r
	}
	return "cn-hangzhou"
}

func (c *Catalog) fetchZones(ctx context.Context, region string) ([]Zone, error) {
	var out []Zone
	err := c.ecsCall(ctx, "DescribeZones", region, func(cl *ecs.Client) error {
		req := ecs.CreateDescribeZonesRequest()
		req.RegionId = region
		req.AcceptLanguage = c.acceptLanguage()
		req.Verbose = requests.NewBoolean(false) // names only; stock comes per zone
		resp, err := cl.DescribeZones(req)
		if err != nil {
			return err
		}
		out = out[:0]
		for _, z := range resp.Zones.Zone {
			out = append(out, Zone{ZoneId: z.ZoneId, LocalName: z.LocalName})
		}
		return nil
	})
	return out, err
}

// familiesPerCall is how many families one DescribeInstanceTypes call asks
// for (InstanceTypeFamilies.N).
const familiesPerCall = 10

// fetchTypes lists the instance types of the region's families. The
// unfiltered list is one NextToken chain (a call per 100 types, one after
// the other); asking for the families in batches of ten instead runs the
// chains side by side once DescribeInstanceTypeFamilies (which Load asks
// anyway) has answered. A family the batches return nothing for is asked
// alone, in case the API honoured fewer families per call than sent; an
// API that rejects the batch gets the unfiltered chain.
func (c *Catalog) fetchTypes(ctx context.Context, region string) ([]InstanceType, error) {
	fams, err := c.families(ctx, region)
	if err != nil || len(fams) == 0 {
		return c.fetchTypesFiltered(ctx, region, nil, "")
	}
	ids := make([]string, len(fams))
	for i, f := range fams {
		ids[i] = f.InstanceTypeFamilyId
	}
	types, err := c.typesOfFamilies(ctx, region, slices.Collect(slices.Chunk(ids, familiesPerCall)), true)
	if err != nil {
		if retry.Transient(err) || ctx.Err() != nil || !isClientFault(err) {
			return nil, err
		}
		return c.fetchTypesFiltered(ctx, region, nil, "")
	}
	var missing [][]string
	for _, f := range ids {
		if !slices.ContainsFunc(types, func(t InstanceType) bool { return t.InstanceTypeFamily == f }) {
			missing = append(missing, []string{f})
		}
	}
	more, err := c.typesOfFamilies(ctx, region, missing, false)
	if err != nil {
		return nil, err
	}
	return dedupeTypes(append(types, more...)), nil
}

// typesOfFamilies runs one chain per batch in parallel; a batch of one is
// sent as InstanceTypeFamily when asList is false.
func (c *Catalog) typesOfFamilies(ctx context.Context, region string, batches [][]string, asList bool) ([]InstanceType, error) {
	parts := make([][]InstanceType, len(batches))
	g, gctx := errgroup.WithContext(ctx)
	for i, batch := range batches {
		g.Go(func() (err error) {
			if asList {
				parts[i], err = c.fetchTypesFiltered(gctx, region, batch, "")
			} else {
				parts[i], err = c.fetchTypesFiltered(gctx, region, nil, batch[0])
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return slices.Concat(parts...), nil
}

// fetchTypesFiltered follows one NextToken chain of DescribeInstanceTypes.
func (c *Catalog) fetchTypesFiltered(ctx context.Context, region string, families []string, family string) ([]InstanceType, error) {
	size := c.pageSize(maxTypesPage)
	return byToken(ctx, func(ctx context.Context, token string) (out []InstanceType, next string, err error) {
		err = c.ecsCall(ctx, "DescribeInstanceTypes", region, func(cl *ecs.Client) error {
			req := ecs.CreateDescribeInstanceTypesRequest()
			req.RegionId = region
			req.MaxResults = requests.NewInteger(size)
			req.NextToken = token
			if len(families) > 0 {
				req.InstanceTypeFamilies = &families
			}
			req.InstanceTypeFamily = family
			resp, err := cl.DescribeInstanceTypes(req)
			if err != nil {
				return err
			}
			out, next = out[:0], resp.NextToken
			for _, t := range resp.InstanceTypes.InstanceType {
				out = append(out, typeOf(t))
			}
			return nil
		})
		return out, next, err
	})
}

// dedupeTypes keeps the first of each InstanceTypeId.
func dedupeTypes(types []InstanceType) []InstanceType {
	seen := make(map[string]bool, len(types))
	out := types[:0]
	for _, t := range types {
		if !seen[t.InstanceTypeId] {
			seen[t.InstanceTypeId] = true
			out = append(out, t)
		}
	}
	return out
}

// isClientFault reports an API answer that blames the request (4xx other
// than throttling): another request shape may pass.
func isClientFault(err error) bool {
	var se *sdkerrors.ServerError
	return errors.As(err, &se) && se.HttpStatus() >= 400 && se.HttpStatus() < 500 && !retry.Transient(err)
}

func typeOf(t ecs.InstanceType) InstanceType {
	return InstanceType{
		InstanceTypeId:       t.InstanceTypeId,
		InstanceTypeFamily:   t.InstanceTypeFamily,
		InstanceCategory:     t.InstanceCategory,
		CpuCoreCount:         t.CpuCoreCount,
		MemorySize:           t.MemorySize,
		GPUAmount:            t.GPUAmount,
		GPUSpec:              t.GPUSpec,
		CpuArchitecture:      t.CpuArchitecture,
		LocalStorageCategory: t.LocalStorageCategory,
		EniQuantity:          t.EniQuantity,
		DiskQuantity:         t.DiskQuantity,
	}
}

func (c *Catalog) fetchFamilies(ctx context.Context, region string) ([]InstanceTypeFamily, error) {
	var out []InstanceTypeFamily
	err := c.ecsCall(ctx, "DescribeInstanceTypeFamilies", region, func(cl *ecs.Client) error {
		req := ecs.CreateDescribeInstanceTypeFamiliesRequest()
		req.RegionId = region
		resp, err := cl.DescribeInstanceTypeFamilies(req)
		if err != nil {
			return err
		}
		out = out[:0]
		for _, f := range resp.InstanceTypeFamilies.InstanceTypeFamily {
			out = append(out, InstanceTypeFamily{InstanceTypeFamilyId: f.InstanceTypeFamilyId, Generation: f.Generation})
		}
		return nil
	})
	return out, err
}

// fetchImages lists the region's available images (system, self and shared:
// the API's default owners); imageID narrows it to one image of any owner.
func (c *Catalog) fetchImages(ctx context.Context, region, imageID string) ([]Image, error) {
	return c.fetchImagesOf(ctx, region, imageID, "")
}

// fetchImagesOf lists images of one ImageOwnerAlias; "" is DescribeImages'
// default, the public, custom and shared images (docs/api-shapes.md §7).
func (c *Catalog) fetchImagesOf(ctx context.Context, region, imageID, alias string) ([]Image, error) {
	return byNumber(ctx, c.pageSize(maxImagesPage), func(ctx context.Context, page, size int) (out []Image, total int, err error) {
		err = c.ecsCall(ctx, "DescribeImages", region, func(cl *ecs.Client) error {
			req := ecs.CreateDescribeImagesRequest()
			req.RegionId = region
			req.ImageId = imageID
			req.ImageOwnerAlias = alias
			if imageID == "" {
				req.Status = "Available"
			}
			req.PageNumber = requests.NewInteger(page)
			req.PageSize = requests.NewInteger(size)
			resp, err := cl.DescribeImages(req)
			if err != nil {
				return err
			}
			out, total = out[:0], resp.TotalCount
			for _, im := range resp.Images.Image {
				out = append(out, imageOf(im))
			}
			return nil
		})
		return out, total, err
	})
}

func imageOf(im ecs.Image) Image {
	return Image{
		ImageId: im.ImageId, ImageName: im.ImageName, ImageFamily: im.ImageFamily,
		ImageOwnerAlias: im.ImageOwnerAlias, OSName: im.OSName, OSNameEn: im.OSNameEn,
		OSType: im.OSType, Platform: im.Platform, Architecture: im.Architecture,
		Size: im.Size, Status: im.Status, CreationTime: im.CreationTime, ProductCode: im.ProductCode,
	}
}

func (c *Catalog) fetchVPCs(ctx context.Context, region string) ([]VPC, error) {
	return byNumber(ctx, c.pageSize(maxNetworkPage), func(ctx context.Context, page, size int) (out []VPC, total int, err error) {
		err = c.vpcCall(ctx, "DescribeVpcs", region, func(cl *vpc.Client) error {
			req := vpc.CreateDescribeVpcsRequest()
			req.RegionId = region
			req.PageNumber = requests.NewInteger(page)
			req.PageSize = requests.NewInteger(size)
			resp, err := cl.DescribeVpcs(req)
			if err != nil {
				return err
			}
			out, total = out[:0], resp.TotalCount
			for _, v := range resp.Vpcs.Vpc {
				out = append(out, VPC{VpcId: v.VpcId, VpcName: v.VpcName, CidrBlock: v.CidrBlock, IsDefault: v.IsDefault})
			}
			return nil
		})
		return out, total, err
	})
}

// fetchVSwitches lists the region's vSwitches; vSwitchID narrows it to one.
func (c *Catalog) fetchVSwitches(ctx context.Context, region, vSwitchID string) ([]VSwitch, error) {
	return byNumber(ctx, c.pageSize(maxNetworkPage), func(ctx context.Context, page, size int) (out []VSwitch, total int, err error) {
		err = c.vpcCall(ctx, "DescribeVSwitches", region, func(cl *vpc.Client) error {
			req := vpc.CreateDescribeVSwitchesRequest()
			req.RegionId = region
			req.VSwitchId = vSwitchID
			req.PageNumber = requests.NewInteger(page)
			req.PageSize = requests.NewInteger(size)
			resp, err := cl.DescribeVSwitches(req)
			if err != nil {
				return err
			}
			out, total = out[:0], resp.TotalCount
			for _, v := range resp.VSwitches.VSwitch {
				out = append(out, VSwitch{
					VSwitchId: v.VSwitchId, VSwitchName: v.VSwitchName, VpcId: v.VpcId, ZoneId: v.ZoneId,
					CidrBlock: v.CidrBlock, AvailableIpAddressCount: int(v.AvailableIpAddressCount), IsDefault: v.IsDefault,
				})
			}
			return nil
		})
		return out, total, err
	})
}

// fetchSecurityGroups lists the region's security groups; securityGroupID
// narrows it to one.
func (c *Catalog) fetchSecurityGroups(ctx context.Context, region, securityGroupID string) ([]SecurityGroup, error) {
	size := c.pageSize(maxSGPage)
	return byToken(ctx, func(ctx context.Context, token string) (out []SecurityGroup, next string, err error) {
		err = c.ecsCall(ctx, "DescribeSecurityGroups", region, func(cl *ecs.Client) error {
			req := ecs.CreateDescribeSecurityGroupsRequest()
			req.RegionId = region
			req.SecurityGroupId = securityGroupID
			req.MaxResults = requests.NewInteger(size) // token mode (docs/api-shapes.md §8)
			req.NextToken = token
			// EcsCount and AvailableInstanceAmount are valid only when asked
			// for (docs/api-shapes.md §8): the capacity rule needs both.
			req.IsQueryEcsCount = requests.NewBoolean(true)
			resp, err := cl.DescribeSecurityGroups(req)
			if err != nil {
				return err
			}
			out, next = out[:0], resp.NextToken
			for _, g := range resp.SecurityGroups.SecurityGroup {
				avail := g.AvailableInstanceAmount
				out = append(out, SecurityGroup{
					SecurityGroupId: g.SecurityGroupId, SecurityGroupName: g.SecurityGroupName, VpcId: g.VpcId,
					Description: g.Description, SecurityGroupType: g.SecurityGroupType, EcsCount: g.EcsCount,
					AvailableInstanceAmount: &avail,
				})
			}
			return nil
		})
		return out, next, err
	})
}

// fetchKeyPairs lists the region's key pairs; name narrows it to one.
func (c *Catalog) fetchKeyPairs(ctx context.Context, region, name string) ([]KeyPair, error) {
	return byNumber(ctx, c.pageSize(maxKeyPairsPage), func(ctx context.Context, page, size int) (out []KeyPair, total int, err error) {
		err = c.ecsCall(ctx, "DescribeKeyPairs", region, func(cl *ecs.Client) error {
			req := ecs.CreateDescribeKeyPairsRequest()
			req.RegionId = region
			req.KeyPairName = name
			req.PageNumber = requests.NewInteger(page)
			req.PageSize = requests.NewInteger(size)
			resp, err := cl.DescribeKeyPairs(req)
			if err != nil {
				return err
			}
			out, total = out[:0], resp.TotalCount
			for _, k := range resp.KeyPairs.KeyPair {
				out = append(out, KeyPair{KeyPairName: k.KeyPairName, KeyPairFingerPrint: k.KeyPairFingerPrint})
			}
			return nil
		})
		return out, total, err
	})
}

// availableResource asks DescribeAvailableResource what a zone offers for a
// billing method: instance types, or a type's system or data disks.
func (c *Catalog) availableResource(ctx context.Context, region, zone, destination, instanceType string, b Billing) ([]ecs.SupportedResource, error) {
	var out []ecs.SupportedResource
	// The error names the zone: "DescribeAvailableResource in cn-hangzhou-i".
	err := c.ecsCall(ctx, "DescribeAvailableResource", firstOf(zone, region), func(cl *ecs.Client) error {
		req := ecs.CreateDescribeAvailableResourceRequest()
		req.RegionId = region
		req.ZoneId = zone
		req.DestinationResource = destination
		req.InstanceType = instanceType
		req.InstanceChargeType = b.chargeType()
		req.SpotStrategy = b.spotStrategy()
		resp, err := cl.DescribeAvailableResource(req)
		if err != nil {
			return err
		}
		out = out[:0]
		for _, z := range resp.AvailableZones.AvailableZone {
			if z.ZoneId != zone {
				continue
			}
			for _, r := range z.AvailableResources.AvailableResource {
				if r.Type == destination {
					out = append(out, r.SupportedResources.SupportedResource...)
				}
			}
		}
		return nil
	})
	return out, err
}

// fetchStock is the status of every instance type a zone offers.
func (c *Catalog) fetchStock(ctx context.Context, region, zone string, b Billing) (map[string]Availability, error) {
	res, err := c.availableResource(ctx, region, zone, "InstanceType", "", b)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Availability, len(res))
	for _, r := range res {
		out[r.Value] = availabilityOf(r.Status)
	}
	return out, nil
}

// availabilityOf maps the API's Status; anything but Available is sold out
// for the wizard's purpose (it cannot be launched now).
func availabilityOf(status string) Availability {
	if status == string(Available) {
		return Available
	}
	return SoldOut
}
