package compute

import (
	"sync"

	"gonum.org/v1/gonum/floats"
)

// minPartSamples is the smallest number of samples worth handing to another
// core: below it the hand-off costs more than the loop.
const minPartSamples = 1 << 15

// CPU is the reference backend. Full-data gradients are one fused pass over
// the data, split across cores for large N, and allocate nothing once warm.
// Loss grids of linear regression use the model's centred sufficient
// statistics (O(1) per cell for one feature); other objectives are evaluated
// point by point in parallel over rows. A CPU may be used by one goroutine
// at a time.
type CPU struct {
	mu   sync.Mutex
	wg   sync.WaitGroup
	grad gradTask
	loss lossTask
}

var _ Backend = (*CPU)(nil)

// NewCPU returns a CPU backend.
func NewCPU() *CPU { return &CPU{} }

// Name returns "cpu".
func (*CPU) Name() string { return "cpu" }

// gradTask accumulates per-part gradients and losses into scratch rows.
type gradTask struct {
	m        DataModel
	x        []float64
	withLoss bool
	partial  [][]float64
	loss     []float64
}

func (t *gradTask) runPart(part, lo, hi int) {
	g := t.partial[part]
	t.loss[part] = t.m.GradRange(g, t.x, lo, hi, t.withLoss)
}

// Gradient writes the mean gradient of m at x into grad.
func (c *CPU) Gradient(grad []float64, m DataModel, x []float64, withLoss bool) float64 {
	checkDims(grad, x, m.Dim())
	n := m.Len()
	parts := workers.parts(n, minPartSamples)
	var loss float64
	if parts == 1 {
		loss = m.GradRange(grad, x, 0, n, withLoss)
	} else {
		c.mu.Lock()
		t := &c.grad
		t.m, t.x, t.withLoss = m, x, withLoss
		if len(t.partial) < parts || len(t.partial[0]) != len(x) {
			t.partial = make([][]float64, workers.size)
			for i := range t.partial {
				t.partial[i] = make([]float64, len(x))
			}
			t.loss = make([]float64, workers.size)
		}
		workers.run(t, n, parts, &c.wg)
		clear(grad)
		for p := range parts {
			floats.Add(grad, t.partial[p])
			loss += t.loss[p]
		}
		t.m, t.x = nil, nil
		c.mu.Unlock()
	}
	inv := 1 / float64(n)
	floats.Scale(inv, grad)
	return loss * inv
}

// lossTask sums per-part losses into scratch slots.
type lossTask struct {
	m    DataModel
	x    []float64
	loss []float64
}

func (t *lossTask) runPart(part, lo, hi int) { t.loss[part] = t.m.LossRange(t.x, lo, hi) }

// Loss returns the mean loss of m at x, split across cores as Gradient is.
func (c *CPU) Loss(m DataModel, x []float64) float64 {
	n := m.Len()
	parts := workers.parts(n, minPartSamples)
	if parts == 1 {
		return m.LossRange(x, 0, n) / float64(n)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &c.loss
	t.m, t.x = m, x
	if len(t.loss) < workers.size {
		t.loss = make([]float64, workers.size)
	}
	workers.run(t, n, parts, &c.wg)
	var sum float64
	for p := range parts {
		sum += t.loss[p]
	}
	t.m, t.x = nil, nil
	return sum / float64(n)
}

// gridTask evaluates an objective over rows of a grid.
type gridTask struct {
	dst []float64
	f   Objective
	g   Grid
	// point holds one parameter vector per part.
	point [][]float64
}

func (t *gridTask) runPart(part, lo, hi int) {
	p := t.point[part]
	for r := lo; r < hi; r++ {
		for c := range t.g.Cols {
			t.g.Point(p, c, r)
			t.dst[r*t.g.Cols+c] = t.f.Func(p)
		}
	}
}

// LossGrid fills dst with f over the grid.
func (c *CPU) LossGrid(dst []float64, f Objective, g Grid) error {
	if err := g.Check(dst, f); err != nil {
		return err
	}
	if lr, ok := f.(*LinearRegression); ok && g.AxisAligned() {
		lr.statistics().fillGrid(dst, g)
		return nil
	}
	parts := workers.parts(g.Rows, 1)
	t := &gridTask{dst: dst, f: f, g: g, point: make([][]float64, parts)}
	for i := range t.point {
		t.point[i] = make([]float64, f.Dim())
		copy(t.point[i], g.Base)
	}
	workers.run(t, g.Rows, parts, &sync.WaitGroup{})
	return nil
}
