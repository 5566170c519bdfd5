package playground

import (
	"errors"
	"fmt"
	"math"

	"github.com/descent-playground/descent/compute"
)

// LeastSquares returns the minimizer θ* = (w, b) of linear regression's
// loss on d plus the L2 penalty (l2/2)·‖w‖² (ridge regression; l2 = 0 is
// ordinary least squares), from the normal equations. The loss
// (1/N)‖Xθ − y‖² + (l2/2)‖w‖², X holding a column of ones for the bias,
// has gradient (2/N)Xᵀ(Xθ − y) + l2·Dθ with D = diag(1, …, 1, 0), so
//
//	(XᵀX + (N·l2/2)·D) θ* = Xᵀy.
//
// The system is (features+1)², solved by Gaussian elimination with
// partial pivoting; gonum's mat would do the same, but it links gonum's
// LAPACK and BLAS, 2.3 MB of the page's WebAssembly. It returns an error
// when the system is singular (all x equal).
func LeastSquares(d *compute.Dataset, l2 float64) ([]float64, error) {
	n, k := d.Len(), d.Features()+1
	a := make([][]float64, k)
	for j := range a {
		a[j] = make([]float64, k)
	}
	b := make([]float64, k)
	row := make([]float64, k)
	for i := range n {
		for j := range k - 1 {
			row[j] = d.X[j][i]
		}
		row[k-1] = 1
		for p := range k {
			for q := range k {
				a[p][q] += row[p] * row[q]
			}
			b[p] += row[p] * d.Y[i]
		}
	}
	for j := range k - 1 {
		a[j][j] += float64(n) * l2 / 2
	}
	theta, err := solveLinear(a, b)
	if err != nil {
		return nil, fmt.Errorf("least squares: %w", err)
	}
	return theta, nil
}

// solveLinear solves a·x = b for a small square a by Gaussian elimination
// with partial pivoting, overwriting a and b. It refuses a matrix whose
// pivot falls below 1e-12 of its largest entry (singular to working
// precision).
func solveLinear(a [][]float64, b []float64) ([]float64, error) {
	k := len(b)
	scale := 0.0
	for _, r := range a {
		for _, v := range r {
			scale = max(scale, math.Abs(v))
		}
	}
	for c := range k {
		p := c
		for r := c + 1; r < k; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		if !(math.Abs(a[p][c]) > 1e-12*scale) {
			return nil, errors.New("matrix singular or near-singular")
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < k; r++ {
			f := a[r][c] / a[c][c]
			for q := c; q < k; q++ {
				a[r][q] -= f * a[c][q]
			}
			b[r] -= f * b[c]
		}
	}
	x := make([]float64, k)
	for r := k - 1; r >= 0; r-- {
		s := b[r]
		for q := r + 1; q < k; q++ {
			s -= a[r][q] * x[q]
		}
		x[r] = s / a[r][r]
	}
	return x, nil
}

// leastSquares is a cached LeastSquares for the drawn scenario.
type leastSquares struct {
	data  *compute.Dataset
	l2    float64
	theta []float64
	err   error
}

// optimum returns the least-squares optimum of the world's linear
// regression with its L2 penalty, and whether it has one to show: not on a
// surface or for logistic regression (no closed form), and not under an
// L1 penalty, whose minimum the normal equations do not give.
func (c *leastSquares) optimum(w *World) ([]float64, bool) {
	if w.scenario.Base.Model != "linreg" || w.Settings.L1 != 0 {
		return nil, false
	}
	r := w.Leader()
	if r == nil {
		return nil, false
	}
	d := r.run.Data
	if d != c.data || w.Settings.L2 != c.l2 {
		c.data, c.l2 = d, w.Settings.L2
		c.theta, c.err = LeastSquares(d, c.l2)
	}
	return c.theta, c.err == nil
}
