package compute

import (
	"fmt"
	"slices"
	"strings"
)

// Surface is a standard 2-D test function for optimizers: its value and
// exact gradient, the domain it is usually drawn on, its known minima and a
// customary start point.
type Surface struct {
	// Name is the short identifier used in configs and on the command line.
	Name string
	// Title is the human-readable name.
	Title string
	// Domain is the usual drawing window: XMin, XMax, YMin, YMax.
	Domain [4]float64
	// Minima lists the known minimizers; empty for a surface without one.
	Minima []Minimum
	// Start is a customary start point that shows the surface's character.
	Start [2]float64
	// LogScale says that a heatmap reads better on a log colour scale.
	LogScale bool
	// Formula is the function written out for people, in one line of
	// Unicode (f(x, y) = …), as the playground shows it on request.
	Formula string

	// F is the function and G writes its exact gradient into grad; both
	// take a point of 2 coordinates.
	F func(x []float64) float64
	G func(grad, x []float64)

	// Python is F as a Python expression in x and y, for exports, with
	// cos, sin, exp, sqrt, pi and e in scope (from math, or torch's
	// functions for autograd); PythonGrad are G's two components, for
	// floats, in the same operations as G.
	Python     string
	PythonGrad [2]string
}

// Minimum is a known local or global minimizer of a Surface.
type Minimum struct {
	X, Y   float64
	F      float64
	Global bool
}

var _ Objective = (*Surface)(nil)

// Dim returns 2.
func (s *Surface) Dim() int { return 2 }

// Func returns the surface's value at x.
func (s *Surface) Func(x []float64) float64 {
	if len(x) != 2 {
		panic("compute: a surface takes 2 parameters")
	}
	return s.F(x)
}

// Grad writes the exact gradient at x into grad.
func (s *Surface) Grad(grad, x []float64) {
	checkDims(grad, x, 2)
	s.G(grad, x)
}

// FuncGrad writes the gradient into grad and returns the value.
func (s *Surface) FuncGrad(grad, x []float64) float64 {
	checkDims(grad, x, 2)
	s.G(grad, x)
	return s.F(x)
}

// Layout is one penalized block, the point (x, y).
func (s *Surface) Layout() Layout {
	return Layout{{Name: "point", Params: []string{"x", "y"}, Penalized: true}}
}

// Surfaces returns every built-in test surface, in a stable order.
func Surfaces() []*Surface {
	return []*Surface{
		rosenbrock(), beale(), himmelblau(), booth(), rastrigin(), ackley(), saddle(), bowl(),
	}
}

// SurfaceNames returns the names accepted by SurfaceByName.
func SurfaceNames() []string {
	var names []string
	for _, s := range Surfaces() {
		names = append(names, s.Name)
	}
	return names
}

// SurfaceByName returns the built-in surface with the given name, matched
// case-insensitively.
func SurfaceByName(name string) (*Surface, error) {
	for _, s := range Surfaces() {
		if strings.EqualFold(s.Name, name) {
			return s, nil
		}
	}
	names := SurfaceNames()
	slices.Sort(names)
	return nil, fmt.Errorf("unknown surface %s (allowed: %s)", QuoteString(name), strings.Join(names, ", "))
}
