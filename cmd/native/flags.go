package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// setting is one flag given on the command line, applied to a Config after
// the --config file is read so that flags override the file.
type setting struct {
	name, value string
}

// configFlag describes how one flag sets a Config field.
type configFlag struct {
	name, usage string
	set         func(c *compute.Config, v string) error
}

func floatPtr(dst func(c *compute.Config) **float64) func(*compute.Config, string) error {
	return func(c *compute.Config, v string) error {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Errorf("want a number")
		}
		*dst(c) = &f
		return nil
	}
}

func floatVal(dst func(c *compute.Config) *float64) func(*compute.Config, string) error {
	return func(c *compute.Config, v string) error {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Errorf("want a number")
		}
		*dst(c) = f
		return nil
	}
}

func intVal(dst func(c *compute.Config) *int) func(*compute.Config, string) error {
	return func(c *compute.Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("want a whole number")
		}
		*dst(c) = n
		return nil
	}
}

func strVal(dst func(c *compute.Config) *string) func(*compute.Config, string) error {
	return func(c *compute.Config, v string) error {
		*dst(c) = v
		return nil
	}
}

func boolVal(dst func(c *compute.Config) *bool) func(*compute.Config, string) error {
	return func(c *compute.Config, v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("want true or false")
		}
		*dst(c) = b
		return nil
	}
}

func floatList(dst func(c *compute.Config) *[]float64) func(*compute.Config, string) error {
	return func(c *compute.Config, v string) error {
		var list []float64
		for _, part := range strings.Split(v, ",") {
			f, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
			if err != nil {
				return fmt.Errorf("want numbers separated by commas")
			}
			list = append(list, f)
		}
		*dst(c) = list
		return nil
	}
}

