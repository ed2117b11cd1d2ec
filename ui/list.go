package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// column of a pickList: a title and a width (0 = takes the rest). The
// flexible column wants at least min cells; optional columns are hidden,
// first first, when it would otherwise be cut (a narrow terminal keeps
// what a row says rather than a column that repeats another).
type column struct {
	title    string
	width    int
	right    bool
	min      int
	optional bool
	// middle: a value too wide whose end-cut would look like another
	// row's is cut in its middle instead, keeping its end. Image IDs differ
	// in their dates ("…alibase_20240819.vhd", "…alibase_20240528.vhd")
	// or in their middles ("…dtc_en-us_40G…", "…dtc_zh-cn_40G…").
	middle bool
}

// pickRow is one row: its cells, whether it is dimmed (sold out, not
// offered) and the value it stands for.
type pickRow struct {
	cells []string
	dim   bool
	value string
}

// pickList is a scrolling table that renders only the rows in view, so a
// keystroke costs the same with 20 or 2,000 rows (docs/measured.md). bubbles/table
// cannot dim single rows, which sold-out types need.
type pickList struct {
	cols   []column
	rows   []pickRow
	cursor int
	offset int
	height int
	// cuts are the middle columns' cells as shown, by column, for the
	// width in cutWidth; setRows drops them.
	cuts     map[int][]string
	cutWidth map[int]int
}

func (l *pickList) setRows(rows []pickRow) {
	l.rows = rows
	l.cuts, l.cutWidth = nil, nil
	l.clamp()
}

// cellsOf are a row's cells as shown: a middle column's as cut for its
// width, the others as they are (fit cuts them at the end).
func (l *pickList) cellsOf(i int, widths []int) []string {
	cells := l.rows[i].cells
	copied := false
	for c, col := range l.cols {
		if !col.middle || c >= len(cells) || c >= len(widths) || widths[c] < 0 {
			continue
		}
		if !copied {
			cells, copied = append([]string(nil), cells...), true
		}
		cells[c] = l.cutColumn(c, widths[c])[i]
	}
	return cells
}

// cutColumn cuts column c's values to w cells: at the end, like every
// column, unless that makes two different values look alike; those are
// cut in the middle. Computed once per width.
func (l *pickList) cutColumn(c, w int) []string {
	if got, ok := l.cuts[c]; ok && l.cutWidth[c] == w {
		return got
	}
	ends := make([]string, len(l.rows))
	raw := map[string]string{} // an end-cut shown → the value it came from
	clash := map[string]bool{}
	for i, r := range l.rows {
		v := ""
		if c < len(r.cells) {
			v = r.cells[c]
		}
		ends[i] = v
		if ansi.StringWidth(v) > w {
			ends[i] = ansi.Truncate(v, w, "…")
		}
		if prev, ok := raw[ends[i]]; ok && prev != v {
			clash[ends[i]] = true
		}
		raw[ends[i]] = v
	}
	out := make([]string, len(l.rows))
	for i, r := range l.rows {
		out[i] = ends[i]
		if clash[ends[i]] {
			out[i] = cutMiddle(r.cells[c], w)
		}
	}
	if l.cuts == nil {
		l.cuts, l.cutWidth = map[int][]string{}, map[int]int{}
	}
	l.cuts[c], l.cutWidth[c] = out, w
	return out
}

func (l *pickList) move(n int) {
	l.cursor += n
	l.clamp()
}

func (l *pickList) clamp() {
	if l.cursor >= len(l.rows) {
		l.cursor = len(l.rows) - 1
	}
	if l.cursor < 0 {
		l.cursor = 0
	}
	h := max(l.height, 1)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, len(l.rows)-h))
}

func (l *pickList) selected() (pickRow, bool) {
	if l.cursor < 0 || l.cursor >= len(l.rows) {
		return pickRow{}, false
	}
	return l.rows[l.cursor], true
}

// selectValue moves the cursor to the row of a value, if shown.
func (l *pickList) selectValue(v string) bool {
	for i, r := range l.rows {
		if r.value == v {
			l.cursor = i
			l.clamp()
			return true
		}
	}
	return false
}

