package playground

import (
	"image/color"

	"github.com/descent-playground/descent/compute"
)

// racerKind is one optimizer that races: its label, compute's optimizer
// name and its colour.
type racerKind struct {
	Label     string
	Optimizer string
	Color     color.RGBA
}

// racerKinds are the racing optimizers, in legend order, with colours from
// a colour-blind-safe palette (Okabe–Ito).
var racerKinds = [...]racerKind{
	{"SGD", "sgd", color.RGBA{0xe6, 0x9f, 0x00, 0xff}},
	{"Momentum", "momentum", color.RGBA{0x56, 0xb4, 0xe9, 0xff}},
	{"Nesterov", "nesterov", color.RGBA{0x00, 0x9e, 0x73, 0xff}},
	{"Adagrad", "adagrad", color.RGBA{0xf0, 0xe4, 0x42, 0xff}},
	{"RMSprop", "rmsprop", color.RGBA{0xd5, 0x5e, 0x00, 0xff}},
	{"Adam", "adam", color.RGBA{0xcc, 0x79, 0xa7, 0xff}},
}

// Racer is one optimizer in the race: whether it runs, its own
// hyperparameters, and its run.
type Racer struct {
	Kind    racerKind
	Enabled bool
	// LR is the learning rate; Momentum is used by Momentum and Nesterov,
	// Alpha by RMSprop, Beta1 and Beta2 by Adam.
	LR, Momentum, Alpha, Beta1, Beta2 float64
	// Scales are per-parameter learning-rate factors, set when a
	// trainability map's cell with two learning rates is opened.
	Scales []float64
	run    *compute.Run
}

// Name returns the racer's label.
func (r *Racer) Name() string { return r.Kind.Label }

// Trainer returns the racer's trainer, or nil when it is disabled or its
// configuration was refused.
func (r *Racer) Trainer() *compute.Trainer {
	if r.run == nil {
		return nil
	}
	return r.run.Trainer
}

// velocity returns the optimizer's momentum or first-moment vector when it
// keeps one.
func (r *Racer) velocity() []float64 {
	tr := r.Trainer()
	if tr == nil {
		return nil
	}
	if v, ok := tr.Optimizer().(interface{ Velocity() []float64 }); ok {
		return v.Velocity()
	}
	return nil
}
