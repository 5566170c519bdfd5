package compute

import (
	"context"
	"math"
	"testing"
)

// TestCustomSurface builds a surface from outside the built-in list, from
// a function and its gradient alone, checks the gradient, trains on it and
// draws its loss grid: f(x, y) = (x-1)² + 4(y+2)², minimum at (1, -2).
func TestCustomSurface(t *testing.T) {
	s := &Surface{
		Name: "ellipse", Title: "Ellipse", Domain: [4]float64{-3, 3, -4, 2}, Start: [2]float64{-2, 1},
		Minima: []Minimum{{X: 1, Y: -2, Global: true}},
		F:      func(x []float64) float64 { return (x[0]-1)*(x[0]-1) + 4*(x[1]+2)*(x[1]+2) },
		G: func(g, x []float64) {
			g[0], g[1] = 2*(x[0]-1), 8*(x[1]+2)
		},
	}
	assertGradMatches(t, s.Name, s, []float64{0.3, -0.7})
	adam := NewAdam()
	adam.Rate = 0.05
	tr, err := NewTrainer(s, adam, s.Start[:], TrainerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tr.Run(context.Background(), 2000)
	if p := tr.Params(); math.Hypot(p[0]-1, p[1]+2) > 1e-3 {
		t.Errorf("Adam ended at %v, want (1, -2)", p)
	}
	dst := make([]float64, 4*3)
	if err := NewCPU().LossGrid(dst, s, Grid{X: 0, Y: 1, XMin: -3, XMax: 3, YMin: -4, YMax: 2, Cols: 4, Rows: 3}); err != nil {
		t.Fatal(err)
	}
	if dst[0] != s.F([]float64{-3, -4}) {
		t.Errorf("grid corner %g, want f(-3, -4) = %g", dst[0], s.F([]float64{-3, -4}))
	}
}
