package compute

import "math"

// Adamax is torch.optim.Adamax, Adam with the infinity norm. With gradient
// g at step t (from 1),
//
//	g ← g + λθ
//	m ← β₁m + (1-β₁)g
//	u ← max(β₂u, |g| + ε)
//	θ ← θ - (η/(1-β₁ᵗ)) m/u
type Adamax struct {
	// Rate is η (PyTorch default 0.002).
	Rate float64
	// Beta1 and Beta2 are the decay rates of m and u (defaults 0.9, 0.999).
	Beta1, Beta2 float64
	// Eps is ε (default 1e-8).
	Eps float64
	// WeightDecay is λ (default 0).
	WeightDecay float64

	step           int
	mHat           []float64 // for Trace
	m, u, d, delta []float64
}

var _ Optimizer = (*Adamax)(nil)

// NewAdamax returns Adamax with PyTorch's defaults, as registered.
func NewAdamax() *Adamax { return defaultOptimizer("adamax").(*Adamax) }

func init() {
	RegisterOptimizer(OptimizerSpec{
		Name: "adamax", Title: "Adamax", Rank: 85,
		Hypers: adamHypers(0.002, 1e-8, 0),
		Torch:  "Adamax", TorchArgs: adamArgs("eps", "weight_decay"),
		Numpy: `state["step"] = t = state.get("step", 0) + 1
if t == 1:
    state["exp_avg"] = np.zeros_like(p)
    state["exp_inf"] = np.zeros_like(p)
if weight_decay != 0:
    g = g + weight_decay * p
clr = lr / (1 - beta1 ** t)
m = state["exp_avg"] = state["exp_avg"] * beta1 + (1 - beta1) * g
u = state["exp_inf"] = np.maximum(state["exp_inf"] * beta2, np.abs(g) + eps)
p -= clr * (m / u)`,
		Formula: `g ← g + λθ
m ← β₁m + (1−β₁)g
u ← max(β₂u, |g| + ε)
θ ← θ − η/(1−β₁ᵗ) · m/u`,
		New: func(h Hypers) Optimizer {
			return &Adamax{Rate: h["lr"], Beta1: h["beta1"], Beta2: h["beta2"], Eps: h["eps"],
				WeightDecay: h["weight_decay"]}
		},
	})
}

// Step applies one Adamax update.
func (o *Adamax) Step(params, grad []float64) {
	checkLens(params, grad)
	n := len(params)
	if o.m == nil {
		o.m, o.u, o.d, o.delta = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	}
	o.step++
	clr := o.Rate / (1 - portablePow(o.Beta1, float64(o.step)))
	for i, g := range grad {
		before := params[i]
		if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * params[i])
		}
		o.d[i] = g
		o.m[i] = float64(o.m[i]*o.Beta1) + float64((1-o.Beta1)*g)
		o.u[i] = max(float64(o.u[i]*o.Beta2), math.Abs(g)+o.Eps)
		params[i] += float64(-clr * (o.m[i] / o.u[i]))
		o.delta[i] = params[i] - before
	}
}

// Trace returns grad, exp_avg (m), its bias-corrected value m/(1-β₁ᵗ),
// exp_inf (u) and delta.
func (o *Adamax) Trace() []Quantity {
	if o.step == 0 {
		return nil
	}
	o.mHat = biasCorrected(o.mHat, o.m, o.Beta1, o.step)
	return []Quantity{{"grad", o.d}, {"exp_avg", o.m}, {"bias_corrected_exp_avg", o.mHat}, {"exp_inf", o.u}, {"delta", o.delta}}
}

// Reset forgets the moments and the step count.
func (o *Adamax) Reset() { o.m, o.u, o.d, o.delta, o.step = nil, nil, nil, nil, 0 }

// LR returns η.
func (o *Adamax) LR() float64 { return o.Rate }

// SetLR sets η.
func (o *Adamax) SetLR(lr float64) { o.Rate = lr }
