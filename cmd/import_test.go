package cmd

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// importSandbox starts a sandbox the commands reach with --endpoint, the
// environment holding its credentials, and an SDK client on it.
func importSandbox(t *testing.T) (*sandbox.Server, *ecs.Client) {
	t.Helper()
	s, err := sandbox.Start(sandbox.Options{BootTime: 300 * time.Millisecond, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", sandbox.DefaultAccessKeyID)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", sandbox.DefaultAccessKeySecret)
	t.Setenv("ALIBABA_CLOUD_PROFILE", "")
	c, err := ecs.NewClientWithAccessKey("cn-hangzhou", sandbox.DefaultAccessKeyID, sandbox.DefaultAccessKeySecret)
	if err != nil {
		t.Fatal(err)
	}
	c.Domain = s.Endpoint()
	return s, c
}

// demoGroups are the demo VPC's vSwitch and two of its security groups
// (web-sg and one made for the test).
func demoGroups(t *testing.T, c *ecs.Client) (string, []string) {
	t.Helper()
	net := world.New().Network("cn-hangzhou")
	var vsw, vpcID string
	var groups []string
	for _, v := range net.VSwitches {
		if v.VSwitchName == "demo-vsw" {
			vsw, vpcID = v.VSwitchId, v.VpcId
		}
	}
	for _, g := range net.SecurityGroups {
		if g.SecurityGroupName == "web-sg" {
			groups = append(groups, g.SecurityGroupId)
		}
	}
	req := ecs.CreateCreateSecurityGroupRequest()
	req.RegionId, req.VpcId, req.SecurityGroupName = "cn-hangzhou", vpcID, "app-sg"
	resp, err := c.CreateSecurityGroup(req)
	if err != nil {
		t.Fatal(err)
	}
	return vsw, append(groups, resp.SecurityGroupId)
}

// theOriginal's 2 data disks, 2 security groups and 3 tags, as flat
// RunInstances parameters.
func theOriginal(vsw string, groups []string) [][2]string {
	return [][2]string{{"RegionId", "cn-hangzhou"}, {"ImageId", "aliyun_3_x64_20G_alibase_20240819.vhd"},
		{"InstanceType", "ecs.g7.large"}, {"VSwitchId", vsw}, {"SecurityGroupIds.1", groups[0]}, {"SecurityGroupIds.2", groups[1]},
		{"InstanceName", "web-001"}, {"KeyPairName", world.DefaultKeyPair}, {"InternetMaxBandwidthOut", "5"},
		{"SystemDisk.Category", "cloud_essd"}, {"SystemDisk.Size", "60"}, {"SystemDisk.PerformanceLevel", "PL0"},
		{"DataDisk.1.Category", "cloud_essd"}, {"DataDisk.1.Size", "500"}, {"DataDisk.1.PerformanceLevel", "PL2"},
		{"DataDisk.1.DiskName", "db"}, {"DataDisk.2.Category", "cloud_efficiency"}, {"DataDisk.2.Size", "200"},
		{"DataDisk.2.DeleteWithInstance", "false"}, {"Tag.1.Key", "team"}, {"Tag.1.Value", "web"}, {"Tag.2.Key", "env"},
		{"Tag.2.Value", "prod"}, {"Tag.3.Key", "cost-center"}, {"Tag.3.Value", "42"}}
}

// launchWithSDK launches the original through the classic SDK.
func launchWithSDK(t *testing.T, c *ecs.Client, params [][2]string) string {
	t.Helper()
	req := requests.NewCommonRequest()
	req.Domain, req.Version, req.ApiName, req.Scheme = c.Domain, "2014-05-26", "RunInstances", "http"
	for _, p := range params {
		req.QueryParams[p[0]] = p[1]
	}
	resp, err := c.ProcessCommonRequest(req)
	if err != nil {
		t.Fatal(err)
	}
	return instanceID(t, resp.GetHttpContentString())
}

var instanceIDPattern = regexp.MustCompile(`i-[a-z0-9]{10,}`)

func instanceID(t *testing.T, text string) string {
	t.Helper()
	id := instanceIDPattern.FindString(text)
	if id == "" {
		t.Fatalf("no instance ID in %s", text)
	}
	return id
}

// launchWithCLI launches the original with the real aliyun CLI, when one
// is there (ALIYUN_CLI, or ../shared/tools/aliyun).
func launchWithCLI(t *testing.T, endpoint string, params [][2]string) string {
	t.Helper()
	cli := os.Getenv("ALIYUN_CLI")
	if cli == "" {
		tool := filepath.Join("..", "..", "shared", "tools", "aliyun")
		out, err := exec.Command(tool, "--path").Output()
		if err != nil {
			t.Skip("no aliyun CLI: set ALIYUN_CLI, or check out ../shared/tools beside the repository (its aliyun script unpacks the CLI)")
		}
		cli = strings.TrimSpace(string(out))
	}
	args := []string{"ecs", "RunInstances", "--endpoint", endpoint, "--insecure"}
	for _, p := range params {
		args = append(args, "--"+p[0]+"="+p[1])
	}
	cmd := exec.Command(cli, args...)
	cmd.Env = []string{"HOME=" + t.TempDir(), "ALIBABA_CLOUD_ACCESS_KEY_ID=" + sandbox.DefaultAccessKeyID,
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + sandbox.DefaultAccessKeySecret, "ALIBABA_CLOUD_REGION_ID=cn-hangzhou"}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("aliyun ecs RunInstances: %v\n%s", err, out)
	}
	return instanceID(t, string(out))
}

