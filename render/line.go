package render

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
)

// lineWidth is the width in pixels of DrawLine's line.
const lineWidth = 2

// fitLine is DrawLine's reused geometry.
var fitLine lineMesh

// DrawLine draws the line y = slope·x + intercept across viewport v,
// anti-aliased, 2 px wide, clipped to v.Rect.
func DrawLine(dst *ebiten.Image, v Viewport, slope, intercept float64, clr color.Color) {
	x0, y0 := v.screen(v.XMin, slope*v.XMin+intercept)
	x1, y1 := v.screen(v.XMax, slope*v.XMax+intercept)
	x0, y0, x1, y1, ok := boxAround(v.Rect, clipMargin).clipSegment(x0, y0, x1, y1)
	if !ok {
		return
	}
	fitLine.reset()
	fitLine.segment(x0, y0, x1, y1, lineWidth, toPremul(clr), true)
	fitLine.draw(clipTo(dst, v.Rect))
}
