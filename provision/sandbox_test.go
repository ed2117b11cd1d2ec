package provision_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

const (
	region = world.EmptyRegion
	zone   = world.EmptyZone
	image  = "aliyun_3_x64_20G_alibase_20240819.vhd"
)

// env is a sandbox with the clients, history and provisioner of one test.
type env struct {
	s    *sandbox.Server
	ecs  *ecs.Client
	vpc  *vpc.Client
	hist *launcher.History
	p    *provision.Provisioner
	sess *cloud.Session
}

func newEnv(t *testing.T, o sandbox.Options) *env {
	t.Helper()
	if o.BootTime == 0 {
		o.BootTime = 150 * time.Millisecond
	}
	o.Seed = 3
	s, err := sandbox.Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sess, err := cloud.Sandbox(s.Endpoint(), cloud.Config{Region: region})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{s: s, sess: sess}
	if e.ecs, err = sess.ECS(); err != nil {
		t.Fatal(err)
	}
	if e.vpc, err = sess.VPC(); err != nil {
		t.Fatal(err)
	}
	if e.hist, err = launcher.OpenHistory(filepath.Join(t.TempDir(), "history.jsonl")); err != nil {
		t.Fatal(err)
	}
	e.p, err = provision.New(e.ecs, e.vpc, provision.Options{History: e.hist, Scheme: sess.Scheme(),
		PollInterval: 20 * time.Millisecond, Timeout: 5 * time.Second, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// publicKey writes an ed25519 public key file into dir and returns its line.
func publicKey(t *testing.T, dir, name string) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var blob []byte
	for _, part := range [][]byte{[]byte("ssh-ed25519"), pub} {
		blob = binary.BigEndian.AppendUint32(blob, uint32(len(part)))
		blob = append(blob, part...)
	}
	line := "ssh-ed25519 " + base64.StdEncoding.EncodeToString(blob) + " me@laptop"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return line
}

// TestEmptyRegionToRunning is issue 14's acceptance in the empty region:
// a VPC and vSwitch, a security group from the presets and a key pair are
// created through provision, then a request using them passes DryRun and
// launches to Running.
func TestEmptyRegionToRunning(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	ctx := context.Background()
	cidr, err := provision.SuggestVPCCIDR(nil)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := provision.SuggestVSwitchCIDR(cidr, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	vpcRes, vsw, err := e.p.CreateNetwork(ctx, provision.NetworkSpec{
		VPC:     provision.VPCSpec{RegionId: region, CidrBlock: cidr, VpcName: "app"},
		VSwitch: provision.VSwitchSpec{ZoneId: zone, CidrBlock: sub, VSwitchName: "app-a"}})
	if err != nil {
		t.Fatal(err)
	}
	rules := provision.Presets(provision.SuggestedPresets("linux", netip.MustParseAddr("203.0.113.7")))
	sg, err := e.p.CreateSecurityGroup(ctx, provision.GroupSpec{RegionId: region, VpcId: vpcRes.ID, SecurityGroupName: "app", Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	sshDir := t.TempDir()
	line := publicKey(t, sshDir, "id_ed25519.pub")
	keys, skipped, err := provision.PublicKeys(provision.OSFiles{}, sshDir)
	if err != nil || len(keys) != 1 || len(skipped) != 0 || keys[0].Body != line {
		t.Fatalf("public keys %+v %v %v", keys, skipped, err)
	}
	kp, err := e.p.ImportKeyPair(ctx, provision.KeyImportSpec{RegionId: region, KeyPairName: "laptop", PublicKeyBody: keys[0].Body})
	if err != nil || kp.Existing || kp.Facts["KeyPairFingerPrint"] != keys[0].FingerPrint {
		t.Fatalf("ImportKeyPair: %+v %v (fingerprint %s)", kp, err, keys[0].FingerPrint)
	}
	again, err := e.p.ImportKeyPair(ctx, provision.KeyImportSpec{RegionId: region, KeyPairName: "laptop", PublicKeyBody: keys[0].Body})
	if err != nil || !again.Existing {
		t.Fatalf("importing the same key again: %+v %v, want it Existing", again, err)
	}

	// what the group holds is what DescribeSecurityGroupAttribute answers
	got, err := e.p.GroupRules(ctx, region, sg.ID)
	if err != nil || len(got) != len(rules) || got[0].String() != "TCP 22 from 203.0.113.7/32 (SSH)" {
		t.Fatalf("rules %v %v", got, err)
	}

	req := request.New()
	for k, v := range map[string]string{"RegionId": region, "ImageId": image, "InstanceType": world.CheapestGeneral,
		"VSwitchId": vsw.ID, "SecurityGroupId": sg.ID, "KeyPairName": kp.ID, "InstanceName": "app"} {
		if err := req.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	lc := launcher.WithScheme(e.ecs, "http")
	if res := launcher.DryRun(ctx, lc, req); !res.Passed {
		t.Fatalf("DryRun: %s", res)
	}
	out, err := launcher.Launch(ctx, lc, req, launcher.Options{History: e.hist, Wait: true, Timeout: 10 * time.Second,
		PollInterval: 20 * time.Millisecond, Scheme: "http"}, nil)
	if err != nil || out.Running() != 1 {
		t.Fatalf("launch: %v %+v", err, out)
	}

	// every creation is recorded, with its ID, beside the launch
	records, warns := e.hist.Resources()
	if len(warns) != 0 || len(records) != 4 {
		t.Fatalf("records %+v %v", records, warns)
	}
	for i, want := range []string{exporter.KindVPC, exporter.KindVSwitch, exporter.KindSecurityGroup, exporter.KindKeyPair} {
		if records[i].Kind != want || records[i].State != launcher.ResourceCreated || records[i].ID == "" {
			t.Errorf("record %d: %+v, want a created %s", i, records[i], want)
		}
	}
	var all []provision.Created
	for _, r := range records {
		all = append(all, provision.FromRecord(r))
	}
	if used := provision.CreatedFor(req, all); len(used) != 4 || used[0].Kind != exporter.KindVPC || used[0].ID != vpcRes.ID {
		t.Errorf("CreatedFor %+v", used)
	}
}

// TestAFailedCreationNamesTheParameterAndRecordsItFailed: a vSwitch whose
// CIDR block overlaps another is ECS's InvalidCidrBlock.Overlapped, on
// CidrBlock, and its record says failed, with no ID.
func TestAFailedCreationNamesTheParameterAndRecordsItFailed(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	ctx := context.Background()
	v, vsw, err := e.p.CreateNetwork(ctx, provision.NetworkSpec{
		VPC:     provision.VPCSpec{RegionId: region, CidrBlock: "10.0.0.0/16"},
		VSwitch: provision.VSwitchSpec{ZoneId: zone, CidrBlock: "10.0.0.0/24"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.p.CreateVSwitch(ctx, provision.VSwitchSpec{RegionId: region, VpcId: v.ID, ZoneId: zone, CidrBlock: "10.0.0.128/25"})
	var pe *provision.Error
	if !errors.As(err, &pe) || pe.Parameter != "CidrBlock" || pe.Code != "InvalidCidrBlock.Overlapped" || pe.HTTPStatus != 400 ||
		!strings.Contains(err.Error(), vsw.ID) {
		t.Fatalf("overlap: %v (%+v)", err, pe)
	}
	records, _ := e.hist.Resources()
	last := records[len(records)-1]
	if len(records) != 3 || last.State != launcher.ResourceFailed || last.ID != "" || !strings.Contains(last.Error, "InvalidCidrBlock.Overlapped") {
		t.Errorf("records %+v", records)
	}
	// a check made before any call sends nothing and records nothing
	e.s.ResetCalls()
	_, err = e.p.CreateVSwitch(ctx, provision.VSwitchSpec{RegionId: region, VpcId: v.ID, ZoneId: zone, CidrBlock: "10.9.0.0/24", VpcCidrBlock: "10.0.0.0/16"})
	if !errors.As(err, &pe) || pe.Parameter != "CidrBlock" || pe.Code != "" || e.s.Calls()["CreateVSwitch"] != 0 {
		t.Errorf("outside the VPC: %v, calls %v", err, e.s.Calls())
	}
	if again, _ := e.hist.Resources(); len(again) != 3 {
		t.Errorf("a refused spec was recorded: %+v", again)
	}
	// the quota of VPCs, named on RegionId
	for i := 1; i < 10; i++ {
		if _, err := e.p.CreateVPC(ctx, provision.VPCSpec{RegionId: region, CidrBlock: "10." + strconv.Itoa(i) + ".0.0/16"}); err != nil {
			t.Fatal(err)
		}
	}
	_, err = e.p.CreateVPC(ctx, provision.VPCSpec{RegionId: region, CidrBlock: "10.99.0.0/16"})
	if !errors.As(err, &pe) || pe.Code != "QuotaExceeded.Vpc" || pe.Parameter != "RegionId" || !strings.Contains(err.Error(), "Quota Center") {
		t.Errorf("quota: %v", err)
	}
}

// TestCreateKeyPairWritesThePrivateKeyOnce: the private key goes to
// NAME.pem with mode 0600, is never in the history, an error, or an
// export, and an existing file is never overwritten (checked before any
// call).
func TestCreateKeyPairWritesThePrivateKeyOnce(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	ctx := context.Background()
	dir := t.TempDir()
	kp, err := e.p.CreateKeyPair(ctx, provision.KeyCreateSpec{RegionId: region, KeyPairName: "made", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "made.pem")
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 || kp.Facts["PrivateKeyFile"] != path {
		t.Fatalf("key file: %v %v %+v", err, st, kp)
	}
	key, _ := os.ReadFile(path)
	if !bytes.HasPrefix(key, []byte("-----BEGIN PRIVATE KEY-----")) {
		t.Fatalf("key file holds %.30q", key)
	}
	body := strings.Split(string(key), "\n")[1] // a line of the key's base64
	hist, _ := os.ReadFile(e.hist.ResourcesPath())
	launches, _ := os.ReadFile(e.hist.Path())
	if bytes.Contains(hist, []byte(body)) || bytes.Contains(launches, []byte(body)) || !bytes.Contains(hist, []byte(path)) {
		t.Errorf("the history holds the private key, or not the key file's path:\n%s", hist)
	}
	req := request.New()
	_ = req.Set("RegionId", region)
	_ = req.Set("KeyPairName", "made")
	for _, f := range exporter.Formats() {
		res, err := exporter.Export(req, f, exporter.Options{Created: []exporter.Resource{kp.Resource()}})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(res.Text+strings.Join(res.Notes, "\n"), body) {
			t.Errorf("the %s export holds the private key", f)
		}
	}

	e.s.ResetCalls()
	_, err = e.p.CreateKeyPair(ctx, provision.KeyCreateSpec{RegionId: region, KeyPairName: "made", Dir: dir})
	var pe *provision.Error
	if !errors.As(err, &pe) || pe.Parameter != "KeyPairName" || !strings.Contains(err.Error(), "never overwritten") {
		t.Errorf("second CreateKeyPair: %v", err)
	}
	if e.s.Calls()["CreateKeyPair"] != 0 {
		t.Errorf("CreateKeyPair was called although the file exists: %v", e.s.Calls())
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, key) {
		t.Error("the key file changed")
	}
	// the name is taken in the region, though its file is elsewhere
	_, err = e.p.CreateKeyPair(ctx, provision.KeyCreateSpec{RegionId: region, KeyPairName: "made", Dir: t.TempDir()})
	if !errors.As(err, &pe) || pe.Code != "KeyPair.AlreadyExist" || strings.Contains(err.Error(), body) {
		t.Errorf("a taken name: %v", err)
	}
	_, err = e.p.CreateKeyPair(ctx, provision.KeyCreateSpec{RegionId: region, KeyPairName: "bad name", Dir: dir})
	if !errors.As(err, &pe) || pe.Parameter != "KeyPairName" {
		t.Errorf("a bad name: %v", err)
	}
}

// TestCreateKeyPairWhoseFileCannotBeWritten: the key pair exists then,
// so it is recorded as created, and the error says how to delete it.
func TestCreateKeyPairWhoseFileCannotBeWritten(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	p, err := provision.New(e.ecs, e.vpc, provision.Options{History: e.hist, Scheme: "http", Files: failingFiles{}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := p.CreateKeyPair(context.Background(), provision.KeyCreateSpec{RegionId: region, KeyPairName: "lost", Dir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "DeleteKeyPairs") || c.ID != "lost" {
		t.Fatalf("unwritable key file: %v %+v", err, c)
	}
	records, _ := e.hist.Resources()
	if len(records) != 1 || records[0].State != launcher.ResourceCreated || records[0].ID != "lost" || records[0].Facts["PrivateKeyFile"] != "" {
		t.Errorf("records %+v", records)
	}
}

// A missing ~/.ssh is made (0700) before the call; a folder that cannot
// take a file stops the creation before CreateKeyPair, so no key is lost.
func TestCreateKeyPairMakesTheFolderOrCreatesNothing(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	p, err := provision.New(e.ecs, e.vpc, provision.Options{History: e.hist, Scheme: "http"})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "home", ".ssh")
	c, err := p.CreateKeyPair(context.Background(), provision.KeyCreateSpec{RegionId: region, KeyPairName: "fresh", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("~/.ssh not made 0700: %v %v", st, err)
	}
	if st, err := os.Stat(c.Facts["PrivateKeyFile"]); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", st, err)
	}
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = p.CreateKeyPair(context.Background(), provision.KeyCreateSpec{RegionId: region, KeyPairName: "never", Dir: filepath.Join(blocked, "ssh")})
	if err == nil || !strings.Contains(err.Error(), "no key pair was created") || !strings.Contains(err.Error(), "KeyPairName") {
		t.Fatalf("unwritable folder: %v", err)
	}
	records, _ := e.hist.Resources()
	for _, r := range records {
		if r.ID == "never" {
			t.Fatalf("a key pair was created for an unwritable folder: %+v", r)
		}
	}
}

// failingFiles cannot write.
type failingFiles struct{ provision.OSFiles }

func (failingFiles) WriteNew(path string, _ []byte) error {
	return &os.PathError{Op: "open", Path: path, Err: errors.New("disk full")}
}

// TestThrottledCreationsAreRetriedWithTheirToken: under throttling every
// creation still happens exactly once.
func TestThrottledCreationsAreRetriedWithTheirToken(t *testing.T) {
	e := newEnv(t, sandbox.Options{Faults: sandbox.Faults{ThrottleRate: 0.4}})
	ctx := context.Background()
	p, err := provision.New(e.ecs, e.vpc, provision.Options{History: e.hist, Scheme: "http", MaxAttempts: 30,
		Backoff: time.Millisecond, PollInterval: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	v, _, err := p.CreateNetwork(ctx, provision.NetworkSpec{VPC: provision.VPCSpec{RegionId: region, CidrBlock: "10.0.0.0/16"},
		VSwitch: provision.VSwitchSpec{ZoneId: zone, CidrBlock: "10.0.1.0/24"}})
	if err != nil {
		t.Fatal(err)
	}
	e.s.SetFaults(sandbox.Faults{})
	list := vpc.CreateDescribeVpcsRequest()
	list.RegionId, list.Scheme = region, "http"
	resp, err := e.vpc.DescribeVpcs(list)
	if err != nil || resp.TotalCount != 1 || resp.Vpcs.Vpc[0].VpcId != v.ID {
		t.Errorf("VPCs after throttled retries: %v %+v", err, resp)
	}
}

// TestSaveTemplate: a request becomes a launch template, then a second
// version, live; the password and Amount stay out and are noted.
func TestSaveTemplate(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	ctx := context.Background()
	req := request.New()
	for k, v := range map[string]string{"RegionId": "cn-hangzhou", "ImageId": image, "InstanceType": "ecs.g7.large",
		"InstanceName": "web", "Password": "Sup3r-Secret-Pw!", "Amount": "3", "SystemDisk.Size": "40", "DataDisk.1.Size": "100",
		"DataDisk.1.Category": "cloud_essd", "Tag.1.Key": "team", "Tag.1.Value": "web"} {
		_ = req.Set(k, v)
	}
	c, notes, err := e.p.SaveTemplate(ctx, req, provision.TemplateSpec{VersionDescription: "first"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Kind != provision.KindLaunchTemplate || !strings.HasPrefix(c.ID, "lt-") || c.Version() != 1 {
		t.Fatalf("saved %+v", c)
	}
	all := strings.Join(notes, "\n")
	if !strings.Contains(all, "Password") || !strings.Contains(all, "Amount") {
		t.Errorf("notes %q do not say Password and Amount were left out", notes)
	}
	_ = req.Set("InstanceType", "ecs.c7.large")
	v2, _, err := e.p.SaveTemplate(ctx, req, provision.TemplateSpec{LaunchTemplateId: c.ID})
	if err != nil || v2.Version() != 2 || v2.ID != c.ID || v2.Kind != provision.KindLaunchTemplateVersion {
		t.Fatalf("second version: %+v %v", v2, err)
	}
	d := ecs.CreateDescribeLaunchTemplateVersionsRequest()
	d.RegionId, d.LaunchTemplateId, d.Scheme = "cn-hangzhou", c.ID, "http"
	dr, err := e.ecs.DescribeLaunchTemplateVersions(d)
	if err != nil || len(dr.LaunchTemplateVersionSets.LaunchTemplateVersionSet) != 2 {
		t.Fatalf("versions: %v %+v", err, dr)
	}
	one := dr.LaunchTemplateVersionSets.LaunchTemplateVersionSet[0].LaunchTemplateData
	if one.InstanceType != "ecs.g7.large" || one.SystemDiskSize != 40 || len(one.DataDisks.DataDisk) != 1 || one.DataDisks.DataDisk[0].Size != 100 {
		t.Errorf("version 1 holds %+v", one)
	}
	if strings.Contains(dr.GetHttpContentString(), "Sup3r-Secret-Pw!") {
		t.Error("the template holds the password")
	}
	_, _, err = e.p.SaveTemplate(ctx, req, provision.TemplateSpec{LaunchTemplateName: "web"})
	var pe *provision.Error
	if !errors.As(err, &pe) || pe.Code != "LaunchTemplateName.Duplicated" || pe.Parameter != "LaunchTemplateName" {
		t.Errorf("a taken name: %v", err)
	}
}

// refusingDefault is the sandbox, except that it refuses to change a
// template's default version.
type refusingDefault struct{ *ecs.Client }

func (refusingDefault) ModifyLaunchTemplateDefaultVersion(*ecs.ModifyLaunchTemplateDefaultVersionRequest) (*ecs.ModifyLaunchTemplateDefaultVersionResponse, error) {
	return nil, errors.New("Forbidden.RAM: User not authorized to operate on the specified resource")
}

// TestSaveTemplateVersionAsTheDefault: MakeDefault makes the new version
// the template's default (DescribeLaunchTemplates says so); when that call
// fails, the version is still reported and recorded as created, and the
// error says the default did not change.
func TestSaveTemplateVersionAsTheDefault(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	ctx := context.Background()
	req := request.New()
	for k, v := range map[string]string{"RegionId": "cn-hangzhou", "ImageId": image, "InstanceType": "ecs.g7.large", "InstanceName": "web"} {
		_ = req.Set(k, v)
	}
	first, _, err := e.p.SaveTemplate(ctx, req, provision.TemplateSpec{})
	if err != nil {
		t.Fatal(err)
	}
	_ = req.Set("InstanceType", "ecs.c7.large")
	v2, _, err := e.p.SaveTemplate(ctx, req, provision.TemplateSpec{LaunchTemplateId: first.ID, MakeDefault: true})
	if err != nil || v2.Version() != 2 || v2.Facts["DefaultVersionNumber"] != "2" {
		t.Fatalf("second version as the default: %+v %v", v2, err)
	}
	defaultOf := func() int64 {
		d := ecs.CreateDescribeLaunchTemplatesRequest()
		d.RegionId, d.LaunchTemplateId, d.Scheme = "cn-hangzhou", &[]string{first.ID}, "http"
		dr, err := e.ecs.DescribeLaunchTemplates(d)
		if err != nil || len(dr.LaunchTemplateSets.LaunchTemplateSet) != 1 {
			t.Fatalf("DescribeLaunchTemplates: %v %+v", err, dr)
		}
		return dr.LaunchTemplateSets.LaunchTemplateSet[0].DefaultVersionNumber
	}
	if got := defaultOf(); got != 2 {
		t.Fatalf("default version %d, want 2", got)
	}

	refusing, err := provision.New(refusingDefault{e.ecs}, e.vpc, provision.Options{History: e.hist, Scheme: "http", Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	v3, _, err := refusing.SaveTemplate(ctx, req, provision.TemplateSpec{LaunchTemplateId: first.ID, MakeDefault: true})
	if err == nil || v3.ID != first.ID || v3.Version() != 3 || !strings.Contains(err.Error(), "version 3 of "+first.ID+" is saved") ||
		!strings.Contains(err.Error(), "Forbidden.RAM") {
		t.Fatalf("a refused default: %+v %v", v3, err)
	}
	if got := defaultOf(); got != 2 {
		t.Errorf("default version %d after a refused change, want 2", got)
	}
	records, _ := e.hist.Resources()
	last := records[len(records)-1]
	if last.State != launcher.ResourceCreated || last.ID != first.ID || last.Facts["LaunchTemplateVersionNumber"] != "3" || last.Error == "" {
		t.Errorf("the history's last record %+v, want version 3 created, with the error", last)
	}
}
