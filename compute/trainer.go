package compute

import (
	"context"
	"fmt"
	"math"
)

// StopReason says why a Trainer stopped; the empty reason means it has not.
type StopReason string

// The reasons a Trainer stops.
const (
	Running   StopReason = ""
	Finished  StopReason = "finished"
	NonFinite StopReason = "non-finite"
	Diverged  StopReason = "diverged"
	Cancelled StopReason = "cancelled"
)

// DivergenceLimit is the magnitude of loss or parameter beyond which a run
// counts as diverged.
const DivergenceLimit = 1e12

// TrainerOptions are a Trainer's optional parts.
type TrainerOptions struct {
	// Sampler chooses each step's batch of a DataModel; nil means the whole
	// data set every step. Ignored for objectives without data.
	Sampler *Sampler
	// Schedule sets the learning rate each epoch; nil means Constant.
	Schedule Schedule
	// Penalty is added to the loss.
	Penalty Penalty
	// Backend evaluates full-data gradients and losses; nil means a new CPU.
	Backend Backend
	// RecordEvery records the path and the full loss every k steps (and at
	// the last step of Run); 0 means 1, a negative value records only the
	// start.
	RecordEvery int
}

// Trainer runs gradient descent: each Step takes a batch from the sampler
// (the whole data set, or the point itself for a surface), computes the
// gradient of the loss plus penalty there, and lets the optimizer move the
// parameters. It records the path (the parameters after every recorded
// step, starting with the start point), the full-data loss at each recorded
// point, and the batch loss of each step (the loss the step's gradient came
// from, before the step). It stops when the loss or a parameter becomes
// non-finite or exceeds DivergenceLimit, and Run can be cancelled.
type Trainer struct {
	obj      Objective
	data     DataModel
	n        int
	opt      Optimizer
	sampler  *Sampler
	schedule Schedule
	penalty  Penalty
	backend  Backend
	every    int
	baseLR   float64

	params, grad []float64
	step, epoch  int
	path         []float64
	loss         []float64
	batchLoss    []float64
	stop         StopReason
	recordedStep int
	// epochData is the data in the current epoch's order; spareData is the
	// buffer that the next epoch's order is written into, ahead of time on
	// another goroutine when prepDone is not nil.
	epochData, spareData DataModel
	lastBatch            []int32
	prepDone             chan DataModel
	prepared             bool
}

// NewTrainer returns a trainer for obj starting at start. The optimizer's
// learning rate at this moment is the schedule's base rate.
func NewTrainer(obj Objective, opt Optimizer, start []float64, o TrainerOptions) (*Trainer, error) {
	if len(start) != obj.Dim() {
		return nil, fmt.Errorf("trainer: start has %d parameters, the model has %d", len(start), obj.Dim())
	}
	t := &Trainer{
		obj: obj, opt: opt, sampler: o.Sampler, schedule: o.Schedule, penalty: o.Penalty,
		backend: o.Backend, every: o.RecordEvery, baseLR: opt.LR(),
		params: append([]float64(nil), start...), grad: make([]float64, len(start)),
	}
	t.data, _ = obj.(DataModel)
	if t.data != nil {
		t.n = t.data.Len()
	}
	if t.data == nil {
		t.sampler = nil
	} else if t.sampler == nil {
		t.sampler, _ = NewSampler(t.data.Len(), t.data.Len(), nil)
	}
	if t.schedule == nil {
		t.schedule = Constant{}
	}
	if t.backend == nil {
		t.backend = NewCPU()
	}
	if t.every == 0 {
		t.every = 1
	}
	t.record(false)
	return t, nil
}

// Params returns the current parameters. The slice is the trainer's own and
// changes with every step.
func (t *Trainer) Params() []float64 { return t.params }

// Gradient returns the gradient used by the latest step.
func (t *Trainer) Gradient() []float64 { return t.grad }

// Steps returns the number of steps taken.
func (t *Trainer) Steps() int { return t.step }

// Epochs returns the number of completed epochs.
func (t *Trainer) Epochs() int { return t.epoch }

// Optimizer returns the trainer's optimizer.
func (t *Trainer) Optimizer() Optimizer { return t.opt }

// Stopped returns why the trainer stopped, or Running.
func (t *Trainer) Stopped() StopReason { return t.stop }

// Path returns the recorded points as views into the trainer's record.
func (t *Trainer) Path() [][]float64 {
	dim := len(t.params)
	pts := make([][]float64, len(t.path)/dim)
	for i := range pts {
		pts[i] = t.path[i*dim : (i+1)*dim : (i+1)*dim]
	}
	return pts
}

// Losses returns the full-data loss (plus penalty) at each recorded point.
func (t *Trainer) Losses() []float64 { return t.loss }

// BatchLosses returns the batch loss of each recorded step: the loss (plus
// penalty) of the step's batch before the step, the value its gradient came
// from.
func (t *Trainer) BatchLosses() []float64 { return t.batchLoss }

// LastBatch returns the sample indices of the latest recorded step's batch,
// or nil when every step uses the whole data set or there is no data.
func (t *Trainer) LastBatch() []int32 { return t.lastBatch }

