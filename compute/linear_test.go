package compute

import (
	"context"
	"math"
	"math/big"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// TestBatchGDReachesLeastSquares runs batch gradient descent on linear
// regression and compares the end point with the closed-form least-squares
// solution (gonum's QR solve of [X 1]θ = y).
func TestBatchGDReachesLeastSquares(t *testing.T) {
	d, err := LinearData(LinearSpec{N: 200, Features: 2, Slope: 0.5, Intercept: 3, Noise: 2, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	a := mat.NewDense(d.Len(), 3, nil)
	for i := range d.Len() {
		a.Set(i, 0, d.X[0][i])
		a.Set(i, 1, d.X[1][i])
		a.Set(i, 2, 1)
	}
	var want mat.VecDense
	if err := want.SolveVec(a, mat.NewVecDense(d.Len(), d.Y)); err != nil {
		t.Fatal(err)
	}
	tr, _ := NewTrainer(NewLinearRegression(d), NewSGD(0.005), make([]float64, 3), TrainerOptions{RecordEvery: -1})
	if r := tr.Run(context.Background(), 60000); r != Finished {
		t.Fatalf("stopped: %s", r)
	}
	for i, p := range tr.Params() {
		if math.Abs(p-want.AtVec(i)) > 1e-8 {
			t.Errorf("θ[%d] = %.12g, least squares %.12g", i, p, want.AtVec(i))
		}
	}
}

// TestLinearLossGridMatchesDirect compares the sufficient-statistics grid
// with the loss evaluated sample by sample, for one and three features.
func TestLinearLossGridMatchesDirect(t *testing.T) {
	for _, features := range []int{1, 3} {
		d, _ := LinearData(LinearSpec{N: 300, Features: features, Slope: 1.5, Intercept: -1, Noise: 1, Seed: 2})
		m := NewLinearRegression(d)
		g := Grid{X: 0, Y: features, XMin: -3, XMax: 4, YMin: -5, YMax: 6, Cols: 17, Rows: 13}
		if features > 1 {
			g.Base = []float64{0, 0.5, -0.25, 0}
		}
		dst := make([]float64, g.Cols*g.Rows)
		if err := NewCPU().LossGrid(dst, m, g); err != nil {
			t.Fatal(err)
		}
		p := make([]float64, m.Dim())
		copy(p, g.Base)
		for r := range g.Rows {
			for c := range g.Cols {
				p[g.X], p[g.Y] = g.At(c, r)
				if want := m.Func(p); !near(dst[r*g.Cols+c], want, 1e-11) {
					t.Fatalf("features %d cell (%d,%d): grid %.15g, direct %.15g", features, c, r, dst[r*g.Cols+c], want)
				}
			}
		}
	}
}

// TestLinearLossGridLargeOffset checks the grid where x = 1e6 + small
// values: the reference is the loss summed exactly in 200-bit big.Float.
func TestLinearLossGridLargeOffset(t *testing.T) {
	n := 1000
	xs, ys := make([]float64, n), make([]float64, n)
	for i := range n {
		xs[i] = 1e6 + float64(i%37)*0.25
		ys[i] = 2*float64(i%37)*0.25 + float64(i%5)*0.1
	}
	d, _ := NewDataset([][]float64{xs}, ys)
	m := NewLinearRegression(d)
	g := Grid{X: 0, Y: 1, XMin: 1.9, XMax: 2.1, YMin: -2e6 - 1, YMax: -2e6 + 1, Cols: 5, Rows: 5}
	dst := make([]float64, 25)
	if err := NewCPU().LossGrid(dst, m, g); err != nil {
		t.Fatal(err)
	}
	for r := range g.Rows {
		for c := range g.Cols {
			w, b := g.At(c, r)
			want := exactMSE(xs, ys, w, b)
			if !near(dst[r*g.Cols+c], want, 1e-9) {
				t.Errorf("cell (%d,%d) w=%g b=%g: grid %.15g, exact %.15g", c, r, w, b, dst[r*g.Cols+c], want)
			}
		}
	}
}

func exactMSE(xs, ys []float64, w, b float64) float64 {
	const prec = 200
	sum := new(big.Float).SetPrec(prec)
	bw, bb := new(big.Float).SetPrec(prec).SetFloat64(w), new(big.Float).SetPrec(prec).SetFloat64(b)
	for i := range xs {
		r := new(big.Float).SetPrec(prec).SetFloat64(xs[i])
		r.Mul(r, bw).Add(r, bb).Sub(r, new(big.Float).SetFloat64(ys[i]))
		sum.Add(sum, r.Mul(r, r))
	}
	f, _ := sum.Quo(sum, new(big.Float).SetFloat64(float64(len(xs)))).Float64()
	return f
}

// TestParallelGradientMatchesSerial splits a large data set across cores
// and compares with one serial pass, and checks the split pass allocates
// nothing once warm.
func TestParallelGradientMatchesSerial(t *testing.T) {
	for _, m := range []DataModel{linearModel(t, 300_000), logisticModel(t, 300_000)} {
		x := []float64{0.3, -0.2}
		if m.Dim() == 3 {
			x = append(x, 0.1)
		}
		serial := make([]float64, len(x))
		sl := m.GradRange(serial, x, 0, m.Len(), true)
		floats.Scale(1/float64(m.Len()), serial)
		cpu := NewCPU()
		got := make([]float64, len(x))
		l := cpu.Gradient(got, m, x, true)
		if !near(l, sl/float64(m.Len()), 1e-12) {
			t.Errorf("%T: loss %g vs serial %g", m, l, sl/float64(m.Len()))
		}
		for i := range got {
			if !near(got[i], serial[i], 1e-12) {
				t.Errorf("%T: grad[%d] %g vs serial %g", m, i, got[i], serial[i])
			}
		}
		if allocs := testing.AllocsPerRun(20, func() { cpu.Gradient(got, m, x, false) }); allocs != 0 {
			t.Errorf("%T: %v allocations per gradient, want 0", m, allocs)
		}
	}
}

func linearModel(t testing.TB, n int) *LinearRegression {
	d, err := LinearData(LinearSpec{N: n, Features: 1, Slope: 2, Intercept: 1, Noise: 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return NewLinearRegression(d)
}

func logisticModel(t testing.TB, n int) *LogisticRegression {
	d, err := BlobsData(BlobsSpec{N: n, Separation: 3, Spread: 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return NewLogisticRegression(d)
}
