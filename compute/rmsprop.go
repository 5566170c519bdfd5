package compute

import "math"

// RMSprop is torch.optim.RMSprop. With gradient g,
//
//	g ← g + λθ
//	v ← αv + (1-α)g²
//	m̄ ← αm̄ + (1-α)g and a = √(v - m̄²) + ε   if centered
//	a = √v + ε                               otherwise
//	b ← μb + g/a and θ ← θ - ηb              if momentum μ > 0
//	θ ← θ - η g/a                            otherwise
type RMSprop struct {
	// Rate is η (PyTorch default 0.01).
	Rate float64
	// Alpha is the smoothing constant α (default 0.99).
	Alpha float64
	// Eps is ε (default 1e-8).
	Eps float64
	// WeightDecay is λ (default 0).
	WeightDecay float64
	// Momentum is μ (default 0).
	Momentum float64
	// Centered normalizes by an estimate of the variance instead of the
	// second moment (default false).
	Centered bool

	sq, avg, buf, d, denom, delta []float64
}

var _ Optimizer = (*RMSprop)(nil)

// NewRMSprop returns RMSprop with PyTorch's defaults, as registered.
func NewRMSprop() *RMSprop { return defaultOptimizer("rmsprop").(*RMSprop) }

func init() {
	RegisterOptimizer(OptimizerSpec{
		Name: "rmsprop", Title: "RMSprop", Rank: 50,
		Hypers: []Hyper{
			lrHyper(0.01),
			{Key: "alpha", Short: "al", Symbol: "α", Default: 0.99, Max: 1, Help: "smoothing constant of the squared-gradient average"},
			epsHyper(1e-8), weightDecayHyper(0), momentumHyper(0),
			{Key: "centered", Short: "cen", Bool: true, Max: 1, Help: "divide by an estimate of the gradient's variance"},
		},
		Torch: "RMSprop",
		TorchArgs: func(h Hypers) string {
			return pyKwargs(h, "lr", "alpha", "eps", "weight_decay", "momentum", "centered")
		},
		Numpy: `if "square_avg" not in state:
    state["square_avg"] = np.zeros_like(p)
    state["grad_avg"] = np.zeros_like(p)
    state["momentum_buffer"] = np.zeros_like(p)
if weight_decay != 0:
    g = g + weight_decay * p
state["square_avg"] = state["square_avg"] * alpha + (1 - alpha) * g * g
if centered:
    state["grad_avg"] = state["grad_avg"] * alpha + (1 - alpha) * g
    a = np.sqrt(state["square_avg"] - state["grad_avg"] * state["grad_avg"]) + eps
else:
    a = np.sqrt(state["square_avg"]) + eps
if momentum > 0:
    state["momentum_buffer"] = state["momentum_buffer"] * momentum + g / a
    p -= lr * state["momentum_buffer"]
else:
    p -= lr * g / a`,
		Formula: `g ← g + λθ
v ← αv + (1−α)g²
ḡ ← αḡ + (1−α)g; a ← √(v − ḡ²) + ε (centered), else a ← √v + ε
b ← μb + g/a; θ ← θ − ηb (μ > 0), else θ ← θ − η g/a`,
		New: func(h Hypers) Optimizer {
			return &RMSprop{Rate: h["lr"], Alpha: h["alpha"], Eps: h["eps"], WeightDecay: h["weight_decay"],
				Momentum: h["momentum"], Centered: hyperBool(h["centered"])}
		},
	})
}

// Step applies one RMSprop update.
func (o *RMSprop) Step(params, grad []float64) {
	checkLens(params, grad)
	n := len(params)
	if o.sq == nil {
		o.sq, o.avg, o.buf = make([]float64, n), make([]float64, n), make([]float64, n)
		o.d, o.denom, o.delta = make([]float64, n), make([]float64, n), make([]float64, n)
	}
	for i, g := range grad {
		if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * params[i])
		}
		o.d[i] = g
		o.sq[i] = float64(o.sq[i]*o.Alpha) + float64((1-o.Alpha)*g*g)
		var a float64
		if o.Centered {
			o.avg[i] = float64(o.avg[i]*o.Alpha) + float64((1-o.Alpha)*g)
			a = math.Sqrt(o.sq[i] + float64(-1*o.avg[i]*o.avg[i]))
		} else {
			a = math.Sqrt(o.sq[i])
		}
		a += o.Eps
		o.denom[i] = a
		if o.Momentum > 0 {
			o.buf[i] = float64(o.buf[i]*o.Momentum) + g/a
			o.delta[i] = float64(-o.Rate * o.buf[i])
		} else {
			o.delta[i] = float64(-o.Rate * g / a)
		}
		params[i] += o.delta[i]
	}
}

// Trace returns grad, square_avg (v), grad_avg (centered), momentum_buffer
// (with momentum), denom (a) and delta.
func (o *RMSprop) Trace() []Quantity {
	if o.d == nil {
		return nil
	}
	q := []Quantity{{"grad", o.d}, {"square_avg", o.sq}}
	if o.Centered {
		q = append(q, Quantity{"grad_avg", o.avg})
	}
	if o.Momentum > 0 {
		q = append(q, Quantity{"momentum_buffer", o.buf})
	}
	return append(q, Quantity{"denom", o.denom}, Quantity{"delta", o.delta})
}

// Reset forgets the running averages and the momentum buffer.
func (o *RMSprop) Reset() { o.sq, o.avg, o.buf, o.d, o.denom, o.delta = nil, nil, nil, nil, nil, nil }

// LR returns η.
func (o *RMSprop) LR() float64 { return o.Rate }

// SetLR sets η.
func (o *RMSprop) SetLR(lr float64) { o.Rate = lr }
