package compute

import (
	"sync"

	"gonum.org/v1/gonum/floats"
)

// minPartSamples is the smallest number of samples worth handing to another
// core: below it the hand-off costs more than the loop.
const minPartSamples = 1 << 15

// gradChunk is the number of samples in each chunk of a full-data pass. A
// pass over more samples sums every chunk on its own (samples in order) and
// then adds the chunks' sums in chunk order, whichever core computed them,
// so that the result's bits depend on the data alone and not on the number
// of cores. A chunk is also about the least work worth handing to another
// core.
const gradChunk = minPartSamples

// chunks returns the number of gradChunk-sized chunks of n samples, the
// last one possibly shorter.
func chunks(n int) int { return (n + gradChunk - 1) / gradChunk }

// chunkRange returns the samples lo ≤ i < hi of chunk k of n.
func chunkRange(k, n int) (lo, hi int) { return k * gradChunk, min((k+1)*gradChunk, n) }

// CPU is the reference backend. Full-data gradients are one fused pass over
// the data in fixed chunks, which are spread across cores for large N and
// added in a fixed order; it allocates nothing once warm. Loss grids of
// linear regression use the model's centred sufficient statistics (O(1) per
// cell for one feature); other objectives are evaluated point by point in
// parallel over rows. A CPU may be used by one goroutine at a time.
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

// gradTask computes the gradient and loss sums of chunks lo ≤ k < hi of
// a pass into per-chunk scratch: chunk k's gradient at
// partial[k·dim : (k+1)·dim], its loss at loss[k].
type gradTask struct {
	m        DataModel
	x        []float64
	n        int
	withLoss bool
	partial  []float64
	loss     []float64
}

func (t *gradTask) runPart(_, lo, hi int) {
	dim := len(t.x)
	for k := lo; k < hi; k++ {
		a, b := chunkRange(k, t.n)
		t.loss[k] = t.m.GradRange(t.partial[k*dim:(k+1)*dim], t.x, a, b, t.withLoss)
	}
}

// Gradient writes the mean gradient of m at x into grad. Over more than one
// chunk of samples, the chunks' sums are added in chunk order (see
// gradChunk).
func (c *CPU) Gradient(grad []float64, m DataModel, x []float64, withLoss bool) float64 {
	checkDims(grad, x, m.Dim())
	n := m.Len()
	nc := chunks(n)
	var loss float64
	if nc <= 1 {
		loss = m.GradRange(grad, x, 0, n, withLoss)
	} else {
		c.mu.Lock()
		t := &c.grad
		dim := len(x)
		t.m, t.x, t.n, t.withLoss = m, x, n, withLoss
		if len(t.partial) < nc*dim {
			t.partial = make([]float64, nc*dim)
		}
		if len(t.loss) < nc {
			t.loss = make([]float64, nc)
		}
		workers.run(t, nc, workers.parts(nc, 1), &c.wg)
		copy(grad, t.partial[:dim])
		loss = t.loss[0]
		for k := 1; k < nc; k++ {
			p := t.partial[k*dim : (k+1)*dim]
			for j := range grad {
				grad[j] += p[j]
			}
			loss += t.loss[k]
		}
		t.m, t.x = nil, nil
		c.mu.Unlock()
	}
	inv := 1 / float64(n)
	floats.Scale(inv, grad)
	return loss * inv
}

// lossTask sums the losses of chunks lo ≤ k < hi into loss[k].
type lossTask struct {
	m    DataModel
	x    []float64
	n    int
	loss []float64
}

func (t *lossTask) runPart(_, lo, hi int) {
	for k := lo; k < hi; k++ {
		a, b := chunkRange(k, t.n)
		t.loss[k] = t.m.LossRange(t.x, a, b)
	}
}

// Loss returns the mean loss of m at x, in chunks added in order as
// Gradient does.
func (c *CPU) Loss(m DataModel, x []float64) float64 {
	n := m.Len()
	nc := chunks(n)
	if nc <= 1 {
		return m.LossRange(x, 0, n) / float64(n)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &c.loss
	t.m, t.x, t.n = m, x, n
	if len(t.loss) < nc {
		t.loss = make([]float64, nc)
	}
	workers.run(t, nc, workers.parts(nc, 1), &c.wg)
	sum := t.loss[0]
	for k := 1; k < nc; k++ {
		sum += t.loss[k]
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
