package playground

import (
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
)

// The tests in this file walk compute's optimizer registry: whatever is
// registered must get panel controls, race in every scenario and drive
// every map, with nothing listed by hand.

// TestEveryOptimizerHasPanelControls checks that the panel has one control
// for each hyperparameter of every registered optimizer (the controls the
// panel draws for a racer are hyperControls of its spec), of the right
// kind, whose range holds the default and whose every value (the ends of a
// slider, anything typed into a number field, clamped) is allowed.
func TestEveryOptimizerHasPanelControls(t *testing.T) {
	w, _ := NewWorld("rosenbrock")
	for _, spec := range compute.Optimizers() {
		r := racerFor(t, w, spec.Name)
		controls := map[string]hyperControl{}
		for _, c := range hyperControls(r.Spec) {
			if _, dup := controls[c.Hyper.Key]; dup {
				t.Errorf("%s: two controls for %s", spec.Name, c.Hyper.Key)
			}
			controls[c.Hyper.Key] = c
		}
		for _, h := range spec.Hypers {
			c, ok := controls[h.Key]
			if !ok {
				t.Errorf("%s: the panel has no control for %s", spec.Name, h.Key)
				continue
			}
			delete(controls, h.Key)
			if _, ok := r.Hyper[h.Key]; !ok {
				t.Errorf("%s: the racer has no value for %s", spec.Name, h.Key)
			}
			checkHyperControl(t, spec, c)
		}
		for key := range controls {
			t.Errorf("%s: a control for %s, which the optimizer does not have", spec.Name, key)
		}
	}
}

// checkHyperControl checks one control against its hyperparameter.
func checkHyperControl(t *testing.T, spec *compute.OptimizerSpec, c hyperControl) {
	t.Helper()
	h := c.Hyper
	name := spec.Name + "/" + h.Key
	if c.Label == "" {
		t.Errorf("%s: no label", name)
	}
	if (c.Kind == checkControl) != h.Bool {
		t.Errorf("%s: control kind %d for a switch = %v", name, c.Kind, h.Bool)
	}
	// Each value the control can produce, with the others at their
	// defaults, must be accepted.
	var values []float64
	switch c.Kind {
	case checkControl:
		values = []float64{0, 1}
	case sliderControl, logSliderControl:
		if !(c.Lo < c.Hi) || !(c.Step > 0) {
			t.Errorf("%s: slider [%g, %g] step %g", name, c.Lo, c.Hi, c.Step)
		}
		lo, hi := c.span(h.Default)
		if lo != c.Lo || hi != c.Hi {
			t.Errorf("%s: the default %g lies outside the slider [%g, %g]", name, h.Default, c.Lo, c.Hi)
		}
		values = []float64{c.Lo, c.Hi}
		if c.Kind == logSliderControl {
			values = []float64{math.Pow(10, c.Lo), math.Pow(10, c.Hi)}
		}
	case numberControl:
		if !(c.Step > 0) {
			t.Errorf("%s: number field step %g", name, c.Step)
		}
		values = []float64{h.Min - c.Step, h.Min, h.Default - c.Step, h.Default + 1e6*c.Step, math.Inf(1)}
	}
	if got := c.clamp(h.Default); got != h.Default {
		t.Errorf("%s: clamp moves the default %g to %g", name, h.Default, got)
	}
	for _, v := range values {
		v = c.clamp(v)
		if _, err := spec.Resolve(compute.Hypers{h.Key: v}); err != nil {
			t.Errorf("%s: the control can set %g, which is refused: %v", name, v, err)
		}
	}
}

