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

	buf, d, delta []float64
}

var _ Optimizer = (*SGD)(nil)

// NewSGD returns plain gradient descent with learning rate lr.
func NewSGD(lr float64) *SGD { return &SGD{Rate: lr} }

const sgdFormula = `d ← g + λθ
b ← d (first step), else b ← μb + (1−τ)d
d ← d + μb (Nesterov), else d ← b
θ ← θ − η d`

// sgdNumpy is SGD's step in numpy; with nesterov, Nesterov momentum
// (which has no dampening).
func sgdNumpy(nesterov bool) string {
	if nesterov {
		return `if weight_decay != 0:
    g = g + weight_decay * p
if "momentum_buffer" not in state:
    state["momentum_buffer"] = g.copy()
else:
    state["momentum_buffer"] = state["momentum_buffer"] * momentum + g
g = g + momentum * state["momentum_buffer"]
p -= lr * g`
	}
	return `if weight_decay != 0:
    g = g + weight_decay * p
if momentum != 0:
    if "momentum_buffer" not in state:
        state["momentum_buffer"] = g.copy()
    else:
        state["momentum_buffer"] = state["momentum_buffer"] * momentum + (1 - dampening) * g
    g = state["momentum_buffer"]
p -= lr * g`
}

func init() {
	dampening := Hyper{Key: "dampening", Short: "damp", Symbol: "τ", Max: 1,
		Help: "dampening of the gradient in the momentum buffer"}
	newSGD := func(nesterov bool) func(h Hypers) Optimizer {
		return func(h Hypers) Optimizer {
			return &SGD{Rate: h["lr"], Momentum: h["momentum"], Dampening: h["dampening"],
				WeightDecay: h["weight_decay"], Nesterov: nesterov}
		}
	}
	sgdArgs := func(h Hypers) string {
		return pyKwargs(h, "lr", "momentum", "dampening", "weight_decay") + ", nesterov=False"
	}
	RegisterOptimizer(OptimizerSpec{
		Name: "sgd", Title: "SGD", Rank: 10, Formula: sgdFormula, New: newSGD(false),
		Hypers: []Hyper{lrHyper(0.01), momentumHyper(0), dampening, weightDecayHyper(0)},
		Torch:  "SGD", TorchArgs: sgdArgs, Numpy: sgdNumpy(false),
	})
	RegisterOptimizer(OptimizerSpec{
		Name: "momentum", Title: "Momentum", Rank: 20, Formula: sgdFormula, New: newSGD(false),
		Hypers: []Hyper{lrHyper(0.01), momentumHyper(0.9), dampening, weightDecayHyper(0)},
		Torch:  "SGD", TorchArgs: sgdArgs, Numpy: sgdNumpy(false),
	})
	nesterovMomentum := momentumHyper(0.9)
	nesterovMomentum.MinOpen = true
	RegisterOptimizer(OptimizerSpec{
		Name: "nesterov", Title: "Nesterov", Rank: 30, Formula: sgdFormula, New: newSGD(true),
		Hypers: []Hyper{lrHyper(0.01), nesterovMomentum, weightDecayHyper(0)},
		Torch:  "SGD", Numpy: sgdNumpy(true),
		TorchArgs: func(h Hypers) string {
			return pyKwargs(h, "lr", "momentum", "weight_decay") + ", nesterov=True"
		},
	})
}

// Step applies one SGD update.
func (o *SGD) Step(params, grad []float64) {
	checkLens(params, grad)
	n := len(params)
	o.d, o.delta = ensure(o.d, n), ensure(o.delta, n)
	d := o.d
	if o.Momentum == 0 && o.WeightDecay == 0 {
		for i, g := range grad {
			d[i] = g
			o.delta[i] = float64(-o.Rate * g)
			params[i] += o.delta[i]
		}
		return
	}
	for i, g := range grad {
		if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * params[i])
		}
		d[i] = g
	}
	if o.Momentum != 0 {
		if o.buf == nil {
			o.buf = make([]float64, n)
			copy(o.buf, d)
		} else {
			for i := range d {
				o.buf[i] = float64(o.buf[i]*o.Momentum) + float64((1-o.Dampening)*d[i])
			}
		}
	}
	for i := range params {
		step := d[i]
		if o.Momentum != 0 {
			if o.Nesterov {
				step += float64(o.Momentum * o.buf[i])
			} else {
				step = o.buf[i]
			}
		}
		o.delta[i] = float64(-o.Rate * step)
		params[i] += o.delta[i]
	}
}

// Trace returns grad (d after weight decay), momentum_buffer (with
// momentum) and delta.
func (o *SGD) Trace() []Quantity {
	if o.delta == nil {
		return nil
	}
	q := []Quantity{{"grad", o.d}}
	if o.buf != nil {
		q = append(q, Quantity{"momentum_buffer", o.buf})
	}
	return append(q, Quantity{"delta", o.delta})
}

// Reset forgets the momentum buffer.
func (o *SGD) Reset() { o.buf, o.d, o.delta = nil, nil, nil }

// LR returns η.
func (o *SGD) LR() float64 { return o.Rate }

// SetLR sets η.
func (o *SGD) SetLR(lr float64) { o.Rate = lr }
