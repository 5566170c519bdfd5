package render

import (
	"cmp"
	"image"
	"math"
	"slices"

	"github.com/go-gl/mathgl/mgl64"
	"github.com/hajimehoshi/ebiten/v2"
)

// The mesh's resolution and lighting.
const (
	meshMaxQuads = 64   // per side
	meshAmbient  = 0.5  // shade of a face turned away from the light
	meshDiffuse  = 0.5  // added shade of a face turned to the light
	meshLift     = 0.01 // height added to paths so they ride on the surface
)

// meshLight is the unit direction towards the light, in world space.
var meshLight = mgl64.Vec3{0.3, -0.5, 1}.Normalize()

// meshQuad is a quad of the mesh, by its first node, and its distance from
// the eye.
type meshQuad struct {
	depth float64
	node  int
}

// meshBuffers are DrawMesh's reused buffers.
var meshBuffers struct {
	cols, rows []int
	world      []mgl64.Vec3
	valid      []bool
	vertices   []ebiten.Vertex
	quads      []meshQuad
	indices    []uint16
	shade      []float64
	line       polyline
	lines      lineMesh
	frame      []mgl64.Vec3
}

// MeshOptions are what DrawMesh draws around the surface, and the region
// it shows.
type MeshOptions struct {
	// Axes draws the floor's frame with the x and y axes along its front
	// edges and the loss axis at a side corner, each with ticks, numbers
	// and its label: XLabel, YLabel and ZLabel.
	Axes                   bool
	XLabel, YLabel, ZLabel string
	// Minima are parameter points marked with a star on the surface.
	Minima [][2]float64
	// Contours are drawn on the floor under the surface, each in the
	// colour map's colour of its level.
	Contours []ContourLevel
	// Focus is the parameter rectangle (xmin, xmax, ymin, ymax) the view
	// shows and the camera frames: the mesh is cut to it and its heights
	// stretched to the range of the colour scale over it. The zero value
	// shows the whole field.
	Focus [4]float64
}

// The 3-D scene's floor: the height of the plane under the surface (the
// surface's heights are in [0, 1]) on which contours are drawn.
const floorZ = -0.3

// meshMap places parameter points and values in the 3-D scene's world
// space: the window [x0,x1]×[y0,y1] onto [-1,1]², and a value's position
// on the colour scale, from lo to hi, onto heights 0 to 1.
type meshMap struct {
	x0, x1, y0, y1 float64
	s              ColorScale
	lo, hi         float64
}

// world returns the scene's point for the parameter point (x, y) at the
// height of the value v.
func (m meshMap) world(x, y, v float64) mgl64.Vec3 {
	return mgl64.Vec3{-1 + 2*(x-m.x0)/(m.x1-m.x0), -1 + 2*(y-m.y0)/(m.y1-m.y0), m.height(m.s.At(v))}
}

// lastMeshMap is the latest DrawMesh's map, for tests.
var lastMeshMap meshMap

// height returns the scene's height of the scale position t.
func (m meshMap) height(t float64) float64 {
	if m.hi-m.lo < 1e-9 {
		return t
	}
	return (t - m.lo) / (m.hi - m.lo)
}

