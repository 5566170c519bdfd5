package render

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// LegendEntry is one row of a legend: a colour swatch and a name.
type LegendEntry struct {
	Name  string
	Color color.RGBA
}

// The legend's layout, in pixels.
const (
	legendPad    = 6
	legendSwatch = 14
	legendGap    = 6
	legendRowGap = 3
)

// LegendSize returns the size of the box DrawLegend draws for entries, so a
// caller can place it (for example against a right edge).
func LegendSize(entries []LegendEntry) image.Point {
	if len(entries) == 0 {
		return image.Point{}
	}
	w := 0.0
	for _, e := range entries {
		w = math.Max(w, TextWidth(e.Name))
	}
	row := LineHeight() + legendRowGap
	return image.Pt(
		int(math.Ceil(2*legendPad+legendSwatch+legendGap+w)),
		int(math.Ceil(2*legendPad+row*float64(len(entries))-legendRowGap)),
	)
}

// DrawLegend draws a translucent box with its top-left corner at at and one
// row per entry: a short line in the entry's colour and its name. It draws
// nothing for no entries.
func DrawLegend(dst *ebiten.Image, at image.Point, entries []LegendEntry) {
	size := LegendSize(entries)
	if size == (image.Point{}) {
		return
	}
	vector.FillRect(dst, float32(at.X), float32(at.Y), float32(size.X), float32(size.Y), panelColor, false)
	lh := LineHeight()
	x := float64(at.X + legendPad)
	for i, e := range entries {
		y := float64(at.Y+legendPad) + float64(i)*(lh+legendRowGap)
		mid := float32(y + lh/2)
		vector.StrokeLine(dst, float32(x), mid, float32(x+legendSwatch), mid, 3, e.Color, true)
		DrawText(dst, e.Name, x+legendSwatch+legendGap, y, inkColor, AlignLeft)
	}
}
