package compute

import (
	"fmt"
	"math"
	"strings"
)

// MapAxes says what a map's two axes vary.
type MapAxes string

// The kinds of map. A convergence map varies the start point and shows
// basins of attraction; the two trainability maps vary hyperparameters and
// show where training converges and where it diverges.
const (
	// VaryStart varies the start point: x and y on linear axes.
	VaryStart MapAxes = "start"
	// VaryLRMomentum varies the learning rate along x (log-spaced) and the
	// momentum along y (linear).
	VaryLRMomentum MapAxes = "lr-momentum"
	// VaryLRs varies the learning rates of the two coordinates (both
	// log-spaced), the surface's version of two layers' learning rates.
	VaryLRs MapAxes = "lr-lr"
)

// Limits and defaults of a map.
const (
	// MaxMapSteps is the most steps a map's runs may take. The GPU runs all
	// of a cell's steps in one loop of one draw, and Mesa's llvmpipe stops
	// a shader loop silently after 65,535 iterations.
	MaxMapSteps = 4096
	// MaxMapSide is the most cells along either axis of a map.
	MaxMapSide = 4096
	// DefaultMapTol is the convergence tolerance used when MapSpec.Tol is 0,
	// and the finest the GPU backend runs (it hands finer ones to the CPU).
	// It stays clear of float32's floor, so that both backends reach the
	// same verdicts: near a minimum float32 evaluates these surfaces'
	// gradients to about 1e-5, and a run that contracts slowly (near the
	// edge of stability) can circle its minimum a few units in the last
	// place away, at gradient norms up to about 1e-4, where in float64 it
	// goes on converging.
	DefaultMapTol = 1e-3
	// MapDivergenceLimit is the coordinate magnitude beyond which a map's
	// run counts as diverged.
	MapDivergenceLimit = 1e6
)

// MapSpec describes a map: a grid of independent runs of one optimizer on
// one test surface, two quantities varied across the grid and the rest
// fixed.
//
// Each cell runs Steps steps of the optimizer (the registered Optimizer, as
// the Trainer runs it) from its start. At each step the gradient g at the
// current point is computed first; if gx²+gy² < Tol² the run has converged
// and stops before updating. Otherwise the point is updated (with a
// learning rate per coordinate, as parameter groups, for VaryLRs), and if a
// coordinate is then not finite or its magnitude exceeds
// MapDivergenceLimit the run has diverged and stops. A run that does
// neither within Steps steps is unfinished.
type MapSpec struct {
	// Surface names a built-in test surface.
	Surface string `json:"surface"`
	// Optimizer names a registered optimizer.
	Optimizer string `json:"optimizer"`
	// Hyper holds hyperparameters that differ from the optimizer's
	// defaults; the axes override lr (and momentum) where they vary them.
	Hyper Hypers `json:"hyper,omitempty"`
	// Start is the start point where the axes do not vary it.
	Start [2]float64 `json:"start"`
	// Vary says what the axes vary.
	Vary MapAxes `json:"vary"`
	// XMin, XMax, YMin and YMax are the axes' end values; on a log axis
	// both must be > 0.
	XMin float64 `json:"x_min"`
	XMax float64 `json:"x_max"`
	YMin float64 `json:"y_min"`
	YMax float64 `json:"y_max"`
	// Cols and Rows are the number of cells along x and y.
	Cols int `json:"cols"`
	Rows int `json:"rows"`
	// Steps is the most steps each run takes, 1..MaxMapSteps.
	Steps int `json:"steps"`
	// Tol is the gradient norm below which a run has converged; 0 means
	// DefaultMapTol.
	Tol float64 `json:"tol"`
}

// RunStatus is how a map's run ended.
type RunStatus uint8

// The ways a map's run ends.
const (
	// RunUnfinished neither converged nor diverged within the steps.
	RunUnfinished RunStatus = iota
	// RunConverged reached a gradient norm below the tolerance.
	RunConverged
	// RunDiverged left the box |x|, |y| ≤ MapDivergenceLimit or became
	// non-finite.
	RunDiverged
)

