package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// priceLines is the quote of the request as it is now, in the unit and
// currency DescribePrice answered with: the side panel and the review
// show the same total.
func priceLines(c *flow.Controller, st Styles) string {
	req := c.Request()
	if req.Get("InstanceType") == "" {
		return st.Muted.Render(i18n.Text("(choose a type)"))
	}
	p, ok, err := c.Quote()
	switch {
	case err != nil:
		return st.Warn.Render(i18n.T("no quote: %s", oneLine(err.Error())))
	case !ok:
		return st.Muted.Render(i18n.Text("asking DescribePrice…"))
	}
	if b := c.Bill(); b != nil {
		return strings.Join(billTotal(b), "\n")
	}
	return fmtPrice(p, req)
}

// billTotal is a bill's total: per hour and per month pay-as-you-go, for
// the whole period by subscription with what a renewal costs, the
// traffic billed apart, and the list price when there is a discount.
func billTotal(b *catalog.Bill) []string {
	cur := b.Currency
	n := i18n.T(" · %d instance(s)", b.Amount)
	var out []string
	if b.InstanceChargeType == "PrePaid" {
		out = append(out, i18n.T("%.2f %s for %s", b.Total.TradePrice, cur, periodText(b.Period, b.Unit))+n,
			i18n.T("≈ %.2f %s/month", b.PerMonth, cur))
		if r := b.Renewal; r != nil {
			on := i18n.Text("if renewed")
			if r.AutoRenew {
				on = i18n.Text("auto-renew")
			}
			out = append(out, i18n.T("%s: %.2f %s per %s", on, r.TradePrice, cur, periodText(r.Period, r.Unit)))
		}
	} else {
		out = append(out, i18n.T("%.3f %s/hour", b.Total.TradePrice, cur)+n,
			i18n.T("≈ %.2f %s/month (730 h)", b.PerMonth, cur))
	}
	if t := b.Traffic; t != nil {
		out = append(out, i18n.T("+ %.2f %s per GB of outbound traffic", t.PricePerGB, firstNonEmpty(t.Currency, cur)))
	}
	if b.Total.OriginalPrice > b.Total.TradePrice {
		out = append(out, i18n.T("list %.3f, discount %.3f %s", b.Total.OriginalPrice, b.Total.DiscountPrice, cur))
	}
	return out
}

// periodText is n of a unit ("1 month", "3 months", "3 个月"): the
// catalog's own plural forms and names.
func periodText(n int, u catalog.PriceUnit) string { return u.Periods(max(n, 1)) }

// billLines is the review's bill: every line with its list price,
// discount and what is paid, then the total.
func billLines(c *flow.Controller, st Styles, width int) []string {
	b := c.Bill()
	if b == nil {
		return strings.Split(priceLines(c, st), "\n")
	}
	per := catalog.UnitHour.Name()
	if b.InstanceChargeType == "PrePaid" {
		per = periodText(b.Period, b.Unit)
	}
	iw := max(16, width-36) // the item takes what the three figures leave
	row := func(item string, m catalog.Money) string {
		return fmt.Sprintf("  %s %10.3f %10.3f %10.3f", fit(item, iw, false), m.OriginalPrice, m.DiscountPrice, m.TradePrice)
	}
	head := "  " + fit(i18n.T("per %s, %s", per, b.Currency), iw, false) + " " + padLeft(i18n.Text("list"), 10) + " " +
		padLeft(i18n.Text("discount"), 10) + " " + padLeft(i18n.Text("paid"), 10)
	out := []string{st.Header.Render(ellipsis(head, width))}
	for _, l := range b.Lines {
		item := firstNonEmpty(l.Parameter, l.Resource)
		if l.Item != "" {
			item += " " + l.Item
		}
		out = append(out, ellipsis(row(item, l.Money), width))
	}
	out = append(out, ellipsis(row(i18n.Text("total"), b.Total), width))
	return append(out, billTotal(b)...)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// panelView is the request as it grows, in API names, secrets masked, and
// its price first (a long request must not push it out of view).
func (m *Model) panelView() string {
	w := panelWidth
	lines := []string{m.cm.st.PanelTitle.Render(i18n.Text("Price"))}
	lines = append(lines, strings.Split(wrapText(priceLines(m.c, m.cm.st), w), "\n")...)
	lines = append(lines, "", m.cm.st.PanelTitle.Render(i18n.Text("Request")))
	for _, p := range m.c.Request().Params() {
		lines = append(lines, ellipsis(p.Name+"="+request.Display(p.Name, p.Value), w))
	}
	return padLines(strings.Join(lines, "\n"), m.bodyHeight())
}

// fmtPrice shows a total with no bill (a catalog that only quotes): per
// hour and per month pay-as-you-go, for the whole period by subscription.
func fmtPrice(p catalog.Price, req *request.Request) string {
	cur := firstNonEmpty(p.Currency, "CNY")
	n := i18n.T(" · %s instance(s)", firstNonEmpty(req.Get("Amount"), "1"))
	if p.PriceUnit == "" || strings.EqualFold(p.PriceUnit, "Hour") {
		return i18n.T("%.3f %s/hour", p.TradePrice, cur) + n + "\n" + i18n.T("≈ %.2f %s/month (730 h)", p.TradePrice*730, cur)
	}
	period, _ := strconv.Atoi(firstNonEmpty(req.Get("Period"), "1"))
	return i18n.T("%.2f %s for %s", p.TradePrice, cur, periodText(period, catalog.PriceUnit(p.PriceUnit))) + n
}
