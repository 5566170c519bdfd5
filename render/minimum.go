package render

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// The five-pointed star of DrawMinimum, in pixels.
const (
	starOuter = 7
	starInner = 3
)

// starPath is DrawMinimum's reused star.
var starPath vector.Path

// DrawMinimum marks the parameter point (x, y) in viewport v with a white
// five-pointed star outlined in the theme's shadow colour, clipped to
// v.Rect.
func DrawMinimum(dst *ebiten.Image, v Viewport, x, y float64) {
	sx, sy := v.screen(x, y)
	if !boxAround(v.Rect, starOuter*uiScale).contains(sx, sy) {
		return
	}
	drawStar(clipTo(dst, v.Rect), sx, sy)
}

// drawStar draws the minimum's star centred on the screen point (sx, sy).
func drawStar(dst *ebiten.Image, sx, sy float64) {
	starPath.Reset()
	for i := range 10 {
		r := starOuter * uiScale
		if i%2 == 1 {
			r = starInner * uiScale
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		px, py := float32(sx+r*math.Cos(a)), float32(sy+r*math.Sin(a))
		if i == 0 {
			starPath.MoveTo(px, py)
		} else {
			starPath.LineTo(px, py)
		}
	}
	starPath.Close()
	strokePath(dst, &starPath, float32(3*uiScale), theme.Shadow)
	fillPath(dst, &starPath, color.White)
}
