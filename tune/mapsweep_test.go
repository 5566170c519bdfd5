package tune

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// mapSweep plans a grid sweep of a surface run for a map.
func mapSweep(t *testing.T, base compute.Config, points int, specs ...string) *Sweep {
	t.Helper()
	space, err := ParseSpace(specs, base)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Base: base, Space: space, Method: Grid, GridPoints: points})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestMapSpecRefuses checks each sweep a map cannot run is refused with a
// line saying why.
func TestMapSpecRefuses(t *testing.T) {
	surf := compute.Config{Model: "surface", Surface: "rosenbrock", Optimizer: "momentum", Steps: 100}
	with := func(f func(*compute.Config)) compute.Config { c := surf; f(&c); return c }
	for _, c := range []struct {
		base   compute.Config
		method Method
		specs  []string
		want   string
	}{
		{surf, Random, []string{"lr=1e-3:1e-1"}, "runs a grid"},
		{compute.Config{Optimizer: "momentum", Epochs: 10}, Grid, []string{"lr=1e-3:1e-1"}, "surface model, not linreg"},
		{with(func(c *compute.Config) { c.Schedule = "cosine"; c.TMax = 10 }), Grid, []string{"lr=1e-3:1e-1"}, "constant schedule"},
		{with(func(c *compute.Config) { c.L2 = 0.1 }), Grid, []string{"lr=1e-3:1e-1"}, "without a penalty"},
		{with(func(c *compute.Config) { c.LRScales = []float64{1, 2} }), Grid, []string{"lr=1e-3:1e-1"}, "no lr_scales"},
		{with(func(c *compute.Config) { c.Steps = compute.MaxMapSteps + 1 }), Grid, []string{"lr=1e-3:1e-1"}, "runs 1 to 4096 steps"},
		{with(func(c *compute.Config) { c.Optimizer = "rmsprop" }), Grid, []string{"lr=1e-3:1e-1"}, "not rmsprop"},
		{with(func(c *compute.Config) { c.Hyper = compute.Hypers{"weight_decay": 0.1} }), Grid, []string{"lr=1e-3:1e-1"}, "without dampening or weight decay"},
		{with(func(c *compute.Config) { c.Optimizer = "adam"; c.Hyper = compute.Hypers{"amsgrad": 1} }), Grid, []string{"lr=1e-3:1e-1"}, "without weight decay or AMSGrad"},
		{surf, Grid, []string{"dampening=0:0.5"}, "sweeps lr and momentum, not dampening"},
		{surf, Grid, []string{"lr=1e-3:1e-1:lin"}, "lr is linear"},
		{surf, Grid, []string{"momentum=0.1:0.9:log"}, "momentum is log"},
		{surf, Grid, []string{"momentum=0,0.5,0.6"}, "its point 2 is 0.3, not 0.5"},
		{surf, Grid, []string{"momentum=0.9,0"}, "increasing"},
	} {
		space, err := ParseSpace(c.specs, c.base)
		if err != nil {
			t.Fatalf("%v: %v", c.specs, err)
		}
		s, err := New(Options{Base: c.base, Space: space, Method: c.method, GridPoints: 3})
		if err != nil {
			t.Fatalf("%v: %v", c.specs, err)
		}
		_, err = MapSpec(s)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v %s: error %v, want one line with %q", c.specs, c.base.Optimizer, err, c.want)
		}
	}
}

