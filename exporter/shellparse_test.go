package exporter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The cases issue 17 item 15 found in the hand-written splitter, now read
// by a real shell parser (mvdan.cc/sh/v3/syntax).

// TestAHeredocBodyIsNotACommand: a RunInstances line inside a heredoc's
// body is data the script writes, not the command.
func TestAHeredocBodyIsNotACommand(t *testing.T) {
	only := "cat > launch.sh <<EOF\naliyun ecs RunInstances --RegionId cn-hangzhou\nEOF\n"
	if _, _, err := ImportCLI(only); err == nil || !strings.Contains(err.Error(), `expected the command to start with aliyun, found "cat"`) {
		t.Errorf("heredoc only: %v", err)
	}
	both := "cat <<'EOF' > notes.txt\naliyun ecs RunInstances --RegionId cn-beijing\nEOF\naliyun ecs RunInstances --RegionId cn-hangzhou\n"
	req, o, err := ImportCLI(both)
	if err != nil || req.Get("RegionId") != "cn-hangzhou" {
		t.Fatalf("after a heredoc: %v %v", err, req)
	}
	if notes := strings.Join(o.ImportNotes, "\n"); !strings.Contains(notes, `line 1: the "cat" command was not imported`) {
		t.Errorf("notes %q", o.ImportNotes)
	}
}

// TestQuotesConcatenateAsBashDoes: 'a'"b"$'c\x41' is abcA, not ab$c\x41.
func TestQuotesConcatenateAsBashDoes(t *testing.T) {
	cases := map[string][]string{
		`x 'a'"b"$'c\x41'`:      {"x", "abcA"},
		`x $'tab\there' $'\''`:  {"x", "tab\there", "'"},
		`x "a"'b'c\ d`:          {"x", "abc d"},
		"x 'a\r\nb' \\\r\n y":   {"x", "a\r\nb", "y"},
		`x sg-{a,b}`:            {"x", "sg-a", "sg-b"},
		`x "${TEAM}"-web $TEAM`: {"x", "${TEAM}-web", "${TEAM}"},
	}
	for in, want := range cases {
		got, err := splitWords(in)
		if err != nil || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("splitWords(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// TestArithmeticIsNotCommandSubstitution: $((1+1)) was called command
// substitution.
func TestArithmeticIsNotCommandSubstitution(t *testing.T) {
	_, _, err := ImportCLI("aliyun ecs RunInstances --Amount $((1+1))")
	if err == nil || !strings.Contains(err.Error(), "arithmetic expansion") || strings.Contains(err.Error(), "command substitution") {
		t.Errorf("got %v", err)
	}
	for line, want := range map[string]string{
		"aliyun ecs RunInstances --InstanceName `whoami`":    "command substitution (`…`)",
		"aliyun ecs RunInstances --UserData <(cat ud)":       "process substitution",
		"aliyun ecs RunInstances --InstanceName ${#TEAM}":    "not a plain ${NAME}",
		"aliyun ecs RunInstances --InstanceName $1":          "not a plain ${NAME}",
		"aliyun ecs RunInstances --InstanceName \"x\" 2>err": "redirection",
	} {
		if _, _, err := ImportCLI(line); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", line, err, want)
		}
	}
}

// TestImportNeverRunsAnything: substitutions of every kind, in the
// command and around it, leave no trace.
func TestImportNeverRunsAnything(t *testing.T) {
	dir := t.TempDir()
	mark := filepath.Join(dir, "ran")
	for _, script := range []string{
		"aliyun ecs RunInstances --InstanceName $(touch " + mark + ")",
		"aliyun ecs RunInstances --InstanceName `touch " + mark + "`",
		"aliyun ecs RunInstances --InstanceName <(touch " + mark + ")",
		"touch " + mark + "\naliyun ecs RunInstances --RegionId cn-hangzhou",
		"X=$(touch " + mark + ") aliyun ecs RunInstances --RegionId cn-hangzhou",
		"cat <<EOF\n$(touch " + mark + ")\nEOF\naliyun ecs RunInstances --RegionId cn-hangzhou",
	} {
		_, _, _ = ImportCLI(script)
		if _, err := os.Stat(mark); !os.IsNotExist(err) {
			t.Fatalf("importing %q ran something", script)
		}
	}
}
