package playground

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/ebitengine/debugui"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/descent-playground/descent/internal/frametest"
	"github.com/descent-playground/descent/render"
)

// screens are the sizes the layout tests lay the playground out at: the
// issue's 1024×768 and 1920×1080 at browser zoom 150% (1280×720 CSS
// pixels at device scale 1.5), and a laptop, a plain 1080p projector, a
// 1440p screen and a phone held upright.
var screens = []struct {
	w, h int
	dpr  float64
}{{1024, 768, 1}, {1920, 1080, 1.5}, {1280, 800, 1}, {1920, 1080, 1}, {2560, 1440, 1}, {780, 1688, 2}}

// checkLayout fails t unless every part of g's layout is inside the
// screen, not empty, clear of the others, and its text lines fit its
// width; with table, the status table must be one of the parts.
func checkLayout(t *testing.T, g *Game, what string, table bool) {
	t.Helper()
	rg := g.regions()
	screen := image.Rect(0, 0, g.width, g.height)
	parts := partsOf(g, rg)
	if _, ok := parts["table"]; table && !ok && g.world.View == RaceView {
		t.Errorf("%s: no status table", what)
	}
	for name, r := range parts {
		if r.Empty() || !r.In(screen) {
			t.Errorf("%s: %s %v is empty or not inside the screen %v", what, name, r, screen)
		}
		for other, o := range parts {
			if name < other && r.Overlaps(o) {
				t.Errorf("%s: %s %v overlaps %s %v", what, name, r, other, o)
			}
		}
	}
	if panelInCanvas && rg.panel.Empty() && !rg.surfaceBox.Empty() && rg.surfaceBox.Min.Y < drawerHandleSize.Y*uiScale() {
		t.Errorf("%s: the drawer's handle covers the surface's top %v", what, rg.surfaceBox)
	}
	for _, l := range append(append([]string{}, rg.hudLines...), rg.messageLines...) {
		if w := render.TextWidth(l); w > float64(rg.hud.Dx()) {
			t.Errorf("%s: the line %q is %.0f px wide, more than the %d px it has", what, l, w, rg.hud.Dx())
		}
	}
}

// TestLayoutShowsEveryPart lays the playground out at each screen for a
// surface, linear regression and logistic regression, in 2-D, 3-D, with
// the loss chart enlarged and (surfaces) on a map, and checks that every
// part is on the screen, not empty, and clear of the others, at the
// default text size and at the largest.
func TestLayoutShowsEveryPart(t *testing.T) {
	for _, scr := range screens {
		for _, name := range []string{"himmelblau", "classic", "blobs"} {
			for _, view := range []string{"2-D", "3-D", "chart", "map"} {
				for _, step := range []int{0, MaxTextStep} {
					g, err := NewGame(Options{Scenario: name})
					if err != nil {
						t.Fatal(err)
					}
					w := g.World()
					switch view {
					case "3-D":
						w.Show3D = true
					case "chart":
						g.pic.chartLarge = true
					case "map":
						if w.scenario.Regression() {
							continue
						}
						w.View = ConvergenceView
					}
					w.Display.TextStep = step
					g.layoutAt(scr.w, scr.h, scr.dpr)
					what := fmt.Sprintf("%d×%d@%g %s %s text %+d", scr.w, scr.h, scr.dpr, name, view, step)
					// At the default size everything has its place; at
					// the largest, and on a phone, the status table may
					// give way (the legend still names the racers).
					checkLayout(t, g, what, step == 0 && scr.w/int(scr.dpr) >= 1024)
				}
			}
		}
	}
}

