package playground

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// Draw draws the world; it changes nothing but frame counters, caches of
// what it draws and the screenshot it was asked for.
func (g *Game) Draw(screen *ebiten.Image) {
	th := g.theme()
	render.SetTheme(th)
	screen.Fill(th.Background)
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
		render.DrawText(screen, "computing the loss surface…", float64(rg.surface.Min.X), float64(rg.surface.Min.Y), th.Ink, render.AlignLeft)
	case w.Show3D:
		render.DrawMesh(screen, rg.surface, w.Field(), g.layer.Scale(), w.Camera, paths, g.meshOptions())
		g.drawColorBar(screen, rg, g.layer.Scale())
	default:
		layer := g.layer
		if g.batchLayer != nil {
			layer = g.batchLayer
		}
		layer.Draw(screen, v)
		render.DrawAxes(screen, v, w.scenario.XLabel, w.scenario.YLabel)
		g.drawMinima(screen, v)
		g.drawOptimum(screen, v)
		for _, p := range paths {
			render.DrawPath(screen, v, p, true)
		}
		for _, a := range g.arrows(v) {
			render.DrawArrow(screen, a.x0, a.y0, a.x1, a.y1, a.width, a.clr)
		}
		g.drawCrosses(screen, v)
		g.drawColorBar(screen, rg, layer.Scale())
		g.drawNotes(screen, rg.surface)
	}
	if w.View == RaceView && !g.chartShown() && !rg.surface.Empty() {
		// The legend over the surface, unless it would hide too much of
		// it (large text on a small screen): the loss chart's legend
		// names the racers too.
		legend := g.legend()
		if box := legendBox(rg, legend); box.Dx()*box.Dy() <= legendMostArea*rg.surface.Dx()*rg.surface.Dy()/100 {
			render.DrawLegend(screen.SubImage(rg.surface).(*ebiten.Image), box.Min, legend)
		}
	}
	if !rg.loss.Empty() {
		g.pic.chart = render.DrawLossChart(screen, rg.loss, append(g.series(), g.historySeries()...), render.ChartOptions{
			Log: !g.pic.chartLinear, Legend: true, Pointer: g.pic.pointer,
		})
	}
	if !rg.scatter.Empty() && w.scenario.Regression() {
		g.drawData(screen, rg.scatter)
	}
	if w.View == RaceView {
		g.drawStatusTable(screen, rg.table)
	}
	g.drawSweep(screen, rg)
	g.drawHUD(screen, rg)
	if g.showHelp {
		g.drawHelp(screen, rg)
	}
	if !g.exportView {
		g.drawPanel(screen)
	}
	g.drawn = true
	g.frames++
	if g.layer != nil {
		g.surfaceFrames++
	}
	if g.opts.ScreenshotPath != "" && !g.cli.shot && g.frames >= g.opts.ScreenshotFrames {
		g.shotErr = writeScreenshot(screen, g.opts.ScreenshotPath)
		g.cli.shot = true
		g.shotDone = g.cli.none(g.opts)
	}
	g.drawExports(screen)
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
		g.pathBuf = append(g.pathBuf, render.Path{Points: pts, Color: g.accent(r.Color), Name: r.Name()})
		g.pathRacer = append(g.pathRacer, i)
	}
	return g.pathBuf
}

// arrow is one arrow of the race: screen ends, width and colour.
type arrow struct {
	x0, y0, x1, y1 float32
	width          float32
	clr            color.Color
	// gradient says that it is the descent direction, not a momentum.
	gradient bool
}

