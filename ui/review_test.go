package ui

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
)

func TestExportToStdoutReturnsTheCommandForTheCaller(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Review)
	m = press(t, m, "e")
	if m.screen != screenExport || m.export.formats.values[m.export.formats.cur] != "cli" {
		t.Fatalf("e did not open the export picker on cli: %v", m.screen)
	}
	m = press(t, m, "enter", "down", "down")
	if d := m.export.dests.values[m.export.dests.cur]; d != "stdout" {
		t.Fatalf("destination %q", d)
	}
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	if !quits(t, cmd) {
		t.Fatal("exporting to stdout does not end the TUI")
	}
	out := m.Result().Stdout
	for _, want := range []string{"aliyun ecs RunInstances", "--RegionId cn-hangzhou", "--InstanceType ecs.g6.large", "--insecure"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout export lacks %q:\n%s", want, out)
		}
	}
	if m.Result().Aborted {
		t.Error("an export is not an abort")
	}
}

func TestAFailedDryRunShowsItsCodeAndJumpsToTheField(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Review)
	_ = m.c.Request().Set("ImageId", "m-bp1doesnotexist")
	m = press(t, m, "d")
	if m.c.Review().Dry == nil || m.c.Review().Dry.Passed {
		t.Fatalf("DryRun with an unknown image: %+v", m.c.Review().Dry)
	}
	if m.c.Step() != forms.StepOf(m.c.Review().Dry.Parameter) || m.c.Review().Dry.Parameter == "" {
		t.Fatalf("did not jump to the field: step %v, parameter %q", m.c.Step(), m.c.Review().Dry.Parameter)
	}
	if !strings.Contains(m.View(), m.c.Review().Dry.Code) {
		t.Fatalf("the code %s is not shown:\n%s", m.c.Review().Dry.Code, m.View())
	}
}

func TestLaunchShowsProgressUntilRunningWithIDsAndSSH(t *testing.T) {
	o := sandboxOptions(t)
	tm := teatest.NewTestModel(t, New(context.Background(), o), teatest.WithInitialTermSize(100, 30))
	enterToReview(t, tm)
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("l")})
	waitScreen(t, tm, "now?")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Launched")) },
		teatest.WithDuration(60*time.Second), teatest.WithCheckInterval(50*time.Millisecond))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	m := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if !m.Result().Launched || m.c.Launching().Outcome == nil || m.c.Launching().Outcome.Running() != len(m.c.Launching().Outcome.Instances) {
		t.Fatalf("launch: %+v %+v", m.Result(), m.c.Launching().Outcome)
	}
	view := m.View()
	in := m.c.Launching().Outcome.Instances[0]
	for _, want := range []string{in.ID, in.PrivateIP, "ssh "} {
		if want == "" || !strings.Contains(view, want) {
			t.Errorf("the launch screen lacks %q:\n%s", want, view)
		}
	}
}

func TestALaunchFileWithAskAsksExactlyThoseFieldsThenReviews(t *testing.T) {
	f, err := request.ParseFile([]byte("version: 1\nask: [InstanceName, Amount]\nrequest:\n  RegionId: cn-hangzhou\n  InstanceType: ecs.g6.large\n  InstanceName: web\n"))
	if err != nil {
		t.Fatal(err)
	}
	o := sandboxOptions(t)
	o.From = f
	m := start(t, o)
	if m.c.Step() != forms.Ask {
		t.Fatalf("opened at %v", m.c.Step())
	}
	var keys []string
	for _, fl := range m.form.fields {
		keys = append(keys, fl.Key)
	}
	if strings.Join(keys, ",") != "InstanceName,Amount" {
		t.Fatalf("asked %v", keys)
	}
	m = typeText(t, m, "-2")
	m = press(t, m, "tab")
	m = typeText(t, m, "3")
	m = press(t, m, "enter")
	if m.c.Step() != forms.Review {
		t.Fatalf("after the answers: %v (%s)", m.c.Step(), m.c.Notice())
	}
	if m.c.Request().Get("InstanceName") != "web-2" || m.c.Request().Get("Amount") != "3" || m.c.Request().Get("InstanceType") != "ecs.g6.large" {
		t.Fatalf("request %v", m.c.Request().Params())
	}
}