// TestLayoutKeepsPartsAtTheirSize draws the default page at 1024×768 and
// checks the parts that must show there are not squeezed: the surface, the
// loss chart and the data plot each get at least their least size.
func TestLayoutKeepsPartsAtTheirSize(t *testing.T) {
	for _, name := range []string{"rosenbrock", "classic"} {
		g, _ := NewGame(Options{Scenario: name})
		g.layoutAt(1024, 768, 1)
		rg := g.regions()
		lh := render.LineHeight()
		if q := min(rg.surface.Dx(), rg.surface.Dy()); float64(q) < 15*lh {
			t.Errorf("%s at 1024×768: the surface is %v, want at least %.0f px across", name, rg.surface, 15*lh)
		}
		if float64(rg.loss.Dx()) < chartMinWidth*lh || float64(rg.loss.Dy()) < chartMinHeight*lh {
			t.Errorf("%s at 1024×768: the loss chart is %v, want at least %.0f×%.0f", name, rg.loss, chartMinWidth*lh, chartMinHeight*lh)
		}
		if g.world.scenario.Regression() && (float64(rg.scatter.Dx()) < scatterMinWidth*lh || float64(rg.scatter.Dy()) < scatterMinHeight*lh) {
			t.Errorf("%s at 1024×768: the data plot is %v", name, rg.scatter)
		}
	}
}

// TestEqualScalesOnSurfaces checks that on every test surface, whose two
// parameters share units, the viewport has as many pixels per unit along
// x as along y, at every screen size and in the convergence map too, so
// that angles on screen are angles in parameter space.
func TestEqualScalesOnSurfaces(t *testing.T) {
	for _, sc := range Scenarios() {
		if sc.Regression() {
			continue
		}
		for _, scr := range screens {
			for _, view := range []View{RaceView, ConvergenceView} {
				g, _ := NewGame(Options{Scenario: sc.Name})
				g.world.View = view
				g.layoutAt(scr.w, scr.h, scr.dpr)
				rg := g.regions()
				v := g.viewport(rg)
				if view == ConvergenceView {
					r := g.world.mapRange()
					v = render.Viewport{XMin: r[0], XMax: r[1], YMin: r[2], YMax: r[3], Rect: rg.surface}
				}
				px := float64(v.Rect.Dx()) / (v.XMax - v.XMin)
				py := float64(v.Rect.Dy()) / (v.YMax - v.YMin)
				if math.Abs(px/py-1) > 0.01 {
					t.Errorf("%s %s at %d×%d@%g: %.2f px per unit along x, %.2f along y", sc.Name, viewNames[view], scr.w, scr.h, scr.dpr, px, py)
				}
			}
		}
	}
}

// TestGradientPerpendicularToContour draws each surface's race before its
// first step on 1920×1080 and 2400×900 screens and checks, on screen, that each racer's gradient arrow is
// at right angles to the contour line through the start: the contour of
// the loss at the start (marching squares, as the surface's contours are
// drawn, on a fine field around the start), its segment nearest the
// start, both mapped to the screen by the drawn viewport.
func TestGradientPerpendicularToContour(t *testing.T) {
	worst := 90.0
	for _, sc := range Scenarios() {
		for _, size := range []image.Point{{1920, 1080}, {2400, 900}} {
			worst = math.Min(worst, checkPerpendicular(t, sc, size))
		}
	}
	t.Logf("the arrows are at least %.2f° from the contours", worst)
}