// Loss returns the full-data loss plus penalty at the current parameters.
func (t *Trainer) Loss() float64 {
	var l float64
	if t.data != nil {
		l = t.backend.Loss(t.data, t.params)
	} else {
		l = t.obj.Func(t.params)
	}
	if t.penalty.Active() {
		l += t.penalty.Value(t.params)
	}
	return l
}

// Step takes one step and returns Running, or the reason the trainer
// stopped.
func (t *Trainer) Step() StopReason {
	if t.stop != Running {
		return t.stop
	}
	rec := t.every > 0 && (t.step+1)%t.every == 0
	endsEpoch := true
	var batchLoss float64
	if t.data == nil {
		t.opt.SetLR(t.schedule.LR(t.baseLR, t.epoch))
		if rec {
			batchLoss = t.obj.Func(t.params)
		}
		t.obj.Grad(t.grad, t.params)
	} else {
		var lo, hi int
		lo, hi, endsEpoch = t.sampler.Next()
		if lo == 0 {
			t.beginEpoch()
		}
		if rec && hi-lo < t.n {
			t.lastBatch = append(t.lastBatch[:0], t.sampler.Order()[lo:hi]...)
		}
		switch k := hi - lo; {
		case k == t.n:
			// The whole data set: its order does not change the sum, and
			// the original stays cached where a backend uploads it.
			batchLoss = t.backend.Gradient(t.grad, t.data, t.params, rec)
		case k == 1:
			batchLoss = t.epochData.GradRange(t.grad, t.params, lo, hi, rec)
		default:
			inv := 1 / float64(k)
			batchLoss = t.epochData.GradRange(t.grad, t.params, lo, hi, rec) * inv
			scale(t.grad, inv)
		}
	}
	if t.penalty.Active() {
		t.penalty.AddGrad(t.grad, t.params)
		if rec {
			batchLoss += t.penalty.Value(t.params)
		}
	}
	t.opt.Step(t.params, t.grad)
	t.step++
	if endsEpoch {
		if t.sampler != nil {
			t.endEpoch()
		} else {
			t.epoch++
		}
	}
	for _, p := range t.params {
		if !(math.Abs(p) <= DivergenceLimit) {
			t.stop = check(p)
			t.record(true)
			return t.stop
		}
	}
	if rec {
		t.batchLoss = append(t.batchLoss, batchLoss)
		t.record(true)
	}
	return t.stop
}

// aheadSamples is the data size from which a shuffled epoch's permutation
// and reordered copy are prepared on another core while the previous epoch
// runs.
const aheadSamples = 1 << 12

// beginEpoch sets the epoch's learning rate and, when the sampler shuffles,
// lays the data out in the epoch's order (unless endEpoch already has) and
// starts preparing the next epoch's.
func (t *Trainer) beginEpoch() {
	t.opt.SetLR(t.schedule.LR(t.baseLR, t.epoch))
	if !t.sampler.Shuffled() {
		t.epochData = t.data
		return
	}
	if !t.prepared {
		t.epochData = t.data.Reordered(t.sampler.Order(), t.epochData)
	}
	t.prepared = false
	if t.data.Len() >= aheadSamples {
		done, spare := make(chan DataModel, 1), t.spareData
		t.prepDone = done
		go func() { done <- t.data.Reordered(t.sampler.PrepareNext(), spare) }()
	}
}

// endEpoch moves the sampler to the next epoch, taking the order and data
// prepared ahead when there are some.
func (t *Trainer) endEpoch() {
	t.epoch++
	if t.prepDone != nil {
		next := <-t.prepDone
		t.prepDone = nil
		t.spareData, t.epochData, t.prepared = t.epochData, next, true
	}
	t.sampler.Advance()
}

// Run takes up to steps steps, stopping early when the trainer stops or ctx
// is done, and returns the reason it stopped (Finished when it ran them
// all). The last point is always recorded.
func (t *Trainer) Run(ctx context.Context, steps int) StopReason {
	return t.runUntil(ctx, func() bool { return steps <= 0 }, func() { steps-- })
}

// RunEpochs runs until epochs more epochs have completed, as Run does.
func (t *Trainer) RunEpochs(ctx context.Context, epochs int) StopReason {
	target := t.epoch + epochs
	return t.runUntil(ctx, func() bool { return t.epoch >= target }, func() {})
}

func (t *Trainer) runUntil(ctx context.Context, done func() bool, tick func()) StopReason {
	for i := 0; ; i++ {
		if t.stop != Running {
			return t.stop
		}
		if done() {
			break
		}
		if i%1024 == 0 && ctx.Err() != nil {
			t.record(true)
			return Cancelled
		}
		t.Step()
		tick()
	}
	t.record(true)
	return Finished
}

// record appends the current point and its full loss unless it is already
// the last recorded point; a non-finite or huge loss stops the trainer.
func (t *Trainer) record(checkLoss bool) {
	dim := len(t.params)
	if len(t.loss) > 0 && t.recordedStep == t.step {
		return
	}
	t.recordedStep = t.step
	t.path = append(t.path, t.params[:dim]...)
	l := t.Loss()
	t.loss = append(t.loss, l)
	if checkLoss && t.stop == Running {
		t.stop = check(l)
	}
}

func check(v float64) StopReason {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return NonFinite
	case math.Abs(v) > DivergenceLimit:
		return Diverged
	}
	return Running
}
