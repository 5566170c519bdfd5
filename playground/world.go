package playground

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// MaxSteps is where a race stops by itself, so that recorded paths stay
// bounded.
const MaxSteps = 100_000

// fieldSize is the loss grid's resolution along each axis.
const fieldSize = 256

// Settings are the choices shared by every racer.
type Settings struct {
	// Variant is batch, sgd or minibatch (regression only).
	Variant string
	// BatchSize is the mini-batch size.
	BatchSize int
	// Shuffle draws a new order of the data every epoch.
	Shuffle bool
	// Schedule is the learning-rate schedule's name.
	Schedule string
	// L1 and L2 are the loss penalties.
	L1, L2 float64
	// Seed seeds the data and the shuffles.
	Seed int
}

// World is the playground's state: a scenario, its racers, the shared
// settings and the start point, whether the race is playing and how fast,
// and the view options. It knows nothing of Ebitengine. State and SetState
// read and replace all of it as one value.
type World struct {
	scenario *Scenario
	// Racers are the optimizers in the race, in legend order.
	Racers   []*Racer
	Settings Settings
	start    []float64
	// Playing advances the race every frame; Speed is steps per frame.
	Playing bool
	Speed   int
	// Show3D draws the surface as a mesh; LogScale colours it on a log
	// scale; ShowBatch draws the current batch's own loss surface.
	Show3D, LogScale, ShowBatch bool
	// Camera is the 3-D view's orbit camera.
	Camera render.Camera
	// Err is the latest configuration problem, shown to the user.
	Err error
	// View is what the main area shows; MapSteps is the length of each
	// map run; TrainAxes picks the trainability map's axes (0: two
	// learning rates, 1: learning rate × momentum, for an optimizer with
	// a momentum); MapOptimizer names the racer whose optimizer and
	// hyperparameters the maps run (empty: the first enabled racer).
	View         View
	MapSteps     int
	TrainAxes    int
	MapOptimizer string
	// Display is the text size, theme and arrow length (display.go).
	Display Display

	backend compute.Backend
	// replayTo is the step a restored state's race is being replayed to
	// over the frames (see CatchUp); 0 when none is.
	replayTo int
	job      *mapJob
	ranges   mapRanges

	cpu        *compute.CPU
	slice      fieldSlice
	field      *render.Field
	fieldKey   string
	batchField *render.Field
	log        runLog // the current run, for the history (history_record.go)
}

// NewWorld returns a world on the named scenario in its default state
// (DefaultState), reset and paused.
func NewWorld(scenario string) (*World, error) {
	s, err := DefaultState(scenario)
	if err != nil {
		return nil, err
	}
	w := &World{cpu: compute.NewCPU(), ranges: mapRanges{}}
	w.backend = w.cpu
	if err := w.SetState(s); err != nil {
		return nil, err
	}
	return w, nil
}

// Scenario returns the current scenario.
func (w *World) Scenario() *Scenario { return w.scenario }

// Start returns the start point shared by the racers.
func (w *World) Start() []float64 { return w.start }

// SetScenario switches to the named scenario with its default racers and
// start, and resets the race.
func (w *World) SetScenario(name string) error {
	s, err := ScenarioByName(name)
	if err != nil {
		return err
	}
	w.scenario = s
	w.start = slices.Clone(s.Start)
	w.LogScale = s.LogScale
	w.Racers = newRacers(s)
	if !s.Regression() {
		w.Settings.Variant = "batch"
	}
	w.Playing = false
	w.MapSteps = s.mapSteps()
	w.ranges = mapRanges{}
	w.job = nil
	if s.Regression() {
		w.View = RaceView
	}
	w.Reset()
	return nil
}

// Backend returns the backend that trains, draws the surface and computes
// maps.
func (w *World) Backend() compute.Backend { return w.backend }

// SetBackend switches the backend (nil means the CPU) and starts over.
func (w *World) SetBackend(b compute.Backend) {
	if b == nil {
		b = w.cpu
	}
	w.backend = b
	w.field = nil
	w.job = nil
	w.Reset()
}

// SetStart moves the start point's two viewed coordinates to (x, y) and
// restarts every racer there.
func (w *World) SetStart(x, y float64) {
	w.start[0], w.start[1] = x, y
	w.Reset()
}

// Reset rebuilds every enabled racer's run from the start with the current
// settings, its recorders holding the start point and its loss. A
// configuration that compute refuses leaves that racer out and sets Err.
func (w *World) Reset() {
	w.endRun(w.resetEnd())
	w.replayTo = 0
	w.Err = nil
	w.batchField = nil
	for _, r := range w.Racers {
		r.run = nil
		if !r.Enabled {
			continue
		}
		run, err := w.config(r).Build(w.backend)
		if err != nil {
			w.Err = fmt.Errorf("%s: %w", r.Name(), err)
			continue
		}
		// Running no steps records the start and its loss.
		run.Trainer.Run(context.Background(), 0)
		r.run = run
	}
	w.beginRun()
}

// config is the racer's full compute.Config. On data the full-data loss
// is evaluated every step, so that the loss curves have one point a step
// (the data sets are small); on a surface that is the default.
func (w *World) config(r *Racer) compute.Config {
	return racerConfig(w.scenario, w.Settings, w.start, r.Spec.Name, r.hypers(), r.Scales)
}

