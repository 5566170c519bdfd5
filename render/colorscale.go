package render

import (
	"math"
	"slices"
)

// ColorScale maps surface values onto [0,1] for colouring. A linear scale
// maps [Min, Max] linearly. A log scale maps
//
//	t = (log10(v - Min + ε) - log10(ε)) / (log10(Max - Min + ε) - log10(ε)),
//	ε = logFloor·(Max - Min),
//
// which spreads about three decades above the minimum over [0,1] whatever
// the sign of Min, so the basin of a loss surface keeps its detail.
type ColorScale struct {
	Min, Max float64
	Log      bool
}

// logFloor is ε/(Max-Min) for log scales: the offset that keeps the
// logarithm finite at the minimum, fixing the dynamic range at three decades.
const logFloor = 1e-3

// linearUpperPercentile is the percentile that becomes Max on a linear scale,
// so a few huge values (the corners of Rosenbrock) do not wash the rest out.
const linearUpperPercentile = 0.98

// NewColorScale returns the scale for values, ignoring NaN and ±Inf. A log
// scale spans the full range of the finite values; a linear scale spans
// their minimum to their 98th percentile (their maximum if that percentile
// equals the minimum). Without finite values the scale is [0, 1].
func NewColorScale(values []float64, log bool) ColorScale {
	finite := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			finite = append(finite, v)
		}
	}
	if len(finite) == 0 {
		return ColorScale{Min: 0, Max: 1, Log: log}
	}
	slices.Sort(finite)
	lo, hi := finite[0], finite[len(finite)-1]
	if !log {
		if p := finite[int(linearUpperPercentile*float64(len(finite)-1))]; p > lo {
			hi = p
		}
	}
	return ColorScale{Min: lo, Max: hi, Log: log}
}

// At returns v's position on the scale, clamped to [0,1]. NaN maps to 0, and
// so does every value when Max <= Min.
func (s ColorScale) At(v float64) float64 {
	span := s.Max - s.Min
	if !(span > 0) {
		return 0
	}
	if !s.Log {
		return clamp((v-s.Min)/span, 0, 1)
	}
	eps := logFloor * span
	d := v - s.Min
	if !(d > 0) {
		return 0
	}
	lo := math.Log10(eps)
	return clamp((math.Log10(d+eps)-lo)/(math.Log10(span+eps)-lo), 0, 1)
}

// Inverse returns the value whose position on the scale is t, for t in
// [0,1]; it is the inverse of At on [Min, Max].
func (s ColorScale) Inverse(t float64) float64 {
	span := s.Max - s.Min
	if !s.Log {
		return s.Min + t*span
	}
	eps := logFloor * span
	lo := math.Log10(eps)
	return s.Min + math.Pow(10, lo+t*(math.Log10(span+eps)-lo)) - eps
}

// Levels returns n values evenly spaced in the scale's space (linear or
// logarithmic) strictly inside (Min, Max), at positions i/(n+1), i = 1…n.
// It returns nil when n < 1 or Max <= Min.
func Levels(s ColorScale, n int) []float64 {
	if n < 1 || !(s.Max > s.Min) {
		return nil
	}
	levels := make([]float64, n)
	for i := range levels {
		levels[i] = s.Inverse(float64(i+1) / float64(n+1))
	}
	return levels
}
