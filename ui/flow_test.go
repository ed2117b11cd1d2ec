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
		name := s.String()
		if n, ok := shortNames[s]; ok {
			name = n
		}
		waitScreen(t, tm, "["+name+"]")
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
	if m.step != forms.Review || m.review.dry == nil || !m.review.dry.Passed {
		t.Fatalf("step %v, DryRun %+v", m.step, m.review.dry)
	}
	req := m.draft.Req
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
	for m.step < s {
		before := m.step
		m = press(t, m, "enter")
		if m.step == before {
			t.Fatalf("Enter on %v did not move on: %s", before, m.notice)
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
	t.Fatalf("no field %s on %v", key, m.step)
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
	if m.step != forms.Access {
		t.Fatalf("an invalid InstanceName left the step (now %v)", m.step)
	}
	// Fixing it (a letter first) clears the finding on the keystroke and lets the step go.
	m = press(t, m, "backspace", "backspace", "backspace", "backspace")
	m = typeText(t, m, "-web")
	if blocking(m.form.findings["InstanceName"]) {
		t.Fatalf("my-web still blocked: %+v", m.form.findings["InstanceName"])
	}
	m = press(t, m, "enter")
	if m.step != forms.Advanced {
		t.Fatalf("a valid step did not move on: %v (%s)", m.step, m.notice)
	}
}

func TestBackKeepsEveryValue(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Access)
	m = focusField(t, m, "InstanceName")
	m = typeText(t, m, "web")
	m = press(t, m, "enter") // to Advanced
	before := m.draft.Req.Clone()
	for m.step > forms.Zone {
		m = press(t, m, "esc")
	}
	if !m.draft.Req.Equal(before) {
		t.Fatalf("going back changed the request:\nbefore %v\nafter  %v", before.Params(), m.draft.Req.Params())
	}
	m = toStep(t, m, forms.Access)
	if got := m.draft.Req.Get("InstanceName"); got != "web" {
		t.Fatalf("InstanceName after back and forth = %q", got)
	}
	if !strings.Contains(m.View(), "web") {
		t.Fatalf("the field does not show its value:\n%s", m.View())
	}
}

func TestASoldOutTypeShowsWhereItIsAvailableAndOneKeySwitchesZone(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Zone)
	if !m.zones.selectValue("cn-hangzhou-j") {
		t.Fatal("no zone cn-hangzhou-j in the sandbox")
	}
	m = press(t, m, "enter", "/")
	m = typeText(t, m, "ecs.g7.large")
	row, ok := m.types.list.selected()
	if !ok || row.value != "ecs.g7.large" {
		t.Fatalf("filter did not select ecs.g7.large: %+v", row)
	}
	if !row.dim || !strings.Contains(m.View(), "sold out · in cn-hangzhou-") {
		t.Fatalf("ecs.g7.large is not shown sold out with its zones:\n%s", m.View())
	}
	m = press(t, m, "enter")
	if m.step != forms.InstanceType || m.draft.Req.Get("InstanceType") == "ecs.g7.large" {
		t.Fatal("a sold-out type was accepted")
	}
	m = press(t, m, "z")
	zone := m.draft.Req.Get("ZoneId")
	if zone == "cn-hangzhou-j" || zone == "" {
		t.Fatalf("z did not switch zone: %q", zone)
	}
	t2, _ := m.types.chosen()
	if t2.InstanceTypeId != "ecs.g7.large" || t2.Status != "Available" {
		t.Fatalf("after the switch the cursor is on %s (%s)", t2.InstanceTypeId, t2.Status)
	}
}

func TestGoingBackFlagsLaterChoicesThatNoLongerFit(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.InstanceType)
	if !m.types.list.selectValue("ecs.g7.large") {
		t.Fatal("no ecs.g7.large")
	}
	m = toStep(t, press(t, m, "enter"), forms.Access)
	for m.step > forms.Zone {
		m = press(t, m, "esc")
	}
	if !m.zones.selectValue("cn-hangzhou-j") {
		t.Fatal("no zone j")
	}
	m = press(t, m, "enter")
	if m.step != forms.InstanceType || m.draft.Req.Get("InstanceType") != "ecs.g7.large" {
		t.Fatalf("the type choice was not kept: %v %q", m.step, m.draft.Req.Get("InstanceType"))
	}
	if !m.flagged[forms.InstanceType] || !m.flagged[forms.Network] {
		t.Fatalf("flags %v: the sold-out type and the vSwitch of another zone are not flagged", m.flagged)
	}
	if v := m.View(); !strings.Contains(v, "Network!") || !strings.Contains(v, "sold out") {
		t.Fatalf("flags not shown:\n%s", v)
	}
	// An unavailable type cannot be taken; another one can, and the network step shows its stale vSwitch.
	m = press(t, m, "enter")
	if m.step != forms.InstanceType {
		t.Fatal("the sold-out type was accepted")
	}
	m.types.list.selectValue(forms.DefaultType(m.env.Types))
	m = toStep(t, press(t, m, "enter"), forms.Network)
	if !m.form.findings.Blocking("VSwitchId") {
		t.Fatalf("the vSwitch of zone i is not flagged in zone j: %v", m.form.findings["VSwitchId"])
	}
	m = press(t, m, "enter")
	if m.step != forms.Network {
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
	if len(m.review.findings) > 0 {
		t.Fatalf("findings on the review: %+v", m.review.findings)
	}
	m = press(t, m, "d")
	if m.review.dry == nil || !m.review.dry.Passed {
		t.Fatalf("DryRun: %+v\n%v", m.review.dry, m.draft.Req.Params())
	}
	return m
}

func TestAnyZoneSubscriptionAndSpotAllReachAPassingDryRun(t *testing.T) {
	o := sandboxOptions(t)
	o.DraftPath = "" // each run starts afresh
	t.Run("any zone", func(t *testing.T) {
		m := toStep(t, start(t, o), forms.Zone)
		m.zones.selectValue("")
		m = reviewDryRun(t, press(t, m, "enter"))
		if m.draft.Req.Has("ZoneId") {
			t.Errorf("any zone sent ZoneId %s", m.draft.Req.Get("ZoneId"))
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
		if m.draft.Req.Get("InstanceChargeType") != "PrePaid" || m.draft.Req.Get("Period") != "1" {
			t.Errorf("request %v", m.draft.Req.Params())
		}
	})
	t.Run("spot with a price limit", func(t *testing.T) {
		m := toStep(t, start(t, o), forms.Billing)
		m = focusField(t, m, "SpotStrategy")
		m = press(t, m, "right")
		m = focusField(t, m, "SpotPriceLimit")
		m = typeText(t, m, "0.5")
		m = reviewDryRun(t, m)
		if m.draft.Req.Get("SpotStrategy") != "SpotWithPriceLimit" {
			t.Errorf("request %v", m.draft.Req.Params())
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
		name := s.String()
		if n, ok := shortNames[s]; ok {
			name = n
		}
		waitScreen(t, tm, "["+name+"]")
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
	if m.step != forms.Access || !m.form.findings.Blocking("InstanceName") || m.draft.Req.Get("InstanceName") != "my web" {
		t.Fatalf("step %v, findings %+v", m.step, m.form.findings["InstanceName"])
	}
}
