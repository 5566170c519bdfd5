package playground

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// Zoom steps: one wheel notch (or its equivalent in a pinch) scales a
// map's window by mapZoomPerNotch and the 3-D camera's distance by
// cameraZoomPerNotch (render.Camera.Zoom's factor, checked by a test).
const (
	mapZoomPerNotch    = 0.8
	cameraZoomPerNotch = 0.9
)

// wheelNotches turns the vertical wheel movement of one frame, in the
// platform's units, into notches: delta/unit, clamped to one notch either
// way. A mouse wheel's notch is one unit natively (GLFW) and, in the
// browser, 100 CSS pixels in Chromium's pixel mode, 3 lines in line mode
// or one page (see wheelUnit); the clamp keeps a fast spin, a fling on a
// trackpad or an unexpected unit from throwing a view to its limit, and
// smaller movements (a trackpad's) zoom by a fraction of a step.
func wheelNotches(delta, unit float64) float64 {
	if unit <= 0 || math.IsNaN(delta) {
		return 0
	}
	return max(-1, min(1, delta/unit))
}

// wheel returns this frame's vertical wheel movement in notches, up
// (away from the user) positive.
func wheel() float64 {
	unit := wheelUnit()
	_, dy := ebiten.Wheel()
	if dy == 0 {
		return 0
	}
	return wheelNotches(dy, unit)
}