// arrows returns, for each racer that runs and has not diverged, its
// descent direction (the negative gradient) from its current point and,
// for methods with one, its momentum. Before the first step the gradient
// is the one at the start (startGradient), so that the race shows where
// each racer will go. Each arrow has a fixed screen length or, with the
// display's GradLength, one that grows with the vector's norm on a log
// scale (arrowLength).
func (g *Game) arrows(v render.Viewport) []arrow {
	var out []arrow
	s := render.Scale()
	logScaled := g.world.Display.GradLength
	for _, r := range g.world.Racers {
		tr := r.Trainer()
		if tr == nil || r.Diverged() {
			continue
		}
		p := tr.Params()
		x0, y0 := v.ToScreen(p[0], p[1])
		add := func(dx, dy float64, width float32, clr color.Color, gradient bool) {
			sx, sy := v.ToScreen(p[0]+dx, p[1]+dy)
			ex, ey := sx-x0, sy-y0
			n := float32(math.Hypot(float64(ex), float64(ey)))
			if n == 0 || math.IsNaN(float64(n)) || math.IsInf(float64(n), 0) {
				return
			}
			length := float32(arrowLength(math.Hypot(dx, dy), logScaled) * s)
			out = append(out, arrow{x0, y0, x0 + ex/n*length, y0 + ey/n*length, width, clr, gradient})
		}
		gr := tr.Gradient()
		if tr.Steps() == 0 {
			gr = g.startGradient(r)
		}
		if len(gr) >= 2 {
			add(-gr[0], -gr[1], 2, g.theme().Arrow, true)
		}
		if vel := r.velocity(); len(vel) >= 2 && tr.Steps() > 0 {
			add(-vel[0], -vel[1], 1.5, g.accent(r.Color), false)
		}
	}
	return out
}

// startGradient returns the gradient of r's loss (with its penalty) at
// its current point, before its first step: the full-data gradient on
// data. It is computed once per run and kept.
func (g *Game) startGradient(r *Racer) []float64 {
	run := r.Run()
	if run == nil {
		return nil
	}
	if gr, ok := g.firstGrads[run]; ok {
		return gr
	}
	if g.firstGrads == nil || len(g.firstGrads) > 4*len(g.world.Racers) {
		g.firstGrads = map[*compute.Run][]float64{} // drop the runs of earlier starts
	}
	p := run.Trainer.Params()
	gr := make([]float64, len(p))
	run.Objective.Grad(gr, p)
	pen := compute.Penalty{L1: run.Config.L1, L2: run.Config.L2, Mask: run.Objective.Layout().PenaltyMask()}
	if pen.Active() {
		pen.AddGrad(gr, p)
	}
	g.firstGrads[run] = gr
	return gr
}

// drawColorBar draws the heatmap's colour bar, on a backing where it
// lies over the surface.
func (g *Game) drawColorBar(screen *ebiten.Image, rg regions, s render.ColorScale) {
	if rg.colorBar.Empty() {
		return
	}
	if rg.barOver {
		pad := int(math.Round(4 * render.TextScale()))
		b := rg.colorBar.Inset(-pad)
		vector.FillRect(screen, float32(b.Min.X), float32(b.Min.Y), float32(b.Dx()), float32(b.Dy()), g.theme().Panel, false)
	}
	render.DrawColorBar(screen, rg.colorBar, s, "loss")
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

// legendMostArea is the most of the surface's area, in percent, the
// racers' legend may cover.
const legendMostArea = 30

// legendBox is where a legend of entries goes: in the surface region's
// top-right corner, a little in from its right and top edges (kept
// inside the surface on its left when the legend is wider).
func legendBox(rg regions, entries []render.LegendEntry) image.Rectangle {
	size := render.LegendSize(entries)
	in := int(math.Round(8 * render.TextScale()))
	right := rg.surface.Max.X
	if rg.barOver {
		right = rg.colorBar.Min.X
	}
	at := image.Pt(max(right-size.X-in, rg.surface.Min.X), rg.surface.Min.Y+in)
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
		entries = append(entries, render.LegendEntry{Name: name, Color: g.accent(r.Color)})
	}
	return entries
}

