package render

import (
	"math"
	"strconv"
)

// NiceTicks returns tick values within [lo, hi] spaced by the smallest
// "nice" step (1, 2 or 5 times a power of ten) that gives at most maxTicks
// ticks (at least 2 are allowed). The values are exact decimal multiples of
// the step, so 0.3 prints as 0.3. It returns [lo] when lo == hi, [lo, hi]
// when the span is below 1e-12 of the bounds, and nil when either bound is
// not finite.
func NiceTicks(lo, hi float64, maxTicks int) []float64 {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return nil
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		return []float64{lo}
	}
	maxTicks = max(maxTicks, 2)
	if math.Max(math.Abs(lo), math.Abs(hi)) > 1e12*(hi-lo) {
		return []float64{lo, hi} // too narrow a span to count steps in
	}
	exp := int(math.Floor(math.Log10((hi - lo) / float64(maxTicks))))
	for {
		for _, m := range [...]int{1, 2, 5} {
			step := float64(m) * math.Pow10(exp)
			kLo := int(math.Ceil(lo/step - 1e-9))
			kHi := int(math.Floor(hi/step + 1e-9))
			if kHi-kLo+1 > maxTicks {
				continue
			}
			ticks := make([]float64, 0, kHi-kLo+1)
			for k := kLo; k <= kHi; k++ {
				ticks = append(ticks, decimal(k*m, exp))
			}
			return ticks
		}
		exp++
	}
}

// decimal returns n·10^exp, rounded once, so that negative exponents give
// the float nearest the decimal (3·10⁻¹ is 0.3, not 0.30000000000000004).
func decimal(n, exp int) float64 {
	if exp < 0 {
		return float64(n) / math.Pow10(-exp)
	}
	return float64(n) * math.Pow10(exp)
}

// tickStep returns the spacing of ticks, or the span when there is at most
// one tick.
func tickStep(ticks []float64, span float64) float64 {
	if len(ticks) < 2 {
		return span
	}
	return ticks[1] - ticks[0]
}

// formatTick formats a tick value with just enough decimals for ticks spaced
// by step.
func formatTick(v, step float64) string {
	if v == 0 {
		return "0"
	}
	if a := math.Abs(v); a >= 1e5 || a < 1e-4 || math.Abs(step) < 1e-4 {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	decimals := max(0, -int(math.Floor(math.Log10(math.Abs(step))+1e-9)))
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

// formatValue formats a value for a label with about three significant
// digits: 0.0123, 4.56, 789, 1234, 1.2e+06.
func formatValue(v float64) string {
	switch a := math.Abs(v); {
	case a != 0 && (a >= 1e5 || a < 1e-3):
		return strconv.FormatFloat(v, 'e', 1, 64)
	case a >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// formatDecade formats 10^k: plainly from 0.001 to 10000, else as 1e±k.
func formatDecade(k int) string {
	if k >= -3 && k <= 4 {
		return strconv.FormatFloat(math.Pow10(k), 'f', max(0, -k), 64)
	}
	return "1e" + strconv.Itoa(k)
}
