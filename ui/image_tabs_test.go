package ui

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

func TestAnEmptyImageTabSaysWhyRatherThanZero(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Image)
	m = press(t, m, "right")
	if v := m.View(); !strings.Contains(v, "no custom images of yours here") {
		t.Fatalf("the own tab, empty, says nothing about why:\n%s", v)
	}
}