// TestRunMapTrialsAreStoppedRuns runs map sweeps on compute's CPU map and
// checks each trial against an independent reference, the ordinary run of
// its Config at the map's axis values for as many steps as the map's run
// made: the same loss (so each trial got its own cell, and a map's run is
// the ordinary run stopped early). It also checks the statuses occur and
// the ranking's order: converged by loss, unfinished by loss, diverged.
func TestRunMapTrialsAreStoppedRuns(t *testing.T) {
	seen := map[compute.StopReason]int{}
	for _, c := range []struct {
		base  compute.Config
		specs []string
	}{
		{compute.Config{Model: "surface", Surface: "rosenbrock", Optimizer: "momentum", Steps: 1000}, []string{"momentum=0:0.95", "lr=1e-4:3e-3"}},
		{compute.Config{Model: "surface", Surface: "himmelblau", Optimizer: "adam", Steps: 400}, []string{"lr=1e-3:3"}},
		{compute.Config{Model: "surface", Surface: "booth", Optimizer: "sgd", Steps: 300}, []string{"lr=1e-3:0.2"}},
	} {
		s := mapSweep(t, c.base, 7, c.specs...)
		res, err := RunMap(s, compute.NewCPU())
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range s.Trials() {
			seen[tr.Stop]++
			if tr.Stop == compute.Diverged || tr.Steps == 0 {
				continue
			}
			lr, mu := cellOf(t, res.Spec, s.Options().Space, tr.Values)
			cfg := Apply(tr.Config, "lr", lr)
			if res.Spec.Vary == compute.VaryLRMomentum {
				cfg = Apply(cfg, "momentum", mu)
			}
			cfg.Steps = tr.Steps
			ref := &Trial{Config: cfg}
			ref.Execute(context.Background())
			if d := math.Abs(float64(ref.Loss - tr.Loss)); ref.Stop != compute.Finished || d > 1e-12*max(1, math.Abs(float64(ref.Loss))) {
				t.Errorf("%s %v: map loss %g after %d steps (%s), run %g (%s)", c.base.Surface, tr.Values, float64(tr.Loss), tr.Steps, tr.Stop, float64(ref.Loss), ref.Stop)
			}
		}
		ranked := Ranked(s.Trials())
		for i := 1; i < len(ranked); i++ {
			a, b := ranked[i-1], ranked[i]
			if a.tier() > b.tier() || (a.tier() == b.tier() && a.OK() && a.Loss > b.Loss) {
				t.Errorf("%s: rank %d (%s %g) before rank %d (%s %g)", c.base.Surface, i, a.Stop, float64(a.Loss), i+1, b.Stop, float64(b.Loss))
			}
		}
		if s.Best() != ranked[0] || !s.Done() {
			t.Errorf("%s: best %+v, done %v", c.base.Surface, s.Best(), s.Done())
		}
	}
	t.Logf("statuses: %v", seen)
	if seen[Converged] < 3 || seen[Unfinished] < 3 || seen[compute.Diverged] < 3 {
		t.Errorf("statuses %v: want each at least 3 times", seen)
	}
}

// cellOf returns the axis values of the map's cell that holds a trial's
// values: the one within the grid's six-digit rounding of each, found by
// a search of every cell.
func cellOf(t *testing.T, spec compute.MapSpec, space Space, values []float64) (lr, mu float64) {
	t.Helper()
	near := func(a, b float64) bool { return math.Abs(a-b) <= 5e-6*math.Abs(b) }
	for r := range spec.Rows {
		for c := range spec.Cols {
			x, y := spec.At(c, r)
			ok := spec.Vary != compute.VaryLRs || c == r
			for i, p := range space {
				ok = ok && (p.Key != "lr" || near(x, values[i])) && (p.Key != "momentum" || near(y, values[i]))
			}
			if ok {
				return x, y
			}
		}
	}
	t.Fatalf("no cell holds %v", values)
	return 0, 0
}

// TestRankTiers checks the ranking of a map's outcomes, and that it leaves
// ordinary trials' order as it was: finished (or converged) by loss, a
// map's unfinished runs by loss, the rest by ID.
func TestRankTiers(t *testing.T) {
	trials := []*Trial{
		{ID: 0, Done: true, Stop: compute.Diverged, Loss: 0.5},
		{ID: 1, Done: true, Stop: Unfinished, Loss: 0.2},
		{ID: 2, Done: true, Stop: Converged, Loss: 0.3},
		{ID: 3, Done: true, Stop: Unfinished, Loss: 0.1},
		{ID: 4, Done: true, Stop: Converged, Loss: 0.4},
		{ID: 5, Done: true, Stop: compute.Finished, Loss: 0.35},
	}
	var got []int
	for _, tr := range Ranked(trials) {
		got = append(got, tr.ID)
	}
	if want := []int{2, 5, 4, 3, 1, 0}; !equalInts(got, want) {
		t.Errorf("ranked %v, want %v", got, want)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
