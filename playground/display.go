package playground

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/descent-playground/descent/render"
)

// Display is how the playground is shown, apart from what it shows: the
// text size, the theme and the gradient arrows' length. It is part of the
// State (keys "text", "theme", "grad_length"), so that a link opens a
// projector's settings as it left them.
type Display struct {
	// TextStep sizes the text (the panel's, the pictures' labels, the
	// status lines) by the factor textSteps gives it over the default,
	// which grows with the window (see textFactor). It runs from
	// MinTextStep to MaxTextStep.
	TextStep int
	// Theme names the colours: "dark" or "light" (render.Themes).
	Theme string
	// GradLength makes the gradient and momentum arrows' length show
	// their magnitude on a log scale (arrowLength); otherwise they all
	// have one length and show only the direction.
	GradLength bool
	// Embed marks the page shown inside another page (an iframe of the
	// lessons): the page hides its panel, gives the canvas the whole frame
	// and shows a link that opens the same state in the playground. The
	// native window has no page around it and ignores it.
	Embed bool
}

// The text size steps: from 0.7 times the default to 2.1 times it.
const (
	MinTextStep = -2
	MaxTextStep = 3
)

// textSteps are the factors of the text steps from MinTextStep up, about
// 25% apart. The largest makes the pictures' text 27 px per em on
// 1024×768 and the panel's bitmap font three times its size, 36 px.
var textSteps = [MaxTextStep - MinTextStep + 1]float64{0.7, 0.85, 1, 1.3, 1.65, 2.1}

// The window size at which the default text has render's base size (13
// px per em, in CSS pixels); a larger window scales it up with the
// smaller of its two ratios to this one, up to maxAutoText.
const (
	textRefWidth  = 1280
	textRefHeight = 720
	maxAutoText   = 3
)

// textFactor is the text's size relative to render's base size, in
// device pixels, for a screen of w×h device pixels at device scale dpr:
// the device scale, times the window's growth over 1280×720 CSS pixels
// (at least 1, at most 3), times the text step's factor (textSteps). The
// default text on
// 1920×1080 is thus 1.5 times the base, and on a HiDPI laptop of the same
// CSS size twice as many device pixels as on a plain one.
func textFactor(w, h int, dpr float64, step int) float64 {
	dpr = max(dpr, 1)
	css := math.Min(float64(w)/dpr/textRefWidth, float64(h)/dpr/textRefHeight)
	auto := math.Min(math.Max(css, 1), maxAutoText)
	return dpr * auto * textSteps[min(max(step, MinTextStep), MaxTextStep)-MinTextStep]
}

// lineFactor is the width of lines and marks relative to one device
// pixel: the device scale times the window's growth, as for text but
// without the text steps.
func lineFactor(w, h int, dpr float64) float64 { return textFactor(w, h, dpr, 0) }

// panelScaleFor is debugui's integer scale for a text factor: its
// 12-pixel bitmap font is drawn at whole multiples, the nearest to 1.25
// times the factor (the bitmap font reads smaller than Go Regular at the
// same size): 1 up to a factor of 1.2, 2 up to 2, 3 beyond, so that the
// largest text step on 1024×768 (2.1) draws it at 36 px.
func panelScaleFor(factor float64) int { return max(1, int(math.Floor(1.25*factor+0.5))) }

// themeNames lists the themes' names, the dark one first.
func themeNames() []string {
	var names []string
	for _, t := range render.Themes() {
		names = append(names, t.Name)
	}
	return names
}

// themeNamed returns the theme called name, or the dark theme.
func themeNamed(name string) render.Theme {
	for _, t := range render.Themes() {
		if t.Name == name {
			return t
		}
	}
	return render.DarkTheme
}

// nextTheme returns the theme after name, round the list.
func nextTheme(name string) string {
	names := themeNames()
	return names[(slices.Index(names, name)+1)%len(names)]
}

func validTextStep(_ *State, v int) error {
	if v < MinTextStep || v > MaxTextStep {
		return fmt.Errorf("want %d to %d", MinTextStep, MaxTextStep)
	}
	return nil
}

// theme is the theme the world's display names.
func (g *Game) theme() render.Theme { return themeNamed(g.world.Display.Theme) }

// accent is a racer's colour as the current theme shows it on panels and
// plots (render.Theme.Accent).
func (g *Game) accent(c color.RGBA) color.RGBA { return g.theme().Accent(c) }

// changeTextSize moves the text size by steps, within its range.
func (w *World) changeTextSize(steps int) {
	w.Display.TextStep = min(max(w.Display.TextStep+steps, MinTextStep), MaxTextStep)
}

// The gradient arrows' lengths, in pixels at line scale 1: fixed, or on
// the log scale of arrowLength.
const (
	arrowFixed   = 36
	arrowAtOne   = 30 // the length of a gradient of norm 1
	arrowDecade  = 12 // added per tenfold
	arrowShort   = 5
	arrowLongest = 110
)

// arrowLength is the screen length, at line scale 1, of an arrow for a
// vector of the given norm: with logScaled, 30 px for a norm of 1 and 12
// px more per tenfold (a gradient of 1000 gets 66 px, one of 0.01 6 px),
// from 5 to 110 px; otherwise 36 px, whatever the norm.
func arrowLength(norm float64, logScaled bool) float64 {
	if !logScaled {
		return arrowFixed
	}
	if !(norm > 0) {
		return arrowShort
	}
	return math.Min(math.Max(arrowAtOne+arrowDecade*math.Log10(norm), arrowShort), arrowLongest)
}
