package compute

import "strings"

// fieldUse says, for a Config field that only some runs read, when it
// counts as given and when the run uses it. A field given to a run that
// does not use it is an error, as an optimizer's hyperparameter given to
// another optimizer is: nothing the user typed is silently ignored.
type fieldUse struct {
	key   string
	given func(Config) bool
	used  func(Config) bool
	users string
}

func syntheticData(c Config) bool {
	return c.Model != "surface" && (c.Data == "linear" || c.Data == "blobs")
}

// fieldUses lists the fields that only some runs read.
var fieldUses = []fieldUse{
	{"n", func(c Config) bool { return c.N != 0 }, syntheticData, "synthetic data (linear, blobs)"},
	{"features", func(c Config) bool { return c.Features != 0 }, syntheticData, "synthetic data (linear, blobs)"},
	{"slope", func(c Config) bool { return c.Slope != nil }, func(c Config) bool { return syntheticData(c) && c.Data == "linear" }, "linear data"},
	{"intercept", func(c Config) bool { return c.Intercept != nil }, func(c Config) bool { return syntheticData(c) && c.Data == "linear" }, "linear data"},
	{"noise", func(c Config) bool { return c.Noise != nil }, syntheticData, "synthetic data (linear, blobs)"},
	{"target", func(c Config) bool { return c.Target != "" }, func(c Config) bool {
		return c.Model != "surface" && strings.HasSuffix(strings.ToLower(c.Data), ".csv")
	}, "CSV data"},
	{"seed", func(c Config) bool { return c.Seed != 0 }, func(c Config) bool {
		return syntheticData(c) || c.Model != "surface" && c.Shuffle && c.Variant != string(Batch)
	}, "synthetic data and shuffled runs"},
	{"shuffle", func(c Config) bool { return c.Shuffle }, func(c Config) bool { return c.Variant == string(Stochastic) || c.Variant == string(MiniBatch) }, "the sgd and minibatch variants"},
	{"step_size", func(c Config) bool { return c.StepSize != 0 }, func(c Config) bool { return c.Schedule == "step" }, "the step schedule"},
	{"gamma", func(c Config) bool { return c.Gamma != nil }, func(c Config) bool { return c.Schedule == "step" || c.Schedule == "exponential" }, "the step and exponential schedules"},
	{"decay", func(c Config) bool { return c.Decay != nil }, func(c Config) bool { return c.Schedule == "inverse-time" }, "the inverse-time schedule"},
	{"t_max", func(c Config) bool { return c.TMax != 0 }, func(c Config) bool { return c.Schedule == "cosine" }, "the cosine schedule"},
	{"eta_min", func(c Config) bool { return c.EtaMin != 0 }, func(c Config) bool { return c.Schedule == "cosine" }, "the cosine schedule"},
}

// Reads reports whether a run of c reads the field key: false for a field
// that only some runs read (n, seed, gamma, …) when this one does not,
// true otherwise. Defaults are filled in first.
func (c Config) Reads(key string) bool {
	c = c.WithDefaults()
	for _, f := range fieldUses {
		if f.key == key {
			return f.used(c)
		}
	}
	return true
}

// validateUnused refuses a field given to a run that does not read it.
func (c Config) validateUnused() error {
	for _, f := range fieldUses {
		if f.given(c) && !f.used(c) {
			return fieldErr(f.key, nil, "this run does not use it (only %s use it)", f.users)
		}
	}
	return nil
}
