package clients_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// howToGetCLI is what a test without the aliyun CLI says when it skips.
const howToGetCLI = "the aliyun CLI 3.4.11 is not here: set ALIYUN_CLI to its binary " +
	"(the project's CI runs ../shared/tools/aliyun --path for it), or install aliyun-cli v3.4.11 " +
	"from https://github.com/aliyun/aliyun-cli/releases and set ALIYUN_CLI=/path/to/aliyun"

// aliyunCLI finds the real aliyun CLI: $ALIYUN_CLI, else the shared tool
// beside the repository; a test without either skips, saying how to get it.
func aliyunCLI(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("ALIYUN_CLI"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("ALIYUN_CLI=%s: %v", p, err)
		}
		return p
	}
	script := filepath.Join("..", "..", "shared", "tools", "aliyun")
	if _, err := os.Stat(script); err != nil {
		t.Skip(howToGetCLI)
	}
	out, err := exec.Command(script, "--path").Output()
	if err != nil {
		t.Skipf("%s --path failed (%v; it needs xz): %s", script, err, howToGetCLI)
	}
	return strings.TrimSpace(string(out))
}

// cli runs the aliyun CLI against one sandbox: a home of its own (no
// profile), the credentials in the environment, and for TLS the sandbox's
// CA as SSL_CERT_FILE.
type cli struct {
	t        *testing.T
	bin      string
	endpoint string
	env      []string
	insecure bool // plain HTTP: --insecure
}

func newCLI(t *testing.T, bin string, tg target) *cli {
	t.Helper()
	home := t.TempDir()
	// exported commands call "aliyun": put it on the PATH under that name
	dir := t.TempDir()
	if err := os.Symlink(bin, filepath.Join(dir, "aliyun")); err != nil {
		t.Fatal(err)
	}
	env := []string{"HOME=" + home, "PATH=" + dir + string(os.PathListSeparator) + os.Getenv("PATH"),
		"ALIBABA_CLOUD_ACCESS_KEY_ID=" + sandbox.DefaultAccessKeyID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + sandbox.DefaultAccessKeySecret,
		"ALIBABA_CLOUD_REGION_ID=" + region, "ECS_PASSWORD=Sandbox-Pw1!"}
	if tg.ca != "" {
		ca := filepath.Join(home, "sandbox-ca.pem")
		if err := os.WriteFile(ca, []byte(tg.ca), 0o644); err != nil {
			t.Fatal(err)
		}
		env = append(env, "SSL_CERT_FILE="+ca)
	}
	return &cli{t: t, bin: bin, endpoint: tg.s.Endpoint(), env: env, insecure: tg.ca == ""}
}

// with returns a copy whose environment also sets kv ("NAME=value").
func (c *cli) with(kv ...string) *cli {
	d := *c
	d.env = append(append([]string(nil), c.env...), kv...)
	return &d
}

// run calls `aliyun ecs ACTION args… --endpoint E [--insecure]` and
// returns its output (stdout and stderr) and exit code.
func (c *cli) run(args ...string) (string, int) {
	c.t.Helper()
	args = append(append([]string{"ecs"}, args...), "--endpoint", c.endpoint)
	if c.insecure {
		args = append(args, "--insecure")
	}
	return c.exec(exec.Command(c.bin, args...))
}

// shell runs a command line (an export) with bash.
func (c *cli) shell(script string) (string, int) {
	c.t.Helper()
	return c.exec(exec.Command("bash", "-c", script))
}

func (c *cli) exec(cmd *exec.Cmd) (string, int) {
	c.t.Helper()
	cmd.Env = c.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		c.t.Fatalf("%v: still running after 60 s", cmd.Args)
	}
	return out.String(), cmd.ProcessState.ExitCode()
}

