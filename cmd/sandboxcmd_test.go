package cmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Issue 17 item 17: bad serve flags are usage errors (exit 2) naming the
// flag; before, --throttle NaN was accepted, --boot-time -5s became 3 s and
// a non-loopback address named the Options field and exited 1.
func TestServeFlagEdges(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--addr", "0.0.0.0:8080"}, "--allow-remote"},
		{[]string{"--addr", "192.0.2.1:8080"}, "--allow-remote"},
		{[]string{"--throttle", "NaN"}, "--throttle NaN"},
		{[]string{"--errors", "1.5"}, "--errors 1.5"},
		{[]string{"--drop-after-commit", "-0.1"}, "--drop-after-commit -0.1"},
		{[]string{"--boot-time", "-5s"}, "--boot-time -5s"},
		{[]string{"--boot-time", "0s"}, "--boot-time 0s"},
		{[]string{"--latency", "-1s"}, "--latency -1s"},
		{[]string{"--max-conns", "0"}, "--max-conns 0"},
		{[]string{"--ca-out", "x.pem"}, "add --tls"},
		{[]string{"--access-key-secret", "a", "--access-key-secret-file", "f"}, "not both"},
		{[]string{"--access-key-secret-file", "/no/such/file"}, "--access-key-secret-file"},
		{[]string{"--world", "/no/such/world.json"}, "no such file"},
	} {
		_, errs, code := run(t, "", append([]string{"sandbox", "serve"}, tc.args...)...)
		if code != ExitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, want 2 naming %q:\n%s", tc.args, code, tc.want, errs)
		}
	}
}

func TestServeSecretSources(t *testing.T) {
	file := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(file, []byte("from-the-file\nignored\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == sandboxSecretEnv {
				return v
			}
			return ""
		}
	}
	for _, tc := range []struct {
		sf   serveFlags
		env  string
		want string
	}{
		{serveFlags{secretFile: file}, "from-the-env", "from-the-file"},
		{serveFlags{}, "from-the-env", "from-the-env"},
		{serveFlags{secretSet: true}, "from-the-env", "from-the-flag"},
		{serveFlags{}, "", "from-the-flag"}, // the flag's default
	} {
		tc.sf.o.AccessKeySecret = "from-the-flag"
		got, err := tc.sf.secret(env(tc.env))
		if err != nil || got != tc.want {
			t.Errorf("%+v with env %q: %q %v, want %q", tc.sf, tc.env, got, err, tc.want)
		}
	}
}

// syncBuf is a Writer safe to read while serve writes.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuf) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuf) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// serveUntil runs `ecslaunch sandbox serve args…` until its banner holds
// want, then stops it as SIGTERM would; it returns the output.
func serveUntil(t *testing.T, env map[string]string, want string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &syncBuf{}
	io := &IO{In: strings.NewReader(""), Out: out, Err: out, Getenv: func(k string) string { return env[k] }}
	root := NewRoot(io)
	root.SetArgs(append([]string{"sandbox", "serve", "--addr", "127.0.0.1:0"}, args...))
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	deadline := time.After(20 * time.Second)
	for !strings.Contains(out.String(), want) {
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, out)
		case <-deadline:
			t.Fatalf("no %q in:\n%s", want, out)
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestServeTLSBanner(t *testing.T) {
	dir := t.TempDir()
	caOut := filepath.Join(dir, "out-ca.pem")
	out := serveUntil(t, nil, "Press Ctrl-C", "--tls", "--state", filepath.Join(dir, "state.json"), "--ca-out", caOut)
	kept := filepath.Join(dir, "sandbox-ca.pem")
	for _, want := range []string{"listening on https://127.0.0.1:", "SSL_CERT_FILE=" + kept, "aliyun ecs DescribeRegions --endpoint 127.0.0.1:",
		"dara.RuntimeOptions{Ca:", "ACS3-HMAC-SHA256"} {
		if !strings.Contains(out, want) {
			t.Errorf("banner lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, " --insecure\n") {
		t.Errorf("the TLS banner says --insecure:\n%s", out)
	}
	a, err1 := os.ReadFile(caOut)
	b, err2 := os.ReadFile(kept)
	if err1 != nil || err2 != nil || !bytes.Equal(a, b) || !bytes.HasPrefix(a, []byte("-----BEGIN CERTIFICATE-----")) {
		t.Errorf("--ca-out %v %v", err1, err2)
	}
	if fi, err := os.Stat(filepath.Join(dir, "sandbox-ca-key.pem")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("CA key: %v %v", fi, err)
	}
	// a second start keeps the CA clients already trust
	serveUntil(t, nil, "Press Ctrl-C", "--tls", "--state", filepath.Join(dir, "state.json"))
	if c, _ := os.ReadFile(kept); !bytes.Equal(c, b) {
		t.Error("the CA changed between two starts")
	}
}

func TestServeSecretFromEnvNotPrinted(t *testing.T) {
	out := serveUntil(t, map[string]string{sandboxSecretEnv: "env-secret-123"}, "Press Ctrl-C")
	if strings.Contains(out, "env-secret-123") || !strings.Contains(out, "(the secret you gave)") || !strings.Contains(out, "http://127.0.0.1:") {
		t.Errorf("banner:\n%s", out)
	}
}

// TestRecordCommand records the built-in sandbox's cn-hangzhou, then the
// global --sandbox --world plays it: a catalog command answers from it.
func TestRecordCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rec.json")
	out, errs, code := run(t, "", "--sandbox", "sandbox", "record", "--region", "cn-hangzhou", "-o", path)
	if code != 0 || !strings.Contains(out, "recorded cn-hangzhou: 8 zones") {
		t.Fatalf("record: exit %d\n%s%s", code, out, errs)
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(data, []byte(`"cn-hangzhou-i"`)) {
		t.Fatalf("%v", err)
	}
	out, errs, code = run(t, "", "--sandbox", "--world", path, "catalog", "zones", "--region", "cn-hangzhou")
	if code != 0 || !strings.Contains(out, "cn-hangzhou-i") {
		t.Errorf("catalog zones from the recording: exit %d\n%s%s", code, out, errs)
	}
	_, errs, code = run(t, "", "--world", path, "catalog", "zones", "--region", "cn-hangzhou")
	if code != ExitUsage || !strings.Contains(errs, "--world is the catalog") {
		t.Errorf("--world without --sandbox: exit %d %s", code, errs)
	}
	for _, args := range [][]string{{"--sandbox", "sandbox", "record", "-o", path}, {"--sandbox", "sandbox", "record", "--region", "cn-hangzhou"}} {
		if _, errs, code := run(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d %s", args, code, errs)
		}
	}
}
