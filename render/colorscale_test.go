package render

import (
	"math"
	"testing"
)

// TestColorScaleLinear checks the linear scale against its closed form
// (v - Min)/(Max - Min), clamped.
func TestColorScaleLinear(t *testing.T) {
	s := ColorScale{Min: 2, Max: 6}
	for _, c := range []struct{ v, want float64 }{
		{2, 0}, {6, 1}, {4, 0.5}, {3, 0.25}, {-10, 0}, {100, 1}, {math.NaN(), 0}, {math.Inf(1), 1},
	} {
		if got := s.At(c.v); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("At(%v) = %v, want %v", c.v, got, c.want)
		}
	}
}

// TestColorScaleLog checks the log scale against its closed form
// (log10(v-Min+ε) - log10 ε)/(log10(Max-Min+ε) - log10 ε), ε = 1e-3(Max-Min),
// including a negative Min.
func TestColorScaleLog(t *testing.T) {
	for _, s := range []ColorScale{{Min: 0, Max: 100, Log: true}, {Min: -5, Max: 995, Log: true}} {
		eps := 1e-3 * (s.Max - s.Min)
		ref := func(v float64) float64 {
			return (math.Log10(v-s.Min+eps) - math.Log10(eps)) / (math.Log10(s.Max-s.Min+eps) - math.Log10(eps))
		}
		for _, v := range []float64{s.Min, s.Min + 0.01, s.Min + 1, s.Min + 10, s.Max} {
			if got, want := s.At(v), ref(v); math.Abs(got-want) > 1e-12 {
				t.Errorf("%+v: At(%v) = %v, want %v", s, v, got, want)
			}
		}
		if s.At(s.Min) != 0 || math.Abs(s.At(s.Max)-1) > 1e-12 || s.At(s.Min-1) != 0 || s.At(s.Max*10) != 1 {
			t.Errorf("%+v: ends or clamping wrong", s)
		}
		// A decade above the floor is about a third of the way up.
		if got := s.At(s.Min + 10*eps); math.Abs(got-math.Log10(11)/math.Log10(1001)) > 1e-12 {
			t.Errorf("%+v: At(Min+10ε) = %v", s, got)
		}
		for _, x := range []float64{0, 0.2, 0.5, 0.9, 1} {
			if got := s.At(s.Inverse(x)); math.Abs(got-x) > 1e-9 {
				t.Errorf("%+v: At(Inverse(%v)) = %v", s, x, got)
			}
		}
	}
}

// TestNewColorScale checks that NaN and Inf are ignored, the log scale
// spans the full range and the linear one stops at the 98th percentile.
func TestNewColorScale(t *testing.T) {
	values := make([]float64, 0, 103)
	for i := range 100 {
		values = append(values, float64(i))
	}
	values = append(values, math.NaN(), math.Inf(1), 1e6)
	lin := NewColorScale(values, false)
	if lin.Min != 0 || lin.Max != 98 || lin.Log {
		t.Errorf("linear scale = %+v, want [0, 98] (98th percentile of 0…99, 1e6)", lin)
	}
	log := NewColorScale(values, true)
	if log.Min != 0 || log.Max != 1e6 || !log.Log {
		t.Errorf("log scale = %+v, want [0, 1e6]", log)
	}
	if s := NewColorScale([]float64{math.NaN()}, false); s.Min != 0 || s.Max != 1 {
		t.Errorf("scale of no finite values = %+v, want [0, 1]", s)
	}
	if s := NewColorScale([]float64{3, 3, 3}, false); s.At(3) != 0 {
		t.Errorf("constant field: At = %v, want 0", s.At(3))
	}
}

// TestLevels checks that levels are evenly spaced in the scale's space and
// strictly inside (Min, Max).
func TestLevels(t *testing.T) {
	for _, s := range []ColorScale{{Min: 0, Max: 10}, {Min: 1, Max: 1001, Log: true}} {
		levels := Levels(s, 4)
		if len(levels) != 4 {
			t.Fatalf("%+v: %d levels, want 4", s, len(levels))
		}
		for i, l := range levels {
			if !(l > s.Min && l < s.Max) {
				t.Errorf("%+v: level %v outside (Min, Max)", s, l)
			}
			if got, want := s.At(l), float64(i+1)/5; math.Abs(got-want) > 1e-9 {
				t.Errorf("%+v: level %d at %v on the scale, want %v", s, i, got, want)
			}
		}
	}
	if Levels(ColorScale{Min: 1, Max: 1}, 5) != nil || Levels(ColorScale{Max: 1}, 0) != nil {
		t.Error("Levels of an empty scale or n = 0 should be nil")
	}
}
