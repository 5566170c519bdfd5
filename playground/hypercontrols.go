package playground

import (
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/descent-playground/descent/compute"
)

// controlKind is the kind of panel widget a hyperparameter gets.
type controlKind int

// The kinds of hyperparameter control.
const (
	// checkControl is a checkbox, for a switch.
	checkControl controlKind = iota
	// sliderControl is a slider over [Lo, Hi] in steps of Step.
	sliderControl
	// logSliderControl is a slider over log₁₀ of the value, from Lo to
	// Hi, in steps of Step decades.
	logSliderControl
	// numberControl is a number field with buttons that step by Step,
	// for a value without an upper bound.
	numberControl
)

// logSpan is how many decades on each side of its default a log slider
// reaches when the hyperparameter has no bound there.
const logSpan = 4

// hyperControl is the panel control of one hyperparameter, derived from
// its registry description alone: a checkbox for a switch, else a number
// field (where a value is typed) with a slider or, for a number kind,
// −/+ buttons that move it by Step.
type hyperControl struct {
	Hyper compute.Hyper
	Kind  controlKind
	// Label is the Symbol with the key, or one of them where both are
	// too long for the panel.
	Label string
	// Lo and Hi bound a slider (in decades for a log slider); Step is a
	// slider's or number field's step and Digits the decimals it shows.
	Lo, Hi, Step float64
	Digits       int
}

// hyperControls returns the panel controls of an optimizer: one per
// hyperparameter, in the spec's order. The panel draws exactly these.
func hyperControls(spec *compute.OptimizerSpec) []hyperControl {
	controls := make([]hyperControl, 0, len(spec.Hypers))
	for _, h := range spec.Hypers {
		controls = append(controls, newHyperControl(h))
	}
	return controls
}

// newHyperControl picks h's control: a checkbox for a switch; a log slider
// where h moves on a log scale (reaching logSpan decades past its default
// where it is unbounded); a slider over [Min, Max] when both are finite,
// with a step fine enough to reach a default near an open bound; and a
// number field for an unbounded linear range.
func newHyperControl(h compute.Hyper) hyperControl {
	c := hyperControl{Hyper: h, Label: hyperLabel(h)}
	switch {
	case h.Bool:
		c.Kind = checkControl
	case h.Log && h.Default > 0:
		c.Kind, c.Step, c.Digits = logSliderControl, 0.01, 2
		c.Lo, c.Hi = math.Log10(h.Default)-logSpan, math.Log10(h.Default)+logSpan
		if h.Min > 0 {
			c.Lo = max(c.Lo, math.Log10(h.Min))
		}
		if !math.IsInf(h.Max, 1) {
			c.Hi = min(c.Hi, math.Log10(h.Max))
		}
		if h.MinOpen && h.Min > 0 && c.Lo == math.Log10(h.Min) {
			c.Lo += c.Step
		}
		if h.MaxOpen && c.Hi == math.Log10(h.Max) {
			c.Hi -= c.Step
		}
	case !math.IsInf(h.Max, 1):
		c.Kind, c.Step = sliderControl, (h.Max-h.Min)/1000
		for _, gap := range []float64{h.Default - h.Min, h.Max - h.Default} {
			if gap > 0 && gap < 10*c.Step {
				c.Step = decade(gap / 10)
			}
		}
		c.Lo, c.Hi = h.Min, h.Max
		if h.MinOpen {
			c.Lo += c.Step
		}
		if h.MaxOpen {
			c.Hi -= c.Step
		}
		c.Digits = digitsFor(c.Step)
	default:
		c.Kind, c.Step = numberControl, 0.01
		if h.Default != 0 {
			c.Step = decade(math.Abs(h.Default)) / 10
		}
		c.Digits = max(2, digitsFor(c.Step))
	}
	return c
}

// maxLabel is the most characters a label may have and still fit its
// column of the panel on one line.
const maxLabel = 19

// hyperLabel names h in the panel: its symbol and key, or when that is too
// long the key, or the symbol.
func hyperLabel(h compute.Hyper) string {
	for _, l := range []string{h.Symbol + " " + h.Key, h.Key, h.Symbol} {
		if h.Symbol == "" || h.Symbol == h.Key {
			l = h.Key
		}
		if l != "" && utf8.RuneCountInString(l) <= maxLabel {
			return l
		}
	}
	return h.Key
}

// decade returns the power of ten at or below v > 0.
func decade(v float64) float64 { return math.Pow(10, math.Floor(math.Log10(v)+1e-9)) }

// digitsFor returns the decimals needed to show multiples of step.
func digitsFor(step float64) int { return max(0, int(math.Ceil(-math.Log10(step)-1e-9))) }

// span returns the slider's range widened to hold v, so that a value set
// elsewhere (a map cell, a config) is shown, not clamped.
func (c hyperControl) span(v float64) (lo, hi float64) {
	if c.Kind == logSliderControl {
		v = math.Log10(v)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return c.Lo, c.Hi
	}
	return min(c.Lo, v), max(c.Hi, v)
}

// clamp returns the allowed value nearest to v: inside [Min, Max], a
// step inside an open bound, 0 or 1 for a switch, and the default for a
// value that is not finite.
func (c hyperControl) clamp(v float64) float64 {
	h := c.Hyper
	if h.Bool {
		if v != 0 {
			return 1
		}
		return 0
	}
	step := c.Step
	if c.Kind == logSliderControl {
		step = 0
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return h.Default
	}
	if v < h.Min || (h.MinOpen && v <= h.Min) {
		v = h.Min
		if h.MinOpen {
			v = inside(h.Min, step, 1)
		}
	}
	if v > h.Max || (h.MaxOpen && v >= h.Max) {
		v = h.Max
		if h.MaxOpen {
			v = inside(h.Max, step, -1)
		}
	}
	return v
}

// inside returns a value just inside an open bound: one step, or a
// relative hair when there is no step.
func inside(bound, step float64, dir float64) float64 {
	if step > 0 {
		return bound + dir*step
	}
	if bound == 0 {
		return dir * 1e-12
	}
	return bound * (1 + dir*1e-6*math.Copysign(1, bound))
}

// formatHyper writes a hyperparameter's value for labels and captions.
func formatHyper(h compute.Hyper, v float64) string {
	if h.Bool {
		if v != 0 {
			return "on"
		}
		return "off"
	}
	return fmt.Sprintf("%.3g", v)
}
