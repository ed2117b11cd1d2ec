package cmd

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// billJSON is what `price --output json` prints for one file.
type billJSON struct {
	File               string
	InstanceChargeType string
	Currency           string
	Unit               string
	Period             int
	Amount             int
	Lines              []struct {
		Resource, Parameter, Item                string
		OriginalPrice, DiscountPrice, TradePrice float64
	}
	Total             struct{ OriginalPrice, DiscountPrice, TradePrice float64 }
	PerHour, PerMonth float64
	Traffic           *struct{ PricePerGB float64 }
	Renewal           *struct {
		Period     int
		TradePrice float64
	}
	Error      string
	OverBudget []string
}

func priceJSON(t *testing.T, out string) []billJSON {
	t.Helper()
	var bills []billJSON
	if err := json.Unmarshal([]byte(out), &bills); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return bills
}

// TestPriceJSONLinesAddUp is issue 13's acceptance: the example's quote
// has every line item, and they add up to the total; no ECS_PASSWORD is
// needed to price it.
func TestPriceJSONLinesAddUp(t *testing.T) {
	t.Setenv("ECS_PASSWORD", "")
	out, errs, code := run(t, "", "price", "../examples/web.yaml", "--sandbox", "--output", "json")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	bills := priceJSON(t, out)
	if len(bills) != 1 {
		t.Fatalf("%d bills", len(bills))
	}
	b := bills[0]
	var o, d, tr float64
	params := map[string]bool{}
	for _, l := range b.Lines {
		o, d, tr = o+l.OriginalPrice, d+l.DiscountPrice, tr+l.TradePrice
		params[l.Parameter] = true
	}
	for _, p := range []string{"InstanceType", "SystemDisk", "DataDisk.1", "InternetMaxBandwidthOut"} {
		if !params[p] {
			t.Errorf("no line for %s: %+v", p, b.Lines)
		}
	}
	if math.Abs(tr-b.Total.TradePrice) > 1e-9 || math.Abs(o-b.Total.OriginalPrice) > 1e-9 || math.Abs(d-b.Total.DiscountPrice) > 1e-9 || b.Total.TradePrice <= 0 {
		t.Errorf("lines add up to %v/%v/%v, total %+v", o, d, tr, b.Total)
	}
	if b.File != "../examples/web.yaml" || b.Currency != "CNY" || b.Unit != "Hour" || b.Amount != 2 || b.PerHour != b.Total.TradePrice ||
		math.Abs(b.PerMonth-b.PerHour*730) > 1e-6 || b.Traffic == nil || b.Traffic.PricePerGB <= 0 {
		t.Errorf("bill %+v", b)
	}
}

// TestPriceBudget: --max-hourly below the price exits 1 naming the file
// and the figure; above it, 0. --max-monthly likewise.
func TestPriceBudget(t *testing.T) {
	out, errs, code := run(t, "", "price", "../examples/web.yaml", "--sandbox", "--max-hourly", "0.01")
	if code != 1 || !strings.Contains(errs, "../examples/web.yaml costs 1.700 CNY per hour, more than --max-hourly 0.01") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "TradePrice") || !strings.Contains(out, "DataDisk.1") {
		t.Errorf("the table is still printed:\n%s", out)
	}
	if _, errs, code := run(t, "", "price", "../examples/web.yaml", "--sandbox", "--max-hourly", "100", "--max-monthly", "5000"); code != 0 {
		t.Errorf("within budget: exit %d\n%s", code, errs)
	}
	_, errs, code = run(t, "", "price", "../examples/web.yaml", "--sandbox", "--max-monthly", "1000", "--output", "json")
	if code != 1 || !strings.Contains(errs, "per month, more than --max-monthly 1000") {
		t.Errorf("monthly budget: exit %d\n%s", code, errs)
	}
}

// TestPriceSubscriptionAndExitCodes: a subscription is quoted for its
// Period with its renewal; an unreadable file exits 2, a file the API
// cannot price exits 1, both named.
func TestPriceSubscriptionAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sub := write("sub.yaml", "version: 1\nrequest:\n  RegionId: cn-hangzhou\n  ZoneId: cn-hangzhou-i\n  InstanceType: ecs.g6.large\n"+
		"  InstanceChargeType: PrePaid\n  Period: 3\n  AutoRenew: true\n  AutoRenewPeriod: 1\n")
	out, errs, code := run(t, "", "price", sub, "--sandbox", "--output", "json")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	b := priceJSON(t, out)[0]
	if b.InstanceChargeType != "PrePaid" || b.Unit != "Month" || b.Period != 3 || b.Renewal == nil || b.Renewal.Period != 1 ||
		math.Abs(b.Renewal.TradePrice*3-b.Total.TradePrice) > 0.01 || math.Abs(b.PerMonth-b.Total.TradePrice/3) > 1e-3 {
		t.Errorf("subscription %+v (renewal %+v)", b, b.Renewal)
	}
	table, _, _ := run(t, "", "price", sub, "--sandbox")
	if !strings.Contains(table, "CNY for 3 months") || !strings.Contains(table, "auto-renew (on)") {
		t.Errorf("table:\n%s", table)
	}
	unknown := write("unknown.yaml", "version: 1\nrequest:\n  RegionId: cn-hangzhou\n  InstanceType: ecs.nope.large\n")
	_, errs, code = run(t, "", "price", unknown, "--sandbox")
	if code != 1 || !strings.Contains(errs, "unknown.yaml") || !strings.Contains(errs, "InvalidInstanceType") {
		t.Errorf("unknown type: exit %d\n%s", code, errs)
	}
	ref := write("ref.yaml", "version: 1\nrequest:\n  RegionId: cn-hangzhou\n  InstanceType: ${ECS_TYPE}\n")
	_, errs, code = run(t, "", "price", ref, "--sandbox")
	if code != 2 || !strings.Contains(errs, "ECS_TYPE") {
		t.Errorf("unset variable in a priced parameter: exit %d\n%s", code, errs)
	}
	if _, _, code := run(t, "", "price", filepath.Join(dir, "missing.yaml"), "--sandbox"); code != 2 {
		t.Errorf("missing file: exit %d", code)
	}
	if _, _, code := run(t, "", "price", sub, "--sandbox", "--max-hourly", "-1"); code != 2 {
		t.Errorf("negative budget: exit %d", code)
	}
}
