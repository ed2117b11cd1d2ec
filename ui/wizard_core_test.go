package ui

import (
	"bytes"
	"context"
	"encoding/base64"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
)

// fullRequest is a launch file with 30+ parameters, for the review's scroll.
func fullRequest(t *testing.T) *request.File {
	t.Helper()
	f, err := request.ParseFile([]byte(`version: 1
request:
  RegionId: cn-hangzhou
  ZoneId: cn-hangzhou-i
  InstanceChargeType: PostPaid
  InstanceType: ecs.g6.large
  ImageId: aliyun_3_x64_20G_alibase_20240819.vhd
  SystemDisk: {Category: cloud_essd, Size: 60, PerformanceLevel: PL1}
  DataDisk:
    - {Category: cloud_essd, Size: 100, DeleteWithInstance: true}
    - {Category: cloud_essd, Size: 200, DeleteWithInstance: true}
    - {Category: cloud_essd, Size: 300, Encrypted: true}
  VSwitchId: vsw-bp1k78e764anv8wcyqex
  SecurityGroupId: sg-bp1jk78k7ko3akynoh1x
  InternetMaxBandwidthOut: 5
  InternetChargeType: PayByTraffic
  KeyPairName: sandbox-key
  InstanceName: web
  HostName: web
  UniqueSuffix: true
  Amount: 2
  Description: the web tier
  Tag:
    - {Key: team, Value: web}
    - {Key: env, Value: prod}
    - {Key: owner, Value: ops}
  DeletionProtection: true
  HttpTokens: required
  HttpEndpoint: enabled
`))
	if err != nil {
		t.Fatal(err)
	}
	if f.Request.Len() < 30 {
		t.Fatalf("only %d parameters", f.Request.Len())
	}
	return f
}

// At 80×24 the review of a request with 30+ parameters scrolls to every
// section: the top shows the first, End shows the last and the actions.
func TestTheReviewScrollsToEverySectionAt80x24(t *testing.T) {
	o := sandboxOptions(t)
	o.From = fullRequest(t)
	m := start(t, o)
	next, _ := m.Update(sizeMsg(80, 24))
	m = next.(Model)
	top := m.View()
	if !strings.Contains(top, "1 Region") || !strings.Contains(top, "↓ more below") {
		t.Fatalf("the top of the review:\n%s", top)
	}
	golden.RequireEqual(t, []byte(top))
	m = press(t, m, "end")
	bottom := m.View()
	if !strings.Contains(bottom, "DryRun:") || !strings.Contains(bottom, "↑ more above") {
		t.Fatalf("the bottom of the review:\n%s", bottom)
	}
	t.Run("bottom", func(t *testing.T) { golden.RequireEqual(t, []byte(bottom)) })
	// Every section can be brought into view.
	m = press(t, m, "home")
	seen := map[string]bool{}
	for i := 0; i < 40; i++ {
		for _, s := range m.c.Review().Sections {
			if strings.Contains(m.View(), s.EditKey+" "+s.Step.Name) {
				seen[s.Step.Name] = true
			}
		}
		m = press(t, m, "down")
	}
	for _, s := range m.c.Review().Sections {
		if !seen[s.Step.Name] {
			t.Errorf("section %s never came into view", s.Step.Name)
		}
	}
}

// A user-data path naming a FIFO does not freeze the wizard: the file is
// read by a command that refuses a FIFO, and a key still gets a new frame.
func TestAFIFOAsUserDataDoesNotFreezeTheWizard(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	o := sandboxOptions(t)
	tm := teatest.NewTestModel(t, New(context.Background(), o), teatest.WithInitialTermSize(100, 30))
	enterToStep(t, tm, forms.Advanced)
	for i := 0; i < 11; i++ { // to the user-data file field, the last one
		tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	}
	waitScreen(t, tm, "▸ …or user data from a file")
	tm.Type(fifo)
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlP}) // one more key: the wizard still answers
	waitScreen(t, tm, "(a FIFO)")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}

// enterToStep presses Enter on every step until s shows.
func enterToStep(t *testing.T, tm *teatest.TestModel, s forms.StepID) {
	t.Helper()
	waitScreen(t, tm, "cn-hangzhou ")
	for _, id := range forms.Steps()[1:] {
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		waitScreen(t, tm, "["+forms.Def(id).Short+"]")
		if id == s {
			return
		}
	}
}

// A script pasted into the user data keeps its lines: Enter is a line
// break there, and the request gets the base64 of the whole script.
func TestAPastedScriptKeepsItsLines(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Advanced)
	m = focusField(t, m, forms.KeyUserDataText)
	script := "#!/bin/sh\necho one\necho two"
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(script), Paste: true})
	m = drain(t, next.(Model), cmd)
	m = press(t, m, "enter")
	m = typeText(t, m, "echo three")
	if m.c.Step() != forms.Advanced {
		t.Fatalf("Enter in the user data left the step (%v)", m.c.Step())
	}
	b, err := base64.StdEncoding.DecodeString(m.c.Request().Get("UserData"))
	if err != nil || string(b) != script+"\necho three" {
		t.Fatalf("UserData %q (%v)", b, err)
	}
	if !strings.Contains(m.View(), "tab leave the field") {
		t.Fatalf("the key that leaves the field is not shown:\n%s", m.View())
	}
}

// A second launch in the same session needs a confirmation that names the
// first launch's instances.
func TestASecondLaunchNamesTheFirst(t *testing.T) {
	o := sandboxOptions(t)
	tm := teatest.NewTestModel(t, New(context.Background(), o), teatest.WithInitialTermSize(100, 30))
	enterToReview(t, tm)
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("l")})
	waitScreen(t, tm, "now?")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	waitScreen(t, tm, "✓ Launched.")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	waitScreen(t, tm, "l asks before")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("l")})
	waitScreen(t, tm, "already launched")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	m := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	ids := m.c.Launching().Outcome.IDs()
	if len(ids) != 1 || !strings.Contains(strings.Join(m.Result().Summary, "\n"), ids[0]) {
		t.Fatalf("summary %q for %v", m.Result().Summary, ids)
	}
}

// The launched instances stay on the terminal after the TUI closes.
func TestTheSummaryOutlivesTheScreen(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.Review)
	m = press(t, m, "l", "y")
	for i := 0; i < 200 && m.c.Launching().Running; i++ {
		time.Sleep(50 * time.Millisecond)
	}
	sum := strings.Join(m.Result().Summary, "\n")
	o := m.c.Launching().Outcome
	if o == nil || !strings.Contains(sum, o.Instances[0].ID) || !strings.Contains(sum, o.Instances[0].PrivateIP) || !strings.Contains(sum, "ssh ") {
		t.Fatalf("summary %q", sum)
	}
	var _ = bytes.Contains
}
