package compute

import "math"

// Adam is torch.optim.Adam and, with Decoupled set, torch.optim.AdamW. With
// gradient g at step t (from 1),
//
//	Adam:  g ← g + λθ               AdamW: θ ← θ(1 - ηλ)
//	m ← β₁m + (1-β₁)g
//	v ← β₂v + (1-β₂)g²
//	v̂ ← max(v̂, v) if AMSGrad, else v̂ = v
//	θ ← θ - (η/(1-β₁ᵗ)) m / (√v̂/√(1-β₂ᵗ) + ε)
type Adam struct {
	// Rate is η (default 0.001).
	Rate float64
	// Beta1 and Beta2 are the moment decay rates (defaults 0.9, 0.999).
	Beta1, Beta2 float64
	// Eps is ε (default 1e-8).
	Eps float64
	// WeightDecay is λ (Adam default 0, AdamW default 0.01).
	WeightDecay float64
	// AMSGrad keeps the running maximum of v (default false).
	AMSGrad bool
	// Decoupled applies weight decay to the parameters directly, as AdamW.
	Decoupled bool

	step                           int
	m, v, maxSqrs, d, denom, delta []float64
	mHat, vHat                     []float64 // for Trace
}

var _ Optimizer = (*Adam)(nil)

// NewAdam returns Adam with PyTorch's defaults, as registered.
func NewAdam() *Adam { return defaultOptimizer("adam").(*Adam) }

// NewAdamW returns AdamW with PyTorch's defaults, as registered.
func NewAdamW() *Adam { return defaultOptimizer("adamw").(*Adam) }

// adamNumpy is Adam's step in numpy; decoupled makes it AdamW's.
func adamNumpy(decoupled bool) string {
	decay := `if weight_decay != 0:
    g = g + weight_decay * p`
	if decoupled {
		decay = `p *= 1 - lr * weight_decay`
	}
	return `state["step"] = t = state.get("step", 0) + 1
if t == 1:
    state["exp_avg"] = np.zeros_like(p)
    state["exp_avg_sq"] = np.zeros_like(p)
    state["max_exp_avg_sq"] = np.zeros_like(p)
step_size = lr / (1 - beta1 ** t)
bc2 = math.sqrt(1 - beta2 ** t)
` + decay + `
m = state["exp_avg"] = state["exp_avg"] * beta1 + (1 - beta1) * g
v = state["exp_avg_sq"] = state["exp_avg_sq"] * beta2 + (1 - beta2) * g * g
if amsgrad:
    v = state["max_exp_avg_sq"] = np.maximum(state["max_exp_avg_sq"], v)
p -= step_size * m / (np.sqrt(v) / bc2 + eps)`
}

// adamArgs writes the Adam family's keyword arguments, β₁ and β₂ as betas,
// followed by the other keys.
func adamArgs(keys ...string) func(h Hypers) string {
	return func(h Hypers) string {
		return pyKwargs(h, "lr") + ", betas=" + pyPair(h["beta1"], h["beta2"]) + ", " + pyKwargs(h, keys...)
	}
}

