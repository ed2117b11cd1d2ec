package doccheck

import (
	"bufio"
	"regexp"
	"strconv"
	"strings"
)

// RulesDoc is the file every row ID (T1-35, T2-1) cites.
const RulesDoc = "docs/rules.md"

// IgnoreMarker on a line keeps it out of the scan: a file name that is data,
// not a citation, or a checker's own made-up citation.
const IgnoreMarker = "doccheck:ignore"

// Citation is one reference to a Markdown file, or to a rules row.
type Citation struct {
	// File and Line say where the citation is (File relative to the root).
	File string
	Line int
	// Target is the file as written ("rules.md", "docs/sdk-notes.md");
	// RulesDoc for a row ID that follows no file name.
	Target string
	// Anchors are the parts of Target it names: "§5", "Table 1", "T1-35",
	// or a quoted heading ("\"common codes\"").
	Anchors []string
}

var (
	// mdRe matches a Markdown file name with an optional relative path.
	mdRe = regexp.MustCompile(`(?:[A-Za-z0-9_.~-]+/)*[A-Za-z0-9_.-]*[A-Za-z0-9_-]\.md\b`)
	// sectRe matches §5, §7-§11, §8-11 and §1.2.
	sectRe = regexp.MustCompile(`§(\d+(?:\.\d+)*)(?:\s*[-–]\s*§?(\d+))?`)
	// tableAnchorRe matches "Table 1" and "Table 1/2".
	tableAnchorRe = regexp.MustCompile(`\bTable (\d+)(?:/(\d+))?\b`)
	// rowRe matches a row ID and an optional range end: T1-35, T1-69..72.
	rowRe = regexp.MustCompile(`\bT(\d+)-(\d+)(?:\.\.(\d+))?\b`)
	// quotedRe matches a quoted heading right after a file name.
	quotedRe = regexp.MustCompile(`^ "([A-Za-z][A-Za-z ]*)"`)
)

// Scan finds the citations in one file's text. A row ID after a file name
// belongs to that file's citation; one elsewhere cites RulesDoc.
func Scan(file, text string) []Citation {
	var out []Citation
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.Contains(line, IgnoreMarker) {
			continue
		}
		out = append(out, scanLine(file, n, line)...)
	}
	return out
}

// scanLine splits a line at its file names: each name's anchors are the
// text up to the next name.
func scanLine(file string, n int, line string) []Citation {
	var out []Citation
	locs := mentions(line)
	if len(locs) == 0 || locs[0][0] > 0 {
		end := len(line)
		if len(locs) > 0 {
			end = locs[0][0]
		}
		if rows := rowAnchors(line[:end]); len(rows) > 0 {
			out = append(out, Citation{File: file, Line: n, Target: RulesDoc, Anchors: rows})
		}
	}
	for i, loc := range locs {
		end := len(line)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		tail := line[loc[1]:end]
		out = append(out, Citation{File: file, Line: n, Target: line[loc[0]:loc[1]], Anchors: anchors(tail)})
	}
	return out
}

// mentions returns the spans of the Markdown file names in line, leaving
// out URLs and names that are part of a longer word.
func mentions(line string) [][]int {
	var out [][]int
	for _, loc := range mdRe.FindAllStringIndex(line, -1) {
		if loc[0] > 0 && isNameByte(line[loc[0]-1]) {
			continue
		}
		if isURL(line, loc[0]) {
			continue
		}
		out = append(out, loc)
	}
	return out
}

func isNameByte(c byte) bool {
	return c == '/' || c == '.' || c == '-' || c == '_' ||
		('0' <= c && c <= '9') || ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z')
}

// isURL reports whether the name starting at i is part of a URL.
func isURL(line string, i int) bool {
	start := strings.LastIndexAny(line[:i], " \t\"'`(<[") + 1
	return strings.Contains(line[start:i+1], "://")
}

// anchors reads the anchors in the text that follows a file name.
func anchors(tail string) []string {
	var out []string
	if m := quotedRe.FindStringSubmatch(tail); m != nil {
		out = append(out, strconv.Quote(m[1]))
	}
	for _, m := range sectRe.FindAllStringSubmatch(tail, -1) {
		out = append(out, expand("§", m[1], m[2])...)
	}
	for _, m := range tableAnchorRe.FindAllStringSubmatch(tail, -1) {
		out = append(out, "Table "+m[1])
		if m[2] != "" {
			out = append(out, "Table "+m[2])
		}
	}
	return append(out, rowAnchors(tail)...)
}

// rowAnchors reads the row IDs in text, expanding T1-69..72 to each row.
func rowAnchors(text string) []string {
	var out []string
	for _, m := range rowRe.FindAllStringSubmatch(text, -1) {
		out = append(out, expand("T"+m[1]+"-", m[2], m[3])...)
	}
	return out
}

// expand returns prefix+from, or every prefix+k from from to to when to is
// a larger whole number (a range). Dotted numbers are never ranges.
func expand(prefix, from, to string) []string {
	lo, err1 := strconv.Atoi(from)
	hi, err2 := strconv.Atoi(to)
	if err1 != nil || err2 != nil {
		return []string{prefix + from}
	}
	if hi <= lo || hi-lo > 200 {
		return []string{prefix + from, prefix + to}
	}
	out := make([]string, 0, hi-lo+1)
	for k := lo; k <= hi; k++ {
		out = append(out, prefix+strconv.Itoa(k))
	}
	return out
}
