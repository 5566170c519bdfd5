package tune

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
)

// digits is how many significant digits a generated value keeps, so that
// it prints short and a printed value reproduces the trial exactly.
const digits = 6

// round keeps digits significant digits of v (or rounds a whole-number
// field's value to a whole number).
func (p Param) round(v float64) float64 {
	if p.Int || p.Bool {
		return math.Round(v)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', digits, 64), 64)
	return r
}

// at returns the value a fraction u ∈ [0, 1] of the way along a range, on
// its scale.
func (p Param) at(u float64) float64 {
	if p.Log {
		return p.round(p.Min * math.Pow(p.Max/p.Min, u))
	}
	return p.round(p.Min + u*(p.Max-p.Min))
}

// Points returns the grid's values of p: its list, or n points spaced
// evenly on its scale from Min to Max inclusive (one point, Min, when n is
// 1). A whole-number field's repeated points are dropped.
func (p Param) Points(n int) []float64 {
	if len(p.Values) > 0 {
		return slices.Clone(p.Values)
	}
	var pts []float64
	for i := range n {
		u := 0.0
		if n > 1 {
			u = float64(i) / float64(n-1)
		}
		v := p.at(u)
		if len(pts) == 0 || pts[len(pts)-1] != v {
			pts = append(pts, v)
		}
	}
	return pts
}

// Sample draws one value of p: uniformly from its list, or uniformly on its
// scale over its range.
func (p Param) Sample(r *rand.Rand) float64 {
	if len(p.Values) > 0 {
		return p.Values[r.IntN(len(p.Values))]
	}
	if p.Int && !p.Log {
		return p.Min + float64(r.Int64N(int64(p.Max-p.Min)+1))
	}
	return p.at(r.Float64())
}

// grid returns every combination of the space's points, the first
// parameter varying slowest.
func (s Space) grid(n int) [][]float64 {
	combos := [][]float64{{}}
	for _, p := range s {
		pts := p.Points(n)
		next := make([][]float64, 0, len(combos)*len(pts))
		for _, c := range combos {
			for _, v := range pts {
				next = append(next, append(slices.Clone(c), v))
			}
		}
		combos = next
	}
	return combos
}

// gridSize returns how many combinations grid(n) has, or MaxTrials+1 when
// it has more, without planning them.
func (s Space) gridSize(n int) int {
	size := 1
	for _, p := range s {
		k := len(p.Values)
		if k == 0 {
			k = min(n, MaxTrials+1)
			if k <= MaxTrials {
				k = len(p.Points(k))
			}
		}
		if size > (MaxTrials+1)/max(k, 1) {
			return MaxTrials + 1
		}
		size *= k
	}
	return size
}

// sample returns n random points of the space from a generator seeded
// with seed: the same seed gives the same points everywhere.
func (s Space) sample(n int, seed uint64) [][]float64 {
	r := rand.New(rand.NewPCG(seed, 0x7475_6e65)) // "tune"
	pts := make([][]float64, n)
	for i := range pts {
		pts[i] = make([]float64, len(s))
		for j, p := range s {
			pts[i][j] = p.Sample(r)
		}
	}
	return pts
}
