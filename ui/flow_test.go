package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/ecslaunch/ecslaunch/forms"
)

// waitScreen waits until the program's output contains s.
func waitScreen(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
		teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// enterToReview presses Enter on every step, each once its header shows.
func enterToReview(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	waitScreen(t, tm, "cn-hangzhou ")
	for _, s := range forms.Steps()[1:] {
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		waitScreen(t, tm, "["+forms.Def(s).Short+"]")
	}
}

func TestEnterThroughEveryStepReachesTheReviewAndDryRunPasses(t *testing.T) {
	o := sandboxOptions(t)
	tm := teatest.NewTestModel(t, New(context.Background(), o), teatest.WithInitialTermSize(100, 30))
	enterToReview(t, tm)
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d")})
	waitScreen(t, tm, "DryRun passed")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	m := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if m.c.Step() != forms.Review || m.c.Review().Dry == nil || !m.c.Review().Dry.Passed {
		t.Fatalf("step %v, DryRun %+v", m.c.Step(), m.c.Review().Dry)
	}
	req := m.c.Request()
	for k, want := range map[string]string{"RegionId": "cn-hangzhou", "InstanceType": "ecs.g6.large",
		"SystemDisk.Category": "cloud_essd", "InstanceChargeType": "PostPaid"} {
		if got := req.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	for _, k := range []string{"ZoneId", "ImageId", "VSwitchId", "SecurityGroupId"} {
		if req.Get(k) == "" {
			t.Errorf("%s has no default", k)
		}
	}
	if !strings.HasPrefix(req.Get("ImageId"), "aliyun_3_x64") {
		t.Errorf("ImageId = %s, want the newest Alibaba Cloud Linux 3 for x86_64", req.Get("ImageId"))
	}
}

// toAccess drives the wizard with Enter from the start to the Access step.
func toStep(t *testing.T, m Model, s forms.StepID) Model {
	t.Helper()
	for m.c.Step() < s {
		before := m.c.Step()
		m = press(t, m, "enter")
		if m.c.Step() == before {
			t.Fatalf("Enter on %v did not move on: %s", before, m.c.Notice())
		}
	}
	return m
}

// focusField tabs to the field of key.
func focusField(t *testing.T, m Model, key string) Model {
	t.Helper()
	for i := 0; i < len(m.form.fields); i++ {
		if m.form.focusedKey() == key {
			return m
		}
		m = press(t, m, "tab")
	}
	t.Fatalf("no field %s on %v", key, m.c.Step())
	return m
}

func TestInvalidInstanceNameShowsItsRuleUnderTheFieldAndBlocksTheStep(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Access)
	m = focusField(t, m, "InstanceName")
	m = typeText(t, m, "my web")
	fs := m.form.findings["InstanceName"]
	if !blocking(fs) {
		t.Fatalf("InstanceName \"my web\": no error finding, got %+v", fs)
	}
	view := m.View()
	if !strings.Contains(view, "InstanceName") || !strings.Contains(view, fs[0].Row) {
		t.Fatalf("the rule is not shown under the field:\n%s", view)
	}
	m = press(t, m, "enter")
	if m.c.Step() != forms.Access {
		t.Fatalf("an invalid InstanceName left the step (now %v)", m.c.Step())
	}
	// Fixing it (a letter first) clears the finding on the keystroke and lets the step go.
	m = press(t, m, "backspace", "backspace", "backspace", "backspace")
	m = typeText(t, m, "-web")
	if blocking(m.form.findings["InstanceName"]) {
		t.Fatalf("my-web still blocked: %+v", m.form.findings["InstanceName"])
	}
	m = press(t, m, "enter")
	if m.c.Step() != forms.Advanced {
		t.Fatalf("a valid step did not move on: %v (%s)", m.c.Step(), m.c.Notice())
	}
}

func TestBackKeepsEveryValue(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Access)
	m = focusField(t, m, "InstanceName")
	m = typeText(t, m, "web")
	m = press(t, m, "enter") // to Advanced
	before := m.c.Request().Clone()
	for m.c.Step() > forms.Zone {
		m = press(t, m, "esc")
	}
	if !m.c.Request().Equal(before) {
		t.Fatalf("going back changed the request:\nbefore %v\nafter  %v", before.Params(), m.c.Request().Params())
	}
	m = toStep(t, m, forms.Access)
	if got := m.c.Request().Get("InstanceName"); got != "web" {
		t.Fatalf("InstanceName after back and forth = %q", got)
	}
	if !strings.Contains(m.View(), "web") {
		t.Fatalf("the field does not show its value:\n%s", m.View())
	}
}

