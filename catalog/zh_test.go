package catalog

import (
	"context"
	"testing"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

// In Chinese the regions and zones come with their Chinese LocalNames
// (AcceptLanguage zh-CN), cached apart from the English ones: a list
// cached in one language is not shown in the other.
func TestLocalNamesFollowTheLanguage(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	dir := t.TempDir()
	ctx := context.Background()
	name := func(c *Catalog) (region, zone string) {
		t.Helper()
		rs, err := c.Regions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		zs, err := c.Zones(ctx, "cn-hangzhou", Billing{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.RegionId == "cn-hangzhou" {
				region = r.LocalName
			}
		}
		return region, zs[0].LocalName
	}
	en, enZone := name(sandboxCatalog(t, srv, dir, Options{}))
	i18n.Set(i18n.Chinese)
	defer i18n.Set(i18n.English)
	zh, zhZone := name(sandboxCatalog(t, srv, dir, Options{}))
	if en != "China (Hangzhou)" || zh != "华东1（杭州）" {
		t.Errorf("cn-hangzhou is %q in English, %q in Chinese", en, zh)
	}
	if enZone == zhZone {
		t.Errorf("the zone's LocalName %q is the same in both languages", zhZone)
	}
	// A recording asks for English whatever the language.
	if r, _ := name(sandboxCatalog(t, srv, t.TempDir(), Options{AcceptLanguage: "en-US"})); r != en {
		t.Errorf("AcceptLanguage en-US in Chinese gives %q", r)
	}
}

// Prices read as the language does: "CNY/3 个月", and the English plural.
func TestPriceStringInBothLanguages(t *testing.T) {
	p := Price{TradePrice: 2764.8, Currency: "CNY", PriceUnit: "Month", Period: 3}
	if got := p.String(); got != "2764.800 CNY/3 months" {
		t.Errorf("en: %q", got)
	}
	if got := UnitMonth.Periods(1); got != "1 month" {
		t.Errorf("en one: %q", got)
	}
	i18n.Set(i18n.Chinese)
	defer i18n.Set(i18n.English)
	if got := p.String(); got != "2764.800 CNY/3 个月" {
		t.Errorf("zh: %q", got)
	}
	if got := (Price{TradePrice: 0.64, Currency: "CNY"}).String(); got != "0.640 CNY/小时" {
		t.Errorf("zh hour: %q", got)
	}
}
