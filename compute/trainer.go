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
	// RecordEvery hands every k-th step to the recorders (and the last
	// point of every Run); 0 means 1, and a negative value hands on only
	// the start, the last point and the points whose loss is evaluated.
	RecordEvery int
	// FullLoss says when the full-data loss is evaluated; the zero value
	// means never.
	FullLoss LossPolicy
	// Recorders receive the start point, the recorded steps and the
	// full-data losses.
	Recorders []Recorder
}

// Trainer runs gradient descent: each Step takes a batch from the sampler
// (the whole data set, or the point itself for a surface), computes the
// gradient of the loss plus penalty there, and lets the optimizer move the
// parameters. It hands each recorded step to its recorders and evaluates
// the full-data loss when its policy asks; when a step's batch is the
// whole objective, the loss at a point comes from the next step's fused
// loss-and-gradient pass, so such a run makes one pass per step and one at
// the end. It stops when the loss or a parameter becomes non-finite or
// exceeds DivergenceLimit, and Run can be cancelled.
type Trainer struct {
	obj       Objective
	data      DataModel
	n         int
	opt       Optimizer
	groups    []Optimizer
	baseLR    float64
	groupLRs  []float64
	lr        float64
	sampler   *Sampler
	schedule  Schedule
	penalty   Penalty
	backend   Backend
	every     int
	policy    LossPolicy
	recorders []Recorder
	stepRecs  []Recorder // the recorders that take steps (not LossRecorder)
	counts    Counts

	params, before, grad []float64
	step, epoch          int
	stop                 StopReason
	started              bool
	recordedStep         int
	lossStep             int
	pendingLoss          bool
	batchLoss            float64
	untilRecord          int
	record               StepRecord
	// epochData is the data in the current epoch's order; spareData is the
	// buffer that the next epoch's order is written into, ahead of time on
	// another goroutine when prepDone is not nil.
	epochData DataModel
	spareData *Dataset
	lastBatch []int32
	prepDone  chan *Dataset
	prepared  bool
}