// String returns "unfinished", "converged" or "diverged".
func (s RunStatus) String() string {
	switch s {
	case RunConverged:
		return "converged"
	case RunDiverged:
		return "diverged"
	}
	return "unfinished"
}

// MapCell is the outcome of one run of a map.
type MapCell struct {
	// Loss is the surface's value at the final point; it may be huge,
	// infinite or NaN for a diverged run.
	Loss float64
	// Status is how the run ended.
	Status RunStatus
	// Minimum is the index into the surface's Minima of the known minimum
	// nearest to the final point, if it lies within MinimumRadius of it;
	// otherwise, and always for a diverged run, -1.
	Minimum int
	// Steps is the number of updates made: those before convergence or up
	// to and including the one that diverged, else the spec's Steps.
	Steps int
}

// MapResult is a computed map. Cells are row-major with row 0 at YMin, as
// in Grid: cell (c, r) is Cells[r·Cols + c].
type MapResult struct {
	// Spec is the map that was run, with Tol's default filled in.
	Spec  MapSpec
	Cells []MapCell
}

// Hypers returns the optimizer's hyperparameters: its defaults overridden
// by Hyper. The spec must be valid.
func (s MapSpec) Hypers() Hypers {
	opt, err := OptimizerByName(s.Optimizer)
	if err != nil {
		panic(err)
	}
	h, err := opt.Resolve(s.Hyper)
	if err != nil {
		panic(err)
	}
	return h
}

// Tolerance returns Tol, or DefaultMapTol when Tol is 0.
func (s MapSpec) Tolerance() float64 {
	if s.Tol == 0 {
		return DefaultMapTol
	}
	return s.Tol
}

// logX and logY say which axes are log-spaced.
func (s MapSpec) logX() bool { return s.Vary == VaryLRMomentum || s.Vary == VaryLRs }
func (s MapSpec) logY() bool { return s.Vary == VaryLRs }

// At returns the axis values of cell (c, r): the start point, (learning
// rate, momentum) or the two learning rates. A linear axis steps evenly
// from its minimum to its maximum, a log axis by an even factor; an axis of
// one cell is its minimum.
func (s MapSpec) At(c, r int) (x, y float64) {
	if s.logX() {
		x = logStep(s.XMin, s.XMax, c, s.Cols)
	} else {
		x = lerpStep(s.XMin, s.XMax, c, s.Cols)
	}
	if s.logY() {
		y = logStep(s.YMin, s.YMax, r, s.Rows)
	} else {
		y = lerpStep(s.YMin, s.YMax, r, s.Rows)
	}
	return x, y
}

// logStep is point i of n log-spaced from lo to hi, both ends exact.
func logStep(lo, hi float64, i, n int) float64 {
	switch {
	case n < 2 || i == 0:
		return lo
	case i == n-1:
		return hi
	}
	return expFast(portableLog(lo) + float64(float64(i)*(portableLog(hi)-portableLog(lo))/float64(n-1)))
}

