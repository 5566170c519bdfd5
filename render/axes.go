package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// The axes' layout, in pixels at text scale 1 (it grows with TextScale).
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
// of it (AxesRoom says how much).
func DrawAxes(dst *ebiten.Image, v Viewport, xLabel, yLabel string) {
	r := v.Rect
	vector.StrokeRect(dst, float32(r.Min.X)+0.5, float32(r.Min.Y)+0.5, float32(r.Dx())-1, float32(r.Dy())-1, 1, theme.Frame, false)
	lh := LineHeight()
	ts := TextScale()
	tick, gap := float32(tickLength*ts), float32(tickLabelGap*ts)

	xTicks := NiceTicks(v.XMin, v.XMax, max(3, int(float64(r.Dx())/(xTickSpacing*ts))))
	xStep := tickStep(xTicks, v.XMax-v.XMin)
	bottom := float32(r.Max.Y)
	for _, t := range xTicks {
		sx, _ := v.ToScreen(t, v.YMin)
		sx = float32(math.Round(float64(sx))) + 0.5
		vector.StrokeLine(dst, sx, bottom, sx, bottom+tick, 1, theme.Frame, false)
		DrawText(dst, formatTick(t, xStep), float64(sx), float64(bottom+tick+gap), theme.Ink, AlignCenter)
	}
	if xLabel != "" {
		y := float64(bottom+tick+gap) + lh + axisLabelGap*ts
		DrawText(dst, xLabel, float64(r.Min.X+r.Max.X)/2, y, theme.Ink, AlignCenter)
	}

	yTicks := NiceTicks(v.YMin, v.YMax, max(3, int(float64(r.Dy())/(yTickSpacing*ts))))
	yStep := tickStep(yTicks, v.YMax-v.YMin)
	left := float32(r.Min.X)
	widest := 0.0
	for _, t := range yTicks {
		_, sy := v.ToScreen(v.XMin, t)
		sy = float32(math.Round(float64(sy))) + 0.5
		vector.StrokeLine(dst, left-tick, sy, left, sy, 1, theme.Frame, false)
		label := formatTick(t, yStep)
		widest = math.Max(widest, TextWidth(label))
		DrawText(dst, label, float64(left-tick-gap), math.Round(float64(sy)-lh/2), theme.Ink, AlignRight)
	}
	if yLabel != "" {
		var geo ebiten.GeoM
		geo.Rotate(-math.Pi / 2)
		geo.Translate(math.Round(float64(left-tick-gap)-widest-axisLabelGap*ts-lh), float64(r.Min.Y+r.Max.Y)/2)
		drawTextGeoM(dst, yLabel, geo, theme.Ink, AlignCenter)
	}
}

// AxesRoom returns the room DrawAxes needs outside v.Rect at the current
// text size: left of the plot for the y axis' numbers and its rotated
// label, and below it for the x axis' numbers and label. The numbers
// depend a little on v.Rect's height (how many ticks fit); a layout may
// ask with a provisional rectangle of about the final size.
func AxesRoom(v Viewport) (left, below int) {
	ts := TextScale()
	lh := LineHeight()
	yTicks := NiceTicks(v.YMin, v.YMax, max(3, int(float64(v.Rect.Dy())/(yTickSpacing*ts))))
	yStep := tickStep(yTicks, v.YMax-v.YMin)
	widest := 0.0
	for _, t := range yTicks {
		widest = math.Max(widest, TextWidth(formatTick(t, yStep)))
	}
	left = int(math.Ceil((tickLength+tickLabelGap+axisLabelGap+2)*ts + widest + lh))
	below = int(math.Ceil((tickLength+tickLabelGap+axisLabelGap+2)*ts + 2*lh))
	return left, below
}
