package gpu

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/internal/frametest"
)

// gridTol bounds the GPU's error in every cell of a loss grid, relative to
// the grid's loss scale (its largest value on the CPU), by model. The
// shaders evaluate each sample in float32 and sum each chunk of 1,024 in
// float32; the chunks are added in float64. Measured under llvmpipe, the
// worst cell of any linear grid here is 3.6e-7 of the scale (1.4e-6 of its
// own value). Logistic grids are within 4.7e-7, except where every sample
// is classified right by a wide margin and each loss is the tail
// log(1 + e^{-|z|}) ≈ e^{-|z|}: that inherits the absolute float32 rounding
// of z, about 2^-24·Σⱼ|wⱼxⱼ|, as a relative error (6.1e-6 at w = (40, 40),
// the "far" grid over 5 samples). The bounds leave a factor of about five.
var gridTol = map[string]float64{"linear": 2e-6, "logistic": 3e-5}

// gridCase is one objective on one grid.
type gridCase struct {
	name string
	f    compute.Objective
	g    compute.Grid
}

func gridCases(t testing.TB) []gridCase {
	lin := func(n, f int, shift float64) *compute.LinearRegression {
		return compute.NewLinearRegression(linearSet(t, n, f, shift))
	}
	log := func(n int) *compute.LogisticRegression {
		return compute.NewLogisticRegression(blobSet(t, n))
	}
	var cases []gridCase
	for _, n := range []int{5, 1000, 100_000} {
		// Grids over 10⁵ samples are kept small: llvmpipe evaluates about
		// 5·10⁷ samples a second.
		cols, rows := 37, 23
		if n > 1000 {
			cols, rows = 13, 11
		}
		grid := func(x, y int, base []float64, xmin, xmax, ymin, ymax float64) compute.Grid {
			return compute.Grid{X: x, Y: y, Base: base, XMin: xmin, XMax: xmax, YMin: ymin, YMax: ymax, Cols: cols, Rows: rows}
		}
		l1, l2, lg := lin(n, 1, 0), lin(n, 2, 0), log(max(n, 2))
		name := func(model, grid string) string { return fmt.Sprintf("%s/%d/%s", model, n, grid) }
		cases = append(cases,
			gridCase{name("linear", "near"), l1, grid(0, 1, nil, 0, 4, -2, 4)},
			gridCase{name("linear", "wide"), l1, grid(0, 1, nil, -10, 10, -20, 20)},
			gridCase{name("linear", "far"), l1, grid(0, 1, nil, 1000, 1001, -5, 5)},
			gridCase{name("linear2", "w1w2"), l2, grid(0, 1, []float64{0, 0, 1}, 0, 4, 0, 4)},
			gridCase{name("linear2", "w2b"), l2, grid(1, 2, []float64{2, 0, 0}, -1, 5, -10, 10)},
			gridCase{name("logistic", "w1w2"), lg, grid(0, 1, nil, -3, 5, -3, 5)},
			gridCase{name("logistic", "w1b"), lg, grid(0, 2, []float64{0, 1, 0}, -20, 20, -8, 8)},
			gridCase{name("logistic", "far"), lg, grid(0, 1, []float64{0, 0, -5}, 40, 41, 40, 41)},
		)
	}
	wb := func(xmin, xmax, ymin, ymax float64) compute.Grid {
		return compute.Grid{X: 0, Y: 1, XMin: xmin, XMax: xmax, YMin: ymin, YMax: ymax, Cols: 37, Rows: 23}
	}
	off := lin(10_000, 1, 1000)
	return append(cases,
		gridCase{"linear/x+1000/near", off, wb(1.9, 2.1, -10, 12)},
		gridCase{"linear/x+1000/wide", off, wb(-5, 5, -3000, 3000)},
		// One column over 10⁵ samples takes two draws (63 chunks, then 35);
		// one row takes one.
		gridCase{"linear/100000/column", lin(100_000, 1, 0), compute.Grid{X: 1, Y: 0, XMin: -2, XMax: 4, YMin: 0, YMax: 4, Cols: 1, Rows: 64}},
		gridCase{"linear/100000/row", lin(100_000, 1, 0), compute.Grid{X: 0, Y: 1, XMin: 0, XMax: 4, YMin: -2, YMax: 4, Cols: 64, Rows: 1}},
		// A 37×23 grid over 10⁵ samples takes two draws (77 chunks, then 21).
		gridCase{"linear/100000/bands", lin(100_000, 1, 0), wb(0, 4, -2, 4)},
		gridCase{"linear8/3000", lin(3000, 8, 0), compute.Grid{X: 7, Y: 8, Base: []float64{2, 2, 2, 2, 2, 2, 2, 0, 0}, XMin: 0, XMax: 4, YMin: -4, YMax: 6, Cols: 16, Rows: 16}},
	)
}

