package compute

import "slices"

// ParamGroups is PyTorch's parameter groups for per-parameter learning
// rates: parameter i is updated by its own optimizer, whose base learning
// rate is Scales[i] times the run's. Every optimizer in torch.optim that
// applies here is elementwise, so a group of one parameter follows exactly
// the arithmetic that group has in PyTorch. A schedule sets each group's
// rate from the group's own base rate, as torch's schedulers do, so a floor
// such as the cosine schedule's η_min stays every group's floor.
type ParamGroups struct {
	groups []Optimizer
	scales []float64
	lr     float64
	trace  []Quantity
}

var _ Optimizer = (*ParamGroups)(nil)

// NewParamGroups returns one optimizer per scale, each made by newOpt with
// learning rate lr·scale.
func NewParamGroups(scales []float64, lr float64, newOpt func(lr float64) Optimizer) *ParamGroups {
	g := &ParamGroups{scales: slices.Clone(scales), lr: lr}
	for _, s := range scales {
		g.groups = append(g.groups, newOpt(lr*s))
	}
	return g
}

// Groups returns the group optimizers, one per parameter.
func (g *ParamGroups) Groups() []Optimizer { return g.groups }

// Step updates each parameter with its group's optimizer.
func (g *ParamGroups) Step(params, grad []float64) {
	checkLens(params, grad)
	if len(params) != len(g.groups) {
		panic("compute: parameter groups: want one parameter per group")
	}
	for i, o := range g.groups {
		o.Step(params[i:i+1:i+1], grad[i:i+1:i+1])
	}
}

// Reset resets every group.
func (g *ParamGroups) Reset() {
	for _, o := range g.groups {
		o.Reset()
	}
}

// LR returns the run's rate, the one each scale multiplies.
func (g *ParamGroups) LR() float64 { return g.lr }

// SetLR sets the run's rate and every group's to lr times its scale, which
// is what a schedule without a floor gives; the Trainer sets scheduled
// rates per group instead, through Groups.
func (g *ParamGroups) SetLR(lr float64) {
	g.lr = lr
	for i, o := range g.groups {
		o.SetLR(lr * g.scales[i])
	}
}

// Trace joins the groups' quantities of the same name into one value per
// parameter.
func (g *ParamGroups) Trace() []Quantity {
	first := g.groups[0].Trace()
	if first == nil {
		return nil
	}
	g.trace = g.trace[:0]
	for qi, q := range first {
		v := make([]float64, 0, len(g.groups))
		for _, o := range g.groups {
			v = append(v, o.Trace()[qi].Values...)
		}
		g.trace = append(g.trace, Quantity{Name: q.Name, Values: v})
	}
	return g.trace
}
