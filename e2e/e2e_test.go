//go:build e2e

// These tests drive the real binary the way a person would: keys in with
// send-keys, the screen read back with capture-pane.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/rules"
)

// term is one tmux server running one program.
type term struct {
	t      *testing.T
	socket string
}

func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *term) screen() string { return tm.tmux("capture-pane", "-p", "-t", "e2e") }

func (tm *term) keys(k ...string) { tm.tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...) }

// waitFor polls the screen until it contains want, failing with the last
// screen after a generous bound (the sandbox answers on loopback).
func (tm *term) waitFor(want string) string {
	tm.t.Helper()
	var s string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if s = tm.screen(); strings.Contains(s, want) {
			return s
		}
	}
	tm.t.Fatalf("screen never showed %q; last screen:\n%s", want, s)
	return ""
}

func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ecslaunch")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// start runs the binary in a fresh 100x30 tmux session with an empty home
// (no credentials, no cache, no draft), stdout redirected to a file.
func start(t *testing.T, bin string, args ...string) (*term, string, string) {
	dir := t.TempDir()
	out, code := filepath.Join(dir, "stdout"), filepath.Join(dir, "exit")
	shell := fmt.Sprintf("env HOME=%s XDG_STATE_HOME=%s/state XDG_CACHE_HOME=%s/cache %s %s > %s; echo $? > %s; sleep 600",
		dir, dir, dir, bin, strings.Join(args, " "), out, code)
	tm := &term{t: t, socket: fmt.Sprintf("ecslaunch-e2e-%d", os.Getpid())}
	tm.tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", shell)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm, out, code
}

func waitFile(t *testing.T, path string) string {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return string(b)
		}
	}
	t.Fatalf("%s never written", path)
	return ""
}

// TestEnterThroughToReviewThenExportCLIToStdout is the acceptance flow of
// the wizard: defaults all the way, DryRun, export as cli to stdout.
func TestEnterThroughToReviewThenExportCLIToStdout(t *testing.T) {
	bin := build(t)
	tm, out, code := start(t, bin, "--sandbox")
	tm.waitFor("SANDBOX")
	for i := 0; i < 15 && !strings.Contains(tm.screen(), "[Review]"); i++ {
		tm.waitFor("enter") // the step is ready for its key
		tm.keys("Enter")
		time.Sleep(300 * time.Millisecond)
	}
	tm.waitFor("[Review]")
	tm.keys("d")
	tm.waitFor("DryRun passed")
	tm.keys("e")
	tm.waitFor("Export as")
	tm.keys("Enter")
	tm.waitFor("Export cli to")
	tm.keys("Down", "Down", "Enter")
	if c := strings.TrimSpace(waitFile(t, code)); c != "0" {
		t.Fatalf("exit code %s; screen:\n%s", c, tm.screen())
	}
	text := waitFile(t, out)
	checkCommand(t, text)
}

// checkCommand asserts that the exported text is one aliyun CLI command,
// one flag per line, that reads back into a request every rule accepts.
func checkCommand(t *testing.T, text string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if lines[0] != "aliyun ecs RunInstances \\" {
		t.Fatalf("stdout does not start with the command:\n%s", text)
	}
	for _, l := range lines[1 : len(lines)-1] {
		if !strings.HasPrefix(l, "  --") || !strings.HasSuffix(l, " \\") {
			t.Errorf("not one flag per continued line: %q", l)
		}
	}
	req, _, err := exporter.ImportCLI(text)
	if err != nil {
		t.Fatalf("exported command does not import: %v\n%s", err, text)
	}
	for _, k := range []string{"RegionId", "ImageId", "InstanceType", "VSwitchId", "SecurityGroupId"} {
		if req.Get(k) == "" {
			t.Errorf("exported command lacks --%s:\n%s", k, text)
		}
	}
	if fs := rules.Validate(req, rules.Context{Now: time.Now()}); rules.HasErrors(fs) {
		t.Errorf("exported request breaks rules: %+v", fs)
	}
}
