package compute

// Optimizer updates parameters in place from their gradient. Each
// implementation is a struct of hyperparameters whose constructor sets
// PyTorch's defaults, with the optimizer's state (moments, step count) kept
// inside. The arithmetic follows PyTorch's single-tensor code path operation
// by operation, so a trajectory agrees with torch.optim to round-off, and
// rounds every product before adding it (float64(x*y) + z), so that no
// compiler fuses the two into a multiply-add and a trajectory has the same
// bits on every processor. Every optimizer registers an OptimizerSpec in its
// own file.
type Optimizer interface {
	// Step applies one update to params given the gradient at params. It
	// does not modify grad. It panics when the lengths differ.
	Step(params, grad []float64)
	// Reset forgets all state, as a freshly constructed optimizer.
	Reset()
	// LR returns the current learning rate.
	LR() float64
	// SetLR changes the learning rate, as a scheduler does between steps.
	SetLR(lr float64)
	// Trace returns the named per-parameter quantities of the latest step
	// (nil before the first): the gradient after weight decay ("grad"),
	// the optimizer's state under PyTorch's names, and the step taken
	// ("delta", the change of the parameters). The slices are the
	// optimizer's own and change with the next step.
	Trace() []Quantity
}

// ensure returns buf resized to n elements, zeroed when it was reallocated.
func ensure(buf []float64, n int) []float64 {
	if len(buf) != n {
		return make([]float64, n)
	}
	return buf
}

// filled returns a new slice of n copies of v.
func filled(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func checkLens(params, grad []float64) {
	if len(params) != len(grad) {
		panic("compute: optimizer: parameter and gradient lengths differ")
	}
}

// biasCorrected writes src/(1-βᵗ), a moment's bias correction, into dst
// (resized to src's length) and returns it: computed when a trace is
// asked for, not in the step.
func biasCorrected(dst, src []float64, beta float64, t int) []float64 {
	dst = ensure(dst, len(src))
	bc := 1 - portablePow(beta, float64(t))
	for i, v := range src {
		dst[i] = v / bc
	}
	return dst
}

// defaultOptimizer returns the registered optimizer with every
// hyperparameter at its default: the constructors' one source of defaults.
func defaultOptimizer(name string) Optimizer {
	spec, err := OptimizerByName(name)
	if err != nil {
		panic(err)
	}
	return spec.New(spec.Defaults())
}
