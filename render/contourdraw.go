package render

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// The contour drawing's sizes, in pixels; those of labels at text scale 1
// (they grow with TextScale).
const (
	contourWidth     = 1
	contourDarkAbove = 0.7 // levels above this scale position are drawn dark
	labelMinLength   = 80  // a level shorter than this on screen gets no label
	labelPad         = 2
	labelHalfWidth   = 24 // about half a label's width, kept from the edges
	labelHalfHeight  = 10 // about half a label's height, kept from the edges
	labelSpacing     = 40 // the least distance between two labels' centres
)

// contourMesh is drawContours' reused geometry.
var contourMesh lineMesh

// drawContours strokes each level's segments in viewport v, white over the
// dark part of the colormap and black over the bright part, both
// translucent, then labels every other level with its value where it keeps
// clear of the edges and of the labels placed before it.
func drawContours(dst *ebiten.Image, v Viewport, levels []ContourLevel, s ColorScale) {
	bounds := boxAround(v.Rect, clipMargin)
	contourMesh.reset()
	for _, level := range levels {
		c := toPremul(contourColor(s, level.Value))
		for _, seg := range level.Segments {
			x0, y0 := v.screen(seg.X0, seg.Y0)
			x1, y1 := v.screen(seg.X1, seg.Y1)
			if x0, y0, x1, y1, ok := bounds.clipSegment(x0, y0, x1, y1); ok {
				contourMesh.segment(x0, y0, x1, y1, contourWidth, c, false)
			}
		}
	}
	contourMesh.draw(dst)
	var placed [][2]float64
	for i := len(levels) - 1; i >= 0; i -= 2 {
		if x, y, ok := labelSpot(v, levels[i].Segments, placed); ok {
			placed = append(placed, [2]float64{x, y})
			drawLabel(dst, formatValue(levels[i].Value), x, y)
		}
	}
}

// contourColor returns the line colour for a level: dark over the bright end
// of the colormap, light elsewhere.
func contourColor(s ColorScale, value float64) color.Color {
	if s.At(value) > contourDarkAbove {
		return theme.ContourDark
	}
	return theme.ContourLight
}

// labelSpot picks the screen midpoint of one of segs for a label: the one
// with the most room, measured to the viewport's edges less half a label's
// size and to the placed labels less labelSpacing. It fails when no midpoint
// has room or the level's on-screen length is under labelMinLength.
func labelSpot(v Viewport, segs []Segment, placed [][2]float64) (x, y float64, ok bool) {
	r := v.Rect
	ts := TextScale()
	length, best := 0.0, -1.0
	for _, seg := range segs {
		x0, y0 := v.screen(seg.X0, seg.Y0)
		x1, y1 := v.screen(seg.X1, seg.Y1)
		length += math.Hypot(x1-x0, y1-y0)
		mx, my := (x0+x1)/2, (y0+y1)/2
		d := math.Min(
			math.Min(mx-float64(r.Min.X), float64(r.Max.X)-mx)-labelHalfWidth*ts,
			math.Min(my-float64(r.Min.Y), float64(r.Max.Y)-my)-labelHalfHeight*ts)
		for _, p := range placed {
			d = math.Min(d, math.Hypot(mx-p[0], my-p[1])-labelSpacing*ts)
		}
		if d > best {
			best, x, y = d, mx, my
		}
	}
	return x, y, length >= labelMinLength*ts && best > 0
}

// drawLabel draws s centred on (x, y) over a translucent dark box.
func drawLabel(dst *ebiten.Image, s string, x, y float64) {
	pad := labelPad * TextScale()
	w, h := TextWidth(s)+2*pad, LineHeight()
	x, y = math.Round(x-w/2), math.Round(y-h/2)
	vector.FillRect(dst, float32(x), float32(y), float32(w), float32(h), theme.LabelBox, false)
	DrawText(dst, s, x+pad, y, theme.LabelInk, AlignLeft)
}
