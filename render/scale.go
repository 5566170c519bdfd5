package render

// uiScale is how many device pixels one pixel of render's text, line widths
// and marks takes: 2 on a HiDPI display whose screen is laid out in device
// pixels, 1 otherwise.
var uiScale = 1.0

// SetScale sets the size of text, line widths and marks in device pixels
// per logical pixel, so that a HiDPI screen drawn at full resolution shows
// them at their intended size. Values below 1 are taken as 1.
func SetScale(s float64) { uiScale = max(1, s) }

// Scale returns the size set by SetScale: device pixels per logical pixel
// of text, line widths and marks.
func Scale() float64 { return uiScale }
