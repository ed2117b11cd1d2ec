package ui

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// A parameter whose field a later choice hides must leave the request: the
// review would otherwise send a spot price with a subscription, a period
// with pay-as-you-go, or a performance level with a non-ESSD disk.
func TestAChoiceThatHidesAFieldDropsItsParameter(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Billing)
	m = focusField(t, m, "SpotStrategy")
	m = press(t, m, "right") // SpotWithPriceLimit
	m = toStep(t, m, forms.InstanceType)
	m = press(t, m, "enter") // the type: its spot price limit is asked next
	m = focusField(t, m, "SpotPriceLimit")
	m = typeText(t, m, "0.5")
	if m.c.Request().Get("SpotPriceLimit") != "0.5" {
		t.Fatalf("the limit was not taken: %v", m.c.Request().Params())
	}
	for m.c.Step() != forms.Billing {
		m = press(t, m, "esc")
	}
	m = focusField(t, m, "InstanceChargeType")
	m = press(t, m, "right") // PrePaid
	for _, k := range []string{"SpotStrategy", "SpotPriceLimit"} {
		if m.c.Request().Has(k) {
			t.Errorf("PrePaid still sends %s: %v", k, m.c.Request().Params())
		}
	}
	m = focusField(t, m, "AutoRenew")
	m = press(t, m, "space")
	if !m.c.Request().Has("AutoRenewPeriod") {
		t.Fatalf("auto-renew has no period: %v", m.c.Request().Params())
	}
	m = focusField(t, m, "InstanceChargeType")
	m = press(t, m, "left") // PostPaid
	for _, k := range []string{"Period", "PeriodUnit", "AutoRenew", "AutoRenewPeriod"} {
		if m.c.Request().Has(k) {
			t.Errorf("PostPaid still sends %s: %v", k, m.c.Request().Params())
		}
	}
	m = toStep(t, m, forms.Storage)
	m = focusField(t, m, forms.KeyAddDataDisk)
	m = press(t, m, "space")
	m = focusField(t, m, "DataDisk.1.PerformanceLevel")
	m = press(t, m, "right")
	if !m.c.Request().Has("DataDisk.1.PerformanceLevel") {
		t.Fatalf("no performance level set: %v", m.c.Request().Params())
	}
	m = focusField(t, m, "DataDisk.1.Category")
	for m.c.Request().Get("DataDisk.1.Category") == "cloud_essd" {
		m = press(t, m, "right")
	}
	if m.c.Request().Has("DataDisk.1.PerformanceLevel") {
		t.Errorf("a %s disk still sends a performance level: %v", m.c.Request().Get("DataDisk.1.Category"), m.c.Request().Params())
	}
}
