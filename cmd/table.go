package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/safetext"
)

// writeTable prints a slice of structs as columns named by the structs'
// fields (the API's own names), aligned by display width.
func writeTable(w io.Writer, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice {
		_, err := fmt.Fprintf(w, "%v\n", v)
		return err
	}
	t := rv.Type().Elem()
	cols := columns(t)
	var tb table
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = t.Field(c).Name
	}
	tb.row(names...)
	for i := 0; i < rv.Len(); i++ {
		cells := make([]string, len(cols))
		for j, c := range cols {
			cells[j] = cell(rv.Index(i).Field(c))
		}
		tb.row(cells...)
	}
	if err := tb.write(w); err != nil {
		return err
	}
	if rv.Len() == 0 {
		_, err := fmt.Fprintln(w, i18n.Text("(none)"))
		return err
	}
	return nil
}

// table lays rows of cells out in columns, each as wide as its widest
// cell plus two spaces, the last cell of a row left as it is: what
// text/tabwriter does, but measuring display width, so a column holding
// Chinese (a CJK character is two cells on a terminal) stays aligned.
type table struct {
	rows [][]string
}

// row adds a row.
func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

// write prints the rows, aligned.
func (t *table) write(w io.Writer) error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r[:max(len(r)-1, 0)] {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(padRight(c, widths[i]+2))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fixedRow prints cells in columns of fixed display widths, one space
// apart (the last cell as it is): a history table's row, aligned however
// wide its Chinese headings are.
func fixedRow(w io.Writer, widths []int, cells ...string) {
	var b strings.Builder
	for i, c := range cells {
		if i < len(widths) && i < len(cells)-1 {
			b.WriteString(padRight(c, widths[i]) + " ")
			continue
		}
		b.WriteString(c)
	}
	fmt.Fprintln(w, b.String())
}

// padRight pads s with spaces to width display cells; a longer s is kept
// whole.
func padRight(s string, width int) string {
	if n := ansi.StringWidth(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// columns keeps the exported fields of t.
func columns(t reflect.Type) []int {
	var out []int
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).IsExported() {
			out = append(out, i)
		}
	}
	return out
}

func cell(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = fmt.Sprint(v.Index(i).Interface())
		}
		return strings.Join(parts, ",")
	case reflect.Float64:
		if v.Float() == 0 {
			return "-"
		}
		return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", v.Float()), "0"), ".")
	}
	s := fmt.Sprint(v.Interface())
	if s == "" {
		return "-"
	}
	// Names come from the account and the cache: an escape sequence or a
	// direction mark in one is shown, not obeyed (issue 17 item 18).
	return safetext.Escape(s)
}

// writeJSON prints v as indented JSON, with the invisible and direction
// characters encoding/json leaves raw written as \u escapes: the same JSON
// value, safe on a terminal (safetext.EscapeJSON).
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, safetext.EscapeJSON(buf.String()))
	return err
}
