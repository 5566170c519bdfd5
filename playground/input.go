package playground

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/descent-playground/descent/render"
)

// inputCapture says which input a panel drawn in the canvas takes this
// frame: the pointer is over it (captureHover), or one of its fields has
// the keyboard (captureFocus). The page's panel is outside the canvas and
// never takes the canvas's input.
type inputCapture int

const (
	captureHover inputCapture = 1 << iota
	captureFocus
)

// gameInput is the game's input state beyond the World: the touch
// gesture under way, the phone drawer and the panel's fields.
type gameInput struct {
	touch    touchTracker
	fingers  []finger
	touchIDs []ebiten.TouchID
	// touchOnPanel says that the gesture under way began over the panel
	// (which handles it) or off the surface; the surface ignores it.
	touchOnPanel bool
	// drawerOpen says that the panel is open on a narrow screen, where it
	// otherwise folds into a drawer (see drawer.go).
	drawerOpen bool
	panel      panelInput
}

// handleInput applies the keyboard shortcuts (unless a panel field has
// focus), the touches and the mouse on the surface (unless they are over
// the panel): click or tap sets the start, drag orbits the 3-D view, the
// wheel or a pinch zooms.
func (g *Game) handleInput(capture inputCapture) {
	w := g.world
	if capture&captureFocus == 0 {
		switch {
		case inpututil.IsKeyJustPressed(ebiten.KeySpace):
			w.Playing = !w.Playing
		case inpututil.IsKeyJustPressed(ebiten.KeyArrowRight):
			w.Playing = false
			w.Advance(1)
		case inpututil.IsKeyJustPressed(ebiten.KeyR):
			w.Reset()
		case inpututil.IsKeyJustPressed(ebiten.KeyDigit3):
			w.Show3D = !w.Show3D
		case inpututil.IsKeyJustPressed(ebiten.KeyM) && !w.scenario.Regression():
			w.View = (w.View + 1) % View(len(viewNames))
		case inpututil.IsKeyJustPressed(ebiten.KeyDigit0):
			w.ResetMapZoom()
		case inpututil.IsKeyJustPressed(ebiten.KeyEscape):
			g.showHelp = false
		}
		g.chars = ebiten.AppendInputChars(g.chars[:0])
		for _, c := range g.chars {
			switch c {
			case '?':
				g.showHelp = !g.showHelp
			case '+', '=':
				w.changeTextSize(1)
			case '-', '−':
				w.changeTextSize(-1)
			case 't', 'T':
				w.Display.Theme = nextTheme(w.Display.Theme)
			case 'g', 'G':
				w.Display.GradLength = !w.Display.GradLength
			}
		}
	}
	notches := wheel()
	if g.handleTouch(capture) {
		g.drag = nil
		return
	}
	if capture != 0 {
		g.drag = nil
		return
	}
	rg := g.regions()
	x, y := ebiten.CursorPosition()
	inside := image.Pt(x, y).In(rg.surface)
	if w.View != RaceView {
		g.hover = ""
		c, r, ok := g.mapCellAt(rg, x, y)
		if !ok {
			return
		}
		g.hover = w.CellReadout(c, r)
		if notches != 0 {
			w.ZoomMap(c, r, math.Pow(mapZoomPerNotch, notches))
		}
		if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
			w.OpenCell(c, r)
		}
		return
	}
	if w.Show3D {
		if notches != 0 && inside {
			w.Camera = w.Camera.Zoom(notches)
		}
		switch {
		case inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) && inside:
			g.drag = &image.Point{x, y}
		case g.drag != nil && ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft):
			w.Camera = w.Camera.Orbit(float64(x-g.drag.X), float64(y-g.drag.Y))
			*g.drag = image.Pt(x, y)
		default:
			g.drag = nil
		}
		return
	}
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) && inside {
		px, py := g.viewport(rg).ToParams(float64(x), float64(y))
		w.SetStart(px, py)
	}
}

// tapSlop is how far, in unscaled pixels, a finger may move and still tap.
const tapSlop = 12

// handleTouch applies this frame's touch gesture to the surface and
// reports whether a touch is under way or just ended (the mouse is then
// left alone). A gesture that began over the panel (capture is the
// panel's verdict for the first finger, which debugui follows) or off the
// surface is the panel's. On the surface: a tap sets the start (2-D race)
// or races a map cell; one finger dragging orbits the 3-D view; two
// fingers pinching zoom the 3-D camera or the map around their centre.
// While a finger rests on a map, the hover line reads its cell.
func (g *Game) handleTouch(capture inputCapture) bool {
	in := &g.input
	in.fingers, in.touchIDs = fingers(in.fingers, in.touchIDs)
	if len(in.fingers) == 0 && !in.touch.active() {
		return false
	}
	rg := g.regions()
	ges := in.touch.update(in.fingers, tapSlop*rg.scale)
	if ges.Began {
		in.touchOnPanel = capture != 0 || !ges.Start.In(rg.surface)
	}
	if in.touchOnPanel {
		return true
	}
	w := g.world
	switch {
	case w.View != RaceView:
		if len(in.fingers) > 0 {
			if c, r, ok := g.mapCellAt(rg, in.fingers[0].At.X, in.fingers[0].At.Y); ok {
				g.hover = w.CellReadout(c, r)
			}
		}
		c, r, ok := g.mapCellAt(rg, ges.At.X, ges.At.Y)
		switch {
		case !ok:
		case ges.Kind == tapGesture:
			w.OpenCell(c, r)
		case ges.Kind == pinchGesture:
			w.ZoomMap(c, r, 1/ges.Spread)
		}
	case w.Show3D:
		switch ges.Kind {
		case dragGesture:
			w.Camera = w.Camera.Orbit(float64(ges.Move.X), float64(ges.Move.Y))
		case pinchGesture:
			w.Camera = w.Camera.Zoom(math.Log(ges.Spread) / -math.Log(cameraZoomPerNotch))
		}
	case ges.Kind == tapGesture && ges.At.In(rg.surface):
		px, py := g.viewport(rg).ToParams(float64(ges.At.X), float64(ges.At.Y))
		w.SetStart(px, py)
	}
	return true
}

// viewport maps the scenario's parameter window onto the surface region.
func (g *Game) viewport(rg regions) render.Viewport {
	v := g.world.scenario.View
	return render.Viewport{XMin: v[0], XMax: v[1], YMin: v[2], YMax: v[3], Rect: rg.surface}
}
