package playground

import (
	"math"
	"testing"

	"github.com/descent-playground/descent/render"
)

// TestWheelNotches normalises one frame's wheel movement to notches: one
// notch of each platform's unit is one notch (a zoom step), a fraction
// stays a fraction, and more than a notch, or the raw browser delta that
// used to be read as 100 notches, is one notch.
func TestWheelNotches(t *testing.T) {
	const native, pixels, lines, pages = 1.0, 100.0, 3.0, 1.0
	for _, tc := range []struct {
		name        string
		delta, unit float64
		want        float64
	}{
		{"native notch up", 1, native, 1},
		{"native notch down", -1, native, -1},
		{"native trackpad", 0.25, native, 0.25},
		{"native fast spin", 4, native, 1},
		{"Chromium notch (100 px)", 100, pixels, 1},
		{"Chromium notch down", -100, pixels, -1},
		{"Chromium three notches in a frame", 300, pixels, 1},
		{"browser trackpad (pixel mode)", 10, pixels, 0.1},
		{"line-mode notch (3 lines)", 3, lines, 1},
		{"line-mode fast spin", -9, lines, -1},
		{"page mode", 1, pages, 1},
		{"no movement", 0, pixels, 0},
		{"NaN", math.NaN(), pixels, 0},
		{"no unit", 5, 0, 0},
	} {
		if got := wheelNotches(tc.delta, tc.unit); got != tc.want {
			t.Errorf("%s: wheelNotches(%v, %v) = %v, want %v", tc.name, tc.delta, tc.unit, got, tc.want)
		}
	}
}

// TestZoomSteps checks that the zoom steps this package assumes are the
// camera's own: one notch scales the 3-D distance by cameraZoomPerNotch,
// so a pinch that doubles the fingers' spread zooms by the matching
// number of notches.
func TestZoomSteps(t *testing.T) {
	c := render.Camera{Distance: 5}
	if got := c.Zoom(1).Distance; math.Abs(got-5*cameraZoomPerNotch) > 1e-12 {
		t.Errorf("one notch moves the camera from 5 to %v, want %v", got, 5*cameraZoomPerNotch)
	}
	notches := math.Log(2) / -math.Log(cameraZoomPerNotch)
	if got := c.Zoom(notches).Distance; math.Abs(got-2.5) > 1e-12 {
		t.Errorf("a pinch spreading the fingers twice as far moves the camera from 5 to %v, want 2.5", got)
	}
}
