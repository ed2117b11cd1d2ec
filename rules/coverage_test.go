package rules

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/ecslaunch/ecslaunch/internal/doccheck"
)

// rulesDoc reads the row list of docs/rules.md.
func rulesDoc(t *testing.T) *doccheck.Doc {
	t.Helper()
	d, err := doccheck.Load(filepath.Join("..", filepath.FromSlash(doccheck.RulesDoc)))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Rows) == 0 {
		t.Fatalf("%s lists no rows", doccheck.RulesDoc)
	}
	return d
}

// covered returns the rows a rule implements or adjusts, and the rows
// ValidateOnline checks.
func covered() map[string]bool {
	c := map[string]bool{}
	for _, r := range Rules() {
		c[r.Row] = true
		for _, a := range r.Also {
			c[a] = true
		}
	}
	for _, row := range onlineRows {
		c[row] = true
	}
	return c
}

// TestEveryRowIsCoveredOrExplained: every row of docs/rules.md is
// implemented by a rule, checked online, or has a reason in notChecked, so
// a row added to the file without one fails here.
func TestEveryRowIsCoveredOrExplained(t *testing.T) {
	c := covered()
	for _, row := range rulesDoc(t).Rows {
		if !c[row] && notChecked[row] == "" {
			t.Errorf("%s %s has no rule, no online check and no reason in notChecked", doccheck.RulesDoc, row)
		}
	}
	tested := map[string]bool{}
	for _, tc := range ruleCases() {
		tested[tc.row] = true
	}
	for _, r := range Rules() {
		if r.Row != "" && !tested[r.Row] && !slices.Contains(onlineRows, r.Row) {
			t.Errorf("rule %s (row %s) has no test case", r.ID, r.Row)
		}
	}
}

// TestCitedRowsExist: every row the rules, their cases, the online checks
// and notChecked name is a row of docs/rules.md.
func TestCitedRowsExist(t *testing.T) {
	d := rulesDoc(t)
	check := func(what, row string) {
		if row != "" && !d.HasRow(row) {
			t.Errorf("%s cites %s, which %s lacks", what, row, doccheck.RulesDoc)
		}
	}
	for _, r := range Rules() {
		check("rule "+r.ID, r.Row)
		for _, a := range r.Also {
			check("rule "+r.ID+" (Also)", a)
		}
	}
	for _, tc := range ruleCases() {
		check("a rule case", tc.row)
	}
	for _, row := range onlineRows {
		check("onlineRows", row)
	}
	for row := range notChecked {
		check("notChecked", row)
	}
}
