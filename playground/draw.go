package playground

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

var (
	background = color.RGBA{0x16, 0x17, 0x1d, 0xff}
	textColor  = color.RGBA{0xe8, 0xe8, 0xf0, 0xff}
	dimText    = color.RGBA{0xa0, 0xa0, 0xb0, 0xff}
)

// regions are the parts of the screen.
type regions struct {
	surface, loss, scatter, hud image.Rectangle
	scale                       int
}

// regions lays the screen out: the panel on the left, the surface in the
// middle, the loss curves and (for regression) the data on the right, and
// the heads-up line under the surface.
func (g *Game) regions() regions {
	s := uiScale()
	w, h := g.width, g.height
	left := (panelWidth + 10) * s
	right := w
	rg := regions{scale: s}
	if w-left > 900*s {
		right = w - 340*s
		rg.loss = image.Rect(right+10*s, 10*s, w-10*s, 250*s)
		rg.scatter = image.Rect(right+50*s, 270*s, w-10*s, 560*s)
	}
	if w-left < 200*s {
		left = 0
	}
	rg.surface = image.Rect(left+60*s, 10*s, right-10*s, h-80*s)
	rg.hud = image.Rect(left+10*s, h-26*s, right, h)
	return rg
}

// Draw draws the world; it changes nothing but frame counters and the
// screenshot it was asked for.
func (g *Game) Draw(screen *ebiten.Image) {
	screen.Fill(background)
	rg := g.regions()
	v := g.viewport(rg)
	w := g.world
	paths := g.paths()
	switch {
	case w.View != RaceView:
		g.drawMap(screen, rg)
	case g.layer == nil:
		render.DrawText(screen, "computing the loss surface…", float64(rg.surface.Min.X), float64(rg.surface.Min.Y), textColor, render.AlignLeft)
	case w.Show3D:
		render.DrawMesh(screen, rg.surface, w.Field(), g.layer.Scale(), w.Camera, paths)
	default:
		layer := g.layer
		if g.batchLayer != nil {
			layer = g.batchLayer
		}
		layer.Draw(screen, v)
		render.DrawAxes(screen, v, w.scenario.XLabel, w.scenario.YLabel)
		g.drawMinima(screen, v)
		for i, p := range paths {
			render.DrawPath(screen, v, p, true)
			g.drawArrows(screen, v, w.Racers[g.pathRacer[i]])
		}
	}
	if w.View == RaceView {
		legend := g.legend()
		render.DrawLegend(screen, legendBox(rg, legend).Min, legend)
	}
	if !rg.loss.Empty() {
		render.DrawLossCurves(screen, rg.loss, g.series())
		if w.scenario.Regression() {
			g.drawData(screen, rg.scatter)
		}
	}
	g.drawHUD(screen, rg.hud)
	if g.showHelp {
		g.drawHelp(screen)
	}
	g.ui.Draw(screen)
	g.drawn = true
	g.frames++
	if g.layer != nil {
		g.surfaceFrames++
	}
	if g.opts.ScreenshotPath != "" && !g.shotDone && g.frames >= g.opts.ScreenshotFrames {
		g.shotErr = writeScreenshot(screen, g.opts.ScreenshotPath)
		g.shotDone = true
	}
}

// paths returns each running racer's path in the view's two parameters,
// reusing the game's buffers.
func (g *Game) paths() []render.Path {
	g.pathBuf = g.pathBuf[:0]
	g.pathRacer = g.pathRacer[:0]
	for i, r := range g.world.Racers {
		if r.Trainer() == nil {
			continue
		}
		for len(g.pointBuf) <= i {
			g.pointBuf = append(g.pointBuf, nil)
		}
		pts := g.pointBuf[i][:0]
		for _, p := range r.Path() {
			pts = append(pts, [2]float64{p[0], p[1]})
		}
		g.pointBuf[i] = pts
		g.pathBuf = append(g.pathBuf, render.Path{Points: pts, Color: r.Color, Name: r.Name()})
		g.pathRacer = append(g.pathRacer, i)
	}
	return g.pathBuf
}