func TestTheDraftIsSavedWithoutSecretsAndOfferedOnTheNextStart(t *testing.T) {
	o := sandboxOptions(t)
	m := toStep(t, start(t, o), forms.Access)
	m = focusField(t, m, forms.KeyLogin)
	m = press(t, m, "right") // password
	if m.c.Draft().Get(forms.KeyLogin) != forms.LoginPassword {
		t.Fatalf("login %q", m.c.Draft().Get(forms.KeyLogin))
	}
	m = focusField(t, m, "Password")
	m = typeText(t, m, "Secr3t!Pass")
	m = press(t, m, "enter")
	if m.c.Step() != forms.Access || !m.form.findings.Blocking(forms.KeyPasswordConfirm) {
		t.Fatalf("an unconfirmed password left the step")
	}
	m = focusField(t, m, forms.KeyPasswordConfirm)
	m = typeText(t, m, "Secr3t!Pass")
	m = press(t, m, "enter")
	if m.c.Step() != forms.Advanced {
		t.Fatalf("confirmed password: still on %v (%s)", m.c.Step(), m.c.Notice())
	}
	if strings.Contains(m.View(), "Secr3t") {
		t.Fatal("the password is shown")
	}
	b, err := os.ReadFile(o.DraftPath)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("Secr3t")) || !bytes.Contains(b, []byte("${ECS_PASSWORD}")) {
		t.Fatalf("draft:\n%s", b)
	}
	m2 := start(t, o)
	if m2.screen != screenResume {
		t.Fatalf("a saved draft is not offered: %v", m2.screen)
	}
	m2 = press(t, m2, "y")
	if m2.c.Step() != forms.Review || m2.c.Request().Get("ImageId") != m.c.Request().Get("ImageId") {
		t.Fatalf("resumed at %v with %v", m2.c.Step(), m2.c.Request().Params())
	}
}

func TestQuestionMarkShowsTheFieldsReferenceAndEveryKey(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Access)
	m = focusField(t, m, "HostName")
	m = press(t, m, "?")
	v := m.View()
	if m.screen != screenHelp || !strings.Contains(v, "HostName") || !strings.Contains(v, "Keys") {
		t.Fatalf("help:\n%s", v)
	}
	m = press(t, m, "esc")
	if m.screen != screenStep || m.c.Step() != forms.Access {
		t.Fatal("esc does not close the help")
	}
}

func TestAccessibleModeTakesTheDefaultsAndExportsToStdout(t *testing.T) {
	o := sandboxOptions(t)
	var out bytes.Buffer
	// Enter for every question, then export (the third action) as cli (the first format).
	o.In = strings.NewReader(strings.Repeat("\n", 60) + "3\n1\n")
	o.Out = &out
	o.Accessible = true
	res, err := Run(context.Background(), o)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !strings.Contains(res.Stdout, "--InstanceType ecs.g6.large") {
		t.Fatalf("stdout %q\n%s", res.Stdout, out.String())
	}
	if !strings.Contains(out.String(), "Zone (ZoneId)") {
		t.Fatalf("no zone question:\n%s", out.String())
	}
}

