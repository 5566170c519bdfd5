package playground

import (
	"math"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// TestLeastSquaresSeveralFeatures solves a three-feature ridge problem and
// checks the reference: the penalized loss's gradient is zero at the
// optimum (compute's own gradient plus the penalty's).
func TestLeastSquaresSeveralFeatures(t *testing.T) {
	x := [][]float64{{1, 2, 3, 4, 5, 6, 7}, {0.5, -1, 2, 0, 3, 1, -2}, {9, 7, 8, 6, 5, 7, 4}}
	y := []float64{3, 1, 6, 4, 9, 8, 2}
	d, err := compute.NewDataset(x, y)
	if err != nil {
		t.Fatal(err)
	}
	for _, l2 := range []float64{0, 0.3} {
		theta, err := LeastSquares(d, l2)
		if err != nil {
			t.Fatal(err)
		}
		m := compute.NewLinearRegression(d)
		grad := make([]float64, len(theta))
		m.Grad(grad, theta)
		compute.Penalty{L2: l2, Mask: m.Layout().PenaltyMask()}.AddGrad(grad, theta)
		for i, g := range grad {
			if math.Abs(g) > 1e-10 {
				t.Errorf("l2 %g: the optimum %v has gradient %v (component %d)", l2, theta, grad, i)
				break
			}
		}
	}
}

// TestLeastSquaresSingular refuses data whose x are all equal (the slope
// is not determined).
func TestLeastSquaresSingular(t *testing.T) {
	d, err := compute.NewDataset([][]float64{{2, 2, 2, 2}}, []float64{1, 2, 3, 4})
	if err != nil {
		t.Fatal(err)
	}
	if theta, err := LeastSquares(d, 0); err == nil {
		t.Errorf("all x equal: got %v, want an error", theta)
	}
}
