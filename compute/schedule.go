package compute

import "math"

// Schedule gives the learning rate for an epoch (counted from 0) from the
// base rate η₀. The closed forms match PyTorch's schedulers stepped once per
// epoch; on a surface, where there is no data, an epoch is one step.
type Schedule interface {
	LR(base float64, epoch int) float64
}

// Constant keeps η₀ for ever.
type Constant struct{}

// LR returns base.
func (Constant) LR(base float64, epoch int) float64 { return base }

// StepDecay is torch's StepLR: η = η₀ γ^⌊epoch/StepSize⌋.
type StepDecay struct {
	StepSize int
	Gamma    float64
}

// LR returns η₀ γ^⌊epoch/StepSize⌋.
func (s StepDecay) LR(base float64, epoch int) float64 {
	return base * portablePow(s.Gamma, float64(epoch/s.StepSize))
}

// Exponential is torch's ExponentialLR: η = η₀ γ^epoch.
type Exponential struct {
	Gamma float64
}

// LR returns η₀ γ^epoch.
func (s Exponential) LR(base float64, epoch int) float64 {
	return base * portablePow(s.Gamma, float64(epoch))
}

// InverseTime is η = η₀ / (1 + Decay·epoch), the classic 1/t decay (torch's
// LambdaLR with that factor).
type InverseTime struct {
	Decay float64
}

// LR returns η₀ / (1 + Decay·epoch).
func (s InverseTime) LR(base float64, epoch int) float64 {
	return base / (1 + float64(s.Decay*float64(epoch)))
}

// Cosine is torch's CosineAnnealingLR:
// η = η_min + (η₀ - η_min)(1 + cos(π·epoch/TMax))/2.
type Cosine struct {
	TMax   int
	EtaMin float64
}

// LR returns the cosine-annealed rate.
func (s Cosine) LR(base float64, epoch int) float64 {
	return s.EtaMin + float64((base-s.EtaMin)*(1+portableCos(math.Pi*float64(epoch)/float64(s.TMax)))/2)
}
