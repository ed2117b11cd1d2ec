package ui

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// Typing a query and Enter takes the image the query names best, even
// though the rows stay grouped by OS.
func TestImageFilterEnterTakesTheBestMatch(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Image)
	m = press(t, m, "/")
	m = typeText(t, m, "win2022")
	m = press(t, m, "enter")
	if got := m.c.Request().Get("ImageId"); !strings.HasPrefix(got, "win2022") {
		t.Fatalf("filter win2022 chose %s", got)
	}
}
