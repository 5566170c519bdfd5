package compute

import (
	"fmt"
	"strconv"
)

// StepRecord is what the Trainer knows about one step, handed to every
// Recorder. Step 0 is the start point: it has no Before, Grad or batch.
// The slices are the trainer's own and are valid only during the call.
type StepRecord struct {
	// Step counts steps from 1 (0 is the start).
	Step int
	// Epoch is the number of epochs completed after the step.
	Epoch int
	// LR is the learning rate the step used (before per-parameter scales).
	LR float64
	// Batch holds the sample indices of the step's batch; nil when the
	// step used the whole data set or there is no data.
	Batch []int32
	// BatchLoss is the loss plus penalty of the batch at Before, the value
	// the gradient came from; NaN when it was not computed.
	BatchLoss float64
	// Grad is the gradient of the batch loss plus penalty at Before.
	Grad []float64
	// Before and After are the parameters before and after the step.
	Before, After []float64
}

// LossPoint is the full-data loss plus penalty at the point after a step.
type LossPoint struct {
	Step  int   `json:"step"`
	Epoch int   `json:"epoch"`
	Loss  Float `json:"loss"`
}

// Recorder receives what a Trainer does. The Trainer hands it the start
// point and every recorded step in order; a full-data loss arrives after
// the StepRecord of its point and before the next one.
type Recorder interface {
	RecordStep(r *StepRecord)
	RecordLoss(p LossPoint)
}

// Counts is what a Trainer evaluated, the way gonum's optimize.Stats
// counts function and gradient evaluations.
type Counts struct {
	// GradientPasses is the number of gradient evaluations, each over a
	// batch or the whole data set, with or without its loss: one per step,
	// and one more when a full-batch run stops because the loss its pass
	// found at the current point is not finite or too large.
	GradientPasses int64 `json:"gradient_passes"`
	// LossPasses is the number of loss evaluations made apart from a
	// gradient: full-data losses that no step's gradient pass provided.
	LossPasses int64 `json:"loss_passes"`
	// Samples is the number of per-sample evaluations both made (0 on a
	// surface).
	Samples int64 `json:"samples"`
}

// LossPolicyKind says when the full-data loss is evaluated.
type LossPolicyKind string

// The loss policies.
const (
	LossEvery LossPolicyKind = "every"
	LossEpoch LossPolicyKind = "epoch"
	LossEnd   LossPolicyKind = "end"
	LossNever LossPolicyKind = "never"
)

// LossPolicy says at which points the full-data loss is evaluated: every
// K steps (K = 1 for "every"; Every ≤ 1 means every step) or after each
// epoch, both from the start and always at the final point; only at the
// final point; or never (the zero value).
type LossPolicy struct {
	Kind  LossPolicyKind
	Every int
}

// ParseLossPolicy reads "every", "epoch", "end", "never" or a whole
// number K ≥ 1 (every K steps).
func ParseLossPolicy(s string) (LossPolicy, error) {
	switch k := LossPolicyKind(s); k {
	case LossEvery:
		return LossPolicy{Kind: LossEvery, Every: 1}, nil
	case LossEpoch, LossEnd, LossNever:
		return LossPolicy{Kind: k}, nil
	}
	if k, err := strconv.Atoi(s); err == nil && k >= 1 {
		return LossPolicy{Kind: LossEvery, Every: k}, nil
	}
	return LossPolicy{}, fmt.Errorf("want every, epoch, end, never or a whole number ≥ 1")
}

// due reports whether the loss is wanted after step (0 is the start),
// given whether that step ended an epoch.
func (p LossPolicy) due(step int, endsEpoch bool) bool {
	switch p.Kind {
	case LossEvery:
		return p.Every <= 1 || step%p.Every == 0
	case LossEpoch:
		return step == 0 || endsEpoch
	}
	return false
}
