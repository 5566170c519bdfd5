package render

import (
	"math"

	"github.com/go-gl/mathgl/mgl64"
)

// Camera is the orbit camera of DrawMesh. It looks at the centre of the
// normalised scene (x, y in [-1,1], height in [0,1] over a floor, z up),
// turned Yaw radians about the vertical axis (0 looks from +x towards the
// origin) and raised Pitch radians above the horizontal. DrawMesh places
// it as near as shows the scene whole, times Distance over the default
// distance (3.8): Distance is the zoom.
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
// default 3-D azimuth (-60°), raised 0.6 rad, at the distance at which
// DrawMesh frames its region of interest (its distance is the unit of
// DrawMesh's zoom).
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

// framing is a camera aimed at a box of world space: where the eye is
// and the view-projection matrix.
type framing struct {
	eye mgl64.Vec3
	vp  mgl64.Mat4
}

// frame aims c at the world-space box [lo, hi], of which pts are the
// points that must be seen (the box's corners when pts is nil): the eye
// looks from c's direction at the box's centre, from the nearest distance
// at which the screen bounds of pts are at most 2·limitX by 2·limitY (in
// normalised device coordinates, the screen being 2 by 2), found by
// bisection, and the picture is shifted to centre those bounds on the
// screen. c.Distance scales the distance (DefaultCamera's distance is
// 1×), so that zooming still works and the default view frames the
// points whatever the orbit.
func (c Camera) frame(aspect float64, lo, hi mgl64.Vec3, pts []mgl64.Vec3, limitX, limitY float64) framing {
	if pts == nil {
		for i := range 8 {
			p := lo
			if i&1 != 0 {
				p[0] = hi[0]
			}
			if i&2 != 0 {
				p[1] = hi[1]
			}
			if i&4 != 0 {
				p[2] = hi[2]
			}
			pts = append(pts, p)
		}
	}
	target := lo.Add(hi).Mul(0.5)
	dir := mgl64.Vec3{math.Cos(c.Pitch) * math.Cos(c.Yaw), math.Cos(c.Pitch) * math.Sin(c.Yaw), math.Sin(c.Pitch)}
	at := func(d float64) framing {
		eye := target.Add(dir.Mul(d))
		view := mgl64.LookAtV(eye, target, mgl64.Vec3{0, 0, 1})
		return framing{eye: eye, vp: mgl64.Perspective(cameraFovY, aspect, cameraNear, math.Max(cameraFar, 4*d)).Mul4(view)}
	}
	// bounds returns the screen bounds of the points in front of the eye
	// and whether all are.
	bounds := func(fr framing) (x0, x1, y0, y1 float64, all bool) {
		x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		all = true
		for _, p := range pts {
			q := fr.vp.Mul4x1(p.Vec4(1))
			if q[3] < cameraNear {
				all = false
				continue
			}
			x, y := q[0]/q[3], q[1]/q[3]
			x0, x1, y0, y1 = math.Min(x0, x), math.Max(x1, x), math.Min(y0, y), math.Max(y1, y)
		}
		return x0, x1, y0, y1, all
	}
	near, far := 0.05, 200.0
	for range 40 {
		mid := math.Sqrt(near * far)
		if x0, x1, y0, y1, all := bounds(at(mid)); all && x1-x0 <= 2*limitX && y1-y0 <= 2*limitY {
			far = mid
		} else {
			near = mid
		}
	}
	fr := at(far * c.Distance / defaultDistance)
	if x0, x1, y0, y1, _ := bounds(fr); x0 <= x1 {
		shift := mgl64.Translate3D(-(x0+x1)/2, -(y0+y1)/2, 0)
		fr.vp = shift.Mul4(fr.vp)
	}
	return fr
}
