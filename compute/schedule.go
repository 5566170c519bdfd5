package compute

import (
	"fmt"
	"math"
)

// Schedule gives the learning rate for an epoch (counted from 0) from the
// base rate η₀. The closed forms match PyTorch's schedulers stepped once per
// epoch; on a surface, where there is no data, an epoch is one step.
//
// Each schedule also says itself in Python, for exports: Python is the same
// rate as an expression in base (a float or numpy array) and epoch (an
// int), with math imported; Torch is the torch.optim.lr_scheduler that
// gives it, built on the optimizer opt and stepped once per epoch, or ""
// when the rate never changes.
type Schedule interface {
	LR(base float64, epoch int) float64
	Python() string
	Torch() string
}

// Constant keeps η₀ for ever.
type Constant struct{}

// LR returns base.
func (Constant) LR(base float64, epoch int) float64 { return base }

// Python returns base.
func (Constant) Python() string { return "base" }

// Torch returns "": no scheduler.
func (Constant) Torch() string { return "" }

// StepDecay is torch's StepLR: η = η₀ γ^⌊epoch/StepSize⌋.
type StepDecay struct {
	StepSize int
	Gamma    float64
}

// LR returns η₀ γ^⌊epoch/StepSize⌋.
func (s StepDecay) LR(base float64, epoch int) float64 {
	return base * portablePow(s.Gamma, float64(epoch/s.StepSize))
}

// Python returns base * γ ** (epoch // StepSize).
func (s StepDecay) Python() string {
	return fmt.Sprintf("base * %s ** (epoch // %d)", PyFloat(s.Gamma), s.StepSize)
}

// Torch returns StepLR.
func (s StepDecay) Torch() string {
	return fmt.Sprintf("torch.optim.lr_scheduler.StepLR(opt, step_size=%d, gamma=%s)", s.StepSize, PyFloat(s.Gamma))
}

// Exponential is torch's ExponentialLR: η = η₀ γ^epoch.
type Exponential struct {
	Gamma float64
}

// LR returns η₀ γ^epoch.
func (s Exponential) LR(base float64, epoch int) float64 {
	return base * portablePow(s.Gamma, float64(epoch))
}

// Python returns base * γ ** epoch.
func (s Exponential) Python() string { return fmt.Sprintf("base * %s ** epoch", PyFloat(s.Gamma)) }

// Torch returns ExponentialLR.
func (s Exponential) Torch() string {
	return fmt.Sprintf("torch.optim.lr_scheduler.ExponentialLR(opt, gamma=%s)", PyFloat(s.Gamma))
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

// Python returns base / (1 + Decay * epoch).
func (s InverseTime) Python() string { return fmt.Sprintf("base / (1 + %s * epoch)", PyFloat(s.Decay)) }

// Torch returns LambdaLR with the factor 1 / (1 + Decay·epoch).
func (s InverseTime) Torch() string {
	return fmt.Sprintf("torch.optim.lr_scheduler.LambdaLR(opt, lambda epoch: 1 / (1 + %s * epoch))", PyFloat(s.Decay))
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

// Python returns the cosine-annealed rate.
func (s Cosine) Python() string {
	return fmt.Sprintf("%[1]s + (base - %[1]s) * (1 + math.cos(math.pi * epoch / %[2]d)) / 2", PyFloat(s.EtaMin), s.TMax)
}

// Torch returns CosineAnnealingLR.
func (s Cosine) Torch() string {
	return fmt.Sprintf("torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=%d, eta_min=%s)", s.TMax, PyFloat(s.EtaMin))
}
