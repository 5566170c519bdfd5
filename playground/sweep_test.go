package playground

import (
	"context"
	"encoding/json"
	"image"
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/render"
)

// sweepGame opens himmelblau with a grid sweep of n learning rates set up
// through the page's controls.
func sweepGame(t *testing.T, scenario, method string, n int) *Game {
	t.Helper()
	g, err := NewGame(Options{Scenario: scenario})
	if err != nil {
		t.Fatal(err)
	}
	g.Layout(screenW, screenH)
	for key, v := range map[string]string{"sweep_method": `"` + method + `"`, "sweep_trials": `"` + formatNumber(float64(n)) + `"`, "sweep_param": `"lr"`} {
		if err := g.SetControl(key, json.RawMessage(v), ViaText); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

// runSweepFrames presses Start and draws frames until the sweep is done,
// returning the trials done after each frame.
func runSweepFrames(t *testing.T, g *Game, screen *ebiten.Image) []int {
	t.Helper()
	if err := g.Press("sweep_start"); err != nil {
		t.Fatal(err)
	}
	var done []int
	deadline := time.Now().Add(60 * time.Second)
	for {
		frame(t, g, screen)
		sn := g.sweep.snapshot()
		done = append(done, sn.done)
		if !sn.running {
			if sn.err != nil || sn.done != sn.total {
				t.Fatalf("sweep ended with %d of %d trials: %v", sn.done, sn.total, sn.err)
			}
			return done
		}
		if time.Now().After(deadline) {
			t.Fatalf("sweep still running after a minute: %d of %d", sn.done, sn.total)
		}
	}
}

// TestSweepViewDrawsPlotAndTable runs a grid sweep of each racer's learning
// rate and checks the view: in the plot, where nothing but the axes and the
// trials' dots can be, each racer's colour appears (a dot per finished
// trial); in the table, each racer's row has its swatch and text in the
// best-value and loss columns; the progress bar is filled to the end.
func TestSweepViewDrawsPlotAndTable(t *testing.T) {
	g := sweepGame(t, "himmelblau", "grid", 8)
	// SGD and Adam alone: their ranges (two decades below their rates,
	// one above) put their grids' points at different rates, so that
	// neither's dots hide the other's.
	for _, r := range g.World().Racers {
		r.Enabled = r.Spec.Name == "sgd" || r.Spec.Name == "adam"
	}
	g.World().Reset()
	screen := ebiten.NewImage(screenW, screenH)
	runSweepFrames(t, g, screen)
	frame(t, g, screen)
	img := pixelsOf(screen)
	sn := g.sweep.snapshot()
	if len(sn.runs) != 2 {
		t.Fatalf("%d racers swept, want SGD and Adam", len(sn.runs))
	}
	v, _, _, _ := sweepAxes(sn, image.Rectangle{})
	parts := layoutSweep(sweepBox(g.regions()), len(sn.runs), v)
	// The plot, less its top strip where diverged trials' crosses are.
	plot := parts.plot.Inset(2)
	plot.Min.Y += plot.Dy() / 10
	lh := int(math.Ceil(render.LineHeight()))
	for i, r := range sn.runs {
		clr := g.accent(r.color)
		finished := 0
		for _, p := range r.points {
			if p.ok {
				finished++
			}
		}
		if finished == 0 {
			t.Fatalf("%s: no trial finished", r.title)
		}
		if n := countColour(img, plot, clr); n < 10 {
			t.Errorf("%s: %d pixels of its colour %v in the plot, want its %d dots", r.title, n, clr, finished)
		}
		row := image.Rect(parts.table.Min.X, parts.table.Min.Y+(i+1)*lh, parts.table.Max.X, parts.table.Min.Y+(i+2)*lh)
		if n := countColour(img, image.Rect(row.Min.X, row.Min.Y, row.Min.X+int(tableSwatch), row.Max.Y), clr); n == 0 {
			t.Errorf("%s: no swatch in its table row %v", r.title, row)
		}
		cells := image.Rect(row.Min.X+row.Dx()/4, row.Min.Y, row.Max.X-row.Dx()/5, row.Max.Y)
		if n := countInk(img, cells, g.theme().Background); n < 20 {
			t.Errorf("%s: %d text pixels in its best value and loss cells", r.title, n)
		}
	}
	bar := parts.bar.Inset(3)
	if n := countInk(img, image.Rect(bar.Max.X-4, bar.Min.Y, bar.Max.X, bar.Max.Y), g.theme().Background); n == 0 {
		t.Errorf("the progress bar is not filled to its end after the sweep")
	}
}

// countColour counts the pixels of r that are exactly clr.
func countColour(img *image.RGBA, r image.Rectangle, clr color.RGBA) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if img.RGBAAt(x, y) == clr {
				n++
			}
		}
	}
	return n
}

