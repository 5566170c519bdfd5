package render

import (
	"image"
	"image/color"
	"math"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
)

// fringeWidth is the width in pixels of the ramp from full to zero alpha
// along the edges of lineMesh shapes, which anti-aliases them.
const fringeWidth = 1

// whitePixel is a one-pixel white source image for DrawTriangles.
var whitePixel = sync.OnceValue(func() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
})

// premul is a colour as premultiplied components in [0,1], as vertices
// take it.
type premul [4]float32

// toPremul converts clr to premul.
func toPremul(clr color.Color) premul {
	r, g, b, a := clr.RGBA()
	return premul{float32(r) / 0xffff, float32(g) / 0xffff, float32(b) / 0xffff, float32(a) / 0xffff}
}

// lineMesh collects anti-aliased line segments, discs and rings as
// triangles with alpha fringes along their edges, the technique of Dear
// ImGui's anti-aliased lines, and draws them with one DrawTriangles32 call.
// Shapes are drawn in the order they were added. Overlapping shapes blend
// twice where they overlap, so translucent colours show darker joints; the
// package uses opaque colours for paths. Ebitengine's vector package
// anti-aliases with stencil passes that cost llvmpipe tens of milliseconds
// per thousand-point path; this costs a few vertices per segment.
type lineMesh struct {
	vertices []ebiten.Vertex
	indices  []uint32
}

// lineMeshOptions are the options of every lineMesh draw.
var lineMeshOptions = ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha}

// reset empties the mesh, keeping its buffers.
func (m *lineMesh) reset() {
	m.vertices, m.indices = m.vertices[:0], m.indices[:0]
}

// draw draws the mesh's shapes on dst.
func (m *lineMesh) draw(dst *ebiten.Image) {
	if len(m.indices) > 0 {
		dst.DrawTriangles32(m.vertices, m.indices, whitePixel(), &lineMeshOptions)
	}
}

// vertex adds a vertex and returns its index.
func (m *lineMesh) vertex(x, y float64, c premul) uint32 {
	m.vertices = append(m.vertices, ebiten.Vertex{
		DstX: float32(x), DstY: float32(y), SrcX: 1.5, SrcY: 1.5,
		ColorR: c[0], ColorG: c[1], ColorB: c[2], ColorA: c[3],
	})
	return uint32(len(m.vertices) - 1)
}

// quad adds the quadrilateral a-b-c-d as two triangles.
func (m *lineMesh) quad(a, b, c, d uint32) {
	m.indices = append(m.indices, a, b, c, a, c, d)
}

// core returns the half-width of the full-alpha core of a shape whose edges
// lie width/2 from its middle, and the colour: a shape thinner than the
// fringe has no core and is faded by its width instead.
func core(width float64, c premul) (half float64, faded premul) {
	if width >= fringeWidth {
		return (width - fringeWidth) / 2, c
	}
	k := float32(width / fringeWidth)
	return 0, premul{c[0] * k, c[1] * k, c[2] * k, c[3] * k}
}

// segment adds a line from (x0, y0) to (x1, y1), width pixels wide, with
// fringes along its sides. With square set its ends extend width/2 past the
// points, which closes the joints of a polyline drawn as separate segments;
// without it the ends are cut square at the points, so that translucent
// segments drawn end to end do not overlap.
func (m *lineMesh) segment(x0, y0, x1, y1, width float64, c premul, square bool) {
	width *= uiScale
	dx, dy := x1-x0, y1-y0
	length := math.Hypot(dx, dy)
	if length == 0 {
		if !square {
			return
		}
		dx, length = 1, 1
	}
	ux, uy := dx/length, dy/length
	if square {
		x0, y0 = x0-ux*width/2, y0-uy*width/2
		x1, y1 = x1+ux*width/2, y1+uy*width/2
	}
	nx, ny := -uy, ux
	hc, c := core(width, c)
	ho := hc + fringeWidth
	var clear premul
	l0 := m.vertex(x0+nx*ho, y0+ny*ho, clear)
	c0 := m.vertex(x0+nx*hc, y0+ny*hc, c)
	r0 := m.vertex(x0-nx*hc, y0-ny*hc, c)
	f0 := m.vertex(x0-nx*ho, y0-ny*ho, clear)
	l1 := m.vertex(x1+nx*ho, y1+ny*ho, clear)
	c1 := m.vertex(x1+nx*hc, y1+ny*hc, c)
	r1 := m.vertex(x1-nx*hc, y1-ny*hc, c)
	f1 := m.vertex(x1-nx*ho, y1-ny*ho, clear)
	m.quad(l0, l1, c1, c0)
	m.quad(c0, c1, r1, r0)
	m.quad(r0, r1, f1, f0)
}

// sides returns the number of sides of the polygon that stands for a circle
// of radius r: edges of about two pixels, between 8 and 32.
func sides(r float64) int {
	return min(max(int(math.Ceil(math.Pi*r)), 8), 32)
}

// disc adds a filled circle of radius r around (x, y).
func (m *lineMesh) disc(x, y, r float64, c premul) {
	r *= uiScale
	hc, c := core(2*r, c)
	ho := hc + fringeWidth
	n := sides(r)
	centre := m.vertex(x, y, c)
	first := uint32(len(m.vertices))
	for i := range n {
		s, co := math.Sincos(2 * math.Pi * float64(i) / float64(n))
		m.vertex(x+hc*co, y+hc*s, c)
		m.vertex(x+ho*co, y+ho*s, premul{})
	}
	for i := range uint32(n) {
		j := (i + 1) % uint32(n)
		in0, out0, in1, out1 := first+2*i, first+2*i+1, first+2*j, first+2*j+1
		m.indices = append(m.indices, centre, in0, in1)
		m.quad(in0, out0, out1, in1)
	}
}

// ring adds a circle of radius r around (x, y) stroked width pixels wide.
func (m *lineMesh) ring(x, y, r, width float64, c premul) {
	r, width = r*uiScale, width*uiScale
	hc, c := core(width, c)
	radii := [4]float64{r - hc - fringeWidth, r - hc, r + hc, r + hc + fringeWidth}
	n := sides(r)
	first := uint32(len(m.vertices))
	for i := range n {
		s, co := math.Sincos(2 * math.Pi * float64(i) / float64(n))
		for k, rk := range radii {
			ck := c
			if k == 0 || k == 3 {
				ck = premul{}
			}
			m.vertex(x+rk*co, y+rk*s, ck)
		}
	}
	for i := range uint32(n) {
		a, b := first+4*i, first+4*((i+1)%uint32(n))
		for k := range uint32(3) {
			m.quad(a+k, b+k, b+k+1, a+k+1)
		}
	}
}
