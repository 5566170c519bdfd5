package gpu

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/internal/frametest"
)

// gradTol bounds the GPU's error in each gradient element, relative to
// that element's term scale (1/N)·Σᵢ|∂ℓᵢ/∂θⱼ| (see termScale), and in the
// loss, relative to the loss. The shaders evaluate each sample in float32
// (2^-24 ≈ 6e-8 a rounding) and sum tiles of 256 in float32; the tiles
// are added in float64. Measured under llvmpipe over the cases here, the
// worst gradient element is 3.9e-7 of its term scale and the worst loss
// 3.6e-7 of its value; the bound leaves a factor of five.
const gradTol = 2e-6

// gradCase is one model at one set of points.
type gradCase struct {
	name   string
	model  compute.DataModel
	points [][]float64
}

func gradCases(t testing.TB) []gradCase {
	lin := func(n, f int, shift float64) *compute.LinearRegression {
		return compute.NewLinearRegression(linearSet(t, n, f, shift))
	}
	log := func(n int) *compute.LogisticRegression {
		return compute.NewLogisticRegression(blobSet(t, n))
	}
	lin1 := [][]float64{{0, 0}, {2, 1}, {-3, 5}, {100, -50}}
	lin2 := [][]float64{{0, 0, 0}, {2, 2, 1}, {-1, 3, 10}}
	blobs := [][]float64{{0, 0, 0}, {1, 1, 0}, {3, -2, 0.5}, {40, 40, -5}}
	return []gradCase{
		{"linear/classic", compute.NewLinearRegression(compute.ClassicData()), lin1},
		{"linear/1000", lin(1000, 1, 0), lin1},
		{"linear/100000", lin(100_000, 1, 0), lin1},
		{"linear/x+1000/10000", lin(10_000, 1, 1000), lin1},
		{"linear2/5", lin(5, 2, 0), lin2},
		{"linear2/1000", lin(1000, 2, 0), lin2},
		{"linear2/100000", lin(100_000, 2, 0), lin2},
		{"linear8/3000", lin(3000, 8, 0), [][]float64{make([]float64, 9), {2, 2, 2, 2, 2, 2, 2, 2, 1}}},
		{"logistic/5", log(5), blobs},
		{"logistic/1000", log(1000), blobs},
		{"logistic/100000", log(100_000), blobs},
		{"linear/1000000", lin(1_000_000, 1, 0), lin1[:2]},
		{"logistic/1000000", log(1_000_000), blobs[1:3]},
	}
}

// TestGradient compares the GPU's mean gradient and loss with the CPU
// backend's, the reference, and checks that Gradient without the loss and
// Loss give the same values as Gradient with it.
func TestGradient(t *testing.T) {
	b := newBackend(t)
	cpu := compute.NewCPU()
	for _, c := range gradCases(t) {
		t.Run(c.name, func(t *testing.T) {
			for _, x := range c.points {
				dim := len(x)
				got, want, noLoss := make([]float64, dim), make([]float64, dim), make([]float64, dim)
				var gotLoss, onlyLoss, zero float64
				err := frametest.Do(func() error {
					gotLoss = b.Gradient(got, c.model, x, true)
					zero = b.Gradient(noLoss, c.model, x, false)
					onlyLoss = b.Loss(c.model, x)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if zero != 0 || !slices.Equal(noLoss, got) {
					t.Errorf("x = %v: without the loss, gradient %v and loss %g; with it, %v", x, noLoss, zero, got)
				}
				wantLoss := cpu.Gradient(want, c.model, x, true)
				scale := termScale(c.model, x)
				var worst float64
				for j := range got {
					e := math.Abs(got[j]-want[j]) / scale[j]
					worst = max(worst, e)
					if !(e <= gradTol) {
						t.Errorf("x = %v: grad[%d] = %g, CPU %g (error %.2g of the term scale %g)", x, j, got[j], want[j], e, scale[j])
					}
				}
				le := math.Abs(gotLoss-wantLoss) / wantLoss
				if !(le <= gradTol) || onlyLoss != gotLoss {
					t.Errorf("x = %v: loss %g (Loss %g), CPU %g (error %.2g)", x, gotLoss, onlyLoss, wantLoss, le)
				}
				t.Logf("x = %v: worst gradient error %.2g, loss error %.2g", x, worst, le)
			}
		})
	}
}

// termScale returns (1/N)·Σᵢ|∂ℓᵢ/∂θⱼ| for every parameter j: the scale
// below which float32 sums of the per-sample gradients cannot be exact.
func termScale(m compute.DataModel, x []float64) []float64 {
	s := make([]float64, len(x))
	g := make([]float64, len(x))
	for i := range m.Len() {
		m.GradRange(g, x, i, i+1, false)
		for j, v := range g {
			s[j] += math.Abs(v)
		}
	}
	for j := range s {
		s[j] = max(s[j]/float64(m.Len()), 1e-300)
	}
	return s
}

// TestGradientFallback checks that a model the shaders do not cover, and
// data with more features than they loop over, give the CPU's result.
func TestGradientFallback(t *testing.T) {
	b := newBackend(t)
	wide := compute.NewLinearRegression(linearSet(t, 50, maxFeatures+1, 0))
	x := make([]float64, wide.Dim())
	got, want := make([]float64, len(x)), make([]float64, len(x))
	var gotLoss float64
	err := frametest.Do(func() error {
		gotLoss = b.Gradient(got, wide, x, true)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantLoss := compute.NewCPU().Gradient(want, wide, x, true)
	if gotLoss != wantLoss || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("9 features: GPU %v, loss %g; CPU %v, loss %g", got, gotLoss, want, wantLoss)
	}
}
