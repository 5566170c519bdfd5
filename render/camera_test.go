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

// TestFrameFitsBox checks DrawMesh's framing: from any orbit and for wide
// and tall screens, the box's eight corners project inside the limits,
// and the box fills them in one direction (the camera is as near as
// the limits allow), so that the region of interest fills the view.
func TestFrameFitsBox(t *testing.T) {
	lo, hi := mgl64.Vec3{-0.2, -1, floorZ}, mgl64.Vec3{0.6, 0.1, 0.8}
	for _, aspect := range []float64{0.75, 4.0 / 3, 2.2} {
		for _, yaw := range []float64{-2.5, -1, 0, 0.7, 2} {
			for _, pitch := range []float64{0.1, 0.6, 1.4} {
				cam := Camera{Yaw: yaw, Pitch: pitch, Distance: defaultDistance}
				fr := cam.frame(aspect, lo, hi, nil, 0.8, 0.9)
				x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
				for i := range 8 {
					p := mgl64.Vec3{lo[0], lo[1], lo[2]}
					if i&1 != 0 {
						p[0] = hi[0]
					}
					if i&2 != 0 {
						p[1] = hi[1]
					}
					if i&4 != 0 {
						p[2] = hi[2]
					}
					q := fr.vp.Mul4x1(p.Vec4(1))
					x, y := q[0]/q[3], q[1]/q[3]
					x0, x1, y0, y1 = math.Min(x0, x), math.Max(x1, x), math.Min(y0, y), math.Max(y1, y)
				}
				if x0 < -0.801 || x1 > 0.801 || y0 < -0.901 || y1 > 0.901 {
					t.Errorf("aspect %.2f yaw %.1f pitch %.1f: box spans x %.3f…%.3f y %.3f…%.3f, want within ±0.8, ±0.9", aspect, yaw, pitch, x0, x1, y0, y1)
				}
				if x1-x0 < 1.55 && y1-y0 < 1.75 {
					t.Errorf("aspect %.2f yaw %.1f pitch %.1f: box spans only %.3f × %.3f of 1.6 × 1.8", aspect, yaw, pitch, x1-x0, y1-y0)
				}
			}
		}
	}
	// Zooming in scales the distance from the framed one.
	near := Camera{Yaw: -1, Pitch: 0.6, Distance: defaultDistance / 2}.frame(1, lo, hi, nil, 0.8, 0.8)
	far := Camera{Yaw: -1, Pitch: 0.6, Distance: defaultDistance}.frame(1, lo, hi, nil, 0.8, 0.8)
	centre := lo.Add(hi).Mul(0.5)
	if r := near.eye.Sub(centre).Len() / far.eye.Sub(centre).Len(); math.Abs(r-0.5) > 1e-9 {
		t.Errorf("half the distance puts the eye %.3f as far, want 0.5", r)
	}
}
