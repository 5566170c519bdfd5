package render

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
)

// scatterRadius is the radius in pixels of DrawScatter's circles.
const scatterRadius = 3.5

// scatterMesh is DrawScatter's reused geometry.
var scatterMesh lineMesh

// DrawScatter draws the data points (xs[i], ys[i]) in viewport v as small
// filled circles cased in a dark outline, clipped to v.Rect. It panics if xs
// and ys differ in length.
func DrawScatter(dst *ebiten.Image, v Viewport, xs, ys []float64, clr color.Color) {
	if len(xs) != len(ys) {
		panic("render: DrawScatter: len(xs) != len(ys)")
	}
	bounds := boxAround(v.Rect, scatterRadius+caseWidth+1)
	scatterMesh.reset()
	for _, c := range [...]struct {
		r   float64
		clr premul
	}{{scatterRadius + caseWidth, toPremul(theme.Case)}, {scatterRadius, toPremul(clr)}} {
		for i, x := range xs {
			if sx, sy := v.screen(x, ys[i]); bounds.contains(sx, sy) {
				scatterMesh.disc(sx, sy, c.r, c.clr)
			}
		}
	}
	scatterMesh.draw(clipTo(dst, v.Rect))
}