func TestAReviewFindingJumpsToItsFieldAndTheEditReturnsToTheReview(t *testing.T) {
	o := sandboxOptions(t)
	m := toStep(t, start(t, o), forms.Review)
	_ = m.c.Request().Set("InstanceName", "bad name")
	m = press(t, m, "esc", "enter") // the review is built anew
	if len(m.c.Review().Findings) == 0 || m.c.Review().Findings[0].Parameter != "InstanceName" {
		t.Fatalf("findings %+v", m.c.Review().Findings)
	}
	m = press(t, m, "enter")
	if m.c.Step() != forms.Access || m.form.focusedKey() != "InstanceName" {
		t.Fatalf("jumped to %v / %s", m.c.Step(), m.form.focusedKey())
	}
	for range "name" {
		m = press(t, m, "backspace")
	}
	m = press(t, m, "backspace")
	m = typeText(t, m, "-1")
	m = press(t, m, "enter")
	if m.c.Step() != forms.Review || len(m.c.Review().Findings) != 0 {
		t.Fatalf("after the fix: %v, findings %+v", m.c.Step(), m.c.Review().Findings)
	}
	m = press(t, m, "6") // edit Storage
	if m.c.Step() != forms.Storage {
		t.Fatalf("6 opened %v", m.c.Step())
	}
	m = press(t, m, "enter")
	if m.c.Step() != forms.Review {
		t.Fatalf("an edit did not return to the review: %v", m.c.Step())
	}
}

func TestCtrlCKeepsTheDraftIncludingTheCurrentStep(t *testing.T) {
	o := sandboxOptions(t)
	m := toStep(t, start(t, o), forms.Access)
	m = focusField(t, m, "InstanceName")
	m = typeText(t, m, "half-typed")
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if !quits(t, cmd) {
		t.Fatal("ctrl+c does not quit")
	}
	m = drain(t, next.(Model), cmd) // the draft is saved by a command, then the program quits
	if !m.Result().Aborted {
		t.Fatal("ctrl+c is not an abort")
	}
	b, err := os.ReadFile(o.DraftPath)
	if err != nil || !bytes.Contains(b, []byte("half-typed")) {
		t.Fatalf("draft after ctrl+c: %v\n%s", err, b)
	}
}

func TestTheReviewAddsTheCatalogBackedFindings(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Review)
	busy := ""
	for _, g := range m.c.Env().Data.SecurityGroups {
		if g.EcsCount > 1900 {
			busy = g.SecurityGroupId
		}
	}
	if busy == "" {
		t.Fatal("the sandbox has no nearly full security group")
	}
	_ = m.c.Draft().Set(forms.KeySecurityGroups, busy)
	_ = m.c.Request().Set("Amount", "50")
	m = press(t, m, "esc", "enter")
	if !m.c.Review().Online {
		t.Fatal("the online checks did not answer")
	}
	found := false
	for _, f := range m.c.Review().Findings {
		found = found || (f.Parameter == "SecurityGroupId" && f.Code == "SecurityGroupInstanceLimitExceed")
	}
	if !found {
		t.Fatalf("a full security group is not reported: %+v", m.c.Review().Findings)
	}
}

func TestAccessibleModeOffersTheDraftAndSavesAsItGoes(t *testing.T) {
	o := sandboxOptions(t)
	var out bytes.Buffer
	o.Out, o.Accessible = &out, true
	// First run: the answers stop at the Access step; the draft has what was answered.
	o.In = strings.NewReader(strings.Repeat("\n", 9))
	if _, err := Run(context.Background(), o); err == nil {
		t.Fatal("a run cut short reported no error")
	}
	b, err := os.ReadFile(o.DraftPath)
	if err != nil || !bytes.Contains(b, []byte("InstanceType: ecs.g6.large")) {
		t.Fatalf("draft: %v\n%s\n%s", err, b, out.String())
	}
	// Second run: Enter resumes it; export it to stdout.
	out.Reset()
	o.In = strings.NewReader("\n3\n1\n")
	res, err := Run(context.Background(), o)
	if err != nil || !strings.Contains(res.Stdout, "--InstanceType ecs.g6.large") {
		t.Fatalf("resumed run: %v %q\n%s", err, res.Stdout, out.String())
	}
	if _, err := os.Stat(o.DraftPath); err == nil {
		t.Error("the draft outlived the export")
	}
}
