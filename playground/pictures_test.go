package playground

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// newPictureGame returns a game on scenario laid out at 1280×800 with only
// the named racers enabled, and its screen.
func newPictureGame(t *testing.T, scenario string, racers ...string) (*Game, *ebiten.Image) {
	t.Helper()
	g, err := NewGame(Options{Scenario: scenario})
	if err != nil {
		t.Fatal(err)
	}
	g.Layout(screenW, screenH)
	if len(racers) > 0 {
		for _, r := range g.World().Racers {
			r.Enabled = false
			for _, name := range racers {
				if r.Spec.Name == name {
					r.Enabled = true
				}
			}
		}
		g.World().Reset()
	}
	return g, ebiten.NewImage(screenW, screenH)
}

// racerNamed returns the world's racer of the named optimizer.
func racerNamed(t *testing.T, w *World, name string) *Racer {
	t.Helper()
	for _, r := range w.Racers {
		if r.Spec.Name == name {
			return r
		}
	}
	t.Fatalf("no racer %s", name)
	return nil
}

// divergingBowl races SGD at learning rate 0.15 on the bowl, where the
// steep direction's factor 1 − 0.15·20 = −2 makes it zig-zag ever wider
// (from y = 1.2 to −2.4, the last point in view, then 4.8, …) until it
// diverges, beside Adam, which goes on; it returns the game after
// SGD diverged and the race went on 50 steps more.
func divergingBowl(t *testing.T) (*Game, *ebiten.Image, *Racer, *Racer) {
	t.Helper()
	g, screen := newPictureGame(t, "bowl", "sgd", "adam")
	w := g.World()
	sgd, adam := racerNamed(t, w, "sgd"), racerNamed(t, w, "adam")
	sgd.Hyper["lr"] = 0.15
	w.Reset()
	for i := 0; i < 1000 && !sgd.Diverged(); i++ {
		w.Advance(1)
	}
	if !sgd.Diverged() {
		t.Fatalf("SGD at lr 0.15 on the bowl did not diverge: %s after %d steps", sgd.Trainer().Stopped(), sgd.Trainer().Steps())
	}
	frame(t, g, screen)
	w.Advance(50)
	frame(t, g, screen)
	frame(t, g, screen)
	return g, screen, sgd, adam
}

// TestDivergingRacerIsMarked races a diverging SGD beside Adam and checks
// that SGD is marked where it left the view (a cross in its colour: all
// four arm tips, which its zig-zag path does not cover), that the legend
// says at which step it diverged, that Adam goes on stepping, and that the
// loss chart's y range ignores SGD's blow-up.
func TestDivergingRacerIsMarked(t *testing.T) {
	g, screen, sgd, adam := divergingBowl(t)
	w := g.World()
	n := sgd.DivergedAt()
	if n <= 0 || sgd.Trainer().Steps() != n {
		t.Fatalf("SGD diverged at step %d, its trainer is at %d", n, sgd.Trainer().Steps())
	}
	if adam.Trainer().Steps() < n+50 || adam.Diverged() {
		t.Errorf("Adam stopped at step %d (%s) when SGD diverged at %d; want it to go on", adam.Trainer().Steps(), adam.Trainer().Stopped(), n)
	}
	want := fmt.Sprintf("diverged at step %d", n)
	found := false
	for _, e := range g.legend() {
		found = found || strings.Contains(e.Name, want)
	}
	if !found {
		t.Errorf("the legend %v does not say %q", g.legend(), want)
	}

	d, ok := g.divergence(sgd)
	if !ok {
		t.Fatal("no divergence point")
	}
	v := w.scenario.View
	if d.At[0] < v[0] || d.At[0] > v[1] || d.At[1] < v[2] || d.At[1] > v[3] || d.AtStep >= n || d.AtStep == 0 {
		t.Errorf("divergence point %v at step %d, want the last in-view point before step %d", d.At, d.AtStep, n)
	}
	img := pixelsOf(screen)
	vp := g.viewport(g.regions())
	x, y := vp.ToScreen(d.At[0], d.At[1])
	tips := 0
	for _, off := range [][2]int{{-5, -5}, {5, -5}, {-5, 5}, {5, 5}} {
		p := image.Pt(int(x)+off[0], int(y)+off[1])
		if hasNear(img, image.Rect(p.X-1, p.Y-1, p.X+2, p.Y+2), sgd.Color) {
			tips++
		}
	}
	if tips < 4 {
		t.Errorf("SGD's colour is at %d of the cross's 4 arm tips around (%.0f, %.0f)", tips, x, y)
	}

	axis := g.pic.chart.Axis
	peak := 0.0
	for _, l := range sgd.Losses() {
		if !math.IsInf(l, 0) && !math.IsNaN(l) {
			peak = max(peak, l)
		}
	}
	if peak < 1e12 || axis.Max > 1e6 {
		t.Errorf("the loss chart runs to %g while SGD's loss reached %g; want the blow-up left out of the range", axis.Max, peak)
	}
}

