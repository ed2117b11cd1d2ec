// Package spark draws a series of numbers as a one-line sparkline of block
// characters (▁▂▃▄▅▆▇█): a week of spot prices in a dozen cells. It is a
// pure function, so the wizard and the commands draw the same line.
package spark

import (
	"math"
	"strings"
)

// bars are the eight heights, lowest first.
var bars = []rune("▁▂▃▄▅▆▇█")

// Line draws values in width cells (width ≤ 0 or ≥ len(values): one cell
// per value). With fewer cells than values, each cell is the mean of its
// share of the values, so a spike is not lost to sampling but flattened in
// proportion. The lowest value is ▁ and the highest █; a flat series is a
// row of ▄. NaN and infinite values are skipped; no usable values draw "".
func Line(values []float64, width int) string {
	vs := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		return ""
	}
	cells := resample(vs, width)
	lo, hi := cells[0], cells[0]
	for _, v := range cells {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	var b strings.Builder
	for _, v := range cells {
		b.WriteRune(bar(v, lo, hi))
	}
	return b.String()
}

// bar is the block for v between lo and hi.
func bar(v, lo, hi float64) rune {
	if hi-lo < 1e-12 {
		return bars[len(bars)/2-1]
	}
	i := int(math.Round((v - lo) / (hi - lo) * float64(len(bars)-1)))
	return bars[max(0, min(len(bars)-1, i))]
}

// resample averages vs into width cells.
func resample(vs []float64, width int) []float64 {
	if width <= 0 || width >= len(vs) {
		return vs
	}
	out := make([]float64, width)
	for i := range out {
		from, to := i*len(vs)/width, (i+1)*len(vs)/width
		var sum float64
		for _, v := range vs[from:to] {
			sum += v
		}
		out[i] = sum / float64(to-from)
	}
	return out
}
