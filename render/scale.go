package render

// BaseTextSize is the labels' size in pixels per em at text scale 1: a
// little over the 12-pixel panel font of debugui, as Go Regular runs
// smaller than a bitmap font of the same size.
const BaseTextSize = 13.0

// The sizes set by SetScale and SetTextSize.
var (
	// uiScale is how many device pixels one pixel of render's line
	// widths and marks takes.
	uiScale = 1.0
	// textSize is the labels' size in device pixels per em.
	textSize = BaseTextSize
)

// SetScale sets the size of line widths and marks in device pixels per
// logical pixel, so that a HiDPI screen drawn at full resolution (or a
// large one seen from afar) shows them at their intended size. Values
// below 1 are taken as 1. Text has its own size: SetTextSize.
func SetScale(s float64) { uiScale = max(1, s) }

// Scale returns the size set by SetScale: device pixels per logical pixel
// of line widths and marks.
func Scale() float64 { return uiScale }

// The text sizes SetTextSize accepts, in pixels per em.
const (
	MinTextSize = 8.0
	MaxTextSize = 160.0
)

// SetTextSize sets the labels' size in device pixels per em (what CSS
// calls the font size), within [MinTextSize, MaxTextSize]. The spacing
// around text (paddings, gaps beside tick numbers, legend rows) grows
// with it.
func SetTextSize(px float64) { textSize = min(max(px, MinTextSize), MaxTextSize) }

// TextSize returns the labels' size in device pixels per em.
func TextSize() float64 { return textSize }

// TextScale returns the text size relative to the base size of 13 px:
// the factor by which the room kept for text grows.
func TextScale() float64 { return textSize / BaseTextSize }
