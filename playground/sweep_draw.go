package playground

import (
	"fmt"
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/descent-playground/descent/render"
)

// sweepBox is where the sweep view is drawn: over the surface and its
// axes, or over the loss chart when that takes the main area.
func sweepBox(rg regions) image.Rectangle {
	if !rg.surfaceBox.Empty() {
		return rg.surfaceBox
	}
	return rg.loss
}

// sweepParts lays out the sweep view in box: the title line, the progress
// bar under it, the plot of final loss against the swept value (with room
// for its axes) and the table of each racer's best below.
type sweepParts struct {
	title, bar, plot, table image.Rectangle
}

// layoutSweep lays out the view in box for a table of rows racers and a
// plot over v's ranges (whose tick labels decide the room its axes need).
func layoutSweep(box image.Rectangle, rows int, v render.Viewport) sweepParts {
	s := render.TextScale()
	lh := int(math.Ceil(render.LineHeight()))
	pad := int(8 * s)
	in := box.Inset(pad)
	var p sweepParts
	p.title = image.Rect(in.Min.X, in.Min.Y, in.Max.X, in.Min.Y+lh)
	p.bar = image.Rect(in.Min.X, p.title.Max.Y+pad/2, in.Max.X, p.title.Max.Y+pad/2+lh)
	tableH := (rows+1)*lh + pad
	p.table = image.Rect(in.Min.X, in.Max.Y-tableH, in.Max.X, in.Max.Y)
	v.Rect = image.Rect(0, 0, in.Dx(), in.Dy()/2)
	left, below := render.AxesRoom(v)
	p.plot = image.Rect(in.Min.X+left, p.bar.Max.Y+pad, in.Max.X-pad, p.table.Min.Y-below-pad)
	return p
}

// drawSweep draws the sweep view while it is shown: a progress bar, the
// final loss of every trial against its value (log axes where the
// parameter or the losses are log-scaled, diverged trials as crosses along
// the top) and each racer's best.
func (g *Game) drawSweep(screen *ebiten.Image, rg regions) {
	if !g.sweep.shown {
		return
	}
	box := sweepBox(rg)
	if box.Empty() {
		return
	}
	screen = screen.SubImage(box).(*ebiten.Image)
	th := g.theme()
	sn := g.sweep.snapshot()
	v, _, _, _ := sweepAxes(sn, image.Rectangle{})
	parts := layoutSweep(box, len(sn.runs), v)
	vector.FillRect(screen, float32(box.Min.X), float32(box.Min.Y), float32(box.Dx()), float32(box.Dy()), th.Background, false)

	state := "finished"
	switch {
	case sn.running:
		state = "running"
	case sn.err != nil:
		state = "failed: " + sn.err.Error()
	case sn.done < sn.total:
		state = "stopped"
	}
	render.DrawText(screen, fmt.Sprintf("Sweep of %s · %d/%d trials · %s", sn.param, sn.done, sn.total, state),
		float64(parts.title.Min.X), float64(parts.title.Min.Y), th.Ink, render.AlignLeft)
	g.drawSweepBar(screen, parts.bar, sn)
	if !parts.plot.Empty() && parts.plot.Dx() > 20 && parts.plot.Dy() > 20 {
		g.drawSweepPlot(screen, parts.plot, sn)
	}
	g.drawSweepTable(screen, parts.table, sn)
}

// drawSweepBar draws the progress bar: a frame filled in proportion to the
// trials that have run.
func (g *Game) drawSweepBar(screen *ebiten.Image, r image.Rectangle, sn sweepSnapshot) {
	th := g.theme()
	vector.StrokeRect(screen, float32(r.Min.X)+0.5, float32(r.Min.Y)+0.5, float32(r.Dx())-1, float32(r.Dy())-1, 1, th.Frame, false)
	if sn.total > 0 {
		w := float32(r.Dx()-4) * float32(sn.done) / float32(sn.total)
		vector.FillRect(screen, float32(r.Min.X+2), float32(r.Min.Y+2), w, float32(r.Dy()-4), th.Dim, false)
	}
}

