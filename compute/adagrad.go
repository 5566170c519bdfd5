package compute

import (
	"math"
)

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

	step                 int
	sum, d, denom, delta []float64
}

var _ Optimizer = (*Adagrad)(nil)

// NewAdagrad returns Adagrad with PyTorch's defaults, as registered.
func NewAdagrad() *Adagrad { return defaultOptimizer("adagrad").(*Adagrad) }

func init() {
	RegisterOptimizer(OptimizerSpec{
		Name: "adagrad", Title: "Adagrad", Rank: 40,
		Hypers: []Hyper{
			lrHyper(0.01),
			{Key: "lr_decay", Short: "lrd", Symbol: "lr_decay", Max: math.Inf(1), MaxOpen: true, Help: "learning-rate decay per step"},
			weightDecayHyper(0),
			{Key: "initial_accumulator", Short: "acc", Symbol: "s₀", Max: math.Inf(1), MaxOpen: true,
				Help: "initial value of the sum of squared gradients"},
			epsHyper(1e-10),
		},
		Torch: "Adagrad",
		TorchArgs: func(h Hypers) string {
			return pyKwargs(h, "lr", "lr_decay", "weight_decay") +
				", initial_accumulator_value=" + PyFloat(h["initial_accumulator"]) + ", " + pyKwargs(h, "eps")
		},
		Numpy: `state["step"] = t = state.get("step", 0) + 1
if t == 1:
    state["sum"] = np.full_like(p, initial_accumulator)
if weight_decay != 0:
    g = g + weight_decay * p
clr = lr / (1 + (t - 1) * lr_decay)
state["sum"] += g * g
p -= clr * g / (np.sqrt(state["sum"]) + eps)`,
		Formula: `g ← g + λθ
η̃ ← η / (1 + (t−1)·lr_decay)
s ← s + g²
θ ← θ − η̃ g / (√s + ε)`,
		New: func(h Hypers) Optimizer {
			return &Adagrad{Rate: h["lr"], LRDecay: h["lr_decay"], WeightDecay: h["weight_decay"],
				InitialAccumulator: h["initial_accumulator"], Eps: h["eps"]}
		},
	})
}

// Step applies one Adagrad update.
func (o *Adagrad) Step(params, grad []float64) {
	checkLens(params, grad)
	n := len(params)
	if o.sum == nil {
		o.sum = filled(n, o.InitialAccumulator)
		o.d, o.denom, o.delta = make([]float64, n), make([]float64, n), make([]float64, n)
	}
	o.step++
	clr := o.Rate / (1 + float64(float64(o.step-1)*o.LRDecay))
	for i, g := range grad {
		if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * params[i])
		}
		o.d[i] = g
		o.sum[i] += float64(g * g)
		std := math.Sqrt(o.sum[i]) + o.Eps
		o.denom[i] = std
		o.delta[i] = -clr * g / std
		params[i] += o.delta[i]
	}
}

// Trace returns grad, sum (s), denom (√s + ε) and delta.
func (o *Adagrad) Trace() []Quantity {
	if o.step == 0 {
		return nil
	}
	return []Quantity{{"grad", o.d}, {"sum", o.sum}, {"denom", o.denom}, {"delta", o.delta}}
}

// Reset forgets the accumulated squares and the step count.
func (o *Adagrad) Reset() { o.sum, o.d, o.denom, o.delta, o.step = nil, nil, nil, nil, 0 }

// LR returns η.
func (o *Adagrad) LR() float64 { return o.Rate }

// SetLR sets η.
func (o *Adagrad) SetLR(lr float64) { o.Rate = lr }
