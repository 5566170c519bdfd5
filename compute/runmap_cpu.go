package compute

import (
	"maps"
	"math"
	"sync"
)

// RunMap runs every cell of the map on the CPU, the reference for other
// backends, with the same Optimizer code the Trainer uses. Rows are dealt
// to the worker pool's cores in turn (row r to part r mod parts), which
// balances maps whose cost differs by region, such as a trainability map
// whose diverging half stops at once.
func (c *CPU) RunMap(spec MapSpec) (*MapResult, error) {
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	spec.Tol = spec.Tolerance()
	surf, _ := SurfaceByName(spec.Surface)
	opt, _ := OptimizerByName(spec.Optimizer)
	t := &mapTask{
		spec: spec, surf: surf, opt: opt, hyper: spec.Hypers(), tol2: spec.Tol * spec.Tol,
		cells: make([]MapCell, spec.Cols*spec.Rows),
	}
	t.parts = workers.parts(spec.Rows, 1)
	workers.run(t, spec.Rows, t.parts, &sync.WaitGroup{})
	return &MapResult{Spec: spec, Cells: t.cells}, nil
}

// mapTask runs a map's cells, part p taking rows p, p+parts, p+2·parts, …
type mapTask struct {
	spec  MapSpec
	surf  *Surface
	opt   *OptimizerSpec
	hyper Hypers
	tol2  float64
	parts int
	cells []MapCell
}

func (t *mapTask) runPart(part, _, _ int) {
	p, g := make([]float64, 2), make([]float64, 2)
	h := maps.Clone(t.hyper)
	for r := part; r < t.spec.Rows; r += t.parts {
		for c := range t.spec.Cols {
			start := t.spec.CellStart(c, r)
			copy(p, start[:])
			status, steps := runCell(t.surf, t.cellOptimizer(h, c, r), p, g, t.spec.Steps, t.tol2)
			cell := MapCell{Loss: t.surf.F(p), Status: status, Minimum: -1, Steps: steps}
			if status != RunDiverged {
				cell.Minimum = NearestMinimum(t.surf, p[0], p[1])
			}
			t.cells[r*t.spec.Cols+c] = cell
		}
	}
}

// cellOptimizer returns a new optimizer for cell (c, r): the spec's
// hyperparameters with the axes' values, and for VaryLRs one parameter
// group per coordinate, with rates 1·x and 1·y. h is scratch.
func (t *mapTask) cellOptimizer(h Hypers, c, r int) Optimizer {
	x, y := t.spec.At(c, r)
	switch t.spec.Vary {
	case VaryLRMomentum:
		h["lr"], h["momentum"] = x, y
	case VaryLRs:
		return NewParamGroups([]float64{x, y}, 1, func(lr float64) Optimizer {
			h["lr"] = lr
			return t.opt.New(h)
		})
	}
	return t.opt.New(h)
}

// CellStart returns the start point of cell (c, r).
func (s MapSpec) CellStart(c, r int) [2]float64 {
	if s.Vary == VaryStart {
		x, y := s.At(c, r)
		return [2]float64{x, y}
	}
	return s.Start
}

// runCell runs one map cell from p with opt, leaving the final point in p,
// and returns how the run ended and the number of updates made. g is
// scratch for the gradient.
func runCell(s *Surface, opt Optimizer, p, g []float64, steps int, tol2 float64) (RunStatus, int) {
	for k := range steps {
		s.G(g, p)
		if float64(g[0]*g[0])+float64(g[1]*g[1]) < tol2 {
			return RunConverged, k
		}
		opt.Step(p, g)
		if !(math.Abs(p[0]) <= MapDivergenceLimit && math.Abs(p[1]) <= MapDivergenceLimit) {
			return RunDiverged, k + 1
		}
	}
	return RunUnfinished, steps
}