// racerConfig is the compute.Config of a racer of the named optimizer
// with the given hyperparameters and per-parameter rates, on scenario sc
// with the shared settings, from start.
func racerConfig(sc *Scenario, set Settings, start []float64, optimizer string, hyper compute.Hypers, scales []float64) compute.Config {
	c := sc.Base
	c.Optimizer = optimizer
	c.Hyper = hyper
	c.FullLoss = string(compute.LossEvery)
	c.Start = slices.Clone(start)
	c.LRScales = scales
	c.Schedule = set.Schedule
	if c.Schedule == "cosine" {
		c.TMax = 1000
	}
	c.L1, c.L2 = set.L1, set.L2
	if sc.Regression() {
		c.Variant = set.Variant
		if c.Variant == "minibatch" {
			c.BatchSize = set.BatchSize
		}
		c.Shuffle = set.Shuffle && c.Variant != "batch"
		if c.Seed = uint64(set.Seed); !c.Reads("seed") {
			c.Seed = 0 // this run draws nothing at random
		}
	}
	return c
}

// Steps returns the number of steps the race has taken (the longest run).
func (w *World) Steps() int {
	n := 0
	for _, r := range w.Racers {
		if tr := r.Trainer(); tr != nil {
			n = max(n, tr.Steps())
		}
	}
	return n
}

// Advance takes steps steps with every running racer and returns how many
// racers are still running. The race pauses at MaxSteps.
func (w *World) Advance(steps int) int {
	t0, running := time.Now(), 0
	for _, r := range w.Racers {
		tr := r.Trainer()
		if tr == nil {
			continue
		}
		for range steps {
			if tr.Stopped() != compute.Running || tr.Steps() >= MaxSteps {
				break
			}
			tr.Step()
		}
		if tr.Stopped() == compute.Running && tr.Steps() < MaxSteps {
			running++
		}
	}
	if running == 0 {
		w.Playing = false
	}
	w.batchField = nil
	w.noteAdvance(t0, running)
	return running
}

// replayNow is how many steps of a restored state SetState replays at
// once; replayChunk is how many more each frame replays, so that a link
// of a long race opens at once and catches up over a few frames.
const (
	replayNow   = 5_000
	replayChunk = 5_000
)

// CatchUp replays up to replayChunk more steps of a state that SetState
// began to restore, and reports whether it did (Update then does nothing
// else that frame).
func (w *World) CatchUp() bool {
	if w.replayTo <= w.Steps() {
		w.replayTo = 0
		return false
	}
	playing := w.Playing
	if w.replay(min(replayChunk, w.replayTo-w.Steps())) == 0 {
		w.replayTo = 0
	}
	w.Playing = playing
	return true
}

// Leader returns the first enabled racer with a run, or nil.
func (w *World) Leader() *Racer {
	for _, r := range w.Racers {
		if r.Trainer() != nil {
			return r
		}
	}
	return nil
}

// Field returns the full-data loss (plus penalty) over the view, on the
// slice through sliceBase (the other parameters held at the start, or for
// a model with more than two parameters at the leader's current point). It
// is computed again only when the scenario, the slice or the penalty
// change.
func (w *World) Field() render.Field {
	base := w.sliceBase()
	key := fmt.Sprint(w.scenario.Name, base[2:], w.Settings.L1, w.Settings.L2, w.Settings.Seed)
	if w.field == nil || key != w.fieldKey {
		f := w.lossField(w.objective(), base)
		w.field, w.fieldKey = &f, key
	}
	return *w.field
}

// BatchField returns the loss surface of the leader's latest batch, and
// false when there is none (a surface, or the batch variant).
func (w *World) BatchField() (render.Field, bool) {
	r := w.Leader()
	if r == nil || !w.scenario.Regression() || r.Trainer().LastBatch() == nil {
		return render.Field{}, false
	}
	if w.batchField == nil {
		dm := r.run.Objective.(compute.DataModel)
		f := w.lossField(dm.WithData(dm.Dataset().Reordered(r.Trainer().LastBatch(), nil)), w.sliceBase())
		w.batchField = &f
	}
	return *w.batchField, true
}

// objective is the function whose surface is shown: the first racer's
// objective (all racers share the model and data).
func (w *World) objective() compute.Objective {
	for _, r := range w.Racers {
		if r.run != nil {
			return r.run.Objective
		}
	}
	run, err := w.config(w.Racers[0]).Build(w.cpu)
	if err != nil {
		return nil
	}
	return run.Objective
}

// lossField evaluates obj plus the penalty over the view on the slice
// through base (fieldGrid).
func (w *World) lossField(obj compute.Objective, base []float64) render.Field {
	g := w.fieldGrid(base)
	f := render.Field{Cols: g.Cols, Rows: g.Rows, XMin: g.XMin, XMax: g.XMax, YMin: g.YMin, YMax: g.YMax}
	f.Values = make([]float64, g.Cols*g.Rows)
	if obj == nil {
		return f
	}
	if err := w.backend.LossGrid(f.Values, obj, g); err != nil {
		w.Err = err
		return f
	}
	p := compute.Penalty{L1: w.Settings.L1, L2: w.Settings.L2, Mask: obj.Layout().PenaltyMask()}
	if p.Active() {
		pt := slices.Clone(base)
		for r := range g.Rows {
			for c := range g.Cols {
				pt[0], pt[1] = g.At(c, r)
				f.Values[r*g.Cols+c] += p.Value(pt)
			}
		}
	}
	return f
}

// Stats summarises the leader for the heads-up line.
type Stats struct {
	Step, Epoch    int
	Loss, GradNorm float64
	Stopped        compute.StopReason
}

// LeaderStats returns the leader's step, epoch, loss and gradient norm.
func (w *World) LeaderStats() Stats {
	r := w.Leader()
	if r == nil {
		return Stats{Loss: math.NaN(), GradNorm: math.NaN()}
	}
	tr := r.Trainer()
	var g float64
	for _, v := range tr.Gradient() {
		g += v * v
	}
	return Stats{Step: tr.Steps(), Epoch: tr.Epochs(), Loss: r.run.Losses.Last(), GradNorm: math.Sqrt(g), Stopped: tr.Stopped()}
}
