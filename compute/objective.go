package compute

// Objective is a differentiable function of a parameter vector, in the shape
// of gonum's optimize/functions: Func evaluates it and Grad writes its
// gradient into grad.
type Objective interface {
	// Dim is the number of parameters.
	Dim() int
	// Func returns the value at x.
	Func(x []float64) float64
	// Grad writes the gradient at x into grad. It panics when the lengths
	// differ from Dim.
	Grad(grad, x []float64)
}

// DataModel is an Objective that is the mean of per-sample losses over a
// data set. Its range and index forms return sums, not means, so that a
// caller can split the data into parts, add the parts and divide once.
type DataModel interface {
	Objective
	// Len is the number of samples.
	Len() int
	// GradRange writes the sum over samples lo ≤ i < hi of the per-sample
	// gradient into grad. When withLoss is true it also returns the sum of the
	// per-sample losses; otherwise it returns 0 and may skip that work.
	GradRange(grad, x []float64, lo, hi int, withLoss bool) float64
	// Reordered returns the same model over a copy of the data with the
	// samples in the given order, so that a shuffled epoch reads memory in
	// sequence. It reuses the buffers of reuse, an earlier result, when it
	// is not nil.
	Reordered(order []int32, reuse DataModel) DataModel
	// LossRange returns the sum of the per-sample losses for lo ≤ i < hi.
	LossRange(x []float64, lo, hi int) float64
}

func checkDims(grad, x []float64, dim int) {
	if len(x) != dim || len(grad) != dim {
		panic("compute: parameter or gradient length does not match the model's dimension")
	}
}