// NewTrainer returns a trainer for obj starting at start. The optimizer's
// learning rate at this moment is the schedule's base rate (each group's,
// for ParamGroups).
func NewTrainer(obj Objective, opt Optimizer, start []float64, o TrainerOptions) (*Trainer, error) {
	if len(start) != obj.Dim() {
		return nil, fmt.Errorf("trainer: start has %d parameters, the model has %d", len(start), obj.Dim())
	}
	t := &Trainer{
		obj: obj, opt: opt, sampler: o.Sampler, schedule: o.Schedule, penalty: o.Penalty,
		backend: o.Backend, every: o.RecordEvery, policy: o.FullLoss, baseLR: opt.LR(), lr: opt.LR(),
		recordedStep: -1, lossStep: -1,
		params: append([]float64(nil), start...), before: make([]float64, len(start)),
		grad: make([]float64, len(start)),
	}
	if g, ok := opt.(*ParamGroups); ok {
		t.groups = g.Groups()
		for _, o := range t.groups {
			t.groupLRs = append(t.groupLRs, o.LR())
		}
	}
	for _, r := range o.Recorders {
		t.AddRecorder(r)
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
	t.untilRecord = t.every
	return t, nil
}

// AddRecorder adds a recorder; it sees the start point when it is added
// before the first step.
func (t *Trainer) AddRecorder(r Recorder) {
	t.recorders = append(t.recorders, r)
	if _, lossOnly := r.(*LossRecorder); !lossOnly {
		t.stepRecs = append(t.stepRecs, r)
	}
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

// Counts returns what the trainer has evaluated so far.
func (t *Trainer) Counts() Counts { return t.counts }

// LR returns the learning rate of the latest step (before per-parameter
// scales).
func (t *Trainer) LR() float64 { return t.lr }

// LastBatch returns the sample indices of the latest recorded step's batch,
// or nil when every step uses the whole data set or there is no data.
func (t *Trainer) LastBatch() []int32 { return t.lastBatch }

// Loss evaluates the full-data loss plus penalty at the current parameters
// (one pass over the data, counted).
func (t *Trainer) Loss() float64 {
	var l float64
	t.counts.LossPasses++
	if t.data != nil {
		l = t.backend.Loss(t.data, t.params)
		t.counts.Samples += int64(t.n)
	} else {
		l = t.obj.Func(t.params)
	}
	if t.penalty.Active() {
		l += t.penalty.Value(t.params)
	}
	return l
}

// begin hands the start point to the recorders, once.
func (t *Trainer) begin() {
	if t.started {
		return
	}
	t.started = true
	if t.sampler == nil {
		t.applySchedule()
	}
	t.emitStep(nil)
	if t.policy.due(0, false) {
		t.pendingLoss = true
		if !t.wholeBatch() {
			t.flushLoss()
		}
	}
}

// wholeBatch reports whether every step's batch is the whole objective, so
// that the loss at a point comes with the next step's gradient.
func (t *Trainer) wholeBatch() bool { return t.data == nil || t.sampler.BatchSize() == t.n }

// Step takes one step and returns Running, or the reason the trainer
// stopped.
func (t *Trainer) Step() StopReason {
	t.begin()
	if t.stop != Running {
		return t.stop
	}
	rec := false
	if t.every > 0 { // a countdown, not a division: this runs every step
		if t.untilRecord--; t.untilRecord <= 0 {
			rec, t.untilRecord = true, t.every
		}
	}
	endsEpoch := true
	withLoss := rec || t.pendingLoss
	var batch []int32
	if t.data == nil {
		t.applySchedule()
		t.counts.GradientPasses++
		if withLoss {
			t.batchLoss = t.obj.FuncGrad(t.grad, t.params)
		} else {
			t.obj.Grad(t.grad, t.params)
		}
	} else {
		var lo, hi int
		lo, hi, endsEpoch = t.sampler.Next()
		if lo == 0 {
			t.beginEpoch()
		}
		k := hi - lo
		t.counts.GradientPasses++
		t.counts.Samples += int64(k)
		if k < t.n {
			batch = t.sampler.Order()[lo:hi]
			if rec {
				t.lastBatch = append(t.lastBatch[:0], batch...)
			}
		}
		switch {
		case k == t.n:
			// The whole data set: its order does not change the sum, and
			// the original stays cached where a backend uploads it.
			t.batchLoss = t.backend.Gradient(t.grad, t.data, t.params, withLoss)
		case k == 1:
			t.batchLoss = t.epochData.GradRange(t.grad, t.params, lo, hi, withLoss)
		default:
			inv := 1 / float64(k)
			t.batchLoss = t.epochData.GradRange(t.grad, t.params, lo, hi, withLoss) * inv
			for i := range t.grad { // measured hot path: a call per step costs more than the loop
				t.grad[i] *= inv
			}
		}
	}
	if !withLoss {
		t.batchLoss = math.NaN()
	}
	if t.penalty.Active() {
		t.penalty.AddGrad(t.grad, t.params)
		if withLoss {
			t.batchLoss += t.penalty.Value(t.params)
		}
	}
	if t.pendingLoss && t.wholeBatch() {
		t.emitLoss(t.batchLoss)
		if t.stop != Running {
			return t.stop
		}
	}
	for i, p := range t.params { // measured hot path: copy's memmove costs more for a few parameters
		t.before[i] = p
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
		if !(p <= DivergenceLimit && p >= -DivergenceLimit) { // NaN fails both
			t.stop = check(p)
			t.emitStep(batch)
			t.finish()
			return t.stop
		}
	}
	due := t.policy.due(t.step, endsEpoch)
	if rec || due {
		t.emitStep(batch)
	}
	if due {
		t.pendingLoss = true
		if !t.wholeBatch() {
			t.flushLoss()
		}
	}
	return t.stop
}

// applySchedule sets the learning rate of the current epoch, each
// parameter group's from its own base rate.
func (t *Trainer) applySchedule() {
	t.lr = t.schedule.LR(t.baseLR, t.epoch)
	if t.groups == nil {
		t.opt.SetLR(t.lr)
		return
	}
	for i, o := range t.groups {
		o.SetLR(t.schedule.LR(t.groupLRs[i], t.epoch))
	}
}

// emitStep hands the current point to the recorders.
func (t *Trainer) emitStep(batch []int32) {
	if t.recordedStep == t.step {
		return
	}
	t.recordedStep = t.step
	// The record is kept in the Trainer (handed through an interface, a
	// local would escape) and set field by field (measured hot path).
	r := &t.record
	r.Step, r.Epoch, r.LR, r.BatchLoss = t.step, t.epoch, t.lr, math.NaN()
	if r.Batch != nil || batch != nil {
		r.Batch = batch
	}
	if t.step == 0 {
		r.Grad, r.Before, r.After = nil, nil, t.params
	} else {
		r.BatchLoss = t.batchLoss
		if r.Before == nil {
			r.Grad, r.Before = t.grad, t.before
		}
	}
	for _, rec := range t.stepRecs {
		rec.RecordStep(r)
	}
}

// emitLoss hands the full-data loss at the current point to the
// recorders; a non-finite or huge loss stops the trainer.
func (t *Trainer) emitLoss(l float64) {
	t.pendingLoss = false
	t.lossStep = t.step
	p := LossPoint{Step: t.step, Epoch: t.epoch, Loss: Float(l)}
	for _, rec := range t.recorders {
		rec.RecordLoss(p)
	}
	if t.stop == Running {
		t.stop = check(l)
	}
}

// flushLoss evaluates and hands on a pending full-data loss.
func (t *Trainer) flushLoss() {
	if t.pendingLoss {
		t.emitLoss(t.Loss())
	}
}

// finish records the current point and, unless the policy is never, its
// full-data loss: the end of a run, or of one call of Run.
func (t *Trainer) finish() {
	t.begin()
	t.emitStep(nil)
	if t.policy.Kind != LossNever && t.policy.Kind != "" && t.lossStep != t.step {
		t.pendingLoss = true
	}
	t.flushLoss()
}

// aheadSamples is the data size from which a shuffled epoch's permutation
// and reordered copy are prepared on another core while the previous epoch
// runs.
const aheadSamples = 1 << 12

// beginEpoch sets the epoch's learning rate and, when the sampler shuffles,
// lays the data out in the epoch's order (unless endEpoch already has) and
// starts preparing the next epoch's.
func (t *Trainer) beginEpoch() {
	t.applySchedule()
	if !t.sampler.Shuffled() {
		t.epochData = t.data
		return
	}
	if !t.prepared {
		var reuse *Dataset
		if t.epochData != nil && t.epochData != t.data {
			reuse = t.epochData.Dataset()
		}
		t.epochData = t.data.WithData(t.data.Dataset().Reordered(t.sampler.Order(), reuse))
	}
	t.prepared = false
	if t.data.Len() >= aheadSamples {
		done, spare := make(chan *Dataset, 1), t.spareData
		t.prepDone = done
		go func() { done <- t.data.Dataset().Reordered(t.sampler.PrepareNext(), spare) }()
	}
}

// endEpoch moves the sampler to the next epoch, taking the order and data
// prepared ahead when there are some.
func (t *Trainer) endEpoch() {
	t.epoch++
	if t.prepDone != nil {
		next := <-t.prepDone
		t.prepDone = nil
		t.spareData = t.epochData.Dataset()
		t.epochData, t.prepared = t.data.WithData(next), true
	}
	t.sampler.Advance()
}

// Run takes up to steps steps, stopping early when the trainer stops or ctx
// is done, and returns the reason it stopped (Finished when it ran them
// all). The last point is always recorded, with its full-data loss unless
// the policy is never.
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
			t.finish()
			return t.stop
		}
		if done() {
			break
		}
		if i%1024 == 0 && ctx.Err() != nil {
			t.finish()
			return Cancelled
		}
		t.Step()
		tick()
	}
	t.finish()
	if t.stop != Running {
		return t.stop
	}
	return Finished
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
