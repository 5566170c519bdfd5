package playground

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/descent-playground/descent/render"
)

// pictures is the Game's state for what the pictures explain: the loss
// chart's scale and size, whether the formula is shown, the pointer the
// chart reads, and caches of what a frame would otherwise compute again.
type pictures struct {
	// chartLinear puts the loss chart on a linear scale (log otherwise);
	// chartLarge draws it in the main area instead of the surface.
	chartLinear, chartLarge bool
	// showFormula writes the loss's formula over the surface.
	showFormula bool
	// pointer is the mouse position of the latest Update.
	pointer image.Point
	// chart is what the latest frame's loss chart drew.
	chart render.ChartInfo

	diverged  divergences
	optimum   leastSquares
	lossSteps [][]int // per racer, the steps of its losses when thinned
}

// handlePictureInput reads the keys and clicks of the pictures (unless a
// panel field has focus, or the pointer is over the panel): f shows the
// formula, l switches the loss chart between log and linear, c (or a
// click on the chart) enlarges it and back.
func (g *Game) handlePictureInput(capture inputCapture) {
	p := &g.pic
	p.pointer = image.Pt(ebiten.CursorPosition())
	if capture&captureFocus == 0 {
		switch {
		case inpututil.IsKeyJustPressed(ebiten.KeyF):
			p.showFormula = !p.showFormula
		case inpututil.IsKeyJustPressed(ebiten.KeyL):
			p.chartLinear = !p.chartLinear
		case inpututil.IsKeyJustPressed(ebiten.KeyC):
			p.chartLarge = !p.chartLarge
		}
	}
	if capture == 0 && g.world.View == RaceView && inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		if rg := g.regions(); p.pointer.In(rg.loss) {
			p.chartLarge = !p.chartLarge
		}
	}
}

// chartShown reports whether the loss chart is enlarged in the main area
// (only in the race view).
func (g *Game) chartShown() bool { return g.pic.chartLarge && g.world.View == RaceView }

// series returns each racer's loss curve for the chart: its values, their
// steps when the recording was thinned, and for a diverged run the point
// where it left the view, which the chart marks and after which the run
// no longer sets the y range.
func (g *Game) series() []render.Series {
	var s []render.Series
	w := g.world
	for i, r := range w.Racers {
		tr := r.Trainer()
		if tr == nil {
			continue
		}
		values := r.Losses()
		se := render.Series{Values: values, Color: g.accent(r.Color), Name: r.Name()}
		if len(values) != tr.Steps()+1 {
			se.Steps = g.thinnedSteps(i, r, len(values))
		}
		if d, ok := g.divergence(r); ok {
			se.Diverged, se.DivergedAt = true, d.LossIndex
		}
		s = append(s, se)
	}
	return s
}

// thinnedSteps returns the steps of racer i's n recorded losses, read
// again only when their number changed.
func (g *Game) thinnedSteps(i int, r *Racer, n int) []int {
	for len(g.pic.lossSteps) <= i {
		g.pic.lossSteps = append(g.pic.lossSteps, nil)
	}
	steps := g.pic.lossSteps[i]
	if len(steps) != n || steps[n-1] != r.Trainer().Steps() {
		steps = steps[:0]
		for _, p := range r.run.Losses.Points() {
			steps = append(steps, p.Step)
		}
		g.pic.lossSteps[i] = steps
	}
	if len(steps) != n {
		return nil
	}
	return steps
}

// divergence returns where r diverged in the scenario's view.
func (g *Game) divergence(r *Racer) (Divergence, bool) {
	if g.pic.diverged == nil {
		g.pic.diverged = divergences{}
	}
	return g.pic.diverged.of(r, g.world.scenario.View)
}
