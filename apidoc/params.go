package apidoc

import (
	"sync"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// ParamDoc documents one request parameter pattern ("DataDisk.N.Size").
type ParamDoc struct {
	// Pattern is the API's parameter name with N for every list index.
	Pattern string
	// Type is the value type: the spec's where it documents the parameter
	// (String, Integer, Boolean, Float, Long, RepeatList), else the request
	// model's.
	Type string
	// Required is the spec's 是否必选 column; false for parameters the spec
	// lacks. Conditional requirements are stated in Summary.
	Required bool
	// Example is the spec's example value, without markdown escapes.
	Example string
	// Summary is one line in the current language (English or Chinese,
	// package i18n): what the parameter does and its rule as today's API
	// applies it (docs/rules.md Table 1 amended by Table 2).
	Summary string
	// Reference is the spec's full Chinese description, free of link noise;
	// empty for parameters the 2019 spec does not document.
	Reference string
}

var (
	paramsOnce sync.Once
	paramList  []ParamDoc
	paramIndex map[string]int
)

// buildParams joins the request model's patterns (in the API reference's
// order) with the spec's table and the summaries. The spec's own rows that
// are not request parameters (Action, set by the signer) come last.
func buildParams() {
	rows := map[string]specParam{}
	for _, p := range theSpec().params {
		rows[p.Name] = p
	}
	paramIndex = map[string]int{}
	add := func(pattern, typ string) {
		d := ParamDoc{Pattern: pattern, Type: typ, Summary: summaries[pattern]}
		if row, ok := rows[pattern]; ok {
			d.Type, d.Required, d.Example, d.Reference = row.Type, row.Required, row.Example, row.Description
			delete(rows, pattern)
		}
		paramIndex[pattern] = len(paramList)
		paramList = append(paramList, d)
	}
	for _, s := range request.Specs() {
		add(s.Pattern, s.Type.String())
	}
	for _, p := range theSpec().params {
		if _, left := rows[p.Name]; left {
			add(p.Name, p.Type)
		}
	}
}

// Param returns the documentation of a parameter, given its pattern
// ("DataDisk.N.Size") or a flat key ("DataDisk.2.Size"), its Summary in the
// current language.
func Param(patternOrFlatKey string) (ParamDoc, bool) {
	paramsOnce.Do(buildParams)
	i, ok := paramIndex[request.PatternOf(patternOrFlatKey)]
	if !ok {
		return ParamDoc{}, false
	}
	return inLanguage(paramList[i]), true
}

// Params returns the documentation of every parameter, in the API
// reference's order, the summaries in the current language; the caller may
// modify the slice.
func Params() []ParamDoc {
	paramsOnce.Do(buildParams)
	out := make([]ParamDoc, len(paramList))
	for i, d := range paramList {
		out[i] = inLanguage(d)
	}
	return out
}

// inLanguage gives d the summary of the current language: the table holds
// the English one, summariesZh the Chinese.
func inLanguage(d ParamDoc) ParamDoc {
	if i18n.IsChinese() {
		if zh, ok := summariesZh[d.Pattern]; ok {
			d.Summary = zh
		}
	}
	return d
}

// Help is the full text `?` shows for a parameter, in the current
// language: its name and type, its summary, the spec's own Chinese text
// (Reference) and its example. In English the summary is English and the
// reference follows it; in Chinese every part is Chinese (API names and
// values aside). It is "" for an unknown parameter.
func Help(patternOrFlatKey string) string {
	d, ok := Param(patternOrFlatKey)
	if !ok {
		return ""
	}
	out := d.Pattern + " (" + d.Type + ")\n\n" + d.Summary
	if d.Reference != "" {
		out += "\n\n" + i18n.Text("API reference:") + "\n" + d.Reference
	}
	if d.Example != "" {
		out += "\n\n" + i18n.T("Example: %s", d.Example)
	}
	return out
}
