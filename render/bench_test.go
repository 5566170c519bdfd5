package render

import (
	"image"
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// rosenbrockField is Rosenbrock's function (1-x)² + 100(y-x²)² on an n×n
// grid over [-2,2]×[-1,3]: a curved valley with huge corners.
func rosenbrockField(n int) Field {
	f := Field{Values: make([]float64, n*n), Cols: n, Rows: n, XMin: -2, XMax: 2, YMin: -1, YMax: 3}
	for r := range n {
		for c := range n {
			x, y := f.X(c), f.Y(r)
			f.Values[r*n+c] = (1-x)*(1-x) + 100*(y-x*x)*(y-x*x)
		}
	}
	return f
}

// benchPaths returns k paths of n points each, zigzagging into (1, 1) as
// gradient descent does in Rosenbrock's valley.
func benchPaths(k, n int) []Path {
	paths := make([]Path, k)
	for i := range paths {
		p := Path{Color: Viridis(float64(i) / float64(k)), Name: "path"}
		for j := range n {
			decay := math.Exp(-float64(j) / float64(n) * 5)
			x := 1 - (2.5-0.3*float64(i))*decay
			y := x*x + 0.4*decay*math.Cos(float64(j)*math.Pi)
			p.Points = append(p.Points, [2]float64{x, y})
		}
		paths[i] = p
	}
	return paths
}

// flush waits for the GPU to finish dst's queued drawing by reading back one
// pixel.
func flush(dst *ebiten.Image, pix []byte) {
	dst.SubImage(image.Rect(0, 0, 1, 1)).(*ebiten.Image).ReadPixels(pix)
}

// BenchmarkSurfaceFrame draws one playground frame: a 256² Rosenbrock
// heatmap with 10 log-spaced contour levels (cached after the first frame)
// and 6 paths of 1000 points with markers, into 800×600, waiting for the GPU.
func BenchmarkSurfaceFrame(b *testing.B) {
	dst := ebiten.NewImage(800, 600)
	f := rosenbrockField(256)
	layer := NewSurfaceLayer(f, true, 10)
	paths := benchPaths(6, 1000)
	v := Viewport{XMin: f.XMin, XMax: f.XMax, YMin: f.YMin, YMax: f.YMax, Rect: image.Rect(60, 10, 790, 560)}
	pix := make([]byte, 4)
	b.ReportAllocs()
	for b.Loop() {
		dst.Clear()
		layer.Draw(dst, v)
		for _, p := range paths {
			DrawPath(dst, v, p, true)
		}
		DrawMinimum(dst, v, 1, 1)
		flush(dst, pix)
	}
}

// BenchmarkMeshFrame draws the 256² Rosenbrock surface as a mesh (64²
// quads) with 6 paths of 1000 points into 800×600, waiting for the GPU.
func BenchmarkMeshFrame(b *testing.B) {
	dst := ebiten.NewImage(800, 600)
	f := rosenbrockField(256)
	s := NewColorScale(f.Values, true)
	paths := benchPaths(6, 1000)
	cam := DefaultCamera()
	pix := make([]byte, 4)
	b.ReportAllocs()
	for b.Loop() {
		dst.Clear()
		cam = cam.Orbit(1, 0)
		DrawMesh(dst, image.Rect(0, 0, 800, 600), f, s, cam, paths, MeshOptions{})
		flush(dst, pix)
	}
}

// BenchmarkLossCurvesFrame draws 6 loss curves of 10 000 steps into
// 400×250, waiting for the GPU.
func BenchmarkLossCurvesFrame(b *testing.B) {
	dst := ebiten.NewImage(400, 250)
	series := make([]Series, 6)
	for i := range series {
		series[i] = Series{Color: Viridis(float64(i) / 6)}
		for j := range 10000 {
			series[i].Values = append(series[i].Values, 10*math.Exp(-float64(j)/2000)*(1+0.3*math.Sin(float64(j*(i+1)))))
		}
	}
	pix := make([]byte, 4)
	b.ReportAllocs()
	for b.Loop() {
		dst.Clear()
		DrawLossCurves(dst, dst.Bounds(), series)
		flush(dst, pix)
	}
}

// BenchmarkContours256 traces 10 levels on a 256² Rosenbrock grid.
func BenchmarkContours256(b *testing.B) {
	f := rosenbrockField(256)
	levels := Levels(NewColorScale(f.Values, true), 10)
	b.SetBytes(int64(8 * len(f.Values) * len(levels)))
	for b.Loop() {
		Contours(f, levels)
	}
}

// BenchmarkHeatmapPixels256 colours a 256² grid.
func BenchmarkHeatmapPixels256(b *testing.B) {
	f := rosenbrockField(256)
	s := NewColorScale(f.Values, true)
	dst := make([]byte, 4*len(f.Values))
	b.SetBytes(int64(len(dst)))
	for b.Loop() {
		HeatmapPixels(dst, f, s)
	}
}

// BenchmarkSurfaceLayerBuild builds a 256² layer with 10 contour levels:
// the cost of a new surface or data set.
func BenchmarkSurfaceLayerBuild(b *testing.B) {
	f := rosenbrockField(256)
	dst := ebiten.NewImage(800, 600)
	v := Viewport{XMin: f.XMin, XMax: f.XMax, YMin: f.YMin, YMax: f.YMax, Rect: image.Rect(0, 0, 800, 600)}
	pix := make([]byte, 4)
	for b.Loop() {
		layer := NewSurfaceLayer(f, true, 10)
		layer.Draw(dst, v)
		flush(dst, pix)
	}
}
