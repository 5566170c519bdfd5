package render

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// himmelblauField is Himmelblau's function (x² + y − 11)² + (x + y² − 7)²
// on a 96×96 grid over [-5,5]²: four minima, a local maximum between them.
func himmelblauField() Field {
	return gridField(96, -5, 5, func(x, y float64) float64 {
		a, b := x*x+y-11, x+y*y-7
		return a*a + b*b
	})
}

// himmelblauPath is a path descending from (0, -4) into the minimum at
// (3.584428, -1.848126).
func himmelblauPath(clr color.RGBA) Path {
	p := Path{Color: clr, Name: "descent"}
	for k := range 30 {
		t := 1 - math.Pow(0.85, float64(k))
		p.Points = append(p.Points, [2]float64{3.584428 * t, -4 + (4-1.848126)*t + 0.6*math.Sin(3*t)})
	}
	return p
}

// meshScene draws the 3-D golden scene into a w×h canvas: Himmelblau's
// mesh on a log scale with its contours on the floor, the axes, a path
// and its four minima starred.
func meshScene(w, h int) *image.RGBA {
	dst := newCanvas(w, h)
	f := himmelblauField()
	layer := NewSurfaceLayer(f, true, 10)
	minima := [][2]float64{{3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}}
	DrawMesh(dst, image.Rect(0, 0, w, h), f, layer.Scale(), DefaultCamera(),
		[]Path{himmelblauPath(color.RGBA{0xe6, 0x9f, 0x00, 0xff})},
		MeshOptions{Axes: true, XLabel: "x", YLabel: "y", ZLabel: "loss", Minima: minima, Contours: layer.Contours()})
	return readImage(dst)
}

// TestMeshAxesGolden renders the 3-D view with axes, ticks and labels,
// the minima marked and contour lines on the floor, and compares it with
// testdata/mesh_axes.png.
func TestMeshAxesGolden(t *testing.T) {
	checkGolden(t, "mesh_axes.png", meshScene(480, 360))
}

// TestMeshFocus draws Himmelblau's mesh focused on the quarter around the
// minimum at (3, 2) and checks that the mesh is cut to it (its nodes span
// [-1,1]² in the scene, from the focus's edges) with its heights
// stretched to fill [0, 1], and compares the picture with
// testdata/mesh_focus.png.
func TestMeshFocus(t *testing.T) {
	dst := newCanvas(320, 240)
	f := himmelblauField()
	layer := NewSurfaceLayer(f, true, 10)
	focus := [4]float64{1, 5, 0, 4}
	DrawMesh(dst, image.Rect(0, 0, 320, 240), f, layer.Scale(), DefaultCamera(), nil,
		MeshOptions{Axes: true, XLabel: "x", YLabel: "y", ZLabel: "loss", Minima: [][2]float64{{3, 2}}, Contours: layer.Contours(), Focus: focus})
	lo, hi := [3]float64{math.Inf(1), math.Inf(1), math.Inf(1)}, [3]float64{math.Inf(-1), math.Inf(-1), math.Inf(-1)}
	for _, p := range meshBuffers.world {
		for i := range 3 {
			lo[i], hi[i] = math.Min(lo[i], p[i]), math.Max(hi[i], p[i])
		}
	}
	for i, name := range []string{"x", "y", "height"} {
		if math.Abs(lo[i]-map[bool]float64{true: 0, false: -1}[i == 2]) > 1e-9 || math.Abs(hi[i]-1) > 1e-9 {
			t.Errorf("the focused mesh's %s spans %g…%g, want the scene's whole range", name, lo[i], hi[i])
		}
	}
	if m := lastMeshMap; m.x0 > focus[0] || m.x0 < focus[0]-0.2 || m.x1 < focus[1] || m.x1 > focus[1]+0.2 {
		t.Errorf("the mesh spans x %g…%g, want the focus's %g…%g to the grid nodes around it", m.x0, m.x1, focus[0], focus[1])
	}
	checkGolden(t, "mesh_focus.png", readImage(dst))
}