// drawArrows draws the racer's descent direction (the negative gradient)
// and, for methods with one, its momentum, as arrows of fixed screen length
// from the current point.
func (g *Game) drawArrows(screen *ebiten.Image, v render.Viewport, r *Racer) {
	tr := r.Trainer()
	p := tr.Params()
	x0, y0 := v.ToScreen(p[0], p[1])
	length := float32(36 * uiScale())
	arrow := func(dx, dy float64, width float32, clr color.Color) {
		sx, sy := v.ToScreen(p[0]+dx, p[1]+dy)
		ex, ey := sx-x0, sy-y0
		n := float32(math.Hypot(float64(ex), float64(ey)))
		if n == 0 || math.IsNaN(float64(n)) {
			return
		}
		render.DrawArrow(screen, x0, y0, x0+ex/n*length, y0+ey/n*length, width, clr)
	}
	if tr.Steps() > 0 {
		gr := tr.Gradient()
		arrow(-gr[0], -gr[1], 2, color.RGBA{0xff, 0xff, 0xff, 0xe0})
	}
	if vel := r.velocity(); len(vel) >= 2 {
		arrow(-vel[0], -vel[1], 1.5, r.Color)
	}
}

// drawMinima marks the surface's known minima.
func (g *Game) drawMinima(screen *ebiten.Image, v render.Viewport) {
	if g.world.scenario.Regression() {
		return
	}
	s, err := compute.SurfaceByName(g.world.scenario.Base.Surface)
	if err != nil {
		return
	}
	for _, m := range s.Minima {
		render.DrawMinimum(screen, v, m.X, m.Y)
	}
}

// legendBox is where a legend of entries goes: in the surface region's
// top-right corner, 10 px in from its right and top edges.
func legendBox(rg regions, entries []render.LegendEntry) image.Rectangle {
	size := render.LegendSize(entries)
	at := image.Pt(rg.surface.Max.X-size.X-10*rg.scale, rg.surface.Min.Y+10*rg.scale)
	return image.Rectangle{Min: at, Max: at.Add(size)}
}

func (g *Game) legend() []render.LegendEntry {
	var entries []render.LegendEntry
	for _, r := range g.world.Racers {
		if r.Trainer() != nil {
			entries = append(entries, render.LegendEntry{Name: r.Name(), Color: r.Color})
		}
	}
	return entries
}

func (g *Game) series() []render.Series {
	var s []render.Series
	for _, r := range g.world.Racers {
		if r.Trainer() != nil {
			s = append(s, render.Series{Values: r.Losses(), Color: r.Color, Name: r.Name()})
		}
	}
	return s
}

// drawData draws the regression data with each racer's current fit: the
// fitted line for linear regression, the decision boundary for logistic.
func (g *Game) drawData(screen *ebiten.Image, rect image.Rectangle) {
	w := g.world
	r := w.Leader()
	if r == nil {
		return
	}
	d := r.run.Data
	xs, ys := d.X[0], d.Y
	logistic := w.scenario.Base.Model == "logreg"
	if logistic {
		ys = d.X[1]
	}
	v := render.Viewport{XMin: minOf(xs), XMax: maxOf(xs), YMin: minOf(ys), YMax: maxOf(ys), Rect: rect}
	pad := 0.08 * (v.XMax - v.XMin)
	v.XMin, v.XMax = v.XMin-pad, v.XMax+pad
	pad = 0.08 * (v.YMax - v.YMin)
	v.YMin, v.YMax = v.YMin-pad, v.YMax+pad
	screen.SubImage(rect).(*ebiten.Image).Fill(color.RGBA{0x22, 0x23, 0x2b, 0xff})
	if logistic {
		var x0, y0, x1, y1 []float64
		for i, label := range d.Y {
			if label == 0 {
				x0, y0 = append(x0, xs[i]), append(y0, ys[i])
			} else {
				x1, y1 = append(x1, xs[i]), append(y1, ys[i])
			}
		}
		render.DrawScatter(screen, v, x0, y0, color.RGBA{0x80, 0xb0, 0xff, 0xff})
		render.DrawScatter(screen, v, x1, y1, color.RGBA{0xff, 0x90, 0x80, 0xff})
	} else {
		render.DrawScatter(screen, v, xs, ys, dimText)
	}
	for _, r := range w.Racers {
		tr := r.Trainer()
		if tr == nil {
			continue
		}
		p := tr.Params()
		if logistic {
			// w1·x1 + w2·x2 + b = 0, drawn as x2 = -(w1/w2)·x1 - b/w2.
			if p[1] != 0 {
				render.DrawLine(screen, v, -p[0]/p[1], -p[2]/p[1], r.Color)
			}
			continue
		}
		render.DrawLine(screen, v, p[0], p[1], r.Color)
	}
	yLabel := d.Target
	if logistic {
		yLabel = d.Names[1]
	}
	render.DrawAxes(screen, v, d.Names[0], yLabel)
}

