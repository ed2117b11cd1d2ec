package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// run executes ecslaunch with args and returns stdout, stderr and the exit code.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"HOME": t.TempDir()}
	io := &IO{In: strings.NewReader(stdin), Out: &out, Err: &errb, Getenv: func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		return os.Getenv(k)
	}}
	t.Setenv("HOME", env["HOME"])
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := NewRoot(io)
	root.SetArgs(args)
	code := report(&errb, root.Execute())
	return out.String(), errb.String(), code
}

func TestValidateExitCodes(t *testing.T) {
	cases := []struct {
		file string
		want int
	}{{"testdata/good.yaml", 0}, {"testdata/bad.yaml", 1}, {"testdata/typo.yaml", 2}, {"testdata/missing.yaml", 2}}
	for _, c := range cases {
		out, errs, code := run(t, "", "validate", c.file)
		if code != c.want {
			t.Errorf("validate %s: exit %d, want %d\n%s%s", c.file, code, c.want, out, errs)
		}
	}
}

func TestValidateNamesParameterLineAndCode(t *testing.T) {
	out, _, code := run(t, "", "validate", "testdata/bad.yaml")
	if code != 1 || !strings.Contains(out, "testdata/bad.yaml:10: error DataDisk.2.Size [InvalidDataDiskSize.ValueNotSupported]") {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
}

func TestValidateTypoSuggestsTheKey(t *testing.T) {
	out, _, _ := run(t, "", "validate", "testdata/typo.yaml")
	if !strings.Contains(out, "testdata/typo.yaml:4: unknown key") || !strings.Contains(out, "did you mean InstanceType?") {
		t.Fatalf("output:\n%s", out)
	}
}

func TestValidateJSON(t *testing.T) {
	out, _, code := run(t, "", "validate", "--output", "json", "testdata/good.yaml", "testdata/bad.yaml", "testdata/typo.yaml")
	var reports []struct {
		File     string `json:"file"`
		Valid    bool   `json:"valid"`
		Findings []struct {
			Parameter, Severity, Code, Message string
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &reports); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if code != 2 || len(reports) != 3 || !reports[0].Valid || reports[1].Valid || reports[2].Valid {
		t.Fatalf("exit %d, reports %+v", code, reports)
	}
	if f := reports[1].Findings[0]; f.Parameter != "DataDisk.2.Size" || f.Severity != "error" {
		t.Errorf("finding %+v", f)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{{"validate"}, {"validate", "--output", "xml", "x"}, {"nonsense"},
		{"--insecure", "version"}, {"export", "testdata/good.yaml", "--format", "docx"}, {"catalog", "planets"}} {
		if _, _, code := run(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestAnUnknownLanguageIsAUsageError(t *testing.T) {
	if err := UseLanguage([]string{"--lang", "fr", "version"}, func(string) string { return "" }); err == nil {
		t.Fatal("--lang fr is accepted")
	}
	if err := UseLanguage([]string{"version"}, func(k string) string { return map[string]string{"LANG": "zh_CN.UTF-8"}[k] }); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = UseLanguage(nil, func(string) string { return "" }) }()
	if !i18n.IsChinese() {
		t.Fatal("LANG=zh_CN.UTF-8 does not choose Chinese")
	}
}

// Piped answers that end early abort the wizard (exit 130) with a message;
// the region answered by ID is taken, and nothing panics.
func TestPipedAnswersThatEndAbortWithAMessage(t *testing.T) {
	_, errs, code := run(t, "cn-shanghai\n", "--sandbox")
	if code != ExitAborted || !strings.Contains(errs, "input ended") || strings.Contains(errs, "panic") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if !strings.Contains(errs, "== Billing ==") {
		t.Fatalf("the region answered by its ID did not lead on:\n%s", errs)
	}
}

// The full-screen wizard draws on the terminal itself (its size and modes
// come from the file): the masking guard must not hide it; the line
// prompts keep the guard.
func TestTheTUIDrawsOnTheTerminalItself(t *testing.T) {
	x := maskedIO(&IO{Out: os.Stdout, Err: os.Stderr})
	if w := errWriter(x, false); w != os.Stderr {
		t.Fatalf("the TUI draws on %T, not the terminal", w)
	}
	if w := errWriter(x, true); w == os.Stderr {
		t.Fatal("the accessible prompts bypass the masking guard")
	}
}
