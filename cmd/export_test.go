package cmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportOverwritesAtomicallyWithMode0600: -o used to write in place and
// keep an existing file's 0644 although exports are documented 0600 (issue
// 17 item 10); import -o too.
func TestExportOverwritesAtomicallyWithMode0600(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "launch.sh")
	if err := os.WriteFile(p, []byte("old content\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, "", "export", "../examples/web.yaml", "-o", p); code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	st, err := os.Stat(p)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, %v; want 0600", st.Mode(), err)
	}
	b, _ := os.ReadFile(p)
	if !strings.HasPrefix(string(b), "#!/bin/sh\naliyun ecs RunInstances") {
		t.Errorf("a CLI export written to a file starts with #!/bin/sh (issue 12):\n%s", b)
	}
	y := filepath.Join(dir, "web.yaml")
	if err := os.WriteFile(y, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, "", "import", "cli", p, "-o", y); code != 0 {
		t.Fatalf("import: exit %d\n%s", code, errs)
	}
	if st, _ := os.Stat(y); st.Mode().Perm() != 0o600 {
		t.Errorf("import -o: mode %v", st.Mode())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("temporary files left behind: %v", ents)
	}
}

// failingFS fails the write half-way, after some bytes went out.
type failingFS struct {
	osFS
	created string
}

type shortFile struct{ *os.File }

func (f shortFile) Write(p []byte) (int, error) {
	n, _ := f.File.Write(p[:len(p)/2])
	return n, errors.New("no space left on device")
}

func (f *failingFS) CreateTemp(dir, pattern string) (tempFile, error) {
	tf, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	f.created = tf.Name()
	return shortFile{tf}, nil
}

// TestAFailedWriteKeepsTheOldFile: a short write left a truncated file.
func TestAFailedWriteKeepsTheOldFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "main.tf")
	if err := os.WriteFile(p, []byte("the old, good file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fsys := &failingFS{}
	err := writeFileAtomic(fsys, p, []byte(strings.Repeat("new ", 1000)), 0o600)
	if err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "the old, good file\n" {
		t.Errorf("the old file was damaged: %q", b)
	}
	if _, err := os.Stat(fsys.created); !os.IsNotExist(err) {
		t.Errorf("the temporary file %s is left behind", fsys.created)
	}
}

// TestExportRefusesAnInvalidRequestUnlessForced: `Amount: two` exported
// with exit 0 (issue 17 item 13).
func TestExportRefusesAnInvalidRequestUnlessForced(t *testing.T) {
	bad := webWith(t, "Amount: 2", "Amount: two")
	out := filepath.Join(t.TempDir(), "out.sh")
	stdout, errs, code := run(t, "", "export", bad, "-o", out)
	if code != ExitFailed || !strings.Contains(errs, "error Amount [") || !strings.Contains(errs, "not exported") ||
		!strings.Contains(errs, "--force") || stdout != "" {
		t.Fatalf("exit %d\n%s%s", code, stdout, errs)
	}
	if !strings.Contains(errs, "web.yaml:21: error Amount") {
		t.Errorf("the finding names the file and line:\n%s", errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("an invalid request was written")
	}
	_, errs, code = run(t, "", "export", bad, "-o", out, "--force")
	if code != 0 || !strings.Contains(errs, "error Amount [") || !strings.Contains(errs, "--force") {
		t.Fatalf("--force: exit %d\n%s", code, errs)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "--Amount two") {
		t.Errorf("--force did not write:\n%s", b)
	}
}

// TestExportSaysUnknownFormatsOnce: the formats were listed twice (issue 12).
func TestExportSaysUnknownFormatsOnce(t *testing.T) {
	_, errs, code := run(t, "", "export", "../examples/web.yaml", "--format", "docx")
	if code != ExitUsage || strings.Count(errs, "launch-template") != 1 || !strings.Contains(errs, `"docx"`) {
		t.Errorf("exit %d\n%s", code, errs)
	}
}

// TestExportNotesSandboxIDs: examples/web.yaml's network IDs are the
// sandbox's (issue 12).
func TestExportNotesSandboxIDs(t *testing.T) {
	_, errs, code := run(t, "", "export", "../examples/web.yaml")
	if code != 0 || !strings.Contains(errs, "note: SecurityGroupId, VSwitchId: these IDs exist only in the built-in sandbox") {
		t.Errorf("exit %d\n%s", code, errs)
	}
}

// TestImportNotesEveryDroppedFlag: --profile was dropped silently (issue 12).
func TestImportNotesEveryDroppedFlag(t *testing.T) {
	yaml, errs, code := run(t, "", "import", "cli",
		"aliyun ecs RunInstances --profile prod --region cn-shanghai --endpoint 127.0.0.1:8080 --insecure --quiet --RegionId cn-hangzhou")
	if code != 0 || !strings.Contains(yaml, "RegionId: cn-hangzhou") {
		t.Fatalf("exit %d\n%s%s", code, yaml, errs)
	}
	for _, want := range []string{"--profile prod", "--region cn-shanghai", "--endpoint 127.0.0.1:8080", "--insecure", "--quiet"} {
		if !strings.Contains(errs, want) {
			t.Errorf("%s is not noted:\n%s", want, errs)
		}
	}
}

// TestImportCapsItsInput: a whole program is not a command.
func TestImportCapsItsInput(t *testing.T) {
	_, errs, code := run(t, "aliyun ecs RunInstances --RegionId cn-hangzhou # "+strings.Repeat("x", 2<<20), "import", "cli", "-")
	if code != ExitUsage || !strings.Contains(errs, "1 MiB") {
		t.Errorf("exit %d\n%.300s", code, errs)
	}
}

// TestYAMLExportOfTheExampleIsByteIdentical: the |- description became a
// quoted string on the first round trip (issue 17 item 18).
func TestYAMLExportOfTheExampleIsByteIdentical(t *testing.T) {
	want, err := os.ReadFile("../examples/web.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, errs, code := run(t, "", "export", "../examples/web.yaml", "--format", "yaml")
	if code != 0 || got != string(want) {
		t.Errorf("exit %d\n%s\ngot:\n%s", code, errs, got)
	}
}
