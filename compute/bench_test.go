package compute

import (
	"context"
	"sync"
	"testing"
)

// Benchmarks of the heavy loops. `make bench` runs them together and prints
// each against its baseline from the same run; see docs/BENCHMARKS.md.

// benchCache keeps the benchmarks' data sets, which are slow to draw, for
// the whole run.
var (
	benchMu    sync.Mutex
	benchLinMs = map[int]*LinearRegression{}
	benchLogMs = map[int]*LogisticRegression{}
)

// cached returns cache[n], making it with make on first use.
func cached[M any](b *testing.B, cache map[int]M, n int, make func(testing.TB, int) M) M {
	benchMu.Lock()
	defer benchMu.Unlock()
	m, ok := cache[n]
	if !ok {
		m = make(b, n)
		cache[n] = m
	}
	return m
}

// benchLinear returns one-feature linear data of n samples.
func benchLinear(b *testing.B, n int) *LinearRegression {
	return cached(b, benchLinMs, n, linearModel)
}

// benchLogistic returns two-feature blobs of n samples.
func benchLogistic(b *testing.B, n int) *LogisticRegression {
	return cached(b, benchLogMs, n, logisticModel)
}

// sumTask is the memory-read bound: it only sums the arrays the linear
// gradient reads, split across cores the same way.
type sumTask struct {
	x, y []float64
	out  []float64
}

// sum returns Σv with four accumulators, the loop shape of the gradient.
func sum(v []float64) float64 {
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+3 < len(v); i += 4 {
		s0 += v[i]
		s1 += v[i+1]
		s2 += v[i+2]
		s3 += v[i+3]
	}
	for ; i < len(v); i++ {
		s0 += v[i]
	}
	return (s0 + s1) + (s2 + s3)
}

func (t *sumTask) runPart(part, lo, hi int) { t.out[part] = sum(t.x[lo:hi]) + sum(t.y[lo:hi]) }

func benchMemRead(b *testing.B, n int) {
	m := benchLinear(b, n)
	t := &sumTask{x: m.Data.X[0], y: m.Data.Y, out: make([]float64, 64)}
	var wg sync.WaitGroup
	parts := workers.parts(n, minPartSamples)
	b.SetBytes(int64(16 * n))
	b.ResetTimer()
	for range b.N {
		workers.run(t, n, parts, &wg)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sample")
}

func benchLinearGrad(b *testing.B, n int) { benchLinearGradLoss(b, n, false) }

func benchLinearGradLoss(b *testing.B, n int, withLoss bool) {
	m := benchLinear(b, n)
	cpu := NewCPU()
	grad, x := make([]float64, 2), []float64{0.5, 0.25}
	b.SetBytes(int64(16 * n))
	b.ResetTimer()
	for range b.N {
		cpu.Gradient(grad, m, x, withLoss)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sample")
}

// BenchmarkMemRead1e7 is the baseline for BenchmarkBatchGradLinear1e7.
func BenchmarkMemRead1e7(b *testing.B) { benchMemRead(b, 10_000_000) }

// BenchmarkBatchGradLinear1e7 is the full-data MSE gradient at N = 1e7.
func BenchmarkBatchGradLinear1e7(b *testing.B) { benchLinearGrad(b, 10_000_000) }

// BenchmarkBatchGradLinear1e6 is the full-data MSE gradient at N = 1e6.
func BenchmarkBatchGradLinear1e6(b *testing.B) { benchLinearGrad(b, 1_000_000) }

// BenchmarkBatchGradLogistic1e6 is the full-data cross-entropy gradient of
// two-feature logistic regression at N = 1e6.
func BenchmarkBatchGradLogistic1e6(b *testing.B) {
	n := 1_000_000
	m := benchLogistic(b, n)
	cpu := NewCPU()
	grad, x := make([]float64, 3), []float64{0.5, -0.25, 0.1}
	b.SetBytes(int64(24 * n))
	b.ResetTimer()
	for range b.N {
		cpu.Gradient(grad, m, x, false)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sample")
}

func benchEpoch(b *testing.B, batch int) {
	n := 1_000_000
	m := benchLinear(b, n)
	s, err := NewSampler(n, batch, SeededPermuter{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	tr, err := NewTrainer(m, NewSGD(1e-4), []float64{0, 0}, TrainerOptions{Sampler: s, RecordEvery: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		tr.RunEpochs(context.Background(), 1)
	}
}

// BenchmarkSGDEpoch1e6 is one shuffled SGD epoch (1e6 steps of one sample).
func BenchmarkSGDEpoch1e6(b *testing.B) { benchEpoch(b, 1) }

// BenchmarkMiniBatch32Epoch1e6 is one shuffled mini-batch epoch, B = 32.
func BenchmarkMiniBatch32Epoch1e6(b *testing.B) { benchEpoch(b, 32) }

// BenchmarkLossGridLinear512 is a 512×512 (w, b) loss grid of linear
// regression over N = 1e6 samples (statistics cached after the first).
func BenchmarkLossGridLinear512(b *testing.B) {
	m := benchLinear(b, 1_000_000)
	cpu := NewCPU()
	g := Grid{X: 0, Y: 1, XMin: -1, XMax: 5, YMin: -4, YMax: 6, Cols: 512, Rows: 512}
	dst := make([]float64, 512*512)
	cpu.LossGrid(dst, m, g)
	b.ResetTimer()
	for range b.N {
		cpu.LossGrid(dst, m, g)
	}
}

// BenchmarkBatchGradLinearWithLoss1e7 is the fused gradient and loss at
// N = 10⁷, the pass a recorded full-batch step makes.
func BenchmarkBatchGradLinearWithLoss1e7(b *testing.B) { benchLinearGradLoss(b, 10_000_000, true) }
