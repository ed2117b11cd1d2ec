package doccheck

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Problem is a citation that does not resolve.
type Problem struct {
	Citation
	// Anchor is the missing part of the target ("§9"), or "" when the file
	// itself is missing.
	Anchor string
	// Reason says what is wrong.
	Reason string
}

// String reads "file:line: target anchor: reason", the target as written.
func (p Problem) String() string {
	what := p.Target
	if p.Anchor != "" {
		what += " " + p.Anchor
	}
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, what, p.Reason)
}

// Repo resolves and checks citations against one repository tree.
type Repo struct {
	root   string
	docs   map[string]*Doc     // by slash path from the root; nil: unreadable
	byName map[string][]string // Markdown files by name, built on first use
}

// NewRepo checks citations against the tree at root.
func NewRepo(root string) *Repo {
	return &Repo{root: root, docs: map[string]*Doc{}}
}

// Resolve returns the slash path, from the root, of the file a citation in
// from names: a path relative to the citing file's folder, else to the
// root. A bare name is also looked for in docs/, and last as the one file
// of that name anywhere in the tree. ok is false when none exists inside
// the repository.
func (r *Repo) Resolve(from, target string) (string, bool) {
	var tries []string
	if !strings.Contains(target, "/") {
		tries = []string{path.Join(path.Dir(from), target), path.Join("docs", target), target}
	} else {
		tries = []string{path.Join(path.Dir(from), target), path.Clean(target)}
	}
	for _, p := range tries {
		if p == ".." || strings.HasPrefix(p, "../") {
			continue // outside the repository
		}
		if st, err := os.Stat(filepath.Join(r.root, filepath.FromSlash(p))); err == nil && !st.IsDir() {
			return p, true
		}
	}
	if !strings.Contains(target, "/") {
		if all := r.named()[target]; len(all) == 1 {
			return all[0], true
		}
	}
	return "", false
}

// named maps each Markdown file name in the tree to its slash paths.
func (r *Repo) named() map[string][]string {
	if r.byName != nil {
		return r.byName
	}
	r.byName = map[string][]string{}
	_ = filepath.WalkDir(r.root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if e.IsDir() {
			if skipDir(r.root, p, e.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(e.Name(), ".md") {
			if rel, err := filepath.Rel(r.root, p); err == nil {
				r.byName[e.Name()] = append(r.byName[e.Name()], filepath.ToSlash(rel))
			}
		}
		return nil
	})
	return r.byName
}

// skipDir reports whether a walk leaves out a folder: hidden ones,
// testdata and vendor (never the root itself).
func skipDir(root, p, name string) bool {
	return p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor")
}

// doc returns the parsed file at the slash path p.
func (r *Repo) doc(p string) *Doc {
	if d, ok := r.docs[p]; ok {
		return d
	}
	d, err := Load(filepath.Join(r.root, filepath.FromSlash(p)))
	if err != nil {
		d = nil
	}
	r.docs[p] = d
	return d
}

// Check returns the problems of one citation: a missing file, or each
// missing anchor.
func (r *Repo) Check(c Citation) []Problem {
	p, ok := r.Resolve(c.File, c.Target)
	if !ok {
		reason := "no such file in the repository"
		if strings.HasPrefix(path.Clean(c.Target), "../") {
			reason = "outside the repository"
		} else if all := r.named()[c.Target]; len(all) > 1 {
			reason = "ambiguous, give the path: " + strings.Join(all, ", ")
		}
		return []Problem{{Citation: c, Reason: reason}}
	}
	d := r.doc(p)
	if d == nil {
		return []Problem{{Citation: c, Reason: "cannot read " + p}}
	}
	var out []Problem
	for _, a := range c.Anchors {
		in, dp := d, p
		if isRow(a) && len(d.Rows) == 0 {
			// A row after another file's name still cites the rules.
			in, dp = r.doc(RulesDoc), RulesDoc
		}
		if in == nil || !in.has(a) {
			out = append(out, Problem{Citation: c, Anchor: a, Reason: "not in " + dp})
		}
	}
	return out
}

// isRow reports whether an anchor is a row ID.
func isRow(a string) bool { return rowRe.MatchString(a) && !strings.HasPrefix(a, "Table ") }

// has reports whether the document holds anchor a.
func (d *Doc) has(a string) bool {
	switch {
	case strings.HasPrefix(a, "§"):
		return d.Sections[strings.TrimPrefix(a, "§")]
	case strings.HasPrefix(a, "Table "):
		return d.Tables[strings.TrimPrefix(a, "Table ")]
	case strings.HasPrefix(a, `"`):
		return d.HasHeading(strings.Trim(a, `"`))
	default:
		return d.HasRow(a)
	}
}

// Scanned reports whether CheckTree reads a file of this name: Go sources,
// Markdown, and the scripts and data the repository ships.
func Scanned(name string) bool {
	switch filepath.Ext(name) {
	case ".go", ".md", ".sh", ".py", ".yaml", ".yml", ".tape":
		return true
	}
	return false
}

// Report is the result of checking a whole tree.
type Report struct {
	// Citations lists every citation found; Problems those that fail.
	Citations []Citation
	Problems  []Problem
}

// ByTarget counts the citations by the file they resolve to (the target
// as written when it does not resolve).
func (r *Repo) ByTarget(cites []Citation) map[string]int {
	n := map[string]int{}
	for _, c := range cites {
		p, ok := r.Resolve(c.File, c.Target)
		if !ok {
			p = c.Target
		}
		n[p]++
	}
	return n
}

// CheckTree scans every file Scanned accepts under the root, leaving out
// hidden folders and testdata, and checks each citation.
func (r *Repo) CheckTree() (Report, error) {
	var rep Report
	err := filepath.WalkDir(r.root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := e.Name()
		if e.IsDir() {
			if skipDir(r.root, p, name) {
				return filepath.SkipDir
			}
			return nil
		}
		if !Scanned(name) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(r.root, p)
		if err != nil {
			return err
		}
		for _, c := range Scan(filepath.ToSlash(rel), string(b)) {
			rep.Citations = append(rep.Citations, c)
			rep.Problems = append(rep.Problems, r.Check(c)...)
		}
		return nil
	})
	sort.SliceStable(rep.Problems, func(i, j int) bool {
		a, b := rep.Problems[i], rep.Problems[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return rep, err
}

// Root returns the folder holding go.mod at or above dir: the repository
// root a test runs in.
func Root(dir string) (string, error) {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", fmt.Errorf("no go.mod at or above %s", dir)
		}
		d = up
	}
}