// TestStatusTableBeforeAStep checks that the table shows no gradient norm
// before the first step (the trainer holds none yet; it showed 0).
func TestStatusTableBeforeAStep(t *testing.T) {
	w, err := NewWorld("rosenbrock")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range w.statusCells()[1:] {
		if got := row[len(row)-2]; got != "–" {
			t.Errorf("%s at step 0: gradient norm %q, want a dash", row[0], got)
		}
	}
	w.Advance(1)
	for _, row := range w.statusCells()[1:] {
		if got := row[len(row)-2]; got == "–" || got == "0" {
			t.Errorf("%s after a step: gradient norm %q, want a number", row[0], got)
		}
	}
}

// TestStatusTableShowsEveryRacer checks that the status table has a row
// for every racer with its own step, loss and gradient norm, and that it
// is drawn: its rows hold the racers' colours.
func TestStatusTableShowsEveryRacer(t *testing.T) {
	g, screen, sgd, _ := divergingBowl(t)
	w := g.World()
	cells := w.statusCells()
	stats := w.RacerStats()
	if len(stats) != 2 || len(cells) != 3 {
		t.Fatalf("%d stats and %d table rows for 2 racers", len(stats), len(cells))
	}
	for i, st := range stats {
		row := cells[i+1]
		if row[0] != st.Racer.Name() || row[1] != fmt.Sprint(st.Step) || row[2] != fmt.Sprintf("%.5g", st.Loss) || row[3] != fmt.Sprintf("%.3g", st.GradNorm) {
			t.Errorf("row %v for %s at step %d, loss %g, gradient norm %g", row, st.Racer.Name(), st.Step, st.Loss, st.GradNorm)
		}
	}
	if stats[0].Step == stats[1].Step {
		t.Errorf("both racers at step %d; want the diverged SGD stopped behind Adam", stats[0].Step)
	}
	if cells[1][len(cells[1])-1] != "diverged" || stats[0].Racer != sgd {
		t.Errorf("SGD's row %v does not say it diverged", cells[1])
	}
	img := pixelsOf(screen)
	rg := g.regions()
	for _, st := range stats {
		if !hasNear(img, rg.table, st.Racer.Color) {
			t.Errorf("the status table at %v shows no %s row", rg.table, st.Racer.Name())
		}
	}
}

// TestLossChartFallsBackToLinear races the saddle, whose loss x² − y²
// turns negative, and checks that the chart asked for a log scale shows a
// linear one and says so; the bowl's positive losses stay on a log scale.
func TestLossChartFallsBackToLinear(t *testing.T) {
	g, screen := newPictureGame(t, "saddle")
	g.World().Advance(100)
	frame(t, g, screen)
	if a := g.pic.chart.Axis; a.Log || a.Note == "" || a.Min >= 0 {
		t.Errorf("saddle: chart axis %+v, want linear with a note, reaching below 0", a)
	}
	g, screen = newPictureGame(t, "bowl")
	g.World().Advance(30)
	frame(t, g, screen)
	if a := g.pic.chart.Axis; !a.Log || a.Note != "" {
		t.Errorf("bowl: chart axis %+v, want log without a note", a)
	}
	g.pic.chartLinear = true
	frame(t, g, screen)
	if a := g.pic.chart.Axis; a.Log {
		t.Errorf("bowl on a linear chart: axis %+v", a)
	}
}