func describeAll(t *testing.T, c *ecs.Client, id string) (ecs.Instance, []ecs.Disk) {
	t.Helper()
	di := ecs.CreateDescribeInstancesRequest()
	di.RegionId, di.InstanceIds = "cn-hangzhou", fmt.Sprintf("[%q]", id)
	ir, err := c.DescribeInstances(di)
	if err != nil || len(ir.Instances.Instance) != 1 {
		t.Fatalf("DescribeInstances %s: %v", id, err)
	}
	dd := ecs.CreateDescribeDisksRequest()
	dd.RegionId, dd.InstanceId = "cn-hangzhou", id
	dr, err := c.DescribeDisks(dd)
	if err != nil {
		t.Fatal(err)
	}
	return ir.Instances.Instance[0], dr.Disks.Disk
}

// TestImportInstanceLaunchesTheSameAgain is issue 14's acceptance: an
// instance with 2 data disks, 2 security groups and 3 tags (launched
// through the classic SDK, and through the real aliyun CLI when there is
// one) becomes, with `import instance`, a launch file that validates,
// passes DryRun, and launches a second instance with the same type,
// image, disks, network and tags.
func TestImportInstanceLaunchesTheSameAgain(t *testing.T) {
	for _, via := range []string{"sdk", "aliyun-cli"} {
		t.Run(via, func(t *testing.T) {
			s, c := importSandbox(t)
			ep := s.Endpoint()
			vsw, groups := demoGroups(t, c)
			var first string
			if via == "sdk" {
				first = launchWithSDK(t, c, theOriginal(vsw, groups))
			} else {
				first = launchWithCLI(t, ep, theOriginal(vsw, groups))
			}
			file := filepath.Join(t.TempDir(), "web.yaml")
			out, errs, code := run(t, "", "import", "instance", first, "--endpoint", ep, "--insecure", "--region", "cn-hangzhou", "-o", file)
			if code != 0 || !strings.Contains(errs, "note: Password: an instance's password is never retrievable") ||
				!strings.Contains(errs, "wrote "+file) {
				t.Fatalf("import instance: exit %d\n%s%s", code, out, errs)
			}
			if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
				t.Errorf("launch file: %v %v", err, st)
			}
			if out, errs, code := run(t, "", "validate", file); code != 0 {
				t.Fatalf("validate: exit %d\n%s%s", code, out, errs)
			}
			if out, errs, code := run(t, "", "dryrun", file, "--endpoint", ep, "--insecure"); code != 0 || !strings.Contains(out, "DryRun passed") {
				t.Fatalf("dryrun: exit %d\n%s%s", code, out, errs)
			}
			out, errs, code = run(t, "", "launch", "--yes", file, "--endpoint", ep, "--insecure", "--timeout", "30s")
			if code != 0 {
				t.Fatalf("launch: exit %d\n%s%s", code, out, errs)
			}
			second := instanceID(t, out)
			a, aDisks := describeAll(t, c, first)
			b, bDisks := describeAll(t, c, second)
			compare(t, "InstanceType", a.InstanceType, b.InstanceType)
			compare(t, "ImageId", a.ImageId, b.ImageId)
			compare(t, "ZoneId", a.ZoneId, b.ZoneId)
			compare(t, "VpcAttributes.VpcId", a.VpcAttributes.VpcId, b.VpcAttributes.VpcId)
			compare(t, "VpcAttributes.VSwitchId", a.VpcAttributes.VSwitchId, b.VpcAttributes.VSwitchId)
			compare(t, "SecurityGroupIds", a.SecurityGroupIds.SecurityGroupId, b.SecurityGroupIds.SecurityGroupId)
			compare(t, "Tags", a.Tags.Tag, b.Tags.Tag)
			compare(t, "KeyPairName", a.KeyPairName, b.KeyPairName)
			compare(t, "InternetMaxBandwidthOut", a.InternetMaxBandwidthOut, b.InternetMaxBandwidthOut)
			compare(t, "disks", len(aDisks), len(bDisks))
			for i := 0; i < len(aDisks) && i < len(bDisks); i++ {
				x, y := aDisks[i], bDisks[i]
				compare(t, fmt.Sprintf("disk %d", i), []any{x.Type, x.Category, x.Size, x.PerformanceLevel, x.DeleteWithInstance, x.DiskName, x.Device},
					[]any{y.Type, y.Category, y.Size, y.PerformanceLevel, y.DeleteWithInstance, y.DiskName, y.Device})
			}
			if len(aDisks) != 3 || len(a.SecurityGroupIds.SecurityGroupId) != 2 || len(a.Tags.Tag) != 3 {
				t.Errorf("the original has %d disks, %d groups, %d tags; want 3, 2, 3", len(aDisks), len(a.SecurityGroupIds.SecurityGroupId), len(a.Tags.Tag))
			}
			if b.InstanceName != "web-002" {
				t.Errorf("second instance named %q, want web-002", b.InstanceName)
			}
		})
	}
}

