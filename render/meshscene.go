package render

import (
	"image"
	"math"
	"slices"

	"github.com/go-gl/mathgl/mgl64"
	"github.com/hajimehoshi/ebiten/v2"
)

// The 3-D axes' sizes: tick marks in world units (the surface is 2
// wide), lines in pixels at line scale 1.
const (
	sceneTick      = 0.05
	sceneAxisWidth = 1.25
	sceneFloorLine = 1
	sceneContour   = 1.25
)

// sceneMesh is the reused geometry of the 3-D scene's floor and axes.
var sceneMesh lineMesh

// scene is one DrawMesh call's view of the world: where it draws, the
// field and colour scale that place points, and the camera.
type scene struct {
	dst  *ebiten.Image // clipped to rect
	rect image.Rectangle
	f    Field
	m    meshMap
	vp   mgl64.Mat4
	eye  mgl64.Vec3
}

// point returns the world position of the parameter point (x, y) at
// height z.
func (sc *scene) point(x, y, z float64) mgl64.Vec3 {
	m := sc.m
	return mgl64.Vec3{-1 + 2*(x-m.x0)/(m.x1-m.x0), -1 + 2*(y-m.y0)/(m.y1-m.y0), z}
}

// project returns p's screen position and whether it is in front of the
// camera.
func (sc *scene) project(p mgl64.Vec3) (x, y float64, ok bool) {
	return project(sc.vp, sc.rect, p)
}

// segment adds the world segment a–b to m, projected, if both ends are in
// front of the camera.
func (sc *scene) segment(m *lineMesh, a, b mgl64.Vec3, width float64, c premul) {
	x0, y0, ok0 := sc.project(a)
	x1, y1, ok1 := sc.project(b)
	if ok0 && ok1 {
		m.segment(x0, y0, x1, y1, width, c, true)
	}
}

// drawFloor draws the floor under the surface (a translucent plane with a
// frame) and each contour level on it, cut to the shown window, in the
// colour map's colour of its level, kept from the map's darkest and
// brightest ends so that it shows on either theme's background.
func (sc *scene) drawFloor(levels []ContourLevel) {
	var corners [4][2]float32
	for i, c := range [4][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}} {
		x, y, ok := sc.project(mgl64.Vec3{c[0], c[1], floorZ})
		if !ok {
			return
		}
		corners[i] = [2]float32{float32(x), float32(y)}
	}
	m := &sceneMesh
	m.reset()
	floor := toPremul(theme.Floor)
	var idx [4]uint32
	for i, c := range corners {
		idx[i] = m.vertex(float64(c[0]), float64(c[1]), floor)
	}
	m.quad(idx[0], idx[1], idx[2], idx[3])
	frame := toPremul(theme.Frame)
	for i := range 4 {
		j := (i + 1) % 4
		m.segment(float64(corners[i][0]), float64(corners[i][1]), float64(corners[j][0]), float64(corners[j][1]), sceneFloorLine, frame, true)
	}
	window := box{sc.m.x0, sc.m.y0, sc.m.x1, sc.m.y1}
	for _, level := range levels {
		c := toPremul(Viridis(0.15 + 0.65*sc.m.s.At(level.Value)))
		for _, seg := range level.Segments {
			if x0, y0, x1, y1, ok := window.clipSegment(seg.X0, seg.Y0, seg.X1, seg.Y1); ok {
				sc.segment(m, sc.point(x0, y0, floorZ), sc.point(x1, y1, floorZ), sceneContour, c)
			}
		}
	}
	m.draw(sc.dst)
}

// drawMinimum marks the parameter point (x, y) on the surface with the
// minimum's star.
func (sc *scene) drawMinimum(x, y float64) {
	v := sc.f.Sample(x, y)
	if math.IsNaN(v) || x < sc.m.x0 || x > sc.m.x1 || y < sc.m.y0 || y > sc.m.y1 {
		return
	}
	p := sc.m.world(x, y, v)
	p[2] += meshLift
	sx, sy, ok := sc.project(p)
	if ok && boxAround(sc.rect, 0).contains(sx, sy) {
		drawStar(sc.dst, sx, sy)
	}
}

// sceneLabel is a label of the 3-D axes: its text and the screen point
// its box is pushed away from, in the screen direction (ux, uy).
type sceneLabel struct {
	text   string
	x, y   float64
	ux, uy float64
	dist   float64 // how far from (x, y) the box's near edge sits
	// rank orders the labels for room: captions first, then the ends of
	// each axis, then the inner ticks; a label that would overlap one
	// drawn before it is left out.
	rank int
}

