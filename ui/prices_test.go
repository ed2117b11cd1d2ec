package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/forms"
)

// describePrice asks the sandbox itself, through the SDK, for the price of
// one instance of a type: the source the wizard's figures must agree with.
func describePrice(t *testing.T, o Options, zone, typ, charge string) ecs.DescribePriceResponse {
	t.Helper()
	req := ecs.CreateDescribePriceRequest()
	req.Scheme = "http"
	req.RegionId, req.ZoneId, req.InstanceType, req.ResourceType = "cn-hangzhou", zone, typ, "instance"
	req.IoOptimized, req.InstanceNetworkType = "optimized", "vpc"
	req.PriceUnit = "Hour"
	if charge == "PrePaid" {
		req.PriceUnit, req.Period = "Month", requests.NewInteger(1)
	}
	resp, err := o.Launch.(*ecs.Client).DescribePrice(req)
	if err != nil {
		t.Fatal(err)
	}
	return *resp
}

// The type table's figures, the panel and the review agree with the
// sandbox's own DescribePrice, in its unit, by the hour and by the month.
func TestPricesAgreeWithDescribePriceInTheirUnit(t *testing.T) {
	for _, charge := range []string{"PostPaid", "PrePaid"} {
		t.Run(charge, func(t *testing.T) {
			o := sandboxOptions(t)
			m := toStep(t, start(t, o), forms.Billing)
			if charge == "PrePaid" {
				m = press(t, m, "right")
			}
			m = toStep(t, m, forms.InstanceType)
			pr := m.c.Pricing()
			if !pr.Complete || pr.Done == 0 || pr.Done != pr.Total {
				t.Fatalf("pricing %+v", pr)
			}
			// Cheapest first once every type is priced.
			first := m.pickers.types.list.rows[0].value
			for _, r := range m.pickers.types.list.rows {
				ta, _ := m.c.TypePrice(first)
				tb, ok := m.c.TypePrice(r.value)
				typ, _ := m.c.Env().Type(r.value)
				if ok && typ.Status == "Available" && tb.TradePrice < ta.TradePrice {
					t.Fatalf("%s (%.3f) is cheaper than the first row %s (%.3f)", r.value, tb.TradePrice, first, ta.TradePrice)
				}
			}
			zone := m.c.Request().Get("ZoneId")
			typ := m.c.Request().Get("InstanceType")
			// The table shows the type's own line of the answer: the whole
			// adds a default system disk the request may not have.
			api := describePrice(t, o, zone, typ, charge)
			var line *ecs.DetailInfo
			for i, d := range api.PriceInfo.Price.DetailInfos.DetailInfo {
				if d.Resource == "instanceType" {
					line = &api.PriceInfo.Price.DetailInfos.DetailInfo[i]
				}
			}
			got, _ := m.c.TypePrice(typ)
			if line == nil || fmt.Sprintf("%.3f", got.TradePrice) != fmt.Sprintf("%.3f", line.TradePrice) {
				t.Fatalf("table %s %.3f, DescribePrice's instanceType line %+v", typ, got.TradePrice, line)
			}
			wantUnit := map[string]string{"PostPaid": "Price/h", "PrePaid": "Price/mo"}[charge]
			if !strings.Contains(m.View(), wantUnit) {
				t.Errorf("the price column is not headed %s:\n%s", wantUnit, m.View())
			}
			m = toStep(t, m, forms.Review)
			b := m.c.Bill()
			if b == nil {
				t.Fatal("no bill at the review")
			}
			total := 0.0
			for _, l := range b.Lines {
				total += l.TradePrice
			}
			if fmt.Sprintf("%.3f", total) != fmt.Sprintf("%.3f", b.Total.TradePrice) {
				t.Errorf("the lines add up to %.3f, the total is %.3f", total, b.Total.TradePrice)
			}
			// The review's InstanceType line (Amount 1) is the table's figure.
			for _, l := range b.Lines {
				if l.Parameter == "InstanceType" && fmt.Sprintf("%.3f", l.TradePrice) != fmt.Sprintf("%.3f", got.TradePrice) {
					t.Errorf("the review's %s line %.3f, the table %.3f", l.Item, l.TradePrice, got.TradePrice)
				}
			}
			view := m.View()
			wantTotal := fmt.Sprintf("%.3f CNY/hour", b.Total.TradePrice)
			if charge == "PrePaid" {
				wantTotal = fmt.Sprintf("%.2f CNY for 1 month", b.Total.TradePrice)
			}
			if !strings.Contains(view, wantTotal) {
				t.Errorf("the review does not show %q:\n%s", wantTotal, view)
			}
			if panel := priceLines(m.c, m.cm.st); !strings.Contains(panel, wantTotal) {
				t.Errorf("the panel shows %q, not the review's %q", panel, wantTotal)
			}
		})
	}
}

// While the zone is being priced the table says so and is not in price
// order (rows would jump as prices arrive).
func TestTheTableSaysWhilePricingRuns(t *testing.T) {
	p := newTypePicker()
	p.setTypes(manyTypes(30), "cn-hangzhou-i", "h")
	p.pricing = flow.Pricing{Done: 12, Total: 30}
	p.refresh()
	if st := p.status(); !strings.Contains(st, "pricing 12/30") || !strings.Contains(st, "price once pricing completes") {
		t.Fatalf("status %q", st)
	}
	for i := 1; i < len(p.list.rows); i++ {
		a, _ := findType(p, p.list.rows[i-1].value)
		b, _ := findType(p, p.list.rows[i].value)
		if a.Status == b.Status && a.CpuCoreCount > b.CpuCoreCount {
			t.Fatalf("not in vCPU order while pricing: %s before %s", a.InstanceTypeId, b.InstanceTypeId)
		}
	}
}

func findType(p typePicker, id string) (t0 catalog.InstanceType, ok bool) {
	for _, t := range p.all {
		if t.InstanceTypeId == id {
			return t, true
		}
	}
	return catalog.InstanceType{}, false
}
