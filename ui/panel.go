package ui

import (
	"fmt"
	"strings"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/request"
)

// priceLines is the quote of the request as it is now, in the unit and
// currency DescribePrice answered with; the side panel and the review show
// the same figure.
func priceLines(c *flow.Controller, st Styles) string {
	req := c.Request()
	if req.Get("InstanceType") == "" {
		return st.Muted.Render("(choose a type)")
	}
	p, ok, err := c.Quote()
	switch {
	case err != nil:
		return st.Warn.Render("no quote: " + oneLine(err.Error()))
	case !ok:
		return st.Muted.Render("asking DescribePrice…")
	}
	return fmtPrice(p, req)
}

// fmtPrice shows a quote: per hour and per month of 730 hours
// pay-as-you-go, for the whole period by subscription; with the list price
// when there is a discount.
func fmtPrice(p catalog.Price, req *request.Request) string {
	cur := firstNonEmpty(p.Currency, "CNY")
	n := firstNonEmpty(req.Get("Amount"), "1")
	var lines []string
	if p.PriceUnit == "" || strings.EqualFold(p.PriceUnit, "Hour") {
		lines = []string{fmt.Sprintf("%.3f %s/hour", p.TradePrice, cur),
			fmt.Sprintf("≈ %.2f %s/month (730 h)", p.TradePrice*730, cur)}
	} else {
		period := firstNonEmpty(req.Get("Period"), "1")
		unit := strings.ToLower(p.PriceUnit)
		if period != "1" {
			unit += "s"
		}
		lines = []string{fmt.Sprintf("%.2f %s for %s %s", p.TradePrice, cur, period, unit)}
	}
	lines[0] += fmt.Sprintf(" · %s instance(s)", n)
	if p.OriginalPrice > p.TradePrice {
		lines = append(lines, fmt.Sprintf("list price %.3f %s, discount %.3f", p.OriginalPrice, cur, p.OriginalPrice-p.TradePrice))
	}
	return strings.Join(lines, "\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// panelView is the request as it grows, in API names, secrets masked, and
// its price first (a long request must not push it out of view).
func (m *Model) panelView() string {
	w := panelWidth
	lines := []string{m.cm.st.PanelTitle.Render("Price")}
	lines = append(lines, strings.Split(wrapText(priceLines(m.c, m.cm.st), w), "\n")...)
	lines = append(lines, "", m.cm.st.PanelTitle.Render("Request"))
	for _, p := range m.c.Request().Params() {
		lines = append(lines, ellipsis(p.Name+"="+request.Display(p.Name, p.Value), w))
	}
	return padLines(strings.Join(lines, "\n"), m.bodyHeight())
}
