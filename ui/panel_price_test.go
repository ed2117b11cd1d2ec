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
	if !m.review.priced {
		t.Fatalf("no quote at the review")
	}
	quote := m.priceText()
	if !strings.Contains(quote, "/month") || strings.HasPrefix(quote, "≈") {
		t.Fatalf("panel price at the review: %q", quote)
	}
	m = press(t, m, "6") // Storage
	m = focusField(t, m, "SystemDisk.Size")
	m = typeText(t, m, "0") // 40 → 400 GiB
	if got := m.priceText(); got == quote {
		t.Fatalf("the panel still shows the quote for the 40 GiB request: %q", got)
	}
}
