package main

import (
	"flag"
	"fmt"
	"slices"
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
	isBool      bool
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

func positiveInt(dst func(c *compute.Config) *int) func(*compute.Config, string) error {
	return func(c *compute.Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return fmt.Errorf("want a whole number ≥ 1")
		}
		*dst(c) = n
		return nil
	}
}

// strVal sets a string field; an empty value is an error, since "" is how
// a Config says "unset".
func strVal(dst func(c *compute.Config) *string) func(*compute.Config, string) error {
	return func(c *compute.Config, v string) error {
		if v == "" {
			return fmt.Errorf("want a value (leave the flag out for the default)")
		}
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
	{"model", "model: " + strings.Join(compute.ModelNames, "|"), strVal(func(c *compute.Config) *string { return &c.Model }), false},
	{"surface", "test surface: " + strings.Join(compute.SurfaceNames(), "|"), strVal(func(c *compute.Config) *string { return &c.Surface }), false},
	{"data", "data: " + strings.Join(compute.DataNames, "|") + "|PATH.csv", strVal(func(c *compute.Config) *string { return &c.Data }), false},
	{"target", "CSV column to predict (default: the last)", strVal(func(c *compute.Config) *string { return &c.Target }), false},
	{"n", "samples of synthetic data (default 100)", positiveInt(func(c *compute.Config) *int { return &c.N }), false},
	{"features", "features of synthetic linear data (default 1)", positiveInt(func(c *compute.Config) *int { return &c.Features }), false},
	{"slope", "slope of synthetic linear data (default 2)", floatPtr(func(c *compute.Config) **float64 { return &c.Slope }), false},
	{"intercept", "intercept of synthetic linear data (default 1)", floatPtr(func(c *compute.Config) **float64 { return &c.Intercept }), false},
	{"noise", "noise standard deviation of synthetic data (default 1)", floatPtr(func(c *compute.Config) **float64 { return &c.Noise }), false},
	{"seed", "seed for synthetic data and shuffling, ≥ 1 (default 1)", func(c *compute.Config, v string) error {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil || n == 0 {
			return fmt.Errorf("want a whole number ≥ 1")
		}
		c.Seed = n
		return nil
	}, false},
	{"optimizer", "optimizer: " + strings.Join(compute.OptimizerNames(), "|"), strVal(func(c *compute.Config) *string { return &c.Optimizer }), false},
	{"lr-scales", "per-parameter learning-rate factors, comma-separated (parameter groups)", floatList(func(c *compute.Config) *[]float64 { return &c.LRScales }), false},
	{"l1", "L1 penalty weight on the loss", floatVal(func(c *compute.Config) *float64 { return &c.L1 }), false},
	{"l2", "L2 penalty weight on the loss (λ/2·Σw²)", floatVal(func(c *compute.Config) *float64 { return &c.L2 }), false},
	{"schedule", "learning-rate schedule: " + strings.Join(compute.ScheduleNames, "|"), strVal(func(c *compute.Config) *string { return &c.Schedule }), false},
	{"step-size", "epochs between step-schedule decays (default 100)", positiveInt(func(c *compute.Config) *int { return &c.StepSize }), false},
	{"gamma", "decay factor of step (0.5) and exponential (0.99) schedules", floatPtr(func(c *compute.Config) **float64 { return &c.Gamma }), false},
	{"decay", "inverse-time decay rate (default 0.01)", floatPtr(func(c *compute.Config) **float64 { return &c.Decay }), false},
	{"t-max", "cosine schedule period in epochs (default: the run length)", positiveInt(func(c *compute.Config) *int { return &c.TMax }), false},
	{"eta-min", "cosine schedule floor (default 0)", floatVal(func(c *compute.Config) *float64 { return &c.EtaMin }), false},
	{"variant", "variant: " + strings.Join(compute.VariantNames, "|"), strVal(func(c *compute.Config) *string { return &c.Variant }), false},
	{"batch-size", "minibatch size (default 32)", positiveInt(func(c *compute.Config) *int { return &c.BatchSize }), false},
	{"shuffle", "draw a new seeded order of the data every epoch", boolVal(func(c *compute.Config) *bool { return &c.Shuffle }), true},
	{"epochs", "epochs to run (default 1000 for regression)", positiveInt(func(c *compute.Config) *int { return &c.Epochs }), false},
	{"steps", "steps to run instead of epochs (default 500 on a surface)", positiveInt(func(c *compute.Config) *int { return &c.Steps }), false},
	{"start", "initial parameters, comma-separated (e.g. -1.5,2)", floatList(func(c *compute.Config) *[]float64 { return &c.Start }), false},
	{"record-every", "record every k-th step and the last (default 1)", positiveInt(func(c *compute.Config) *int { return &c.RecordEvery }), false},
	{"full-loss", "when to evaluate the full-data loss: every|epoch|end|never|K steps (default: epoch on data, every on a surface)", strVal(func(c *compute.Config) *string { return &c.FullLoss }), false},
}

// hyperFlags are the optimizers' hyperparameters as flags, one per key of
// the registry, named as the key with dashes.
func hyperFlags() []configFlag {
	var flags []configFlag
	for _, key := range compute.HyperKeys() {
		h, _ := compute.HyperByKey(key)
		set := func(c *compute.Config, v string) error {
			var f float64
			if h.Bool {
				b, err := strconv.ParseBool(v)
				if err != nil {
					return fmt.Errorf("want true or false")
				}
				if b {
					f = 1
				}
			} else {
				var err error
				if f, err = strconv.ParseFloat(v, 64); err != nil {
					return fmt.Errorf("want a number")
				}
			}
			if c.Hyper == nil {
				c.Hyper = compute.Hypers{}
			}
			c.Hyper[key] = f
			return nil
		}
		flags = append(flags, configFlag{name: strings.ReplaceAll(key, "_", "-"), usage: hyperUsage(key), set: set, isBool: h.Bool})
	}
	return flags
}

// hyperUsage describes a hyperparameter flag: its help and each
// optimizer's default.
func hyperUsage(key string) string {
	h, _ := compute.HyperByKey(key)
	var defaults []string
	for _, spec := range compute.Optimizers() {
		if p, ok := spec.Hyper(key); ok {
			d := strconv.FormatFloat(p.Default, 'g', -1, 64)
			if p.Bool {
				d = strconv.FormatBool(p.Default != 0)
			}
			defaults = append(defaults, spec.Name+" "+d)
		}
	}
	return strings.TrimSpace(h.Symbol+" "+h.Help) + " (default: " + strings.Join(defaults, ", ") + ")"
}

// allFlags returns the Config fields' flags and the hyperparameters'.
func allFlags() []configFlag { return append(slices.Clone(configFlags), hyperFlags()...) }

// registerConfigFlags adds every config flag to fs, recording the ones given
// into *given in command-line order.
func registerConfigFlags(fs *flag.FlagSet, given *[]setting) {
	for _, f := range allFlags() {
		record := func(v string) error {
			*given = append(*given, setting{f.name, v})
			return f.set(&compute.Config{}, v)
		}
		if f.isBool {
			fs.BoolFunc(f.name, f.usage, record)
			continue
		}
		fs.Func(f.name, f.usage, record)
	}
}

// applySettings applies the recorded flags to c.
func applySettings(c *compute.Config, given []setting) error {
	flags := allFlags()
	named := map[string]bool{}
	for _, s := range given {
		named[s.name] = true
	}
	// A run's length is steps or epochs: a flag for one overrides the
	// other from a --config file.
	switch {
	case named["steps"] && !named["epochs"]:
		c.Epochs = 0
	case named["epochs"] && !named["steps"]:
		c.Steps = 0
	}
	for _, s := range given {
		for _, f := range flags {
			if f.name == s.name {
				if err := f.set(c, s.value); err != nil {
					return fmt.Errorf("--%s %q: %w", s.name, s.value, err)
				}
			}
		}
	}
	return nil
}
