package compute

import (
	"context"
	"fmt"
)

// Run is a Config built into the objects that carry it out.
type Run struct {
	// Config is the configuration with its defaults filled in.
	Config Config
	// Objective is the function being minimized (without the penalty).
	Objective Objective
	// Data is the data set, or nil for a surface.
	Data *Dataset
	// Surface is the test function, or nil for a data model.
	Surface *Surface
	// Trainer runs the descent.
	Trainer *Trainer
}

// Build fills in c's defaults, validates it and builds the run on the given
// backend (nil means the CPU backend). Nothing is built when any field is
// invalid.
func (c Config) Build(backend Backend) (*Run, error) {
	c = c.WithDefaults()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	r := &Run{Config: c}
	if err := r.buildObjective(); err != nil {
		return nil, err
	}
	start := c.Start
	switch {
	case start == nil && r.Surface != nil:
		start = r.Surface.Start[:]
	case start == nil:
		start = make([]float64, r.Objective.Dim())
	case len(start) != r.Objective.Dim():
		return nil, fieldErr("start", start, "want %d coordinates for this model", r.Objective.Dim())
	}
	if c.LRScales != nil && len(c.LRScales) != r.Objective.Dim() {
		return nil, fieldErr("lr_scales", c.LRScales, "want %d values for this model", r.Objective.Dim())
	}
	r.Config.Start = append([]float64(nil), start...)
	opts := TrainerOptions{Backend: backend, Schedule: c.schedule(), Penalty: Penalty{L1: c.L1, L2: c.L2}}
	if r.Data != nil {
		opts.Penalty.Skip = 1
		var err error
		if opts.Sampler, err = c.sampler(r.Data.Len()); err != nil {
			return nil, err
		}
	}
	var err error
	r.Trainer, err = NewTrainer(r.Objective, c.optimizer(), start, opts)
	return r, err
}

// Execute runs the configured number of steps or epochs.
func (r *Run) Execute(ctx context.Context) StopReason {
	if r.Config.Steps > 0 {
		return r.Trainer.Run(ctx, r.Config.Steps)
	}
	return r.Trainer.RunEpochs(ctx, r.Config.Epochs)
}

// ParamNames names the parameters: slope and intercept for one feature,
// w1…wD and b for several, x and y on a surface.
func (r *Run) ParamNames() []string {
	switch {
	case r.Surface != nil:
		return []string{"x", "y"}
	case r.Data.Features() == 1:
		return []string{"slope", "intercept"}
	}
	var names []string
	for j := range r.Data.Features() {
		names = append(names, fmt.Sprintf("w%d", j+1))
	}
	return append(names, "b")
}

func (r *Run) buildObjective() error {
	c := r.Config
	if c.Model == "surface" {
		s, err := SurfaceByName(c.Surface)
		r.Surface, r.Objective = s, s
		return err
	}
	var err error
	switch c.Data {
	case "seed":
		r.Data = ClassicData()
	case "linear":
		r.Data, err = LinearData(LinearSpec{
			N: c.N, Features: c.Features, Slope: value(c.Slope, 2), Intercept: value(c.Intercept, 1),
			Noise: value(c.Noise, 1), Seed: c.Seed,
		})
	case "blobs":
		r.Data, err = BlobsData(BlobsSpec{N: c.N, Separation: 3, Spread: value(c.Noise, 1), Seed: c.Seed})
	default:
		r.Data, err = LoadCSVFile(c.Data, c.Target)
	}
	if err != nil {
		return fmt.Errorf("config: data: %w", err)
	}
	if c.Model == "logreg" {
		for i, y := range r.Data.Y {
			if y != 0 && y != 1 {
				return fieldErr("data", c.Data, "logistic regression needs 0/1 targets; sample %d has %g", i+1, y)
			}
		}
		r.Objective = NewLogisticRegression(r.Data)
		return nil
	}
	r.Objective = NewLinearRegression(r.Data)
	return nil
}

func (c Config) optimizer() Optimizer {
	lr := value(c.LR, 0.01)
	switch c.Optimizer {
	case "adagrad":
		o := NewAdagrad()
		o.Rate, o.LRDecay, o.InitialAccumulator = lr, value(c.LRDecay, o.LRDecay), value(c.InitialAccumulator, 0)
		o.Eps, o.WeightDecay = value(c.Eps, o.Eps), value(c.WeightDecay, 0)
		return o
	case "rmsprop":
		o := NewRMSprop()
		o.Rate, o.Alpha, o.Eps = lr, value(c.Alpha, o.Alpha), value(c.Eps, o.Eps)
		o.WeightDecay, o.Momentum, o.Centered = value(c.WeightDecay, 0), value(c.Momentum, 0), c.Centered
		return o
	case "adam", "adamw":
		o := NewAdam()
		if c.Optimizer == "adamw" {
			o = NewAdamW()
		}
		o.Rate, o.Beta1, o.Beta2 = lr, value(c.Beta1, o.Beta1), value(c.Beta2, o.Beta2)
		o.Eps, o.WeightDecay, o.AMSGrad = value(c.Eps, o.Eps), value(c.WeightDecay, o.WeightDecay), c.AMSGrad
		return o
	}
	o := NewSGD(lr)
	defMomentum := 0.0
	if c.Optimizer != "sgd" {
		defMomentum = 0.9
	}
	o.Momentum, o.Dampening = value(c.Momentum, defMomentum), value(c.Dampening, 0)
	o.WeightDecay, o.Nesterov = value(c.WeightDecay, 0), c.Optimizer == "nesterov"
	o.Scales = c.LRScales
	return o
}

func (c Config) schedule() Schedule {
	switch c.Schedule {
	case "step":
		size := c.StepSize
		if size == 0 {
			size = 100
		}
		return StepDecay{StepSize: size, Gamma: value(c.Gamma, 0.5)}
	case "exponential":
		return Exponential{Gamma: value(c.Gamma, 0.99)}
	case "inverse-time":
		decay := c.Decay
		if decay == 0 {
			decay = 0.01
		}
		return InverseTime{Decay: decay}
	case "cosine":
		tmax := c.TMax
		if tmax == 0 {
			tmax = max(c.Steps, c.Epochs)
		}
		return Cosine{TMax: tmax, EtaMin: c.EtaMin}
	}
	return Constant{}
}

func (c Config) sampler(n int) (*Sampler, error) {
	size := n
	switch Variant(c.Variant) {
	case Stochastic:
		size = 1
	case MiniBatch:
		size = c.BatchSize
	}
	var p Permuter
	if c.Shuffle && size < n {
		p = SeededPermuter{Seed: c.Seed}
	}
	return NewSampler(n, size, p)
}
