package compute

// Optimizer updates parameters in place from their gradient. Each
// implementation is a struct of hyperparameters whose constructor sets
// PyTorch's defaults, with the optimizer's state (moments, step count) kept
// inside. The arithmetic follows PyTorch's single-tensor code path operation
// by operation, so a trajectory agrees with torch.optim to round-off.
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
}

// ensure returns buf resized to n elements, zeroed when it was reallocated.
func ensure(buf []float64, n int) []float64 {
	if len(buf) != n {
		return make([]float64, n)
	}
	return buf
}

func checkLens(params, grad []float64) {
	if len(params) != len(grad) {
		panic("compute: optimizer: parameter and gradient lengths differ")
	}
}