// drawHUD writes the heads-up line: the leader's step, epoch, loss and
// gradient norm, the training speed and the frame rate.
func (g *Game) drawHUD(screen *ebiten.Image, rect image.Rectangle) {
	st := g.world.LeaderStats()
	state := "paused"
	if g.world.Playing {
		state = "playing"
	}
	if st.Stopped != compute.Running {
		state = string(st.Stopped)
	}
	line := fmt.Sprintf("%s · step %d · epoch %d · loss %.6g · grad norm %.3g · %.0f steps/s · %.0f fps · %s · ? for keys",
		state, st.Step, st.Epoch, st.Loss, st.GradNorm, g.stepsPerSec, ebiten.ActualFPS(), g.world.Backend().Name())
	if g.world.View != RaceView {
		line = g.hover
		if g.mapProgress < 1 {
			line = fmt.Sprintf("computing the map on the %s: %.0f%%", g.world.Backend().Name(), 100*g.mapProgress)
		} else if line == "" {
			line = "hover a cell to read its run · click to race it · wheel zooms · 0 resets the zoom · ? for keys"
		}
	}
	render.DrawText(screen, line, float64(rect.Min.X), float64(rect.Min.Y), textColor, render.AlignLeft)
	if g.world.Err != nil {
		render.DrawText(screen, g.world.Err.Error(), float64(rect.Min.X), float64(rect.Min.Y)-18*float64(uiScale()), color.RGBA{0xff, 0x80, 0x80, 0xff}, render.AlignLeft)
	}
}

// helpLines are the keyboard and mouse shortcuts.
var helpLines = []string{
	"space    play / pause",
	"→        one step",
	"r        reset to the start",
	"3        toggle the 3-D mesh",
	"m        next view: race, convergence map, trainability map",
	"0        reset a map's zoom",
	"click    set the start point (2-D)",
	"drag     orbit (3-D) · wheel: zoom (3-D, maps)",
	"click    on a map: race that cell's run",
	"?        show / hide this help",
}

func (g *Game) drawHelp(screen *ebiten.Image) {
	s := float64(uiScale())
	rg := g.regions()
	x, y := float64(rg.surface.Min.X)+40*s, float64(rg.surface.Min.Y)+40*s
	box := image.Rect(int(x-12*s), int(y-12*s), int(x+300*s), int(y+float64(len(helpLines))*20*s+8*s))
	screen.SubImage(box).(*ebiten.Image).Fill(color.RGBA{0, 0, 0, 0xd0})
	for i, l := range helpLines {
		render.DrawText(screen, l, x, y+float64(i)*20*s, textColor, render.AlignLeft)
	}
}

func minOf(v []float64) float64 {
	m := math.Inf(1)
	for _, x := range v {
		m = min(m, x)
	}
	return m
}

func maxOf(v []float64) float64 {
	m := math.Inf(-1)
	for _, x := range v {
		m = max(m, x)
	}
	return m
}
