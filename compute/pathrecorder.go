package compute

import "math"

// PathPoint is one recorded point of a run: the parameters after a step,
// the step's learning rate, the loss of its batch, and the full-data loss
// at the point where the policy evaluated it (null otherwise).
type PathPoint struct {
	Step      int    `json:"step"`
	Epoch     int    `json:"epoch"`
	LR        Float  `json:"lr"`
	BatchLoss Float  `json:"batch_loss"`
	Loss      Float  `json:"loss"`
	Params    Floats `json:"params"`
}

// PathRecorder keeps the path of a run in bounded memory: every point until
// Budget points (0 means DefaultPathBudget), then every second one, every
// fourth, and so on, always with the latest point.
type PathRecorder struct {
	thin   thinning
	dim    int
	steps  []int
	epochs []int
	lrs    []float64
	losses []float64
	full   []float64
	params []float64
	last   PathPoint
	has    bool
}

var _ Recorder = (*PathRecorder)(nil)

// NewPathRecorder returns a recorder that keeps at most budget points
// (0 means DefaultPathBudget) besides the latest.
func NewPathRecorder(budget int) *PathRecorder {
	return &PathRecorder{thin: thinning{budget: budget}}
}

// RecordStep keeps r's point when the thinning says so, and always as the
// latest.
func (p *PathRecorder) RecordStep(r *StepRecord) {
	if len(p.last.Params) != len(r.After) {
		p.dim, p.last.Params = len(r.After), make(Floats, len(r.After))
	}
	// Field by field and a loop for the few parameters: this runs every
	// step, and a call to memmove costs more than the copy (measured hot
	// path).
	p.last.Step, p.last.Epoch, p.last.LR, p.last.BatchLoss = r.Step, r.Epoch, Float(r.LR), Float(r.BatchLoss)
	p.last.Loss = Float(math.NaN())
	for i, v := range r.After {
		p.last.Params[i] = v
	}
	p.has = true
	if !p.thin.next() {
		return
	}
	p.steps = append(p.steps, r.Step)
	p.epochs = append(p.epochs, r.Epoch)
	p.lrs = append(p.lrs, r.LR)
	p.losses = append(p.losses, r.BatchLoss)
	p.full = append(p.full, math.NaN())
	p.params = append(p.params, r.After...)
	if p.thin.full(len(p.steps)) {
		p.steps, p.epochs = compact(p.steps, 1), compact(p.epochs, 1)
		p.lrs, p.losses, p.full = compact(p.lrs, 1), compact(p.losses, 1), compact(p.full, 1)
		p.params = compact(p.params, p.dim)
		p.thin.halve()
	}
}

// RecordLoss sets the full-data loss of its point, the latest, when it is
// kept.
func (p *PathRecorder) RecordLoss(l LossPoint) {
	if p.has && p.last.Step == l.Step {
		p.last.Loss = l.Loss
	}
	if n := len(p.steps); n > 0 && p.steps[n-1] == l.Step {
		p.full[n-1] = float64(l.Loss)
	}
}

// Len returns the number of points Points would return.
func (p *PathRecorder) Len() int {
	n := len(p.steps)
	if p.has && (n == 0 || p.steps[n-1] != p.last.Step) {
		n++
	}
	return n
}

// Points returns the kept points, the latest last, as new slices.
func (p *PathRecorder) Points() []PathPoint {
	pts := make([]PathPoint, 0, p.Len())
	for i, s := range p.steps {
		pts = append(pts, PathPoint{Step: s, Epoch: p.epochs[i], LR: Float(p.lrs[i]), BatchLoss: Float(p.losses[i]),
			Loss: Float(p.full[i]), Params: append(Floats(nil), p.params[i*p.dim:(i+1)*p.dim]...)})
	}
	if len(pts) < p.Len() {
		last := p.last
		last.Params = append(Floats(nil), last.Params...)
		pts = append(pts, last)
	}
	return pts
}

// Coords returns the kept points' parameters (the latest last) as views
// into one new slice, the form a drawing wants.
func (p *PathRecorder) Coords() [][]float64 {
	n := p.Len()
	flat := make([]float64, 0, n*p.dim)
	flat = append(flat, p.params...)
	if n > len(p.steps) {
		flat = append(flat, p.last.Params...)
	}
	pts := make([][]float64, n)
	for i := range pts {
		pts[i] = flat[i*p.dim : (i+1)*p.dim : (i+1)*p.dim]
	}
	return pts
}

// LossRecorder keeps the full-data losses of a run (the loss curve),
// thinned like a path when there are more than its budget.
type LossRecorder struct {
	thin   thinning
	points []LossPoint
	last   LossPoint
	has    bool
}

var _ Recorder = (*LossRecorder)(nil)

// NewLossRecorder returns a recorder that keeps at most budget losses (0
// means DefaultPathBudget) besides the latest.
func NewLossRecorder(budget int) *LossRecorder { return &LossRecorder{thin: thinning{budget: budget}} }

// RecordStep does nothing: losses arrive through RecordLoss.
func (l *LossRecorder) RecordStep(*StepRecord) {}

// RecordLoss keeps p when the thinning says so, and always as the latest.
func (l *LossRecorder) RecordLoss(p LossPoint) {
	l.last, l.has = p, true
	if !l.thin.next() {
		return
	}
	l.points = append(l.points, p)
	if l.thin.full(len(l.points)) {
		l.points = compact(l.points, 1)
		l.thin.halve()
	}
}

// Points returns the kept losses, the latest last (an empty slice, not
// nil, when there are none).
func (l *LossRecorder) Points() []LossPoint {
	pts := append([]LossPoint{}, l.points...)
	if l.has && (len(pts) == 0 || pts[len(pts)-1].Step != l.last.Step) {
		pts = append(pts, l.last)
	}
	return pts
}

// Values returns the kept losses' values, the latest last.
func (l *LossRecorder) Values() []float64 {
	pts := l.Points()
	v := make([]float64, len(pts))
	for i, p := range pts {
		v[i] = float64(p.Loss)
	}
	return v
}

// Last returns the latest loss, or NaN before any.
func (l *LossRecorder) Last() float64 {
	if !l.has {
		return math.NaN()
	}
	return float64(l.last.Loss)
}
