package playground

import (
	"math"
	"reflect"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// TestEveryScenarioRaces opens each scenario, races 200 steps and checks
// that every racer ran, the loss went down for most of them, and nothing
// was refused.
func TestEveryScenarioRaces(t *testing.T) {
	for _, s := range Scenarios() {
		w, err := NewWorld(s.Name)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if w.Err != nil {
			t.Fatalf("%s: %v", s.Name, w.Err)
		}
		w.Advance(200)
		down, enabled := 0, 0
		for _, r := range w.Racers {
			if !r.Enabled {
				continue
			}
			enabled++
			if r.Trainer() == nil {
				t.Fatalf("%s/%s: no run", s.Name, r.Name())
			}
			l := r.Losses()
			if l[len(l)-1] < l[0] {
				down++
			}
		}
		if enabled != len(s.Rates) {
			t.Errorf("%s: %d racers enabled, want the %d the scenario tunes", s.Name, enabled, len(s.Rates))
		}
		if s.Name != "saddle" && down < enabled-1 {
			t.Errorf("%s: the loss fell for only %d of %d racers", s.Name, down, enabled)
		}
	}
}

// TestSetStartRestartsAllRacers checks that a click's start point is where
// every racer restarts.
func TestSetStartRestartsAllRacers(t *testing.T) {
	w, _ := NewWorld("himmelblau")
	w.Advance(10)
	w.SetStart(1.5, -2)
	for _, r := range w.Racers {
		tr := r.Trainer()
		if !r.Enabled {
			continue
		}
		if tr.Steps() != 0 || tr.Params()[0] != 1.5 || tr.Params()[1] != -2 {
			t.Errorf("%s: steps %d at %v after SetStart", r.Name(), tr.Steps(), tr.Params())
		}
	}
}

// TestFieldMatchesObjective checks the loss grid against the objective at
// grid points, including the penalty.
func TestFieldMatchesObjective(t *testing.T) {
	w, _ := NewWorld("classic")
	w.Settings.L2 = 0.5
	w.Reset()
	f := w.Field()
	obj := w.Leader().run.Objective
	for _, cr := range [][2]int{{0, 0}, {17, 200}, {255, 255}} {
		x := f.XMin + float64(cr[0])*(f.XMax-f.XMin)/float64(f.Cols-1)
		y := f.YMin + float64(cr[1])*(f.YMax-f.YMin)/float64(f.Rows-1)
		want := obj.Func([]float64{x, y}) + 0.25*x*x
		if got := f.Values[cr[1]*f.Cols+cr[0]]; math.Abs(got-want) > 1e-9*max(1, want) {
			t.Errorf("field at %v = %g, objective + penalty %g", cr, got, want)
		}
	}
}

// TestBatchFieldFollowsVariant checks that the batch surface exists for
// mini-batch runs and not for full batch.
func TestBatchFieldFollowsVariant(t *testing.T) {
	w, _ := NewWorld("linear")
	w.Advance(1)
	if _, ok := w.BatchField(); ok {
		t.Error("a full-batch run has a batch surface")
	}
	w.Settings.Variant, w.Settings.BatchSize, w.Settings.Shuffle = "minibatch", 4, true
	w.Reset()
	w.Advance(1)
	f, ok := w.BatchField()
	if !ok || len(f.Values) != f.Cols*f.Rows {
		t.Fatal("no batch surface for a mini-batch run")
	}
	if f.Values[0] == w.Field().Values[0] {
		t.Error("the batch surface equals the full-data surface")
	}
}

// TestRaceStopsWhenAllStop checks that a race whose racers all diverge
// (the gradient-descent family at a rate far beyond 2/curvature; adaptive
// methods take bounded steps and would not) pauses itself.
func TestRaceStopsWhenAllStop(t *testing.T) {
	w, _ := NewWorld("bowl")
	for _, r := range w.Racers {
		r.Hyper["lr"] = 50
		r.Enabled = r.Spec.Name == "sgd" || r.Spec.Name == "momentum" || r.Spec.Name == "nesterov"
	}
	w.Reset()
	w.Playing = true
	for range 100 {
		w.Advance(10)
	}
	if w.Playing {
		t.Error("still playing after every racer diverged")
	}
	for _, r := range w.Racers {
		if r.Enabled && r.Trainer().Stopped() == compute.Running {
			t.Errorf("%s still running at lr 50", r.Name())
		}
	}
}

// TestRacerHyperparametersReachTheOptimizer checks that the panel's
// per-racer values build the optimizers: each racer's Hyper, changed from
// the defaults, is what its run's optimizer was made from (the reference
// is the registry's own New with the same values).
func TestRacerHyperparametersReachTheOptimizer(t *testing.T) {
	w, _ := NewWorld("beale")
	for _, r := range w.Racers {
		r.Enabled = true
		for _, c := range hyperControls(r.Spec) {
			if c.Hyper.Key == "lr" {
				r.Hyper["lr"] = 0.003
				continue
			}
			// A value inside the allowed range and away from the default.
			r.Hyper[c.Hyper.Key] = c.clamp(nudged(c))
		}
	}
	w.Reset()
	if w.Err != nil {
		t.Fatal(w.Err)
	}
	for _, r := range w.Racers {
		want := r.Spec.New(r.hypers())
		got := r.Trainer().Optimizer()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s built %+v, want %+v", r.Name(), got, want)
		}
	}
}

