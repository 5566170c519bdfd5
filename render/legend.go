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

// The legend's layout, in pixels at text scale 1 (see TextScale).
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
	ts := TextScale()
	row := LineHeight() + legendRowGap*ts
	return image.Pt(
		int(math.Ceil((2*legendPad+legendSwatch+legendGap)*ts+w)),
		int(math.Ceil(2*legendPad*ts+row*float64(len(entries))-legendRowGap*ts)),
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
	vector.FillRect(dst, float32(at.X), float32(at.Y), float32(size.X), float32(size.Y), theme.Panel, false)
	lh := LineHeight()
	ts := TextScale()
	x := float64(at.X) + legendPad*ts
	for i, e := range entries {
		y := float64(at.Y) + legendPad*ts + float64(i)*(lh+legendRowGap*ts)
		if e.Color.A != 0 {
			mid := float32(y + lh/2)
			vector.StrokeLine(dst, float32(x), mid, float32(x+legendSwatch*ts), mid, float32(3*ts), e.Color, true)
		}
		DrawText(dst, e.Name, x+(legendSwatch+legendGap)*ts, y, theme.Ink, AlignLeft)
	}
}
