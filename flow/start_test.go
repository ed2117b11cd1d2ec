package flow

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/origin"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// newLiveHarness is a harness whose controller can start from templates,
// instances and the history, and create what the region lacks.
func newLiveHarness(t *testing.T, o Options) *harness {
	t.Helper()
	o.OfferStart, o.CanStartLive, o.CanCreate = true, true, true
	h := newHarness(t, o)
	h.equip(t)
	return h
}

// equip gives the harness its own clients for origin and provision.
func (h *harness) equip(t *testing.T) {
	t.Helper()
	sess, err := cloud.Sandbox(h.srv.Endpoint(), cloud.Config{Region: "cn-hangzhou"})
	if err != nil {
		t.Fatal(err)
	}
	oc, err := sess.ECS()
	if err != nil {
		t.Fatal(err)
	}
	pc, err := sess.ECS()
	if err != nil {
		t.Fatal(err)
	}
	vc, err := sess.VPC()
	if err != nil {
		t.Fatal(err)
	}
	hist, err := launcher.OpenHistory(h.deps.HistoryPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := provision.New(pc, vc, provision.Options{History: hist, Scheme: "http",
		PollInterval: 10 * time.Millisecond, Timeout: 5 * time.Second, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	h.deps.Origin, h.deps.Provision = origin.New(oc, "http"), p
	h.deps.SSHDir = t.TempDir()
}

// create opens a creation, sets values and confirms it; it fails the test
// when the creation fails.
func (h *harness) create(kind string, values map[string]string) {
	h.t.Helper()
	effs, _ := h.c.Press(kind)
	if kind == CreateTemplate {
		effs = h.c.OpenCreate(kind)
	}
	h.run(effs)
	p, ok := h.c.CreatePlan()
	if !ok || p.Preparing {
		h.t.Fatalf("%s: no plan ready (%+v): %s", kind, p, h.c.Notice())
	}
	for k, v := range values {
		h.c.SetCreate(k, v)
	}
	h.run(h.c.ConfirmCreate())
	if p, ok := h.c.CreatePlan(); ok {
		h.t.Fatalf("%s failed: %v (%+v)", kind, p.Err, p.Fields)
	}
}

// In the region where the account has nothing, the user creates a VPC
// with a vSwitch, a security group and a key pair inside their steps,
// then Enter-through reaches a passing DryRun and a launch; the exports
// know what was created, and the history holds every creation.
func TestAnEmptyRegionIsFilledInItsStepsThenLaunches(t *testing.T) {
	h := newLiveHarness(t, Options{Region: world.EmptyRegion})
	if _, ok := h.c.Start(); !ok {
		t.Fatal("the start screen is not offered")
	}
	h.run(h.c.StartChoose(StartNew))
	if _, ok := h.c.Start(); ok || h.c.Step() != forms.Region {
		t.Fatalf("a new request did not start at the region: %v", h.c.Step())
	}
	h.toStep(forms.Network)
	if h.c.Request().Get("VSwitchId") != "" {
		t.Fatal("the empty region has a vSwitch already")
	}
	h.run(h.c.Submit())
	if h.c.Step() != forms.Network {
		t.Fatal("the Network step was left without a vSwitch")
	}
	h.create(forms.KeyCreateNetwork, nil)
	req := h.c.Request()
	vsw := req.Get("VSwitchId")
	if !strings.HasPrefix(vsw, "vsw-") || !strings.HasPrefix(h.c.Draft().Get(forms.KeyVpc), "vpc-") {
		t.Fatalf("the new network is not chosen: VSwitchId=%q VPC=%q", vsw, h.c.Draft().Get(forms.KeyVpc))
	}
	// What was created is said once the wizard closes, even with no launch.
	if fin := h.c.Final(); !fin.Aborted || !strings.Contains(strings.Join(fin.Summary, "\n"), vsw) {
		t.Errorf("after creating a network: %+v", fin)
	}
	// No public address is known here: the SSH rule's source must be typed.
	effs, _ := h.c.Press(forms.KeyCreateGroup)
	h.run(effs)
	h.run(h.c.ConfirmCreate())
	if p, ok := h.c.CreatePlan(); !ok || p.Err == nil || !strings.Contains(p.Err.Error(), "SourceCidrIp") {
		t.Fatalf("a group with SSH from nowhere was not refused: %+v", p)
	}
	h.c.SetCreate("SourceCidrIp", "0.0.0.0/0")
	if p, _ := h.c.CreatePlan(); len(p.Warnings) == 0 || !strings.Contains(p.Warnings[0], "Permissions.1") {
		t.Fatalf("SSH open to everyone is not warned about: %+v", p.Warnings)
	}
	h.c.SetCreate("SourceCidrIp", "203.0.113.7/32")
	h.run(h.c.ConfirmCreate())
	if _, ok := h.c.CreatePlan(); ok {
		t.Fatal("the security group was not created")
	}
	if sg := h.c.Request().Get("SecurityGroupId"); !strings.HasPrefix(sg, "sg-") {
		t.Fatalf("the new group is not chosen: %q", sg)
	}
	h.submit()
	h.run(h.c.Set(forms.KeyLogin, forms.LoginKeyPair))
	h.create(forms.KeyCreateKey, map[string]string{"KeyPairName": "web-key"})
	if h.c.Request().Get("KeyPairName") != "web-key" {
		t.Fatalf("the new key pair is not chosen: %q", h.c.Request().Get("KeyPairName"))
	}
	st, err := os.Stat(filepath.Join(h.deps.SSHDir, "web-key.pem"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("private key file: %v %v", st, err)
	}
	h.toStep(forms.Review)
	if fs := h.c.Review().Findings; len(fs) != 0 {
		t.Fatalf("findings on the filled region: %+v", fs)
	}
	h.run(h.c.DryRun())
	if d := h.c.Review().Dry; d == nil || !d.Passed {
		t.Fatalf("DryRun %+v", d)
	}
	created := h.c.Created()
	kinds := map[string]bool{}
	for _, r := range created {
		kinds[r.Kind] = true
	}
	for _, k := range []string{exporter.KindVPC, exporter.KindVSwitch, exporter.KindSecurityGroup, exporter.KindKeyPair} {
		if !kinds[k] {
			t.Errorf("the exports do not know the %s created: %+v", k, created)
		}
	}
	res, err := h.c.Export(exporter.Terraform)
	if err != nil || !strings.Contains(res.Text, "alicloud_vpc") {
		t.Fatalf("terraform export without the created VPC: %v\n%s", err, res.Text)
	}
	h.run(h.c.Launch())
	if l := h.c.Launching(); l.Err != nil || l.Outcome == nil || len(l.Outcome.Instances) != 1 {
		t.Fatalf("launch: %+v", h.c.Launching())
	}
	hist, _ := launcher.OpenHistory(h.deps.HistoryPath)
	rs, _ := hist.Resources()
	if len(rs) < 4 {
		t.Fatalf("the history records %d creations, want 4: %+v", len(rs), rs)
	}
}

// Starting from an instance lands at the review with its type, image and
// network, and says that its password could not be carried over; the
// history lists the launch that made it, numbered as `ecslaunch history`.
func TestStartFromAnInstanceAndFromTheHistory(t *testing.T) {
	first := newHarness(t, Options{})
	first.toStep(forms.Access)
	first.run(first.c.Set(forms.KeyLogin, forms.LoginPassword))
	first.run(first.c.Set("Password", "Launch-Pw-2026!"))
	first.run(first.c.Set(forms.KeyPasswordConfirm, "Launch-Pw-2026!"))
	first.run(first.c.Set("InstanceName", "web-01"))
	first.toStep(forms.Review)
	first.run(first.c.Launch())
	l := first.c.Launching()
	if l.Outcome == nil || len(l.Outcome.Instances) != 1 {
		t.Fatalf("the first launch: %+v", l)
	}
	ids := []string{l.Outcome.Instances[0].ID}
	wantType := first.c.Request().Get("InstanceType")

	// The same sandbox and history, a new session.
	h := &harness{t: t, srv: first.srv, deps: first.deps}
	c, effs := New(Options{Region: "cn-hangzhou", Sandbox: true, CanLaunch: true, Now: fixedNow,
		OfferStart: true, CanStartLive: true, CanCreate: true})
	h.c = c
	h.run(effs)
	h.equip(t)
	h.run(h.c.StartChoose(StartInstance))
	sc, _ := h.c.Start()
	if sc.Err != nil || !hasItem(sc.Items, ids[0]) {
		t.Fatalf("the instances list lacks %s: %+v %v", ids[0], sc.Items, sc.Err)
	}
	h.run(h.c.StartChoose(ids[0]))
	if _, open := h.c.Start(); open || h.c.Step() != forms.Review {
		sc, _ := h.c.Start()
		t.Fatalf("not at the review: step %v, start %+v", h.c.Step(), sc)
	}
	if got := h.c.Request().Get("InstanceType"); got != wantType {
		t.Errorf("InstanceType %q, want %q", got, wantType)
	}
	if s, ok := h.c.Source(); !ok || s.ID != ids[0] {
		t.Errorf("source %+v", s)
	}
	if !strings.Contains(strings.Join(h.c.FromNotes(), "\n"), "Password") {
		t.Errorf("no note on the password: %q", h.c.FromNotes())
	}

	h2 := &harness{t: t, srv: first.srv, deps: first.deps}
	c2, effs2 := New(Options{Region: "cn-hangzhou", Sandbox: true, CanLaunch: true, Now: fixedNow, OfferStart: true})
	h2.c = c2
	h2.run(effs2)
	h2.run(h2.c.StartChoose(StartHistory))
	sc, _ = h2.c.Start()
	if len(sc.Items) != 1 || sc.Items[0].Value != "1" {
		t.Fatalf("history items %+v (%v)", sc.Items, sc.Err)
	}
	h2.run(h2.c.StartChoose("1"))
	if h2.c.Step() != forms.Review || h2.c.Request().Get("InstanceName") != "web-01" || h2.c.Request().Has("ClientToken") {
		t.Fatalf("from the history: step %v, request %v", h2.c.Step(), h2.c.Request().Params())
	}
}

// nextStart is a new wizard on the same sandbox and history, at its start
// screen, as the next run of ecslaunch would be.
func (h *harness) nextStart() *harness {
	n := &harness{t: h.t, srv: h.srv, deps: h.deps}
	c, effs := New(Options{Region: "cn-hangzhou", Sandbox: true, CanLaunch: true, Now: fixedNow,
		OfferStart: true, CanStartLive: true, CanCreate: true})
	n.c = c
	n.run(effs)
	return n
}

// savedTemplate is a live wizard whose Enter-through request in region
// was saved from the review as the launch template name.
func savedTemplate(t *testing.T, region, name string) *harness {
	t.Helper()
	h := newLiveHarness(t, Options{})
	h.run(h.c.StartChoose(StartNew))
	h.run(h.c.Set("RegionId", region))
	h.toStep(forms.Review)
	h.create(CreateTemplate, map[string]string{"LaunchTemplateName": name})
	return h
}

// A request saved as a launch template from the review can be started
// from again (its versions listed, the default marked), and saving it
// once more makes a new version of that template, not another template.
func TestSaveAsTemplateThenStartFromItAndSaveANewVersion(t *testing.T) {
	h := savedTemplate(t, "cn-hangzhou", "team-web")
	s, ok := h.c.Source()
	if !ok || !strings.HasPrefix(s.ID, "lt-") {
		t.Fatalf("the saved template is not the request's source: %+v", s)
	}
	id := s.ID
	if fin := h.c.Final(); fin.Aborted || !strings.Contains(strings.Join(fin.Summary, "\n"), id) {
		t.Errorf("a saved template is a save of the request, said at the end: %+v", fin)
	}

	h2 := h.nextStart()
	h2.run(h2.c.StartChoose(StartTemplate))
	sc, _ := h2.c.Start()
	if !hasItem(sc.Items, id) {
		t.Fatalf("the templates list lacks %s: %+v %v", id, sc.Items, sc.Err)
	}
	h2.run(h2.c.StartChoose(id))
	sc, _ = h2.c.Start()
	if sc.Kind != StartVersion || len(sc.Items) != 1 || !strings.Contains(sc.Items[0].Label, "default") {
		t.Fatalf("versions %+v (%v)", sc.Items, sc.Err)
	}
	h2.run(h2.c.StartChoose(sc.Items[0].Value))
	if h2.c.Step() != forms.Review || h2.c.Request().Get("InstanceType") != h.c.Request().Get("InstanceType") {
		t.Fatalf("from the template: step %v %v", h2.c.Step(), h2.c.Request().Params())
	}
	h2.run(h2.c.OpenCreate(CreateTemplate))
	if p, _ := h2.c.CreatePlan(); p.Calls != "CreateLaunchTemplateVersion" {
		t.Fatalf("saving a request from %s calls %q", id, p.Calls)
	}
	h2.c.SetCreate(fieldDefaultVersion, "new")
	if p, _ := h2.c.CreatePlan(); p.Calls != "CreateLaunchTemplateVersion, ModifyLaunchTemplateDefaultVersion" {
		t.Errorf("a new default version calls %q", p.Calls)
	}
	h2.c.SetCreate(fieldDefaultVersion, "")
	if p, _ := h2.c.CreatePlan(); p.Applies(fieldTemplateName) || !p.Applies(fieldDefaultVersion) {
		t.Error("a new version applies the default version, not a template name")
	}
	h2.c.SetCreate(fieldTemplateMode, "")
	if p, _ := h2.c.CreatePlan(); !p.Applies(fieldTemplateName) || p.Applies(fieldDefaultVersion) || p.Calls != "CreateLaunchTemplate" {
		t.Errorf("a new template: applies name %v, default %v, calls %q", p.Applies(fieldTemplateName), p.Applies(fieldDefaultVersion), p.Calls)
	}
	h2.c.SetCreate(fieldTemplateMode, id)
	h2.run(h2.c.ConfirmCreate())
	s2, _ := h2.c.Source()
	if s2.ID != id || s2.Version != 2 {
		t.Fatalf("the second save is not version 2 of %s: %+v", id, s2)
	}
	if n := h2.c.Notice(); !strings.Contains(n, "version 2 of "+id) || !strings.Contains(n, "default version is unchanged") {
		t.Errorf("the second save said %q", n)
	}

	// A third save, asked to be the default, is what a new start marks so.
	h2.create(CreateTemplate, map[string]string{fieldDefaultVersion: "new"})
	if n := h2.c.Notice(); !strings.Contains(n, "version 3 of "+id) || !strings.Contains(n, "now the template's default") {
		t.Errorf("the third save said %q", n)
	}
	h3 := h.nextStart()
	h3.run(h3.c.StartChoose(StartTemplate))
	h3.run(h3.c.StartChoose(id))
	sc, _ = h3.c.Start()
	var defaults []string
	for _, it := range sc.Items {
		if strings.Contains(it.Label, "default") {
			defaults = append(defaults, it.Label)
		}
	}
	if len(sc.Items) != 3 || len(defaults) != 1 || !strings.Contains(defaults[0], "version 3") {
		t.Errorf("versions after the third save: %+v", sc.Items)
	}
}

// The rules of the chosen VPC's groups are read once the Network step
// opens, and shown under the groups chosen.
func TestTheRulesOfExistingGroupsAreShown(t *testing.T) {
	h := newLiveHarness(t, Options{})
	h.run(h.c.StartChoose(StartNew))
	h.toStep(forms.Network)
	var note *forms.Field
	for _, f := range h.c.Fields() {
		if strings.HasPrefix(f.Key, forms.KeyGroupRules) {
			note = &f
		}
	}
	if note == nil {
		t.Fatalf("no rules under the groups: %+v", h.c.Env().GroupRules)
	}
	if note.Doc == "" || !strings.Contains(note.Title, h.c.Request().Get("SecurityGroupId")) {
		t.Fatalf("rules note %+v", note)
	}
}

func hasItem(items []StartItem, v string) bool {
	for _, it := range items {
		if it.Value == v {
			return true
		}
	}
	return false
}

// The controller serves both faces: what it says of an empty list names
// no key of the TUI (the accessible mode has no Esc).
func TestEmptyStartListsNameNoKey(t *testing.T) {
	c, _ := New(Options{Region: "cn-hangzhou", Sandbox: true, Now: fixedNow})
	for _, kind := range []string{StartTemplate, StartInstance, StartVersion, StartHistory} {
		msg := c.emptyStart(kind)
		if msg == "" || strings.Contains(strings.ToLower(msg), "esc") {
			t.Errorf("%s: %q", kind, msg)
		}
	}
}

// A template kept in another region is reached from the templates list's
// last row, "Another region…": the regions (the current one first), then
// that region's templates, and the request opens in that region.
func TestTheStartListsReachAnotherRegion(t *testing.T) {
	h := savedTemplate(t, "cn-shanghai", "shanghai-web")
	s, _ := h.c.Source()

	h2 := h.nextStart()
	h2.run(h2.c.StartChoose(StartTemplate))
	sc, _ := h2.c.Start()
	if hasItem(sc.Items, s.ID) || len(sc.Items) == 0 || sc.Items[len(sc.Items)-1].Value != StartRegion {
		t.Fatalf("cn-hangzhou's templates: %+v (%v)", sc.Items, sc.Err)
	}
	h2.run(h2.c.StartChoose(StartRegion))
	sc, _ = h2.c.Start()
	if sc.Kind != StartRegion || len(sc.Items) < 2 || sc.Items[0].Value != "cn-hangzhou" || !hasItem(sc.Items, "cn-shanghai") {
		t.Fatalf("the regions: %+v", sc)
	}
	h2.run(h2.c.StartBack())
	if sc, _ = h2.c.Start(); sc.Kind != StartTemplate || sc.Region != "cn-hangzhou" {
		t.Fatalf("Esc on the regions: %+v", sc)
	}
	h2.run(h2.c.StartChoose(StartRegion))
	h2.run(h2.c.StartChoose("cn-shanghai"))
	sc, _ = h2.c.Start()
	if sc.Kind != StartTemplate || !strings.Contains(sc.Title, "cn-shanghai") || !hasItem(sc.Items, s.ID) {
		t.Fatalf("cn-shanghai's templates: %+v", sc)
	}
	h2.run(h2.c.StartChoose(s.ID))
	sc, _ = h2.c.Start()
	h2.run(h2.c.StartChoose(sc.Items[0].Value))
	if h2.c.Step() != forms.Review || h2.c.Request().Get("RegionId") != "cn-shanghai" {
		t.Fatalf("from cn-shanghai's template: step %v %v", h2.c.Step(), h2.c.Request().Params())
	}
}
