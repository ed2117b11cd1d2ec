// Package i18ncheck reads the repository's sources for the messages the
// program shows through i18n.T, i18n.Text and i18n.Errorf and for the Chinese tables
// each package registers, so a test can hold every message to having its
// Chinese text, the same %-verbs and no English left in it.
package i18ncheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Use is one message used in the code.
type Use struct {
	Key  string
	Pos  string // file:line
	Func string // T, Text, Errorf or M
}

// Entry is one Chinese text of a table.
type Entry struct {
	Key, Zh string
	Pos     string
}

// Scan reads every non-test Go file under root (skipping testdata and
// hidden folders) for i18n.T, i18n.Text, i18n.Errorf and i18n.M calls with a literal message and
// i18n.Register tables.
func Scan(root string) (uses []Use, entries []Entry, err error) {
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		u, e := scanFile(fset, f, rel)
		uses, entries = append(uses, u...), append(entries, e...)
		return nil
	})
	return uses, entries, err
}

func scanFile(fset *token.FileSet, f *ast.File, rel string) ([]Use, []Entry) {
	var uses []Use
	var entries []Entry
	pos := func(n ast.Node) string { return rel + ":" + strconv.Itoa(fset.Position(n.Pos()).Line) }
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "i18n" {
			return true
		}
		switch sel.Sel.Name {
		case "T", "Text", "Errorf", "M":
			if s, ok := literal(call.Args[0]); ok {
				uses = append(uses, Use{Key: s, Pos: pos(call), Func: sel.Sel.Name})
			}
		case "Register":
			if cl, ok := call.Args[0].(*ast.CompositeLit); ok {
				for _, el := range cl.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					k, ok1 := literal(kv.Key)
					v, ok2 := literal(kv.Value)
					if ok1 && ok2 {
						entries = append(entries, Entry{Key: k, Zh: v, Pos: pos(kv)})
					}
				}
			}
		}
		return true
	})
	return uses, entries
}

// literal is a string literal's value, concatenations of literals included.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(e.X)
		b, ok2 := literal(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}

var verbPattern = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[a-zA-Z%]`)

// Verbs lists a format's %-verbs without their argument indexes, sorted, so
// a translation may reorder them with %[n]s.
func Verbs(s string) []string {
	var out []string
	for _, v := range verbPattern.FindAllString(s, -1) {
		if v == "%%" {
			continue
		}
		out = append(out, regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, ""))
	}
	sort.Strings(out)
	return out
}

var (
	// kept are the spans a Chinese text keeps as written: %-verbs, `code`,
	// ${NAME}, flags, paths, parameter names and codes (CamelCase, dotted,
	// with digits or underscores), and words in capitals.
	kept = regexp.MustCompile("%(?:\\[\\d+\\])?[-+# 0]*(?:\\d+|\\*)?(?:\\.(?:\\d+|\\*))?[a-zA-Z%]|`[^`]*`|\\$\\{[^}]*\\}|--?[a-z][a-z0-9-]*|[~./]?[A-Za-z0-9_.-]*/[A-Za-z0-9_./-]*|\\b[A-Za-z]*[A-Z][A-Za-z0-9]*[.:_-][A-Za-z0-9_.:-]*|\\b[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*\\b|\\b[A-Za-z]*[0-9_][A-Za-z0-9_]*\\b|\\b[A-Z][A-Z0-9]+s?\\b|\"[^\"]*\"|'[^']*'")
	// allowed are English words a Chinese text may keep: units, product
	// and tool names, API values.
	allowed  = map[string]bool{}
	twoWords = regexp.MustCompile(`\b[a-z]+\b[ ,]+\b[a-z]+\b`)
)

func init() {
	for _, w := range strings.Fields(`ecslaunch aliyun sandbox ssh root gib mib kib tib mbit cny usd vcpu cpu gpu arm x86 x86_64 arm64
		linux windows yaml json terraform ros hcl cli sdk api tui http https tls ok utc yes no
		cloud_essd cloud_auto cloud_efficiency cloud_ssd cloud ephemeral_ssd essd pl0 pl1 pl2 pl3 prepaid postpaid
		spot nospot enter esc tab ctrl shift space pgup pgdn home end up down left right help vi vim nano editor
		true false none any default hour month week year validate dryrun launch export import history catalog price sandbox serve record
		enabled disabled optional required bash sh zsh go completion fish powershell`) {
		allowed[w] = true
	}
}

// EnglishLeft returns the English sentence a Chinese text still holds, if
// any: two or more English words in a row once everything the API spells
// (names, codes, values, units) is taken out.
func EnglishLeft(zh string) string {
	s := kept.ReplaceAllString(zh, " ")
	var words []string
	for _, w := range regexp.MustCompile(`[A-Za-z]+`).FindAllString(s, -1) {
		if allowed[strings.ToLower(w)] {
			s = regexp.MustCompile(`\b`+regexp.QuoteMeta(w)+`\b`).ReplaceAllString(s, " ")
			continue
		}
		words = append(words, w)
	}
	if m := twoWords.FindString(strings.ToLower(s)); m != "" {
		return m
	}
	_ = words
	return ""
}
