package apidoc

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/internal/i18ncheck"
)

// inChinese runs f with Chinese texts and restores English after it.
func inChinese(f func()) {
	i18n.Set(i18n.Chinese)
	defer i18n.Set(i18n.English)
	f()
}

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// checkChinese holds a Chinese summary or explanation to what the English
// one is held to: one line, a sentence, no English sentence left, and (for
// a summary) no wider on screen than the English limit, CJK counting two
// cells.
func checkChinese(t *testing.T, what, s string, maxCells int) {
	t.Helper()
	switch {
	case s == "" || !hasHan(s):
		t.Errorf("%s: no Chinese text: %q", what, s)
	case strings.ContainsAny(s, "\n\r"):
		t.Errorf("%s: not one line: %q", what, s)
	case !strings.HasSuffix(s, "。"):
		t.Errorf("%s: not a sentence: %q", what, s)
	case maxCells > 0 && ansi.StringWidth(s) > maxCells:
		t.Errorf("%s: %d cells wide, more than %d: %q", what, ansi.StringWidth(s), maxCells, s)
	}
	if left := i18ncheck.EnglishLeft(s); left != "" {
		t.Errorf("%s: English left (%q) in %q", what, left, s)
	}
}

// Every summary has its Chinese version and no Chinese one is filed under
// a pattern without an English one.
func TestEverySummaryHasAChineseVersion(t *testing.T) {
	for pattern := range summaries {
		checkChinese(t, pattern, summariesZh[pattern], maxSummary)
	}
	for pattern := range summariesZh {
		if _, ok := summaries[pattern]; !ok {
			t.Errorf("a Chinese summary for %q, which has no English one", pattern)
		}
	}
}

// Every explained code has its Chinese explanation, and no Chinese one is
// filed under a code without an English one.
func TestEveryExplanationHasAChineseVersion(t *testing.T) {
	n := 0
	for _, d := range Codes() {
		if d.Explanation == "" {
			continue
		}
		n++
		checkChinese(t, d.Code, explanationsZh[d.Code], 0)
	}
	explained := map[string]bool{}
	for _, d := range Codes() {
		explained[d.Code] = d.Explanation != ""
	}
	for code := range explanationsZh {
		if !explained[code] {
			t.Errorf("a Chinese explanation for %q, which has no English one", code)
		}
	}
	if n < 250 {
		t.Errorf("only %d codes explained", n)
	}
}

// Param and Code answer in the language current when they are called.
func TestSummariesAndExplanationsFollowTheLanguage(t *testing.T) {
	en, _ := Param("DataDisk.2.Size")
	code, _ := Code("InvalidDataDiskSize.ValueNotSupported")
	inChinese(func() {
		zh, _ := Param("DataDisk.2.Size")
		if zh.Summary != summariesZh["DataDisk.N.Size"] || zh.Pattern != en.Pattern || zh.Reference != en.Reference || zh.Type != en.Type {
			t.Errorf("Chinese %+v, English %+v", zh, en)
		}
		if all := Params(); all[0].Summary != summariesZh[all[0].Pattern] {
			t.Errorf("Params() in Chinese: %q", all[0].Summary)
		}
		c, _ := Code("InvalidDataDiskSize.ValueNotSupported")
		if c.Explanation != explanationsZh[c.Code] || c.Code != code.Code || c.Parameter != code.Parameter || c.HTTPStatus != code.HTTPStatus {
			t.Errorf("Chinese %+v, English %+v", c, code)
		}
	})
	if again, _ := Param("DataDisk.2.Size"); again.Summary != summaries["DataDisk.N.Size"] || !strings.HasPrefix(again.Summary, "Size of data disk N") {
		t.Errorf("back in English: %q", again.Summary)
	}
}

// In English `?` shows the English summary and the reference as the
// wizard built it; in Chinese, the Chinese summary and the spec's own text
// with nothing English around them.
func TestHelpInBothLanguages(t *testing.T) {
	d, _ := Param("SystemDisk.Category")
	want := d.Pattern + " (" + d.Type + ")\n\n" + d.Summary + "\n\nAPI reference:\n" + d.Reference + "\n\nExample: " + d.Example
	if got := Help("SystemDisk.Category"); got != want {
		t.Errorf("English help:\n%s\nwant\n%s", got, want)
	}
	if got := Help("ImageFamily"); strings.Contains(got, "API reference") || !strings.Contains(got, summaries["ImageFamily"]) {
		t.Errorf("a parameter the spec lacks: %q", got)
	}
	if Help("NoSuchParameter") != "" {
		t.Error("help for an unknown parameter")
	}
	inChinese(func() {
		for _, p := range Params() {
			h := Help(p.Pattern)
			if !strings.HasPrefix(h, p.Pattern+" (") || !strings.Contains(h, summariesZh[p.Pattern]) {
				t.Errorf("%s: %q", p.Pattern, h)
			}
			if p.Reference != "" && !strings.Contains(h, "API 参考：\n"+p.Reference) {
				t.Errorf("%s: the spec's text is missing: %q", p.Pattern, h)
			}
			// The spec's own text is Chinese with API names; what we add
			// around it must be too.
			ours := strings.Replace(h, p.Reference, "", 1)
			ours = strings.Replace(ours, p.Example, "", 1)
			if left := i18ncheck.EnglishLeft(ours); left != "" {
				t.Errorf("%s: English left (%q) in %q", p.Pattern, left, ours)
			}
		}
		if got := Help("DataDisk.2.Size"); !strings.HasSuffix(got, "\n\n示例：2000") {
			t.Errorf("example: %q", got)
		}
	})
}
