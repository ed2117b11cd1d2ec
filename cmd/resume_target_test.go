package cmd

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

// stateRun runs ecslaunch in-process with the state, cache and home
// folders of env kept across calls (run gives each call fresh ones).
func stateRun(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	var out, errb bytes.Buffer
	io := &IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: os.Getenv}
	root := NewRoot(io)
	root.SetArgs(args)
	code := report(&errb, root.Execute())
	return out.String(), errb.String(), code
}

func resumeEnv(t *testing.T) map[string]string {
	return map[string]string{
		"HOME": t.TempDir(), "XDG_STATE_HOME": t.TempDir(), "XDG_CACHE_HOME": t.TempDir(),
		"ALIBABA_CLOUD_ACCESS_KEY_ID":     resumeKeyID,
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET": resumeKeySecret,
		"ALIBABA_CLOUD_PROFILE":           "", "MY_PW": "Resume-2026-pw",
	}
}

// webWithOwnPasswordVariable is examples/web.yaml whose Password refers to
// ${MY_PW}, a variable of the user's choosing.
func webWithOwnPasswordVariable(t *testing.T) string {
	b, err := os.ReadFile("../examples/web.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "${ECS_PASSWORD}", "${MY_PW}", 1)
	if !strings.Contains(text, "${MY_PW}") {
		t.Fatal("examples/web.yaml has no ${ECS_PASSWORD} to replace")
	}
	p := filepath.Join(t.TempDir(), "web.yaml")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// The sandboxes' own AccessKey: the default one's secret, "sandbox", would
// be masked wherever the word appears once it is a session's secret.
const resumeKeyID, resumeKeySecret = "LTAIresumetest01", "Resume-Secret-77"

func startSandboxes(t *testing.T, latencyA time.Duration) (a, b *sandbox.Server) {
	t.Helper()
	var err error
	if a, err = sandbox.Start(sandbox.Options{Faults: sandbox.Faults{Latency: latencyA},
		AccessKeyID: resumeKeyID, AccessKeySecret: resumeKeySecret}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close() })
	if b, err = sandbox.Start(sandbox.Options{AccessKeyID: resumeKeyID, AccessKeySecret: resumeKeySecret}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	return a, b
}

// waitForPending polls the history until a pending launch is recorded.
func waitForPending(t *testing.T, stateHome string) []byte {
	t.Helper()
	path := filepath.Join(stateHome, "ecslaunch", "history.jsonl")
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if b, _ := os.ReadFile(path); bytes.Contains(b, []byte(`"state":"pending"`)) {
			return b
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("no pending launch was recorded within a minute")
	return nil
}

// The acceptance: a launch to sandbox A killed -9 while pending is
// refused when resumed against B (naming A), and resumed against A it
// creates exactly the pending instances; B holds none. The history keeps
// the user's own ${MY_PW} reference.
func TestResumeGoesOnlyWhereTheLaunchWent(t *testing.T) {
	a, b := startSandboxes(t, 3*time.Second)
	env := resumeEnv(t)
	file := webWithOwnPasswordVariable(t)
	child := exec.Command(os.Args[0], "launch", "--endpoint", a.Endpoint(), "--insecure", "--yes", "--no-wait", file)
	child.Env = append(os.Environ(), "ECSLAUNCH_CMD_MAIN=1")
	for k, v := range env {
		child.Env = append(child.Env, k+"="+v)
	}
	var childErr bytes.Buffer
	child.Stderr = &childErr
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	hist := waitForPending(t, env["XDG_STATE_HOME"])
	_ = child.Process.Kill() // SIGKILL: no chance to record anything more
	_ = child.Wait()
	if !bytes.Contains(hist, []byte(`"Password":"${MY_PW}"`)) || bytes.Contains(hist, []byte("ECS_PASSWORD")) ||
		bytes.Contains(hist, []byte(env["MY_PW"])) {
		t.Errorf("the history must keep ${MY_PW} as written, and no password:\n%s", hist)
	}
	if !bytes.Contains(hist, []byte(`"endpoint":"`+a.Endpoint()+`"`)) {
		t.Errorf("the history does not record endpoint %s:\n%s", a.Endpoint(), hist)
	}

	_, errs, code := stateRun(t, env, "launch", "--resume", "--endpoint", b.Endpoint(), "--insecure", "--yes")
	if code != ExitUsage || !strings.Contains(errs, a.Endpoint()) || !strings.Contains(errs, "refusing to resume") {
		t.Fatalf("resume against B: exit %d, want 2 naming %s\n%s", code, a.Endpoint(), errs)
	}
	if n := b.InstanceCount(); n != 0 {
		t.Fatalf("B holds %d instances after a refused resume", n)
	}

	a.SetFaults(sandbox.Faults{})
	out, errs, code := stateRun(t, env, "launch", "--resume", "--endpoint", a.Endpoint(), "--insecure", "--yes", "--no-wait")
	if code != 0 {
		t.Fatalf("resume against A: exit %d\n%s%s\nchild said: %s", code, out, errs, childErr.String())
	}
	time.Sleep(3500 * time.Millisecond) // let the killed launch's call, held by A's latency, finish too
	if n := a.InstanceCount(); n != 2 {
		t.Errorf("A holds %d instances, want exactly the 2 pending", n)
	}
	if n := b.InstanceCount(); n != 0 {
		t.Errorf("B holds %d instances", n)
	}
}

// A launch made in the in-process sandbox must never be re-sent to an
// endpoint (or the live API) with real credentials.
func TestResumeOfASandboxLaunchRefusesAnyOtherTarget(t *testing.T) {
	_, b := startSandboxes(t, 0)
	env := resumeEnv(t)
	for k, v := range env {
		t.Setenv(k, v)
	}
	h, err := openHistory()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Append(launcher.Entry{Token: "tok-sb", State: launcher.StatePending, Region: "cn-hangzhou",
		Target:  &launcher.Target{Kind: launcher.TargetSandbox, Region: "cn-hangzhou"},
		Request: map[string]string{"RegionId": "cn-hangzhou", "ImageId": "img", "InstanceType": "ecs.g7.large", "ClientToken": "tok-sb"}}); err != nil {
		t.Fatal(err)
	}
	_, errs, code := stateRun(t, env, "launch", "--resume", "--endpoint", b.Endpoint(), "--insecure", "--yes")
	if code != ExitUsage || !strings.Contains(errs, "in-process sandbox") || !strings.Contains(errs, "--resume --sandbox") {
		t.Fatalf("exit %d, want 2 saying it went to the sandbox and how to resume it\n%s", code, errs)
	}
	if b.InstanceCount() != 0 {
		t.Fatal("the refused resume created instances")
	}
}

// Without a terminal, a resume is confirmed only by --yes.
func TestResumeAsksFirst(t *testing.T) {
	a, _ := startSandboxes(t, 0)
	env := resumeEnv(t)
	for k, v := range env {
		t.Setenv(k, v)
	}
	h, err := openHistory()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Append(launcher.Entry{Token: "tok-ask", State: launcher.StatePending, Region: "cn-hangzhou",
		Target: &launcher.Target{Kind: launcher.TargetEndpoint, Endpoint: a.Endpoint(), Region: "cn-hangzhou"},
		Request: map[string]string{"RegionId": "cn-hangzhou", "ImageId": "img", "InstanceType": "ecs.g7.large", "ClientToken": "tok-ask",
			"SecurityGroupId": "sg-1", "VSwitchId": "vsw-1"}}); err != nil { // a request the offline check passes
		t.Fatal(err)
	}
	_, errs, code := stateRun(t, env, "launch", "--resume", "--endpoint", a.Endpoint(), "--insecure")
	if code != ExitUsage || !strings.Contains(errs, "--yes") || !strings.Contains(errs, "tok-ask") {
		t.Fatalf("exit %d, want 2 asking for --yes after naming the launch\n%s", code, errs)
	}
	if a.Calls()["RunInstances"] != 0 {
		t.Fatal("an unconfirmed resume called RunInstances")
	}
}
