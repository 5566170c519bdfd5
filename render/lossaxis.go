package render

import "math"

// maxLossDecades is the most decades a logarithmic loss axis spans below
// its top: a run that converges to 1e-300 would otherwise stretch the axis
// over hundreds of decades and flatten every other curve.
const maxLossDecades = 12

// linearPad is the share of the value range added above and below a
// linear loss axis.
const linearPad = 0.05

// logFallbackNote says why a chart asked for a log scale shows a linear one.
const logFallbackNote = "linear (a loss ≤ 0 has no log)"

// LossAxis is the y axis a loss chart shows: its range in loss units,
// whether it is logarithmic, and a note when that is not the scale asked
// for.
type LossAxis struct {
	Min, Max float64
	Log      bool
	// Note says why the scale differs from the one asked for ("" when it
	// does not).
	Note string
	// LastStep is the greatest step of any series, the x axis' end.
	LastStep int
	// Empty says that no series has a finite value to show.
	Empty bool
}

// NewLossAxis chooses the y axis for series from the values that count
// (see Series.Counted): the finite ones, so that a diverged run's blow-up
// is drawn (clipped) but does not stretch the axis. A log axis (asked for
// with log) spans the counted positive values, at most maxLossDecades
// below the greatest, and is widened to whole decades; when a counted value
// is ≤ 0 the axis is linear instead, with a note saying why. A linear
// axis spans the counted values with 5% to spare on each side.
func NewLossAxis(series []Series, log bool) LossAxis {
	a := LossAxis{Log: log, Empty: true}
	lo, hi, minPos := math.Inf(1), math.Inf(-1), math.Inf(1)
	for _, s := range series {
		if n := len(s.Values); n > 0 {
			a.LastStep = max(a.LastStep, s.step(n-1))
		}
		for _, v := range s.Values[:s.Counted()] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			a.Empty = false
			lo, hi = min(lo, v), max(hi, v)
			if v > 0 {
				minPos = min(minPos, v)
			}
		}
	}
	if a.Empty {
		a.Min, a.Max = 1, 10
		return a
	}
	if log && lo <= 0 {
		a.Log, a.Note = false, logFallbackNote
	}
	if a.Log {
		dLo, dHi := math.Floor(math.Log10(minPos)), math.Ceil(math.Log10(hi))
		dLo = max(dLo, dHi-maxLossDecades) // the interesting part
		if dHi <= dLo {
			dHi = dLo + 1
		}
		a.Min, a.Max = math.Pow(10, dLo), math.Pow(10, dHi)
		return a
	}
	span := hi - lo
	if span == 0 {
		span = max(math.Abs(hi), 1)
	}
	a.Min, a.Max = lo-linearPad*span, hi+linearPad*span
	return a
}

// y returns the axis coordinate of loss v: log10 v on a log axis, v on a
// linear one (NaN for a value a log axis cannot show).
func (a LossAxis) y(v float64) float64 {
	if !a.Log {
		return v
	}
	if !(v > 0) {
		return math.NaN()
	}
	return math.Log10(v)
}

// yRange returns the axis' range in axis coordinates.
func (a LossAxis) yRange() (lo, hi float64) { return a.y(a.Min), a.y(a.Max) }
