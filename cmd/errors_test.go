package cmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

// wrongSecretEndpoint starts a sandbox that accepts only its own secret and
// sets the environment's AccessKey to the same id with another secret: every
// call is answered SignatureDoesNotMatch.
func wrongSecretEndpoint(t *testing.T) string {
	t.Helper()
	s, err := sandbox.Start(sandbox.Options{AccessKeyID: "auditid", AccessKeySecret: "RiGhTsEcReT-4411"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "auditid")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "WrOnGsEcReT-5522")
	t.Setenv("ALIBABA_CLOUD_PROFILE", "")
	return s.Endpoint()
}

func noSecretsIn(t *testing.T, texts ...string) {
	t.Helper()
	for _, s := range texts {
		for _, secret := range []string{"WrOnGsEcReT-5522", "RiGhTsEcReT-4411", "Web-2026-tier", "string to sign", "Signature="} {
			if strings.Contains(s, secret) {
				t.Errorf("%q is in\n%s", secret, s)
			}
		}
	}
}

func TestNoCredentialsIsOneLineThatOffersTheSandbox(t *testing.T) {
	for _, name := range []string{"ACCESS_KEY_ID", "ACCESS_KEY_SECRET", "PROFILE", "ECS_METADATA"} {
		for _, prefix := range []string{"ALIBABA_CLOUD_", "ALIBABACLOUD_", "ALICLOUD_"} {
			t.Setenv(prefix+name, "")
		}
	}
	_, errs, code := run(t, "", "catalog", "regions")
	if code != ExitFailed || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, "--sandbox") {
		t.Fatalf("exit %d, want 1 and one line offering --sandbox:\n%s", code, errs)
	}
}

func TestValidateOnlineFailsOnceWhenTheCatalogCannotBeRead(t *testing.T) {
	ep := wrongSecretEndpoint(t)
	out, errs, code := run(t, "", "validate", "--online", "testdata/good.yaml", "--endpoint", ep, "--insecure")
	if code != ExitFailed {
		t.Fatalf("exit %d, want 1: no online check could be made\n%s%s", code, out, errs)
	}
	if strings.Count(errs, "SignatureDoesNotMatch") != 1 || !strings.Contains(errs, "--online") {
		t.Errorf("want one message naming the cause and --online:\n%s", errs)
	}
	noSecretsIn(t, out, errs)
}

func TestLaunchFailureIsSaidOnceWithoutSecrets(t *testing.T) {
	ep := wrongSecretEndpoint(t)
	t.Setenv("ECS_PASSWORD", "Web-2026-tier")
	out, errs, code := run(t, "", "launch", "--yes", "../examples/web.yaml", "--endpoint", ep, "--insecure")
	if code != ExitFailed || strings.Count(errs, "SignatureDoesNotMatch") != 1 {
		t.Fatalf("exit %d, want 1 and the cause said once:\n%s%s", code, out, errs)
	}
	noSecretsIn(t, out, errs)
	_, errs, code = run(t, "", "dryrun", "../examples/web.yaml", "--endpoint", ep, "--insecure")
	if code != ExitFailed {
		t.Errorf("dryrun exit %d", code)
	}
	noSecretsIn(t, errs)
}

func TestUnsaidKeepsOnlyWhatWasNotPrinted(t *testing.T) {
	cause := errors.New("InvalidAccessKeyId.NotFound: Specified access key is not found.")
	if err := unsaid(cause, cause.Error()); err != nil {
		t.Errorf("unsaid = %v, want nothing left", err)
	}
	hist := errors.New("write the launch history: disk full")
	err := unsaid(errors.Join(cause, hist), cause.Error())
	if err == nil || err.Error() != hist.Error() {
		t.Errorf("unsaid = %v, want only the history error", err)
	}
	if err := unsaid(cause, ""); err != cause {
		t.Errorf("nothing printed: unsaid = %v, want the error", err)
	}
}

