package render

import (
	"image/color"
	"sync"

	"github.com/hajimehoshi/bitmapfont/v4"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// Align says which point of a line of text DrawText puts at x.
type Align int

// The alignments of DrawText.
const (
	// AlignLeft puts the text's left edge at x.
	AlignLeft Align = iota
	// AlignCenter puts the text's centre at x.
	AlignCenter
	// AlignRight puts the text's right edge at x.
	AlignRight
)

// uiFace is the 12-pixel bitmap font that debugui's panel uses too, so that
// labels and panel read alike, and so that the page carries one font (a
// vector font would add its shaper, 1.4 MB gzipped, to the wasm build).
var uiFace = sync.OnceValue(func() text.Face { return text.NewGoXFace(bitmapfont.Face) })

// textOptions is DrawText's reused option value.
var textOptions text.DrawOptions

// DrawText draws one line of s in the UI font (a 12-pixel bitmap font) with its
// top at y and its left edge, centre or right edge at x, as align says.
func DrawText(dst *ebiten.Image, s string, x, y float64, clr color.Color, align Align) {
	var geo ebiten.GeoM
	geo.Scale(uiScale, uiScale)
	geo.Translate(x, y)
	drawTextGeoM(dst, s, geo, clr, align)
}

// drawTextGeoM draws s transformed by geo, aligned around the origin.
func drawTextGeoM(dst *ebiten.Image, s string, geo ebiten.GeoM, clr color.Color, align Align) {
	op := &textOptions
	op.GeoM = geo
	op.ColorScale.Reset()
	op.ColorScale.ScaleWithColor(clr)
	// Glyphs are cached per subpixel offset, so only rotated text needs
	// filtering.
	op.Filter = ebiten.FilterNearest
	if geo.Element(0, 1) != 0 {
		op.Filter = ebiten.FilterLinear
	}
	switch align {
	case AlignCenter:
		op.PrimaryAlign = text.AlignCenter
	case AlignRight:
		op.PrimaryAlign = text.AlignEnd
	default:
		op.PrimaryAlign = text.AlignStart
	}
	text.Draw(dst, s, uiFace(), op)
}

// TextWidth returns the width in pixels of s in the UI font.
func TextWidth(s string) float64 {
	return text.Advance(s, uiFace()) * uiScale
}

// LineHeight returns the height in pixels of a line of the UI font.
func LineHeight() float64 {
	m := uiFace().Metrics()
	return (m.HAscent + m.HDescent) * uiScale
}