func TestASoldOutTypeShowsWhereItIsAvailableAndOneKeySwitchesZone(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Zone)
	if !m.pickers.zones.list.selectValue("cn-hangzhou-j") {
		t.Fatal("no zone cn-hangzhou-j in the sandbox")
	}
	m = press(t, m, "enter", "/")
	m = typeText(t, m, "ecs.g7.large")
	row, ok := m.pickers.types.list.selected()
	if !ok || row.value != "ecs.g7.large" {
		t.Fatalf("filter did not select ecs.g7.large: %+v", row)
	}
	if !row.dim || !strings.Contains(m.View(), "sold out · in cn-hangzhou-") {
		t.Fatalf("ecs.g7.large is not shown sold out with its zones:\n%s", m.View())
	}
	m = press(t, m, "enter")
	if m.c.Step() != forms.InstanceType || m.c.Request().Get("InstanceType") == "ecs.g7.large" {
		t.Fatal("a sold-out type was accepted")
	}
	m = press(t, m, "z")
	if c := m.pickers.zoneChoice; c == nil || len(c.values) < 2 || !strings.Contains(m.View(), c.values[1]) {
		t.Fatalf("z on a type available in several zones does not let the user choose:\n%s", m.View())
	}
	m = press(t, m, "enter")
	zone := m.c.Request().Get("ZoneId")
	if zone == "cn-hangzhou-j" || zone == "" {
		t.Fatalf("z did not switch zone: %q", zone)
	}
	t2, _ := m.pickers.types.chosen()
	if t2.InstanceTypeId != "ecs.g7.large" || t2.Status != "Available" {
		t.Fatalf("after the switch the cursor is on %s (%s)", t2.InstanceTypeId, t2.Status)
	}
}

func TestGoingBackFlagsLaterChoicesThatNoLongerFit(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.InstanceType)
	if !m.pickers.types.list.selectValue("ecs.g7.large") {
		t.Fatal("no ecs.g7.large")
	}
	m = toStep(t, press(t, m, "enter"), forms.Access)
	for m.c.Step() > forms.Zone {
		m = press(t, m, "esc")
	}
	if !m.pickers.zones.list.selectValue("cn-hangzhou-j") {
		t.Fatal("no zone j")
	}
	m = press(t, m, "enter")
	if m.c.Step() != forms.InstanceType || m.c.Request().Get("InstanceType") != "ecs.g7.large" {
		t.Fatalf("the type choice was not kept: %v %q", m.c.Step(), m.c.Request().Get("InstanceType"))
	}
	if !m.c.Flagged(forms.InstanceType) || !m.c.Flagged(forms.Network) {
		t.Fatalf("flags: the sold-out type and the vSwitch of another zone are not flagged")
	}
	if v := m.View(); !strings.Contains(v, "Network!") || !strings.Contains(v, "sold out") {
		t.Fatalf("flags not shown:\n%s", v)
	}
	// An unavailable type cannot be taken; another one can, and the network step shows its stale vSwitch.
	m = press(t, m, "enter")
	if m.c.Step() != forms.InstanceType {
		t.Fatal("the sold-out type was accepted")
	}
	m.pickers.types.list.selectValue(forms.DefaultType(m.c.Env().Types))
	m = toStep(t, press(t, m, "enter"), forms.Network)
	if !m.form.findings.Blocking("VSwitchId") {
		t.Fatalf("the vSwitch of zone i is not flagged in zone j: %v", m.form.findings["VSwitchId"])
	}
	m = press(t, m, "enter")
	if m.c.Step() != forms.Network {
		t.Fatal("a stale vSwitch left the step")
	}
	m = focusField(t, m, "VSwitchId")
	m = press(t, m, "right")
	if m.form.findings.Blocking("VSwitchId") {
		t.Fatalf("choosing a vSwitch of the zone did not clear it: %v", m.form.findings["VSwitchId"])
	}
}

