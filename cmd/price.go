package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/i18n"
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
		Short: i18n.Text("Quote launch files line by line (DescribePrice), and fail when one costs more than a budget"),
		Long: i18n.Text("price asks DescribePrice what each launch file would cost, as the console's bill shows it: the instances,\n" +
			"the system disk, each data disk and the public bandwidth, for all Amount instances, with list price,\n" +
			"discount and paid price in the currency the API answers in. Pay-as-you-go is per hour and per month\n" +
			"(730 hours); a subscription is the total for its Period, with what one auto-renewal costs. With\n" +
			"PayByTraffic, the per-GB traffic price is stated apart (it is billed as used). --max-hourly and\n" +
			"--max-monthly fail (exit 1) naming each file that costs more. Only the parameters a price depends on\n" +
			"are read, so ${NAME} references elsewhere (the password) need not be set. Exit 0 all quoted and within\n" +
			"budget, 1 a quote failed or a budget is exceeded, 2 a file cannot be read."),
		Example: "  ecslaunch price web.yaml --sandbox\n  ecslaunch price launch/*.yaml --output json\n" +
			"  ecslaunch price web.yaml --max-monthly 2000   # " + i18n.Text("in CI, next to ecslaunch validate"),
		Args: minArgs(1, needsFiles),
		RunE: func(c *cobra.Command, args []string) error {
			o.hourlySet, o.monthlySet = c.Flags().Changed("max-hourly"), c.Flags().Changed("max-monthly")
			return runPrice(c.Context(), g, io, o, args)
		},
	}
	c.Flags().StringVarP(&o.output, "output", "o", "table", i18n.Text("output format: table or json"))
	c.Flags().Float64Var(&o.maxHourly, "max-hourly", 0, i18n.Text("fail when a file costs more than this per hour (TradePrice, in the API's currency)"))
	c.Flags().Float64Var(&o.maxMonthly, "max-monthly", 0, i18n.Text("fail when a file costs more than this per month (TradePrice, in the API's currency)"))
	return c
}

func runPrice(ctx context.Context, g *globals, io *IO, o *priceOptions, paths []string) error {
	if o.output != "table" && o.output != "json" {
		return usageErr(i18n.Errorf("--output must be table or json, not %q", o.output))
	}
	if (o.hourlySet && o.maxHourly < 0) || (o.monthlySet && o.maxMonthly < 0) {
		return usageErr(errors.New(i18n.Text("--max-hourly and --max-monthly take a price of 0 or more")))
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
		r.OverBudget = append(r.OverBudget, i18n.T("%s costs %.3f %s per hour, more than --max-hourly %s", r.File, b.PerHour, b.Currency, trimFloat(o.maxHourly)))
	}
	if o.monthlySet && b.PerMonth > o.maxMonthly {
		r.OverBudget = append(r.OverBudget, i18n.T("%s costs %.3f %s per month, more than --max-monthly %s", r.File, b.PerMonth, b.Currency, trimFloat(o.maxMonthly)))
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
			fmt.Fprintln(w, i18n.T("%s: no quote (see below)", r.File))
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
	fmt.Fprintln(w, i18n.T("%s: %d × %s in %s, %s", file, b.Amount, b.InstanceType, where, billingName(b)))
	var t table
	t.row("  "+i18n.Text("Parameter"), i18n.Text("Item"), fmt.Sprintf("%13s", "OriginalPrice"), fmt.Sprintf("%13s", "DiscountPrice"),
		fmt.Sprintf("%13s", "TradePrice"))
	for _, l := range b.Lines {
		t.row("  "+orDefault(l.Parameter, l.Resource), l.Item, money(l.OriginalPrice), money(l.DiscountPrice), money(l.TradePrice))
	}
	t.row("  "+i18n.Text("total"), per(b), money(b.Total.OriginalPrice), money(b.Total.DiscountPrice), money(b.Total.TradePrice))
	_ = t.write(w)
	if b.Unit != catalog.UnitHour {
		fmt.Fprintln(w, i18n.T("  paid %.3f %s per hour, %.3f %s per month (averaged over the Period)", b.PerHour, b.Currency, b.PerMonth, b.Currency))
	} else {
		fmt.Fprintln(w, i18n.T("  paid %.3f %s per hour, %.3f %s per month", b.PerHour, b.Currency, b.PerMonth, b.Currency))
	}
	if b.Renewal != nil {
		renewal := b.Renewal.Unit.Periods(b.Renewal.Period)
		if b.Renewal.AutoRenew {
			fmt.Fprintln(w, i18n.T("  auto-renew (on): %.3f %s per renewal of %s", b.Renewal.TradePrice, b.Currency, renewal))
		} else {
			fmt.Fprintln(w, i18n.T("  auto-renew (off): %.3f %s per renewal of %s", b.Renewal.TradePrice, b.Currency, renewal))
		}
	}
	if b.Traffic != nil {
		fmt.Fprintln(w, i18n.T("  outbound traffic: %.3f %s per GB, billed as used (not in the total)", b.Traffic.PricePerGB, b.Traffic.Currency))
	}
	for _, n := range b.Notes {
		fmt.Fprintln(w, "  "+i18n.T("note: %s", n))
	}
}

// money is a bill's figure, right-aligned in its column.
func money(v float64) string { return fmt.Sprintf("%13.3f", v) }

// per says what the total is for: "CNY per hour", "CNY for 3 months".
func per(b *catalog.Bill) string {
	if b.Unit == catalog.UnitHour {
		return i18n.T("%s per hour", b.Currency)
	}
	return i18n.T("%s for %s", b.Currency, b.Unit.Periods(b.Period))
}

func billingName(b *catalog.Bill) string {
	switch {
	case b.InstanceChargeType == catalog.PrePaid:
		return i18n.Text("subscription (PrePaid)")
	case b.SpotStrategy != "":
		return i18n.T("spot (%s)", b.SpotStrategy)
	}
	return i18n.Text("pay-as-you-go (PostPaid)")
}
