package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/ecslaunch/ecslaunch/forms"
)

// A narrow terminal hides an optional column rather than cut the row's
// last words, and the "↑ more" mark never covers a column's title.
func TestANarrowListHidesOptionalColumnsAndKeepsTitles(t *testing.T) {
	l := pickList{height: 2, cols: []column{
		{title: "Type", width: 24}, {title: "Family", width: 9, optional: true}, {title: "Price/h", width: 9, right: true},
		{title: "In cn-hangzhou-i", width: 0, min: 16}}}
	var rows []pickRow
	for range 5 {
		rows = append(rows, pickRow{cells: []string{"ecs.t6-c1m4.xlarge", "t6", "0.468", "sold out · in cn-hangzhou-j"}})
	}
	l.setRows(rows)
	l.move(4)
	st := NewStyles()
	for _, width := range []int{60, 80} {
		view := l.view(st, width)
		lines := strings.Split(view, "\n")
		if !strings.Contains(lines[0], "Price/h") || !strings.Contains(lines[0], "In cn-hangzhou-i") {
			t.Errorf("width %d: header cut: %q", width, lines[0])
		}
		for _, line := range lines {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("width %d: line %d cells wide: %q", width, w, line)
			}
		}
		if !strings.Contains(view, "↑ 3 more") {
			t.Errorf("width %d: no mark for the rows above:\n%s", width, view)
		}
	}
	if strings.Contains(l.view(st, 60), "Family") {
		t.Errorf("at 60 columns the optional column should give way:\n%s", l.view(st, 60))
	}
	if !strings.Contains(l.view(st, 80), "Family") {
		t.Errorf("at 80 columns there is room for every column:\n%s", l.view(st, 80))
	}
}

// A security group's rules are a note: its content shows even when the
// step is too tall for the other fields' explanations.
func TestAGroupsRulesShowWhenTheStepIsCrowded(t *testing.T) {
	fs := []forms.Field{{Key: "SecurityGroupIds", Title: "Security groups", Doc: "the groups"}}
	for i := range 8 {
		fs = append(fs, forms.Field{Key: fmt.Sprintf("Tag.%d.Key", i+1), Title: "a field", Doc: "an explanation"})
	}
	fs = append(fs, forms.Field{Key: forms.KeyGroupRules + ".sg-1", Title: "Rules of sg-1", Kind: forms.Note, Doc: "TCP 22 from 203.0.113.7/32"})
	f := fieldForm{fields: fs}
	view := f.view(NewStyles(), 80, 14)
	if strings.Contains(view, "an explanation") {
		t.Fatalf("the test needs a step too tall for explanations:\n%s", view)
	}
	if !strings.Contains(view, "TCP 22 from 203.0.113.7/32") {
		t.Errorf("the rules of the group are hidden:\n%s", view)
	}
}

// Image IDs that differ only in their dates stay apart when the ImageId
// column is narrow: the cut is in the middle, the date kept.
func TestCutMiddleKeepsTheEnd(t *testing.T) {
	a, b := "aliyun_3_x64_20G_alibase_20240819.vhd", "aliyun_3_x64_20G_alibase_20240528.vhd"
	for _, w := range []int{16, 24, 30} {
		ca, cb := cutMiddle(a, w), cutMiddle(b, w)
		if ansi.StringWidth(ca) != w || ca == cb || !strings.HasSuffix(ca, ".vhd") || !strings.HasPrefix(ca, "aliyun") {
			t.Errorf("width %d: %q and %q", w, ca, cb)
		}
	}
	if got := cutMiddle(a, 60); got != a {
		t.Errorf("a value that fits is cut: %q", got)
	}
}

// Only values whose end-cuts would look alike are cut in the middle; the
// others keep the end-cut every column has.
func TestAMiddleColumnCutsOnlyWhatWouldLookAlike(t *testing.T) {
	l := pickList{cols: []column{{title: "ImageId", width: 0, middle: true}}, height: 5}
	ids := []string{"aliyun_3_x64_20G_alibase_20240819.vhd", "debian_12_6_x64_20G_alibase_20240819.vhd",
		"aliyun_3_x64_20G_alibase_20240528.vhd"}
	var rows []pickRow
	for _, id := range ids {
		rows = append(rows, pickRow{cells: []string{id}, value: id})
	}
	l.setRows(rows)
	widths := []int{20}
	got := []string{l.cellsOf(0, widths)[0], l.cellsOf(1, widths)[0], l.cellsOf(2, widths)[0]}
	if got[0] == got[2] || !strings.HasSuffix(got[0], "0819.vhd") || !strings.HasSuffix(got[2], "0528.vhd") {
		t.Errorf("the two aliyun IDs: %q", got)
	}
	if got[1] != ansi.Truncate(ids[1], 20, "…") {
		t.Errorf("the debian ID, alike no other, is %q: want the end-cut", got[1])
	}
}