// TestLossChartRangeIsInteresting races the bowl until the fastest racers'
// losses underflow towards 1e-300 and checks the chart's log axis spans at
// most 12 decades from its top.
func TestLossChartRangeIsInteresting(t *testing.T) {
	g, screen := newPictureGame(t, "bowl")
	g.World().Advance(3000)
	frame(t, g, screen)
	least := math.Inf(1)
	for _, r := range g.World().Racers {
		for _, l := range r.Losses() {
			if l > 0 {
				least = min(least, l)
			}
		}
	}
	a := g.pic.chart.Axis
	if least > 1e-40 {
		t.Fatalf("the least loss is %g; the test wants one far below the interesting range", least)
	}
	if a.Min < a.Max*1e-12*(1-1e-9) {
		t.Errorf("the chart's axis runs from %g to %g (least loss %g); want at most 12 decades", a.Min, a.Max, least)
	}
}

// TestLossChartHoverAndEnlarge points at the middle of the loss chart and
// checks that it reads the step there, then enlarges the chart over the
// main area.
func TestLossChartHoverAndEnlarge(t *testing.T) {
	g, screen := newPictureGame(t, "himmelblau")
	g.World().Advance(200)
	frame(t, g, screen)
	plot := g.pic.chart.Plot
	g.pic.pointer = image.Pt((plot.Min.X+plot.Max.X)/2, (plot.Min.Y+plot.Max.Y)/2)
	g.Draw(screen) // reads the pointer set above, as Update would
	c := g.pic.chart
	if !c.Hover || c.HoverStep < 90 || c.HoverStep > 110 {
		t.Errorf("pointer at the chart's middle reads step %d (hover %v), want about 100", c.HoverStep, c.Hover)
	}
	small := plot.Dx()
	g.pic.chartLarge = true
	frame(t, g, screen)
	if big := g.pic.chart.Plot.Dx(); big < 3*small/2 || !g.regions().surface.Empty() {
		t.Errorf("the enlarged chart's plot is %d px wide (small: %d) and the surface %v", big, small, g.regions().surface)
	}
}

// TestColorBarShowsScale draws a race and checks the colour bar beside the
// surface: Viridis' dark end at its bottom, its bright end at its top.
func TestColorBarShowsScale(t *testing.T) {
	g, screen := newPictureGame(t, "rosenbrock")
	frame(t, g, screen)
	frame(t, g, screen)
	img := pixelsOf(screen)
	rg := g.regions()
	if rg.colorBar.Empty() {
		t.Fatal("no room for a colour bar")
	}
	x := rg.colorBar.Min.X + 6
	lh := int(render.LineHeight())
	bottom, top := img.RGBAAt(x, rg.colorBar.Max.Y-3), img.RGBAAt(x, rg.colorBar.Min.Y+lh+7)
	if !within(bottom, render.Viridis(0), 16) || !within(top, render.Viridis(1), 16) {
		t.Errorf("colour bar from %v (bottom) to %v (top), want Viridis %v to %v", bottom, top, render.Viridis(0), render.Viridis(1))
	}
}

// TestLeastSquaresOptimum checks LeastSquares against the closed form of
// simple regression (slope cov(x, y)/var(x), intercept ȳ − slope·x̄), the
// ridge solution against a zero gradient of the penalized loss, and that
// the classic scenario marks it with a white star.
func TestLeastSquaresOptimum(t *testing.T) {
	d := compute.ClassicData()
	theta, err := LeastSquares(d, 0)
	if err != nil {
		t.Fatal(err)
	}
	var mx, my float64
	n := float64(d.Len())
	for i := range d.Len() {
		mx += d.X[0][i] / n
		my += d.Y[i] / n
	}
	var sxy, sxx float64
	for i := range d.Len() {
		sxy += (d.X[0][i] - mx) * (d.Y[i] - my)
		sxx += (d.X[0][i] - mx) * (d.X[0][i] - mx)
	}
	slope := sxy / sxx
	if math.Abs(theta[0]-slope) > 1e-12 || math.Abs(theta[1]-(my-slope*mx)) > 1e-12 {
		t.Errorf("least squares %v, closed form (%g, %g)", theta, slope, my-slope*mx)
	}
	const l2 = 0.4
	ridge, _ := LeastSquares(d, l2)
	m := compute.NewLinearRegression(d)
	grad := make([]float64, 2)
	m.Grad(grad, ridge)
	compute.Penalty{L2: l2, Mask: m.Layout().PenaltyMask()}.AddGrad(grad, ridge)
	if math.Hypot(grad[0], grad[1]) > 1e-12 {
		t.Errorf("ridge optimum %v has gradient %v", ridge, grad)
	}

	g, screen := newPictureGame(t, "classic")
	frame(t, g, screen)
	frame(t, g, screen)
	img := pixelsOf(screen)
	v := g.viewport(g.regions())
	x, y := v.ToScreen(slope, my-slope*mx)
	if c := img.RGBAAt(int(x), int(y)); !within(c, color.RGBA{0xff, 0xff, 0xff, 0xff}, 8) {
		t.Errorf("the least-squares optimum (%g, %g) at (%.0f, %.0f) is %v, want the white star", slope, my-slope*mx, x, y, c)
	}
}

