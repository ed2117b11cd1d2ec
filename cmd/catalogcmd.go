package cmd

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/i18n"
)

type catalogOptions struct {
	zone, output, vpc, arch, chargeType, spot string
	types                                     []string
	// progress shows "pricing done/total" (done < 0: finished).
	progress func(done, total int)
}

// catalogKinds are the lists `ecslaunch catalog` prints.
var catalogKinds = []string{"regions", "zones", "instance-types", "images", "security-groups", "vswitches", "key-pairs", "prices", "all"}

func newCatalogCmd(g *globals, io *IO) *cobra.Command {
	o := &catalogOptions{}
	c := &cobra.Command{
		Use:   "catalog " + strings.Join(catalogKinds, "|"),
		Short: i18n.Text("Print what the ECS Describe APIs offer: regions, zones, instance types, images, networks, prices"),
		Long: i18n.Text("catalog prints one list from the ECS Describe APIs, as a table or JSON. `catalog all` loads every list\n" +
			"the wizard needs for a region, in parallel, and prints it as one JSON object. Lists are cached on disk\n" +
			"(regions, types, images a day; networks minutes; stock a minute); --refresh bypasses the cache."),
		Example: "  ecslaunch catalog regions --sandbox\n" +
			"  ecslaunch catalog instance-types --region cn-hangzhou --zone cn-hangzhou-h\n" +
			"  ecslaunch catalog all --region cn-hangzhou --output json",
		ValidArgs:   catalogKinds,
		Annotations: map[string]string{opensEnv: "yes"},
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 || !contains(catalogKinds, args[0]) {
				return usageErr(i18n.Errorf("catalog needs one of: %s", strings.Join(catalogKinds, ", ")))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error { return runCatalog(c.Context(), g, io, o, args[0]) },
	}
	f := c.Flags()
	f.StringVar(&o.zone, "zone", "", i18n.Text("zone ID (instance-types, vswitches, prices)"))
	f.StringVarP(&o.output, "output", "o", "table", i18n.Text("output format: table or json"))
	f.StringVar(&o.vpc, "vpc", "", i18n.Text("VPC ID (security-groups, vswitches; default: the region's default VPC)"))
	f.StringVar(&o.arch, "arch", "", i18n.Text("image architecture: x86_64 or arm64 (images)"))
	f.StringVar(&o.chargeType, "instance-charge-type", "PostPaid", i18n.Text("billing: PostPaid or PrePaid"))
	f.StringVar(&o.spot, "spot-strategy", "NoSpot", i18n.Text("spot strategy: NoSpot, SpotWithPriceLimit or SpotAsPriceGo"))
	f.StringSliceVar(&o.types, "instance-type", nil, i18n.Text("instance types to price (prices; default: every type available in the zone)"))
	f.BoolVar(&g.refresh, "refresh", false, i18n.Text("ignore the cache and fetch everything again"))
	return c
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func runCatalog(ctx context.Context, g *globals, io *IO, o *catalogOptions, kind string) error {
	if o.output != "table" && o.output != "json" {
		return usageErr(i18n.Errorf("--output must be table or json, not %q", o.output))
	}
	e, err := openEnv(ctx, g, io)
	if err != nil {
		return err
	}
	defer e.Close()
	region := e.Region
	billing := catalog.Billing{InstanceChargeType: o.chargeType, SpotStrategy: o.spot}
	o.progress = progressLine(io)
	v, err := fetchKind(ctx, e.Catalog, kind, region, billing, o)
	o.progress(-1, 0)
	if err != nil {
		return failed(err)
	}
	if o.output == "json" || kind == "all" {
		return writeJSON(io.Out, v)
	}
	return writeTable(io.Out, v)
}

func fetchKind(ctx context.Context, c *catalog.Catalog, kind, region string, b catalog.Billing, o *catalogOptions) (any, error) {
	switch kind {
	case "regions":
		return c.Regions(ctx)
	case "zones":
		return c.Zones(ctx, region, b)
	case "instance-types":
		return c.InstanceTypes(ctx, region, o.zone, b)
	case "images":
		return c.Images(ctx, region, o.arch)
	case "security-groups":
		return c.SecurityGroups(ctx, region, o.vpc)
	case "vswitches":
		return c.VSwitches(ctx, region, o.vpc, o.zone)
	case "key-pairs":
		return c.KeyPairs(ctx, region)
	case "prices":
		return fetchPrices(ctx, c, region, b, o)
	default: // all
		data, err := c.Load(ctx, region, b)
		if err == nil && len(data.Errors) > 0 {
			err = i18n.Errorf("some lists failed to load: %s", strings.Join(data.Errors, "; "))
		}
		return data, err
	}
}

// typePrice is one row of `catalog prices`.
type typePrice struct {
	InstanceTypeId string
	ZoneId         string
	TradePrice     float64
	Currency       string
	PriceUnit      string
}

// fetchPrices prices the types asked, or every type available in the zone
// at once (catalog.ZonePrices: one DescribePrice per type, overlapped and
// cached a day), cheapest first.
func fetchPrices(ctx context.Context, c *catalog.Catalog, region string, b catalog.Billing, o *catalogOptions) ([]typePrice, error) {
	if len(o.types) > 0 {
		return pricesOf(ctx, c, region, b, o)
	}
	zp, err := c.ZonePrices(ctx, region, o.zone, b, "", o.progress)
	if err != nil {
		return nil, err
	}
	out := make([]typePrice, 0, len(zp.Prices))
	for _, id := range zp.Cheapest() {
		p := zp.Prices[id]
		out = append(out, typePrice{id, o.zone, p.TradePrice, p.Currency, p.PriceUnit})
	}
	return out, nil
}

// pricesOf prices the types named by --instance-type, in parallel.
func pricesOf(ctx context.Context, c *catalog.Catalog, region string, b catalog.Billing, o *catalogOptions) ([]typePrice, error) {
	out := make([]typePrice, len(o.types))
	g, gctx := errgroup.WithContext(ctx)
	for i, n := range o.types {
		g.Go(func() error {
			p, err := c.TypePrice(gctx, region, o.zone, n, b)
			if err != nil {
				return i18n.Errorf("price of %s: %w", n, err)
			}
			out[i] = typePrice{n, o.zone, p.TradePrice, p.Currency, p.PriceUnit}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].TradePrice < out[j].TradePrice })
	return out, nil
}

// progressLine shows "pricing 120/307" on a terminal's stderr, rewritten in
// place and cleared when done (done < 0); elsewhere it says nothing.
func progressLine(io *IO) func(done, total int) {
	if !io.ErrTerminal {
		return func(int, int) {}
	}
	shown := false
	return func(done, total int) {
		if done < 0 {
			if shown {
				fmt.Fprint(io.Err, "\r\033[K")
			}
			return
		}
		shown = true
		fmt.Fprint(io.Err, "\r"+i18n.T("pricing %d/%d", done, total))
	}
}
