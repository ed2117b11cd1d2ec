package cmd

import (
	"encoding/base64"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

// The battery's credentials and password: what must never be found.
const (
	batteryKeyID  = "LTAIbatterytest01"
	batterySecret = "Battery-Secret-7731"
	batteryPw     = "Battery-Pw-2026!"
)

// hostileFile is a launch file in which every RunInstances parameter holds
// a ${…} reference to the AccessKey secret or the password, alone or
// inside text, and lists every parameter under ask:.
func hostileFile(t *testing.T, dir string) string {
	t.Helper()
	refs := []string{"${ALIBABA_CLOUD_ACCESS_KEY_SECRET}", "x!${ALIBABA_CLOUD_ACCESS_KEY_SECRET}", "${ECS_PASSWORD}", "p-${ECS_PASSWORD}-q"}
	r := request.New()
	var ask []string
	for i, s := range request.Specs() {
		segs := strings.Split(s.Pattern, ".")
		for j, seg := range segs {
			if seg == "N" {
				segs[j] = "1"
			}
		}
		if err := r.Set(strings.Join(segs, "."), refs[i%len(refs)]); err != nil {
			t.Fatal(err)
		}
		ask = append(ask, s.Pattern)
	}
	data, _, err := (&request.File{Version: request.FileVersion, Ask: ask, Request: r}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "hostile.yaml")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// goodFile is examples/web.yaml with references where they are allowed:
// Password, UserData (whose script carries the password) and an asked
// InstanceName.
func goodFile(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile("../examples/web.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "InstanceName: web\n", "InstanceName: web-${TEAM}\n  UserData: ${BOOT_SCRIPT}\n", 1)
	p := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestNoSecretLeaksAnywhere is issue 17's acceptance for item 3: after a
// battery of commands (validate, dryrun, launch, resume, export in every
// format, import, history, catalog, and dryrun under DEBUG=sdk) over files
// with ${…} references in every field, against an in-process sandbox, the
// AccessKey secret and the password appear in no stdout, no stderr, no
// file under the home and XDG folders and no export.
func TestNoSecretLeaksAnywhere(t *testing.T) {
	srv, err := sandbox.Start(sandbox.Options{AccessKeyID: batteryKeyID, AccessKeySecret: batterySecret, BootTime: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	inputs, exports := t.TempDir(), t.TempDir()
	homes := map[string]string{"HOME": t.TempDir(), "XDG_STATE_HOME": t.TempDir(), "XDG_CACHE_HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir()}
	env := map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": batteryKeyID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": batterySecret,
		"ALIBABA_CLOUD_PROFILE": "", "ECS_PASSWORD": batteryPw, "TEAM": "blue",
		"BOOT_SCRIPT": base64.StdEncoding.EncodeToString([]byte("#!/bin/sh\necho " + batteryPw + "\n"))}
	for k, v := range homes {
		env[k] = v
	}
	ep := []string{"--endpoint", srv.Endpoint(), "--insecure"}
	files := []string{hostileFile(t, inputs), goodFile(t, inputs)}

	var said []string
	runAll := func(args ...string) int {
		out, errs, code := stateRun(t, env, args...)
		said = append(said, strings.Join(args, " ")+"\n"+out+errs)
		return code
	}
	for _, f := range files {
		runAll("validate", f)
		runAll("validate", "--output", "json", f)
		runAll(append([]string{"validate", "--online", f}, ep...)...)
		runAll(append([]string{"dryrun", f}, ep...)...)
		runAll(append([]string{"launch", "--yes", f}, ep...)...)
		for _, format := range exporter.Formats() {
			out := filepath.Join(exports, filepath.Base(f)+"."+string(format))
			runAll("export", f, "--format", string(format), "--force", "-o", out)
			runAll("export", f, "--format", string(format), "--force", "--idempotent")
		}
		runAll("import", "cli", filepath.Join(exports, filepath.Base(f)+".cli"), "-o", filepath.Join(exports, filepath.Base(f)+".imported.yaml"))
	}
	if code := runAll(append([]string{"launch", "--yes", files[1]}, ep...)...); code != 0 {
		t.Errorf("the good file does not launch: exit %d\n%s", code, said[len(said)-1])
	}
	runAll(append([]string{"launch", "--resume", "--yes"}, ep...)...)
	runAll("history")
	runAll("history", "--output", "json")
	for _, kind := range []string{"regions", "images", "security-groups", "all"} {
		runAll(append([]string{"catalog", kind, "--region", "cn-hangzhou"}, ep...)...)
	}
	debugEnv := map[string]string{"DEBUG": "sdk"}
	for k, v := range env {
		debugEnv[k] = v
	}
	out, errs, _ := childRun(t, debugEnv, append([]string{"dryrun", files[1]}, ep...)...)
	said = append(said, "DEBUG=sdk dryrun\n"+out+errs)

	needles := []string{batterySecret, batteryPw, url.QueryEscape(batterySecret), url.QueryEscape(batteryPw)}
	hits := 0
	check := func(where, text string) {
		for _, n := range needles {
			if strings.Contains(text, n) {
				hits++
				t.Errorf("%q found in %s", n, where)
			}
		}
	}
	for _, s := range said {
		check("the output of `"+strings.SplitN(s, "\n", 2)[0]+"`", s)
	}
	files = nil
	for _, dir := range append([]string{exports}, homes["HOME"], homes["XDG_STATE_HOME"], homes["XDG_CACHE_HOME"], homes["XDG_CONFIG_HOME"]) {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				b, _ := os.ReadFile(p)
				check(p, string(b))
				files = append(files, p)
			}
			return nil
		})
	}
	masked := 0
	for _, s := range said {
		masked += strings.Count(s, "REDACTED")
	}
	t.Logf("%d commands, %d files (%d exports) searched: %d hits; the last guard masked %d values", len(said), len(files), 2*len(exporter.Formats())+2, hits, masked)
	if len(files) < 2*len(exporter.Formats())+3 {
		t.Errorf("only %d files written: the battery did not run", len(files))
	}
	if srv.InstanceCount() == 0 {
		t.Error("nothing was launched: the battery did not reach the sandbox")
	}
}
