package ui

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

func TestTypingANumberReplacesTheDefaultButACursorKeyKeepsIt(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Storage)
	m = focusField(t, m, "SystemDisk.Size")
	if m.c.Request().Get("SystemDisk.Size") != "40" {
		t.Fatalf("default size %q", m.c.Request().Get("SystemDisk.Size"))
	}
	m = typeText(t, m, "200")
	if got := m.c.Request().Get("SystemDisk.Size"); got != "200" {
		t.Fatalf("typing 200 over the default gave %q", got)
	}
	m = focusField(t, m, "SystemDisk.Category")
	m = focusField(t, m, "SystemDisk.Size")
	m = press(t, m, "left")
	m = typeText(t, m, "5")
	if got := m.c.Request().Get("SystemDisk.Size"); got != "2050" {
		t.Fatalf("after a cursor key typing edits in place, got %q", got)
	}
}
