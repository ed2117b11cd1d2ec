package ui

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// The review's DescribePrice quote is for one request: once a step changes
// the request, the panel must not keep showing it.
func TestThePanelDropsAQuoteOnceTheRequestChanges(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Review)
	if _, ok, err := m.c.Quote(); !ok {
		t.Fatalf("no quote at the review: %v", err)
	}
	quote := priceLines(m.c, m.cm.st)
	if !strings.Contains(quote, "/month") || !strings.Contains(quote, "/hour") {
		t.Fatalf("panel price at the review: %q", quote)
	}
	m = press(t, m, "6") // Storage
	m = focusField(t, m, "SystemDisk.Size")
	m = typeText(t, m, "0") // 40 → 400 GiB
	if got := priceLines(m.c, m.cm.st); got == quote {
		t.Fatalf("the panel still shows the quote for the 40 GiB request: %q", got)
	}
}
