package render

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// arrowHead is DrawArrow's reused head triangle.
var arrowHead vector.Path

// DrawArrow draws an anti-aliased arrow in screen coordinates from (x0, y0)
// to its head at (x1, y1), with a shaft width wide and a head about four
// widths long (at least 8 px, at most the arrow's length) and one head
// length across, cased in the theme's casing colour so that it shows on
// any colour under it. Widths are in pixels at line scale 1 (see
// SetScale). Arrows shorter than half a pixel are not drawn.
func DrawArrow(dst *ebiten.Image, x0, y0, x1, y1 float32, width float32, clr color.Color) {
	dx, dy := float64(x1-x0), float64(y1-y0)
	length := math.Hypot(dx, dy)
	if !(length >= 0.5) {
		return
	}
	width *= float32(uiScale)
	head := math.Min(math.Max(4*float64(width), 8*uiScale), length)
	ux, uy := dx/length, dy/length
	bx, by := float64(x1)-ux*head, float64(y1)-uy*head // the head's base centre
	half := head / 2
	arrowHead.Reset()
	arrowHead.MoveTo(x1, y1)
	arrowHead.LineTo(float32(bx-uy*half), float32(by+ux*half))
	arrowHead.LineTo(float32(bx+uy*half), float32(by-ux*half))
	arrowHead.Close()
	casing := float32(2 * caseWidth * uiScale)
	if length > head {
		vector.StrokeLine(dst, x0, y0, float32(bx+ux), float32(by+uy), width+casing, theme.Case, true)
	}
	strokePath(dst, &arrowHead, casing, theme.Case)
	if length > head {
		vector.StrokeLine(dst, x0, y0, float32(bx+ux), float32(by+uy), width, clr, true)
	}
	fillPath(dst, &arrowHead, clr)
}
