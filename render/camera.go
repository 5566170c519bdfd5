package render

import (
	"math"

	"github.com/go-gl/mathgl/mgl64"
)

// Camera is the orbit camera of DrawMesh. It looks at the point (0, 0, 0.25)
// of the normalised surface (x, y in [-1,1], height in [0,1], z up) from
// Distance away, turned Yaw radians about the vertical axis (0 looks from +x towards
// the origin) and raised Pitch radians above the horizontal.
type Camera struct {
	Yaw, Pitch, Distance float64
}

// The camera's limits and sensitivities.
const (
	minPitch        = 0.05
	maxPitch        = math.Pi/2 - 0.05 // short of straight down, where LookAt's up vector degenerates
	minDistance     = 1.5
	maxDistance     = 12
	orbitPerPixel   = 0.01 // radians per pixel dragged
	zoomPerNotch    = 0.9  // distance factor per wheel notch
	cameraFovY      = 40 * math.Pi / 180
	cameraNear      = 0.05
	cameraFar       = 100
	cameraTargetZ   = 0.25
	defaultYaw      = -math.Pi / 3
	defaultPitch    = 0.6
	defaultDistance = 3.8
)

// DefaultCamera returns a three-quarter view from above, from matplotlib's
// default 3-D azimuth (-60°), raised 0.6 rad and far enough away to show the
// whole surface on a 4:3 screen.
func DefaultCamera() Camera {
	return Camera{Yaw: defaultYaw, Pitch: defaultPitch, Distance: defaultDistance}
}

// Orbit returns c turned by a drag of (dx, dy) pixels, 0.01 radian per
// pixel, as if the drag grabbed the surface: dragging right spins it right
// (Yaw decreases) and dragging down tips its top towards the viewer (Pitch
// increases). Pitch stays within [0.05, π/2-0.05], so the view never flips.
func (c Camera) Orbit(dx, dy float64) Camera {
	c.Yaw -= dx * orbitPerPixel
	c.Pitch = math.Min(math.Max(c.Pitch+dy*orbitPerPixel, minPitch), maxPitch)
	return c
}

// Zoom returns c moved closer by wheel notches (negative moves away), each
// notch scaling the distance by 0.9, clamped to [1.5, 12].
func (c Camera) Zoom(wheel float64) Camera {
	c.Distance = math.Min(math.Max(c.Distance*math.Pow(zoomPerNotch, wheel), minDistance), maxDistance)
	return c
}

// eye returns the camera's position in world space.
func (c Camera) eye() mgl64.Vec3 {
	cp := math.Cos(c.Pitch)
	return mgl64.Vec3{
		c.Distance * cp * math.Cos(c.Yaw),
		c.Distance * cp * math.Sin(c.Yaw),
		cameraTargetZ + c.Distance*math.Sin(c.Pitch),
	}
}

// viewProjection returns the perspective projection times the view matrix
// for a screen of the given aspect ratio (width/height).
func (c Camera) viewProjection(aspect float64) mgl64.Mat4 {
	view := mgl64.LookAtV(c.eye(), mgl64.Vec3{0, 0, cameraTargetZ}, mgl64.Vec3{0, 0, 1})
	return mgl64.Perspective(cameraFovY, aspect, cameraNear, cameraFar).Mul4(view)
}
