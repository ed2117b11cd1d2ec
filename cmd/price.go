package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/request"
)

type priceOptions struct {
	output                string
	maxHourly, maxMonthly float64
	hourlySet, monthlySet bool
}

// priceReport is one file's quote, as `price --output json` prints it: the
// file, then the bill's fields (catalog.Bill), or the error.
type priceReport struct {
	File string `json:"File"`
	*catalog.Bill
	Error string `json:"Error,omitempty"`
	// OverBudget says which --max-hourly / --max-monthly the file exceeds.
	OverBudget []string `json:"OverBudget,omitempty"`
	unreadable bool
}

func newPriceCmd(g *globals, io *IO) *cobra.Command {
	o := &priceOptions{}
	c := &cobra.Command{
		Use:   "price FILE...",
		Short: "Quote launch files line by line (DescribePrice), and fail when one costs more than a budget",
		Long: "price asks DescribePrice what each launch file would cost, as the console's bill shows it: the instances,\n" +
			"the system disk, each data disk and the public bandwidth, for all Amount instances, with list price,\n" +
			"discount and paid price in the currency the API answers in. Pay-as-you-go is per hour and per month\n" +
			"(730 hours); a subscription is the total for its Period, with what one auto-renewal costs. With\n" +
			"PayByTraffic, the per-GB traffic price is stated apart (it is billed as used). --max-hourly and\n" +
			"--max-monthly fail (exit 1) naming each file that costs more. Only the parameters a price depends on\n" +
			"are read, so ${NAME} references elsewhere (the password) need not be set. Exit 0 all quoted and within\n" +
			"budget, 1 a quote failed or a budget is exceeded, 2 a file cannot be read.",
		Example: "  ecslaunch price web.yaml --sandbox\n  ecslaunch price launch/*.yaml --output json\n" +
			"  ecslaunch price web.yaml --max-monthly 2000   # in CI, next to ecslaunch validate",
		Args: minArgs(1, "at least one launch file"),
		RunE: func(c *cobra.Command, args []string) error {
			o.hourlySet, o.monthlySet = c.Flags().Changed("max-hourly"), c.Flags().Changed("max-monthly")
			return runPrice(c.Context(), g, io, o, args)
		},
	}
	c.Flags().StringVarP(&o.output, "output", "o", "table", "output format: table or json")
	c.Flags().Float64Var(&o.maxHourly, "max-hourly", 0, "fail when a file costs more than this per hour (TradePrice, in the API's currency)")
	c.Flags().Float64Var(&o.maxMonthly, "max-monthly", 0, "fail when a file costs more than this per month (TradePrice, in the API's currency)")
	return c
}