func TestReportMasksASignedURLWhateverTheErrorPath(t *testing.T) {
	var b bytes.Buffer
	code := report(&b, failed(errors.New(`Post "http://127.0.0.1:1/?AccessKeyId=LTAIx&Password=Hunter2-77&Signature=abc%3D": EOF`)))
	if code != ExitFailed || strings.Contains(b.String(), "Hunter2-77") || strings.Contains(b.String(), "abc%3D") || strings.Contains(b.String(), "LTAIx") {
		t.Errorf("exit %d, printed %q", code, b.String())
	}
}

func TestAnUnknownProfileIsAUsageError(t *testing.T) {
	_, errs, code := run(t, "", "catalog", "regions", "--profile", "nosuch")
	if code != ExitUsage || !strings.Contains(errs, `profile "nosuch"`) {
		t.Fatalf("exit %d, want 2 naming the profile:\n%s", code, errs)
	}
}

func TestABadEndpointIsAUsageError(t *testing.T) {
	for _, ep := range []string{"http://127.0.0.1:8080", "127.0.0.1:notaport"} {
		_, errs, code := run(t, "", "catalog", "regions", "--endpoint", ep, "--insecure")
		if code != ExitUsage || !strings.Contains(errs, "--endpoint") {
			t.Errorf("--endpoint %s: exit %d, want 2 naming --endpoint:\n%s", ep, code, errs)
		}
	}
}

// Over SSH (no local clipboard tool is used) with stderr redirected, --copy
// cannot reach a clipboard: it says so instead of writing OSC 52 into the
// redirected output and claiming success.
func TestCopyWithoutATerminalSaysItCannot(t *testing.T) {
	t.Setenv("SSH_TTY", "/dev/pts/9")
	out, errs, code := run(t, "", "export", "../examples/web.yaml", "--copy")
	if code != ExitFailed || strings.Contains(errs, "\x1b]52") || strings.Contains(errs, "copied") || !strings.Contains(errs, "terminal") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if !strings.HasPrefix(out, "aliyun ecs RunInstances") {
		t.Errorf("the export itself is still written:\n%s", out)
	}
}

// The last-guard redaction of printed errors keeps prose whole: an import
// error about --Password still says what is wrong.
func TestImportErrorAboutPasswordStaysReadable(t *testing.T) {
	_, errs, code := run(t, "aliyun ecs RunInstances --RegionId cn-hangzhou --Password", "import", "cli", "-")
	if code != ExitUsage || !strings.Contains(errs, "--Password: needs a value") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// A pending launch whose ${ECS_PASSWORD} is not set cannot be resumed: exit
// 2 naming the variable, as dryrun and launch do.
func TestResumeWithoutTheSecretVariableIsExit2(t *testing.T) {
	s, err := sandbox.Start(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = s.Close() }()
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", sandbox.DefaultAccessKeyID)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", sandbox.DefaultAccessKeySecret)
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	h, err := openHistory()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Append(launcher.Entry{Token: "tok-1", State: launcher.StatePending, Region: "cn-hangzhou", Request: map[string]string{
		"RegionId": "cn-hangzhou", "ImageId": "img", "InstanceType": "ecs.g7.large", "Password": "${ECS_PASSWORD}", "ClientToken": "tok-1"}}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ECS_PASSWORD", "")
	var out, errb bytes.Buffer
	io := &IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
	root := NewRoot(io)
	root.SetArgs([]string{"launch", "--resume", "--endpoint", s.Endpoint(), "--insecure"})
	code := report(&errb, root.Execute())
	if code != ExitUsage || !strings.Contains(errb.String(), "ECS_PASSWORD") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

func TestACorruptCLIConfigIsUnreadableInput(t *testing.T) {
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".aliyun"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".aliyun", "config.json"), []byte(`{"profiles":[{"access_key_secret":"SECRETleak"`), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	t.Setenv("HOME", home)
	t.Setenv("ALIBABA_CLOUD_PROFILE", "")
	root := NewRoot(&IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: os.Getenv})
	root.SetArgs([]string{"catalog", "regions"})
	code := report(&errb, root.Execute())
	if code != ExitUsage || !strings.Contains(errb.String(), "config.json") || strings.Contains(errb.String(), "SECRETleak") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