// drawCrosses marks each diverged racer with a cross in its colour where
// its path left the view (see Divergence).
func (g *Game) drawCrosses(screen *ebiten.Image, v render.Viewport) {
	for _, r := range g.world.Racers {
		if d, ok := g.divergence(r); ok {
			render.DrawCross(screen, v, d.At[0], d.At[1], g.accent(r.Color))
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
		s := render.TextScale()
		g.drawNote(screen, image.Pt(int(float64(x)+10*s), int(float64(y)-8*s)), []string{name})
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
	in := int(math.Round(8 * render.TextScale()))
	g.drawNote(screen, rect.Min.Add(image.Pt(in, in)), lines)
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

// drawNote writes lines of text over the theme's translucent note box
// whose top-left corner is at.
func (g *Game) drawNote(screen *ebiten.Image, at image.Point, lines []string) {
	if len(lines) == 0 {
		return
	}
	th := g.theme()
	s := render.TextScale()
	lh := render.LineHeight()
	width := 0.0
	for _, l := range lines {
		width = math.Max(width, render.TextWidth(l))
	}
	box := image.Rect(at.X, at.Y, at.X+int(width+12*s), at.Y+int(float64(len(lines))*(lh+3*s)+6*s))
	screen.SubImage(box).(*ebiten.Image).Fill(g.noteBackground())
	for i, l := range lines {
		render.DrawText(screen, l, float64(at.X)+6*s, float64(at.Y)+3*s+float64(i)*(lh+3*s), th.Ink, render.AlignLeft)
	}
}

// noteBackground is the colour of the box behind notes written over the
// surface: the theme's, premultiplied, as the screen holds it.
func (g *Game) noteBackground() color.RGBA {
	return color.RGBAModel.Convert(g.theme().Note).(color.RGBA)
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
	th := g.theme()
	screen.SubImage(rect).(*ebiten.Image).Fill(th.Plot)
	if logistic {
		var x0, y0, x1, y1 []float64
		for i, label := range d.Y {
			if label == 0 {
				x0, y0 = append(x0, xs[i]), append(y0, ys[i])
			} else {
				x1, y1 = append(x1, xs[i]), append(y1, ys[i])
			}
		}
		render.DrawScatter(screen, v, x0, y0, g.accent(color.RGBA{0x80, 0xb0, 0xff, 0xff}))
		render.DrawScatter(screen, v, x1, y1, g.accent(color.RGBA{0xff, 0x90, 0x80, 0xff}))
	} else {
		render.DrawScatter(screen, v, xs, ys, th.Dim)
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
				render.DrawLine(screen, v, -p[0]/p[1], -p[2]/p[1], g.accent(r.Color))
			}
			continue
		}
		render.DrawLine(screen, v, p[0], p[1], g.accent(r.Color))
	}
	yLabel := d.Target
	if logistic {
		yLabel = d.Names[1]
	}
	render.DrawAxes(screen, v, d.Names[0], yLabel)
}

// statusLine is the status line: whether the race plays, its step and
// speed, the frame rate, the backend and the main keys; on a map, the
// cell under the pointer or the map's progress. With widest, the numbers
// are the widest they get, so that the layout keeps the room it gives
// the line as they change.
func (g *Game) statusLine(widest bool) string {
	w := g.world
	state := "paused"
	if w.Playing || widest {
		state = "playing"
	}
	steps, speed, fps := float64(w.Steps()), g.stepsPerSec, ebiten.ActualFPS()
	if widest {
		steps, speed, fps = MaxSteps, 88888, 888
	}
	line := fmt.Sprintf("%s · step %.0f · %.0f steps/s · %.0f fps · %s · f formula · l log/linear · c chart · ? keys",
		state, steps, speed, fps, w.Backend().Name())
	if g.exportView && !widest {
		line = fmt.Sprintf("%s · step %.0f · %s", state, steps, w.Backend().Name())
	}
	if w.View != RaceView {
		line = g.hover
		switch {
		case widest:
			line = "hover a cell to read its run · click to race it · wheel zooms · 0 resets the zoom · ? for keys"
			if len(g.hover) > len(line) {
				line = g.hover
			}
		case g.mapProgress < 1:
			line = fmt.Sprintf("computing the map on the %s: %.0f%%", w.Backend().Name(), 100*g.mapProgress)
		case line == "":
			line = "hover a cell to read its run · click to race it · wheel zooms · 0 resets the zoom · ? for keys"
		}
	}
	return line
}

// messageLine is the line above the status line: the latest error (and
// true), or else the scenario's hint.
func (g *Game) messageLine() (string, bool) {
	w := g.world
	switch {
	case w.Err != nil:
		return w.Err.Error(), true
	case g.exp.message != "" && g.frames < g.exp.until:
		return g.exp.message, false
	case w.scenario.Hint != "":
		return "watch: " + w.scenario.Hint, false
	}
	return "", false
}

// drawHUD writes the status lines and above them the message lines,
// wrapped to the width.
func (g *Game) drawHUD(screen *ebiten.Image, rg regions) {
	th := g.theme()
	step := math.Ceil(1.2 * render.LineHeight())
	for i, l := range wrapText(g.statusLine(false), float64(rg.hud.Dx())) {
		render.DrawText(screen, l, float64(rg.hud.Min.X), float64(rg.hud.Min.Y)+float64(i)*step, th.Ink, render.AlignLeft)
	}
	msg, isErr := g.messageLine()
	ink := th.Dim
	if isErr {
		ink = th.Error
	}
	for i, l := range rg.messageLines {
		if msg == "" {
			break
		}
		render.DrawText(screen, l, float64(rg.message.Min.X), float64(rg.message.Min.Y)+float64(i)*step, ink, render.AlignLeft)
	}
}

// helpLines are the keyboard and mouse shortcuts: the key, and what it
// does.
var helpLines = [][2]string{
	{"space", "play / pause"},
	{"→", "one step"},
	{"r", "reset to the start"},
	{"3", "toggle the 3-D mesh"},
	{"m", "next view: race, convergence map, trainability map"},
	{"f", "show / hide the loss's formula"},
	{"l", "loss chart: log / linear scale"},
	{"c", "loss chart: enlarge / back (or click it)"},
	{"", "hover the chart to read each curve"},
	{"+ / −", "larger / smaller text"},
	{"t", "light / dark theme (light for projectors)"},
	{"g", "arrows' length: the gradient's size (log) / fixed"},
	{"p · a · x · n", "save a PNG of the view · a GIF of the race · the run's CSV and JSON · a notebook and a PyTorch script of the leader's run"},
	{"0", "reset a map's zoom"},
	{"click", "set the start point (2-D)"},
	{"drag", "orbit (3-D) · wheel: zoom (3-D, maps)"},
	{"click", "on a map: race that cell's run"},
	{"?", "show / hide this help"},
}

// drawHelp draws the shortcuts in a box over the main area, in two
// columns, kept on the screen.
func (g *Game) drawHelp(screen *ebiten.Image, rg regions) {
	th := g.theme()
	s := render.TextScale()
	lh := render.LineHeight()
	keyW, textW := 0.0, 0.0
	for _, l := range helpLines {
		keyW, textW = math.Max(keyW, render.TextWidth(l[0])), math.Max(textW, render.TextWidth(l[1]))
	}
	pad, colGap, row := 12*s, 16*s, math.Ceil(1.35*lh)
	w, h := keyW+colGap+textW+2*pad, float64(len(helpLines))*row+2*pad
	x := math.Max(0, math.Min(float64(rg.surface.Min.X)+24*s, float64(g.width)-w))
	y := math.Max(0, math.Min(float64(rg.surface.Min.Y)+24*s, float64(g.height)-h))
	box := image.Rect(int(x), int(y), int(x+w), int(y+h))
	screen.SubImage(box).(*ebiten.Image).Fill(color.RGBAModel.Convert(th.Help))
	for i, l := range helpLines {
		ly := y + pad + float64(i)*row
		render.DrawText(screen, l[0], x+pad, ly, th.Ink, render.AlignLeft)
		render.DrawText(screen, l[1], x+pad+keyW+colGap, ly, th.Ink, render.AlignLeft)
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