// checkPerpendicular is TestGradientPerpendicularToContour for one
// scenario on a screen of the given size (a wide one, where unequal scales
// would tilt the arrows most), and returns the smallest angle it saw.
func checkPerpendicular(t *testing.T, sc *Scenario, size image.Point) float64 {
	worst := 90.0
	{
		if sc.Regression() {
			return worst
		}
		g, _ := NewGame(Options{Scenario: sc.Name})
		g.layoutAt(size.X, size.Y, 1)
		screen := ebiten.NewImage(size.X, size.Y)
		frame(t, g, screen)
		frame(t, g, screen)
		w := g.World()
		v := g.viewport(g.regions())
		start := w.Start()
		// The contour through the start, traced on a fine field around
		// it (the drawn 256² field is too coarse on Ackley's ripples).
		const n, half = 64, 0.02 // an even count: the start lies between nodes
		f := render.Field{Values: make([]float64, n*n), Cols: n, Rows: n,
			XMin: start[0] - half, XMax: start[0] + half, YMin: start[1] - half, YMax: start[1] + half}
		for r := range n {
			for c := range n {
				f.Values[r*n+c] = w.objective().Func([]float64{f.X(c), f.Y(r)})
			}
		}
		level := w.objective().Func(start)
		contour := render.Contours(f, []float64{level})[0]
		best, nearest := math.Inf(1), render.Segment{}
		for _, s := range contour.Segments {
			if math.Hypot(s.X1-s.X0, s.Y1-s.Y0) < 1e-6*half {
				continue // a degenerate piece where the level meets a node
			}
			if d := math.Hypot((s.X0+s.X1)/2-start[0], (s.Y0+s.Y1)/2-start[1]); d < best {
				best, nearest = d, s
			}
		}
		if math.IsInf(best, 1) {
			t.Errorf("%s: no contour through the start", sc.Name)
			return worst
		}
		// The segment's direction on screen, through the viewport's scales
		// (the segment is too short for float32 screen positions).
		tx := (nearest.X1 - nearest.X0) * float64(v.Rect.Dx()) / (v.XMax - v.XMin)
		ty := -(nearest.Y1 - nearest.Y0) * float64(v.Rect.Dy()) / (v.YMax - v.YMin)
		arrows := 0
		for _, a := range g.arrows(v) {
			if !a.gradient {
				continue
			}
			arrows++
			dx, dy := float64(a.x1-a.x0), float64(a.y1-a.y0)
			cos := (dx*tx + dy*ty) / (math.Hypot(dx, dy) * math.Hypot(tx, ty))
			angle := math.Acos(math.Abs(cos)) * 180 / math.Pi
			if !(angle >= 87) {
				t.Errorf("%s at %v: the gradient arrow makes %.1f° with the contour at the start, want 90° ± 3°", sc.Name, size, angle)
			}
			worst = math.Min(worst, angle)
		}
		if arrows == 0 {
			t.Errorf("%s: no gradient arrow before the first step", sc.Name)
		}
	}
	return worst
}

// TestFirstGradientDrawnAtStep0 opens a race and, before any step, finds
// a gradient arrow for every racer, pointing downhill (against the
// gradient at the start), and its colour on the screen along its shaft.
func TestFirstGradientDrawnAtStep0(t *testing.T) {
	g, screen := newPictureGame(t, "himmelblau")
	frame(t, g, screen)
	frame(t, g, screen)
	w := g.World()
	if w.Steps() != 0 {
		t.Fatalf("the race took %d steps", w.Steps())
	}
	v := g.viewport(g.regions())
	img := pixelsOf(screen)
	arrowInk := color.RGBAModel.Convert(g.theme().Arrow).(color.RGBA)
	arrowInk.A = 0xff
	var grads []arrow
	for _, a := range g.arrows(v) {
		if a.gradient {
			grads = append(grads, a)
		}
	}
	enabled := 0
	for _, r := range w.Racers {
		if r.Trainer() != nil {
			enabled++
		}
	}
	if len(grads) != enabled {
		t.Fatalf("%d gradient arrows at step 0 for %d racers", len(grads), enabled)
	}
	gr := make([]float64, 2)
	w.objective().Grad(gr, w.Start())
	for _, a := range grads {
		dx, dy := float64(a.x1-a.x0), float64(a.y1-a.y0)
		// Screen y grows downwards: downhill is (-gx, +gy) on screen.
		if dx*(-gr[0])+dy*gr[1] <= 0 {
			t.Errorf("the arrow (%.0f, %.0f) does not point against the gradient %v", dx, dy, gr)
		}
		mx, my := int((a.x0*0.6 + a.x1*0.4)), int((a.y0*0.6 + a.y1*0.4))
		if !hasNear(img, image.Rect(mx-2, my-2, mx+3, my+3), arrowInk) {
			t.Errorf("no arrow colour %v on the screen at %d,%d", arrowInk, mx, my)
		}
	}
}

