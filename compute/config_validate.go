package compute

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// FieldError is a Config field whose value is not allowed. Field is the JSON
// name; the command line spells it with dashes.
type FieldError struct {
	Field   string
	Value   any
	Allowed string
}

func (e *FieldError) Error() string {
	if e.Value == nil {
		return fmt.Sprintf("config: %s: %s", e.Field, e.Allowed)
	}
	return fmt.Sprintf("config: %s = %s: %s", e.Field, e.Quoted(), e.Allowed)
}

// Quoted returns the value as a message shows it (see QuoteValue).
func (e *FieldError) Quoted() string { return QuoteValue(fmt.Sprint(e.Value)) }

func fieldErr(field string, v any, format string, args ...any) error {
	return &FieldError{Field: field, Value: v, Allowed: fmt.Sprintf(format, args...)}
}

func oneOf(field, v string, allowed []string) error {
	if slices.Contains(allowed, v) {
		return nil
	}
	return fieldErr(field, QuoteString(v), "want one of %s", strings.Join(allowed, ", "))
}

// Validate checks every field of a Config that has had its defaults filled
// in and returns the first problem as a *FieldError.
func (c Config) Validate() error {
	if err := oneOf("model", c.Model, ModelNames); err != nil {
		return err
	}
	if err := c.validateUnused(); err != nil {
		return err
	}
	if err := c.validateData(); err != nil {
		return err
	}
	if err := c.validateOptimizer(); err != nil {
		return err
	}
	if err := c.validateSchedule(); err != nil {
		return err
	}
	if err := c.validateRecording(); err != nil {
		return err
	}
	if err := oneOf("variant", c.Variant, VariantNames); err != nil {
		return err
	}
	switch {
	case c.BatchSize < 0:
		return fieldErr("batch_size", c.BatchSize, "want ≥ 1")
	case c.BatchSize > 0 && c.Variant != string(MiniBatch):
		return fieldErr("batch_size", c.BatchSize, "only the minibatch variant takes a batch size")
	case c.Steps < 0:
		return fieldErr("steps", c.Steps, "want ≥ 1")
	case c.Epochs < 0:
		return fieldErr("epochs", c.Epochs, "want ≥ 1")
	case c.Steps > 0 && c.Epochs > 0:
		return fieldErr("steps", c.Steps, "give steps or epochs, not both")
	case c.L1 < 0 || !finite(c.L1):
		return fieldErr("l1", c.L1, "want a finite number ≥ 0")
	case c.L2 < 0 || !finite(c.L2):
		return fieldErr("l2", c.L2, "want a finite number ≥ 0")
	}
	for i, v := range c.Start {
		if !finite(v) {
			return fieldErr("start", c.Start, "coordinate %d is not a finite number", i+1)
		}
	}
	return nil
}

func (c Config) validateData() error {
	if c.Model == "surface" {
		if _, err := SurfaceByName(c.Surface); err != nil {
			return fieldErr("surface", QuoteString(c.Surface), "want one of %s", strings.Join(SurfaceNames(), ", "))
		}
		if c.Variant != "" && c.Variant != string(Batch) {
			return fieldErr("variant", c.Variant, "a surface has no data: only batch applies")
		}
		return nil
	}
	if c.Surface != "" {
		return fieldErr("surface", c.Surface, "only the surface model takes a surface")
	}
	switch c.Data {
	case "classic":
	case "linear", "blobs":
		if c.N < 1 || c.N > 100_000_000 {
			return fieldErr("n", c.N, "want 1 ≤ n ≤ 100000000")
		}
		if c.Features < 0 || c.Features > 64 {
			return fieldErr("features", c.Features, "want 1 ≤ features ≤ 64")
		}
		if c.Data == "blobs" && c.Features > 2 {
			return fieldErr("features", c.Features, "blobs data has 2 features")
		}
		if b := dataBytes(c.N, max(c.Features, 1)); b > MaxDataBytes {
			return fieldErr("n", c.N, "%d samples of %d features need %d MB, more than the limit of %d MB",
				c.N, max(c.Features, 1), b>>20, MaxDataBytes>>20)
		}
		for _, f := range []struct {
			key string
			p   *float64
		}{{"slope", c.Slope}, {"intercept", c.Intercept}} {
			if f.p != nil && !finite(*f.p) {
				return fieldErr(f.key, *f.p, "want a finite number")
			}
		}
		if c.Noise != nil && (*c.Noise < 0 || !finite(*c.Noise)) {
			return fieldErr("noise", *c.Noise, "want a finite number ≥ 0")
		}
	case "":
		return fieldErr("data", `""`, "want classic, linear, blobs or a CSV file path")
	default:
		if !strings.HasSuffix(strings.ToLower(c.Data), ".csv") {
			return fieldErr("data", QuoteString(c.Data), "want classic, linear, blobs or a path ending in .csv")
		}
	}
	return nil
}

func (c Config) validateOptimizer() error {
	spec, err := OptimizerByName(c.Optimizer)
	if err != nil {
		return oneOf("optimizer", c.Optimizer, OptimizerNames())
	}
	if _, err := spec.Resolve(c.Hyper); err != nil {
		return err
	}
	for _, v := range c.LRScales {
		if !(v > 0) || !finite(v) {
			return fieldErr("lr_scales", c.LRScales, "want finite numbers > 0")
		}
	}
	return nil
}

// validateRecording checks record_every and full_loss.
func (c Config) validateRecording() error {
	if c.RecordEvery < 0 {
		return fieldErr("record_every", c.RecordEvery, "want ≥ 1")
	}
	if _, err := ParseLossPolicy(c.FullLoss); err != nil {
		return fieldErr("full_loss", QuoteString(c.FullLoss), "%v", err)
	}
	return nil
}

func (c Config) validateSchedule() error {
	if err := oneOf("schedule", c.Schedule, ScheduleNames); err != nil {
		return err
	}
	gamma := value(c.Gamma, 0.5)
	switch c.Schedule {
	case "step":
		if c.StepSize < 0 {
			return fieldErr("step_size", c.StepSize, "want ≥ 1")
		}
		fallthrough
	case "exponential":
		if !(gamma > 0 && gamma <= 1) {
			return fieldErr("gamma", gamma, "want 0 < gamma ≤ 1")
		}
	case "inverse-time":
		if d := value(c.Decay, 0.01); d < 0 || !finite(d) {
			return fieldErr("decay", d, "want a finite number ≥ 0")
		}
	case "cosine":
		if c.TMax < 0 {
			return fieldErr("t_max", c.TMax, "want ≥ 1")
		}
		if c.EtaMin < 0 || !finite(c.EtaMin) {
			return fieldErr("eta_min", c.EtaMin, "want a finite number ≥ 0")
		}
	}
	return nil
}

func interval(lo, hi float64, loOpen, hiOpen bool) string {
	left := "≤"
	if loOpen {
		left = "<"
	}
	if math.IsInf(hi, 1) {
		if loOpen {
			return fmt.Sprintf("a number > %g", lo)
		}
		return fmt.Sprintf("a number ≥ %g", lo)
	}
	right := "≤"
	if hiOpen {
		right = "<"
	}
	return fmt.Sprintf("%g %s value %s %g", lo, left, right, hi)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
