package tune

import (
	"fmt"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// Method is how a sweep picks its trials.
type Method string

// The methods.
const (
	// Grid tries every combination of each parameter's points.
	Grid Method = "grid"
	// Random tries Trials seeded random points.
	Random Method = "random"
	// Halving is successive halving: Trials random points on a small
	// budget, then the best third of each round with three times the
	// budget, until one is left or the full budget is reached.
	Halving Method = "halving"
)

// Methods lists the methods' names.
var Methods = []string{string(Grid), string(Random), string(Halving)}

// Defaults of Options.
const (
	DefaultTrials     = 27
	DefaultGridPoints = 5
	// keepDivisor is successive halving's: each round keeps the best
	// 1/keepDivisor and multiplies the budget by keepDivisor.
	keepDivisor = 3
	// MaxTrials bounds a sweep's trials (a grid's combinations, random's
	// and halving's first round): every trial is planned before any runs,
	// at a few hundred bytes each, so an unbounded count would exhaust
	// memory before the first trial started. 1024² is the largest GPU map
	// sweep worth planning this way.
	MaxTrials = 1 << 20
)

// Options describes a sweep.
type Options struct {
	// Base is the run every trial starts from.
	Base compute.Config `json:"base"`
	// Space is what the trials vary.
	Space Space `json:"space"`
	// Method is grid, random or halving (default random).
	Method Method `json:"method"`
	// Trials is how many points random tries, and halving's first round
	// (default DefaultTrials).
	Trials int `json:"trials,omitempty"`
	// GridPoints is how many points grid takes of each range (default
	// DefaultGridPoints).
	GridPoints int `json:"grid_points,omitempty"`
	// Seed seeds random's and halving's points (default 1).
	Seed uint64 `json:"seed,omitempty"`
}

// withDefaults fills in the unset options and the base's defaults. A base
// that does not say when to evaluate the full-data loss evaluates it only
// at the end: a trial is ranked by its final loss, and the trajectory does
// not depend on when the loss is evaluated.
func (o Options) withDefaults() Options {
	if o.Base.FullLoss == "" {
		o.Base.FullLoss = string(compute.LossEnd)
	}
	o.Base = o.Base.WithDefaults()
	if o.Method == "" {
		o.Method = Random
	}
	if o.Trials == 0 {
		o.Trials = DefaultTrials
	}
	if o.GridPoints == 0 {
		o.GridPoints = DefaultGridPoints
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return o
}

// Sweep is a sweep in progress: it hands out its trials (Next), takes back
// their outcomes in any order (Report) and, for successive halving, plans
// each round from the previous one's ranking. A Sweep is not safe for
// concurrent use; Run is the concurrent driver.
type Sweep struct {
	opts Options
	// unit is "steps" or "epochs", full the base's budget in it.
	unit string
	full int
	// trials is every trial planned so far; rung those of the current
	// round, next the index in rung of the next to hand out, reported how
	// many of rung have come back.
	trials         []*Trial
	rung           []*Trial
	next, reported int
	rungNo, budget int
	done           bool
	total          int
	// best is the best reported trial of the latest round that has
	// results (see Best).
	best *Trial
}

// New checks the options and plans the first round. Every trial's Config
// is validated before anything runs, so a bad value is reported at once.
func New(o Options) (*Sweep, error) {
	o = o.withDefaults()
	if len(o.Space) == 0 {
		return nil, fmt.Errorf("no parameter to sweep")
	}
	switch {
	case o.Method != Grid && o.Method != Random && o.Method != Halving:
		return nil, fmt.Errorf("method %s: want %s", compute.QuoteString(string(o.Method)), strings.Join(Methods, ", "))
	case o.Trials < 1:
		return nil, fmt.Errorf("trials %d: want ≥ 1", o.Trials)
	case o.GridPoints < 1:
		return nil, fmt.Errorf("grid points %d: want ≥ 1", o.GridPoints)
	case o.Method != Grid && o.Trials > MaxTrials:
		return nil, fmt.Errorf("trials %d: want ≤ %d", o.Trials, MaxTrials)
	case o.Method == Grid && o.Space.gridSize(o.GridPoints) > MaxTrials:
		return nil, fmt.Errorf("a grid of %d points of each range has more than %d combinations", o.GridPoints, MaxTrials)
	}
	if err := o.Base.Validate(); err != nil {
		return nil, err
	}
	s := &Sweep{opts: o, unit: "epochs", full: o.Base.Epochs}
	if o.Base.Steps > 0 {
		s.unit, s.full = "steps", o.Base.Steps
	}
	var points [][]float64
	switch o.Method {
	case Grid:
		points = o.Space.grid(o.GridPoints)
	default:
		points = o.Space.sample(o.Trials, o.Seed)
	}
	sizes := s.rungSizes(len(points))
	for _, n := range sizes {
		s.total += n
	}
	if err := s.plan(points, 0); err != nil {
		return nil, err
	}
	return s, nil
}

// rungSizes returns the number of trials in each round.
func (s *Sweep) rungSizes(n int) []int {
	sizes := []int{n}
	if s.opts.Method != Halving {
		return sizes
	}
	for r := 0; n > 1 && s.rungBudget(r, n) < s.full; r++ {
		n = (n + keepDivisor - 1) / keepDivisor
		sizes = append(sizes, n)
	}
	return sizes
}

// rungBudget is the budget of round r with n trials: the full budget for
// the last round (one trial) and otherwise the full budget divided by
// keepDivisor once for each round still to come, at least 1.
func (s *Sweep) rungBudget(r, n int) int {
	if s.opts.Method != Halving || n <= 1 {
		return s.full
	}
	rounds := 0
	for m := n; m > 1; m = (m + keepDivisor - 1) / keepDivisor {
		rounds++
	}
	b := s.full
	for range rounds {
		b /= keepDivisor
	}
	return min(s.full, max(1, b))
}

// plan makes round r's trials from points and validates their Configs.
func (s *Sweep) plan(points [][]float64, r int) error {
	s.budget = s.rungBudget(r, len(points))
	s.rung, s.next, s.reported, s.rungNo = nil, 0, 0, r
	for _, pt := range points {
		c := s.opts.Base
		for i, p := range s.opts.Space {
			c = Apply(c, p.Key, pt[i])
		}
		if s.unit == "steps" {
			c.Steps = s.budget
		} else {
			c.Epochs = s.budget
		}
		if err := c.Validate(); err != nil {
			return fmt.Errorf("trial %s: %w", s.describe(pt), err)
		}
		t := &Trial{ID: len(s.trials), Rung: r, Budget: s.budget, Values: pt, Config: c}
		s.trials = append(s.trials, t)
		s.rung = append(s.rung, t)
	}
	return nil
}

// describe writes a point as key=value pairs.
func (s *Sweep) describe(pt []float64) string {
	parts := make([]string, len(pt))
	for i, p := range s.opts.Space {
		parts[i] = fmt.Sprintf("%s=%g", p.Key, pt[i])
	}
	return strings.Join(parts, " ")
}

// Options returns the sweep's options with their defaults filled in.
func (s *Sweep) Options() Options { return s.opts }

// Unit is what a trial's Budget counts: "steps" or "epochs".
func (s *Sweep) Unit() string { return s.unit }

// Total is how many trials the sweep runs in all rounds.
func (s *Sweep) Total() int { return s.total }

// Trials returns every trial planned so far, in ID order. While Run runs,
// the trials not yet reported are being written: read them after Run, or
// read Progress.Trial.
func (s *Sweep) Trials() []*Trial { return s.trials }

// Done says every round has run.
func (s *Sweep) Done() bool { return s.done }

// Next hands out the next trial of the current round to run, or false when
// all of them are out (wait for their Reports) or the sweep is done.
func (s *Sweep) Next() (*Trial, bool) {
	if s.done || s.next == len(s.rung) {
		return nil, false
	}
	t := s.rung[s.next]
	s.next++
	return t, true
}

// Report takes back a trial that Next handed out, after it has run. When
// the round is complete, halving plans the next round from its best third.
func (s *Sweep) Report(t *Trial) {
	if s.best == nil || t.Rung > s.best.Rung || t.Rung == s.best.Rung && compareTrials(t, s.best) < 0 {
		s.best = t
	}
	s.reported++
	if s.reported < len(s.rung) {
		return
	}
	ranked := Ranked(s.rung)
	if s.opts.Method != Halving || len(ranked) <= 1 || s.budget >= s.full {
		s.done = true
		return
	}
	keep := (len(ranked) + keepDivisor - 1) / keepDivisor
	points := make([][]float64, keep)
	for i, t := range ranked[:keep] {
		points[i] = t.Values
	}
	// The Configs were valid in the first round; only the budget changes.
	_ = s.plan(points, s.rungNo+1)
}

// Best returns the best reported trial of the latest round that has
// results, or nil before any trial has been reported. It reads only
// reported trials, so Run's progress callback may call it while other
// trials run.
func (s *Sweep) Best() *Trial { return s.best }
