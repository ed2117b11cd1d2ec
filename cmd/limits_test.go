package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandsRefuseAnOversizedLaunchFile: every command reads launch files
// through one capped reader; the message names the limit (issue 17 item 12).
func TestCommandsRefuseAnOversizedLaunchFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.yaml")
	body := "version: 1\nrequest:\n  RegionId: cn-hangzhou\n  Description: \"" + strings.Repeat("x", 2<<20) + "\"\n"
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate", p}, {"export", p}, {"dryrun", p, "--sandbox"}} {
		out, errs, code := run(t, "", args...)
		if code != ExitUsage || !strings.Contains(out+errs, "at most 1048576 bytes (1 MiB)") {
			t.Errorf("%v: exit %d\n%s%s", args[0], code, out, errs)
		}
	}
}

// TestCommandsRefuseASecondDocument (issue 17 item 11).
func TestCommandsRefuseASecondDocument(t *testing.T) {
	p := filepath.Join(t.TempDir(), "two.yaml")
	good, _ := os.ReadFile("testdata/good.yaml")
	if err := os.WriteFile(p, append(append(good, "---\n"...), good...), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "", "validate", p)
	if code != ExitUsage || !strings.Contains(out, "second YAML document") {
		t.Errorf("exit %d\n%s", code, out)
	}
}
