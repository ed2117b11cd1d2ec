package ui

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/origin"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// liveOptions are a sandbox wizard that offers the start screen and can
// create what a region lacks, as cmd builds it.
func liveOptions(t *testing.T, region string) Options {
	t.Helper()
	srv, err := sandbox.Start(sandbox.Options{Seed: 1, BootTime: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	sess, err := cloud.Sandbox(srv.Endpoint(), cloud.Config{Region: region})
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog.New(sess, catalog.Options{CacheDir: t.TempDir()})
	t.Cleanup(cat.Close)
	clients := make([]any, 0, 3)
	for range 2 {
		c, err := sess.ECS()
		if err != nil {
			t.Fatal(err)
		}
		clients = append(clients, c)
	}
	vc, err := sess.VPC()
	if err != nil {
		t.Fatal(err)
	}
	launch, err := sess.ECS()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	histPath := filepath.Join(dir, "history.jsonl")
	hist, err := launcher.OpenHistory(histPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := provision.New(clients[1].(provision.ECS), vc, provision.Options{History: hist, Scheme: "http",
		PollInterval: 10 * time.Millisecond, Timeout: 5 * time.Second, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return Options{Reader: cat, Launch: launch, Scheme: "http", Region: region, Sandbox: true,
		DraftPath: filepath.Join(dir, "draft.yaml"), HistoryPath: histPath, Now: fixedNow,
		OfferStart: true, Origin: origin.New(clients[0].(origin.ECS), "http"), Provision: p, SSHDir: t.TempDir()}
}

// The first screen offers what to start from; Enter starts a new request.
// In the region where the account has nothing, the network is created
// from its step (enter or space on the action, enter on its
// confirmation), a security group too, and the request reaches a passing
// DryRun; after a creation the focus leaves its action, so enter goes on.
func TestStartScreenThenCreateWhatTheEmptyRegionLacks(t *testing.T) {
	m := start(t, liveOptions(t, world.EmptyRegion))
	view := m.View()
	for _, want := range []string{"[Start from]", "A new request", "A launch template", "An existing instance", "A launch of the history", "A launch file"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the start screen lacks %q:\n%s", want, view)
		}
	}
	m = press(t, m, "enter")
	if m.screen != screenStep || m.c.Step() != forms.Region {
		t.Fatalf("Enter on the start screen: screen %v step %v", m.screen, m.c.Step())
	}
	m = toStep(t, m, forms.Network)
	m = focusField(t, m, forms.KeyCreateNetwork)
	m = press(t, m, "enter")
	if m.screen != screenCreate {
		t.Fatalf("enter on the create action: screen %v (%s)", m.screen, m.c.Notice())
	}
	view = m.View()
	for _, want := range []string{"CreateVpc, CreateVSwitch", "CidrBlock", "VSwitch.CidrBlock", "enter create it", "esc cancel"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the confirmation lacks %q:\n%s", want, view)
		}
	}
	m = press(t, m, "enter")
	if m.screen != screenStep || !strings.HasPrefix(m.c.Request().Get("VSwitchId"), "vsw-") {
		t.Fatalf("after the creation: screen %v VSwitchId %q notice %q", m.screen, m.c.Request().Get("VSwitchId"), m.c.Notice())
	}
	if !strings.Contains(m.View(), "Created vpc-") {
		t.Fatalf("the creation is not said:\n%s", m.View())
	}
	m = focusField(t, m, forms.KeyCreateGroup)
	m = press(t, m, "space", "tab", "tab")
	m = typeText(t, m, "203.0.113.7/32")
	m = press(t, m, "enter")
	if sg := m.c.Request().Get("SecurityGroupId"); !strings.HasPrefix(sg, "sg-") {
		t.Fatalf("no group chosen after its creation: %q (%v)", sg, m.c.Notice())
	}
	m = toStep(t, m, forms.Review)
	m = press(t, m, "d")
	if !strings.Contains(m.View(), "DryRun passed") {
		t.Fatalf("DryRun on the filled region:\n%s", m.View())
	}
	// Esc on a confirmation creates nothing.
	m = press(t, m, "t")
	if m.screen != screenCreate || !strings.Contains(m.View(), "CreateLaunchTemplate") {
		t.Fatalf("t on the review:\n%s", m.View())
	}
	m = press(t, m, "esc")
	if _, ok := m.c.Source(); ok || m.screen != screenStep {
		t.Fatal("Esc on the template's confirmation saved it")
	}
	m = press(t, m, "t", "enter")
	if s, ok := m.c.Source(); !ok || !strings.HasPrefix(s.ID, "lt-") {
		t.Fatalf("the template was not saved: %q", m.c.Notice())
	}
	if !strings.Contains(m.View(), "Started from launch-template lt-") {
		t.Fatalf("the review does not say the request's template:\n%s", m.View())
	}
}

// Esc on an empty list goes back to the menu, and Esc on the menu starts
// a new request: the start screen is never a dead end.
func TestTheStartScreenIsNeverADeadEnd(t *testing.T) {
	m := start(t, liveOptions(t, world.EmptyRegion))
	m = press(t, m, "down", "enter")
	if !strings.Contains(m.View(), "has no launch templates") {
		t.Fatalf("an empty template list says nothing:\n%s", m.View())
	}
	m = press(t, m, "esc")
	if sc, ok := m.c.Start(); !ok || sc.Kind != "" {
		t.Fatalf("Esc on the list: %+v %v", sc, ok)
	}
	m = press(t, m, "esc")
	if m.screen != screenStep || m.c.Step() != forms.Region {
		t.Fatalf("Esc on the menu: screen %v step %v", m.screen, m.c.Step())
	}
}

// Piped, the accessible mode creates nothing on blank lines: in the region
// where a VPC is needed and none exists, Enter at "How to go on?" quits
// with the draft kept (on a terminal it would take the VPC's creation).
func TestPipedBlankLinesInAnEmptyRegionCreateNothing(t *testing.T) {
	o := liveOptions(t, world.EmptyRegion)
	var out bytes.Buffer
	o.In = strings.NewReader(strings.Repeat("\n", 400))
	o.Out, o.Accessible = &out, true
	res, err := Run(context.Background(), o)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !res.Aborted || !strings.Contains(out.String(), "How to go on? [Enter: 3. quit (the draft is kept)]") {
		t.Fatalf("aborted %v; the way out is not quitting:\n%s", res.Aborted, out.String())
	}
	if strings.Contains(out.String(), "Created vpc-") {
		t.Fatalf("a VPC was created from blank lines:\n%s", out.String())
	}
	hist, err := launcher.OpenHistory(o.HistoryPath)
	if err != nil {
		t.Fatal(err)
	}
	if rs, _ := hist.Resources(); len(rs) != 0 {
		t.Fatalf("resources recorded: %+v", rs)
	}
}
