package render

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// bowlField is f = x² + y² on a 64×64 grid over [-2,2]².
func bowlField() Field {
	return gridField(64, -2, 2, func(x, y float64) float64 { return x*x + y*y })
}

// spiralPath is a path that spirals into the origin from (1.6, 0).
func spiralPath(clr color.RGBA) Path {
	p := Path{Color: clr, Name: "spiral"}
	for k := range 40 {
		r := 1.6 * math.Pow(0.93, float64(k))
		a := 0.35 * float64(k)
		p.Points = append(p.Points, [2]float64{r * math.Cos(a), 1.2 * r * math.Sin(a)})
	}
	return p
}

// bowlViewport is the viewport of the surface tests: [-2,2]² on 200×150.
var bowlViewport = Viewport{XMin: -2, XMax: 2, YMin: -2, YMax: 2, Rect: image.Rect(0, 0, 200, 150)}

// TestSurfaceLayerGolden renders the bowl's heatmap with eight contour
// levels, a spiral path with markers and the minimum, and compares it with
// testdata/surface_path.png.
func TestSurfaceLayerGolden(t *testing.T) {
	dst := newCanvas(200, 150)
	layer := NewSurfaceLayer(bowlField(), false, 8)
	layer.Draw(dst, bowlViewport)
	DrawPath(dst, bowlViewport, spiralPath(color.RGBA{0xe6, 0x39, 0x46, 0xff}), true)
	DrawMinimum(dst, bowlViewport, 0, 0)
	checkGolden(t, "surface_path.png", readImage(dst))
}

// TestSurfaceLayerPixels checks the heatmap's meaning: the bowl's centre is
// viridis-dark, a corner (above the 98th percentile) viridis-bright, and a
// point's colour is Viridis of its value on the scale.
func TestSurfaceLayerPixels(t *testing.T) {
	dst := newCanvas(200, 150)
	layer := NewSurfaceLayer(bowlField(), false, 0)
	layer.Draw(dst, bowlViewport)
	got := readImage(dst)

	s := layer.Scale()
	if s.Log || s.Min < 0 || s.Min > 0.01 || s.Max > 8 {
		t.Errorf("scale = %+v, want linear from about 0", s)
	}
	// Bilinear filtering blends neighbouring grid colours, so a pixel may
	// differ a little from Viridis of the exact value at its centre.
	for _, p := range [][2]int{{100, 75}, {3, 3}, {150, 100}, {60, 40}, {20, 120}, {110, 20}, {190, 75}} {
		x, y := bowlViewport.ToParams(float64(p[0])+0.5, float64(p[1])+0.5)
		want := Viridis(s.At(x*x + y*y))
		if g := pixel(got, p[0], p[1]); !closeRGBA(g, want, 6) {
			t.Errorf("pixel %v at (%.2f, %.2f) = %v, want Viridis(At) = %v ±6", p, x, y, g, want)
		}
	}
	if c := pixel(got, 100, 75); !(c.R < 80 && c.G < 20 && c.B > 60) {
		t.Errorf("centre pixel %v is not viridis-dark", c)
	}
	if c := pixel(got, 0, 0); !closeRGBA(c, color.RGBA{0xfd, 0xe7, 0x25, 0xff}, 3) {
		t.Errorf("corner pixel %v is not viridis-bright #fde725", c)
	}
}

// TestSurfaceLayerZoomAndResize draws one layer into viewports of other
// sizes and parameter rectangles: the heatmap follows the viewport (the
// value at each pixel is still the bowl's), the contour overlay is redrawn
// for each, and nothing lands outside the viewport. Then it releases the
// layer.
func TestSurfaceLayerZoomAndResize(t *testing.T) {
	layer := NewSurfaceLayer(bowlField(), false, 6)
	s := layer.Scale()
	for _, v := range []Viewport{
		{XMin: -2, XMax: 2, YMin: -2, YMax: 2, Rect: image.Rect(10, 10, 110, 85)},
		{XMin: -1, XMax: 1, YMin: -1, YMax: 1, Rect: image.Rect(0, 0, 160, 120)},
		{XMin: 0, XMax: 2, YMin: -2, YMax: 0, Rect: image.Rect(20, 30, 180, 150)},
	} {
		dst := newCanvas(200, 160)
		layer.Draw(dst, v)
		got := readImage(dst)
		for _, f := range [][2]float64{{0.1, 0.1}, {0.77, 0.3}, {0.45, 0.9}} {
			px := v.Rect.Min.X + int(f[0]*float64(v.Rect.Dx()))
			py := v.Rect.Min.Y + int(f[1]*float64(v.Rect.Dy()))
			x, y := v.ToParams(float64(px)+0.5, float64(py)+0.5)
			want := Viridis(s.At(x*x + y*y))
			// Contour lines may cross a sampled pixel, hence the tolerance.
			if g := pixel(got, px, py); !closeRGBA(g, want, 40) {
				t.Errorf("viewport %+v: pixel (%d,%d) at (%.2f,%.2f) = %v, want about %v", v, px, py, x, y, g, want)
			}
		}
		for y := range 160 {
			for x := range 200 {
				if !image.Pt(x, y).In(v.Rect) && pixel(got, x, y) != backgroundColor {
					t.Fatalf("viewport %+v: pixel (%d,%d) outside its rectangle drawn", v, x, y)
				}
			}
		}
	}
	layer.Deallocate()
}