func compare(t *testing.T, what string, a, b any) {
	t.Helper()
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("%s: the original has %v, the second %v", what, a, b)
	}
}

func TestImportInstanceErrors(t *testing.T) {
	s, c := importSandbox(t)
	ep := s.Endpoint()
	vsw, groups := demoGroups(t, c)
	first := launchWithSDK(t, c, theOriginal(vsw, groups))
	_, errs, code := run(t, "", "import", "instance", first, "--endpoint", ep, "--insecure", "--region", "cn-shanghai")
	if code != ExitFailed || !strings.Contains(errs, "does not exist in cn-shanghai; it is in cn-hangzhou: give --region cn-hangzhou") {
		t.Errorf("another region: exit %d\n%s", code, errs)
	}
	_, errs, code = run(t, "", "import", "instance", "i-bp1nosuch00000000", "--endpoint", ep, "--insecure", "--region", "cn-hangzhou")
	if code != ExitFailed || !strings.Contains(errs, "i-bp1nosuch00000000 does not exist in cn-hangzhou") {
		t.Errorf("unknown: exit %d\n%s", code, errs)
	}
	_, errs, code = run(t, "", "import", "instance", "web-001", "--endpoint", ep, "--insecure")
	if code != ExitUsage || !strings.Contains(errs, "i-") {
		t.Errorf("a name: exit %d\n%s", code, errs)
	}
	_, errs, code = run(t, "", "import", "template", "lt-bp1nosuch", "--endpoint", ep, "--insecure", "--region", "cn-hangzhou")
	if code != ExitFailed || !strings.Contains(errs, "launch template lt-bp1nosuch does not exist in cn-hangzhou") {
		t.Errorf("unknown template: exit %d\n%s", code, errs)
	}
	_, errs, code = run(t, "", "import", "nothing")
	if code != ExitUsage {
		t.Errorf("import nothing: exit %d\n%s", code, errs)
	}
	_, errs, code = run(t, "", "--from-instance", first, "--from-history", "1", "--sandbox")
	if code != ExitUsage || !strings.Contains(errs, "give one of") {
		t.Errorf("two starts: exit %d\n%s", code, errs)
	}
	_, errs, code = run(t, "", "--template-version", "2", "--sandbox")
	if code != ExitUsage || !strings.Contains(errs, "--template-version goes with --from-template") {
		t.Errorf("a version alone: exit %d\n%s", code, errs)
	}
}