// configFlags lists every flag that sets a Config field, named as the JSON
// field with dashes.
var configFlags = []configFlag{
	{"model", "model: " + strings.Join(compute.ModelNames, "|"), strVal(func(c *compute.Config) *string { return &c.Model })},
	{"surface", "test surface: " + strings.Join(compute.SurfaceNames(), "|"), strVal(func(c *compute.Config) *string { return &c.Surface })},
	{"data", "data: seed|linear|blobs|PATH.csv", strVal(func(c *compute.Config) *string { return &c.Data })},
	{"target", "CSV column to predict (default: the last)", strVal(func(c *compute.Config) *string { return &c.Target })},
	{"n", "samples of synthetic data (default 100)", intVal(func(c *compute.Config) *int { return &c.N })},
	{"features", "features of synthetic linear data (default 1)", intVal(func(c *compute.Config) *int { return &c.Features })},
	{"slope", "slope of synthetic linear data (default 2)", floatPtr(func(c *compute.Config) **float64 { return &c.Slope })},
	{"intercept", "intercept of synthetic linear data (default 1)", floatPtr(func(c *compute.Config) **float64 { return &c.Intercept })},
	{"noise", "noise standard deviation of synthetic data (default 1)", floatPtr(func(c *compute.Config) **float64 { return &c.Noise })},
	{"seed", "seed for synthetic data and shuffling (default 1)", func(c *compute.Config, v string) error {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return fmt.Errorf("want a whole number ≥ 0")
		}
		c.Seed = n
		return nil
	}},
	{"optimizer", "optimizer: " + strings.Join(compute.OptimizerNames, "|"), strVal(func(c *compute.Config) *string { return &c.Optimizer })},
	{"lr", "learning rate (default 0.01; 0.001 for adam, adamw)", floatPtr(func(c *compute.Config) **float64 { return &c.LR })},
	{"momentum", "momentum (sgd, rmsprop; 0.9 for momentum, nesterov)", floatPtr(func(c *compute.Config) **float64 { return &c.Momentum })},
	{"dampening", "SGD momentum dampening (default 0)", floatPtr(func(c *compute.Config) **float64 { return &c.Dampening })},
	{"alpha", "RMSprop smoothing constant (default 0.99)", floatPtr(func(c *compute.Config) **float64 { return &c.Alpha })},
	{"beta1", "Adam β₁ (default 0.9)", floatPtr(func(c *compute.Config) **float64 { return &c.Beta1 })},
	{"beta2", "Adam β₂ (default 0.999)", floatPtr(func(c *compute.Config) **float64 { return &c.Beta2 })},
	{"eps", "ε of adagrad (1e-10), rmsprop and adam (1e-8)", floatPtr(func(c *compute.Config) **float64 { return &c.Eps })},
	{"weight-decay", "optimizer weight decay (default 0; 0.01 for adamw)", floatPtr(func(c *compute.Config) **float64 { return &c.WeightDecay })},
	{"lr-decay", "Adagrad learning-rate decay (default 0)", floatPtr(func(c *compute.Config) **float64 { return &c.LRDecay })},
	{"initial-accumulator", "Adagrad initial accumulator value (default 0)", floatPtr(func(c *compute.Config) **float64 { return &c.InitialAccumulator })},
	{"centered", "centered RMSprop", boolVal(func(c *compute.Config) *bool { return &c.Centered })},
	{"amsgrad", "AMSGrad variant of adam/adamw", boolVal(func(c *compute.Config) *bool { return &c.AMSGrad })},
	{"l1", "L1 penalty weight on the loss", floatVal(func(c *compute.Config) *float64 { return &c.L1 })},
	{"l2", "L2 penalty weight on the loss (λ/2·Σw²)", floatVal(func(c *compute.Config) *float64 { return &c.L2 })},
	{"schedule", "learning-rate schedule: " + strings.Join(compute.ScheduleNames, "|"), strVal(func(c *compute.Config) *string { return &c.Schedule })},
	{"step-size", "epochs between step-schedule decays (default 100)", intVal(func(c *compute.Config) *int { return &c.StepSize })},
	{"gamma", "decay factor of step (0.5) and exponential (0.99) schedules", floatPtr(func(c *compute.Config) **float64 { return &c.Gamma })},
	{"decay", "inverse-time decay rate (default 0.01)", floatVal(func(c *compute.Config) *float64 { return &c.Decay })},
	{"t-max", "cosine schedule period in epochs (default: the run length)", intVal(func(c *compute.Config) *int { return &c.TMax })},
	{"eta-min", "cosine schedule floor (default 0)", floatVal(func(c *compute.Config) *float64 { return &c.EtaMin })},
	{"variant", "variant: " + strings.Join(compute.VariantNames, "|"), strVal(func(c *compute.Config) *string { return &c.Variant })},
	{"batch-size", "minibatch size (default 32)", intVal(func(c *compute.Config) *int { return &c.BatchSize })},
	{"shuffle", "draw a new seeded order of the data every epoch", boolVal(func(c *compute.Config) *bool { return &c.Shuffle })},
	{"epochs", "epochs to run (default 1000 for regression)", intVal(func(c *compute.Config) *int { return &c.Epochs })},
	{"steps", "steps to run instead of epochs (default 500 on a surface)", intVal(func(c *compute.Config) *int { return &c.Steps })},
	{"start", "initial parameters, comma-separated (e.g. -1.5,2)", floatList(func(c *compute.Config) *[]float64 { return &c.Start })},
	{"lr-scales", "per-parameter learning-rate factors, comma-separated (sgd family)", floatList(func(c *compute.Config) *[]float64 { return &c.LRScales })},
}

// registerConfigFlags adds every config flag to fs, recording the ones given
// into *given in command-line order.
func registerConfigFlags(fs *flag.FlagSet, given *[]setting) {
	for _, f := range configFlags {
		record := func(v string) error {
			*given = append(*given, setting{f.name, v})
			return f.set(&compute.Config{}, v)
		}
		if f.name == "shuffle" || f.name == "centered" || f.name == "amsgrad" {
			fs.BoolFunc(f.name, f.usage, record)
			continue
		}
		fs.Func(f.name, f.usage, record)
	}
}

// applySettings applies the recorded flags to c.
func applySettings(c *compute.Config, given []setting) error {
	for _, s := range given {
		for _, f := range configFlags {
			if f.name == s.name {
				if err := f.set(c, s.value); err != nil {
					return fmt.Errorf("--%s %q: %w", s.name, s.value, err)
				}
			}
		}
	}
	return nil
}
