// Package doccheck checks that the repository cites only what it holds:
// every Markdown file a comment, message or document names exists in the
// repository, and every section (§5), table (Table 1), quoted heading and
// rules row (T1-35, T2-1) cited in it exists in that file.
//
// The rows are the ones docs/rules.md lists; a row ID anywhere in a scanned
// file counts as a citation of docs/rules.md, since nothing else is named
// that way. A line holding "doccheck:ignore" is not scanned.
package doccheck

import (
	"bufio"
	"os"
	"regexp"
	"strings"
)

// Doc is what one Markdown file offers to be cited.
type Doc struct {
	// Sections holds the numbers of headings like "## 5. Errors" ("5",
	// and "1.2" for "### 1.2 …").
	Sections map[string]bool
	// Tables holds N for every heading that names "Table N".
	Tables map[string]bool
	// Headings holds every heading's text, lower-cased, for quoted anchors.
	Headings []string
	// Rows lists the row IDs of table rows that start with one ("| T1-35 |"),
	// in file order; RowText gives each row's whole line.
	Rows    []string
	RowText map[string]string
}

var (
	headingRe = regexp.MustCompile(`^#{1,6}\s+(.*?)\s*#*\s*$`)
	sectionRe = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.?\s`)
	tableRe   = regexp.MustCompile(`\bTable (\d+)\b`)
	rowLineRe = regexp.MustCompile(`^\|\s*(T\d+-\d+)\s*\|`)
)

// Parse reads a Markdown text's headings and rows. Fenced code blocks are
// skipped, so a "# comment" in a shell example is no heading.
func Parse(text string) *Doc {
	d := &Doc{Sections: map[string]bool{}, Tables: map[string]bool{}, RowText: map[string]string{}}
	fenced := false
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		if m := headingRe.FindStringSubmatch(line); m != nil {
			title := m[1]
			d.Headings = append(d.Headings, strings.ToLower(title))
			if s := sectionRe.FindStringSubmatch(title + " "); s != nil {
				d.Sections[s[1]] = true
			}
			for _, t := range tableRe.FindAllStringSubmatch(title, -1) {
				d.Tables[t[1]] = true
			}
			continue
		}
		if m := rowLineRe.FindStringSubmatch(line); m != nil {
			if _, dup := d.RowText[m[1]]; !dup {
				d.Rows = append(d.Rows, m[1])
			}
			d.RowText[m[1]] = line
		}
	}
	return d
}

// Load parses the Markdown file at path.
func Load(path string) (*Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(string(b)), nil
}

// HasRow reports whether the document lists row id.
func (d *Doc) HasRow(id string) bool {
	_, ok := d.RowText[id]
	return ok
}

// HasHeading reports whether some heading contains text (any case).
func (d *Doc) HasHeading(text string) bool {
	text = strings.ToLower(text)
	for _, h := range d.Headings {
		if strings.Contains(h, text) {
			return true
		}
	}
	return false
}
