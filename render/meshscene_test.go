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

// himmelblauMinima are Himmelblau's four minima.
var himmelblauMinima = [][2]float64{{3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}}

// meshScene draws the 3-D golden scene into a w×h canvas: Himmelblau's
// mesh on a log scale with its contours on the floor, the axes, a path
// and its four minima starred, less what edit takes out of the options.
func meshScene(w, h int, edit func(*MeshOptions)) *image.RGBA {
	dst := newCanvas(w, h)
	f := himmelblauField()
	layer := NewSurfaceLayer(f, true, 10)
	opt := MeshOptions{Axes: true, XLabel: "x", YLabel: "y", ZLabel: "loss", Minima: himmelblauMinima, Contours: layer.Contours()}
	if edit != nil {
		edit(&opt)
	}
	DrawMesh(dst, image.Rect(0, 0, w, h), f, layer.Scale(), DefaultCamera(),
		[]Path{himmelblauPath(color.RGBA{0xe6, 0x9f, 0x00, 0xff})}, opt)
	return readImage(dst)
}

// TestMeshAxesGolden renders the 3-D view with axes, ticks and labels,
// the minima marked and contour lines on the floor, and compares it with
// testdata/mesh_axes.png.
func TestMeshAxesGolden(t *testing.T) {
	checkGolden(t, "mesh_axes.png", meshScene(480, 360, nil))
}

// TestMeshSceneParts checks that each part of the 3-D scene draws what it
// should: the axes' numbers and labels (drawn in a theme whose ink is
// magenta, the only magenta in the scene), the contours on the floor
// (pixels that differ from the floor without them), and a white star on
// each minimum (white pixels the scene without minima lacks; the surface
// and the path have none).
func TestMeshSceneParts(t *testing.T) {
	defer SetTheme(CurrentTheme())
	magenta := DarkTheme
	magenta.Ink = color.NRGBA{0xff, 0x00, 0xff, 0xff}
	SetTheme(magenta)
	inked := meshScene(480, 360, nil)
	SetTheme(DarkTheme)
	labels := 0
	for i := 0; i < len(inked.Pix); i += 4 {
		if r, g, b := inked.Pix[i], inked.Pix[i+1], inked.Pix[i+2]; r > 0x90 && b > 0x90 && g < 0x50 {
			labels++
		}
	}
	full := meshScene(480, 360, nil)
	count := func(without *image.RGBA, match func(c color.RGBA) bool) int {
		n := 0
		for i := 0; i < len(full.Pix); i += 4 {
			c := color.RGBA{full.Pix[i], full.Pix[i+1], full.Pix[i+2], 0xff}
			w := color.RGBA{without.Pix[i], without.Pix[i+1], without.Pix[i+2], 0xff}
			if c != w && match(c) {
				n++
			}
		}
		return n
	}
	contours := count(meshScene(480, 360, func(o *MeshOptions) { o.Contours = nil }), func(color.RGBA) bool { return true })
	stars := count(meshScene(480, 360, func(o *MeshOptions) { o.Minima = nil }), func(c color.RGBA) bool { return c.R > 0xf0 && c.G > 0xf0 && c.B > 0xf0 })
	t.Logf("the axes' text: %d px; the floor's contours: %d px; the stars: %d white px", labels, contours, stars)
	if labels < 300 {
		t.Errorf("the axes' numbers and labels have %d pixels of ink, want at least 300", labels)
	}
	if contours < 1000 {
		t.Errorf("the floor's contours change %d pixels, want at least 1000", contours)
	}
	if stars < 4*20 {
		t.Errorf("the minima's stars add %d white pixels, want at least 20 for each of the 4", stars)
	}
}
