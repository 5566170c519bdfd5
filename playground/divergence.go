package playground

import (
	"math"

	"github.com/descent-playground/descent/compute"
)

// Divergence says where a racer's run diverged. The trainer stops a run
// when a parameter leaves ±compute.DivergenceLimit or stops being finite,
// often long after the run left the picture; the mark goes where it left.
type Divergence struct {
	// Step is the step at which the trainer stopped the run.
	Step int
	// At is the last point of the recorded path inside the view (the start
	// when none is): where the run left the picture, which the cross marks.
	At [2]float64
	// AtStep is the step of At.
	AtStep int
	// LossIndex is the index in the racer's Losses of the last loss
	// recorded at or before AtStep: the loss chart's divergence point.
	LossIndex int
}

// Diverged reports whether the racer's run stopped because it diverged
// (a parameter beyond compute.DivergenceLimit, or not finite).
func (r *Racer) Diverged() bool {
	tr := r.Trainer()
	if tr == nil {
		return false
	}
	s := tr.Stopped()
	return s == compute.Diverged || s == compute.NonFinite
}

// DivergedAt returns the step at which the racer's run diverged, and 0
// when it did not.
func (r *Racer) DivergedAt() int {
	if !r.Diverged() {
		return 0
	}
	return r.Trainer().Steps()
}

// divergence works out where r's run diverged in the view [XMin, XMax] ×
// [YMin, YMax], and false when it did not diverge. It reads the recorders'
// points (with their steps) once; callers cache it per run, which no
// longer changes.
func divergence(r *Racer, view [4]float64) (Divergence, bool) {
	if !r.Diverged() {
		return Divergence{}, false
	}
	d := Divergence{Step: r.Trainer().Steps()}
	path := r.run.Path.Points()
	for i, p := range path {
		x, y := p.Params[0], p.Params[1]
		if i == 0 || (x >= view[0] && x <= view[1] && y >= view[2] && y <= view[3]) {
			d.At, d.AtStep = [2]float64{x, y}, p.Step
		}
	}
	for i, l := range r.run.Losses.Points() {
		if l.Step > d.AtStep {
			break
		}
		d.LossIndex = i
	}
	return d, true
}

// divergences caches each diverged run's Divergence: a stopped run does
// not change.
type divergences map[*compute.Run]Divergence

// of returns r's Divergence in view, computing it on first use.
func (c divergences) of(r *Racer, view [4]float64) (Divergence, bool) {
	if !r.Diverged() {
		return Divergence{}, false
	}
	if d, ok := c[r.run]; ok {
		return d, true
	}
	d, _ := divergence(r, view)
	if len(c) > 64 {
		clear(c)
	}
	c[r.run] = d
	return d, true
}

// RacerStat is one row of the status table: a racer's step, epoch, loss
// and gradient norm, and how its run stopped.
type RacerStat struct {
	Racer          *Racer
	Step, Epoch    int
	Loss, GradNorm float64
	Stopped        compute.StopReason
}

// RacerStats returns a row for every racer with a run, in legend order.
func (w *World) RacerStats() []RacerStat {
	var rows []RacerStat
	for _, r := range w.Racers {
		tr := r.Trainer()
		if tr == nil {
			continue
		}
		var g float64
		for _, v := range tr.Gradient() {
			g += v * v
		}
		rows = append(rows, RacerStat{
			Racer: r, Step: tr.Steps(), Epoch: tr.Epochs(),
			Loss: r.run.Losses.Last(), GradNorm: math.Sqrt(g), Stopped: tr.Stopped(),
		})
	}
	return rows
}