// TestLossGrid compares the GPU's loss grids with the CPU backend's, the
// reference.
func TestLossGrid(t *testing.T) {
	b := newBackend(t)
	cpu := compute.NewCPU()
	for _, c := range gridCases(t) {
		t.Run(c.name, func(t *testing.T) {
			got := make([]float64, c.g.Cols*c.g.Rows)
			want := make([]float64, len(got))
			if err := frametest.Do(func() error { return b.LossGrid(got, c.f, c.g) }); err != nil {
				t.Fatal(err)
			}
			if err := cpu.LossGrid(want, c.f, c.g); err != nil {
				t.Fatal(err)
			}
			_, kind, _ := modelData(c.f)
			tol := gridTol[kind]
			scale := slices.Max(want)
			var worst, worstRel float64
			for i := range got {
				e := math.Abs(got[i]-want[i]) / scale
				worst = max(worst, e)
				worstRel = max(worstRel, math.Abs(got[i]-want[i])/want[i])
				if !(e <= tol) {
					t.Errorf("cell (%d, %d): %g, CPU %g (error %.2g of the scale %g)", i%c.g.Cols, i/c.g.Cols, got[i], want[i], e, scale)
				}
			}
			t.Logf("worst error %.2g of the scale %g, %.2g of the cell's value", worst, scale, worstRel)
		})
	}
}

// TestLossGridFallback checks that objectives no shader here computes, a
// surface and linear regression with more features than the shaders loop
// over, and a grid along two directions, which the shaders do not step,
// give exactly the CPU's grid.
func TestLossGridFallback(t *testing.T) {
	b := newBackend(t)
	rosenbrock, err := compute.SurfaceByName("rosenbrock")
	if err != nil {
		t.Fatal(err)
	}
	wide := compute.NewLinearRegression(linearSet(t, 50, maxFeatures+1, 0))
	for _, c := range []gridCase{
		{"rosenbrock", rosenbrock, compute.Grid{X: 0, Y: 1, XMin: -2, XMax: 2, YMin: -1, YMax: 3, Cols: 40, Rows: 30}},
		{"linear9", wide, compute.Grid{X: 0, Y: 9, Base: make([]float64, 10), XMin: -2, XMax: 2, YMin: -1, YMax: 3, Cols: 20, Rows: 10}},
		{"linear2/directions", compute.NewLinearRegression(linearSet(t, 50, 2, 0)), compute.Grid{
			Base: []float64{1, 2, 0.5}, U: []float64{1, 0.5, 0}, V: []float64{0, 0.3, 1},
			XMin: -2, XMax: 2, YMin: -1, YMax: 3, Cols: 20, Rows: 10}},
	} {
		got, want := make([]float64, c.g.Cols*c.g.Rows), make([]float64, c.g.Cols*c.g.Rows)
		if err := frametest.Do(func() error { return b.LossGrid(got, c.f, c.g) }); err != nil {
			t.Fatal(err)
		}
		if err := compute.NewCPU().LossGrid(want, c.f, c.g); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: the GPU's grid differs from the CPU's", c.name)
		}
	}
}

// TestLossGridInvalid checks that an invalid grid is an error, as on the
// CPU.
func TestLossGridInvalid(t *testing.T) {
	b := newBackend(t)
	f := compute.NewLinearRegression(compute.ClassicData())
	for _, g := range []compute.Grid{
		{X: 0, Y: 0, Cols: 2, Rows: 2},
		{X: 0, Y: 2, Cols: 2, Rows: 2},
		{X: 0, Y: 1, Cols: 0, Rows: 2},
		{X: 0, Y: 1, Base: []float64{1}, Cols: 2, Rows: 2},
	} {
		dst := make([]float64, max(g.Cols*g.Rows, 0))
		gotErr := frametest.Do(func() error { return b.LossGrid(dst, f, g) })
		wantErr := compute.NewCPU().LossGrid(dst, f, g)
		if gotErr == nil || wantErr == nil || gotErr.Error() != wantErr.Error() {
			t.Errorf("grid %+v: error %v, CPU %v", g, gotErr, wantErr)
		}
	}
}