// TestConvergenceMapAndOpenCell computes a Himmelblau convergence map band
// by band, checks its progress and that a cell's readout and "open" agree
// with the map: the opened start is the cell's start.
func TestConvergenceMapAndOpenCell(t *testing.T) {
	w, _ := NewWorld("himmelblau")
	w.View = ConvergenceView
	w.MapSteps = 200
	last := 0.0
	for last < 1 {
		p, err := w.StepMap()
		if err != nil {
			t.Fatal(err)
		}
		if p <= last {
			t.Fatalf("progress went from %g to %g", last, p)
		}
		last = p
	}
	m, _ := w.Map()
	minima := map[int]bool{}
	for _, c := range m.Cells {
		if c.Status == compute.RunConverged {
			minima[c.Minimum] = true
		}
	}
	if len(minima) < 4 {
		t.Errorf("the map reaches %d distinct minima, want all four of Himmelblau's", len(minima))
	}
	c, r := mapSize/4, mapSize/3
	if s := w.CellReadout(c, r); s == "" {
		t.Error("no readout for a computed cell")
	}
	x, y := m.Spec.At(c, r)
	w.OpenCell(c, r)
	if w.View != RaceView || w.Start()[0] != x || w.Start()[1] != y {
		t.Errorf("opened view %d at %v, want the race from (%g, %g)", w.View, w.Start(), x, y)
	}
}

// TestTrainabilityMapCellOpensExactRun opens a two-learning-rate cell and
// checks the racer reproduces that cell's end point.
func TestTrainabilityMapCellOpensExactRun(t *testing.T) {
	w, _ := NewWorld("bowl")
	w.View, w.MapSteps = TrainabilityView, 100
	for p := 0.0; p < 1; {
		var err error
		if p, err = w.StepMap(); err != nil {
			t.Fatal(err)
		}
	}
	m, _ := w.Map()
	c, r := mapSize/2, mapSize/3
	cell := m.Cells[r*mapSize+c]
	racer := w.mapRacer()
	w.OpenCell(c, r)
	tr := racer.Trainer()
	for tr.Steps() < cell.Steps && tr.Stopped() == compute.Running {
		tr.Step()
	}
	if cell.Status != compute.RunDiverged {
		if got := w.objective().Func(tr.Params()); math.Abs(got-cell.Loss) > 1e-9*max(1, cell.Loss) {
			t.Errorf("raced run ends at loss %g, the map's cell at %g", got, cell.Loss)
		}
	}
}