// json runs an action that must succeed and decodes its JSON answer.
func (c *cli) json(v any, args ...string) {
	c.t.Helper()
	out, code := c.run(args...)
	if code != 0 {
		c.t.Fatalf("aliyun ecs %s: exit %d\n%s", strings.Join(args, " "), code, out)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		c.t.Fatalf("aliyun ecs %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// launchFiles are the launch files whose exports must run unchanged.
var launchFiles = []string{"../examples/web.yaml", "testdata/arm-keypair.yaml", "testdata/prepaid-beijing.yaml",
	"testdata/spot-singapore.yaml", "testdata/windows-shanghai.yaml"}

func readLaunchFile(t *testing.T, path string) *request.File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := request.ParseFile(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f
}

// TestAliyunCLI runs the real aliyun CLI 3.4.11 (signature v1) against the
// sandbox over HTTP and over HTTPS with the local CA: the Describe calls,
// paging, the cli and launch-template export of every launch file with
// --DryRun true, one launch for real, and bad requests with their codes.
func TestAliyunCLI(t *testing.T) {
	bin := aliyunCLI(t)
	if out, err := exec.Command(bin, "version").Output(); err != nil || strings.TrimSpace(string(out)) != "3.4.11" {
		t.Logf("aliyun version: %q %v (these tests were written against 3.4.11)", out, err)
	}
	w := world.New()
	for _, tg := range targets(t) {
		t.Run(tg.name, func(t *testing.T) {
			c := newCLI(t, bin, tg)
			var regions struct {
				Regions struct{ Region []struct{ RegionId string } }
			}
			c.json(&regions, "DescribeRegions")
			if len(regions.Regions.Region) != len(w.Regions) {
				t.Errorf("DescribeRegions: %d regions", len(regions.Regions.Region))
			}
			t.Run("paging", func(t *testing.T) { cliPaging(t, newCLI(t, bin, tg), w) })
			t.Run("exports", func(t *testing.T) { cliExports(t, newCLI(t, bin, tg), tg) })
			t.Run("errors", func(t *testing.T) { cliErrors(t, newCLI(t, bin, tg)) })
			t.Run("default version", func(t *testing.T) { cliDefaultVersion(t, newCLI(t, bin, tg)) })
		})
	}
}

// cliPaging follows DescribeInstanceTypes' NextToken and DescribeImages'
// PageNumber to the end.
func cliPaging(t *testing.T, c *cli, w *world.World) {
	seen, pages, token := map[string]bool{}, 0, ""
	for {
		args := []string{"DescribeInstanceTypes", "--MaxResults", "100"}
		if token != "" {
			args = append(args, "--NextToken", token)
		}
		var page struct {
			NextToken     string
			InstanceTypes struct {
				InstanceType []struct{ InstanceTypeId string }
			}
		}
		c.json(&page, args...)
		pages++
		for _, it := range page.InstanceTypes.InstanceType {
			if seen[it.InstanceTypeId] {
				t.Errorf("%s twice", it.InstanceTypeId)
			}
			seen[it.InstanceTypeId] = true
		}
		if token = page.NextToken; token == "" || pages > 20 {
			break
		}
	}
	if len(seen) != len(w.Types) || pages != (len(w.Types)+99)/100 {
		t.Errorf("DescribeInstanceTypes: %d types in %d pages, want %d", len(seen), pages, len(w.Types))
	}
	images, total := 0, -1
	for n := 1; total < 0 || images < total; n++ {
		var page struct {
			TotalCount int
			Images     struct{ Image []struct{ ImageId string } }
		}
		c.json(&page, "DescribeImages", "--RegionId", region, "--PageSize", "10", "--PageNumber", strconv.Itoa(n))
		if len(page.Images.Image) == 0 || n > 20 {
			t.Fatalf("page %d empty after %d of %d images", n, images, page.TotalCount)
		}
		images, total = images+len(page.Images.Image), page.TotalCount
	}
	if total < 30 {
		t.Errorf("DescribeImages: %d images", total)
	}
}

// cliDefaultVersion makes a template's second version its default with
// ModifyLaunchTemplateDefaultVersion, as ecslaunch's `t` and Terraform's
// update_default_version do, and sees DescribeLaunchTemplates report it;
// a version the template lacks is InvalidLaunchTemplateVersion.NotFound.
func cliDefaultVersion(t *testing.T, c *cli) {
	var lt struct{ LaunchTemplateId string }
	c.json(&lt, "CreateLaunchTemplate", "--RegionId", region, "--LaunchTemplateName", "cli-default",
		"--InstanceType", "ecs.g7.large", "--ImageId", "aliyun_3_x64_20G_alibase_20240819.vhd")
	var v struct{ LaunchTemplateVersionNumber int }
	c.json(&v, "CreateLaunchTemplateVersion", "--RegionId", region, "--LaunchTemplateId", lt.LaunchTemplateId, "--InstanceType", "ecs.c7.large")
	var m struct{ LaunchTemplateId string }
	c.json(&m, "ModifyLaunchTemplateDefaultVersion", "--RegionId", region, "--LaunchTemplateId", lt.LaunchTemplateId,
		"--DefaultVersionNumber", strconv.Itoa(v.LaunchTemplateVersionNumber))
	if v.LaunchTemplateVersionNumber != 2 || m.LaunchTemplateId != lt.LaunchTemplateId {
		t.Fatalf("version %d, ModifyLaunchTemplateDefaultVersion answered %+v", v.LaunchTemplateVersionNumber, m)
	}
	var d struct {
		LaunchTemplateSets struct {
			LaunchTemplateSet []struct{ DefaultVersionNumber, LatestVersionNumber int }
		}
	}
	c.json(&d, "DescribeLaunchTemplates", "--RegionId", region, "--LaunchTemplateId.1", lt.LaunchTemplateId)
	if s := d.LaunchTemplateSets.LaunchTemplateSet; len(s) != 1 || s[0].DefaultVersionNumber != 2 || s[0].LatestVersionNumber != 2 {
		t.Errorf("DescribeLaunchTemplates after the change: %+v", s)
	}
	out, code := c.run("ModifyLaunchTemplateDefaultVersion", "--RegionId", region, "--LaunchTemplateId", lt.LaunchTemplateId, "--DefaultVersionNumber", "7")
	if code == 0 || !strings.Contains(out, "InvalidLaunchTemplateVersion.NotFound") {
		t.Errorf("a version the template lacks: exit %d\n%s", code, out)
	}
}

// cliExports runs the cli export of every launch file with --DryRun true
// (DryRunOperation) and its launch-template export as it is (the API's
// CreateLaunchTemplate has no DryRun), then a RunInstances from that
// template with --DryRun true; then web.yaml's cli export for real.
func cliExports(t *testing.T, c *cli, tg target) {
	opts := exporter.Options{Endpoint: c.endpoint, Insecure: c.insecure}
	for _, path := range launchFiles {
		f := readLaunchFile(t, path)
		res, err := exporter.Export(f.Request, exporter.CLI, opts)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out, code := c.shell(strings.TrimRight(res.Text, "\n") + " \\\n  --DryRun true")
		if code == 0 || !strings.Contains(out, "ErrorCode: DryRunOperation") {
			t.Errorf("%s, cli export with --DryRun true: exit %d\n%s\n%s", path, code, res.Text, out)
		}
		res, err = exporter.Export(f.Request, exporter.LaunchTemplate, opts)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out, code = c.shell(res.Text)
		var lt struct{ LaunchTemplateId string }
		if code != 0 || json.Unmarshal([]byte(out), &lt) != nil || lt.LaunchTemplateId == "" {
			t.Errorf("%s, launch-template export: exit %d\n%s\n%s", path, code, res.Text, out)
			continue
		}
		args := []string{"RunInstances", "--RegionId", f.Request.Get("RegionId"), "--LaunchTemplateId", lt.LaunchTemplateId, "--DryRun", "true"}
		if f.Request.Get("Password") != "" {
			args = append(args, "--Password", "Sandbox-Pw1!")
		}
		if n := f.Request.Get("Amount"); n != "" {
			args = append(args, "--Amount", n)
		}
		if out, code := c.run(args...); code == 0 || !strings.Contains(out, "ErrorCode: DryRunOperation") {
			t.Errorf("%s, RunInstances from its template with --DryRun true: exit %d\n%s", path, code, out)
		}
	}
	// web.yaml for real: its two instances, counted with DescribeInstances
	web := readLaunchFile(t, launchFiles[0])
	res, err := exporter.Export(web.Request, exporter.CLI, opts)
	if err != nil {
		t.Fatal(err)
	}
	out, code := c.shell(res.Text)
	var created struct {
		InstanceIdSets struct{ InstanceIdSet []string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &created) != nil || len(created.InstanceIdSets.InstanceIdSet) != 2 {
		t.Fatalf("web.yaml for real: exit %d\n%s", code, out)
	}
	var listed struct{ TotalCount int }
	c.json(&listed, "DescribeInstances", "--RegionId", region)
	if listed.TotalCount != 2 || tg.s.InstanceCount() != 2 {
		t.Errorf("DescribeInstances: %d, the sandbox holds %d", listed.TotalCount, tg.s.InstanceCount())
	}
}

// cliErrors: bad requests answer their documented codes through the CLI.
func cliErrors(t *testing.T, c *cli) {
	// the default network of cn-hangzhou-i, so only the parameter tested is wrong
	valid := []string{"RunInstances", "--RegionId", region, "--ZoneId", "cn-hangzhou-i", "--SecurityGroupId", "sg-bp1jk78k7ko3akynoh1x",
		"--VSwitchId", "vsw-bp1k78e764anv8wcyqex", "--ImageId", "aliyun_3_x64_20G_alibase_20240819.vhd", "--DryRun", "true"}
	for _, tc := range []struct {
		name string
		c    *cli
		args []string
		code string
	}{
		{"wrong secret", c.with("ALIBABA_CLOUD_ACCESS_KEY_SECRET=not-the-secret"), []string{"DescribeRegions"}, "SignatureDoesNotMatch"},
		{"unknown key", c.with("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAInobody"), []string{"DescribeRegions"}, "InvalidAccessKeyId.NotFound"},
		{"unknown region", c, []string{"DescribeZones", "--RegionId", "xx-nowhere-1"}, "InvalidRegionId.NotFound"},
		{"page too large", c, []string{"DescribeInstanceTypes", "--MaxResults", "101"}, "InvalidParameter"},
		{"unknown type", c, slices.Concat(valid, []string{"--InstanceType", "ecs.nope.large"}), "InvalidInstanceType.ValueNotSupported"},
		{"password too short", c, slices.Concat(valid, []string{"--InstanceType", world.CheapestGeneral, "--Password", "short"}), "InvalidPassword.Malformed"},
		{"valid", c, slices.Concat(valid, []string{"--InstanceType", world.CheapestGeneral}), "DryRunOperation"},
	} {
		out, code := tc.c.run(tc.args...)
		if code == 0 || !strings.Contains(out, "ErrorCode: "+tc.code) {
			t.Errorf("%s: exit %d, want ErrorCode: %s\n%s", tc.name, code, tc.code, out)
		}
	}
	if !c.insecure {
		// HTTPS without trusting the sandbox's CA: refused by the CLI
		d := *c
		d.env = nil
		for _, kv := range c.env {
			if !strings.HasPrefix(kv, "SSL_CERT_FILE=") {
				d.env = append(d.env, kv)
			}
		}
		out, code := d.run("DescribeRegions")
		if code == 0 || !strings.Contains(out, "certificate") {
			t.Errorf("an untrusted CA was accepted: exit %d\n%s", code, out)
		}
	}
}
