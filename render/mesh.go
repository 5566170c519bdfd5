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
	line       polyline
	lines      lineMesh
}

// DrawMesh draws f as a shaded triangle mesh seen through cam, clipped to
// rect, then each path on the surface. The surface is normalised: x and y to
// [-1,1] across the field's rectangle and height to s.At(value) in [0,1];
// the grid is subsampled to at most 64×64 quads. Quads are sorted by the
// distance of their centres from the eye and drawn back to front (the
// painter's algorithm) with vertex colours from Viridis, shaded by a fixed
// light. Quads with a NaN corner are left out. Paths are traced at the
// surface's height (a bilinear sample of f) and drawn over the mesh. It
// panics if f's values do not fill its grid.
func DrawMesh(dst *ebiten.Image, rect image.Rectangle, f Field, s ColorScale, cam Camera, paths []Path) {
	checkField(f)
	if rect.Empty() {
		return
	}
	b := &meshBuffers
	b.cols = gridStops(b.cols[:0], f.Cols)
	b.rows = gridStops(b.rows[:0], f.Rows)
	nc, nr := len(b.cols), len(b.rows)
	n := nc * nr
	b.world = slices.Grow(b.world[:0], n)[:n]
	b.valid = slices.Grow(b.valid[:0], n)[:n]
	b.vertices = slices.Grow(b.vertices[:0], n)[:n]
	for j, r := range b.rows {
		for i, c := range b.cols {
			v := f.Values[r*f.Cols+c]
			k := j*nc + i
			b.world[k] = mgl64.Vec3{
				-1 + 2*float64(c)/float64(f.Cols-1),
				-1 + 2*float64(r)/float64(f.Rows-1),
				s.At(v),
			}
			b.valid[k] = !math.IsNaN(v)
		}
	}

	vp := cam.viewProjection(float64(rect.Dx()) / float64(rect.Dy()))
	for k, p := range b.world {
		x, y, ok := project(vp, rect, p)
		b.valid[k] = b.valid[k] && ok
		shade := float32(meshAmbient + meshDiffuse*math.Max(0, nodeNormal(b.world, b.valid, k, nc, nr).Dot(meshLight)))
		clr := Viridis(p[2])
		b.vertices[k] = ebiten.Vertex{
			DstX: float32(x), DstY: float32(y), SrcX: 1.5, SrcY: 1.5,
			ColorR: float32(clr.R) / 255 * shade,
			ColorG: float32(clr.G) / 255 * shade,
			ColorB: float32(clr.B) / 255 * shade,
			ColorA: 1,
		}
	}

	eye := cam.eye()
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
	clip.DrawTriangles(b.vertices, b.indices, whitePixel(), &ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha, AntiAlias: true})

	b.lines.reset()
	for _, p := range paths {
		addMeshPath(&b.lines, rect, f, s, vp, p)
	}
	b.lines.draw(clip)
}

// gridStops appends to dst the grid indices the mesh samples out of n: every
// step-th from 0, where step keeps at most meshMaxQuads intervals, and n-1.
func gridStops(dst []int, n int) []int {
	step := (n - 1 + meshMaxQuads - 1) / meshMaxQuads
	for i := 0; i < n-1; i += step {
		dst = append(dst, i)
	}
	return append(dst, n-1)
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
// surface's height, projected, and stroked over a dark casing, with a ring at
// the last point.
func addMeshPath(m *lineMesh, rect image.Rectangle, f Field, s ColorScale, vp mgl64.Mat4, p Path) {
	l := &meshBuffers.line
	bounds := boxAround(rect, clipMargin)
	l.reset(bounds)
	var lastX, lastY float64
	var lastOK bool
	for _, pt := range p.Points {
		world := mgl64.Vec3{
			-1 + 2*(pt[0]-f.XMin)/(f.XMax-f.XMin),
			-1 + 2*(pt[1]-f.YMin)/(f.YMax-f.YMin),
			s.At(f.Sample(pt[0], pt[1])) + meshLift,
		}
		x, y, ok := project(vp, rect, world)
		if !ok {
			l.lift()
		} else {
			l.add(x, y)
		}
		lastX, lastY, lastOK = x, y, ok
	}
	clr := toPremul(p.Color)
	l.stroke(m, pathWidth+2*caseWidth, toPremul(caseColor))
	l.stroke(m, pathWidth, clr)
	if lastOK && bounds.contains(lastX, lastY) {
		addHead(m, lastX, lastY, clr)
	}
}