// view renders the header, the rows in view and, where rows are hidden,
// how many are above and below: width cells wide, height rows tall.
func (l *pickList) view(st Styles, width int) string {
	widths := l.widths(width)
	var b strings.Builder
	head := formatCells(headerCells(l.cols), l.cols, widths)
	above := ""
	if l.offset > 0 {
		// The mark goes where the header has room; over a title it would
		// hide what a column holds, so it joins the line below the rows.
		mark := i18n.T("↑ %d more", l.offset)
		if ansi.StringWidth(strings.TrimRight(head, " "))+ansi.StringWidth(mark)+1 < width {
			head = markRight(head, mark, width)
		} else {
			above = mark
		}
	}
	b.WriteString(st.Header.Render(head))
	end := min(len(l.rows), l.offset+max(l.height, 1))
	for i := l.offset; i < end; i++ {
		r := l.rows[i]
		line := formatCells(l.cellsOf(i, widths), l.cols, widths)
		style := st.Row
		switch {
		case i == l.cursor:
			// The marker shows the cursor without colour (NO_COLOR).
			style = st.RowSelected
			line = "▸" + line[1:]
		case r.dim:
			style = st.RowDim
		}
		b.WriteString("\n" + style.Render(line))
	}
	for i := end - l.offset; i < l.height; i++ {
		b.WriteString("\n")
	}
	b.WriteString("\n" + st.Muted.Render(l.moreLine(above, len(l.rows)-end)))
	return b.String()
}

// moreLine says how many rows are hidden below and, when the header had
// no room for it, above.
func (l *pickList) moreLine(above string, below int) string {
	var parts []string
	if above != "" {
		parts = append(parts, above)
	}
	if below > 0 {
		parts = append(parts, i18n.T("↓ %d more below", below))
	}
	if len(parts) == 0 {
		return ""
	}
	return "  " + strings.Join(parts, " · ")
}

// markRight puts a mark at the end of a line of width cells.
func markRight(line, mark string, width int) string {
	w := ansi.StringWidth(mark)
	if width-w-1 < 0 {
		return line
	}
	// Trailing padding is cut without a "…": only text is ever marked cut.
	return fit(strings.TrimRight(line, " "), width-w-1, false) + " " + mark
}

// home and end move to the first and last row.
func (l *pickList) home() { l.cursor = 0; l.clamp() }
func (l *pickList) end()  { l.cursor = len(l.rows) - 1; l.clamp() }

func headerCells(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.title
	}
	return out
}

// widths gives the flexible column what the fixed ones leave, hiding
// optional columns (width -1), the first first, while it has less than
// its minimum or its title.
func (l *pickList) widths(total int) []int {
	out := make([]int, len(l.cols))
	fixed, flex := 2, -1
	for i, c := range l.cols {
		out[i] = c.width
		if c.width == 0 {
			flex = i
		}
		fixed += c.width + 1
	}
	if flex < 0 {
		return out
	}
	want := max(8, l.cols[flex].min, ansi.StringWidth(l.cols[flex].title))
	for i := 0; i < len(l.cols) && total-fixed < want; i++ {
		if l.cols[i].optional {
			fixed -= out[i] + 1
			out[i] = -1
		}
	}
	out[flex] = max(8, total-fixed)
	return out
}

// formatCells pads or truncates each cell to its width: "  a    b".
func formatCells(cells []string, cols []column, widths []int) string {
	var b strings.Builder
	b.WriteString("  ")
	first := true
	for i := range cols {
		if widths[i] < 0 {
			continue // hidden: the terminal is too narrow for it
		}
		v := ""
		if i < len(cells) {
			v = cells[i]
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(fit(v, widths[i], cols[i].right))
	}
	return b.String()
}

// cutMiddle shortens s to w cells by replacing its middle with "…",
// keeping a little more of the end than of the start.
func cutMiddle(s string, w int) string {
	n := ansi.StringWidth(s)
	if n <= w || w < 5 {
		return s
	}
	tail := (w*11 + 19) / 20 // ≈ 55 % of the cells beside the "…"
	head := w - 1 - tail
	return ansi.Truncate(s, head, "") + "…" + ansi.TruncateLeft(s, n-tail, "")
}

// fit truncates or pads s to exactly w cells. Widths are display cells
// (a CJK character takes two), and a cut that would split a wide
// character leaves one cell short: it is padded too.
func fit(s string, w int, right bool) string {
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	pad := strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
	if right {
		return pad + s
	}
	return s + pad
}

// padRight pads s with spaces to w display cells (never cuts): fmt's
// %-Ns counts runes, and a Chinese word is twice as wide as its runes.
func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

// padLeft is padRight with the spaces first (fmt's %Ns).
func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(0, w-ansi.StringWidth(s))) + s
}
