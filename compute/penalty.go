package compute

import "math"

// Penalty adds L1 and L2 regularization to a loss:
// P(θ) = L1·Σ|wᵢ| + (L2/2)·Σwᵢ² over the penalized parameters w, those
// whose Mask entry is true (a Layout's PenaltyMask; nil means all).
// With this scaling an L2 penalty of λ moves plain gradient descent exactly
// as PyTorch's weight_decay = λ does.
type Penalty struct {
	L1, L2 float64
	Mask   []bool
}

// Active reports whether the penalty adds anything.
func (p Penalty) Active() bool { return p.L1 != 0 || p.L2 != 0 }

func (p Penalty) applies(i int) bool { return p.Mask == nil || p.Mask[i] }

// Value returns P(θ).
func (p Penalty) Value(x []float64) float64 {
	var a, s float64
	for i, w := range x {
		if p.applies(i) {
			a += math.Abs(w)
			s += float64(w * w)
		}
	}
	return float64(p.L1*a) + float64(p.L2/2*s)
}

// AddGrad adds ∇P(θ) to grad, using sign(0) = 0 for the L1 term as
// torch.sign does.
func (p Penalty) AddGrad(grad, x []float64) {
	for i, w := range x {
		if !p.applies(i) {
			continue
		}
		grad[i] += float64(p.L2 * w)
		if w > 0 {
			grad[i] += p.L1
		} else if w < 0 {
			grad[i] -= p.L1
		}
	}
}