// sweepAxes returns the plot's viewport over the trials' values (x, log₁₀
// when the parameter is log-scaled) and finished losses (y, log₁₀ when all
// are positive), and the axis transforms.
func sweepAxes(sn sweepSnapshot, rect image.Rectangle) (v render.Viewport, fx, fy func(float64) float64, logY bool) {
	logY = true
	for _, r := range sn.runs {
		for _, p := range r.points {
			if p.ok && !(p.loss > 0) {
				logY = false
			}
		}
	}
	ident := func(x float64) float64 { return x }
	fx, fy = ident, ident
	if sn.log {
		fx = math.Log10
	}
	if logY {
		fy = math.Log10
	}
	v = render.Viewport{XMin: math.Inf(1), XMax: math.Inf(-1), YMin: math.Inf(1), YMax: math.Inf(-1), Rect: rect}
	for _, r := range sn.runs {
		v.XMin, v.XMax = min(v.XMin, fx(r.param.Min)), max(v.XMax, fx(r.param.Max))
		for _, p := range r.points {
			if p.ok {
				v.YMin, v.YMax = min(v.YMin, fy(p.loss)), max(v.YMax, fy(p.loss))
			}
		}
	}
	if math.IsInf(v.YMin, 0) {
		v.YMin, v.YMax = 0, 1
	}
	span := max(v.YMax-v.YMin, 1e-9)
	v.YMin, v.YMax = v.YMin-0.08*span, v.YMax+0.08*span
	if !(v.XMax > v.XMin) {
		v.XMin, v.XMax = v.XMin-1, v.XMin+1
	}
	return v, fx, fy, logY
}

// drawSweepPlot draws each racer's trials in its colour: a dot per trial
// that finished, a cross along the top per trial that diverged.
func (g *Game) drawSweepPlot(screen *ebiten.Image, rect image.Rectangle, sn sweepSnapshot) {
	v, fx, fy, logY := sweepAxes(sn, rect)
	vector.FillRect(screen, float32(rect.Min.X), float32(rect.Min.Y), float32(rect.Dx()), float32(rect.Dy()), g.theme().Plot, false)
	xLabel, yLabel := sn.param, "final loss"
	if sn.log {
		xLabel = "log₁₀ " + xLabel
	}
	if logY {
		yLabel = "log₁₀ " + yLabel
	}
	render.DrawAxes(screen, v, xLabel, yLabel)
	for _, r := range sn.runs {
		var xs, ys []float64
		clr := g.accent(r.color)
		for _, p := range r.points {
			switch {
			case p.ok:
				xs, ys = append(xs, fx(p.value)), append(ys, fy(p.loss))
			case p.stop != "":
				render.DrawCross(screen, v, fx(p.value), v.YMax-0.04*(v.YMax-v.YMin), clr)
			}
		}
		render.DrawScatter(screen, v, xs, ys, clr)
	}
}

// drawSweepTable lists each racer's best value and loss so far.
func (g *Game) drawSweepTable(screen *ebiten.Image, rect image.Rectangle, sn sweepSnapshot) {
	th := g.theme()
	s := render.TextScale()
	lh := render.LineHeight()
	cols := []float64{float64(rect.Min.X) + (tableSwatch+4)*s, float64(rect.Min.X) + float64(rect.Dx())*0.45,
		float64(rect.Min.X) + float64(rect.Dx())*0.7, float64(rect.Max.X)}
	y := float64(rect.Min.Y)
	head := []string{"optimizer", "best " + sn.param, "final loss", "trials"}
	for j, h := range head {
		align := render.AlignRight
		if j == 0 {
			align = render.AlignLeft
		}
		render.DrawText(screen, h, cols[j], y, th.Dim, align)
	}
	for _, r := range sn.runs {
		y += lh
		vector.FillRect(screen, float32(rect.Min.X), float32(y+lh/2-2*s), float32(tableSwatch*s), float32(4*s), g.accent(r.color), false)
		cells := []string{r.title, "–", "–", fmt.Sprint(len(r.points))}
		if b, ok := r.best(); ok {
			cells[1], cells[2] = formatNumber(b.value), fmt.Sprintf("%.4g", b.loss)
		}
		for j, c := range cells {
			align := render.AlignRight
			if j == 0 {
				align = render.AlignLeft
			}
			render.DrawText(screen, c, cols[j], y, th.Ink, align)
		}
	}
}
