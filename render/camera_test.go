package render

import (
	"image"
	"math"
	"testing"

	"github.com/go-gl/mathgl/mgl64"
)

// TestCameraOrbitZoom checks the orbit's sensitivity and the clamps that
// keep the view from flipping or the eye from entering the surface.
func TestCameraOrbitZoom(t *testing.T) {
	c := DefaultCamera()
	o := c.Orbit(10, -20)
	if math.Abs(o.Yaw-(c.Yaw-0.1)) > 1e-12 || math.Abs(o.Pitch-(c.Pitch-0.2)) > 1e-12 || o.Distance != c.Distance {
		t.Errorf("Orbit(10, -20) of %+v = %+v", c, o)
	}
	if p := c.Orbit(0, 1e6).Pitch; p >= math.Pi/2 {
		t.Errorf("pitch %v not clamped below π/2", p)
	}
	if p := c.Orbit(0, -1e6).Pitch; p <= 0 {
		t.Errorf("pitch %v not clamped above 0", p)
	}
	if d := c.Zoom(1).Distance; math.Abs(d-0.9*c.Distance) > 1e-12 {
		t.Errorf("one notch in: distance %v, want %v", d, 0.9*c.Distance)
	}
	if d := c.Zoom(1000).Distance; d != minDistance {
		t.Errorf("zoomed fully in: distance %v, want %v", d, minDistance)
	}
	if d := c.Zoom(-1000).Distance; d != maxDistance {
		t.Errorf("zoomed fully out: distance %v, want %v", d, maxDistance)
	}
}

// TestDefaultCameraFramesSurface checks that the default camera shows the
// whole normalised surface, floor and top corners, inside a 4:3 screen.
func TestDefaultCameraFramesSurface(t *testing.T) {
	rect := image.Rect(0, 0, 400, 300)
	vp := DefaultCamera().viewProjection(4.0 / 3)
	for _, x := range []float64{-1, 1} {
		for _, y := range []float64{-1, 1} {
			for _, z := range []float64{0, 1} {
				sx, sy, ok := project(vp, rect, mgl64.Vec3{x, y, z})
				if !ok || sx < 0 || sx > 400 || sy < 0 || sy > 300 {
					t.Errorf("corner (%v,%v,%v) projects to (%.0f,%.0f), outside the screen", x, y, z, sx, sy)
				}
			}
		}
	}
	// The surface's top appears above its floor.
	_, floor, _ := project(vp, rect, mgl64.Vec3{0, 0, 0})
	_, top, _ := project(vp, rect, mgl64.Vec3{0, 0, 1})
	if top >= floor {
		t.Errorf("z up projects downwards: top %v, floor %v", top, floor)
	}
}
