package playground

import (
	"image"
	"math"

	"github.com/ebitengine/debugui"
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

// panelScrollPerNotch is how far one wheel notch scrolls the panel, in
// unscaled pixels: debugui's own distance per unit of ebiten.Wheel.
const panelScrollPerNotch = 30

// fixPanelScroll makes one wheel notch scroll the panel (whose window
// layout describes) by panelScrollPerNotch in the browser too: debugui
// (v0.2.0) scrolls by 30 pixels per unit of ebiten.Wheel, which is a
// notch natively but a CSS pixel in the browser, so that a notch there
// scrolled 3000 pixels, to the panel's end. Called at the end of the
// window's body, it moves the offset by the difference before debugui
// adds its own at the end of the frame.
func fixPanelScroll(ctx *debugui.Context, layout debugui.ContainerLayout) {
	unit := wheelUnit()
	_, dy := ebiten.Wheel()
	if dy == 0 || unit == 1 {
		return
	}
	x, y := ebiten.CursorPosition()
	s := ctx.Scale()
	if !image.Pt(x/s, y/s).In(layout.BodyBounds) {
		return
	}
	theirs := int(dy * -panelScrollPerNotch)
	ours := int(math.Round(-dy / unit * panelScrollPerNotch))
	ctx.SetScroll(layout.ScrollOffset.Add(image.Pt(0, ours-theirs)))
}
