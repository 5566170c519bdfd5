package compute

import "math"

// Adadelta is torch.optim.Adadelta. With gradient g,
//
//	g ← g + λθ
//	v ← ρv + (1-ρ)g²
//	Δx = √(u + ε) / √(v + ε) · g
//	u ← ρu + (1-ρ)Δx²
//	θ ← θ - ηΔx
//
// where v is square_avg and u is acc_delta.
type Adadelta struct {
	// Rate is η (PyTorch default 1.0).
	Rate float64
	// Rho is the decay rate ρ of both running averages (default 0.9).
	Rho float64
	// Eps is ε, added inside both square roots (default 1e-6).
	Eps float64
	// WeightDecay is λ (default 0).
	WeightDecay float64

	sq, acc, d, std, delta []float64
}

var _ Optimizer = (*Adadelta)(nil)

// NewAdadelta returns Adadelta with PyTorch's defaults, as registered.
func NewAdadelta() *Adadelta { return defaultOptimizer("adadelta").(*Adadelta) }

func init() {
	RegisterOptimizer(OptimizerSpec{
		Name: "adadelta", Title: "Adadelta", Rank: 45,
		Hypers: []Hyper{
			lrHyper(1.0),
			{Key: "rho", Short: "rho", Symbol: "ρ", Default: 0.9, Max: 1,
				Help: "decay rate of the squared-gradient and squared-update averages"},
			epsHyper(1e-6), weightDecayHyper(0),
		},
		Torch: "Adadelta", TorchArgs: func(h Hypers) string { return pyKwargs(h, "lr", "rho", "eps", "weight_decay") },
		Numpy: `if "square_avg" not in state:
    state["square_avg"] = np.zeros_like(p)
    state["acc_delta"] = np.zeros_like(p)
if weight_decay != 0:
    g = g + weight_decay * p
state["square_avg"] = state["square_avg"] * rho + (1 - rho) * g * g
std = np.sqrt(state["square_avg"] + eps)
dx = np.sqrt(state["acc_delta"] + eps) / std * g
state["acc_delta"] = state["acc_delta"] * rho + (1 - rho) * dx * dx
p -= lr * dx`,
		Formula: `g ← g + λθ
v ← ρv + (1−ρ)g²
Δx ← √(u + ε) / √(v + ε) · g
u ← ρu + (1−ρ)Δx²
θ ← θ − ηΔx`,
		New: func(h Hypers) Optimizer {
			return &Adadelta{Rate: h["lr"], Rho: h["rho"], Eps: h["eps"], WeightDecay: h["weight_decay"]}
		},
	})
}

// Step applies one Adadelta update.
func (o *Adadelta) Step(params, grad []float64) {
	checkLens(params, grad)
	n := len(params)
	if o.sq == nil {
		o.sq, o.acc, o.d = make([]float64, n), make([]float64, n), make([]float64, n)
		o.std, o.delta = make([]float64, n), make([]float64, n)
	}
	for i, g := range grad {
		before := params[i]
		if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * params[i])
		}
		o.d[i] = g
		o.sq[i] = float64(o.sq[i]*o.Rho) + float64((1-o.Rho)*g*g)
		std := math.Sqrt(o.sq[i] + o.Eps)
		o.std[i] = std
		dx := float64(math.Sqrt(o.acc[i]+o.Eps) / std * g)
		o.acc[i] = float64(o.acc[i]*o.Rho) + float64((1-o.Rho)*dx*dx)
		params[i] += float64(-o.Rate * dx)
		o.delta[i] = params[i] - before
	}
}

// Trace returns grad, square_avg (v), acc_delta (u), std (√(v + ε)) and
// delta.
func (o *Adadelta) Trace() []Quantity {
	if o.d == nil {
		return nil
	}
	return []Quantity{{"grad", o.d}, {"square_avg", o.sq}, {"acc_delta", o.acc}, {"std", o.std}, {"delta", o.delta}}
}

// Reset forgets both running averages.
func (o *Adadelta) Reset() { o.sq, o.acc, o.d, o.std, o.delta = nil, nil, nil, nil, nil }

// LR returns η.
func (o *Adadelta) LR() float64 { return o.Rate }

// SetLR sets η.
func (o *Adadelta) SetLR(lr float64) { o.Rate = lr }
