package compute

// SGD is torch.optim.SGD: plain gradient descent, optionally with weight
// decay, momentum (with dampening) and Nesterov momentum. With gradient g,
// for each step
//
//	d ← g + λθ                       (weight decay λ)
//	b ← d on the first step, else b ← μb + (1-τ)d   (momentum μ, dampening τ)
//	d ← d + μb if Nesterov, else d ← b              (when μ ≠ 0)
//	θ ← θ - η d
type SGD struct {
	// Rate is the learning rate η.
	Rate float64
	// Momentum is μ; 0 means plain gradient descent.
	Momentum float64
	// Dampening is τ, which scales the new gradient in the momentum buffer.
	Dampening float64
	// WeightDecay is λ, an L2 term added to the gradient.
	WeightDecay float64
	// Nesterov selects Nesterov momentum (needs Momentum > 0, Dampening 0).
	Nesterov bool
	// Scales, when set, gives each parameter its own learning rate
	// η·Scales[i], as PyTorch parameter groups with their own lr do; nil
	// means one rate for all.
	Scales []float64

	buf []float64
	d   []float64
}

var _ Optimizer = (*SGD)(nil)

// NewSGD returns plain gradient descent with learning rate lr.
func NewSGD(lr float64) *SGD { return &SGD{Rate: lr} }

// Step applies one SGD update.
func (o *SGD) Step(params, grad []float64) {
	checkLens(params, grad)
	if o.Momentum == 0 && o.WeightDecay == 0 && o.Scales == nil {
		for i, g := range grad {
			params[i] += -o.Rate * g
		}
		return
	}
	n := len(params)
	o.d = ensure(o.d, n)
	d := o.d
	for i, g := range grad {
		if o.WeightDecay != 0 {
			g += o.WeightDecay * params[i]
		}
		d[i] = g
	}
	if o.Momentum != 0 {
		if o.buf == nil {
			o.buf = make([]float64, n)
			copy(o.buf, d)
		} else {
			for i := range d {
				o.buf[i] = o.buf[i]*o.Momentum + (1-o.Dampening)*d[i]
			}
		}
		for i := range d {
			if o.Nesterov {
				d[i] += o.Momentum * o.buf[i]
			} else {
				d[i] = o.buf[i]
			}
		}
	}
	for i := range params {
		rate := o.Rate
		if o.Scales != nil {
			rate *= o.Scales[i]
		}
		params[i] += -rate * d[i]
	}
}

// Velocity returns the momentum buffer b, or nil before the first step or
// without momentum.
func (o *SGD) Velocity() []float64 { return o.buf }

// Reset forgets the momentum buffer.
func (o *SGD) Reset() { o.buf = nil }

// LR returns η.
func (o *SGD) LR() float64 { return o.Rate }

// SetLR sets η.
func (o *SGD) SetLR(lr float64) { o.Rate = lr }
