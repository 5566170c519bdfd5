package compute

// Config describes a run completely: the model and its data, the loss
// penalty, the optimizer and its hyperparameters, the learning-rate
// schedule, the variant and batch size, the seed, the start point and how
// long to run. It round-trips through JSON and the command line; a field
// left at its zero value (or a nil hyperparameter) takes the documented
// default, so hyperparameters that are not set are PyTorch's defaults for
// the chosen optimizer.
type Config struct {
	// Model is "linreg" (MSE), "logreg" (binary cross-entropy) or "surface".
	Model string `json:"model,omitempty"`
	// Surface names the test function when Model is "surface".
	Surface string `json:"surface,omitempty"`
	// Data is "seed" (the classic five points), "linear" (synthetic linear
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

	// Optimizer is sgd, momentum, nesterov, adagrad, rmsprop, adam or adamw.
	Optimizer string `json:"optimizer,omitempty"`
	// LR is the base learning rate: 0.01, or 0.001 for adam and adamw.
	LR *float64 `json:"lr,omitempty"`
	// Momentum is SGD's or RMSprop's μ (0.9 for momentum and nesterov).
	Momentum *float64 `json:"momentum,omitempty"`
	// Dampening is SGD's τ.
	Dampening *float64 `json:"dampening,omitempty"`
	// Alpha is RMSprop's smoothing constant.
	Alpha *float64 `json:"alpha,omitempty"`
	// Beta1 and Beta2 are Adam's moment decay rates.
	Beta1 *float64 `json:"beta1,omitempty"`
	Beta2 *float64 `json:"beta2,omitempty"`
	// Eps is the denominator's ε of Adagrad, RMSprop and Adam.
	Eps *float64 `json:"eps,omitempty"`
	// WeightDecay is the optimizer's weight_decay (0.01 for adamw).
	WeightDecay *float64 `json:"weight_decay,omitempty"`
	// LRDecay and InitialAccumulator are Adagrad's.
	LRDecay            *float64 `json:"lr_decay,omitempty"`
	InitialAccumulator *float64 `json:"initial_accumulator,omitempty"`
	// LRScales gives each parameter its own learning rate LR·LRScales[i]
	// (PyTorch parameter groups); sgd, momentum and nesterov only.
	LRScales []float64 `json:"lr_scales,omitempty"`
	// Centered is RMSprop's; AMSGrad is Adam's and AdamW's.
	Centered bool `json:"centered,omitempty"`
	AMSGrad  bool `json:"amsgrad,omitempty"`

	// Schedule is constant, step, exponential, inverse-time or cosine.
	Schedule string `json:"schedule,omitempty"`
	// StepSize and Gamma are the step schedule's (Gamma also exponential's).
	StepSize int      `json:"step_size,omitempty"`
	Gamma    *float64 `json:"gamma,omitempty"`
	// Decay is inverse-time's; TMax and EtaMin are cosine's.
	Decay  float64 `json:"decay,omitempty"`
	TMax   int     `json:"t_max,omitempty"`
	EtaMin float64 `json:"eta_min,omitempty"`

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
}

// Names of the choices a Config accepts.
var (
	ModelNames     = []string{"linreg", "logreg", "surface"}
	OptimizerNames = []string{"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"}
	ScheduleNames  = []string{"constant", "step", "exponential", "inverse-time", "cosine"}
	VariantNames   = []string{string(Batch), string(Stochastic), string(MiniBatch)}
)

// ptr returns a pointer to v.
func ptr(v float64) *float64 { return &v }

// value returns *p, or def when p is nil.
func value(p *float64, def float64) float64 {
	if p == nil {
		return def
	}
	return *p
}

// WithDefaults returns c with every unset choice filled in.
func (c Config) WithDefaults() Config {
	if c.Model == "" {
		c.Model = "linreg"
	}
	switch c.Model {
	case "linreg":
		if c.Data == "" {
			c.Data = "seed"
		}
	case "logreg":
		if c.Data == "" {
			c.Data = "blobs"
		}
	case "surface":
		if c.Surface == "" {
			c.Surface = "rosenbrock"
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
	if c.LR == nil {
		c.LR = ptr(0.01)
		if c.Optimizer == "adam" || c.Optimizer == "adamw" {
			c.LR = ptr(0.001)
		}
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
	if c.Steps == 0 && c.Epochs == 0 {
		if c.Model == "surface" {
			c.Steps = 500
		} else {
			c.Epochs = 1000
		}
	}
	return c
}
