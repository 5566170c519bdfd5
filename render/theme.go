package render

import (
	"image/color"
	"math"
)

// Theme is the set of colours the pictures are drawn in, apart from the
// colour maps (Viridis stays in every theme): the canvas, text, axes, grid
// lines, the backgrounds of legends, charts, tables and notes, and the
// casing that keeps lines and marks visible on any colour under them.
// NRGBA keeps the translucent ones readable; Ebitengine premultiplies them
// when drawing. DarkTheme and LightTheme are the two themes; SetTheme
// picks one.
type Theme struct {
	// Name is the theme's name in links and on the command line.
	Name string
	// Background is the canvas; Plot the background of a data plot.
	Background, Plot color.RGBA
	// Ink is text, axis labels and tick numbers; Dim is secondary text.
	Ink, Dim color.NRGBA
	// Error is the colour of an error message.
	Error color.NRGBA
	// Frame is plot frames and tick marks; Grid is grid lines.
	Frame, Grid color.NRGBA
	// Panel is behind legends, charts and the status table; Note behind
	// notes written over a picture; Help behind the help box.
	Panel, Note, Help color.NRGBA
	// Shadow outlines vector shapes (stars); Case is the opaque casing
	// of paths, points and arrows.
	Shadow color.NRGBA
	Case   color.RGBA
	// Arrow is the gradient arrow's colour.
	Arrow color.NRGBA
	// ContourLight and ContourDark are contour lines over the dark and
	// the bright part of the colour map; LabelBox and LabelInk are a
	// contour label's box and text.
	ContourLight, ContourDark, LabelBox, LabelInk color.NRGBA
	// Floor is the floor of the 3-D view.
	Floor color.NRGBA
	// accentContrast is the least contrast ratio (WCAG) a racer's colour
	// keeps against Panel's opaque form; 0 leaves colours as they are.
	accentContrast float64
}

// DarkTheme is light text and lines on a dark canvas, for screens.
var DarkTheme = Theme{
	Name:         "dark",
	Background:   color.RGBA{0x16, 0x17, 0x1d, 0xff},
	Plot:         color.RGBA{0x22, 0x23, 0x2b, 0xff},
	Ink:          color.NRGBA{0xe0, 0xe0, 0xe0, 0xff},
	Dim:          color.NRGBA{0xa0, 0xa0, 0xb0, 0xff},
	Error:        color.NRGBA{0xff, 0x80, 0x80, 0xff},
	Frame:        color.NRGBA{0xe0, 0xe0, 0xe0, 0x90},
	Grid:         color.NRGBA{0xff, 0xff, 0xff, 0x2c},
	Panel:        color.NRGBA{0x12, 0x12, 0x18, 0xc8},
	Note:         color.NRGBA{0x10, 0x10, 0x16, 0xd8},
	Help:         color.NRGBA{0x00, 0x00, 0x00, 0xd0},
	Shadow:       color.NRGBA{0x00, 0x00, 0x00, 0x90},
	Case:         color.RGBA{0x14, 0x14, 0x1a, 0xff},
	Arrow:        color.NRGBA{0xff, 0xff, 0xff, 0xe0},
	ContourLight: color.NRGBA{0xff, 0xff, 0xff, 0x70},
	ContourDark:  color.NRGBA{0x00, 0x00, 0x00, 0x70},
	LabelBox:     color.NRGBA{0x00, 0x00, 0x00, 0x80},
	LabelInk:     color.NRGBA{0xe0, 0xe0, 0xe0, 0xff},
	Floor:        color.NRGBA{0xff, 0xff, 0xff, 0x10},
}

// LightTheme is dark text and lines on white, for projectors, which wash
// out dark backgrounds: text is near black, frames and grid lines are
// stronger than the dark theme's, paths and marks are cased in white so
// that they stand out on the dark end of the colour map as on the
// bright one, and racers' colours are darkened where they would be faint
// on white (Theme.Accent).
var LightTheme = Theme{
	Name:           "light",
	Background:     color.RGBA{0xff, 0xff, 0xff, 0xff},
	Plot:           color.RGBA{0xf4, 0xf4, 0xf6, 0xff},
	Ink:            color.NRGBA{0x10, 0x10, 0x14, 0xff},
	Dim:            color.NRGBA{0x40, 0x40, 0x4c, 0xff},
	Error:          color.NRGBA{0xb0, 0x10, 0x10, 0xff},
	Frame:          color.NRGBA{0x20, 0x20, 0x28, 0xc0},
	Grid:           color.NRGBA{0x00, 0x00, 0x00, 0x30},
	Panel:          color.NRGBA{0xff, 0xff, 0xff, 0xe8},
	Note:           color.NRGBA{0xff, 0xff, 0xff, 0xe0},
	Help:           color.NRGBA{0xff, 0xff, 0xff, 0xf0},
	Shadow:         color.NRGBA{0x00, 0x00, 0x00, 0xc0},
	Case:           color.RGBA{0xff, 0xff, 0xff, 0xff},
	Arrow:          color.NRGBA{0x10, 0x10, 0x14, 0xff},
	ContourLight:   color.NRGBA{0xff, 0xff, 0xff, 0x90},
	ContourDark:    color.NRGBA{0x00, 0x00, 0x00, 0x90},
	LabelBox:       color.NRGBA{0xff, 0xff, 0xff, 0xd0},
	LabelInk:       color.NRGBA{0x10, 0x10, 0x14, 0xff},
	Floor:          color.NRGBA{0x00, 0x00, 0x00, 0x10},
	accentContrast: 3,
}

// Themes returns the themes by name, the dark one first.
func Themes() []Theme { return []Theme{DarkTheme, LightTheme} }

// theme is the theme the Draw functions use.
var theme = DarkTheme

// SetTheme makes the Draw functions use t.
func SetTheme(t Theme) { theme = t }

// CurrentTheme returns the theme set by SetTheme (DarkTheme at first).
func CurrentTheme() Theme { return theme }

// Accent returns c as t shows a racer's colour on its panels and plots:
// as it is in the dark theme; in the light one darkened, keeping its hue,
// until its contrast ratio against the opaque panel colour is at least
// 3:1 (WCAG's least for graphics), so that yellow and sky blue read on
// white.
func (t Theme) Accent(c color.RGBA) color.RGBA {
	if t.accentContrast == 0 {
		return c
	}
	bg := luminance(color.RGBA{t.Panel.R, t.Panel.G, t.Panel.B, 0xff})
	for k := 1.0; k > 0.05; k -= 0.02 {
		d := color.RGBA{uint8(float64(c.R) * k), uint8(float64(c.G) * k), uint8(float64(c.B) * k), c.A}
		if contrast(luminance(d), bg) >= t.accentContrast {
			return d
		}
	}
	return color.RGBA{0, 0, 0, c.A}
}

// luminance is c's relative luminance (WCAG 2).
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the contrast ratio (WCAG 2) of two relative luminances.
func contrast(a, b float64) float64 {
	return (max(a, b) + 0.05) / (min(a, b) + 0.05)
}

// Contrast returns the contrast ratio (WCAG 2, from 1 to 21) of two
// opaque colours.
func Contrast(a, b color.RGBA) float64 { return contrast(luminance(a), luminance(b)) }
