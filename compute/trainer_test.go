package compute

import (
	"context"
	"math"
	"testing"
)

// TestTrainerStopsOnDivergence runs gradient descent with a rate beyond
// 2/curvature on the bowl and expects it to stop as diverged.
func TestTrainerStopsOnDivergence(t *testing.T) {
	s, _ := SurfaceByName("bowl")
	tr, _ := NewTrainer(s, NewSGD(0.2), []float64{1, 1}, TrainerOptions{})
	if r := tr.Run(context.Background(), 1000); r != Diverged {
		t.Fatalf("stopped %q, want diverged", r)
	}
	if tr.Steps() >= 1000 {
		t.Errorf("ran all %d steps", tr.Steps())
	}
	if r := tr.Step(); r != Diverged {
		t.Errorf("a stopped trainer stepped on: %q", r)
	}
}

// TestTrainerStopsOnNonFinite starts at infinity-adjacent values whose
// gradient overflows.
func TestTrainerStopsOnNonFinite(t *testing.T) {
	s, _ := SurfaceByName("rosenbrock")
	tr, _ := NewTrainer(s, NewSGD(1), []float64{1e200, 1}, TrainerOptions{})
	if r := tr.Run(context.Background(), 10); r != NonFinite {
		t.Fatalf("stopped %q, want non-finite", r)
	}
}

