package compute

import "math"

// Adagrad is torch.optim.Adagrad. With gradient g at step t (from 1),
//
//	g ← g + λθ
//	η_t = η / (1 + (t-1)·lr_decay)
//	s ← s + g²                        (s starts at initial_accumulator_value)
//	θ ← θ - η_t g / (√s + ε)
type Adagrad struct {
	// Rate is η (PyTorch default 0.01).
	Rate float64
	// LRDecay is lr_decay (default 0).
	LRDecay float64
	// WeightDecay is λ (default 0).
	WeightDecay float64
	// InitialAccumulator is initial_accumulator_value (default 0).
	InitialAccumulator float64
	// Eps is ε (default 1e-10).
	Eps float64

	step int
	sum  []float64
}

var _ Optimizer = (*Adagrad)(nil)

// NewAdagrad returns Adagrad with PyTorch's defaults.
func NewAdagrad() *Adagrad { return &Adagrad{Rate: 0.01, Eps: 1e-10} }

// Step applies one Adagrad update.
func (o *Adagrad) Step(params, grad []float64) {
	checkLens(params, grad)
	if o.sum == nil {
		o.sum = make([]float64, len(params))
		for i := range o.sum {
			o.sum[i] = o.InitialAccumulator
		}
	}
	o.step++
	clr := o.Rate / (1 + float64(o.step-1)*o.LRDecay)
	for i, g := range grad {
		if o.WeightDecay != 0 {
			g += o.WeightDecay * params[i]
		}
		o.sum[i] += g * g
		std := math.Sqrt(o.sum[i]) + o.Eps
		params[i] += -clr * g / std
	}
}

// Reset forgets the accumulated squares and the step count.
func (o *Adagrad) Reset() { o.sum, o.step = nil, 0 }

// LR returns η.
func (o *Adagrad) LR() float64 { return o.Rate }

// SetLR sets η.
func (o *Adagrad) SetLR(lr float64) { o.Rate = lr }