func runPrice(ctx context.Context, g *globals, io *IO, o *priceOptions, paths []string) error {
	if o.output != "table" && o.output != "json" {
		return usageErr(fmt.Errorf("--output must be table or json, not %q", o.output))
	}
	if (o.hourlySet && o.maxHourly < 0) || (o.monthlySet && o.maxMonthly < 0) {
		return usageErr(errors.New("--max-hourly and --max-monthly take a price of 0 or more"))
	}
	reqs := make([]*request.Request, len(paths))
	reports := make([]priceReport, len(paths))
	var first *request.Request
	for i, p := range paths {
		reports[i].File = p
		req, err := priceRequestOf(g, io, p)
		if err != nil {
			reports[i].Error, reports[i].unreadable = err.Error(), true
			continue
		}
		reqs[i] = req
		if first == nil {
			first = req
		}
	}
	if first != nil {
		e, err := openEnvFor(ctx, g, io, first)
		if err != nil {
			return err
		}
		defer e.Close()
		for i, req := range reqs {
			if req == nil {
				continue
			}
			if !req.Has("RegionId") {
				_ = req.Set("RegionId", e.Region)
			}
			reports[i].quote(ctx, e.Catalog, req, o)
		}
	}
	if o.output == "json" {
		enc := json.NewEncoder(io.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(reports); err != nil {
			return err
		}
	} else {
		printBills(io.Out, reports)
	}
	return priceExit(reports)
}

// priceRequestOf reads a launch file and resolves the ${NAME} references
// of the parameters its price depends on (only those: a quote needs no
// password). Its errors name the file and are input errors (exit 2).
func priceRequestOf(g *globals, io *IO, path string) (*request.Request, error) {
	f, err := readLaunchFile(path, io.In)
	if err != nil {
		return nil, err
	}
	if g.region != "" {
		_ = f.Request.Set("RegionId", g.region)
	}
	req, err := catalog.PriceParameters(f.Request).Resolve(lookupEnv(io))
	if err != nil {
		return nil, usageErr(fmt.Errorf("%s: %w", path, err))
	}
	return req, nil
}

// quote bills one request and checks it against the budgets.
func (r *priceReport) quote(ctx context.Context, c *catalog.Catalog, req *request.Request, o *priceOptions) {
	b, err := c.Bill(ctx, req)
	if err != nil {
		r.Error = fmt.Sprintf("%s: %v", r.File, err)
		return
	}
	r.Bill = b
	if o.hourlySet && b.PerHour > o.maxHourly {
		r.OverBudget = append(r.OverBudget, fmt.Sprintf("%s costs %.3f %s per hour, more than --max-hourly %s", r.File, b.PerHour, b.Currency, trimFloat(o.maxHourly)))
	}
	if o.monthlySet && b.PerMonth > o.maxMonthly {
		r.OverBudget = append(r.OverBudget, fmt.Sprintf("%s costs %.3f %s per month, more than --max-monthly %s", r.File, b.PerMonth, b.Currency, trimFloat(o.maxMonthly)))
	}
}

func trimFloat(v float64) string {
	s := strings.TrimRight(fmt.Sprintf("%.6f", v), "0")
	return strings.TrimSuffix(s, ".")
}

// priceExit names every file that could not be read or quoted, or is over
// a budget, once: exit 2 when a file could not be read, else 1 when a
// quote failed or a budget was exceeded, else 0.
func priceExit(reports []priceReport) error {
	var msgs []string
	code := ExitOK
	for _, r := range reports {
		switch {
		case r.unreadable:
			code = ExitUsage
		case r.Error != "" && code == ExitOK:
			code = ExitFailed
		case len(r.OverBudget) > 0 && code == ExitOK:
			code = ExitFailed
		}
		if r.Error != "" {
			msgs = append(msgs, r.Error)
		}
		msgs = append(msgs, r.OverBudget...)
	}
	if code == ExitOK {
		return nil
	}
	return &ExitError{Code: code, Err: errors.New(strings.Join(msgs, "\n"))}
}

// printBills writes each file's bill as a table: one row per line item
// with its list price, discount and paid price, then the total and what it
// comes to per hour and per month.
func printBills(w io.Writer, reports []priceReport) {
	for i, r := range reports {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if r.Bill == nil {
			fmt.Fprintf(w, "%s: no quote (see below)\n", r.File)
			continue
		}
		printBill(w, r.File, r.Bill)
	}
}

func printBill(w io.Writer, file string, b *catalog.Bill) {
	where := b.RegionId
	if b.ZoneId != "" {
		where = b.ZoneId
	}
	fmt.Fprintf(w, "%s: %d × %s in %s, %s\n", file, b.Amount, b.InstanceType, where, billingName(b))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  Parameter\tItem\t%13s\t%13s\t%13s\n", "OriginalPrice", "DiscountPrice", "TradePrice")
	for _, l := range b.Lines {
		fmt.Fprintf(tw, "  %s\t%s\t%13.3f\t%13.3f\t%13.3f\n", orDefault(l.Parameter, l.Resource), l.Item, l.OriginalPrice, l.DiscountPrice, l.TradePrice)
	}
	fmt.Fprintf(tw, "  total\t%s\t%13.3f\t%13.3f\t%13.3f\n", per(b), b.Total.OriginalPrice, b.Total.DiscountPrice, b.Total.TradePrice)
	_ = tw.Flush()
	fmt.Fprintf(w, "  paid %.3f %s per hour, %.3f %s per month", b.PerHour, b.Currency, b.PerMonth, b.Currency)
	if b.Unit != catalog.UnitHour {
		fmt.Fprint(w, " (averaged over the Period)")
	}
	fmt.Fprintln(w)
	if b.Renewal != nil {
		state := "off"
		if b.Renewal.AutoRenew {
			state = "on"
		}
		fmt.Fprintf(w, "  auto-renew (%s): %.3f %s per renewal of %d %s\n", state, b.Renewal.TradePrice, b.Currency, b.Renewal.Period, plural(b.Renewal.Period, b.Renewal.Unit.Label()))
	}
	if b.Traffic != nil {
		fmt.Fprintf(w, "  outbound traffic: %.3f %s per GB, billed as used (not in the total)\n", b.Traffic.PricePerGB, b.Traffic.Currency)
	}
	for _, n := range b.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
}

// per says what the total is for: "CNY per hour", "CNY for 3 months".
func per(b *catalog.Bill) string {
	if b.Unit == catalog.UnitHour {
		return b.Currency + " per hour"
	}
	return fmt.Sprintf("%s for %d %s", b.Currency, b.Period, plural(b.Period, b.Unit.Label()))
}

func plural(n int, unit string) string {
	if n == 1 {
		return unit
	}
	return unit + "s"
}

func billingName(b *catalog.Bill) string {
	switch {
	case b.InstanceChargeType == catalog.PrePaid:
		return "subscription (PrePaid)"
	case b.SpotStrategy != "":
		return "spot (" + b.SpotStrategy + ")"
	}
	return "pay-as-you-go (PostPaid)"
}
