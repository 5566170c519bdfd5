package render

import (
	"math"
	"slices"
	"testing"
)

// TestNiceTicks checks the 1-2-5 steps against hand-worked cases: the
// smallest nice step giving at most maxTicks ticks inside [lo, hi].
func TestNiceTicks(t *testing.T) {
	cases := []struct {
		lo, hi float64
		max    int
		want   []float64
	}{
		{0, 1, 6, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{0, 1, 5, []float64{0, 0.5, 1}},
		{-2, 2, 5, []float64{-2, -1, 0, 1, 2}},
		{0, 100, 6, []float64{0, 20, 40, 60, 80, 100}},
		{0.13, 0.87, 4, []float64{0.2, 0.4, 0.6, 0.8}},
		{-3.7, 12.2, 4, []float64{0, 5, 10}},
		{1, 0, 3, []float64{0, 0.5, 1}}, // swapped bounds
		{0.1, 0.4, 4, []float64{0.1, 0.2, 0.3, 0.4}},
		{5, 5, 4, []float64{5}},
		{1e-4, 5e-4, 5, []float64{1e-4, 2e-4, 3e-4, 4e-4, 5e-4}},
		{0, math.Inf(1), 5, nil},
	}
	for _, c := range cases {
		if got := NiceTicks(c.lo, c.hi, c.max); !slices.Equal(got, c.want) {
			t.Errorf("NiceTicks(%v, %v, %d) = %v, want %v", c.lo, c.hi, c.max, got, c.want)
		}
	}
}

// TestFormatTick checks that tick labels carry just the step's decimals.
func TestFormatTick(t *testing.T) {
	cases := []struct {
		v, step float64
		want    string
	}{
		{0.30000000000000004, 0.1, "0.3"}, {2, 0.5, "2.0"}, {-1.5, 0.5, "-1.5"},
		{40, 20, "40"}, {0, 0.25, "0"}, {1e6, 2e5, "1e+06"},
	}
	for _, c := range cases {
		if got := formatTick(c.v, c.step); got != c.want {
			t.Errorf("formatTick(%v, %v) = %q, want %q", c.v, c.step, got, c.want)
		}
	}
}
