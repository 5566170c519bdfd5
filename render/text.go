package render

import (
	"image/color"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
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

// goRegular is the labels' font: Go Regular, a scalable TrueType font
// (golang.org/x/image/font/gofont), parsed once.
var goRegular = func() *opentype.Font {
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic("render: parsing Go Regular: " + err.Error())
	}
	return f
}()

// faceSteps is how finely face sizes are kept apart: sizes are rounded
// to a quarter pixel, so that a window being resized does not make a
// face for every size it passes through.
const faceSteps = 4

// maxFaces bounds the face cache; when it is full, it is emptied.
const maxFaces = 24

// faces caches a text/v2 face of Go Regular per size (in quarter pixels).
// text/v2's GoXFace caches each glyph's image, so a face is kept for as
// long as its size is in use.
var faces = map[int]*text.GoXFace{}

// faceAt returns Go Regular at px pixels per em.
func faceAt(px float64) *text.GoXFace {
	key := int(math.Round(px * faceSteps))
	if f, ok := faces[key]; ok {
		return f
	}
	face, err := opentype.NewFace(goRegular, &opentype.FaceOptions{
		Size: float64(key) / faceSteps, DPI: 72, Hinting: font.HintingFull,
	})
	if err != nil {
		panic("render: a face of Go Regular: " + err.Error())
	}
	if len(faces) >= maxFaces {
		clear(faces)
	}
	f := text.NewGoXFace(face)
	faces[key] = f
	return f
}

// uiFace is the labels' face at the current text size.
func uiFace() *text.GoXFace { return faceAt(textSize) }

// standIns replaces the characters that Go Regular lacks, and that
// Descent's labels use, by what reads the same: subscript letters by the
// letter, the norm's double bars by single ones, ∇ by "grad ".
var standIns = strings.NewReplacer(
	"ᵢ", "i", "ⱼ", "j", "ₜ", "t", "ᵗ", "^t", "ᵏ", "^k", "ᵀ", "^T", "ʸ", "^y",
	"‖", "|", "∇", "grad ", "∈", " in ", "ȳ", "y", "ḡ", "g",
)

// legible returns s with the characters Go Regular lacks replaced (see
// standIns); plain ASCII is returned as it is.
func legible(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return standIns.Replace(s)
		}
	}
	return s
}

// textOptions is DrawText's reused option value.
var textOptions text.DrawOptions

// DrawText draws one line of s in the labels' font (Go Regular at
// TextSize pixels) with its top at y and its left edge, centre or right
// edge at x, as align says.
func DrawText(dst *ebiten.Image, s string, x, y float64, clr color.Color, align Align) {
	var geo ebiten.GeoM
	geo.Translate(x, y)
	drawTextGeoM(dst, s, geo, clr, align)
}

// drawTextGeoM draws s transformed by geo, aligned around the origin.
func drawTextGeoM(dst *ebiten.Image, s string, geo ebiten.GeoM, clr color.Color, align Align) {
	op := &textOptions
	op.GeoM = geo
	op.ColorScale.Reset()
	op.ColorScale.ScaleWithColor(clr)
	// Glyphs are rendered at their size and cached per subpixel offset,
	// so only rotated text needs filtering.
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
	text.Draw(dst, legible(s), uiFace(), op)
}

// TextWidth returns the width in pixels of s in the labels' font.
func TextWidth(s string) float64 {
	return text.Advance(legible(s), uiFace())
}

// LineHeight returns the height in pixels of a line of the labels' font,
// its ascent and descent.
func LineHeight() float64 {
	m := uiFace().Metrics()
	return math.Ceil(m.HAscent + m.HDescent)
}

// MissingGlyphs returns the characters of s that the labels' font lacks
// even after legible's replacements, which DrawText would show as empty
// boxes.
func MissingGlyphs(s string) []rune {
	var buf sfnt.Buffer
	var missing []rune
	for _, r := range legible(s) {
		if i, err := goRegular.GlyphIndex(&buf, r); err != nil || i == 0 {
			missing = append(missing, r)
		}
	}
	return missing
}
