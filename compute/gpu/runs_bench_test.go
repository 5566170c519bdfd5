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

// benchAdamMapSpec is the same map with Adam at its default rate, 1e-3,
// where all but 0.02% of the steps are taken (under llvmpipe an Adam step
// costs about 1.45 times an SGD step).
func benchAdamMapSpec(n int) compute.MapSpec {
	spec := benchMapSpec(n)
	spec.Optimizer, spec.Hyper = "adam", nil
	return spec
}

// BenchmarkRunMap times RunMap on the GPU (both draws and the read-back)
// on the benchmark maps and reports nanoseconds per step of one run.
func BenchmarkRunMap(b *testing.B) { benchRunMap(b, benchMapSpec) }

// BenchmarkRunMapAdam times RunMap on the GPU on the benchmark maps with
// Adam.
func BenchmarkRunMapAdam(b *testing.B) { benchRunMap(b, benchAdamMapSpec) }

func benchRunMap(b *testing.B, mapSpec func(n int) compute.MapSpec) {
	backend, err := NewBackend()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{256, 512} {
		spec := mapSpec(n)
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
