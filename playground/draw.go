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
	// surface is where the surface (or a map) is drawn, colorBar the
	// heatmap's colour bar beside it; loss holds the loss chart (the main
	// area when it is enlarged, the surface then empty), scatter the data,
	// table the racers' status table, hud the status line and message the
	// line above it (the hint, or the latest error).
	surface, colorBar, loss, scatter, table, hud image.Rectangle
	message                                      image.Point
	scale                                        int
}

// regions lays the screen out: the panel on the left; the surface in the
// middle with its colour bar on its right; the loss chart, the data (for
// regression) and the status table on the right, where the window is wide
// enough (the table goes under the surface otherwise); the message and
// status lines at the bottom. An enlarged loss chart takes the surface's
// place.
func (g *Game) regions() regions {
	s := uiScale()
	w, h := g.width, g.height
	left := 0
	if panelInCanvas {
		left = (panelWidth + 10) * s
	}
	right := w
	rg := regions{scale: s}
	tableH := tableHeight(len(g.world.RacerStats()))
	bottom := h - 96*s // the x axis, the message and the status line below
	if w-left > 900*s {
		right = w - 340*s
		rg.loss = image.Rect(right+10*s, 10*s, w-10*s, 250*s)
		top := 262 * s
		if g.world.scenario.Regression() {
			rg.scatter = image.Rect(right+50*s, 270*s, w-10*s, 560*s)
			top = 604 * s
		}
		if top+tableH <= h-40*s {
			rg.table = image.Rect(right+10*s, top, w-10*s, top+tableH)
		}
	}
	if w-left < 200*s {
		left = 0
	}
	if rg.table.Empty() {
		rg.table = image.Rect(left+10*s, bottom-tableH, right-10*s, bottom)
		bottom -= tableH + 50*s
	}
	main := image.Rect(left+60*s, 10*s, right-10*s, bottom)
	rg.surface = main
	switch {
	case g.chartShown():
		rg.loss = image.Rect(left+10*s, 10*s, right-10*s, bottom+40*s)
		rg.surface = image.Rectangle{}
	case g.world.View == RaceView:
		rg.colorBar = image.Rect(main.Max.X-colorBarRoom*s, main.Min.Y, main.Max.X, main.Max.Y)
		if main.Dx() >= narrowSurface*s {
			rg.surface.Max.X = rg.colorBar.Min.X - 14*s
		} // else the bar is drawn over the surface's right edge: a phone needs the width
	}
	rg.hud = image.Rect(left+10*s, h-26*s, w, h)
	rg.message = image.Pt(left+10*s, h-46*s)
	return rg
}

// colorBarRoom is the width kept for the colour bar and its labels, in
// unscaled pixels; below narrowSurface pixels of main area the bar is
// drawn over the surface instead of beside it.
const (
	colorBarRoom  = 64
	narrowSurface = 480
)

