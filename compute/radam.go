package compute

import "math"

// RAdam is torch.optim.RAdam, Adam with the variance of the adaptive rate
// rectified. With gradient g at step t (from 1),
//
//	g ← g + λθ
//	m ← β₁m + (1-β₁)g
//	v ← β₂v + (1-β₂)g²
//	m̂ = m/(1-β₁ᵗ)
//	ρ∞ = 2/(1-β₂) - 1,  ρₜ = ρ∞ - 2tβ₂ᵗ/(1-β₂ᵗ)
//	if ρₜ > 5:
//	  r = √((ρₜ-4)(ρₜ-2)ρ∞ / ((ρ∞-4)(ρ∞-2)ρₜ))
//	  θ ← θ - η m̂ · √(1-β₂ᵗ)/(√v + ε) · r
//	else:
//	  θ ← θ - η m̂
type RAdam struct {
	// Rate is η (PyTorch default 0.001).
	Rate float64
	// Beta1 and Beta2 are the moment decay rates (defaults 0.9, 0.999).
	Beta1, Beta2 float64
	// Eps is ε (default 1e-8).
	Eps float64
	// WeightDecay is λ (default 0).
	WeightDecay float64

	step                 int
	mHat                 []float64 // for Trace
	m, v, d, rect, delta []float64
}

var _ Optimizer = (*RAdam)(nil)

// NewRAdam returns RAdam with PyTorch's defaults, as registered.
func NewRAdam() *RAdam { return defaultOptimizer("radam").(*RAdam) }

func init() {
	RegisterOptimizer(OptimizerSpec{
		Name: "radam", Title: "RAdam", Rank: 95,
		Hypers: adamHypers(0.001, 1e-8, 0),
		Torch:  "RAdam", TorchArgs: adamArgs("eps", "weight_decay"),
		Numpy: `state["step"] = t = state.get("step", 0) + 1
if t == 1:
    state["exp_avg"] = np.zeros_like(p)
    state["exp_avg_sq"] = np.zeros_like(p)
if weight_decay != 0:
    g = g + weight_decay * p
m = state["exp_avg"] = state["exp_avg"] * beta1 + (1 - beta1) * g
v = state["exp_avg_sq"] = state["exp_avg_sq"] * beta2 + (1 - beta2) * g * g
bc1 = 1 - beta1 ** t
bc2 = 1 - beta2 ** t
rho_inf = 2 / (1 - beta2) - 1
rho_t = rho_inf - 2 * t * beta2 ** t / bc2
m_hat = m / bc1
if rho_t > 5:
    rect = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
    p -= m_hat * lr * (math.sqrt(bc2) / (np.sqrt(v) + eps)) * rect
else:
    p -= m_hat * lr`,
		Formula: `g ← g + λθ
m ← β₁m + (1−β₁)g
v ← β₂v + (1−β₂)g²
m̂ ← m/(1−β₁ᵗ)
ρ∞ ← 2/(1−β₂) − 1; ρₜ ← ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ)
r ← √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)) (ρₜ > 5)
θ ← θ − η m̂ · √(1−β₂ᵗ)/(√v + ε) · r (ρₜ > 5), else θ ← θ − η m̂`,
		New: func(h Hypers) Optimizer {
			return &RAdam{Rate: h["lr"], Beta1: h["beta1"], Beta2: h["beta2"], Eps: h["eps"],
				WeightDecay: h["weight_decay"]}
		},
	})
}

// Step applies one RAdam update.
func (o *RAdam) Step(params, grad []float64) {
	checkLens(params, grad)
	n := len(params)
	if o.m == nil {
		o.m, o.v, o.d = make([]float64, n), make([]float64, n), make([]float64, n)
		o.rect, o.delta = make([]float64, n), make([]float64, n)
	}
	o.step++
	t := float64(o.step)
	b2t := portablePow(o.Beta2, t)
	bc1 := 1 - portablePow(o.Beta1, t)
	bc2 := 1 - b2t
	rhoInf := 2/(1-o.Beta2) - 1
	rhoT := rhoInf - float64(2*t*b2t/bc2)
	rectified := rhoT > 5
	rect := 0.0
	if rectified {
		rect = math.Sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
	}
	sqrtBC2 := math.Sqrt(bc2)
	for i, g := range grad {
		before := params[i]
		if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * params[i])
		}
		o.d[i] = g
		o.m[i] = float64(o.m[i]*o.Beta1) + float64((1-o.Beta1)*g)
		o.v[i] = float64(o.v[i]*o.Beta2) + float64((1-o.Beta2)*g*g)
		mhat := o.m[i] / bc1
		o.rect[i] = rect
		if rectified {
			adaptive := sqrtBC2 / (math.Sqrt(o.v[i]) + o.Eps)
			params[i] += float64(-1 * (mhat * o.Rate * adaptive * rect))
		} else {
			params[i] += float64(-1 * (mhat * o.Rate))
		}
		o.delta[i] = params[i] - before
	}
}

// Trace returns grad, exp_avg (m), its bias-corrected value m̂ =
// m/(1-β₁ᵗ), exp_avg_sq (v), rect (the rectification r, 0 while ρₜ ≤ 5 and
// the step is unadapted; the same for every parameter) and delta.
func (o *RAdam) Trace() []Quantity {
	if o.step == 0 {
		return nil
	}
	o.mHat = biasCorrected(o.mHat, o.m, o.Beta1, o.step)
	return []Quantity{{"grad", o.d}, {"exp_avg", o.m}, {"bias_corrected_exp_avg", o.mHat}, {"exp_avg_sq", o.v},
		{"rect", o.rect}, {"delta", o.delta}}
}

// Reset forgets the moments and the step count.
func (o *RAdam) Reset() { o.m, o.v, o.d, o.rect, o.delta, o.step = nil, nil, nil, nil, nil, 0 }

// LR returns η.
func (o *RAdam) LR() float64 { return o.Rate }

// SetLR sets η.
func (o *RAdam) SetLR(lr float64) { o.Rate = lr }