// countInk counts the pixels of r that differ from the background bg.
func countInk(img *image.RGBA, r image.Rectangle, bg color.RGBA) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := img.RGBAAt(x, y); c != bg {
				n++
			}
		}
	}
	return n
}

// TestSweepApplyBest applies the sweep's best learning rates: each racer's
// lr becomes its best trial's, in the state (and so the link), and that
// rate run on its own through compute gives the loss the sweep reported,
// the least of its finished trials.
func TestSweepApplyBest(t *testing.T) {
	g := sweepGame(t, "himmelblau", "random", 6)
	screen := ebiten.NewImage(screenW, screenH)
	runSweepFrames(t, g, screen)
	bests := g.sweep.bests()
	if len(bests) == 0 {
		t.Fatal("no best")
	}
	if err := g.Press("sweep_apply"); err != nil {
		t.Fatal(err)
	}
	st := g.World().State()
	fields := stateFields()
	for _, b := range bests {
		var r *Racer
		for _, x := range g.World().Racers {
			if x.Spec.Name == b.optimizer {
				r = x
			}
		}
		if r.Hyper["lr"] != b.value {
			t.Errorf("%s: lr %g after apply, want the best %g", b.title, r.Hyper["lr"], b.value)
		}
		f, _ := stateFieldByName(fields, b.optimizer+".lr")
		if got := f.Format(st); got != formatLinkNumber(b.value) && got != numberText(b.value) {
			t.Errorf("%s: the state's lr %s, want %g", b.title, got, b.value)
		}
		run, err := g.World().config(r).Build(nil)
		if err != nil {
			t.Fatal(err)
		}
		run.Execute(context.Background())
		if l := run.Trainer.Loss(); l != b.loss {
			t.Errorf("%s: lr %g alone gives loss %g, the sweep reported %g", b.title, b.value, l, b.loss)
		}
		for _, rs := range g.sweep.snapshot().runs {
			for _, p := range rs.points {
				if rs.optimizer == b.optimizer && p.ok && p.loss < b.loss {
					t.Errorf("%s: trial lr %g has loss %g, less than the best's %g", b.title, p.value, p.loss, b.loss)
				}
			}
		}
	}
}

// TestSweepProgressAcrossFrames runs a longer sweep natively: frames go on
// while it runs (two or more frames end with it still running) and the
// trials done grow from one such frame to the next.
func TestSweepProgressAcrossFrames(t *testing.T) {
	g := sweepGame(t, "blobs", "halving", maxSweepTrials)
	screen := ebiten.NewImage(screenW, screenH)
	for range 5 { // the first frames make the surface's pictures, and are slow
		frame(t, g, screen)
	}
	done := runSweepFrames(t, g, screen)
	running := done[:len(done)-1] // the last frame saw the sweep finished
	if len(running) < 2 || running[len(running)-1] <= running[0] {
		t.Errorf("trials done after each frame: %v; want two or more frames while it ran, with progress between them", done)
	}
	if !slices.IsSorted(done) {
		t.Errorf("trials done went down: %v", done)
	}
}

// TestSweepSlices runs a sweep as the page does, a slice of trials per
// call of runSlice: each slice advances it, and the results are those of
// the native goroutine's run.
func TestSweepSlices(t *testing.T) {
	g := sweepGame(t, "himmelblau", "halving", 9)
	runs, err := g.planSweep()
	if err != nil {
		t.Fatal(err)
	}
	ctx, _ := g.sweep.begin(runs, g.World().scenario.Name)
	slices := 0
	last := 0
	for g.sweep.snapshot().running {
		g.sweep.runSlice(ctx, 0) // a zero budget: one trial a slice
		slices++
		if d := g.sweep.snapshot().done; d != last+1 && g.sweep.snapshot().running {
			t.Fatalf("slice %d: %d trials done, want %d", slices, d, last+1)
		} else {
			last = d
		}
	}
	page := g.sweep.snapshot()
	if page.done != page.total || slices < page.total {
		t.Fatalf("%d of %d trials in %d slices", page.done, page.total, slices)
	}
	screen := ebiten.NewImage(screenW, screenH)
	runSweepFrames(t, g, screen)
	native := g.sweep.snapshot()
	for i, r := range page.runs {
		want := map[[2]float64]float64{}
		for _, p := range native.runs[i].points {
			want[[2]float64{p.value, float64(p.rung)}] = p.loss
		}
		for _, p := range r.points {
			if l, ok := want[[2]float64{p.value, float64(p.rung)}]; !ok || math.Float64bits(l) != math.Float64bits(p.loss) {
				t.Errorf("%s lr %g rung %d: page loss %g, native %g (%v)", r.title, p.value, p.rung, p.loss, l, ok)
			}
		}
	}
}