// Draw draws the world; it changes nothing but frame counters, caches of
// what it draws and the screenshot it was asked for.
func (g *Game) Draw(screen *ebiten.Image) {
	screen.Fill(background)
	rg := g.regions()
	v := g.viewport(rg)
	w := g.world
	paths := g.paths()
	switch {
	case w.View != RaceView:
		g.drawMap(screen, rg)
	case g.chartShown():
		// The loss chart below takes the main area.
	case g.layer == nil:
		render.DrawText(screen, "computing the loss surface…", float64(rg.surface.Min.X), float64(rg.surface.Min.Y), textColor, render.AlignLeft)
	case w.Show3D:
		render.DrawMesh(screen, rg.surface, w.Field(), g.layer.Scale(), w.Camera, paths)
		render.DrawColorBar(screen, rg.colorBar, g.layer.Scale(), "loss")
	default:
		layer := g.layer
		if g.batchLayer != nil {
			layer = g.batchLayer
		}
		layer.Draw(screen, v)
		render.DrawAxes(screen, v, w.scenario.XLabel, w.scenario.YLabel)
		g.drawMinima(screen, v)
		g.drawOptimum(screen, v)
		for i, p := range paths {
			render.DrawPath(screen, v, p, true)
			if r := w.Racers[g.pathRacer[i]]; !r.Diverged() {
				g.drawArrows(screen, v, r)
			}
		}
		g.drawCrosses(screen, v)
		render.DrawColorBar(screen, rg.colorBar, layer.Scale(), "loss")
		g.drawNotes(screen, rg.surface)
	}
	if w.View == RaceView && !g.chartShown() {
		legend := g.legend()
		render.DrawLegend(screen, legendBox(rg, legend).Min, legend)
	}
	if !rg.loss.Empty() {
		g.pic.chart = render.DrawLossChart(screen, rg.loss, g.series(), render.ChartOptions{
			Log: !g.pic.chartLinear, Legend: true, Pointer: g.pic.pointer,
		})
	}
	if !rg.scatter.Empty() && w.scenario.Regression() {
		g.drawData(screen, rg.scatter)
	}
	if w.View == RaceView {
		g.drawStatusTable(screen, rg.table)
	}
	g.drawHUD(screen, rg)
	if g.showHelp {
		g.drawHelp(screen)
	}
	g.drawPanel(screen)
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

// legend names the racers, with where a diverged one diverged.
func (g *Game) legend() []render.LegendEntry {
	var entries []render.LegendEntry
	for _, r := range g.world.Racers {
		if r.Trainer() == nil {
			continue
		}
		name := r.Name()
		if r.Diverged() {
			name += fmt.Sprintf(" · diverged at step %d", r.DivergedAt())
		}
		entries = append(entries, render.LegendEntry{Name: name, Color: r.Color})
	}
	return entries
}

// drawCrosses marks each diverged racer with a cross in its colour where
// its path left the view (see Divergence).
func (g *Game) drawCrosses(screen *ebiten.Image, v render.Viewport) {
	for _, r := range g.world.Racers {
		if d, ok := g.divergence(r); ok {
			render.DrawCross(screen, v, d.At[0], d.At[1], r.Color)
		}
	}
}

// drawOptimum marks linear regression's least-squares optimum (with the
// L2 penalty, when there is one) with a star and its name.
func (g *Game) drawOptimum(screen *ebiten.Image, v render.Viewport) {
	theta, ok := g.pic.optimum.optimum(g.world)
	if !ok {
		return
	}
	render.DrawMinimum(screen, v, theta[0], theta[1])
	name := "least squares"
	if g.world.Settings.L2 != 0 {
		name = "least squares with L2"
	}
	x, y := v.ToScreen(theta[0], theta[1])
	if image.Pt(int(x), int(y)).In(v.Rect) {
		s := float64(uiScale())
		drawNote(screen, image.Pt(int(float64(x)+10*s), int(float64(y)-8*s)), []string{name})
	}
}

// drawNotes writes over the surface's top-left corner what it shows: the
// formula when asked (f), and the slice when the model has more
// parameters than the view.
func (g *Game) drawNotes(screen *ebiten.Image, rect image.Rectangle) {
	var lines []string
	if g.pic.showFormula {
		lines = append(lines, g.formula()...)
	}
	if c := g.world.SliceCaption(); c != "" {
		lines = append(lines, c)
	}
	s := uiScale()
	drawNote(screen, rect.Min.Add(image.Pt(8*s, 8*s)), lines)
}

// formula returns the scenario's loss and the penalty added to it.
func (g *Game) formula() []string {
	lines := []string{g.world.scenario.Formula}
	st := g.world.Settings
	switch {
	case st.L1 != 0 && st.L2 != 0:
		lines = append(lines, fmt.Sprintf("  + %.3g·Σ|w| + (%.3g/2)·Σw²  (L1, L2 penalties)", st.L1, st.L2))
	case st.L1 != 0:
		lines = append(lines, fmt.Sprintf("  + %.3g·Σ|w|  (L1 penalty)", st.L1))
	case st.L2 != 0:
		lines = append(lines, fmt.Sprintf("  + (%.3g/2)·Σw²  (L2 penalty)", st.L2))
	}
	return lines
}

// drawNote writes lines of text over a translucent dark box whose
// top-left corner is at.
func drawNote(screen *ebiten.Image, at image.Point, lines []string) {
	if len(lines) == 0 {
		return
	}
	s := float64(uiScale())
	lh := render.LineHeight()
	width := 0.0
	for _, l := range lines {
		width = math.Max(width, render.TextWidth(l))
	}
	box := image.Rect(at.X, at.Y, at.X+int(width+12*s), at.Y+int(float64(len(lines))*(lh+3*s)+6*s))
	screen.SubImage(box).(*ebiten.Image).Fill(noteBackground)
	for i, l := range lines {
		render.DrawText(screen, l, float64(at.X)+6*s, float64(at.Y)+3*s+float64(i)*(lh+3*s), textColor, render.AlignLeft)
	}
}

// noteBackground is behind notes written over the surface.
var noteBackground = color.RGBA{0x10, 0x10, 0x16, 0xd8}

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

// drawHUD writes the status line (whether the race plays, its speed, the
// frame rate and the backend; on a map, the cell under the pointer) and
// above it the message line: the latest error, or else the scenario's hint.
func (g *Game) drawHUD(screen *ebiten.Image, rg regions) {
	w := g.world
	state := "paused"
	if w.Playing {
		state = "playing"
	}
	line := fmt.Sprintf("%s · step %d · %.0f steps/s · %.0f fps · %s · f formula · l log/linear · c chart · ? keys",
		state, w.Steps(), g.stepsPerSec, ebiten.ActualFPS(), w.Backend().Name())
	if w.View != RaceView {
		line = g.hover
		if g.mapProgress < 1 {
			line = fmt.Sprintf("computing the map on the %s: %.0f%%", w.Backend().Name(), 100*g.mapProgress)
		} else if line == "" {
			line = "hover a cell to read its run · click to race it · wheel zooms · 0 resets the zoom · ? for keys"
		}
	}
	render.DrawText(screen, line, float64(rg.hud.Min.X), float64(rg.hud.Min.Y), textColor, render.AlignLeft)
	at := rg.message
	switch {
	case w.Err != nil:
		render.DrawText(screen, w.Err.Error(), float64(at.X), float64(at.Y), color.RGBA{0xff, 0x80, 0x80, 0xff}, render.AlignLeft)
	case w.scenario.Hint != "":
		render.DrawText(screen, "watch: "+w.scenario.Hint, float64(at.X), float64(at.Y), dimText, render.AlignLeft)
	}
}

// helpLines are the keyboard and mouse shortcuts.
var helpLines = []string{
	"space    play / pause",
	"→        one step",
	"r        reset to the start",
	"3        toggle the 3-D mesh",
	"m        next view: race, convergence map, trainability map",
	"f        show / hide the loss's formula",
	"l        loss chart: log / linear scale",
	"c        loss chart: enlarge / back (or click it)",
	"         hover the chart to read each curve",
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
