package playground

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// partedPixels is how far apart, on the default 1280×800 layout, two end
// points must be to count as different places.
const partedPixels = 10

// TestDefaultRacersPartWays races every surface scenario's default racers
// for the scenario's Steps and checks that they end in at least three
// places more than partedPixels apart on screen, so that the race shows a
// difference between the methods (before, on Rastrigin all six stopped in
// the dip beside the start, on Ackley five of six).
func TestDefaultRacersPartWays(t *testing.T) {
	for _, s := range Scenarios() {
		if s.Regression() {
			continue
		}
		g, err := NewGame(Options{Scenario: s.Name})
		if err != nil {
			t.Fatal(err)
		}
		g.Layout(screenW, screenH)
		v := g.viewport(g.regions())
		w := g.World()
		if s.Steps <= 0 {
			t.Errorf("%s: no race length", s.Name)
			continue
		}
		w.Advance(s.Steps)
		var places [][2]float64
		ends := ""
		for _, r := range w.Racers {
			tr := r.Trainer()
			if tr == nil {
				continue
			}
			p := tr.Params()
			x, y := v.ToScreen(p[0], p[1])
			ends += fmt.Sprintf(" %s (%.3g, %.3g)", r.Spec.Name, p[0], p[1])
			if !nearAny([2]float64{float64(x), float64(y)}, places, partedPixels) {
				places = append(places, [2]float64{float64(x), float64(y)})
			}
		}
		if len(places) < 3 {
			t.Errorf("%s: after %d steps the racers end in %d places at least %d px apart, want 3:%s", s.Name, s.Steps, len(places), partedPixels, ends)
		}
	}
}

// mapClass is what a convergence map's cell shows, colour family by
// colour family: the known minimum it converged to, another stationary
// point, divergence, or neither.
func mapClass(c compute.MapCell) string {
	switch c.Status {
	case compute.RunConverged:
		if c.Minimum >= 0 {
			return fmt.Sprintf("minimum %d", c.Minimum+1)
		}
		return "elsewhere"
	case compute.RunDiverged:
		return "diverged"
	}
	return "neither"
}

// minClassShare is the share of a map's cells that a class needs to count
// as structure rather than a speck.
const minClassShare = 0.02

// TestDefaultConvergenceMapsHaveStructure computes every surface's default
// convergence map (its window, racer and run length) and checks that at
// least two colour families (basins of different minima, convergence,
// divergence, neither) each cover at least 2% of it; before, six of the
// eight maps were one flat colour.
func TestDefaultConvergenceMapsHaveStructure(t *testing.T) {
	for _, s := range Scenarios() {
		if s.Regression() {
			continue
		}
		w, err := NewWorld(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.View = ConvergenceView
		for p := 0.0; p < 1; {
			if p, err = w.StepMap(); err != nil {
				t.Fatal(err)
			}
		}
		m, _ := w.Map()
		count := map[string]int{}
		for _, c := range m.Cells {
			count[mapClass(c)]++
		}
		big := 0
		for _, n := range count {
			if float64(n) >= minClassShare*float64(len(m.Cells)) {
				big++
			}
		}
		if big < 2 {
			t.Errorf("%s: the default map (%s, %d steps, window %v) shows %v; want two classes over %.0f%% each",
				s.Name, m.Spec.Optimizer, m.Spec.Steps, w.mapRange(), count, 100*minClassShare)
		} else {
			t.Logf("%s: %s, %d steps: %v", s.Name, m.Spec.Optimizer, m.Spec.Steps, count)
		}
	}
}

// TestScenariosHaveHints checks that every scenario says what to watch,
// in one line that fits the status area, and has a formula.
func TestScenariosHaveHints(t *testing.T) {
	for _, s := range Scenarios() {
		if s.Hint == "" || len([]rune(s.Hint)) > 120 {
			t.Errorf("%s: hint %q, want one line of at most 120 characters", s.Name, s.Hint)
		}
		if s.Formula == "" {
			t.Errorf("%s: no formula", s.Name)
		}
	}
	for _, s := range compute.Surfaces() {
		if s.Formula == "" || math.IsNaN(s.F([]float64{0.5, 0.5})) {
			t.Errorf("surface %s has no formula", s.Name)
		}
	}
}

// TestHintIsShown draws a scenario and checks that the message line above
// the status line holds text (the hint) where the screen is otherwise
// bare.
func TestHintIsShown(t *testing.T) {
	g, err := NewGame(Options{Scenario: "rastrigin"})
	if err != nil {
		t.Fatal(err)
	}
	g.Layout(screenW, screenH)
	screen := ebiten.NewImage(screenW, screenH)
	frame(t, g, screen)
	frame(t, g, screen)
	img := pixelsOf(screen)
	at := g.regions().message.Min
	dim := color.RGBAModel.Convert(render.DarkTheme.Dim).(color.RGBA)
	lit := 0
	for y := at.Y; y < at.Y+int(render.LineHeight()); y++ {
		for x := at.X; x < at.X+400; x++ {
			if c := img.RGBAAt(x, y); within(c, dim, 24) {
				lit++
			}
		}
	}
	if lit < 50 {
		t.Errorf("%d pixels of hint text on the message line at %v", lit, at)
	}
}

// TestMapColoursTellRunsApart checks the colours a convergence map gives
// runs that the old map drew alike: a run converged to an unlisted
// stationary point, a run that ended near a minimum without converging,
// and one that did neither, are three different colours; two unlisted
// points of different loss mostly differ in tone.
func TestMapColoursTellRunsApart(t *testing.T) {
	elsewhere := cellColor(compute.MapCell{Status: compute.RunConverged, Minimum: -1, Loss: 1}, 100, true, true)
	near := cellColor(compute.MapCell{Status: compute.RunUnfinished, Minimum: 0, Steps: 100}, 100, true, true)
	neither := cellColor(compute.MapCell{Status: compute.RunUnfinished, Minimum: -1, Steps: 100}, 100, true, true)
	if within(elsewhere, neither, 24) || within(near, neither, 24) || within(elsewhere, near, 24) {
		t.Errorf("elsewhere %v, near a minimum %v and neither %v are not told apart", elsewhere, near, neither)
	}
	tones := map[color.RGBA]bool{}
	for _, loss := range []float64{0.995, 1.99, 3.98, 4.97, 7.96, 8.95, 9.94} { // Rastrigin's nearest local minima
		tones[elsewhereColor(loss)] = true
	}
	if len(tones) < 2 {
		t.Errorf("Rastrigin's local minima all get one tone")
	}
}
