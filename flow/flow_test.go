package flow

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

var fixedNow = func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }

// harness runs a controller's effects in line, as the accessible driver
// does, against a sandbox.
type harness struct {
	t    *testing.T
	c    *Controller
	deps Deps
	quit bool
	srv  *sandbox.Server
}

func newHarness(t *testing.T, o Options) *harness {
	t.Helper()
	srv, err := sandbox.Start(sandbox.Options{Seed: 1, BootTime: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	sess, err := cloud.Sandbox(srv.Endpoint(), cloud.Config{Region: "cn-hangzhou"})
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog.New(sess, catalog.Options{CacheDir: t.TempDir()})
	t.Cleanup(cat.Close)
	client, err := sess.ECS()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if o.Region == "" {
		o.Region = "cn-hangzhou"
	}
	o.Sandbox, o.CanLaunch, o.Now = true, true, fixedNow
	h := &harness{t: t, srv: srv, deps: Deps{Reader: cat, Launch: client, Scheme: "http", Now: fixedNow,
		DraftPath: filepath.Join(dir, "draft.yaml"), HistoryPath: filepath.Join(dir, "history.jsonl")}}
	c, effs := New(o)
	h.c = c
	h.run(effs)
	return h
}

// run runs effects and the effects their results lead to, until none is left.
func (h *harness) run(effs []Effect) {
	h.t.Helper()
	for len(effs) > 0 {
		e := effs[0]
		effs = effs[1:]
		if _, ok := e.(Quit); ok {
			h.quit = true
			continue
		}
		if prog, ok := Progress(e); ok {
			done := make(chan Result, 1)
			go func() { done <- e.Run(context.Background(), h.deps) }()
			for r := range prog {
				effs = append(effs, h.c.Apply(r)...)
			}
			effs = append(effs, h.c.Apply(<-done)...)
			continue
		}
		if r := e.Run(context.Background(), h.deps); r != nil {
			effs = append(effs, h.c.Apply(r)...)
		}
	}
}

func (h *harness) submit() {
	h.t.Helper()
	before := h.c.Step()
	h.run(h.c.Submit())
	if h.c.Step() == before {
		h.t.Fatalf("Submit on %v did not move on: %s (invalid %q)", before, h.c.Notice(), h.c.Invalid())
	}
}

// toStep submits every step with its defaults until s.
func (h *harness) toStep(s forms.StepID) {
	h.t.Helper()
	for h.c.Step() != s {
		h.submit()
	}
}

func TestEnterThroughToAPassingDryRun(t *testing.T) {
	h := newHarness(t, Options{})
	if !h.c.Ready() || h.c.Step() != forms.Region {
		t.Fatalf("first step %v ready %v", h.c.Step(), h.c.Ready())
	}
	h.toStep(forms.Review)
	req := h.c.Request()
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
	rev := h.c.Review()
	if !rev.Online || len(rev.Findings) != 0 {
		t.Fatalf("review findings %+v (online %v)", rev.Findings, rev.Online)
	}
	if p, ok, err := h.c.Quote(); !ok || p.TradePrice <= 0 {
		t.Fatalf("no quote at the review: %+v %v", p, err)
	}
	h.run(h.c.DryRun())
	if d := h.c.Review().Dry; d == nil || !d.Passed {
		t.Fatalf("DryRun %+v", d)
	}
	// An edit makes the verdict stale: it is not shown for the new request.
	h.run(h.c.Edit(forms.Access))
	h.run(h.c.Set("InstanceName", "web"))
	h.submit()
	if h.c.Step() != forms.Review || h.c.Review().Dry != nil {
		t.Fatalf("after an edit: step %v, stale verdict %+v", h.c.Step(), h.c.Review().Dry)
	}
}

func TestBackKeepsEveryValue(t *testing.T) {
	h := newHarness(t, Options{})
	h.toStep(forms.Access)
	h.run(h.c.Set("InstanceName", "web"))
	h.submit()
	before := h.c.Request().Clone()
	for h.c.Step() != forms.Zone {
		h.run(h.c.Back())
	}
	if !h.c.Request().Equal(before) {
		t.Fatalf("going back changed the request:\n%v\n%v", before.Params(), h.c.Request().Params())
	}
	h.toStep(forms.Review)
	if h.c.Request().Get("InstanceName") != "web" {
		t.Fatal("InstanceName lost after back and forth")
	}
}

func TestAnInvalidFieldBlocksItsStepAndAFindingJumpsToIt(t *testing.T) {
	h := newHarness(t, Options{})
	h.toStep(forms.Access)
	h.run(h.c.Set("InstanceName", "my web"))
	h.run(h.c.Submit())
	if h.c.Step() != forms.Access || h.c.Invalid() != "InstanceName" {
		t.Fatalf("step %v invalid %q", h.c.Step(), h.c.Invalid())
	}
	h.run(h.c.Set("InstanceName", "web"))
	h.toStep(forms.Review)
	// A value made invalid behind the wizard's back is a review finding
	// that jumps to its field.
	_ = h.c.Request().Set("SystemDisk.Size", "10")
	h.run(h.c.Back())
	h.submit()
	var f *rules.Finding
	for _, x := range h.c.Review().Findings {
		if x.Parameter == "SystemDisk.Size" {
			f = &x
		}
	}
	if f == nil {
		t.Fatalf("no finding on SystemDisk.Size: %+v", h.c.Review().Findings)
	}
	effs, field := h.c.Jump(f.Parameter)
	h.run(effs)
	if h.c.Step() != forms.Storage || field != "SystemDisk.Size" || !h.c.Editing() {
		t.Fatalf("jump to %v field %q", h.c.Step(), field)
	}
	h.run(h.c.Set("SystemDisk.Size", "40"))
	h.submit()
	if h.c.Step() != forms.Review {
		t.Fatalf("an edit from the review returns to it; now %v", h.c.Step())
	}
}

func TestAFailedDryRunOpensItsFieldWithTheVerdict(t *testing.T) {
	h := newHarness(t, Options{})
	h.toStep(forms.Review)
	_ = h.c.Request().Set("ImageId", "m-doesnotexist")
	h.run(h.c.DryRun())
	if h.c.Step() != forms.Image {
		t.Fatalf("a failed DryRun on ImageId stays on %v: %s", h.c.Step(), h.c.Notice())
	}
	if !strings.Contains(h.c.Notice(), "InvalidImageId.NotFound") {
		t.Fatalf("notice %q", h.c.Notice())
	}
}

func TestAMisspeltRegionLetsTheUserPickAnother(t *testing.T) {
	h := newHarness(t, Options{Region: "cn-hangzou"})
	if h.c.Step() != forms.Region || !strings.Contains(h.c.Notice(), "did you mean cn-hangzhou?") {
		t.Fatalf("step %v notice %q", h.c.Step(), h.c.Notice())
	}
	effs, taken := h.c.Choose("cn-beijing")
	if !taken {
		t.Fatal("cn-beijing was not taken")
	}
	h.run(effs)
	h.submit()
	if h.c.Step() != forms.Billing || h.c.Request().Get("RegionId") != "cn-beijing" {
		t.Fatalf("step %v region %s", h.c.Step(), h.c.Request().Get("RegionId"))
	}
}

func TestSpotPriceLimitIsAskedAfterTheType(t *testing.T) {
	h := newHarness(t, Options{})
	h.toStep(forms.Billing)
	h.run(h.c.Set("SpotStrategy", "SpotWithPriceLimit"))
	for _, f := range h.c.Fields() {
		if f.Key == "SpotPriceLimit" {
			t.Fatal("the spot price limit is asked before the type is chosen")
		}
	}
	h.toStep(forms.InstanceType)
	if !hasField(h.c.Fields(), "SpotPriceLimit") {
		t.Fatalf("the type step does not ask the limit: %+v", h.c.Fields())
	}
}

func TestUserDataFromAFIFOIsRefusedWithoutBlocking(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := ReadUserDataFile(p); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "FIFO") {
			t.Fatalf("error %v, want one naming the FIFO", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a FIFO blocked")
	}
	for _, bad := range []string{"/dev/zero", t.TempDir()} {
		if _, err := ReadUserDataFile(bad); err == nil {
			t.Errorf("%s was read as user data", bad)
		}
	}
	big := filepath.Join(t.TempDir(), "big")
	_ = os.WriteFile(big, make([]byte, MaxUserData+1), 0o600)
	if _, err := ReadUserDataFile(big); err == nil || !strings.Contains(err.Error(), "16 KiB") {
		t.Errorf("a file over 16 KiB: %v", err)
	}
}

func TestUserDataFileIsReadByAnEffect(t *testing.T) {
	h := newHarness(t, Options{})
	h.toStep(forms.Advanced)
	p := filepath.Join(t.TempDir(), "init.sh")
	script := "#!/bin/sh\necho one\necho two\n"
	_ = os.WriteFile(p, []byte(script), 0o600)
	effs := h.c.Set(forms.KeyUserDataFile, p)
	var read bool
	for _, e := range effs {
		_, read = e.(readUserData)
		if read {
			break
		}
	}
	if !read || h.c.Request().Has("UserData") {
		t.Fatal("setting the path must not read the file itself: an effect does")
	}
	h.run(effs)
	got, _ := base64.StdEncoding.DecodeString(h.c.Request().Get("UserData"))
	if string(got) != script {
		t.Fatalf("UserData %q", got)
	}
}

func TestLaunchThenASecondLaunchNamesTheFirst(t *testing.T) {
	h := newHarness(t, Options{})
	h.toStep(forms.Review)
	if _, must := h.c.LaunchQuestion(); must {
		t.Error("the first sandbox launch needs no confirmation that speaks of real instances")
	}
	h.run(h.c.Launch())
	l := h.c.Launching()
	if l.Err != nil || l.Outcome == nil || l.Outcome.Running() != 1 {
		t.Fatalf("launch %+v", l)
	}
	q, must := h.c.LaunchQuestion()
	if !must || !strings.Contains(q, l.Outcome.Instances[0].ID) {
		t.Fatalf("second launch question %q (must %v)", q, must)
	}
	fin := h.c.Final()
	if !fin.Launched || fin.Aborted || !strings.Contains(strings.Join(fin.Summary, "\n"), l.Outcome.Instances[0].ID) {
		t.Fatalf("final %+v", fin)
	}
}

func TestAnExportToStdoutIsSaidOnStderr(t *testing.T) {
	h := newHarness(t, Options{})
	h.toStep(forms.Review)
	h.run(h.c.ExportToStdout(exporter.CLI, "aliyun ecs RunInstances"))
	fin := h.c.Final()
	if fin.Stdout != "aliyun ecs RunInstances" || fin.Aborted || !h.quit {
		t.Fatalf("final %+v quit %v", fin, h.quit)
	}
	if !strings.Contains(strings.Join(fin.Summary, "\n"), "cli export to stdout") {
		t.Fatalf("summary %q does not say the export went to stdout", fin.Summary)
	}
}

func TestQuitSavesTheDraftAndTheNextStartOffersIt(t *testing.T) {
	h := newHarness(t, Options{})
	h.toStep(forms.Access)
	h.run(h.c.Set("InstanceName", "kept"))
	h.run(h.c.Quit())
	if !h.quit {
		t.Fatal("Quit did not end")
	}
	c2, effs := New(Options{Resume: true, Region: "cn-hangzhou", Now: fixedNow, Sandbox: true})
	h.c = c2
	h.run(effs)
	d, ok := h.c.OfferedDraft()
	if !ok || d.Get("InstanceName") != "kept" {
		t.Fatalf("offered %v %v", ok, d)
	}
	h.run(h.c.ResumeDraft(true))
	if h.c.Step() != forms.Review || h.c.Request().Get("InstanceName") != "kept" {
		t.Fatalf("resumed at %v with %v", h.c.Step(), h.c.Request().Params())
	}
}

func TestACorruptDraftIsKeptAside(t *testing.T) {
	h := newHarness(t, Options{})
	_ = os.WriteFile(h.deps.DraftPath, []byte("version: [1\n"), 0o600)
	c2, effs := New(Options{Resume: true, Region: "cn-hangzhou", Now: fixedNow})
	h.c = c2
	h.run(effs)
	kept, _ := filepath.Glob(h.deps.DraftPath + ".corrupt-*")
	if len(kept) != 1 || !strings.Contains(h.c.Notice(), kept[0]) {
		t.Fatalf("kept %v, notice %q", kept, h.c.Notice())
	}
	if b, _ := os.ReadFile(kept[0]); string(b) != "version: [1\n" {
		t.Fatalf("the corrupt draft changed: %q", b)
	}
}

func TestSavingOverTheOpenedFileChangesOnlyWhatTheUserChanged(t *testing.T) {
	orig, err := os.ReadFile("../examples/web.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "web.yaml")
	_ = os.WriteFile(path, orig, 0o600)
	f, err := request.ParseFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, Options{From: f, FromPath: path})
	h.run(h.c.Set("InstanceName", "api")) // the ask: step's field
	h.toStep(forms.Review)
	h.run(h.c.Edit(forms.Network)) // its defaults must not be added to the file
	h.submit()
	h.run(h.c.SaveFile(path, false))
	if _, p, ok := h.c.Overwrite(); !ok || p != path {
		t.Fatal("saving over an existing file did not ask first")
	}
	if b, _ := os.ReadFile(path); string(b) != string(orig) {
		t.Fatal("the file changed before the overwrite was confirmed")
	}
	h.run(h.c.ConfirmOverwrite(true))
	got, _ := os.ReadFile(path)
	a, b := strings.Split(string(orig), "\n"), strings.Split(string(got), "\n")
	if len(a) != len(b) {
		t.Fatalf("the saved file has other lines:\n%s", got)
	}
	var diff []string
	for i := range a {
		if a[i] != b[i] {
			diff = append(diff, b[i])
		}
	}
	if len(diff) != 1 || !strings.Contains(diff[0], "InstanceName: api") {
		t.Fatalf("want only InstanceName changed, got %q:\n%s", diff, got)
	}
	if fin := h.c.Final(); fin.Aborted {
		t.Fatal("a finished save counts as aborted")
	}
}

// A ${NAME} where the launch file does not allow one is a review finding,
// and a cli export written to a file is a script.
func TestReferencesOutsideTheirPlacesAreReviewFindingsAndFileExportsAreScripts(t *testing.T) {
	f, err := request.ParseFile([]byte("version: 1\nrequest:\n  RegionId: cn-hangzhou\n  InstanceType: ecs.g6.large\n  HostName: ${TEAM}\n"))
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, Options{From: f})
	found := false
	for _, x := range h.c.Review().Findings {
		found = found || (x.Parameter == "HostName" && x.Code == "ReferenceNotAllowed")
	}
	if !found {
		t.Fatalf("HostName: ${TEAM} is no finding: %+v", h.c.Review().Findings)
	}
	path := filepath.Join(t.TempDir(), "launch.sh")
	h.run(h.c.ExportToFile("cli", path, false))
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), "#!/bin/sh") {
		t.Fatalf("the cli export file does not start with #!/bin/sh:\n%s", b)
	}
}
