package spark

import (
	"math"
	"testing"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	cases := []struct {
		name   string
		values []float64
		width  int
		want   string
	}{
		{"rising", []float64{1, 2, 3, 4, 5, 6, 7, 8}, 0, "▁▂▃▄▅▆▇█"},
		{"falling and back", []float64{8, 1, 8}, 0, "█▁█"},
		{"flat", []float64{0.3, 0.3, 0.3}, 0, "▄▄▄"},
		{"one value", []float64{0.56}, 10, "▄"},
		{"empty", nil, 5, ""},
		{"no usable values", []float64{math.NaN(), math.Inf(1)}, 5, ""},
		{"NaN skipped", []float64{1, math.NaN(), 8}, 0, "▁█"},
		{"averaged into cells", []float64{1, 1, 1, 1, 8, 8, 8, 8}, 2, "▁█"},
		{"wider than the series", []float64{1, 8}, 40, "▁█"},
		{"negative values", []float64{-2, 0, 2}, 0, "▁▅█"},
	}
	for _, c := range cases {
		if got := Line(c.values, c.width); got != c.want {
			t.Errorf("%s: Line(%v, %d) = %q, want %q", c.name, c.values, c.width, got, c.want)
		}
	}
}

// TestLineWidth: a week of hourly prices fits the cells asked, and a
// spike still shows as the highest cell.
func TestLineWidth(t *testing.T) {
	week := make([]float64, 169)
	for i := range week {
		week[i] = 0.1 + 0.01*math.Sin(float64(i)/10)
	}
	week[100] = 0.5
	got := Line(week, 24)
	if n := utf8.RuneCountInString(got); n != 24 {
		t.Fatalf("%d cells, want 24: %q", n, got)
	}
	if r := []rune(got)[100*24/169]; r != '█' {
		t.Errorf("the spike's cell is %q in %q", r, got)
	}
}
