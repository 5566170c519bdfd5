package playground

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

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
// It returns an error when the system is singular (all x equal).
func LeastSquares(d *compute.Dataset, l2 float64) ([]float64, error) {
	n, k := d.Len(), d.Features()+1
	x := mat.NewDense(n, k, nil)
	for i := range n {
		for j := range k - 1 {
			x.Set(i, j, d.X[j][i])
		}
		x.Set(i, k-1, 1)
	}
	y := mat.NewVecDense(n, append([]float64(nil), d.Y...))
	var a mat.Dense
	a.Mul(x.T(), x)
	for j := range k - 1 {
		a.Set(j, j, a.At(j, j)+float64(n)*l2/2)
	}
	var b, theta mat.VecDense
	b.MulVec(x.T(), y)
	if err := theta.SolveVec(&a, &b); err != nil {
		return nil, fmt.Errorf("least squares: %w", err)
	}
	return theta.RawVector().Data, nil
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
