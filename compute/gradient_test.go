package compute

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

// centralDiff is the reference gradient: gonum's central finite
// difference, (f(x+h) - f(x-h)) / 2h per coordinate.
func centralDiff(f func([]float64) float64, x []float64) []float64 {
	return fd.Gradient(nil, f, x, &fd.Settings{Formula: fd.Central, Step: 1e-6})
}

func assertGradMatches(t *testing.T, name string, obj Objective, x []float64) {
	t.Helper()
	got := make([]float64, len(x))
	obj.Grad(got, x)
	want := centralDiff(obj.Func, x)
	scale := 1.0
	for _, w := range want {
		scale = max(scale, math.Abs(w))
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > 1e-6*scale {
			t.Errorf("%s at %v: grad[%d] = %.10g, finite difference %.10g", name, x, i, got[i], want[i])
		}
	}
}

// TestSurfaceGradients checks every surface's exact gradient against
// central finite differences at points across its domain.
func TestSurfaceGradients(t *testing.T) {
	for _, s := range Surfaces() {
		d := s.Domain
		for _, fx := range []float64{0.13, 0.41, 0.77} {
			for _, fy := range []float64{0.21, 0.58, 0.93} {
				x := []float64{d[0] + fx*(d[1]-d[0]), d[2] + fy*(d[3]-d[2])}
				assertGradMatches(t, s.Name, s, x)
			}
		}
	}
}

// TestSurfaceMinima checks that every recorded minimum has the recorded
// value and a zero gradient.
func TestSurfaceMinima(t *testing.T) {
	for _, s := range Surfaces() {
		for _, m := range s.Minima {
			x := []float64{m.X, m.Y}
			if f := s.Func(x); math.Abs(f-m.F) > 1e-12 {
				t.Errorf("%s: f%v = %g, recorded %g", s.Name, x, f, m.F)
			}
			g := make([]float64, 2)
			s.Grad(g, x)
			if math.Hypot(g[0], g[1]) > 1e-9 {
				t.Errorf("%s: gradient at minimum %v is %v", s.Name, x, g)
			}
		}
	}
}

// TestDataModelGradients checks linear and logistic regression against
// finite differences for one, two and three features.
func TestDataModelGradients(t *testing.T) {
	for _, features := range []int{1, 2, 3} {
		lin, err := LinearData(LinearSpec{N: 57, Features: features, Slope: 0.7, Intercept: -2, Noise: 0.5, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		x := make([]float64, features+1)
		for i := range x {
			x[i] = 0.3*float64(i) - 0.4
		}
		assertGradMatches(t, fmt.Sprintf("linreg/%d", features), NewLinearRegression(lin), x)
		blobs, _ := BlobsData(BlobsSpec{N: 57, Separation: 2, Spread: 1, Seed: 3})
		if features < 3 {
			blobs.X = blobs.X[:features]
		} else {
			blobs.X = append(blobs.X, lin.X[0])
		}
		assertGradMatches(t, fmt.Sprintf("logreg/%d", features), NewLogisticRegression(blobs), x)
	}
}

// TestRangeAndReorderedFormsAgree checks that split ranges, a reversed copy
// of the data and the whole-data loss give the same sums.
func TestRangeAndReorderedFormsAgree(t *testing.T) {
	lin, _ := LinearData(LinearSpec{N: 101, Features: 2, Slope: 1, Intercept: 1, Noise: 1, Seed: 9})
	blobs, _ := BlobsData(BlobsSpec{N: 101, Separation: 2, Spread: 1, Seed: 9})
	for _, m := range []DataModel{NewLinearRegression(lin), NewLogisticRegression(blobs), NewLinearRegression(ClassicData())} {
		x := make([]float64, m.Dim())
		for i := range x {
			x[i] = 0.1 * float64(i+1)
		}
		n := m.Len()
		reversed := make([]int32, n)
		for i := range reversed {
			reversed[i] = int32(n - 1 - i)
		}
		g1, g2 := make([]float64, len(x)), make([]float64, len(x))
		part := make([]float64, len(x))
		l1 := m.GradRange(part, x, 0, n/3, true) + m.GradRange(g1, x, n/3, n, true)
		for i := range g1 {
			g1[i] += part[i]
		}
		l2 := m.WithData(m.Dataset().Reordered(reversed, nil)).GradRange(g2, x, 0, n, true)
		l3 := m.LossRange(x, 0, n)
		if !near(l1, l2, 1e-12) || !near(l1, l3, 1e-12) {
			t.Errorf("%T: loss sums %g, %g, %g differ", m, l1, l2, l3)
		}
		for i := range g1 {
			if !near(g1[i], g2[i], 1e-12) {
				t.Errorf("%T: grad[%d] %g vs %g", m, i, g1[i], g2[i])
			}
		}
	}
}

// near reports whether a and b agree to rel relative to their size (or 1).
func near(a, b, rel float64) bool {
	return math.Abs(a-b) <= rel*max(1, math.Abs(a), math.Abs(b))
}