// TestTrainerCancel cancels a long run and checks it stops promptly with
// its path recorded up to that point.
func TestTrainerCancel(t *testing.T) {
	s, _ := SurfaceByName("booth")
	path := NewPathRecorder(0)
	tr, _ := NewTrainer(s, NewSGD(1e-6), []float64{0, 0}, TrainerOptions{Recorders: []Recorder{path}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r := tr.Run(ctx, 1_000_000); r != Cancelled {
		t.Fatalf("stopped %q, want cancelled", r)
	}
	if tr.Steps() > 1024 {
		t.Errorf("took %d steps after cancellation", tr.Steps())
	}
	if path.Len() != tr.Steps()+1 {
		t.Errorf("path has %d points after %d steps", path.Len(), tr.Steps())
	}
}

// TestRecordEvery checks sparse recording: start, every k-th step, and the
// last point.
func TestRecordEvery(t *testing.T) {
	s, _ := SurfaceByName("bowl")
	path := NewPathRecorder(0)
	tr, _ := NewTrainer(s, NewSGD(0.01), []float64{1, 1}, TrainerOptions{RecordEvery: 10, Recorders: []Recorder{path}})
	tr.Run(context.Background(), 95)
	if got := path.Len(); got != 1+9+1 {
		t.Errorf("%d points recorded, want 11", got)
	}
	batchLosses := 0
	for _, p := range path.Points() {
		if !math.IsNaN(float64(p.BatchLoss)) {
			batchLosses++
		}
	}
	if batchLosses != 9 {
		t.Errorf("%d batch losses, want 9", batchLosses)
	}
	coords := path.Coords()
	last := coords[len(coords)-1]
	if last[0] != tr.Params()[0] || last[1] != tr.Params()[1] {
		t.Errorf("last point %v is not the final parameters %v", last, tr.Params())
	}
}

// TestL2PenaltyEqualsWeightDecay checks the documented scaling: an L2
// penalty λ moves plain gradient descent exactly as weight_decay = λ.
func TestL2PenaltyEqualsWeightDecay(t *testing.T) {
	s, _ := SurfaceByName("himmelblau")
	a, _ := NewTrainer(s, NewSGD(0.005), []float64{-1, 1}, TrainerOptions{Penalty: Penalty{L2: 0.3}})
	b, _ := NewTrainer(s, &SGD{Rate: 0.005, WeightDecay: 0.3}, []float64{-1, 1}, TrainerOptions{})
	a.Run(context.Background(), 300)
	b.Run(context.Background(), 300)
	for i := range 2 {
		if !near(a.Params()[i], b.Params()[i], 1e-13) {
			t.Errorf("θ[%d]: penalty %.17g, weight decay %.17g", i, a.Params()[i], b.Params()[i])
		}
	}
}

// TestPenaltyGradient checks the penalty's gradient by finite differences
// away from zero and sign(0) = 0 at zero, and that a regression's layout
// spares the intercept.
func TestPenaltyGradient(t *testing.T) {
	p := Penalty{L1: 0.7, L2: 1.3, Mask: regressionLayout(2).PenaltyMask()}
	x := []float64{0.4, -2, 5}
	g := make([]float64, 3)
	p.AddGrad(g, x)
	want := centralDiff(p.Value, x)
	for i := range g {
		if math.Abs(g[i]-want[i]) > 1e-6 {
			t.Errorf("grad[%d] = %g, finite difference %g", i, g[i], want[i])
		}
	}
	if g[2] != 0 {
		t.Errorf("intercept penalized: %g", g[2])
	}
	g = make([]float64, 3)
	p.AddGrad(g, []float64{0, 0, 0})
	if g[0] != 0 || g[1] != 0 {
		t.Errorf("L1 gradient at 0 is %v, want sign(0) = 0", g)
	}
}

// TestSchedulesClosedForm checks each schedule at a few epochs against
// its formula written out by hand.
func TestSchedulesClosedForm(t *testing.T) {
	cases := []struct {
		s     Schedule
		epoch int
		want  float64
	}{
		{Constant{}, 50, 0.1},
		{StepDecay{StepSize: 10, Gamma: 0.5}, 9, 0.1},
		{StepDecay{StepSize: 10, Gamma: 0.5}, 25, 0.025},
		{Exponential{Gamma: 0.9}, 2, 0.081},
		{InverseTime{Decay: 0.5}, 4, 0.1 / 3},
		{Cosine{TMax: 100, EtaMin: 0.01}, 0, 0.1},
		{Cosine{TMax: 100, EtaMin: 0.01}, 50, 0.055},
		{Cosine{TMax: 100, EtaMin: 0.01}, 100, 0.01},
	}
	for _, c := range cases {
		if got := c.s.LR(0.1, c.epoch); !near(got, c.want, 1e-14) {
			t.Errorf("%T%+v at epoch %d: %g, want %g", c.s, c.s, c.epoch, got, c.want)
		}
	}
}

// TestShuffledLargeRunIsDeterministic runs a shuffled mini-batch SGD on
// data large enough that epochs are prepared on another goroutine, twice,
// and against a run that reorders every epoch synchronously (a replay of
// the same permutations below the prepare-ahead size is not possible, so
// the reference reorders by hand).
func TestShuffledLargeRunIsDeterministic(t *testing.T) {
	m := linearModel(t, 3*aheadSamples)
	run := func() []float64 {
		s, _ := NewSampler(m.Len(), 64, SeededPermuter{Seed: 11})
		tr, _ := NewTrainer(m, NewSGD(1e-3), []float64{0, 0}, TrainerOptions{Sampler: s, RecordEvery: -1})
		tr.RunEpochs(context.Background(), 4)
		return append([]float64(nil), tr.Params()...)
	}
	a, b := run(), run()
	ref := []float64{0, 0}
	grad := make([]float64, 2)
	order := make([]int32, m.Len())
	for e := range 4 {
		SeededPermuter{Seed: 11}.Permute(order, e)
		d := m.WithData(m.Dataset().Reordered(order, nil))
		for lo := 0; lo < m.Len(); lo += 64 {
			hi := min(lo+64, m.Len())
			d.GradRange(grad, ref, lo, hi, false)
			for i := range ref {
				ref[i] += -1e-3 * grad[i] / float64(hi-lo)
			}
		}
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("θ[%d] differs between identical runs: %v vs %v", i, a[i], b[i])
		}
		if !near(a[i], ref[i], 1e-12) {
			t.Errorf("θ[%d] = %.15g, hand-reordered reference %.15g", i, a[i], ref[i])
		}
	}
}

// TestLastBatch checks that the trainer reports the batch each recorded
// step used: the epoch's order cut into batches.
func TestLastBatch(t *testing.T) {
	m := NewLinearRegression(ClassicData())
	s, _ := NewSampler(5, 2, SeededPermuter{Seed: 3})
	tr, _ := NewTrainer(m, NewSGD(0.01), []float64{0, 0}, TrainerOptions{Sampler: s})
	order := make([]int32, 5)
	SeededPermuter{Seed: 3}.Permute(order, 0)
	for _, want := range [][]int32{order[0:2], order[2:4], order[4:5]} {
		tr.Step()
		if got := tr.LastBatch(); len(got) != len(want) || got[0] != want[0] {
			t.Fatalf("batch %v, want %v", got, want)
		}
	}
	full, _ := NewTrainer(m, NewSGD(0.01), []float64{0, 0}, TrainerOptions{})
	full.Step()
	if full.LastBatch() != nil {
		t.Errorf("full batch reported %v", full.LastBatch())
	}
}

// TestLRScalesArePerParameterRates checks that per-parameter rates move each
// coordinate as plain gradient descent at that coordinate's own rate does
// (the bowl's coordinates are independent).
func TestLRScalesArePerParameterRates(t *testing.T) {
	s, _ := SurfaceByName("bowl")
	groups := NewParamGroups([]float64{1, 3}, 0.01, func(lr float64) Optimizer { return NewSGD(lr) })
	both, _ := NewTrainer(s, groups, []float64{2, 1}, TrainerOptions{})
	xOnly, _ := NewTrainer(s, NewSGD(0.01), []float64{2, 1}, TrainerOptions{})
	yOnly, _ := NewTrainer(s, NewSGD(0.03), []float64{2, 1}, TrainerOptions{})
	for _, tr := range []*Trainer{both, xOnly, yOnly} {
		tr.Run(context.Background(), 50)
	}
	if both.Params()[0] != xOnly.Params()[0] || both.Params()[1] != yOnly.Params()[1] {
		t.Errorf("per-parameter rates gave %v, want (%g, %g)", both.Params(), xOnly.Params()[0], yOnly.Params()[1])
	}
}
