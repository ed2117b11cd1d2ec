// Package apidoc explains the RunInstances API in plain words: a one-line
// summary and the reference's full text for every request parameter, and an
// explanation, the HTTP status and the parameter concerned for every error
// code. Summaries and explanations are in English and Chinese, and Param,
// Params, Code, Codes and Help answer in the language current when they are
// called (package i18n). The wizard shows the summaries under its fields and
// Help on `?`; the launcher and the review use the error codes to say what
// went wrong and to jump to the field that needs fixing.
//
// The reference is the project's spec, RunInstances.zh.md (the 2019 Chinese
// edition), embedded verbatim so the binary and CI need nothing else; the
// rules of today's API come from docs/rules.md (Table 1 and Table 2), cited per
// entry.
package apidoc

import (
	_ "embed" // the spec is embedded verbatim
	"regexp"
	"strconv"
	"strings"
	"sync"
)

//go:embed RunInstances.zh.md
var specText string

// specParam is one row of the spec's 请求参数 table.
type specParam struct {
	Name, Type, Example, Description string
	Required                         bool
}

// specError is one row of the spec's 错误码 table.
type specError struct {
	HTTPStatus                 int
	Code, Message, Description string
}

// parsedSpec holds both tables in the order the spec lists them.
type parsedSpec struct {
	params []specParam
	errors []specError
}

var (
	specOnce sync.Once
	spec     parsedSpec
)

// theSpec parses the embedded spec once, on first use, so programs that
// never ask for documentation pay nothing at start-up.
func theSpec() *parsedSpec {
	specOnce.Do(func() { spec = parseSpec(specText) })
	return &spec
}

// section returns the body of the "## title" section, up to the next "## ".
func section(text, title string) string {
	start := strings.Index(text, "\n## "+title)
	if start < 0 {
		return ""
	}
	body := text[start+1:]
	body = body[strings.Index(body, "\n")+1:]
	if end := strings.Index(body, "\n## "); end >= 0 {
		body = body[:end]
	}
	return body
}

func parseSpec(text string) parsedSpec {
	return parsedSpec{
		params: parseParams(section(text, "请求参数")),
		errors: parseErrors(section(text, "错误码")),
	}
}

// paramRowStart matches the first line of a parameter row:
// |Name|Type|是否必选|Example|first line of the description…
var paramRowStart = regexp.MustCompile(`^\|([A-Za-z][A-Za-z0-9.]*)\|([A-Za-z]+)\|(是|否)\|([^|]*)\|(.*)$`)

// parseParams reads the parameter table. A row's description runs over
// several lines and ends with a line holding only "|"; the description may
// itself contain "|" (the password's special characters), so only the
// first five cells are split.
func parseParams(body string) []specParam {
	var out []specParam
	var cur *specParam
	var desc []string
	flush := func() {
		if cur != nil {
			cur.Description = cleanReference(strings.Join(desc, "\n"))
			out = append(out, *cur)
			cur, desc = nil, nil
		}
	}
	for _, line := range strings.Split(body, "\n") {
		if m := paramRowStart.FindStringSubmatch(line); m != nil {
			flush()
			cur = &specParam{Name: m[1], Type: m[2], Required: m[3] == "是", Example: unescape(m[4])}
			desc = []string{m[5]}
			continue
		}
		if cur == nil {
			continue
		}
		if strings.TrimSpace(line) == "|" {
			flush()
			continue
		}
		desc = append(desc, line)
	}
	flush()
	return out
}

// errorRow matches one row of the error table: |400|Code|Message|描述|
var errorRow = regexp.MustCompile(`^\|(\d{3})\|([^|]+)\|([^|]*)\|([^|]*)\|\s*$`)

func parseErrors(body string) []specError {
	var out []specError
	for _, line := range strings.Split(body, "\n") {
		m := errorRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		status, _ := strconv.Atoi(m[1]) // \d{3} always parses
		out = append(out, specError{
			HTTPStatus:  status,
			Code:        unescape(strings.TrimSpace(m[2])),
			Message:     unescape(strings.TrimSpace(m[3])),
			Description: unescape(strings.TrimSpace(m[4])),
		})
	}
	return out
}

// linkNoise matches the reference's internal links, "[DescribeRegions](~~25609~~)"
// and bare "(~~25609~~)", which mean nothing outside Alibaba's doc site.
var (
	linkNoise    = regexp.MustCompile(`\[([^\]]*)\]\(~~\d+~~\)`)
	bareLinkNoun = regexp.MustCompile(`\(~~\d+~~\)`)
	mdEscape     = regexp.MustCompile(`\\([_*{}\[\]()#+.!\-` + "`" + `])`)
)

// unescape removes markdown backslash escapes ("cloud\_ssd" → "cloud_ssd").
func unescape(s string) string { return mdEscape.ReplaceAllString(s, "$1") }

// cleanReference turns a description cell into plain text: the link noise and
// markdown escapes go, the doc generator's one-space indent of continuation
// paragraphs goes, blank runs collapse; everything else stays verbatim.
func cleanReference(s string) string {
	s = linkNoise.ReplaceAllString(s, "$1")
	s = bareLinkNoun.ReplaceAllString(s, "")
	s = unescape(s)
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(strings.TrimPrefix(l, " "), " \t")
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
