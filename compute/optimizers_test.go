package compute

import (
	"errors"
	"testing"
)

// TestOptimizersTrace checks that each optimizer traces non-empty,
// full-length quantities after one step, ending with delta, and nothing
// after Reset.
func TestOptimizersTrace(t *testing.T) {
	for _, spec := range Optimizers() {
		name := spec.Name
		o := spec.New(spec.Defaults())
		if o.Trace() != nil {
			t.Errorf("%s: trace before the first step", name)
		}
		params, grad := []float64{1, -2, 3}, []float64{0.5, -0.25, 2}
		o.Step(params, grad)
		q := o.Trace()
		if len(q) == 0 || q[0].Name != "grad" || q[len(q)-1].Name != "delta" {
			t.Errorf("%s: trace %v, want grad … delta", name, q)
		}
		for _, x := range q {
			if x.Name == "" || len(x.Values) != len(params) {
				t.Errorf("%s: quantity %q has %d values", name, x.Name, len(x.Values))
			}
		}
		o.Reset()
		if o.Trace() != nil {
			t.Errorf("%s: trace after Reset", name)
		}
	}
}

// TestOptimizersNoAllocs checks that Step allocates only at the first
// step.
func TestOptimizersNoAllocs(t *testing.T) {
	for _, spec := range Optimizers() {
		name := spec.Name
		o := spec.New(spec.Defaults())
		params, grad := []float64{1, 2}, []float64{0.1, -0.3}
		o.Step(params, grad)
		if a := testing.AllocsPerRun(10, func() { o.Step(params, grad) }); a != 0 {
			t.Errorf("%s: %g allocations per step", name, a)
		}
	}
}

// TestOptimizersResetRepeats checks that after Reset a run repeats
// exactly, so no state survives it.
func TestOptimizersResetRepeats(t *testing.T) {
	run := func(o Optimizer) []float64 {
		p := []float64{1.5, -0.5}
		for i := range 20 {
			o.Step(p, []float64{p[0] - float64(i%3), 2 * p[1]})
		}
		return p
	}
	for _, spec := range Optimizers() {
		name := spec.Name
		h := spec.Defaults()
		if _, ok := h["weight_decay"]; ok {
			h["weight_decay"] = 0.01
		}
		o := spec.New(h)
		a := run(o)
		o.Reset()
		b := run(o)
		if a[0] != b[0] || a[1] != b[1] {
			t.Errorf("%s: %v after Reset, want %v", name, b, a)
		}
	}
}

// TestRpropIgnoresLaterLR checks that, as in torch, Rprop reads the
// learning rate only at its first step.
func TestRpropIgnoresLaterLR(t *testing.T) {
	a, b := NewRprop(), NewRprop()
	pa, pb := []float64{1}, []float64{1}
	a.Step(pa, []float64{2})
	b.Step(pb, []float64{2})
	if pa[0] != 1-0.01 {
		t.Fatalf("first step to %v, want %v", pa[0], 1-0.01)
	}
	b.SetLR(10)
	for _, g := range []float64{2, 3, -1, 4} {
		a.Step(pa, []float64{g})
		b.Step(pb, []float64{g})
	}
	if pa[0] != pb[0] {
		t.Errorf("SetLR after the first step changed the path: %v, want %v", pb[0], pa[0])
	}
	b.Reset()
	pb[0] = 1
	b.Step(pb, []float64{2})
	if pb[0] != 1-10 {
		t.Errorf("after Reset the first step went to %v, want %v", pb[0], 1-10.0)
	}
}

// TestRpropStepSizes checks the growth, shrink, clamp and skipped step of
// Rprop's step sizes.
func TestRpropStepSizes(t *testing.T) {
	o := &Rprop{Rate: 1, EtaMinus: 0.5, EtaPlus: 2, StepMin: 0.3, StepMax: 3}
	p := []float64{0}
	want := []struct{ g, step, p float64 }{
		{1, 1, -1},      // first step: Δ = η
		{1, 2, -3},      // same sign: Δ·η₊
		{1, 3, -6},      // clamped at Δmax
		{-1, 1.5, -6},   // sign change: Δ·η₋, no step
		{-1, 1.5, -4.5}, // prev was zeroed: Δ kept, step taken
	}
	for i, w := range want {
		o.Step(p, []float64{w.g})
		if o.stepSize[0] != w.step || p[0] != w.p {
			t.Errorf("step %d: Δ = %v, θ = %v, want %v, %v", i+1, o.stepSize[0], p[0], w.step, w.p)
		}
	}
}

// TestRpropCheck checks that step_max below step_min is refused.
func TestRpropCheck(t *testing.T) {
	spec, _ := OptimizerByName("rprop")
	_, err := spec.Resolve(Hypers{"step_min": 1, "step_max": 0.5})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "step_max" {
		t.Errorf("got %v, want a step_max field error", err)
	}
	if _, err := spec.Resolve(Hypers{"step_min": 0.5, "step_max": 0.5}); err != nil {
		t.Errorf("step_max = step_min: %v", err)
	}
}