func init() {
	amsgrad := Hyper{Key: "amsgrad", Short: "ams", Bool: true, Max: 1, Help: "keep the running maximum of v (AMSGrad)"}
	newAdam := func(decoupled bool) func(h Hypers) Optimizer {
		return func(h Hypers) Optimizer {
			return &Adam{Rate: h["lr"], Beta1: h["beta1"], Beta2: h["beta2"], Eps: h["eps"],
				WeightDecay: h["weight_decay"], AMSGrad: hyperBool(h["amsgrad"]), Decoupled: decoupled}
		}
	}
	hypers := func(wd float64) []Hyper {
		return append(adamHypers(0.001, 1e-8, wd), amsgrad)
	}
	RegisterOptimizer(OptimizerSpec{
		Name: "adam", Title: "Adam", Rank: 70, New: newAdam(false), Hypers: hypers(0),
		Torch: "Adam", TorchArgs: adamArgs("eps", "weight_decay", "amsgrad"), Numpy: adamNumpy(false),
		Formula: `g ← g + λθ
m ← β₁m + (1−β₁)g
v ← β₂v + (1−β₂)g²
v̂ ← max(v̂, v) (AMSGrad), else v̂ ← v
θ ← θ − η/(1−β₁ᵗ) · m / (√v̂/√(1−β₂ᵗ) + ε)`,
	})
	RegisterOptimizer(OptimizerSpec{
		Name: "adamw", Title: "AdamW", Rank: 80, New: newAdam(true), Hypers: hypers(0.01),
		Torch: "AdamW", TorchArgs: adamArgs("eps", "weight_decay", "amsgrad"), Numpy: adamNumpy(true),
		Formula: `θ ← θ(1 − ηλ)
m ← β₁m + (1−β₁)g
v ← β₂v + (1−β₂)g²
v̂ ← max(v̂, v) (AMSGrad), else v̂ ← v
θ ← θ − η/(1−β₁ᵗ) · m / (√v̂/√(1−β₂ᵗ) + ε)`,
	})
}

// Step applies one Adam (or AdamW) update.
func (o *Adam) Step(params, grad []float64) {
	checkLens(params, grad)
	n := len(params)
	if o.m == nil {
		o.m, o.v, o.maxSqrs = make([]float64, n), make([]float64, n), make([]float64, n)
		o.d, o.denom, o.delta = make([]float64, n), make([]float64, n), make([]float64, n)
	}
	o.step++
	t := float64(o.step)
	stepSize := o.Rate / (1 - portablePow(o.Beta1, t))
	bc2 := math.Sqrt(1 - portablePow(o.Beta2, t))
	for i, g := range grad {
		before := params[i]
		if o.Decoupled {
			params[i] *= 1 - float64(o.Rate*o.WeightDecay)
		} else if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * params[i])
		}
		o.d[i] = g
		o.m[i] = float64(o.m[i]*o.Beta1) + float64((1-o.Beta1)*g)
		o.v[i] = float64(o.v[i]*o.Beta2) + float64((1-o.Beta2)*g*g)
		v := o.v[i]
		if o.AMSGrad {
			o.maxSqrs[i] = max(o.maxSqrs[i], v)
			v = o.maxSqrs[i]
		}
		denom := math.Sqrt(v)/bc2 + o.Eps
		o.denom[i] = denom
		params[i] += float64(-stepSize * o.m[i] / denom)
		o.delta[i] = params[i] - before
	}
}

// Trace returns grad, exp_avg (m), exp_avg_sq (v), their bias-corrected
// values m/(1-β₁ᵗ) and v/(1-β₂ᵗ), max_exp_avg_sq (with AMSGrad), denom
// (√v̂/√(1-β₂ᵗ) + ε) and delta.
func (o *Adam) Trace() []Quantity {
	if o.step == 0 {
		return nil
	}
	o.mHat = biasCorrected(o.mHat, o.m, o.Beta1, o.step)
	o.vHat = biasCorrected(o.vHat, o.v, o.Beta2, o.step)
	q := []Quantity{{"grad", o.d}, {"exp_avg", o.m}, {"exp_avg_sq", o.v},
		{"bias_corrected_exp_avg", o.mHat}, {"bias_corrected_exp_avg_sq", o.vHat}}
	if o.AMSGrad {
		q = append(q, Quantity{"max_exp_avg_sq", o.maxSqrs})
	}
	return append(q, Quantity{"denom", o.denom}, Quantity{"delta", o.delta})
}

// Reset forgets the moments and the step count.
func (o *Adam) Reset() {
	o.m, o.v, o.maxSqrs, o.d, o.denom, o.delta, o.step = nil, nil, nil, nil, nil, nil, 0
}

// LR returns η.
func (o *Adam) LR() float64 { return o.Rate }

// SetLR sets η.
func (o *Adam) SetLR(lr float64) { o.Rate = lr }
