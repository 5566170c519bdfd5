package gpu

import (
	"fmt"
	"testing"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/internal/frametest"
)

// benchMapSpec is compute's RunMap benchmark map: Rosenbrock's valley from
// n×n start points with learning rate 2e-4, where no run stops before its
// 1,000 steps. The target is 512² runs × 1,000 steps in 50 ms.
func benchMapSpec(n int) compute.MapSpec {
	return compute.MapSpec{
		Surface: "rosenbrock", Optimizer: "sgd", Hyper: compute.Hypers{"lr": 2e-4}, Vary: compute.VaryStart,
		XMin: -2, XMax: 2, YMin: -1, YMax: 3, Cols: n, Rows: n, Steps: 1000,
	}
}

// BenchmarkRunMap times RunMap on the GPU (both draws and the read-back)
// on the benchmark maps and reports nanoseconds per step of one run.
func BenchmarkRunMap(b *testing.B) {
	backend, err := NewBackend()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{256, 512} {
		spec := benchMapSpec(n)
		b.Run(fmt.Sprintf("gpu/%dx%dx%d", n, n, spec.Steps), func(b *testing.B) {
			var steps int
			for b.Loop() {
				err := frametest.Do(func() error {
					res, err := backend.RunMap(spec)
					if err != nil {
						return err
					}
					steps = 0
					for _, c := range res.Cells {
						steps += c.Steps
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(steps), "ns/step")
		})
	}
}