// DrawMesh draws f as a shaded triangle mesh seen through cam, clipped to
// rect, then each path on the surface, and what opt asks for: contour
// lines on a floor under the surface, the axes, stars on the minima. The
// mesh covers opt.Focus (the whole field by default), x and y normalised
// to [-1,1] and the height to the value's position on s, stretched so that
// the lowest and highest over the focus are 0 and 1; the grid is
// subsampled to at most 64×64 quads. The camera looks from cam's direction
// at the scene's centre, from the nearest distance that shows the mesh
// (and the floor) whole, times cam's distance over the default one. Quads
// are sorted by the distance of their centres from the eye and drawn back
// to front (the painter's algorithm) with vertex colours from Viridis of
// the value's position on s (so the colour bar reads them), shaded by a
// fixed light. Quads with a NaN corner are left out. Paths are traced at
// the surface's height (a bilinear sample of f) and drawn over the mesh.
// It panics if f's values do not fill its grid.
func DrawMesh(dst *ebiten.Image, rect image.Rectangle, f Field, s ColorScale, cam Camera, paths []Path, opt MeshOptions) {
	checkField(f)
	if rect.Empty() {
		return
	}
	mm := meshMap{x0: f.XMin, x1: f.XMax, y0: f.YMin, y1: f.YMax, s: s, lo: 0, hi: 1}
	c0, c1, r0, r1 := 0, f.Cols-1, 0, f.Rows-1
	if fo := opt.Focus; fo != ([4]float64{}) && fo[0] < fo[1] && fo[2] < fo[3] {
		mm.x0, mm.x1 = math.Max(fo[0], f.XMin), math.Min(fo[1], f.XMax)
		mm.y0, mm.y1 = math.Max(fo[2], f.YMin), math.Min(fo[3], f.YMax)
		c0, c1 = gridSpan(mm.x0, mm.x1, f.XMin, f.XMax, f.Cols)
		r0, r1 = gridSpan(mm.y0, mm.y1, f.YMin, f.YMax, f.Rows)
		mm.x0, mm.x1, mm.y0, mm.y1 = f.X(c0), f.X(c1), f.Y(r0), f.Y(r1)
	}
	b := &meshBuffers
	b.cols = gridStops(b.cols[:0], c0, c1)
	b.rows = gridStops(b.rows[:0], r0, r1)
	nc, nr := len(b.cols), len(b.rows)
	n := nc * nr
	b.world = slices.Grow(b.world[:0], n)[:n]
	b.valid = slices.Grow(b.valid[:0], n)[:n]
	b.vertices = slices.Grow(b.vertices[:0], n)[:n]
	b.shade = slices.Grow(b.shade[:0], n)[:n]
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range b.rows {
		for _, c := range b.cols {
			if v := f.Values[r*f.Cols+c]; !math.IsNaN(v) {
				t := s.At(v)
				lo, hi = math.Min(lo, t), math.Max(hi, t)
			}
		}
	}
	if opt.Focus != ([4]float64{}) && lo < hi {
		mm.lo, mm.hi = lo, hi
	}
	for j, r := range b.rows {
		for i, c := range b.cols {
			v := f.Values[r*f.Cols+c]
			k := j*nc + i
			b.world[k] = mm.world(f.X(c), f.Y(r), v)
			b.shade[k] = s.At(v)
			b.valid[k] = !math.IsNaN(v)
		}
	}

	floor := opt.Axes || len(opt.Contours) > 0
	bottom := 0.0
	if floor {
		bottom = floorZ
	}
	b.frame = framePoints(b.frame[:0], b.world, b.valid, nc, nr, bottom)
	limitX, limitY := 0.95, 0.95
	if opt.Axes {
		// Room for the tick numbers and axis labels around the scene.
		limitX = math.Max(0.3, 1-2*(TextWidth("-0.000")+2*LineHeight())/float64(rect.Dx()))
		limitY = math.Max(0.3, 1-2*(2.5*LineHeight())/float64(rect.Dy()))
	}
	fr := cam.frame(float64(rect.Dx())/float64(rect.Dy()), mgl64.Vec3{-1, -1, bottom}, mgl64.Vec3{1, 1, 1}, b.frame, limitX, limitY)
	vp := fr.vp
	for k, p := range b.world {
		x, y, ok := project(vp, rect, p)
		b.valid[k] = b.valid[k] && ok
		shade := float32(meshAmbient + meshDiffuse*math.Max(0, nodeNormal(b.world, b.valid, k, nc, nr).Dot(meshLight)))
		clr := Viridis(b.shade[k])
		b.vertices[k] = ebiten.Vertex{
			DstX: float32(x), DstY: float32(y), SrcX: 1.5, SrcY: 1.5,
			ColorR: float32(clr.R) / 255 * shade,
			ColorG: float32(clr.G) / 255 * shade,
			ColorB: float32(clr.B) / 255 * shade,
			ColorA: 1,
		}
	}

	eye := fr.eye
	b.quads = b.quads[:0]
	for j := range nr - 1 {
		for i := range nc - 1 {
			k := j*nc + i
			if !(b.valid[k] && b.valid[k+1] && b.valid[k+nc] && b.valid[k+nc+1]) {
				continue
			}
			centre := b.world[k].Add(b.world[k+1]).Add(b.world[k+nc]).Add(b.world[k+nc+1]).Mul(0.25)
			b.quads = append(b.quads, meshQuad{depth: centre.Sub(eye).Len(), node: k})
		}
	}
	slices.SortFunc(b.quads, func(a, b meshQuad) int { return cmp.Compare(b.depth, a.depth) })
	b.indices = b.indices[:0]
	for _, q := range b.quads {
		k := uint16(q.node)
		w := uint16(nc)
		b.indices = append(b.indices, k, k+1, k+w+1, k, k+w+1, k+w)
	}
	clip := clipTo(dst, rect)
	lastMeshMap = mm
	sc := scene{dst: clip, rect: rect, f: f, m: mm, vp: vp, eye: eye}
	if floor {
		sc.drawFloor(opt.Contours)
	}
	clip.DrawTriangles(b.vertices, b.indices, whitePixel(), &ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha, AntiAlias: true})

	b.lines.reset()
	for _, p := range paths {
		addMeshPath(&b.lines, rect, f, mm, vp, p)
	}
	b.lines.draw(clip)
	for _, m := range opt.Minima {
		sc.drawMinimum(m[0], m[1])
	}
	if opt.Axes {
		sc.drawAxes(opt.XLabel, opt.YLabel, opt.ZLabel)
	}
}

