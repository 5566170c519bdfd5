package render

import (
	"image"
	"math"
	"testing"
)

// TestViewportRoundTrip checks that ToParams inverts ToScreen and that the
// corners land where the y-up convention says.
func TestViewportRoundTrip(t *testing.T) {
	v := Viewport{XMin: -2, XMax: 3, YMin: -1, YMax: 4, Rect: image.Rect(10, 20, 510, 270)}
	for _, p := range [][2]float64{{-2, -1}, {3, 4}, {0, 0}, {1.25, -0.5}, {2.9, 3.3}} {
		sx, sy := v.ToScreen(p[0], p[1])
		x, y := v.ToParams(float64(sx), float64(sy))
		if math.Abs(x-p[0]) > 1e-4 || math.Abs(y-p[1]) > 1e-4 {
			t.Errorf("round trip of %v = (%v, %v)", p, x, y)
		}
	}
	if sx, sy := v.ToScreen(-2, -1); sx != 10 || sy != 270 {
		t.Errorf("(XMin, YMin) → (%v, %v), want bottom-left (10, 270)", sx, sy)
	}
	if sx, sy := v.ToScreen(3, 4); sx != 510 || sy != 20 {
		t.Errorf("(XMax, YMax) → (%v, %v), want top-right (510, 20)", sx, sy)
	}
}
