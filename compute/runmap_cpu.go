package compute

import (
	"math"
	"sync"
)

// RunMap runs every cell of the map on the CPU, the reference for other
// backends. Rows are dealt to the worker pool's cores in turn (row r to
// part r mod parts), which balances maps whose cost differs by region, such
// as a trainability map whose diverging half stops at once.
func (c *CPU) RunMap(spec MapSpec) (*MapResult, error) {
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	spec.Tol = spec.Tolerance()
	surf, _ := SurfaceByName(spec.Surface)
	t := &mapTask{
		spec: spec, surf: surf, tol2: spec.Tol * spec.Tol, nesterov: spec.Optimizer == "nesterov",
		cells: make([]MapCell, spec.Cols*spec.Rows),
	}
	t.parts = workers.parts(spec.Rows, 1)
	workers.run(t, spec.Rows, t.parts, &sync.WaitGroup{})
	return &MapResult{Spec: spec, Cells: t.cells}, nil
}

// mapTask runs a map's cells, part p taking rows p, p+parts, p+2·parts, …
type mapTask struct {
	spec     MapSpec
	surf     *Surface
	tol2     float64
	nesterov bool
	parts    int
	cells    []MapCell
}

func (t *mapTask) runPart(part, _, _ int) {
	p, g := make([]float64, 2), make([]float64, 2)
	for r := part; r < t.spec.Rows; r += t.parts {
		for c := range t.spec.Cols {
			start, lr, mu := t.spec.cellRun(c, r)
			copy(p, start[:])
			status, steps := runCell(t.surf, p, g, lr, mu, t.nesterov, t.spec.Steps, t.tol2)
			cell := MapCell{Loss: t.surf.f(p), Status: status, Minimum: -1, Steps: steps}
			if status != RunDiverged {
				cell.Minimum = NearestMinimum(t.surf, p[0], p[1])
			}
			t.cells[r*t.spec.Cols+c] = cell
		}
	}
}

// cellRun returns the start point, the learning rate of each coordinate
// and the momentum of cell (c, r).
func (s MapSpec) cellRun(c, r int) (start, lr [2]float64, mu float64) {
	start, lr, mu = s.Start, [2]float64{s.LR, s.LR}, s.Momentum
	x, y := s.At(c, r)
	switch s.Vary {
	case VaryStart:
		start = [2]float64{x, y}
	case VaryLRMomentum:
		lr, mu = [2]float64{x, x}, y
	case VaryLRs:
		lr = [2]float64{x, y}
	}
	return start, lr, mu
}

// runCell runs one map cell from p, leaving the final point in p, and
// returns how the run ended and the number of updates made. g is scratch
// for the gradient. The update is SGD.Step's arithmetic, operation by
// operation, with learning rate lr[i] for coordinate i (SGD with Rate 1 and
// Scales lr), so a Trainer reaches the same points.
func runCell(s *Surface, p, g []float64, lr [2]float64, mu float64, nesterov bool, steps int, tol2 float64) (RunStatus, int) {
	var b [2]float64
	for k := range steps {
		s.g(g, p)
		if g[0]*g[0]+g[1]*g[1] < tol2 {
			return RunConverged, k
		}
		for i := range 2 {
			d := g[i]
			if mu != 0 {
				if k == 0 {
					b[i] = d
				} else {
					b[i] = b[i]*mu + d
				}
				if nesterov {
					d += mu * b[i]
				} else {
					d = b[i]
				}
			}
			p[i] += -lr[i] * d
		}
		if !(math.Abs(p[0]) <= MapDivergenceLimit && math.Abs(p[1]) <= MapDivergenceLimit) {
			return RunDiverged, k + 1
		}
	}
	return RunUnfinished, steps
}