// TestImportTemplateRoundTrips: the launch-template export of a launch
// file, run by the real aliyun CLI (when there is one), makes a template
// that `import template` turns into a file whose export is the same
// command again.
func TestImportTemplateRoundTrips(t *testing.T) {
	s, _ := importSandbox(t)
	ep := s.Endpoint()
	want, errs, code := run(t, "", "export", "../examples/web.yaml", "--format", "launch-template", "--template-name", "web")
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errs)
	}
	cli := os.Getenv("ALIYUN_CLI")
	if cli == "" {
		out, err := exec.Command(filepath.Join("..", "..", "shared", "tools", "aliyun"), "--path").Output()
		if err != nil {
			t.Skip("no aliyun CLI to run the export with: set ALIYUN_CLI, or check out ../shared/tools beside the repository")
		}
		cli = strings.TrimSpace(string(out))
	}
	script := strings.Replace(want, "aliyun ecs CreateLaunchTemplate", cli+" ecs CreateLaunchTemplate --endpoint "+ep+" --insecure", 1)
	cmd := exec.Command("sh", "-c", script)
	cmd.Env = []string{"HOME=" + t.TempDir(), "ALIBABA_CLOUD_ACCESS_KEY_ID=" + sandbox.DefaultAccessKeyID,
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + sandbox.DefaultAccessKeySecret, "ALIBABA_CLOUD_REGION_ID=cn-hangzhou"}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the launch-template export failed: %v\n%s", err, out)
	}
	lt := regexp.MustCompile(`lt-[a-z0-9]+`).FindString(string(out))
	file := filepath.Join(t.TempDir(), "web.yaml")
	_, errs, code = run(t, "", "import", "template", lt, "--endpoint", ep, "--insecure", "--region", "cn-hangzhou", "-o", file)
	if code != 0 || !strings.Contains(errs, "Password") {
		t.Fatalf("import template: exit %d\n%s", code, errs)
	}
	again, errs, code := run(t, "", "export", file, "--format", "launch-template", "--template-name", "web")
	if code != 0 || again != want {
		t.Errorf("exported again (exit %d):\n%s\nwant:\n%s\n%s", code, again, want, errs)
	}
	_, errs, code = run(t, "", "import", "template", lt, "--version", "3", "--endpoint", ep, "--insecure", "--region", "cn-hangzhou")
	if code != ExitFailed || !strings.Contains(errs, "version 3 does not exist") {
		t.Errorf("version 3: exit %d\n%s", code, errs)
	}
}

// TestWizardStartsFromWhatExists: the start flags resolve to a launch file
// before the wizard runs (here the accessible one, whose input ends at
// once) and the review says what they could not carry.
func TestWizardStartsFromWhatExists(t *testing.T) {
	s, c := importSandbox(t)
	ep := s.Endpoint()
	vsw, groups := demoGroups(t, c)
	first := launchWithSDK(t, c, theOriginal(vsw, groups))
	_, errs, code := run(t, "", "--from-instance", first, "--endpoint", ep, "--insecure", "--region", "cn-hangzhou")
	if code != ExitAborted || !strings.Contains(errs, "! Password: an instance's password is never retrievable") {
		t.Errorf("--from-instance: exit %d\n%s", code, errs)
	}
	_, errs, code = run(t, "", "--from-instance", first, "--endpoint", ep, "--insecure", "--region", "cn-beijing")
	if code != ExitFailed || !strings.Contains(errs, "it is in cn-hangzhou") {
		t.Errorf("--from-instance in another region: exit %d\n%s", code, errs)
	}
	_, errs, code = run(t, "", "--from-history", "1", "--sandbox")
	if code != ExitUsage || !strings.Contains(errs, "the launch history is empty") {
		t.Errorf("--from-history with no history: exit %d\n%s", code, errs)
	}
	_, errs, code = run(t, "", "--from-history", "last", "--sandbox")
	if code != ExitUsage || !strings.Contains(errs, "ecslaunch history") {
		t.Errorf("--from-history last: exit %d\n%s", code, errs)
	}
}

