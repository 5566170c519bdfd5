package export

import (
	"fmt"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// MaxNumbers is the most numbers of data (features and targets) that an
// export embeds.
const MaxNumbers = 100_000

// plan is a run as an export writes it: everything Config.Build decided,
// read back from the built run.
type plan struct {
	given    compute.Config // as given, for the command that reproduces it
	cfg      compute.Config // with defaults filled in
	spec     *compute.OptimizerSpec
	hypers   compute.Hypers
	schedule compute.Schedule
	names    []string
	start    []float64
	mask     []bool // per parameter, whether the penalty applies
	surface  *compute.Surface
	data     *compute.Dataset
	batch    int  // samples per step
	shuffled bool // a new seeded order each epoch
	steps    int  // steps in all
}

// newPlan builds cfg as Descent would and reads back what an export needs.
func newPlan(cfg compute.Config) (*plan, error) {
	run, err := cfg.Build(nil)
	if err != nil {
		return nil, err
	}
	c := run.Config
	spec, err := compute.OptimizerByName(c.Optimizer)
	if err != nil {
		return nil, err
	}
	h, err := spec.Resolve(c.Hyper)
	if err != nil {
		return nil, err
	}
	p := &plan{
		given: cfg, cfg: c, spec: spec, hypers: h, schedule: c.LRSchedule(), names: run.ParamNames(),
		start: c.Start, mask: run.Objective.Layout().PenaltyMask(), surface: run.Surface, data: run.Data,
	}
	if p.surface != nil {
		p.steps = max(c.Steps, c.Epochs) // on a surface every step is an epoch
		return p, nil
	}
	d := p.data
	if numbers := d.Len() * (d.Features() + 1); numbers > MaxNumbers {
		return nil, fmt.Errorf("export: the data has %d numbers (%d samples × %d columns), more than the %d an export embeds",
			numbers, d.Len(), d.Features()+1, MaxNumbers)
	}
	p.batch, p.shuffled = c.Batching(d.Len())
	p.steps = c.Steps
	if c.Steps == 0 {
		p.steps = c.Epochs * ((d.Len() + p.batch - 1) / p.batch)
	}
	return p, nil
}

// modelTitle says what the model is.
func (p *plan) modelTitle() string {
	switch p.cfg.Model {
	case "linreg":
		return "linear regression (mean squared error)"
	case "logreg":
		return "logistic regression (binary cross-entropy)"
	}
	return fmt.Sprintf("the %s surface, %s", p.surface.Title, p.surface.Formula)
}

// dataTitle says where the data comes from.
func (p *plan) dataTitle() string {
	d := p.data
	var src string
	switch p.cfg.Data {
	case "classic":
		src = `Descent's "classic" data`
	case "linear", "blobs":
		src = fmt.Sprintf("Descent's %q data (seed %d)", p.cfg.Data, p.cfg.Seed)
	default:
		src = fmt.Sprintf("the CSV file %s", compute.QuoteValue(p.cfg.Data))
	}
	return fmt.Sprintf("%d samples of %s and the target %s, from %s", d.Len(), p.featureNames(), p.targetName(), src)
}

// featureNames lists the feature columns' names, each as QuoteValue shows
// it (see targetName).
func (p *plan) featureNames() string {
	names := p.data.Names
	if len(names) != p.data.Features() {
		return fmt.Sprintf("%d features", p.data.Features())
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = compute.QuoteValue(n)
	}
	return strings.Join(quoted, ", ")
}

// targetName is the target column's name as a comment may hold it: a name
// with a newline is quoted, so that it cannot end the comment (and run as
// code) or the markdown line.
func (p *plan) targetName() string {
	if p.data.Target == "" {
		return "y"
	}
	return compute.QuoteValue(p.data.Target)
}

// stepsTitle says how long the run is and how each step takes its samples.
func (p *plan) stepsTitle() string {
	if p.surface != nil {
		return fmt.Sprintf("%d steps (each step is an epoch for the schedule)", p.steps)
	}
	n := p.data.Len()
	var how string
	switch {
	case p.batch == n:
		how = "each step on the whole data set"
	case p.shuffled:
		how = fmt.Sprintf("batches of %d samples in a new seeded order each epoch (seed %d)", p.batch, p.cfg.Seed)
	default:
		how = fmt.Sprintf("batches of %d samples in the data order", p.batch)
	}
	if n%p.batch != 0 && p.batch < n {
		how += ", the last batch of an epoch shorter"
	}
	per := (n + p.batch - 1) / p.batch
	if p.cfg.Steps == 0 {
		return fmt.Sprintf("%d epochs of %d steps, %s", p.cfg.Epochs, per, how)
	}
	return fmt.Sprintf("%d steps (%d per epoch), %s", p.steps, per, how)
}

// penalized reports whether the run has an L1 or L2 penalty.
func (p *plan) penalized() bool { return p.cfg.L1 != 0 || p.cfg.L2 != 0 }

// hyperArgs writes the optimizer's hyperparameters as torch's keyword
// arguments.
func (p *plan) hyperArgs() string { return p.spec.TorchArgs(p.hypers) }
