package tune

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"github.com/descent-playground/descent/compute"
)

// Trial is one run of a sweep: the values it tried, the Config that ran
// them and, once run, its outcome.
type Trial struct {
	// ID numbers the trials of a sweep from 0 in the order they were
	// planned.
	ID int `json:"id"`
	// Rung is the successive-halving round (0 for grid and random), and
	// Budget the steps or epochs (see Sweep.Unit) this trial ran for.
	Rung   int `json:"rung"`
	Budget int `json:"budget"`
	// Values are the swept values, in the Space's order.
	Values []float64 `json:"values"`
	// Config is the complete run, as "descent run" takes it.
	Config compute.Config `json:"config"`

	// Done says the trial has run; the fields below are its outcome.
	Done bool `json:"done"`
	// Loss is the full-data loss plus penalty at the final parameters
	// (null in JSON when not finite).
	Loss compute.Float `json:"loss"`
	// Final is the final parameter vector.
	Final compute.Floats `json:"final"`
	// Steps and Epochs are how far it ran.
	Steps  int `json:"steps"`
	Epochs int `json:"epochs"`
	// Stop is why it stopped: finished, diverged, non-finite or cancelled.
	Stop compute.StopReason `json:"stop"`
	// Err is why the run could not be built, or "".
	Err string `json:"error,omitempty"`
	// Wall is the time the run took.
	Wall time.Duration `json:"wall_ns"`
}

// OK says the trial ran to its end with a finite loss: it finished, or as
// a map's run (see RunMap) it converged or ran every step unfinished.
func (t *Trial) OK() bool {
	ended := t.Stop == compute.Finished || t.Stop == Converged || t.Stop == Unfinished
	return t.Done && t.Err == "" && ended && !math.IsNaN(float64(t.Loss)) && !math.IsInf(float64(t.Loss), 0)
}

// tier ranks how a trial ended: finished or converged, then a map's
// unfinished run, then the rest.
func (t *Trial) tier() int {
	switch {
	case !t.OK():
		return 2
	case t.Stop == Unfinished:
		return 1
	}
	return 0
}

// Execute runs the trial's Config as "descent run" does (Config.Build, then
// Run.Execute) and fills in its outcome. A run that diverges is an outcome,
// not an error.
func (t *Trial) Execute(ctx context.Context) {
	start := time.Now()
	defer func() { t.Wall, t.Done = time.Since(start), true }()
	run, err := t.Config.Build(nil)
	if err != nil {
		t.Err, t.Loss = err.Error(), compute.Float(math.NaN())
		return
	}
	t.Stop = run.Execute(ctx)
	tr := run.Trainer
	t.Loss = compute.Float(tr.Loss())
	t.Final = slices.Clone(tr.Params())
	t.Steps, t.Epochs = tr.Steps(), tr.Epochs()
}

// compareTrials orders trials best first: those that finished (or, in a
// map, converged) with a finite loss by loss, then a map's unfinished runs
// by loss, then the rest (diverged, non-finite, cancelled, failed, not
// run); ties by ID.
func compareTrials(a, b *Trial) int {
	if c := cmp.Compare(a.tier(), b.tier()); c != 0 {
		return c
	}
	if a.OK() {
		if c := cmp.Compare(a.Loss, b.Loss); c != 0 {
			return c
		}
	}
	return cmp.Compare(a.ID, b.ID)
}

// Ranked returns the trials sorted best first (see compareTrials).
func Ranked(trials []*Trial) []*Trial {
	out := slices.Clone(trials)
	slices.SortStableFunc(out, compareTrials)
	return out
}