// runWithState is run with a state directory (the history's) that stays
// across calls.
func runWithState(t *testing.T, state string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb strings.Builder
	io := &IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: os.Getenv}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := NewRoot(io)
	root.SetArgs(args)
	code := report(&errb, root.Execute())
	return out.String(), errb.String(), code
}

func TestHistoryNumbersLaunchesForFromHistory(t *testing.T) {
	t.Setenv("ECS_PASSWORD", "Web-2026-tier")
	state := t.TempDir()
	if out, errs, code := runWithState(t, state, "launch", "--sandbox", "--yes", "--no-wait", "../examples/web.yaml"); code != 0 {
		t.Fatalf("launch: exit %d\n%s%s", code, out, errs)
	}
	out, _, code := runWithState(t, state, "history")
	if code != 0 || !strings.HasPrefix(out, "#   STARTED") || !strings.Contains(out, "\n1   ") {
		t.Fatalf("history: exit %d\n%s", code, out)
	}
	_, errs, code := runWithState(t, state, "--from-history", "1", "--sandbox")
	if code != ExitAborted || !strings.Contains(errs, "! ClientToken: not carried") || !strings.Contains(errs, "! Password: recorded as ${ECS_PASSWORD}") {
		t.Errorf("--from-history 1: exit %d\n%s", code, errs)
	}
	if strings.Contains(errs, "Web-2026-tier") {
		t.Error("the password was printed")
	}
	out, _, code = runWithState(t, state, "history", "--resources")
	if code != 0 || !strings.Contains(out, "no resources created yet") {
		t.Errorf("history --resources: exit %d\n%s", code, out)
	}
}

// TestExportCreatedUsesTheCreatedResourcesLog: export --created finds in
// the created-resources log what the file's network and key pair are, and
// the cli export creates them first.
func TestExportCreatedUsesTheCreatedResourcesLog(t *testing.T) {
	s, _ := importSandbox(t)
	state := t.TempDir()
	h, err := launcher.OpenHistory(filepath.Join(state, "ecslaunch", "history.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	sess, err := cloud.Sandbox(s.Endpoint(), cloud.Config{Region: world.EmptyRegion})
	if err != nil {
		t.Fatal(err)
	}
	ec, _ := sess.ECS()
	vc, _ := sess.VPC()
	p, err := provision.New(ec, vc, provision.Options{History: h, Scheme: "http", PollInterval: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, vsw, err := p.CreateNetwork(context.Background(), provision.NetworkSpec{
		VPC:     provision.VPCSpec{RegionId: world.EmptyRegion, CidrBlock: "10.0.0.0/16"},
		VSwitch: provision.VSwitchSpec{ZoneId: world.EmptyZone, CidrBlock: "10.0.1.0/24"}})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "app.yaml")
	body := fmt.Sprintf("version: 1\nrequest:\n  RegionId: %s\n  VSwitchId: %s\n  SecurityGroupId: sg-existing\n  ImageId: img\n  InstanceType: ecs.g6.large\n",
		world.EmptyRegion, vsw.ID)
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runWithState(t, state, "export", file, "--format", "cli", "--created")
	if code != 0 || !strings.Contains(out, "VPC_ID=$(aliyun vpc CreateVpc") || !strings.Contains(out, `--VSwitchId "${VSWITCH_ID}"`) ||
		!strings.Contains(out, "--SecurityGroupId sg-existing") {
		t.Errorf("export --created: exit %d\n%s%s", code, out, errs)
	}
	out, _, code = runWithState(t, state, "history", "--resources")
	if code != 0 || strings.Count(out, "created") != 2 || !strings.Contains(out, vsw.ID) {
		t.Errorf("history --resources: exit %d\n%s", code, out)
	}
}
