package doccheck

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestFixtureProblems runs the checker on a small made-up repository whose
// good and bad citations are known: it must report exactly the bad ones.
func TestFixtureProblems(t *testing.T) {
	rep, err := NewRepo(filepath.Join("testdata", "repo")).CheckTree()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Problems {
		got = append(got, p.String())
	}
	b, err := os.ReadFile(filepath.Join("testdata", "want.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(string(b)), "\n")
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFixtureAnchors checks how the scanner reads anchors: ranges expand,
// a row after a file name belongs to it, a bare row cites the rules file,
// a quoted heading is an anchor, and marked lines and URLs are skipped.
func TestFixtureAnchors(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "repo", "pkg", "a.go"))
	if err != nil {
		t.Fatal(err)
	}
	byLine := map[int][]string{}
	for _, c := range Scan("pkg/a.go", string(b)) {
		byLine[c.Line] = append(byLine[c.Line], strings.TrimSuffix(c.Target, ".md")+" "+strings.Join(c.Anchors, ","))
	}
	for line, want := range map[int][]string{
		3: {"notes §1,§2", "docs/notes §7,§8,§9,§10,§11", "rules Table 1,Table 2,T1-1,T1-2,T1-3"},
		4: {"notes \"common codes\",T2-1,T1-1,T1-2,T1-3"},
		7: {"rules T1-2"},
		9: nil,
	} {
		if !slices.Equal(byLine[line], want) {
			t.Errorf("line %d: got %q, want %q", line, byLine[line], want)
		}
	}
}

// TestParseSkipsFences: a "# 3." line in a code fence is no section.
func TestParseSkipsFences(t *testing.T) {
	d := Parse("## 1. A\n```\n## 3. B\n```\n### 2.4 C\n| T1-5 | x |\n")
	if !d.Sections["1"] || d.Sections["3"] || !d.Sections["2.4"] || !d.HasRow("T1-5") {
		t.Errorf("parsed %+v", d)
	}
}

// TestRepositoryCitations is issue 11's acceptance check: no file of the
// repository cites a Markdown file, section or rules row that the
// repository does not hold.
func TestRepositoryCitations(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := Root(wd)
	if err != nil {
		t.Fatal(err)
	}
	repo := NewRepo(root)
	rep, err := repo.CheckTree()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Citations) < 100 {
		t.Fatalf("found only %d citations: the scanner is missing them", len(rep.Citations))
	}
	for _, p := range rep.Problems {
		t.Error(p.String())
	}
	counts := repo.ByTarget(rep.Citations)
	var names []string
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t.Logf("%4d citations of %s", counts[n], n)
	}
}
