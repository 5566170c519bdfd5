package compute

import (
	"slices"
	"strconv"
	"strings"
)

// Config describes a run completely: the model and its data, the loss
// penalty, the optimizer and its hyperparameters, the learning-rate
// schedule, the variant and batch size, the seed, the start point and how
// long to run. It round-trips through JSON and the command line; a field
// left at its zero value (or a nil hyperparameter) takes the documented
// default, so hyperparameters that are not set are PyTorch's defaults for
// the chosen optimizer. Because zero means "unset", the JSON decoder and
// the command line refuse an explicit 0 or "" where it means nothing, and
// Validate refuses any field the run would not read.
type Config struct {
	// Model is "linreg" (MSE), "logreg" (binary cross-entropy) or "surface".
	Model string `json:"model,omitempty"`
	// Surface names the test function when Model is "surface" (default
	// himmelblau, where every default converges).
	Surface string `json:"surface,omitempty"`
	// Data is "classic" (the classic five points), "linear" (synthetic linear
	// data), "blobs" (two Gaussian classes) or the path of a CSV file.
	Data string `json:"data,omitempty"`
	// Target is the CSV column to predict; empty means the last column.
	Target string `json:"target,omitempty"`
	// N, Features, Slope, Intercept and Noise shape synthetic data.
	N         int      `json:"n,omitempty"`
	Features  int      `json:"features,omitempty"`
	Slope     *float64 `json:"slope,omitempty"`
	Intercept *float64 `json:"intercept,omitempty"`
	Noise     *float64 `json:"noise,omitempty"`
	// Seed seeds the synthetic data and the per-epoch shuffles.
	Seed uint64 `json:"seed,omitempty"`

	// L1 and L2 are penalty weights on the loss (the intercept is not
	// penalized); see Penalty.
	L1 float64 `json:"l1,omitempty"`
	L2 float64 `json:"l2,omitempty"`

	// Optimizer names a registered optimizer (see Optimizers).
	Optimizer string `json:"optimizer,omitempty"`
	// Hyper holds the optimizer's hyperparameters that are set, by key
	// (lr, momentum, beta1, …); the others take the optimizer's defaults.
	// In JSON each is a top-level key of the Config, a switch written as
	// true or false.
	Hyper Hypers `json:"-"`
	// LRScales gives each parameter its own learning rate lr·LRScales[i]
	// (PyTorch parameter groups), for any optimizer.
	LRScales []float64 `json:"lr_scales,omitempty"`

	// Schedule is constant, step, exponential, inverse-time or cosine.
	Schedule string `json:"schedule,omitempty"`
	// StepSize and Gamma are the step schedule's (Gamma also exponential's).
	StepSize int      `json:"step_size,omitempty"`
	Gamma    *float64 `json:"gamma,omitempty"`
	// Decay is inverse-time's; TMax and EtaMin are cosine's.
	Decay  *float64 `json:"decay,omitempty"`
	TMax   int      `json:"t_max,omitempty"`
	EtaMin float64  `json:"eta_min,omitempty"`

	// Variant is batch, sgd or minibatch; BatchSize is minibatch's B.
	Variant   string `json:"variant,omitempty"`
	BatchSize int    `json:"batch_size,omitempty"`
	// Shuffle draws a new seeded permutation of the data each epoch.
	Shuffle bool `json:"shuffle,omitempty"`

	// Start is the initial parameter vector: zeros for regression, the
	// surface's customary start for a surface.
	Start []float64 `json:"start,omitempty"`
	// Steps or Epochs says how long to run (not both); the default is 1000
	// epochs for regression and 500 steps on a surface.
	Steps  int `json:"steps,omitempty"`
	Epochs int `json:"epochs,omitempty"`

	// RecordEvery records every k-th step (and the last); 0 means 1.
	RecordEvery int `json:"record_every,omitempty"`
	// FullLoss says when the full-data loss is evaluated: "every" step,
	// once per "epoch", only at the "end", "never", or every K steps
	// written as a number. The default is "epoch" on data and, on a
	// surface (where it costs one function value), at every recorded step.
	// A step whose loss is evaluated is always recorded.
	FullLoss string `json:"full_loss,omitempty"`
}

// Names of the choices a Config accepts.
var (
	ModelNames    = []string{"linreg", "logreg", "surface"}
	DataNames     = []string{"classic", "linear", "blobs"}
	ScheduleNames = []string{"constant", "step", "exponential", "inverse-time", "cosine"}
	VariantNames  = []string{string(Batch), string(Stochastic), string(MiniBatch)}
)

// value returns *p, or def when p is nil.
func value(p *float64, def float64) float64 {
	if p == nil {
		return def
	}
	return *p
}

// WithDefaults returns c with every unset choice filled in. Built-in data
// and surface names match case-insensitively and come out in lower case.
func (c Config) WithDefaults() Config {
	if i := slices.IndexFunc(DataNames, func(n string) bool { return strings.EqualFold(n, c.Data) }); i >= 0 {
		c.Data = DataNames[i]
	}
	if s, err := SurfaceByName(c.Surface); err == nil {
		c.Surface = s.Name
	}
	if c.Model == "" {
		c.Model = "linreg"
	}
	switch c.Model {
	case "linreg":
		if c.Data == "" {
			c.Data = "classic"
		}
	case "logreg":
		if c.Data == "" {
			c.Data = "blobs"
		}
	case "surface":
		if c.Surface == "" {
			c.Surface = "himmelblau" // plain gradient descent at its default rate converges here
		}
	}
	if c.Data == "linear" || c.Data == "blobs" {
		if c.N == 0 {
			c.N = 100
		}
		if c.Seed == 0 {
			c.Seed = 1
		}
	}
	if c.Data == "linear" && c.Features == 0 {
		c.Features = 1
	}
	if c.Optimizer == "" {
		c.Optimizer = "sgd"
	}
	if c.Schedule == "" {
		c.Schedule = "constant"
	}
	if c.Variant == "" {
		c.Variant = string(Batch)
	}
	if c.Variant == string(MiniBatch) && c.BatchSize == 0 {
		c.BatchSize = 32
	}
	if c.RecordEvery == 0 {
		c.RecordEvery = 1
	}
	if c.FullLoss == "" {
		c.FullLoss = "epoch"
		if c.Model == "surface" {
			c.FullLoss = "every"
			if c.RecordEvery > 1 {
				c.FullLoss = strconv.Itoa(c.RecordEvery)
			}
		}
	}
	if c.Steps == 0 && c.Epochs == 0 {
		if c.Model == "surface" {
			c.Steps = 500
		} else {
			c.Epochs = 1000
		}
	}
	return c
}