// gridSpan returns the first and last of n grid indices over [min, max]
// that lie in [lo, hi], at least a few apart.
func gridSpan(lo, hi, min, max float64, n int) (first, last int) {
	step := (max - min) / float64(n-1)
	first = int(math.Floor((lo - min) / step))
	last = int(math.Ceil((hi - min) / step))
	first, last = clampInt(first, 0, n-1), clampInt(last, 0, n-1)
	for last-first < 4 && (first > 0 || last < n-1) {
		first, last = clampInt(first-1, 0, n-1), clampInt(last+1, 0, n-1)
	}
	return first, last
}

func clampInt(v, lo, hi int) int { return min(max(v, lo), hi) }

// framePoints appends to dst the points the camera must show: the mesh's
// valid nodes (every fourth along each axis, and the last), and the
// corners of [-1,1]² at height bottom (the floor, or 0), so that a field
// with NaN holes is framed whole.
func framePoints(dst, world []mgl64.Vec3, valid []bool, nc, nr int, bottom float64) []mgl64.Vec3 {
	for j := 0; j < nr; j++ {
		if j%4 != 0 && j != nr-1 {
			continue
		}
		for i := 0; i < nc; i++ {
			if i%4 != 0 && i != nc-1 {
				continue
			}
			if k := j*nc + i; valid[k] {
				dst = append(dst, world[k])
			}
		}
	}
	for _, c := range [4][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}} {
		dst = append(dst, mgl64.Vec3{c[0], c[1], bottom})
	}
	return dst
}

// gridStops appends to dst the grid indices the mesh samples from first to
// last: every step-th from first, where step keeps at most meshMaxQuads
// intervals, and last.
func gridStops(dst []int, first, last int) []int {
	step := max((last-first+meshMaxQuads-1)/meshMaxQuads, 1)
	for i := first; i < last; i += step {
		dst = append(dst, i)
	}
	return append(dst, last)
}

// project returns the screen position in rect of the world point p, and
// false for a point behind the camera.
func project(vp mgl64.Mat4, rect image.Rectangle, p mgl64.Vec3) (x, y float64, ok bool) {
	c := vp.Mul4x1(p.Vec4(1))
	if c[3] < cameraNear {
		return 0, 0, false
	}
	nx, ny := c[0]/c[3], c[1]/c[3]
	return float64(rect.Min.X) + (nx+1)/2*float64(rect.Dx()), float64(rect.Min.Y) + (1-ny)/2*float64(rect.Dy()), true
}

// nodeNormal returns the unit surface normal at node k of the nc×nr node
// grid, from central differences (one-sided at the borders and next to
// invalid nodes).
func nodeNormal(world []mgl64.Vec3, valid []bool, k, nc, nr int) mgl64.Vec3 {
	i, j := k%nc, k/nc
	slope := func(a, b int) float64 { // dz/d(distance) from node a to node b
		if !valid[a] || !valid[b] || a == b {
			return 0
		}
		d := world[b].Sub(world[a])
		return d[2] / math.Hypot(d[0], d[1])
	}
	neighbour := func(ii, jj, fallback int) int {
		if ii < 0 || ii >= nc || jj < 0 || jj >= nr || !valid[jj*nc+ii] {
			return fallback
		}
		return jj*nc + ii
	}
	dzdx := slope(neighbour(i-1, j, k), neighbour(i+1, j, k))
	dzdy := slope(neighbour(i, j-1, k), neighbour(i, j+1, k))
	return mgl64.Vec3{-dzdx, -dzdy, 1}.Normalize()
}

// addMeshPath adds p to m, traced on the mesh: each point lifted to the
// surface's height, projected, and stroked over the theme's casing, with a
// ring at the last point.
func addMeshPath(m *lineMesh, rect image.Rectangle, f Field, mm meshMap, vp mgl64.Mat4, p Path) {
	l := &meshBuffers.line
	bounds := boxAround(rect, clipMargin)
	l.reset(bounds)
	var lastX, lastY float64
	var lastOK bool
	for _, pt := range p.Points {
		world := mm.world(pt[0], pt[1], f.Sample(pt[0], pt[1]))
		world[2] += meshLift
		x, y, ok := project(vp, rect, world)
		if !ok {
			l.lift()
		} else {
			l.add(x, y)
		}
		lastX, lastY, lastOK = x, y, ok
	}
	clr := toPremul(p.Color)
	l.stroke(m, pathWidth+2*caseWidth, toPremul(theme.Case))
	l.stroke(m, pathWidth, clr)
	if lastOK && bounds.contains(lastX, lastY) {
		addHead(m, lastX, lastY, clr)
	}
}