// drawAxes draws the x axis along the floor's edge nearest the eye among
// those parallel to x, the y axis likewise, and the loss axis upright at
// the floor corner to the left on screen of the two beside the front one,
// each with tick marks, numbers and its label.
func (sc *scene) drawAxes(xLabel, yLabel, zLabel string) {
	xs, ys := sign(sc.eye[0]), sign(sc.eye[1])
	m := &sceneMesh
	m.reset()
	ink := toPremul(theme.Frame)
	ts := TextScale()
	var labels []sceneLabel

	// along adds ticks at the parameter values of an axis running from a
	// to b (world points at the ends of the axis' range lo..hi), each
	// pushed outwards along out.
	along := func(a, b mgl64.Vec3, lo, hi float64, out mgl64.Vec3, caption string) {
		x0, y0, ok0 := sc.project(a)
		x1, y1, ok1 := sc.project(b)
		if !ok0 || !ok1 {
			return
		}
		sc.segment(m, a, b, sceneAxisWidth, ink)
		n := max(3, int(math.Hypot(x1-x0, y1-y0)/(xTickSpacing*ts)))
		ticks := NiceTicks(lo, hi, n)
		step := tickStep(ticks, hi-lo)
		widest := 0.0
		for i, t := range ticks {
			p := a.Add(b.Sub(a).Mul((t - lo) / (hi - lo)))
			sc.segment(m, p, p.Add(out.Mul(sceneTick)), sceneAxisWidth, ink)
			l, ok := sc.labelAt(formatTick(t, step), p, out)
			if ok {
				l.rank = endRank(i, len(ticks))
				labels = append(labels, l)
				widest = math.Max(widest, TextWidth(l.text))
			}
		}
		if caption != "" {
			if l, ok := sc.labelAt(caption, a.Add(b).Mul(0.5), out); ok {
				l.dist += math.Abs(l.ux)*widest + math.Abs(l.uy)*LineHeight() + tickLabelGap*ts
				labels = append(labels, l)
			}
		}
	}
	along(mgl64.Vec3{-1, ys, floorZ}, mgl64.Vec3{1, ys, floorZ}, sc.m.x0, sc.m.x1, mgl64.Vec3{0, ys, 0}, xLabel)
	along(mgl64.Vec3{xs, -1, floorZ}, mgl64.Vec3{xs, 1, floorZ}, sc.m.y0, sc.m.y1, mgl64.Vec3{xs, 0, 0}, yLabel)

	// The loss axis: at whichever side corner is further left on screen.
	cx, cy := xs, -ys
	ax, _, _ := sc.project(mgl64.Vec3{xs, -ys, 0})
	bx, _, _ := sc.project(mgl64.Vec3{-xs, ys, 0})
	if bx < ax {
		cx, cy = -xs, ys
	}
	out := mgl64.Vec3{cx, cy, 0}.Normalize()
	sc.segment(m, mgl64.Vec3{cx, cy, floorZ}, mgl64.Vec3{cx, cy, 1}, sceneAxisWidth, ink)
	zTicks := sc.heightTicks()
	for i, t := range zTicks {
		p := mgl64.Vec3{cx, cy, t.T}
		sc.segment(m, p, p.Add(out.Mul(sceneTick)), sceneAxisWidth, ink)
		if l, ok := sc.labelAt(formatValue(t.Value), p, out); ok {
			l.rank = endRank(i, len(zTicks))
			labels = append(labels, l)
		}
	}
	m.draw(sc.dst)
	if zLabel != "" {
		if x, y, ok := sc.project(mgl64.Vec3{cx, cy, 1}); ok {
			labels = append(labels, sceneLabel{text: zLabel, x: x, y: y, ux: 0, uy: -1, dist: LineHeight()})
		}
	}
	slices.SortStableFunc(labels, func(a, b sceneLabel) int { return a.rank - b.rank })
	var drawn []image.Rectangle
	for _, l := range labels {
		box := sc.labelBox(l)
		if slices.ContainsFunc(drawn, box.Overlaps) {
			continue
		}
		drawn = append(drawn, box)
		DrawText(sc.dst, l.text, float64(box.Min.X+box.Max.X)/2, float64(box.Min.Y), theme.Ink, AlignCenter)
	}
}

// heightTicks returns the loss axis' ticks: the colour bar's values
// (ColorBarTicks) that lie in the shown heights, at their heights, with
// the lowest and highest shown values at the axis' ends.
func (sc *scene) heightTicks() []ColorBarTick {
	m := sc.m
	ticks := []ColorBarTick{{Value: m.s.Inverse(m.lo), T: 0}}
	for _, t := range ColorBarTicks(m.s) {
		if h := m.height(t.T); h > 0.06 && h < 0.94 {
			ticks = append(ticks, ColorBarTick{Value: t.Value, T: h})
		}
	}
	return append(ticks, ColorBarTick{Value: m.s.Inverse(m.hi), T: 1})
}

// endRank ranks the i-th of n ticks: the two ends before the others.
func endRank(i, n int) int {
	if i == 0 || i == n-1 {
		return 1
	}
	return 2
}

// labelAt returns a label of text for the world point p, pushed away
// from it along the screen direction of out, past the tick mark.
func (sc *scene) labelAt(text string, p, out mgl64.Vec3) (sceneLabel, bool) {
	x0, y0, ok0 := sc.project(p)
	x1, y1, ok1 := sc.project(p.Add(out.Mul(sceneTick)))
	if !ok0 || !ok1 {
		return sceneLabel{}, false
	}
	dx, dy := x1-x0, y1-y0
	n := math.Hypot(dx, dy)
	if n < 1e-9 {
		dx, dy, n = 0, 1, 1
	}
	return sceneLabel{text: text, x: x0, y: y0, ux: dx / n, uy: dy / n, dist: n + tickLabelGap*TextScale()}, true
}

// labelBox returns the screen box of l's text: just beyond l.dist from
// its point in its direction, its centre pushed by half the box's extent
// along that direction, so that the text never covers the axis.
func (sc *scene) labelBox(l sceneLabel) image.Rectangle {
	w, h := TextWidth(l.text), LineHeight()
	reach := l.dist + math.Abs(l.ux)*w/2 + math.Abs(l.uy)*h/2
	cx, cy := l.x+l.ux*reach, l.y+l.uy*reach
	x0, y0 := int(math.Round(cx-w/2)), int(math.Round(cy-h/2))
	return image.Rect(x0, y0, x0+int(math.Ceil(w)), y0+int(h))
}

// sign is -1 for negative x and 1 otherwise.
func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}
