package compute

import "gonum.org/v1/gonum/floats"

// Objective is a differentiable function of a parameter vector, in the shape
// of gonum's optimize/functions: Func evaluates it and Grad writes its
// gradient into grad.
type Objective interface {
	// Dim is the number of parameters.
	Dim() int
	// Layout names the parameters in blocks and says which blocks a
	// penalty applies to.
	Layout() Layout
	// Func returns the value at x.
	Func(x []float64) float64
	// Grad writes the gradient at x into grad. It panics when the lengths
	// differ from Dim.
	Grad(grad, x []float64)
	// FuncGrad writes the gradient at x into grad and returns the value
	// there, in one pass where the two share work.
	FuncGrad(grad, x []float64) float64
}

// DataModel is an Objective that is the mean of per-sample losses over a
// data set. Its range forms return sums, not means, so that a caller can
// split the data into parts, add the parts and divide once. They add the
// samples in order and round every product before adding it
// (float64(x*y) + z), so that a sum has the same bits on every processor.
type DataModel interface {
	Objective
	// Len is the number of samples.
	Len() int
	// GradRange writes the sum over samples lo ≤ i < hi of the per-sample
	// gradient into grad. When withLoss is true it also returns the sum of the
	// per-sample losses; otherwise it returns 0 and may skip that work.
	GradRange(grad, x []float64, lo, hi int, withLoss bool) float64
	// LossRange returns the sum of the per-sample losses for lo ≤ i < hi.
	LossRange(x []float64, lo, hi int) float64
	// Dataset returns the data the model is over.
	Dataset() *Dataset
	// WithData returns the same model over another data set of the same
	// shape (a shuffled epoch's reordered copy, say).
	WithData(d *Dataset) DataModel
}

func checkDims(grad, x []float64, dim int) {
	if len(x) != dim || len(grad) != dim {
		panic("compute: parameter or gradient length does not match the model's dimension")
	}
}

// meanGrad writes the mean gradient of m over all its samples into grad
// and, when withLoss, returns the mean loss, in one pass.
func meanGrad(m DataModel, grad, x []float64, withLoss bool) float64 {
	checkDims(grad, x, m.Dim())
	inv := 1 / float64(m.Len())
	l := m.GradRange(grad, x, 0, m.Len(), withLoss) * inv
	floats.Scale(inv, grad)
	return l
}
