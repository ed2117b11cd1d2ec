package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// launchFile writes a launch file with the given request lines (two spaces
// of indentation each) and returns its path.
func launchFile(t *testing.T, lines ...string) string {
	t.Helper()
	text := "version: 1\nrequest:\n  " + strings.Join(lines, "\n  ") + "\n"
	p := filepath.Join(t.TempDir(), "launch.yaml")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestValidateSortsFindingsByLineAndGivesLinesInJSON: findings came in rule
// order (the format rules before the cross-field ones), so a later line
// could be reported first; JSON had no line at all.
func TestValidateSortsFindingsByLineAndGivesLinesInJSON(t *testing.T) {
	p := launchFile(t,
		"RegionId: cn-hangzhou",                          // 3
		"ImageId: aliyun_3_x64_20G_alibase_20240819.vhd", // 4
		"SecurityGroupId: sg-bp1example",                 // 5
		"PrivateIpAddress: 172.16.0.10",                  // 6: needs VSwitchId (cross-field)
		"Amount: 0")                                      // 7: out of range (format)
	out, _, code := run(t, "", "validate", p)
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	noLine := strings.Index(out, p+": error InstanceType")
	six, seven := strings.Index(out, p+":6: error PrivateIpAddress"), strings.Index(out, p+":7: error Amount")
	if noLine < 0 || six < 0 || seven < 0 || !(noLine < six && six < seven) {
		t.Fatalf("findings not in line order (file-wide first):\n%s", out)
	}
	js, _, _ := run(t, "", "validate", "--output", "json", p)
	var reports []struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(js), &reports); err != nil {
		t.Fatal(err, js)
	}
	lines := map[string]float64{}
	for _, f := range reports[0].Findings {
		for _, k := range []string{"parameter", "severity", "code", "message"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lost its %q key: %v", k, f)
			}
		}
		line, _ := f["line"].(float64)
		lines[f["parameter"].(string)] = line
	}
	if lines["PrivateIpAddress"] != 6 || lines["Amount"] != 7 || lines["InstanceType"] != 0 {
		t.Errorf("lines %v", lines)
	}
}

// TestValidateInfersTheOSFromTheImageID: offline, a Windows host-name rule
// warned about an obviously Linux image; the public image ID's naming now
// says the OS, and the report says so; --os still overrides.
func TestValidateInfersTheOSFromTheImageID(t *testing.T) {
	linux := launchFile(t, "RegionId: cn-hangzhou", "ImageId: aliyun_3_x64_20G_alibase_20240819.vhd",
		"SecurityGroupId: sg-bp1example", "VSwitchId: vsw-bp1example", "InstanceType: ecs.g7.large",
		"HostName: web.example.com")
	out, _, code := run(t, "", "validate", linux)
	if code != 0 || strings.Contains(out, "HostName") ||
		!strings.Contains(out, "note: OS-dependent rules use OS type linux for ImageId aliyun_3_x64_20G_alibase_20240819.vhd: its ID names a public Alibaba Cloud Linux image") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	windows := strings.Replace(readFile(t, linux), "aliyun_3_x64_20G_alibase_20240819.vhd", "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd", 1)
	win := writeTemp(t, windows)
	out, _, code = run(t, "", "validate", win)
	if code != 1 || !strings.Contains(out, "error HostName [InvalidHostName.Malformed]") || !strings.Contains(out, "OS type windows") {
		t.Fatalf("a Windows image: exit %d\n%s", code, out)
	}
	out, _, code = run(t, "", "validate", "--os", "linux", win)
	if code != 0 || !strings.Contains(out, "OS type linux (--os)") {
		t.Fatalf("--os overrides: exit %d\n%s", code, out)
	}
	js, _, _ := run(t, "", "validate", "-o", "json", linux)
	if !strings.Contains(js, `"osType": "linux"`) || !strings.Contains(js, `"osTypeFrom": "its ID names a public Alibaba Cloud Linux image"`) {
		t.Errorf("JSON does not say the OS:\n%s", js)
	}
	custom := writeTemp(t, strings.Replace(readFile(t, linux), "aliyun_3_x64_20G_alibase_20240819.vhd", "m-bp1customimage0001", 1))
	out, _, _ = run(t, "", "validate", custom)
	if !strings.Contains(out, "OS type of ImageId m-bp1customimage0001 is unknown") || !strings.Contains(out, "warning HostName") {
		t.Errorf("an unknown image: \n%s", out)
	}
}

