package ui

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

func TestAnAPIErrorShowsInABannerAndRetries(t *testing.T) {
	r := newFakeReader()
	r.loadFailures = 10 // every load fails until the service is back
	m := start(t, Options{Reader: r, Region: "cn-hangzhou"})
	m = press(t, m, "enter", "enter") // Region, Billing: the Zone step needs the failed load
	if m.c.Step() != forms.Zone || !m.c.Blocked() || m.c.Failure() == nil {
		t.Fatalf("step %v blocked %v failed %v", m.c.Step(), m.c.Blocked(), m.c.Failure())
	}
	if v := m.View(); !strings.Contains(v, "ServiceUnavailable") || !strings.Contains(v, "ctrl+r retry") {
		t.Fatalf("no banner:\n%s", v)
	}
	r.loadFailures = 0 // the service is back
	m = press(t, m, "ctrl+r")
	if !m.c.Ready() || m.c.Failure() != nil || len(m.pickers.zones.list.rows) == 0 {
		t.Fatalf("retry: ready %v failed %v", m.c.Ready(), m.c.Failure())
	}
}

func TestDataDisksAndTagsAreAddedAndRemovedAsRows(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Storage)
	m = focusField(t, m, forms.KeyAddDataDisk)
	m = press(t, m, "space")
	m = focusField(t, m, forms.KeyAddDataDisk)
	m = press(t, m, "space")
	if n := m.c.Request().Count("DataDisk"); n != 2 {
		t.Fatalf("%d data disks", n)
	}
	m = focusField(t, m, "DataDisk.1.Size")
	m = press(t, m, "backspace", "backspace")
	m = typeText(t, m, "10")
	if !m.form.findings.Blocking("DataDisk.1.Size") {
		t.Fatalf("a 10 GiB ESSD data disk is not flagged: %v", m.form.findings["DataDisk.1.Size"])
	}
	m = press(t, m, "ctrl+x")
	if n := m.c.Request().Count("DataDisk"); n != 1 || m.c.Request().Get("DataDisk.1.Size") != "40" {
		t.Fatalf("after removing disk 1: %v", m.c.Request().Params())
	}
	m = toStep(t, press(t, m, "enter", "enter"), forms.Access)
	m = focusField(t, m, forms.KeyAddTag)
	m = press(t, m, "space")
	m = focusField(t, m, "Tag.1.Key")
	for range "tag1" {
		m = press(t, m, "backspace")
	}
	m = typeText(t, m, "team")
	m = press(t, m, "tab")
	m = typeText(t, m, "web")
	if m.c.Request().Get("Tag.1.Key") != "team" || m.c.Request().Get("Tag.1.Value") != "web" {
		t.Fatalf("tag row: %v", m.c.Request().Params())
	}
}

func TestTypingABandwidthBringsItsChargeTypeWithADefault(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Network)
	m = focusField(t, m, "InternetMaxBandwidthOut")
	m = typeText(t, m, "5")
	if optionIndexByField(m.form.fields, "InternetChargeType") < 0 || m.c.Request().Get("InternetChargeType") != "PayByTraffic" {
		t.Fatalf("fields %v, request %v", fieldKeys(m.form), m.c.Request().Params())
	}
	if m.form.focusedKey() != "InternetMaxBandwidthOut" {
		t.Fatalf("focus moved to %s", m.form.focusedKey())
	}
	m = typeText(t, m, "000")
	if !m.form.findings.Blocking("InternetMaxBandwidthOut") {
		t.Fatalf("5000 Mbit/s is not flagged: %v", m.form.findings)
	}
}