// TestLogisticSliceFollowsBias races logistic regression and checks that
// the field is the slice through the leader's current bias (a value of
// the field equals the loss there) and that the caption states it.
func TestLogisticSliceFollowsBias(t *testing.T) {
	g, screen := newPictureGame(t, "blobs")
	w := g.World()
	w.Advance(60)
	frame(t, g, screen)
	frame(t, g, screen) // the first frame shows "computing the loss surface"
	lead := w.Leader()
	p := lead.Trainer().Params()
	if p[2] == w.Start()[2] {
		t.Fatalf("the leader's bias did not move from %g", p[2])
	}
	f := w.Field()
	c, r := f.Cols/3, f.Rows/4
	x, y := f.X(c), f.Y(r)
	want := w.objective().Func([]float64{x, y, p[2]})
	if got := f.Values[r*f.Cols+c]; math.Abs(got-want) > 1e-9*math.Abs(want) {
		t.Errorf("field at (%g, %g) is %g, the loss at the leader's bias %g is %g", x, y, got, p[2], want)
	}
	caption := w.SliceCaption()
	if !strings.Contains(caption, fmt.Sprintf("b = %.3g", p[2])) || !strings.Contains(caption, lead.Name()) {
		t.Errorf("caption %q does not state the slice through %s's bias %.3g", caption, lead.Name(), p[2])
	}
	img := pixelsOf(screen)
	at := g.regions().surface.Min.Add(image.Pt(9, 9))
	if !within(img.RGBAAt(at.X, at.Y), g.noteBackground(), 3) {
		t.Errorf("no caption box over the surface's corner: %v", img.RGBAAt(at.X, at.Y))
	}
}

// TestFormulaOnRequest checks that f's switch writes the surface's
// formula over it.
func TestFormulaOnRequest(t *testing.T) {
	g, screen := newPictureGame(t, "himmelblau")
	frame(t, g, screen)
	frame(t, g, screen)
	at := g.regions().surface.Min.Add(image.Pt(9, 9))
	if within(pixelsOf(screen).RGBAAt(at.X, at.Y), g.noteBackground(), 3) {
		t.Fatal("a note box before the formula was asked for")
	}
	g.pic.showFormula = true
	frame(t, g, screen)
	if lines := g.formula(); len(lines) == 0 || !strings.Contains(lines[0], "(x² + y − 11)²") {
		t.Errorf("formula %q", lines)
	}
	if !within(pixelsOf(screen).RGBAAt(at.X, at.Y), g.noteBackground(), 3) {
		t.Error("no formula box over the surface")
	}
}

// TestTrainabilityCellShowsBothRates opens a cell of a two-learning-rate
// map and checks that the racer's rates are the cell's two and that the
// panel's label names both, not a rate of 1.
func TestTrainabilityCellShowsBothRates(t *testing.T) {
	w, _ := NewWorld("bowl")
	w.View, w.MapSteps = TrainabilityView, 50
	if _, err := w.StepMap(); err != nil {
		t.Fatal(err)
	}
	spec := w.MapSpec()
	x, y := spec.At(100, 3)
	r := w.mapRacer()
	w.OpenCell(100, 3)
	rates := r.Rates(2)
	if math.Abs(rates[0]-x) > 1e-15*x || math.Abs(rates[1]-y) > 1e-15*y {
		t.Errorf("rates %v, the cell's (%g, %g)", rates, x, y)
	}
	label := r.ratesLabel(w.objective())
	if !strings.Contains(label, fmt.Sprintf("x %.3g", x)) || !strings.Contains(label, fmt.Sprintf("y %.3g", y)) {
		t.Errorf("panel label %q, want both rates %.3g and %.3g", label, x, y)
	}
	r.oneRate()
	if r.Scales != nil || r.Hyper["lr"] != x {
		t.Errorf("one rate: lr %g, scales %v; want x's rate %g", r.Hyper["lr"], r.Scales, x)
	}
}
