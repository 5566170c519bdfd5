package render

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// Series is a loss curve: one value per step, with the colour and name it is
// shown with.
type Series struct {
	Values []float64
	Color  color.RGBA
	Name   string
}

// The loss chart's layout, in pixels.
const (
	chartPad      = 6
	chartLeft     = 44 // room for the decade labels
	chartMinSize  = 16
	decadeSpacing = 4 // extra room between decade labels
	lossWidth     = 1.5
)

// The reused geometry of DrawLossCurves.
var (
	lossLine polyline
	lossMesh lineMesh
)

// DrawLossCurves draws a panel in rect with each series' values against the
// step index on a logarithmic y axis: grid lines and labels at powers of
// ten, step numbers below. Non-positive, NaN and infinite values are left
// out, breaking the curve. Each pixel column draws at most the first, least,
// greatest and last value that falls in it, so a million steps cost no more
// than a few hundred.
func DrawLossCurves(dst *ebiten.Image, rect image.Rectangle, series []Series) {
	vector.FillRect(dst, float32(rect.Min.X), float32(rect.Min.Y), float32(rect.Dx()), float32(rect.Dy()), panelColor, false)
	lh := LineHeight()
	DrawText(dst, "loss (log scale)", float64(rect.Min.X+chartPad), float64(rect.Min.Y+chartPad/2), inkColor, AlignLeft)
	plot := image.Rect(rect.Min.X+chartLeft, rect.Min.Y+chartPad+int(lh), rect.Max.X-2*chartPad, rect.Max.Y-chartPad-int(lh))
	if plot.Dx() < chartMinSize || plot.Dy() < chartMinSize {
		return
	}
	lo, hi, steps := lossRange(series)
	if steps == 0 {
		vector.StrokeRect(dst, float32(plot.Min.X), float32(plot.Min.Y), float32(plot.Dx()), float32(plot.Dy()), 1, frameColor, false)
		return
	}
	dLo, dHi := int(math.Floor(math.Log10(lo))), int(math.Ceil(math.Log10(hi)))
	if dHi == dLo {
		dHi++
	}
	v := Viewport{XMin: 0, XMax: float64(max(steps-1, 1)), YMin: float64(dLo), YMax: float64(dHi), Rect: plot}
	drawDecades(dst, v, dLo, dHi)
	drawStepTicks(dst, v)
	vector.StrokeRect(dst, float32(plot.Min.X)+0.5, float32(plot.Min.Y)+0.5, float32(plot.Dx())-1, float32(plot.Dy())-1, 1, frameColor, false)

	lossMesh.reset()
	for _, s := range series {
		traceLoss(&lossLine, v, s.Values)
		lossLine.stroke(&lossMesh, lossWidth, toPremul(s.Color))
	}
	lossMesh.draw(clipTo(dst, plot))
}

// lossRange returns the least and greatest positive finite value over all
// series and the length of the longest series with such a value.
func lossRange(series []Series) (lo, hi float64, steps int) {
	lo, hi = math.Inf(1), 0
	for _, s := range series {
		for i, v := range s.Values {
			if v > 0 && !math.IsInf(v, 1) {
				lo, hi, steps = math.Min(lo, v), math.Max(hi, v), max(steps, i+1)
			}
		}
	}
	return lo, hi, steps
}

// drawDecades draws a grid line at each power of ten from 10^dLo to 10^dHi
// and labels as many as fit, evenly strided, keeping the labels within the
// plot's height.
func drawDecades(dst *ebiten.Image, v Viewport, dLo, dHi int) {
	lh := LineHeight()
	fit := max(2, int(float64(v.Rect.Dy())/(lh+decadeSpacing)))
	stride := (dHi - dLo + fit) / fit
	x0, x1 := float32(v.Rect.Min.X), float32(v.Rect.Max.X)
	for k := dLo; k <= dHi; k++ {
		_, sy := v.ToScreen(0, float64(k))
		sy = float32(math.Round(float64(sy))) + 0.5
		vector.StrokeLine(dst, x0, sy, x1, sy, 1, gridColor, false)
		if (k-dLo)%stride == 0 {
			y := clamp(float64(sy)-lh/2, float64(v.Rect.Min.Y), float64(v.Rect.Max.Y)-lh)
			DrawText(dst, formatDecade(k), float64(x0)-tickLength, math.Round(y), inkColor, AlignRight)
		}
	}
}

// drawStepTicks labels whole step numbers along the bottom of v.Rect.
func drawStepTicks(dst *ebiten.Image, v Viewport) {
	ticks := NiceTicks(v.XMin, v.XMax, max(2, v.Rect.Dx()/xTickSpacing))
	for _, t := range ticks {
		if t != math.Trunc(t) {
			continue
		}
		sx, _ := v.ToScreen(t, v.YMin)
		DrawText(dst, formatTick(t, 1), float64(sx), float64(v.Rect.Max.Y+2), inkColor, AlignCenter)
	}
}

// traceLoss resets l and traces (i, log10 values[i]) in v through it,
// reducing each pixel column to its first, least, greatest and last point.
func traceLoss(l *polyline, v Viewport, values []float64) {
	l.reset(boxAround(v.Rect, clipMargin))
	var col column
	for i, val := range values {
		if !(val > 0) || math.IsInf(val, 1) {
			col.flush(l)
			l.lift()
			continue
		}
		sx, sy := v.screen(float64(i), math.Log10(val))
		c := int(math.Floor(sx))
		if col.n > 0 && c != col.x {
			col.flush(l)
		}
		col.add(c, sy)
	}
	col.flush(l)
}

// column gathers the screen y values that fall in one pixel column.
type column struct {
	x                     int
	n                     int
	first, lo, hi, latest float64
}

// add records y in column x, which must be the column's x if it holds any.
func (c *column) add(x int, y float64) {
	if c.n == 0 {
		c.x, c.first, c.lo, c.hi = x, y, y, y
	}
	c.lo, c.hi, c.latest = math.Min(c.lo, y), math.Max(c.hi, y), y
	c.n++
}

// flush traces the column's points through l and empties it.
func (c *column) flush(l *polyline) {
	if c.n == 0 {
		return
	}
	x := float64(c.x) + 0.5
	l.add(x, c.first)
	if c.n > 1 {
		l.add(x, c.lo)
		l.add(x, c.hi)
		l.add(x, c.latest)
	}
	c.n = 0
}
