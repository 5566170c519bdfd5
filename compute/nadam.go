package compute

import (
	"math"
)

// NAdam is torch.optim.NAdam as of PyTorch 1.13, Adam with Nesterov
// momentum. With gradient g at step t (from 1),
//
//	g ← g + λθ
//	μₜ = β₁(1 - ½·0.96^(tψ)),  μₜ₊₁ = β₁(1 - ½·0.96^((t+1)ψ))
//	Π ← Π·μₜ                   (Π starts at 1)
//	m ← β₁m + (1-β₁)g
//	v ← β₂v + (1-β₂)g²
//	a = √(v/(1-β₂ᵗ)) + ε
//	θ ← θ - η(1-μₜ)/(1-Π) · g/a - ημₜ₊₁/(1-Π·μₜ·μₜ₊₁) · m/a
//
// The second denominator counts μₜ twice, as PyTorch 1.13 does (later
// versions use 1-Π·μₜ₊₁); the goldens follow 1.13.
type NAdam struct {
	// Rate is η (PyTorch default 0.002).
	Rate float64
	// Beta1 and Beta2 are the moment decay rates (defaults 0.9, 0.999).
	Beta1, Beta2 float64
	// Eps is ε (default 1e-8).
	Eps float64
	// WeightDecay is λ (default 0).
	WeightDecay float64
	// MomentumDecay is ψ (default 4e-3).
	MomentumDecay float64

	step                          int
	vHat                          []float64 // for Trace
	muProduct                     float64
	m, v, d, muProd, denom, delta []float64
}

var _ Optimizer = (*NAdam)(nil)

// NewNAdam returns NAdam with PyTorch's defaults, as registered.
func NewNAdam() *NAdam { return defaultOptimizer("nadam").(*NAdam) }

func init() {
	RegisterOptimizer(OptimizerSpec{
		Name: "nadam", Title: "NAdam", Rank: 90,
		Hypers: append(adamHypers(0.002, 1e-8, 0),
			Hyper{Key: "momentum_decay", Short: "mdec", Symbol: "ψ", Default: 4e-3, Max: math.Inf(1), MaxOpen: true,
				Help: "how fast the momentum schedule μₜ approaches β₁"}),
		Torch: "NAdam", TorchArgs: adamArgs("eps", "weight_decay", "momentum_decay"),
		Numpy: `state["step"] = t = state.get("step", 0) + 1
if t == 1:
    state["exp_avg"] = np.zeros_like(p)
    state["exp_avg_sq"] = np.zeros_like(p)
    state["mu_product"] = 1.0
if weight_decay != 0:
    g = g + weight_decay * p
bc2 = 1 - beta2 ** t
mu = beta1 * (1 - 0.5 * 0.96 ** (t * momentum_decay))
mu_next = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * momentum_decay))
state["mu_product"] = mu_product = state["mu_product"] * mu
mu_product_next = mu_product * mu * mu_next  # torch 1.13's product
m = state["exp_avg"] = state["exp_avg"] * beta1 + (1 - beta1) * g
v = state["exp_avg_sq"] = state["exp_avg_sq"] * beta2 + (1 - beta2) * g * g
denom = np.sqrt(v / bc2) + eps
p += -lr * (1 - mu) / (1 - mu_product) * (g / denom)
p += -lr * mu_next / (1 - mu_product_next) * (m / denom)`,
		Formula: `g ← g + λθ
μₜ ← β₁(1 − ½·0.96^(tψ)); μₜ₊₁ ← β₁(1 − ½·0.96^((t+1)ψ))
Π ← Π·μₜ
m ← β₁m + (1−β₁)g
v ← β₂v + (1−β₂)g²
a ← √(v/(1−β₂ᵗ)) + ε
θ ← θ − η(1−μₜ)/(1−Π) · g/a
θ ← θ − ημₜ₊₁/(1−Π·μₜ·μₜ₊₁) · m/a`,
		New: func(h Hypers) Optimizer {
			return &NAdam{Rate: h["lr"], Beta1: h["beta1"], Beta2: h["beta2"], Eps: h["eps"],
				WeightDecay: h["weight_decay"], MomentumDecay: h["momentum_decay"]}
		},
	})
}

// Step applies one NAdam update.
func (o *NAdam) Step(params, grad []float64) {
	checkLens(params, grad)
	n := len(params)
	if o.m == nil {
		o.m, o.v, o.d = make([]float64, n), make([]float64, n), make([]float64, n)
		o.muProd, o.denom, o.delta = make([]float64, n), make([]float64, n), make([]float64, n)
		o.muProduct = 1
	}
	o.step++
	t := float64(o.step)
	bc2 := 1 - portablePow(o.Beta2, t)
	mu := float64(o.Beta1 * (1 - float64(0.5*portablePow(0.96, t*o.MomentumDecay))))
	muNext := float64(o.Beta1 * (1 - float64(0.5*portablePow(0.96, (t+1)*o.MomentumDecay))))
	o.muProduct = float64(o.muProduct * mu)
	muProductNext := float64(o.muProduct * mu * muNext)
	gradStep := -o.Rate * (1 - mu) / (1 - o.muProduct)
	avgStep := -o.Rate * muNext / (1 - muProductNext)
	for i, g := range grad {
		before := params[i]
		if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * params[i])
		}
		o.d[i] = g
		o.muProd[i] = o.muProduct
		o.m[i] = float64(o.m[i]*o.Beta1) + float64((1-o.Beta1)*g)
		o.v[i] = float64(o.v[i]*o.Beta2) + float64((1-o.Beta2)*g*g)
		denom := math.Sqrt(o.v[i]/bc2) + o.Eps
		o.denom[i] = denom
		params[i] += float64(gradStep * (g / denom))
		params[i] += float64(avgStep * (o.m[i] / denom))
		o.delta[i] = params[i] - before
	}
}

// Trace returns grad, exp_avg (m), exp_avg_sq (v), its bias-corrected
// value v/(1-β₂ᵗ), mu_product (Π, the same for every parameter), denom (a)
// and delta.
func (o *NAdam) Trace() []Quantity {
	if o.step == 0 {
		return nil
	}
	o.vHat = biasCorrected(o.vHat, o.v, o.Beta2, o.step)
	return []Quantity{{"grad", o.d}, {"exp_avg", o.m}, {"exp_avg_sq", o.v}, {"bias_corrected_exp_avg_sq", o.vHat},
		{"mu_product", o.muProd}, {"denom", o.denom}, {"delta", o.delta}}
}

// Reset forgets the moments, the momentum product and the step count.
func (o *NAdam) Reset() {
	o.m, o.v, o.d, o.muProd, o.denom, o.delta = nil, nil, nil, nil, nil, nil
	o.step, o.muProduct = 0, 1
}

// LR returns η.
func (o *NAdam) LR() float64 { return o.Rate }

// SetLR sets η.
func (o *NAdam) SetLR(lr float64) { o.Rate = lr }
