package doccheck

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// spec is what the rules file's Spec and Error columns may cite.
type spec struct {
	params map[string]bool            // rows of the 请求参数 table
	codes  map[string]map[string]bool // 错误码 table: code → statuses
	sum    string                     // sha256 of the text
}

var (
	specParamRe = regexp.MustCompile(`^\|([A-Za-z][A-Za-z0-9.]*)\|(?:String|Integer|Boolean|Float|Long|RepeatList)\|`)
	specCodeRe  = regexp.MustCompile(`^\|(\d{3})\|([^|]+)\|`)
	// citedParamRe reads "请求参数 `X`" in the Spec column.
	citedParamRe = regexp.MustCompile("请求参数 `([^`]+)`")
	// errCodeRe reads "`Code` (400…)" and a † after it in the Error column.
	errCodeRe = regexp.MustCompile("`([A-Z][A-Za-z0-9_.]*)` \\((\\d{3}(?:/\\d{3})*)[^)]*\\)(†)?")
	// bareCodeRe finds every code-like name in the Error column.
	bareCodeRe = regexp.MustCompile("`([A-Z][A-Za-z0-9_.]*)`")
	sumRe      = regexp.MustCompile("sha256\\s+`([0-9a-f]{64})`")
)

func loadSpec(t *testing.T, root string) spec {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "apidoc", "RunInstances.zh.md"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	s := spec{params: map[string]bool{}, codes: map[string]map[string]bool{}, sum: hex.EncodeToString(sum[:])}
	for _, line := range strings.Split(string(b), "\n") {
		if m := specParamRe.FindStringSubmatch(line); m != nil {
			s.params[m[1]] = true
		} else if m := specCodeRe.FindStringSubmatch(line); m != nil {
			code := strings.ReplaceAll(m[2], `\_`, "_")
			if s.codes[code] == nil {
				s.codes[code] = map[string]bool{}
			}
			s.codes[code][m[1]] = true
		}
	}
	if len(s.params) < 70 || len(s.codes) < 200 {
		t.Fatalf("read %d parameters and %d codes from the spec: its tables moved", len(s.params), len(s.codes))
	}
	return s
}

// TestRulesDocMatchesSpec checks docs/rules.md's Table 1 against the
// spec copy: every parameter its Spec column names is a row of the spec's
// parameter table, every code its Error column gives is in the spec's error
// table with that status unless marked †, and the spec is the text the
// rows were written against.
func TestRulesDocMatchesSpec(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := Root(wd)
	if err != nil {
		t.Fatal(err)
	}
	sp := loadSpec(t, root)
	text, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(RulesDoc)))
	if err != nil {
		t.Fatal(err)
	}
	if m := sumRe.FindStringSubmatch(string(text)); m == nil || m[1] != sp.sum {
		t.Errorf("%s was written against another spec text (now sha256 %s): review its Spec column, then update the sum", RulesDoc, sp.sum)
	}
	d := Parse(string(text))
	n := 0
	for _, id := range d.Rows {
		if !strings.HasPrefix(id, "T1-") {
			continue
		}
		n++
		cells := strings.Split(d.RowText[id], "|")
		if len(cells) != 8 {
			t.Errorf("%s: %d cells, want 6 columns (a | inside a cell?)", id, len(cells)-2)
			continue
		}
		checkSpecCell(t, id, cells[4], sp)
		checkErrorCell(t, id, cells[5], sp)
	}
	if n < 96 {
		t.Errorf("Table 1 has %d rows, the spec's rules need 96", n)
	}
}

func checkSpecCell(t *testing.T, id, cell string, sp spec) {
	t.Helper()
	cited := citedParamRe.FindAllStringSubmatch(cell, -1)
	if len(cited) == 0 && !strings.Contains(cell, "错误码") && !strings.Contains(cell, "接口说明") {
		t.Errorf("%s: the Spec column names no section of the spec: %q", id, cell)
	}
	for _, m := range cited {
		if !sp.params[m[1]] {
			t.Errorf("%s: the spec has no parameter row %s", id, m[1])
		}
	}
}

func checkErrorCell(t *testing.T, id, cell string, sp spec) {
	t.Helper()
	withStatus := map[string]bool{}
	for _, m := range errCodeRe.FindAllStringSubmatch(cell, -1) {
		code, dagger := m[1], m[3] != ""
		withStatus[code] = true
		if dagger {
			if sp.codes[code] != nil {
				t.Errorf("%s: %s is in the spec's error table: drop its †", id, code)
			}
			continue
		}
		for _, st := range strings.Split(m[2], "/") {
			if !sp.codes[code][st] {
				t.Errorf("%s: the spec's error table has no %s with HTTP %s (mark it † if it comes from elsewhere)", id, code, st)
			}
		}
	}
	for _, m := range bareCodeRe.FindAllStringSubmatch(cell, -1) {
		if !withStatus[m[1]] {
			t.Errorf("%s: code %s has no HTTP status", id, m[1])
		}
	}
}