// TestEveryOptimizerRaces builds every registered optimizer's run, all of
// them enabled at once, in every scenario and takes a few steps: each
// racer must start with its start point and loss recorded, run, record
// its path and losses, and keep running.
func TestEveryOptimizerRaces(t *testing.T) {
	const steps = 5
	for _, s := range Scenarios() {
		w, err := NewWorld(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		if len(w.Racers) != len(compute.Optimizers()) {
			t.Fatalf("%s: %d racers for %d registered optimizers", s.Name, len(w.Racers), len(compute.Optimizers()))
		}
		for _, r := range w.Racers {
			r.Enabled = true
		}
		w.Reset()
		if w.Err != nil {
			t.Fatalf("%s: %v", s.Name, w.Err)
		}
		for _, r := range w.Racers {
			if len(r.Path()) != 1 || len(r.Losses()) != 1 {
				t.Errorf("%s/%s: before the first step, %d points and %d losses; want the start and its loss",
					s.Name, r.Spec.Name, len(r.Path()), len(r.Losses()))
			}
		}
		w.Advance(steps)
		for _, spec := range compute.Optimizers() {
			r := racerFor(t, w, spec.Name)
			tr := r.Trainer()
			if tr == nil {
				t.Errorf("%s/%s: no run", s.Name, spec.Name)
				continue
			}
			if tr.Steps() != steps || tr.Stopped() != compute.Running {
				t.Errorf("%s/%s: %d steps, stopped %q; want %d steps and running", s.Name, spec.Name, tr.Steps(), tr.Stopped(), steps)
			}
			if n := len(r.Path()); n != steps+1 {
				t.Errorf("%s/%s: a path of %d points after %d steps", s.Name, spec.Name, n, steps)
			}
			if l := r.Losses(); len(l) < steps || math.IsNaN(l[len(l)-1]) {
				t.Errorf("%s/%s: losses %v after %d steps", s.Name, spec.Name, l, steps)
			}
		}
	}
}

// TestEveryOptimizerDrivesMaps makes each registered optimizer the maps'
// optimizer and computes a band of its convergence map and of each of its
// trainability maps (learning rate × momentum only where it has a
// momentum). The map must run that optimizer with the racer's
// hyperparameters, and opening a trainability cell must race exactly the
// run the map made: the same end point after the cell's steps.
func TestEveryOptimizerDrivesMaps(t *testing.T) {
	for _, spec := range compute.Optimizers() {
		w, _ := NewWorld("himmelblau")
		w.MapOptimizer, w.MapSteps = spec.Name, 60
		r := racerFor(t, w, spec.Name)
		if w.mapRacer() != r {
			t.Fatalf("%s: the maps use %s", spec.Name, w.mapRacer().Name())
		}
		_, hasMomentum := spec.Hyper("momentum")
		kinds := []struct {
			view View
			axes int
			vary compute.MapAxes
		}{
			{ConvergenceView, 0, compute.VaryStart},
			{TrainabilityView, 0, compute.VaryLRs},
		}
		if hasMomentum {
			kinds = append(kinds, struct {
				view View
				axes int
				vary compute.MapAxes
			}{TrainabilityView, 1, compute.VaryLRMomentum})
		}
		for _, k := range kinds {
			w.View, w.TrainAxes = k.view, k.axes
			m := firstBand(t, w)
			name := spec.Name + "/" + string(k.vary)
			if m.Spec.Optimizer != spec.Name || m.Spec.Vary != k.vary {
				t.Fatalf("%s: map of %s varying %s", name, m.Spec.Optimizer, m.Spec.Vary)
			}
			for key, v := range r.Hyper {
				if m.Spec.Hyper[key] != v {
					t.Errorf("%s: the map runs %s = %g, the racer has %g", name, key, m.Spec.Hyper[key], v)
				}
			}
			if caption := mapCaption(m.Spec); len(caption) == 0 {
				t.Errorf("%s: no caption", name)
			}
			if k.vary != compute.VaryStart {
				checkOpenedCell(t, name, w, m, mapSize/2, mapBand/2)
			}
		}
		w.TrainAxes = 1
		if !hasMomentum && w.mapAxes() != compute.VaryLRs {
			t.Errorf("%s has no momentum, yet the map varies %s", spec.Name, w.mapAxes())
		}
	}
}

// firstBand computes the first band of the current map.
func firstBand(t *testing.T, w *World) *compute.MapResult {
	t.Helper()
	w.RestartMap()
	p, err := w.StepMap()
	if err != nil {
		t.Fatal(err)
	}
	if p <= 0 {
		t.Fatalf("no progress: %g", p)
	}
	m, _ := w.Map()
	return m
}

// checkOpenedCell opens cell (c, r) of m and races it for the cell's
// steps: it must end where the map's run ended.
func checkOpenedCell(t *testing.T, name string, w *World, m *compute.MapResult, c, r int) {
	t.Helper()
	cell := m.Cells[r*m.Spec.Cols+c]
	racer := w.mapRacer()
	w.OpenCell(c, r)
	if w.Err != nil {
		t.Fatalf("%s: opening cell (%d, %d): %v", name, c, r, w.Err)
	}
	tr := racer.Trainer()
	if tr == nil || !racer.Enabled {
		t.Fatalf("%s: the opened cell does not race", name)
	}
	for tr.Steps() < cell.Steps && tr.Stopped() == compute.Running {
		tr.Step()
	}
	if cell.Status == compute.RunDiverged {
		return
	}
	got := w.objective().Func(tr.Params())
	if math.Abs(got-cell.Loss) > 1e-9*max(1, math.Abs(cell.Loss)) {
		t.Errorf("%s: cell (%d, %d) raced to loss %g in %d steps, the map's run to %g", name, c, r, got, tr.Steps(), cell.Loss)
	}
}

// TestScenarioRatesAreRegistered checks that every tuned rate names a
// registered optimizer and is an allowed learning rate.
func TestScenarioRatesAreRegistered(t *testing.T) {
	for _, s := range Scenarios() {
		if len(s.Rates) == 0 {
			t.Errorf("%s: no optimizer races by default", s.Name)
		}
		for name, lr := range s.Rates {
			spec, err := compute.OptimizerByName(name)
			if err != nil {
				t.Errorf("%s: %v", s.Name, err)
				continue
			}
			if _, err := spec.Resolve(compute.Hypers{"lr": lr}); err != nil {
				t.Errorf("%s/%s: %v", s.Name, name, err)
			}
		}
	}
}

// TestEveryOptimizerHasItsOwnColour checks that no two registered
// optimizers share a colour.
func TestEveryOptimizerHasItsOwnColour(t *testing.T) {
	w, _ := NewWorld("rosenbrock")
	seen := map[[3]uint8]string{}
	for _, r := range w.Racers {
		c := [3]uint8{r.Color.R, r.Color.G, r.Color.B}
		if other, ok := seen[c]; ok {
			t.Errorf("%s and %s share the colour %v", other, r.Name(), r.Color)
		}
		seen[c] = r.Name()
	}
}

// racerFor returns the world's racer for the named optimizer.
func racerFor(t *testing.T, w *World, name string) *Racer {
	t.Helper()
	for _, r := range w.Racers {
		if r.Spec.Name == name {
			return r
		}
	}
	t.Fatalf("no racer for the registered optimizer %s", name)
	return nil
}

// nudged returns a value of c's hyperparameter away from its default,
// for checking that values reach the optimizer.
func nudged(c hyperControl) float64 {
	h := c.Hyper
	switch c.Kind {
	case checkControl:
		return 1 - h.Default
	case logSliderControl:
		return h.Default * 2
	case sliderControl:
		return (h.Default + c.Lo) / 2
	}
	return h.Default + 3*c.Step
}

// TestPanelShowsEveryOptimizer enables every registered optimizer in the
// game and draws frames: the panel lays out each one's controls without a
// debugui error, and the race draws each one's colour.
func TestPanelShowsEveryOptimizer(t *testing.T) {
	g, err := NewGame(Options{Scenario: "bowl"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.World().Racers {
		r.Enabled = true
	}
	g.World().Reset()
	g.Layout(screenW, screenH)
	screen := ebiten.NewImage(screenW, screenH)
	for range 3 {
		frame(t, g, screen)
	}
	if g.World().Err != nil {
		t.Fatal(g.World().Err)
	}
	g.World().Advance(50)
	frame(t, g, screen)
	img := pixelsOf(screen)
	rg := g.regions()
	for _, r := range g.World().Racers {
		if !hasNear(img, rg.surface, r.Color) {
			t.Errorf("%s's colour %v is not drawn on the surface", r.Name(), r.Color)
		}
	}
}
