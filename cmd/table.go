package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/ecslaunch/ecslaunch/safetext"
)

// writeTable prints a slice of structs as tab-separated columns named by the
// structs' fields (the API's own names), for tabwriter to align.
func writeTable(w io.Writer, v any) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice {
		fmt.Fprintf(w, "%v\n", v)
		return
	}
	t := rv.Type().Elem()
	cols := columns(t)
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = t.Field(c).Name
	}
	fmt.Fprintln(w, strings.Join(names, "\t"))
	for i := 0; i < rv.Len(); i++ {
		cells := make([]string, len(cols))
		for j, c := range cols {
			cells[j] = cell(rv.Index(i).Field(c))
		}
		fmt.Fprintln(w, strings.Join(cells, "\t"))
	}
	if rv.Len() == 0 {
		fmt.Fprintln(w, "(none)")
	}
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
