package playground

import (
	"image"
	"math"

	"github.com/ebitengine/debugui"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/descent-playground/descent/render"
)

// handleInput applies the keyboard shortcuts (unless a panel field has
// focus) and the mouse on the surface (unless the pointer is over the
// panel): click sets the start, drag orbits the 3-D view, the wheel zooms.
func (g *Game) handleInput(capture debugui.InputCapturingState) {
	w := g.world
	if capture&debugui.InputCapturingStateFocus == 0 {
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
			if c == '?' {
				g.showHelp = !g.showHelp
			}
		}
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
		if _, dy := ebiten.Wheel(); dy != 0 {
			w.ZoomMap(c, r, math.Pow(0.8, dy))
		}
		if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
			w.OpenCell(c, r)
		}
		return
	}
	if w.Show3D {
		if _, dy := ebiten.Wheel(); dy != 0 && inside {
			w.Camera = w.Camera.Zoom(dy)
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

// viewport maps the scenario's parameter window onto the surface region.
func (g *Game) viewport(rg regions) render.Viewport {
	v := g.world.scenario.View
	return render.Viewport{XMin: v[0], XMax: v[1], YMin: v[2], YMax: v[3], Rect: rg.surface}
}