// TestGradLengthShowsMagnitude checks the arrows' length option: off,
// every arrow has one length; on, the length grows by a fixed amount per
// tenfold of the gradient's norm, within its bounds.
func TestGradLengthShowsMagnitude(t *testing.T) {
	if a, b := arrowLength(1e-3, false), arrowLength(1e3, false); a != b {
		t.Errorf("fixed lengths differ: %g and %g", a, b)
	}
	if d := arrowLength(100, true) - arrowLength(10, true); math.Abs(d-arrowDecade) > 1e-9 {
		t.Errorf("a tenfold adds %g px, want %d", d, arrowDecade)
	}
	if arrowLength(1e-30, true) != arrowShort || arrowLength(1e30, true) != arrowLongest || arrowLength(0, true) != arrowShort {
		t.Errorf("lengths not bounded: %g %g", arrowLength(1e-30, true), arrowLength(1e30, true))
	}
	g, screen := newPictureGame(t, "rosenbrock")
	frame(t, g, screen)
	v := g.viewport(g.regions())
	length := func() float64 {
		for _, a := range g.arrows(v) {
			if a.gradient {
				return math.Hypot(float64(a.x1-a.x0), float64(a.y1-a.y0))
			}
		}
		return 0
	}
	fixed := length()
	g.World().Display.GradLength = true
	scaled := length()
	gr := make([]float64, 2)
	g.World().objective().Grad(gr, g.World().Start())
	want := arrowLength(math.Hypot(gr[0], gr[1]), true) * render.Scale()
	if math.Abs(scaled-want) > 1 || math.Abs(fixed-arrowFixed*render.Scale()) > 1 {
		t.Errorf("arrow lengths %.1f (fixed, want %d) and %.1f (log scale, want %.1f for a gradient of %.3g)", fixed, arrowFixed, scaled, want, math.Hypot(gr[0], gr[1]))
	}
}

// inkRows returns the height of the rows of img that hold ink (pixels
// that differ from its top-left pixel).
func inkRows(img *image.RGBA) int {
	bg := img.RGBAAt(0, 0)
	lo, hi := -1, -1
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			if c := img.RGBAAt(x, y); !within(c, bg, 64) {
				if lo < 0 {
					lo = y
				}
				hi = y
				break
			}
		}
	}
	if lo < 0 {
		return 0
	}
	return hi - lo + 1
}

// TestLargestTextIs24Pixels lays the playground out at 1024×768 at the
// largest text size and checks that text is at least 24 px tall: the
// labels' font size, and the height of the ink of "Hg" (a capital and a
// descender) drawn in it; the panel's bitmap font at twice its 12 px; and
// that the default text grows with the window (1.5 times on 1920×1080 than
// on 1280×720) and with the device scale.
func TestLargestTextIs24Pixels(t *testing.T) {
	g, _ := NewGame(Options{Scenario: "rosenbrock"})
	g.World().Display.TextStep = MaxTextStep
	g.layoutAt(1024, 768, 1)
	defer g.layoutAt(screenW, screenH, 1)
	if px := render.TextSize(); px < 24 {
		t.Errorf("at the largest text size on 1024×768 the labels are %.1f px per em, want at least 24", px)
	}
	img := ebiten.NewImage(200, 80)
	var ink, panelInk int
	frameDraw(t, func() {
		img.Fill(color.Black)
		render.DrawText(img, "Hg", 10, 10, color.White, render.AlignLeft)
	})
	ink = inkRows(pixelsOf(img))
	if ink < 24 {
		t.Errorf("\"Hg\" at the largest size is %d px tall on screen, want at least 24", ink)
	}
	if s := uiScale(); 12*s < 24 {
		t.Errorf("the panel's scale is %d: its 12 px font is %d px, want at least 24", s, 12*s)
	}
	frameDraw(t, func() {
		img.Fill(color.Black)
		var op text.DrawOptions
		op.GeoM.Scale(float64(uiScale()), float64(uiScale()))
		op.GeoM.Translate(10, 10)
		debugui.DrawText(img, "Hg", &op)
	})
	panelInk = inkRows(pixelsOf(img))
	if panelInk < 24 {
		t.Errorf("\"Hg\" in the panel's font at the largest size is %d px tall on screen, want at least 24", panelInk)
	}
	t.Logf("largest text on 1024×768: labels %.1f px per em (\"Hg\" %d px of ink), panel %d px per em (\"Hg\" %d px of ink)", render.TextSize(), ink, 12*uiScale(), panelInk)

	if a, b := textFactor(1280, 720, 1, 0), textFactor(1920, 1080, 1, 0); math.Abs(b/a-1.5) > 1e-9 {
		t.Errorf("default text on 1920×1080 is %.2f× that on 1280×720, want 1.5×", b/a)
	}
	if a, b := textFactor(1280, 800, 1, 0), textFactor(2560, 1600, 2, 0); math.Abs(b/a-2) > 1e-9 {
		t.Errorf("a HiDPI screen of the same CSS size gets %.2f× the device pixels, want 2×", b/a)
	}
	if a, b := textFactor(1280, 800, 1, 0), textFactor(1280, 800, 1, 1); b <= a {
		t.Errorf("a step up does not enlarge the text: %g, %g", a, b)
	}
}