// TestValidateInfersTheOSFromTheCachedCatalog: a custom image's ID says
// nothing of its OS; the catalog an earlier run cached for the account
// does, without a call (the endpoint is gone by then).
func TestValidateInfersTheOSFromTheCachedCatalog(t *testing.T) {
	env := resumeEnv(t)
	a, _ := startSandboxes(t, 0)
	ep := a.Endpoint()
	var winImage string
	for _, im := range world.New().ImagesIn("cn-hangzhou") {
		if im.Alias() == "self" && im.OSType == "windows" {
			winImage = im.ImageId
		}
	}
	p := launchFile(t, "RegionId: cn-hangzhou", "ImageId: "+winImage, "SecurityGroupId: sg-bp1example",
		"VSwitchId: vsw-bp1example", "InstanceType: ecs.g7.large", "SystemDisk: {Size: 60}", "HostName: web.example.com")
	if _, errs, code := stateRun(t, env, "catalog", "images", "--endpoint", ep, "--insecure", "--region", "cn-hangzhou"); code != 0 {
		t.Fatalf("catalog images: exit %d\n%s", code, errs)
	}
	_ = a.Close()
	out, errs, code := stateRun(t, env, "validate", "--endpoint", ep, "--insecure", p)
	if code != 1 || !strings.Contains(out, "error HostName [InvalidHostName.Malformed]") ||
		!strings.Contains(out, "OS type windows for ImageId "+winImage+": the cached catalog says so") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	env["XDG_CACHE_HOME"] = t.TempDir()
	out, _, code = stateRun(t, env, "validate", "--endpoint", ep, "--insecure", p)
	if code != 0 || !strings.Contains(out, "is unknown") {
		t.Fatalf("no cache: exit %d\n%s", code, out)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeTemp(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "launch.yaml")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// sandboxNetwork is cn-hangzhou's default vSwitch (172.16.0.0/20 in
// cn-hangzhou-i) and security group in the sandbox's world.
func sandboxNetwork(t *testing.T) (vsw, sg string) {
	t.Helper()
	n := world.New().Network("cn-hangzhou")
	for _, v := range n.VSwitches {
		if v.IsDefault && v.ZoneId == "cn-hangzhou-i" {
			vsw = v.VSwitchId
		}
	}
	for _, g := range n.SecurityGroups {
		if g.SecurityGroupName == world.DefaultSGName {
			sg = g.SecurityGroupId
		}
	}
	return vsw, sg
}

// TestDryRunChecksOfflineFirst: dryrun sent a file without checking it and
// reported ECS's first error only; it now prints every offline finding and
// sends nothing when one is an error.
func TestDryRunChecksOfflineFirst(t *testing.T) {
	env := resumeEnv(t)
	a, _ := startSandboxes(t, 0)
	vsw, sg := sandboxNetwork(t)
	p := launchFile(t, "RegionId: cn-hangzhou", "ImageId: aliyun_3_x64_20G_alibase_20240819.vhd",
		"SecurityGroupId: "+sg, "VSwitchId: "+vsw, "InstanceType: ecs.g7.large",
		`Amount: "five"`,
		"DataDisk:", "  - {Size: 50000, Category: cloud_essd}")
	out, errs, code := stateRun(t, env, "dryrun", "--endpoint", a.Endpoint(), "--insecure", p)
	if code != 1 || !strings.Contains(out, p+":8: error Amount [InvalidParam.Amount]") ||
		!strings.Contains(out, p+":10: error DataDisk.1.Size") || !strings.Contains(out, "DryRun not sent") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if strings.Contains(strings.ToLower(out), "private ip") {
		t.Errorf("Amount explained by a private IP:\n%s", out)
	}
	if n := a.Calls()["RunInstances"]; n != 0 {
		t.Errorf("%d RunInstances calls for a request with offline errors", n)
	}
}

// TestPrivateIPWithAmountAcceptance is the acceptance for a fixed
// PrivateIpAddress with Amount: 5, as today's API has it (docs/rules.md
// T2-11: Amount > 1 takes consecutive addresses; the 2019 spec's Amount = 1
// would refuse what ECS accepts). Offline, validate warns naming both
// parameters and passes; when the five addresses run into the vSwitch's
// reserved end, validate --online and dryrun exit 1 naming both.
func TestPrivateIPWithAmountAcceptance(t *testing.T) {
	vsw, sg := sandboxNetwork(t)
	file := func(ip string) string {
		return launchFile(t, "RegionId: cn-hangzhou", "ImageId: aliyun_3_x64_20G_alibase_20240819.vhd",
			"SecurityGroupId: "+sg, "VSwitchId: "+vsw, "InstanceType: ecs.g7.large", "PrivateIpAddress: "+ip, "Amount: 5")
	}
	fits, runsOver := file("172.16.0.10"), file("172.16.15.250")
	out, _, code := run(t, "", "validate", fits)
	if code != 0 || !strings.Contains(out, "warning PrivateIpAddress [ConsecutivePrivateIpAddresses]") ||
		!strings.Contains(out, "Amount 5") || !strings.Contains(out, "172.16.0.10..172.16.0.14") {
		t.Fatalf("offline: exit %d\n%s", code, out)
	}
	out, _, code = run(t, "", "dryrun", "--sandbox", fits)
	if code != 0 || !strings.Contains(out, "DryRun passed") {
		t.Fatalf("five usable consecutive addresses: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{{"validate", "--online", "--sandbox", runsOver}, {"dryrun", "--sandbox", runsOver}} {
		out, errs, code := run(t, "", args...)
		if code != 1 || !strings.Contains(out, "PrivateIpAddress") || !strings.Contains(out, "Amount 5") ||
			!strings.Contains(out, "InvalidPrivateIpAddress") || !strings.Contains(out, "172.16.15.253") {
			t.Errorf("%v: exit %d\n%s%s", args[0], code, out, errs)
		}
	}
}

// TestUnknownRegionIsRefusedBeforeAnythingStarts: `--region cn-hangzou`
// loaded nothing and left an empty region list; every command now says the
// region meant and exits 2 before starting anything: against DescribeRegions
// with an account (or the sandbox), against the built-in list offline or
// with no credentials.
func TestUnknownRegionIsRefusedBeforeAnythingStarts(t *testing.T) {
	const want = "unknown region cn-hangzou; did you mean cn-hangzhou?"
	t.Setenv("ECS_PASSWORD", "Web-2026-tier")
	typo := writeTemp(t, strings.Replace(readFile(t, "../examples/web.yaml"), "RegionId: cn-hangzhou", "RegionId: cn-hangzou", 1))
	for _, args := range [][]string{
		{"catalog", "zones", "--region", "cn-hangzou"}, // the acceptance: no account at all
		{"catalog", "zones", "--region", "cn-hangzou", "--sandbox"},
		{"--region", "cn-hangzou", "--sandbox"}, // the wizard, before its TUI
		{"--region", "cn-hangzou"},              // the wizard with no credentials (it would start the sandbox)
		{"validate", "--region", "cn-hangzou", "testdata/good.yaml"},
		{"validate", "--online", "--sandbox", "--region", "cn-hangzou", "testdata/good.yaml"},
		{"dryrun", "--sandbox", typo},
		{"launch", "--sandbox", "--yes", typo},
	} {
		out, errs, code := run(t, "", args...)
		if code != 2 || !strings.Contains(errs, want) || out != "" {
			t.Errorf("%v: exit %d\nstdout: %q\nstderr: %s", args, code, out, errs)
		}
	}
}

// TestRegionCheckAgainstTheAccountsRegions: with an account the list is
// DescribeRegions' (here a sandbox's, through --endpoint); offline an ID
// the built-in list does not know but that is no typo passes with a note.
func TestRegionCheckAgainstTheAccountsRegions(t *testing.T) {
	env := resumeEnv(t)
	a, _ := startSandboxes(t, 0)
	_, errs, code := stateRun(t, env, "catalog", "zones", "--endpoint", a.Endpoint(), "--insecure", "--region", "xx-nowhere-1")
	if code != 2 || !strings.Contains(errs, "unknown region xx-nowhere-1; known regions: cn-qingdao, cn-beijing") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if out, errs, code := stateRun(t, env, "catalog", "zones", "--endpoint", a.Endpoint(), "--insecure", "--region", "cn-hangzhou"); code != 0 {
		t.Fatalf("a known region: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code := run(t, "", "validate", "--region", "ap-southeast-9", "testdata/good.yaml")
	if code != 0 || !strings.Contains(errs, "note: region ap-southeast-9 is not in ecslaunch's built-in list") {
		t.Fatalf("a region newer than the list: exit %d\n%s%s", code, out, errs)
	}
}

// TestDefaultRegionIsSaid: environment credentials with --endpoint and no
// region ended in cn-qingdao (the first region listed); the session now
// defaults to cn-hangzhou and the command says so on stderr.
func TestDefaultRegionIsSaid(t *testing.T) {
	env := resumeEnv(t)
	a, _ := startSandboxes(t, 0)
	out, errs, code := stateRun(t, env, "catalog", "zones", "--endpoint", a.Endpoint(), "--insecure")
	if code != 0 || !strings.Contains(out, "cn-hangzhou-i") || strings.Contains(out, "cn-qingdao") ||
		!strings.Contains(errs, "region cn-hangzhou, the default: no --region, profile region_id or ALIBABA_CLOUD_REGION_ID") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	env["ALIBABA_CLOUD_REGION_ID"] = "cn-beijing"
	out, errs, code = stateRun(t, env, "catalog", "zones", "--endpoint", a.Endpoint(), "--insecure")
	if code != 0 || !strings.Contains(out, "cn-beijing-a") || !strings.Contains(errs, "region cn-beijing, from ALIBABA_CLOUD_REGION_ID") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	_, errs, _ = stateRun(t, env, "catalog", "zones", "--endpoint", a.Endpoint(), "--insecure", "--region", "cn-shanghai")
	if strings.Contains(errs, "region cn-") {
		t.Errorf("an explicit --region needs no line: %s", errs)
	}
}
