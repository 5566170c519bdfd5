package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// The axes' layout, in pixels.
const (
	tickLength   = 4
	tickLabelGap = 2 // between a tick mark and its number
	axisLabelGap = 4 // between tick numbers and an axis label
	xTickSpacing = 60
	yTickSpacing = 36
)

// DrawAxes draws a frame around v.Rect, ticks at NiceTicks positions with
// their numbers, and the axis labels: xLabel centred below the x numbers and
// yLabel rotated to read upwards left of the y numbers. Everything but the
// frame lies outside v.Rect, so leave about 40 px below it and 60 px left
// of it.
func DrawAxes(dst *ebiten.Image, v Viewport, xLabel, yLabel string) {
	r := v.Rect
	vector.StrokeRect(dst, float32(r.Min.X)+0.5, float32(r.Min.Y)+0.5, float32(r.Dx())-1, float32(r.Dy())-1, 1, frameColor, false)
	lh := LineHeight()

	xTicks := NiceTicks(v.XMin, v.XMax, max(2, r.Dx()/xTickSpacing))
	xStep := tickStep(xTicks, v.XMax-v.XMin)
	bottom := float32(r.Max.Y)
	for _, t := range xTicks {
		sx, _ := v.ToScreen(t, v.YMin)
		sx = float32(math.Round(float64(sx))) + 0.5
		vector.StrokeLine(dst, sx, bottom, sx, bottom+tickLength, 1, frameColor, false)
		DrawText(dst, formatTick(t, xStep), float64(sx), float64(bottom+tickLength+tickLabelGap), inkColor, AlignCenter)
	}
	if xLabel != "" {
		y := float64(bottom+tickLength+tickLabelGap) + lh + axisLabelGap
		DrawText(dst, xLabel, float64(r.Min.X+r.Max.X)/2, y, inkColor, AlignCenter)
	}

	yTicks := NiceTicks(v.YMin, v.YMax, max(2, r.Dy()/yTickSpacing))
	yStep := tickStep(yTicks, v.YMax-v.YMin)
	left := float32(r.Min.X)
	widest := 0.0
	for _, t := range yTicks {
		_, sy := v.ToScreen(v.XMin, t)
		sy = float32(math.Round(float64(sy))) + 0.5
		vector.StrokeLine(dst, left-tickLength, sy, left, sy, 1, frameColor, false)
		label := formatTick(t, yStep)
		widest = math.Max(widest, TextWidth(label))
		DrawText(dst, label, float64(left-tickLength-tickLabelGap), math.Round(float64(sy)-lh/2), inkColor, AlignRight)
	}
	if yLabel != "" {
		var geo ebiten.GeoM
		geo.Scale(uiScale, uiScale)
		geo.Rotate(-math.Pi / 2)
		geo.Translate(math.Round(float64(left-tickLength-tickLabelGap)-widest-axisLabelGap-lh), float64(r.Min.Y+r.Max.Y)/2)
		drawTextGeoM(dst, yLabel, geo, inkColor, AlignCenter)
	}
}
