package compute

import (
	"fmt"
	"testing"
)

// benchMapSpec is the map the RunMap benchmarks time (compute/gpu times
// the same one): Rosenbrock's valley from n×n start points over its domain
// with learning rate 2e-4, where no run converges or diverges within its
// 1,000 steps, so every cell costs all of them. The target is 512²
// runs × 1,000 steps in 50 ms on a GPU.
func benchMapSpec(n int) MapSpec {
	return MapSpec{
		Surface: "rosenbrock", Optimizer: "sgd", Hyper: Hypers{"lr": 2e-4}, Vary: VaryStart,
		XMin: -2, XMax: 2, YMin: -1, YMax: 3, Cols: n, Rows: n, Steps: 1000,
	}
}

// benchAdamMapSpec is the same map with Adam at its default rate.
func benchAdamMapSpec(n int) MapSpec {
	spec := benchMapSpec(n)
	spec.Optimizer, spec.Hyper = "adam", nil
	return spec
}

// BenchmarkRunMap times the CPU reference on the benchmark maps and
// reports nanoseconds per step of one run.
func BenchmarkRunMap(b *testing.B) { benchRunMap(b, benchMapSpec) }

// BenchmarkRunMapAdam is BenchmarkRunMap with Adam, beside compute/gpu's.
func BenchmarkRunMapAdam(b *testing.B) { benchRunMap(b, benchAdamMapSpec) }

func benchRunMap(b *testing.B, mapSpec func(n int) MapSpec) {
	for _, n := range []int{256, 512} {
		spec := mapSpec(n)
		b.Run(fmt.Sprintf("cpu/%dx%dx%d", n, n, spec.Steps), func(b *testing.B) {
			cpu := NewCPU()
			var steps int
			for b.Loop() {
				res, err := cpu.RunMap(spec)
				if err != nil {
					b.Fatal(err)
				}
				steps = 0
				for _, c := range res.Cells {
					steps += c.Steps
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(steps), "ns/step")
		})
	}
}
