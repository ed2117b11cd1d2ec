package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/launcher"
)

// TestResumeChecksAHandEditedRecordFirst: --resume sent a hand-edited
// pending record without validating it (issue 17 item 18).
func TestResumeChecksAHandEditedRecordFirst(t *testing.T) {
	a, _ := startSandboxes(t, 0)
	env := resumeEnv(t)
	for k, v := range env {
		t.Setenv(k, v)
	}
	h, err := openHistory()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Append(launcher.Entry{Token: "tok-edit", State: launcher.StatePending, Region: "cn-hangzhou",
		Target: &launcher.Target{Kind: launcher.TargetEndpoint, Endpoint: a.Endpoint(), Region: "cn-hangzhou"},
		Request: map[string]string{"RegionId": "cn-hangzhou", "ImageId": "img", "InstanceType": "ecs.g7.large",
			"SecurityGroupId": "sg-1", "VSwitchId": "vsw-1", "Amount": "two", "ClientToken": "tok-edit"}}); err != nil {
		t.Fatal(err)
	}
	_, errs, code := stateRun(t, env, "launch", "--resume", "--endpoint", a.Endpoint(), "--insecure", "--yes")
	if code != ExitFailed || !strings.Contains(errs, "error Amount [") || !strings.Contains(errs, "not re-sent") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if a.Calls()["RunInstances"] != 0 {
		t.Fatal("the edited record was sent")
	}
}

// TestLaunchRespectsAReadOnlyHistory: opening the history reset a chmod
// 444; now it stays read-only and a launch says it cannot record.
func TestLaunchRespectsAReadOnlyHistory(t *testing.T) {
	env := resumeEnv(t)
	path := filepath.Join(env["XDG_STATE_HOME"], "ecslaunch", "history.jsonl")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, nil, 0o444); err != nil {
		t.Fatal(err)
	}
	env["ECS_PASSWORD"] = "Web-2026-tier"
	_, errs, code := stateRun(t, env, "launch", "--sandbox", "--yes", "../examples/web.yaml")
	if code != ExitFailed || !strings.Contains(errs, "is read-only (mode 0400)") || !strings.Contains(errs, "chmod u+w") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o400 {
		t.Errorf("mode %04o", st.Mode().Perm())
	}
	if out, _, code := stateRun(t, env, "history"); code != 0 || !strings.Contains(out, "no launches yet") {
		t.Errorf("history of a read-only file: exit %d\n%s", code, out)
	}
}