// Validate checks every field and returns the first problem as a
// *FieldError naming it.
func (s MapSpec) Validate() error {
	if _, err := SurfaceByName(s.Surface); err != nil {
		return fieldErr("surface", QuoteString(s.Surface), "want one of %s", strings.Join(SurfaceNames(), ", "))
	}
	opt, err := OptimizerByName(s.Optimizer)
	if err != nil {
		return oneOf("optimizer", s.Optimizer, OptimizerNames())
	}
	if _, err := opt.Resolve(s.Hyper); err != nil {
		return err
	}
	if _, ok := opt.Hyper("momentum"); s.Vary == VaryLRMomentum && !ok {
		return fieldErr("vary", s.Vary, "optimizer %s has no momentum (those with one: %s)", s.Optimizer,
			strings.Join(OptimizersUsing("momentum"), ", "))
	}
	vary := []string{string(VaryStart), string(VaryLRMomentum), string(VaryLRs)}
	if err := oneOf("vary", string(s.Vary), vary); err != nil {
		return err
	}
	if s.Vary != VaryStart && (!finite(s.Start[0]) || !finite(s.Start[1])) {
		return fieldErr("start", s.Start, "want finite coordinates")
	}
	if err := s.validateAxis("x", s.XMin, s.XMax, s.logX(), math.Inf(-1)); err != nil {
		return err
	}
	minY := math.Inf(-1)
	if s.Vary == VaryLRMomentum {
		minY = 0
	}
	if err := s.validateAxis("y", s.YMin, s.YMax, s.logY(), minY); err != nil {
		return err
	}
	switch {
	case s.Cols < 1 || s.Cols > MaxMapSide:
		return fieldErr("cols", s.Cols, "want 1 ≤ cols ≤ %d", MaxMapSide)
	case s.Rows < 1 || s.Rows > MaxMapSide:
		return fieldErr("rows", s.Rows, "want 1 ≤ rows ≤ %d", MaxMapSide)
	case s.Steps < 1 || s.Steps > MaxMapSteps:
		return fieldErr("steps", s.Steps, "want 1 ≤ steps ≤ %d", MaxMapSteps)
	case !(s.Tol >= 0 && finite(s.Tol)):
		return fieldErr("tol", s.Tol, "want a finite number ≥ 0 (0 means %g)", DefaultMapTol)
	}
	return nil
}

// validateAxis checks one axis's range: finite ends in order, both > 0 on
// a log axis and ≥ floor on a linear one.
func (s MapSpec) validateAxis(axis string, lo, hi float64, log bool, floor float64) error {
	minField, maxField := axis+"_min", axis+"_max"
	switch {
	case !finite(lo):
		return fieldErr(minField, lo, "want a finite number")
	case !finite(hi):
		return fieldErr(maxField, hi, "want a finite number")
	case log && lo <= 0:
		return fieldErr(minField, lo, "a log axis (%s) wants a number > 0", s.Vary)
	case !log && lo < floor:
		return fieldErr(minField, lo, "want a number ≥ %g", floor)
	case hi < lo:
		return fieldErr(maxField, hi, "want a number ≥ %s_min = %g", axis, lo)
	}
	return nil
}

// MinimumRadius is how near a run's final point must be to one of the
// surface's known minima to be attributed to it: 5% of the smaller side of
// the surface's domain.
func MinimumRadius(s *Surface) float64 {
	return 0.05 * min(s.Domain[1]-s.Domain[0], s.Domain[3]-s.Domain[2])
}

// NearestMinimum returns the index into s.Minima of the minimum nearest to
// (x, y) if it lies within MinimumRadius(s), else -1. Ties go to the lower
// index.
func NearestMinimum(s *Surface, x, y float64) int {
	r := MinimumRadius(s)
	best, bestD := -1, r*r
	for i, m := range s.Minima {
		dx, dy := x-m.X, y-m.Y
		if d := float64(dx*dx) + float64(dy*dy); d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// GPUMapRuns says whether the GPU's run-map shader (compute/gpu's
// runs.kage) implements optimizer name with resolved hyperparameters h,
// and why not: sgd, momentum and nesterov without dampening or weight
// decay, adam without weight decay or AMSGrad. compute/gpu runs other maps
// on the CPU; tune refuses them on the GPU. It lives here, not in
// compute/gpu, so that graphics-free code can ask.
func GPUMapRuns(name string, h Hypers) error {
	switch name {
	case "sgd", "momentum", "nesterov":
		if h["dampening"] != 0 || h["weight_decay"] != 0 {
			return fmt.Errorf("the GPU map runs %s without dampening or weight decay", name)
		}
	case "adam":
		if h["weight_decay"] != 0 || h["amsgrad"] != 0 {
			return fmt.Errorf("the GPU map runs adam without weight decay or AMSGrad")
		}
	default:
		return fmt.Errorf("the GPU map runs sgd, momentum, nesterov and adam, not %s", name)
	}
	return nil
}
