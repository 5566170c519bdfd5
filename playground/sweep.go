package playground

import (
	"context"
	"fmt"
	"image/color"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/tune"
)

// The sweep view's defaults.
const (
	defaultSweepParam  = "lr"
	defaultSweepTrials = 12
	maxSweepTrials     = 243
	// sweepDecadesBelow and sweepDecadesAbove are how far a log-scaled
	// parameter's sweep reaches from the racer's current value (within
	// the panel slider's range).
	sweepDecadesBelow, sweepDecadesAbove = 2, 1
)

// appSweep is the playground's hyperparameter sweep: one tune.Sweep per
// racing optimizer that has the swept parameter, run over that racer's
// own Config (World.config), its results kept for the sweep view. The
// trials run in a goroutine natively and a few per frame in the page
// (sweep_native.go, sweep_js.go); the fields under mu are the view's copy,
// the only part Draw reads.
type appSweep struct {
	// param, method and trials are the panel's choices.
	param  string
	method tune.Method
	trials int
	// shown says the sweep view is drawn.
	shown bool

	mu          sync.Mutex
	runs        []*racerSweep
	done, total int
	running     bool
	err         error
	cancel      context.CancelFunc
	// gen counts the sweeps begun: a stopped sweep's late reports, from
	// an earlier generation, are dropped.
	gen int
	// scenario is the name of the scenario the sweep ran on; "apply
	// best" refuses its values on another.
	scenario string
	// ctx and current are the page's: the sweep's context and the run
	// its slices work on (runSlice).
	ctx     context.Context
	current int
}

// racerSweep is one racer's sweep and the trials it has reported.
type racerSweep struct {
	optimizer, title string
	color            color.RGBA
	param            tune.Param
	sweep            *tune.Sweep
	points           []sweepPoint
}

// sweepPoint is a reported trial as the view shows it.
type sweepPoint struct {
	value, loss float64
	ok          bool
	stop        compute.StopReason
	rung        int
}

// settings fills in the panel's defaults.
func (a *appSweep) settings() (string, tune.Method, int) {
	param, method, trials := a.param, a.method, a.trials
	if param == "" {
		param = defaultSweepParam
	}
	if method == "" {
		method = tune.Random
	}
	if trials == 0 {
		trials = defaultSweepTrials
	}
	return param, method, trials
}

// sweepParams returns the keys the sweep can vary: every number
// hyperparameter of a racing optimizer, in the registry's order.
func (w *World) sweepParams() []string {
	var keys []string
	for _, key := range compute.HyperKeys() {
		for _, r := range w.Racers {
			if h, ok := r.Spec.Hyper(key); ok && r.Enabled && !h.Bool {
				keys = append(keys, key)
				break
			}
		}
	}
	return keys
}

// sweepRange returns the range a racer's sweep of key covers: for a
// log-scaled parameter, from sweepDecadesBelow decades below the racer's
// value to sweepDecadesAbove above it, within its slider's range; for a
// linear one with a slider, the slider's range; else from its least value
// to twice its value (at least 1).
func sweepRange(r *Racer, key string) (tune.Param, bool) {
	h, ok := r.Spec.Hyper(key)
	if !ok || h.Bool {
		return tune.Param{}, false
	}
	c := newHyperControl(h)
	v := r.Hyper[key]
	p := tune.Param{Key: key, Log: c.Kind == logSliderControl}
	switch c.Kind {
	case logSliderControl:
		lv := math.Log10(v)
		p.Min = math.Pow(10, max(c.Lo, lv-sweepDecadesBelow))
		p.Max = math.Pow(10, min(c.Hi, lv+sweepDecadesAbove))
	case sliderControl:
		p.Min, p.Max = c.Lo, c.Hi
	default:
		p.Min, p.Max = h.Min, max(1, 2*v)
	}
	p.Min, p.Max = c.clamp(p.Min), c.clamp(p.Max)
	return p, p.Min < p.Max
}

// startSweep plans a sweep of the panel's parameter for every racing
// optimizer that has it and starts running it.
func (g *Game) startSweep() error {
	runs, err := g.planSweep()
	if err != nil {
		return err
	}
	g.stopSweep()
	g.sweep.run(g.sweep.begin(runs, g.world.scenario.Name))
	g.sweep.shown = true
	return nil
}

// planSweep makes one tune.Sweep for each racing optimizer that has the
// panel's parameter, over that racer's Config.
func (g *Game) planSweep() ([]*racerSweep, error) {
	param, method, trials := g.sweep.settings()
	w := g.world
	var runs []*racerSweep
	for _, r := range w.Racers {
		if !r.Enabled {
			continue
		}
		p, ok := sweepRange(r, param)
		if !ok {
			continue
		}
		base := w.config(r)
		base.FullLoss = "" // the race's curves need every step's loss; a trial, the last (tune's default)
		s, err := tune.New(tune.Options{Base: base, Space: tune.Space{p}, Method: method, Trials: trials, GridPoints: trials})
		if err != nil {
			return nil, fmt.Errorf("sweep %s: %w", r.Name(), err)
		}
		runs = append(runs, &racerSweep{optimizer: r.Spec.Name, title: r.Name(), color: r.Color, param: p, sweep: s})
	}
	if len(runs) == 0 {
		return nil, fmt.Errorf("sweep: no racing optimizer has %s", param)
	}
	return runs, nil
}

