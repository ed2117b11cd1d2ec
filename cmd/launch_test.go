package cmd

import (
	"strings"
	"testing"
)

// These run the commands against the in-process sandbox (--sandbox) over
// loopback, with the real SDK client.

func TestDryRunPassesAndFails(t *testing.T) {
	t.Setenv("ECS_PASSWORD", "Web-2026-tier")
	out, errs, code := run(t, "", "dryrun", "--sandbox", "../examples/web.yaml")
	if code != 0 || !strings.Contains(out, "DryRun passed") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = run(t, "", "dryrun", "--sandbox", "testdata/good.yaml")
	if code != 1 || !strings.Contains(out, "InvalidSecurityGroupId.NotFound") && !strings.Contains(out, "InvalidVSwitchId.NotFound") {
		t.Fatalf("want a failed DryRun naming the missing network, exit %d\n%s%s", code, out, errs)
	}
}

func TestDryRunNamesAMissingSecretVariable(t *testing.T) {
	t.Setenv("ECS_PASSWORD", "")
	_, errs, code := run(t, "", "dryrun", "--sandbox", "../examples/web.yaml")
	if code != 2 || !strings.Contains(errs, "ECS_PASSWORD") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
}

func TestLaunchRefusesWithoutATerminalUnlessYes(t *testing.T) {
	t.Setenv("ECS_PASSWORD", "Web-2026-tier")
	_, errs, code := run(t, "", "launch", "--sandbox", "../examples/web.yaml")
	if code != 2 || !strings.Contains(errs, "--yes") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	out, errs, code := run(t, "", "launch", "--sandbox", "--yes", "--no-wait", "../examples/web.yaml")
	if code != 0 || strings.Count(out, "i-") != 2 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if strings.Contains(out+errs, "Web-2026-tier") {
		t.Fatal("the password was printed")
	}
}

func TestLaunchRefusesARequestWithErrors(t *testing.T) {
	_, errs, code := run(t, "", "launch", "--sandbox", "--yes", "testdata/bad.yaml")
	if code != 1 || !strings.Contains(errs, "DataDisk.2.Size") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
}

func TestExportAndImportRoundTrip(t *testing.T) {
	cli, _, code := run(t, "", "export", "../examples/web.yaml", "--format", "cli")
	if code != 0 || !strings.HasPrefix(cli, "aliyun ecs RunInstances") || !strings.Contains(cli, `"${ECS_PASSWORD}"`) {
		t.Fatalf("exit %d\n%s", code, cli)
	}
	yaml, errs, code := run(t, cli, "import", "cli", "-")
	if code != 0 || !strings.Contains(yaml, "Password: ${ECS_PASSWORD}") || !strings.Contains(yaml, "InstanceType: ecs.g7.large") {
		t.Fatalf("exit %d\n%s%s", code, yaml, errs)
	}
}

func TestCatalogAllIsOneJSONObject(t *testing.T) {
	out, errs, code := run(t, "", "catalog", "all", "--sandbox", "--region", "cn-hangzhou", "--output", "json")
	for _, k := range []string{`"Zones"`, `"InstanceTypes"`, `"Images"`, `"VSwitches"`, `"SecurityGroups"`, `"KeyPairs"`} {
		if !strings.Contains(out, k) {
			t.Errorf("catalog all lacks %s", k)
		}
	}
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
}

func TestWizardWhoseInputEndsIsAborted(t *testing.T) {
	// No terminal on stdin: the accessible wizard; its input ends at once.
	_, errs, code := run(t, "", "--sandbox")
	if code != ExitAborted || !strings.Contains(errs, "input ended") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
}