// reviewDryRun presses d on the review and returns the verdict.
func reviewDryRun(t *testing.T, m Model) Model {
	t.Helper()
	m = toStep(t, m, forms.Review)
	if len(m.c.Review().Findings) > 0 {
		t.Fatalf("findings on the review: %+v", m.c.Review().Findings)
	}
	m = press(t, m, "d")
	if m.c.Review().Dry == nil || !m.c.Review().Dry.Passed {
		t.Fatalf("DryRun: %+v\n%v", m.c.Review().Dry, m.c.Request().Params())
	}
	return m
}

func TestAnyZoneSubscriptionAndSpotAllReachAPassingDryRun(t *testing.T) {
	o := sandboxOptions(t)
	o.DraftPath = "" // each run starts afresh
	t.Run("any zone", func(t *testing.T) {
		m := toStep(t, start(t, o), forms.Zone)
		m.pickers.zones.list.selectValue("")
		m = reviewDryRun(t, press(t, m, "enter"))
		if m.c.Request().Has("ZoneId") {
			t.Errorf("any zone sent ZoneId %s", m.c.Request().Get("ZoneId"))
		}
	})
	t.Run("subscription", func(t *testing.T) {
		m := toStep(t, start(t, o), forms.Billing)
		m = press(t, m, "right") // PrePaid
		for _, k := range []string{"Period", "PeriodUnit", "AutoRenew"} {
			if optionIndexByKey(m.form.fields, k) < 0 {
				t.Fatalf("PrePaid does not ask %s", k)
			}
		}
		m = focusField(t, m, "AutoRenew")
		m = press(t, m, "space")
		if optionIndexByKey(m.form.fields, "AutoRenewPeriod") < 0 {
			t.Fatal("AutoRenew does not ask AutoRenewPeriod")
		}
		m = reviewDryRun(t, m) // AutoRenewPeriod defaults to 1
		if m.c.Request().Get("InstanceChargeType") != "PrePaid" || m.c.Request().Get("Period") != "1" {
			t.Errorf("request %v", m.c.Request().Params())
		}
	})
	t.Run("spot with a price limit", func(t *testing.T) {
		m := toStep(t, start(t, o), forms.Billing)
		m = focusField(t, m, "SpotStrategy")
		m = press(t, m, "right")
		m = toStep(t, m, forms.InstanceType)
		m = press(t, m, "enter") // the type; its price limit is asked next
		m = focusField(t, m, "SpotPriceLimit")
		m = typeText(t, m, "0.5")
		m = reviewDryRun(t, m)
		if m.c.Request().Get("SpotStrategy") != "SpotWithPriceLimit" {
			t.Errorf("request %v", m.c.Request().Params())
		}
	})
}

func optionIndexByKey(fs []forms.Field, key string) int {
	for i, f := range fs {
		if f.Key == key {
			return i
		}
	}
	return -1
}

// TestInvalidInstanceNameInTheRunningProgram is the same check through a
// real program (teatest): the rule appears under the field as it is typed.
func TestInvalidInstanceNameInTheRunningProgram(t *testing.T) {
	o := sandboxOptions(t)
	tm := teatest.NewTestModel(t, New(context.Background(), o), teatest.WithInitialTermSize(100, 30))
	waitScreen(t, tm, "cn-hangzhou ")
	for _, s := range forms.Steps()[1:forms.Access] {
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		waitScreen(t, tm, "["+forms.Def(s).Short+"]")
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitScreen(t, tm, "Log in with")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Type("my web")
	waitScreen(t, tm, "T1-21")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitScreen(t, tm, "Fix the field")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	m := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if m.c.Step() != forms.Access || !m.form.findings.Blocking("InstanceName") || m.c.Request().Get("InstanceName") != "my web" {
		t.Fatalf("step %v, findings %+v", m.c.Step(), m.form.findings["InstanceName"])
	}
}