// begin makes runs the sweep's, on the named scenario, with nothing
// reported yet, and returns the context that stopSweep cancels and the
// sweep's generation.
func (a *appSweep) begin(runs []*racerSweep, scenario string) (context.Context, int) {
	ctx, cancel := context.WithCancel(context.Background())
	a.mu.Lock()
	defer a.mu.Unlock()
	a.gen++
	a.runs, a.done, a.total, a.err, a.running, a.cancel, a.current = runs, 0, 0, nil, true, cancel, 0
	a.scenario = scenario
	for _, r := range runs {
		a.total += r.sweep.Total()
	}
	return ctx, a.gen
}

// stopSweep cancels a running sweep; the trials reported so far stay.
func (g *Game) stopSweep() {
	a := &g.sweep
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.cancel != nil {
		a.cancel()
	}
	a.running = false
}

// report records a trial that run i of sweep generation gen has reported.
func (a *appSweep) report(gen, i int, t *tune.Trial) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if gen != a.gen {
		return
	}
	a.runs[i].points = append(a.runs[i].points, sweepPoint{
		value: t.Values[0], loss: float64(t.Loss), ok: t.OK(), stop: t.Stop, rung: t.Rung,
	})
	a.done++
}

// finish marks sweep generation gen as stopped, with err when it failed.
func (a *appSweep) finish(gen int, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if gen != a.gen {
		return
	}
	a.running = false
	if err != nil && err != context.Canceled {
		a.err = err
	}
}

// sweepBest is one racer's best value so far.
type sweepBest struct {
	optimizer, title string
	// param is the swept parameter's key.
	param       string
	color       color.RGBA
	value, loss float64
}

// best returns each run's best point: the best finished trial of its
// latest round that has results (tune.Sweep.Best's rule, on the view's
// copy).
func (r *racerSweep) best() (sweepPoint, bool) {
	top := -1
	for _, p := range r.points {
		top = max(top, p.rung)
	}
	var best sweepPoint
	found := false
	for _, p := range r.points {
		if p.rung == top && p.ok && (!found || p.loss < best.loss) {
			best, found = p, true
		}
	}
	return best, found
}

// bests returns the best value of each run that has one.
func (a *appSweep) bests() []sweepBest {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []sweepBest
	for _, r := range a.runs {
		if p, ok := r.best(); ok {
			out = append(out, sweepBest{r.optimizer, r.title, r.param.Key, r.color, p.value, p.loss})
		}
	}
	return out
}

// applyBestSweep sets each racer's swept parameter (the one the sweep
// ran, whatever the panel chooses now) to its best value, through the
// state (so the link follows), and restarts the race. Values found on
// another scenario are refused.
func (g *Game) applyBestSweep() error {
	bests := g.sweep.bests()
	if len(bests) == 0 {
		return fmt.Errorf("sweep: no finished trial to apply yet")
	}
	g.sweep.mu.Lock()
	scenario := g.sweep.scenario
	g.sweep.mu.Unlock()
	if scenario != g.world.scenario.Name {
		return fmt.Errorf("sweep: it ran on %s, not on %s; start it again to apply its best values here", scenario, g.world.scenario.Name)
	}
	fields := stateFields()
	st := g.world.State()
	for _, b := range bests {
		f, ok := stateFieldByName(fields, b.optimizer+"."+b.param)
		if !ok {
			continue
		}
		if err := f.parse(&st, numberText(b.value)); err != nil {
			return fmt.Errorf("sweep: %s %s = %s: %w", b.title, b.param, formatNumber(b.value), err)
		}
	}
	return g.world.Apply(st)
}

// snapshot is a copy of the sweep's view data, for Draw.
type sweepSnapshot struct {
	param       string
	log         bool
	runs        []racerSweep
	done, total int
	running     bool
	err         error
}

// isRunning reports whether a sweep is running, without the copy of its
// trials that snapshot makes: what the panels ask every frame.
func (a *appSweep) isRunning() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.running
}

func (a *appSweep) snapshot() sweepSnapshot {
	a.mu.Lock()
	defer a.mu.Unlock()
	param, _, _ := a.settings()
	if len(a.runs) > 0 {
		param = a.runs[0].param.Key // the swept one, whatever the panel chooses now
	}
	s := sweepSnapshot{param: param, done: a.done, total: a.total, running: a.running, err: a.err}
	for _, r := range a.runs {
		c := *r
		c.points = slices.Clone(r.points)
		c.sweep = nil
		s.runs = append(s.runs, c)
		s.log = s.log || r.param.Log
	}
	return s
}

// runSlice runs trials one after another, in the calling goroutine, for
// about budget (at least one trial), and marks the sweep finished when
// every racer's sweep is done or ctx is. It is how the page, which has one
// thread, runs a sweep without stopping its frames.
func (a *appSweep) runSlice(ctx context.Context, budget time.Duration) {
	if !a.isRunning() || ctx == nil {
		return
	}
	start := time.Now()
	for ran := false; !ran || time.Since(start) < budget; {
		if ctx.Err() != nil {
			a.finish(a.gen, ctx.Err())
			return
		}
		if a.current == len(a.runs) {
			a.finish(a.gen, nil)
			return
		}
		r := a.runs[a.current]
		t, ok := r.sweep.Next()
		if !ok {
			a.current++ // run one at a time, a sweep with nothing to hand out is done
			continue
		}
		t.Execute(ctx)
		r.sweep.Report(t)
		a.report(a.gen, a.current, t)
		ran = true
	}
}
