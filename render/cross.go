package render

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
)

// The divergence cross, in pixels: half the length of each diagonal arm,
// and the width of the arms.
const (
	crossArm   = 6
	crossWidth = 2.5
)

// crossMesh is DrawCross's reused geometry.
var crossMesh lineMesh

// DrawCross marks the parameter point (x, y) of viewport v with a diagonal
// cross in clr, cased in a dark outline, clipped to v.Rect: the mark of the
// place where a run diverged.
func DrawCross(dst *ebiten.Image, v Viewport, x, y float64, clr color.Color) {
	sx, sy := v.screen(x, y)
	if !boxAround(v.Rect, crossArm).contains(sx, sy) {
		return
	}
	crossMesh.reset()
	addCross(&crossMesh, sx, sy, toPremul(clr))
	crossMesh.draw(clipTo(dst, v.Rect))
}

// addCross adds a cased diagonal cross centred on (x, y) to m.
func addCross(m *lineMesh, x, y float64, c premul) {
	a := crossArm * uiScale // segment scales widths, not positions
	dark := toPremul(theme.Case)
	m.segment(x-a, y-a, x+a, y+a, crossWidth+2*caseWidth, dark, true)
	m.segment(x-a, y+a, x+a, y-a, crossWidth+2*caseWidth, dark, true)
	m.segment(x-a, y-a, x+a, y+a, crossWidth, c, true)
	m.segment(x-a, y+a, x+a, y-a, crossWidth, c, true)
}