func TestSweepControls(t *testing.T) {
	g, flat := controlsGame(t, "rosenbrock")
	c := flat()
	for _, key := range []string{"sweep_param", "sweep_method", "sweep_trials", "sweep_start", "sweep_apply", "sweep_view"} {
		if _, ok := c[key]; !ok {
			t.Errorf("no control %s", key)
		}
	}
	if p := c["sweep_param"]; p.Value != "lr" || len(p.Options) < 3 {
		t.Errorf("sweep_param %+v", p)
	}
	for _, bad := range []struct{ key, value, want string }{
		{"sweep_method", `"bayes"`, "want one of"},
		{"sweep_param", `"nope"`, "no racing optimizer has it"},
		{"sweep_trials", `"0"`, "want a whole number from 1 to 243"},
	} {
		err := g.SetControl(bad.key, json.RawMessage(bad.value), ViaText)
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s = %s: %v, want %q", bad.key, bad.value, err, bad.want)
		}
	}
	if c := flat()["sweep_trials"]; c.Error == "" || c.Value != defaultSweepTrials {
		t.Errorf("refused trials: %+v", c)
	}
	if err := g.SetControl("sweep_trials", json.RawMessage(`1`), ViaNudge); err != nil || g.sweep.trials != defaultSweepTrials+1 {
		t.Errorf("nudge: %v, trials %d", err, g.sweep.trials)
	}
	if err := g.Press("sweep_apply"); err == nil {
		t.Error("apply best before any sweep did not fail")
	}
}

// TestSweepApplyBestAfterParamChange sweeps the learning rate, then
// chooses another parameter in the panel before pressing "apply best":
// the best learning rates are applied to the learning rate (the swept
// parameter), and the newly chosen parameter is left as it was.
func TestSweepApplyBestAfterParamChange(t *testing.T) {
	g := sweepGame(t, "himmelblau", "grid", 4)
	screen := ebiten.NewImage(screenW, screenH)
	runSweepFrames(t, g, screen)
	if err := g.SetControl("sweep_param", json.RawMessage(`"momentum"`), ViaText); err != nil {
		t.Fatal(err)
	}
	before := map[string]float64{}
	for _, r := range g.World().Racers {
		before[r.Spec.Name] = r.Hyper["momentum"]
	}
	if sn := g.sweep.snapshot(); sn.param != "lr" {
		t.Errorf("the view labels the finished sweep %q, want lr (the swept parameter)", sn.param)
	}
	bests := g.sweep.bests()
	if err := g.Press("sweep_apply"); err != nil {
		t.Fatal(err)
	}
	for _, b := range bests {
		for _, r := range g.World().Racers {
			if r.Spec.Name != b.optimizer {
				continue
			}
			if r.Hyper["lr"] != b.value {
				t.Errorf("%s: lr %g after apply, want the best %g", b.title, r.Hyper["lr"], b.value)
			}
			if r.Hyper["momentum"] != before[r.Spec.Name] {
				t.Errorf("%s: momentum %g after apply, want it unchanged (%g)", b.title, r.Hyper["momentum"], before[r.Spec.Name])
			}
		}
	}
}

// TestSweepApplyBestAfterScenarioChange sweeps on one scenario, changes
// the scenario and presses "apply best": the values found on the other
// surface are refused with an error, and the racers keep their rates.
func TestSweepApplyBestAfterScenarioChange(t *testing.T) {
	g := sweepGame(t, "himmelblau", "grid", 4)
	screen := ebiten.NewImage(screenW, screenH)
	runSweepFrames(t, g, screen)
	if err := g.SetControl("scenario", json.RawMessage(`"rosenbrock"`), ""); err != nil {
		t.Fatal(err)
	}
	before := g.World().State()
	err := g.Press("sweep_apply")
	if err == nil || !strings.Contains(err.Error(), "himmelblau") {
		t.Errorf("apply best after a change of scenario: %v, want an error naming the sweep's scenario", err)
	}
	if after := g.World().State(); EncodeLink(after) != EncodeLink(before) {
		t.Errorf("apply best changed the state:\n%s\n%s", EncodeLink(before), EncodeLink(after))
	}
}
