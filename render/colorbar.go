package render

import (
	"image"
	"math"
	"slices"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// The colour bar's layout, in pixels at text scale 1 (see TextScale).
const (
	colorBarWidth = 12
	colorBarGap   = 4 // between the title and the bar
	colorBarLabel = 4 // between the bar's tick marks and their labels
)

// viridisStrip is a 1×256 image of Viridis from 0 (top row) to 1, which
// DrawColorBar stretches over the bar.
var viridisStrip = sync.OnceValue(func() *ebiten.Image {
	const n = 256
	pix := make([]byte, 4*n)
	for i := range n {
		c := Viridis(1 - float64(i)/(n-1))
		pix[4*i], pix[4*i+1], pix[4*i+2], pix[4*i+3] = c.R, c.G, c.B, 0xff
	}
	img := ebiten.NewImage(1, n)
	img.WritePixels(pix)
	return img
})

// ColorBarWidth returns the width DrawColorBar needs for s: the bar and
// its widest label.
func ColorBarWidth(s ColorScale) int {
	w := 0.0
	for _, t := range ColorBarTicks(s) {
		w = math.Max(w, TextWidth(formatValue(t.Value)))
	}
	return int(math.Ceil((colorBarWidth+tickLength+colorBarLabel)*TextScale() + w))
}

// ColorBarTick is one labelled value of a colour bar and its position on
// the scale, 0 at the bottom to 1 at the top.
type ColorBarTick struct {
	Value, T float64
}

// ColorBarTicks returns the values a colour bar labels: its two ends, and
// between them NiceTicks on a linear scale or on a log scale the values
// Min + 10ᵏ (whose distance from the minimum is a whole decade), so that
// each label reads what the colour at its height means.
func ColorBarTicks(s ColorScale) []ColorBarTick {
	if !(s.Max > s.Min) {
		return []ColorBarTick{{Value: s.Min, T: 0}}
	}
	ticks := []ColorBarTick{{Value: s.Min, T: 0}}
	inner := func(v float64) {
		if t := s.At(v); t > 0.04 && t < 0.96 {
			ticks = append(ticks, ColorBarTick{Value: v, T: t})
		}
	}
	if s.Log {
		span := s.Max - s.Min
		for k := math.Ceil(math.Log10(logFloor * span)); k <= math.Floor(math.Log10(span)); k++ {
			inner(s.Min + math.Pow(10, k))
		}
	} else {
		for _, v := range NiceTicks(s.Min, s.Max, 6) {
			inner(v)
		}
	}
	return append(ticks, ColorBarTick{Value: s.Max, T: 1})
}

// DrawColorBar draws scale s as a vertical bar of Viridis in the left part
// of rect (the lowest value at the bottom), title above it, and tick
// marks with the values of ColorBarTicks to its right; a label that would
// overlap another is left out, the two ends always kept.
func DrawColorBar(dst *ebiten.Image, rect image.Rectangle, s ColorScale, title string) {
	lh := LineHeight()
	DrawText(dst, title, float64(rect.Min.X), float64(rect.Min.Y), theme.Ink, AlignLeft)
	ts := TextScale()
	bar := image.Rect(rect.Min.X, rect.Min.Y+int(lh+colorBarGap*ts), rect.Min.X+int(colorBarWidth*ts), rect.Max.Y)
	if bar.Dy() < 2 {
		return
	}
	var op ebiten.DrawImageOptions
	op.GeoM.Scale(float64(bar.Dx()), float64(bar.Dy())/float64(viridisStrip().Bounds().Dy()))
	op.GeoM.Translate(float64(bar.Min.X), float64(bar.Min.Y))
	op.Filter = ebiten.FilterLinear
	clipTo(dst, bar).DrawImage(viridisStrip(), &op)
	vector.StrokeRect(dst, float32(bar.Min.X)+0.5, float32(bar.Min.Y)+0.5, float32(bar.Dx())-1, float32(bar.Dy())-1, 1, theme.Frame, false)

	ticks := ColorBarTicks(s)
	// The ends first, then the inner labels that overlap no drawn one.
	order := append([]ColorBarTick{ticks[0], ticks[len(ticks)-1]}, ticks[1:len(ticks)-1]...)
	if len(ticks) == 1 {
		order = ticks
	}
	x := float32(bar.Max.X)
	var drawn []float64 // the tops of the labels drawn
	for _, t := range order {
		sy := math.Round(float64(bar.Max.Y)-t.T*float64(bar.Dy())) + 0.5
		y := math.Round(clamp(sy-lh/2, float64(bar.Min.Y), float64(bar.Max.Y)-lh))
		if slices.ContainsFunc(drawn, func(top float64) bool { return math.Abs(top-y) < lh }) {
			continue
		}
		drawn = append(drawn, y)
		vector.StrokeLine(dst, x, float32(sy), x+tickLength*float32(ts), float32(sy), 1, theme.Frame, false)
		DrawText(dst, formatValue(t.Value), float64(x)+(tickLength+colorBarLabel)*ts, y, theme.Ink, AlignLeft)
	}
}
