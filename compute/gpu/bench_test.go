package gpu

import (
	"fmt"
	"testing"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/internal/frametest"
)

// Every GPU benchmark runs each operation in its own frame through
// frametest.Do, draws and read-back included, so its time includes waiting
// for that frame: BenchmarkFrame measures that cost alone. The data set is
// uploaded before the timer starts, as the backend caches it.

// BenchmarkFrame times an empty frametest.Do: the fixed cost in every GPU
// benchmark here.
func BenchmarkFrame(b *testing.B) {
	for b.Loop() {
		if err := frametest.Do(func() error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLossGridLinear times linear-regression loss grids with one
// feature, n×n cells over N samples, on both backends. The CPU evaluates a
// linear grid from cached sufficient statistics in O(1) a cell; the GPU
// sums every sample at every cell.
func BenchmarkLossGridLinear(b *testing.B) {
	benchLossGrid(b, func(n int) compute.Objective { return compute.NewLinearRegression(linearSet(b, n, 1, 0)) })
}

// BenchmarkLossGridLogistic times logistic-regression loss grids over the
// blobs' two weights, n×n cells over N samples, on both backends.
func BenchmarkLossGridLogistic(b *testing.B) {
	benchLossGrid(b, func(n int) compute.Objective { return compute.NewLogisticRegression(blobSet(b, n)) })
}

func benchLossGrid(b *testing.B, model func(n int) compute.Objective) {
	gpu := newBackend(b)
	for _, size := range []struct{ cells, n int }{{128, 1000}, {512, 1000}, {32, 100_000}} {
		f := model(size.n)
		g := compute.Grid{X: 0, Y: 1, Base: make([]float64, f.Dim()), XMin: -3, XMax: 5, YMin: -3, YMax: 5, Cols: size.cells, Rows: size.cells}
		dst := make([]float64, g.Cols*g.Rows)
		name := fmt.Sprintf("%dx%dx%d", g.Cols, g.Rows, size.n)
		perCell := float64(g.Cols * g.Rows * size.n)
		b.Run("gpu/"+name, func(b *testing.B) {
			run := func() error { return frametest.Do(func() error { return gpu.LossGrid(dst, f, g) }) }
			if err := run(); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := run(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/perCell, "ns/cell·sample")
		})
		b.Run("cpu/"+name, func(b *testing.B) {
			cpu := compute.NewCPU()
			if err := cpu.LossGrid(dst, f, g); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := cpu.LossGrid(dst, f, g); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/perCell, "ns/cell·sample")
		})
	}
}

// BenchmarkGradientLinear times the full-data gradient and loss of linear
// regression with one feature on both backends; the bytes are the data
// set's, 16 a sample.
func BenchmarkGradientLinear(b *testing.B) {
	benchGradient(b, func(n int) compute.DataModel { return compute.NewLinearRegression(linearSet(b, n, 1, 0)) })
}

// BenchmarkGradientLogistic times the full-data gradient and loss of
// logistic regression on the blobs on both backends; the bytes are the
// data set's, 24 a sample.
func BenchmarkGradientLogistic(b *testing.B) {
	benchGradient(b, func(n int) compute.DataModel { return compute.NewLogisticRegression(blobSet(b, n)) })
}

func benchGradient(b *testing.B, model func(n int) compute.DataModel) {
	gpu := newBackend(b)
	for _, size := range []struct {
		name string
		n    int
	}{{"1e3", 1000}, {"1e5", 100_000}, {"1e6", 1_000_000}} {
		n, name := size.n, size.name
		m := model(n)
		x := make([]float64, m.Dim())
		for j := range x {
			x[j] = 0.5
		}
		grad := make([]float64, len(x))
		bytes := int64(8 * m.Dim() * n)
		b.Run("gpu/"+name, func(b *testing.B) {
			b.SetBytes(bytes)
			run := func() error { return frametest.Do(func() error { gpu.Gradient(grad, m, x, true); return nil }) }
			if err := run(); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := run(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("cpu/"+name, func(b *testing.B) {
			b.SetBytes(bytes)
			cpu := compute.NewCPU()
			for b.Loop() {
				cpu.Gradient(grad, m, x, true)
			}
		})
	}
}
