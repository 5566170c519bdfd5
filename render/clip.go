package render

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// clipTo returns the part of dst inside r, in dst's coordinates, so that
// drawing on it is clipped to r.
func clipTo(dst *ebiten.Image, r image.Rectangle) *ebiten.Image {
	return dst.SubImage(r.Intersect(dst.Bounds())).(*ebiten.Image)
}

// box is an axis-aligned rectangle with float64 bounds.
type box struct{ xMin, yMin, xMax, yMax float64 }

// boxAround returns r grown by pad on every side.
func boxAround(r image.Rectangle, pad float64) box {
	return box{float64(r.Min.X) - pad, float64(r.Min.Y) - pad, float64(r.Max.X) + pad, float64(r.Max.Y) + pad}
}

// contains reports whether (x, y) lies in b.
func (b box) contains(x, y float64) bool {
	return x >= b.xMin && x <= b.xMax && y >= b.yMin && y <= b.yMax
}

// clipSegment clips the segment (x0,y0)-(x1,y1) to b by the Liang–Barsky
// algorithm, returning the part inside and whether there is one. A segment
// with a non-finite end has none.
func (b box) clipSegment(x0, y0, x1, y1 float64) (cx0, cy0, cx1, cy1 float64, ok bool) {
	if s := x0 + y0 + x1 + y1; math.IsNaN(s) || math.IsInf(s, 0) {
		return 0, 0, 0, 0, false
	}
	t0, t1 := 0.0, 1.0
	dx, dy := x1-x0, y1-y0
	for _, e := range [4][2]float64{
		{-dx, x0 - b.xMin}, {dx, b.xMax - x0},
		{-dy, y0 - b.yMin}, {dy, b.yMax - y0},
	} {
		p, q := e[0], e[1]
		switch {
		case p == 0:
			if q < 0 {
				return 0, 0, 0, 0, false
			}
		case p < 0:
			t0 = max(t0, q/p)
		default:
			t1 = min(t1, q/p)
		}
	}
	if t0 > t1 {
		return 0, 0, 0, 0, false
	}
	return x0 + t0*dx, y0 + t0*dy, x0 + t1*dx, y0 + t1*dy, true
}
