package cmd

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

// childRun runs this package's command line as a child process (see
// TestMain) with env added to the test's environment: what the SDK reads
// at package initialisation (DEBUG) only takes effect in a fresh process.
func childRun(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), "ECSLAUNCH_CMD_MAIN=1")
	for k, v := range env {
		c.Env = append(c.Env, k+"="+v)
	}
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// TestDebugSDKPrintsNoSignedURL: DEBUG=sdk made the SDK print every signed
// URL (AccessKeyId, Signature, Password) on standard output (issue 17
// item 4). Its output now goes to stderr, query withheld, redacted; with a
// wrong secret too, whose answer quotes the StringToSign.
func TestDebugSDKPrintsNoSignedURL(t *testing.T) {
	const id, secret, pw = "LTAIdebugtest0001", "Debug-Secret-4242", "Debug-Pw-2026!"
	s, err := sandbox.Start(sandbox.Options{AccessKeyID: id, AccessKeySecret: secret})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	for _, given := range []string{secret, "Wrong-Secret-9090"} {
		env := map[string]string{"DEBUG": "sdk", "HOME": t.TempDir(), "XDG_STATE_HOME": t.TempDir(), "XDG_CACHE_HOME": t.TempDir(),
			"ALIBABA_CLOUD_ACCESS_KEY_ID": id, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": given, "ALIBABA_CLOUD_PROFILE": "",
			"ECS_PASSWORD": pw}
		out, errs, code := childRun(t, env, "dryrun", "--endpoint", s.Endpoint(), "--insecure", "../examples/web.yaml")
		if given == secret && (code != 0 || !strings.Contains(out, "DryRun passed")) {
			t.Fatalf("exit %d\n%s%s", code, out, errs)
		}
		if !strings.Contains(errs, "> POST /?Action=RunInstances") {
			t.Errorf("the SDK's debug output is gone rather than made safe:\n%s", errs)
		}
		if strings.Contains(out, "> POST") {
			t.Errorf("debug output on stdout:\n%s", out)
		}
		for _, bad := range []string{"Signature=", "AccessKeyId=", id, secret, given, pw, "Debug-Pw-2026%21"} {
			if strings.Contains(out+errs, bad) {
				t.Errorf("secret %q: %q is in the output:\n%s%s", given, bad, out, errs)
			}
		}
	}
}

func TestSanitizeSDKDebugKeepsTheShapeOfTheCall(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"> Authorization: acs LTAI:c2ln", "> Authorization: (withheld)"},
		{"< HTTP/1.1 200 OK", "< HTTP/1.1 200 OK"},
	} {
		if got := cloud.SanitizeSDKDebug(c.in); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}
