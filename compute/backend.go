package compute

import (
	"fmt"
)

// Backend runs the heavy loops: the full-data gradient and loss of a
// DataModel, a loss grid over two parameters, and maps of many independent
// runs. CPU is the reference;
// other backends must agree with it within their stated tolerance.
type Backend interface {
	// Name identifies the backend ("cpu", "gpu").
	Name() string
	// Gradient writes the mean gradient of m over all its samples at x into
	// grad and, when withLoss, returns the mean loss (otherwise 0).
	Gradient(grad []float64, m DataModel, x []float64, withLoss bool) float64
	// Loss returns the mean loss of m over all its samples at x.
	Loss(m DataModel, x []float64) float64
	// LossGrid fills dst, of length g.Cols·g.Rows, with f at every point of
	// the grid.
	LossGrid(dst []float64, f Objective, g Grid) error
	// RunMap runs one independent training run per cell of spec's grid
	// (a convergence or trainability map).
	RunMap(spec MapSpec) (*MapResult, error)
}

// Grid is a rectangular lattice on a 2-D slice of an objective's parameter
// space. On an axis-aligned grid (U and V nil) parameters X and Y vary and
// the others stay at Base: point (c, r) has parameter X at
// XMin + c·(XMax-XMin)/(Cols-1) and parameter Y at
// YMin + r·(YMax-YMin)/(Rows-1). With directions U and V the slice is
// Base + a·U + b·V, with a and b stepping over the same ranges, so a model
// with more parameters than two has a true loss surface around any point
// along any two directions. Point (c, r) is stored at index r·Cols + c, so
// row 0 is the bottom (YMin) edge.
type Grid struct {
	// X and Y are the indices of the two varied parameters of an
	// axis-aligned grid.
	X, Y int
	// Base holds the other parameters (the slice's origin); nil means all
	// zero.
	Base []float64
	// U and V, when set, are the directions of the slice's two axes.
	U, V                   []float64
	XMin, XMax, YMin, YMax float64
	Cols, Rows             int
}

// At returns the two axis values at grid point (c, r).
func (g Grid) At(c, r int) (x, y float64) {
	return lerpStep(g.XMin, g.XMax, c, g.Cols), lerpStep(g.YMin, g.YMax, r, g.Rows)
}

// AxisAligned reports whether the grid varies two parameters directly.
func (g Grid) AxisAligned() bool { return g.U == nil && g.V == nil }

// Point writes the parameters of grid point (c, r) into p, which must hold
// Base (or zeros) where the grid does not vary it when axis-aligned.
func (g Grid) Point(p []float64, c, r int) {
	a, b := g.At(c, r)
	if g.AxisAligned() {
		p[g.X], p[g.Y] = a, b
		return
	}
	for i := range p { // written out: gonum's AddScaled fuses on arm64
		var o float64
		if g.Base != nil {
			o = g.Base[i]
		}
		p[i] = o + float64(a*g.U[i]) + float64(b*g.V[i])
	}
}

// Check reports whether dst and the grid suit f: at least one cell, dst of
// Cols·Rows cells, two different parameters of f (or two directions of
// f's length), and Base of f's length.
func (g Grid) Check(dst []float64, f Objective) error {
	dim := f.Dim()
	switch {
	case g.Cols < 1 || g.Rows < 1:
		return fmt.Errorf("grid: %d×%d, want at least 1×1", g.Cols, g.Rows)
	case len(dst) != g.Cols*g.Rows:
		return fmt.Errorf("grid: dst has %d cells, want %d×%d", len(dst), g.Cols, g.Rows)
	case g.Base != nil && len(g.Base) != dim:
		return fmt.Errorf("grid: base has %d parameters, want %d", len(g.Base), dim)
	case !g.AxisAligned() && (len(g.U) != dim || len(g.V) != dim):
		return fmt.Errorf("grid: directions of %d and %d parameters, want %d", len(g.U), len(g.V), dim)
	case g.AxisAligned() && (g.X < 0 || g.X >= dim || g.Y < 0 || g.Y >= dim || g.X == g.Y):
		return fmt.Errorf("grid: parameters %d and %d, want two different ones in 0..%d", g.X, g.Y, dim-1)
	}
	return nil
}

func lerpStep(lo, hi float64, i, n int) float64 {
	if n < 2 {
		return lo
	}
	return lo + float64(float64(i)*(hi-lo)/float64(n-1))
}
