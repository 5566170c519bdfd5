package compute

import (
	"context"
	"fmt"
	"maps"
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
	// Path and Losses record the path (thinned on long runs) and the
	// full-data losses.
	Path   *PathRecorder
	Losses *LossRecorder
	// Stop is why the latest Execute stopped.
	Stop StopReason
}

// Build fills in c's defaults, validates it and builds the run on the given
// backend (nil means the CPU backend), with a path and a loss recorder and
// any others given. Nothing is built when any field is invalid.
func (c Config) Build(backend Backend, recorders ...Recorder) (*Run, error) {
	c = c.WithDefaults()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	r := &Run{Config: c, Path: NewPathRecorder(0), Losses: NewLossRecorder(0)}
	if err := r.buildObjective(); err != nil {
		return nil, err
	}
	dim := r.Objective.Dim()
	start := c.Start
	switch {
	case start == nil && r.Surface != nil:
		start = r.Surface.Start[:]
	case start == nil:
		start = make([]float64, dim)
	case len(start) != dim:
		return nil, fieldErr("start", start, "want %d coordinates for this model", dim)
	}
	if c.LRScales != nil && len(c.LRScales) != dim {
		return nil, fieldErr("lr_scales", c.LRScales, "want %d values for this model", dim)
	}
	r.Config.Start = append([]float64(nil), start...)
	policy, _ := ParseLossPolicy(c.FullLoss)
	opts := TrainerOptions{
		Backend: backend, Schedule: c.LRSchedule(), RecordEvery: c.RecordEvery, FullLoss: policy,
		Penalty:   Penalty{L1: c.L1, L2: c.L2, Mask: r.Objective.Layout().PenaltyMask()},
		Recorders: append([]Recorder{r.Path, r.Losses}, recorders...),
	}
	if r.Data != nil {
		var err error
		if opts.Sampler, err = c.sampler(r.Data.Len()); err != nil {
			return nil, err
		}
	}
	opt, err := c.optimizer()
	if err != nil {
		return nil, err
	}
	r.Trainer, err = NewTrainer(r.Objective, opt, start, opts)
	return r, err
}

// Execute runs the configured number of steps or epochs.
func (r *Run) Execute(ctx context.Context) StopReason {
	if r.Config.Steps > 0 {
		r.Stop = r.Trainer.Run(ctx, r.Config.Steps)
	} else {
		r.Stop = r.Trainer.RunEpochs(ctx, r.Config.Epochs)
	}
	return r.Stop
}

// ParamNames names the parameters, from the model's layout: slope and
// intercept for one feature, w1…wD and b for several, x and y on a surface.
func (r *Run) ParamNames() []string { return r.Objective.Layout().Names() }

// Result returns the run in the descent.run/v1 format, with the optimizer's
// trace when trace is true.
func (r *Run) Result(trace bool) *Result {
	tr := r.Trainer
	res := &Result{
		Schema: ResultSchema, Config: r.Config, ParamNames: r.ParamNames(), Path: r.Path.Points(),
		Loss: r.Losses.Points(), Final: append(Floats(nil), tr.Params()...), Steps: tr.Steps(),
		Epochs: tr.Epochs(), Stop: r.Stop, Counts: tr.Counts(),
	}
	if trace {
		for _, q := range tr.Optimizer().Trace() {
			res.Trace = append(res.Trace, Quantity{Name: q.Name, Values: append(Floats(nil), q.Values...)})
		}
	}
	return res
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
	case "classic":
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

// optimizer builds the registered optimizer with the Config's
// hyperparameters, as parameter groups when LRScales is set.
func (c Config) optimizer() (Optimizer, error) {
	spec, err := OptimizerByName(c.Optimizer)
	if err != nil {
		return nil, err
	}
	h, err := spec.Resolve(c.Hyper)
	if err != nil {
		return nil, err
	}
	if c.LRScales == nil {
		return spec.New(h), nil
	}
	return NewParamGroups(c.LRScales, h["lr"], func(lr float64) Optimizer {
		g := maps.Clone(h)
		g["lr"] = lr
		return spec.New(g)
	}), nil
}

// LRSchedule returns the learning-rate schedule of a Config with its
// defaults filled in (see WithDefaults).
func (c Config) LRSchedule() Schedule {
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
		return InverseTime{Decay: value(c.Decay, 0.01)}
	case "cosine":
		tmax := c.TMax
		if tmax == 0 {
			tmax = max(c.Steps, c.Epochs)
		}
		return Cosine{TMax: tmax, EtaMin: c.EtaMin}
	}
	return Constant{}
}

// Batching returns, for a Config with its defaults filled in and n
// samples, the number of samples per step (at most n) and whether each
// epoch visits them in its own seeded order (SeededPermuter{Seed}).
func (c Config) Batching(n int) (size int, shuffled bool) {
	size = n
	switch Variant(c.Variant) {
	case Stochastic:
		size = 1
	case MiniBatch:
		size = c.BatchSize
	}
	size = min(size, n)
	return size, c.Shuffle && size < n
}

func (c Config) sampler(n int) (*Sampler, error) {
	size, shuffled := c.Batching(n)
	var p Permuter
	if shuffled {
		p = SeededPermuter{Seed: c.Seed}
	}
	return NewSampler(n, size, p)
}