// frameDraw runs draw in a frame of its own.
func frameDraw(t *testing.T, draw func()) {
	t.Helper()
	if err := frametest.OnFrame(func() error { return nil }, func(*ebiten.Image) { draw() }); err != nil {
		t.Fatal(err)
	}
}

// TestTextSizeAndThemeAreState checks that the display settings travel in
// the state's link and JSON, are checked, and that the keys' actions move
// the text size within its range and cycle the theme.
func TestTextSizeAndThemeAreState(t *testing.T) {
	w, _ := NewWorld("beale")
	for range 10 {
		w.changeTextSize(1)
	}
	if w.Display.TextStep != MaxTextStep {
		t.Errorf("ten steps up give %d, want the largest %d", w.Display.TextStep, MaxTextStep)
	}
	w.Display.Theme = nextTheme(w.Display.Theme)
	w.Display.GradLength = true
	link := EncodeLink(w.State())
	back, err := DecodeLink("#" + link)
	if err != nil || back.Display != w.Display {
		t.Errorf("link %q gives %+v (%v), want %+v", link, back.Display, err, w.Display)
	}
	if back.Display.Theme != "light" {
		t.Errorf("t after the dark theme gives %q, want light", back.Display.Theme)
	}
	if _, err := DecodeLink("#s=beale&tx=9&th=sepia"); err == nil {
		t.Error("a text step of 9 and a theme called sepia were accepted")
	}
}

// TestLightThemeDraws draws the race in the light theme and checks the
// canvas is white, and that the status line's text is dark.
func TestLightThemeDraws(t *testing.T) {
	g, screen := newPictureGame(t, "himmelblau")
	g.World().Display.Theme = "light"
	frame(t, g, screen)
	frame(t, g, screen)
	img := pixelsOf(screen)
	rg := g.regions()
	if c := img.RGBAAt(screenW-2, screenH-2); c != render.LightTheme.Background {
		t.Errorf("the canvas is %v, want the light theme's %v", c, render.LightTheme.Background)
	}
	dark := 0
	for y := rg.hud.Min.Y; y < rg.hud.Max.Y; y++ {
		for x := rg.hud.Min.X; x < rg.hud.Max.X; x++ {
			if c := img.RGBAAt(x, y); int(c.R)+int(c.G)+int(c.B) < 3*96 {
				dark++
			}
		}
	}
	if dark < 100 {
		t.Errorf("%d dark pixels on the status line, want dark text on white", dark)
	}
}

// TestThreeDFramesThePaths checks the 3-D camera's focus: the region of
// the start, the minima and the paths, padded, inside the window, and on
// a surface whose start and minimum lie in one corner, smaller than the
// window.
func TestThreeDFramesThePaths(t *testing.T) {
	window := [4]float64{-10, 10, -10, 10}
	f := focusOf([][2]float64{{-8, 8}, {1, 3}, {-2, 6}}, window)
	if f[0] > -8 || f[1] < 1 || f[2] > 3 || f[3] < 8 {
		t.Errorf("focus %v does not hold the points", f)
	}
	if f[0] < window[0] || f[1] > window[1] || f[2] < window[2] || f[3] > window[3] {
		t.Errorf("focus %v leaves the window %v", f, window)
	}
	if f[1]-f[0] >= 20 && f[3]-f[2] >= 20 {
		t.Errorf("focus %v is the whole window", f)
	}
	if g := focusOf([][2]float64{{0, 0}}, window); g[1]-g[0] < 0.4*20-1e-9 {
		t.Errorf("a single point's focus %v is narrower than 40%% of the window", g)
	}
	if g := focusOf([][2]float64{{1e9, 1e9}}, window); g != window {
		t.Errorf("a point outside the window gives the focus %v, want the window", g)
	}
}
