package apidoc

import (
	"sync"

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
	// Summary is one line of plain English: what the parameter does and its
	// rule as today's API applies it (docs/rules.md Table 1 amended by Table 2).
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
// ("DataDisk.N.Size") or a flat key ("DataDisk.2.Size").
func Param(patternOrFlatKey string) (ParamDoc, bool) {
	paramsOnce.Do(buildParams)
	i, ok := paramIndex[request.PatternOf(patternOrFlatKey)]
	if !ok {
		return ParamDoc{}, false
	}
	return paramList[i], true
}

// Params returns the documentation of every parameter, in the API
// reference's order; the caller may modify the slice.
func Params() []ParamDoc {
	paramsOnce.Do(buildParams)
	return append([]ParamDoc(nil), paramList...)
}
