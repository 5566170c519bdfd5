package compute

import "math"

// Rprop is torch.optim.Rprop (resilient backpropagation), which uses only
// the sign of the gradient. Every parameter keeps its own step size Δ,
// which starts at η; with gradient g and the previous step's gradient g′
// (0 at first),
//
//	s = sign(g·g′)
//	Δ ← clamp(Δ·η₊, Δmin, Δmax) and g′ ← g   if s > 0
//	Δ ← clamp(Δ·η₋, Δmin, Δmax) and g′ ← 0   if s < 0
//	g′ ← g                                   if s = 0
//	θ ← θ - sign(g′)·Δ
//
// As in PyTorch the learning rate is read only at the first step, to set
// the step sizes: a later SetLR (a schedule) changes nothing. PyTorch 1.13's
// Rprop has no weight decay.
type Rprop struct {
	// Rate is η, the initial step size (PyTorch default 0.01).
	Rate float64
	// EtaMinus and EtaPlus are the step size's factors on a change and on
	// a keep of the gradient's sign (defaults 0.5, 1.2).
	EtaMinus, EtaPlus float64
	// StepMin and StepMax bound the step size (defaults 1e-6, 50).
	StepMin, StepMax float64

	prev, stepSize, d, delta []float64
}

var _ Optimizer = (*Rprop)(nil)

// NewRprop returns Rprop with PyTorch's defaults, as registered.
func NewRprop() *Rprop { return defaultOptimizer("rprop").(*Rprop) }

func init() {
	RegisterOptimizer(OptimizerSpec{
		Name: "rprop", Title: "Rprop", Rank: 100,
		Hypers: []Hyper{
			lrHyper(0.01),
			{Key: "eta_minus", Short: "em", Symbol: "η₋", Default: 0.5, Min: 0, Max: 1, MinOpen: true, MaxOpen: true,
				Help: "factor of the step size when the gradient's sign changes"},
			{Key: "eta_plus", Short: "ep", Symbol: "η₊", Default: 1.2, Min: 1, Max: math.Inf(1), MinOpen: true, MaxOpen: true,
				Help: "factor of the step size when the gradient's sign stays"},
			{Key: "step_min", Short: "smin", Symbol: "Δmin", Default: 1e-6, Max: math.Inf(1), MaxOpen: true, Log: true,
				Help: "smallest step size"},
			{Key: "step_max", Short: "smax", Symbol: "Δmax", Default: 50, Min: 0, Max: math.Inf(1), MinOpen: true, MaxOpen: true, Log: true,
				Help: "largest step size"},
		},
		Formula: `Δ ← η at the first step; g′ ← 0
s ← sign(g·g′)
Δ ← clamp(Δ·η₊, Δmin, Δmax) (s > 0), clamp(Δ·η₋, Δmin, Δmax) (s < 0)
g ← 0 (s < 0)
θ ← θ − sign(g)·Δ
g′ ← g`,
		New: func(h Hypers) Optimizer {
			return &Rprop{Rate: h["lr"], EtaMinus: h["eta_minus"], EtaPlus: h["eta_plus"],
				StepMin: h["step_min"], StepMax: h["step_max"]}
		},
		Torch: "Rprop",
		TorchArgs: func(h Hypers) string {
			return pyKwargs(h, "lr") + ", etas=" + pyPair(h["eta_minus"], h["eta_plus"]) +
				", step_sizes=" + pyPair(h["step_min"], h["step_max"])
		},
		Numpy: `if "prev" not in state:
    state["prev"] = np.zeros_like(p)
    state["step_size"] = np.zeros_like(p) + lr  # read only here, as torch does
s = np.sign(g * state["prev"])
factor = np.where(s > 0, eta_plus, np.where(s < 0, eta_minus, 1.0))
state["step_size"] = np.clip(state["step_size"] * factor, step_min, step_max)
g = np.where(s < 0, 0.0, g)
p -= np.sign(g) * state["step_size"]
state["prev"] = g`,
		Check: func(h Hypers) error {
			if h["step_max"] < h["step_min"] {
				return fieldErr("step_max", h["step_max"], "want at least step_min (%g)", h["step_min"])
			}
			return nil
		},
	})
}

// rpropSign is torch.sign: -1, 0 or 1 (NaN stays NaN).
func rpropSign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return v
}

// Step applies one Rprop update.
func (o *Rprop) Step(params, grad []float64) {
	checkLens(params, grad)
	n := len(params)
	if o.prev == nil {
		o.prev, o.d, o.delta = make([]float64, n), make([]float64, n), make([]float64, n)
		o.stepSize = filled(n, o.Rate)
	}
	for i, g := range grad {
		before := params[i]
		o.d[i] = g
		s := rpropSign(g * o.prev[i])
		factor := 1.0
		switch {
		case s > 0:
			factor = o.EtaPlus
		case s < 0:
			factor = o.EtaMinus
		}
		o.stepSize[i] = min(max(o.stepSize[i]*factor, o.StepMin), o.StepMax)
		if s < 0 {
			g = 0
		}
		params[i] += float64(-rpropSign(g) * o.stepSize[i])
		o.prev[i] = g
		o.delta[i] = params[i] - before
	}
}

// Trace returns grad, prev (the gradient kept for the next step, 0 where
// the sign changed), step_size (Δ) and delta.
func (o *Rprop) Trace() []Quantity {
	if o.d == nil {
		return nil
	}
	return []Quantity{{"grad", o.d}, {"prev", o.prev}, {"step_size", o.stepSize}, {"delta", o.delta}}
}

// Reset forgets the previous gradient and the step sizes; the next step
// starts them again from η.
func (o *Rprop) Reset() { o.prev, o.stepSize, o.d, o.delta = nil, nil, nil, nil }

// LR returns η.
func (o *Rprop) LR() float64 { return o.Rate }

// SetLR sets η, which takes effect only at the first step after a Reset.
func (o *Rprop) SetLR(lr float64) { o.Rate = lr }
