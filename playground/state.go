package playground

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// State is the playground's whole state as one value: the scenario, the
// racers with their optimizers' hyperparameters, the shared settings, the
// view, the start point, the 3-D camera, the maps' windows and the race
// recorded so far (its step count; a race is deterministic, so replaying
// the steps restores its paths and numbers exactly).
//
// It is what a link, a state file and the native command line carry.
// Every field is described once, in the table of stateFields
// (state_fields.go), with its JSON key, its short URL key, its default and
// its validation; the URL encoding, the JSON form and the flags are derived
// from that table. World.State reads a State and World.SetState applies
// one.
type State struct {
	// Scenario names the scenario.
	Scenario string
	// Racers holds one entry per registered optimizer, in registry order.
	Racers []RacerState
	// Settings are the choices shared by every racer.
	Settings Settings
	// View is what the main area shows.
	View View
	// Show3D, LogScale and ShowBatch are the view options of World.
	Show3D, LogScale, ShowBatch bool
	// Start is the start point (all parameters of the scenario's model).
	Start []float64
	// Camera is the 3-D view's orbit camera.
	Camera render.Camera
	// Playing says whether the race runs; Speed is steps per frame.
	Playing bool
	Speed   int
	// Steps is how many steps the race has taken, or one more when every
	// racer's run has ended (diverged), the longest on trying the next
	// step: replaying that many steps ends the race the same way.
	Steps int
	// MapSteps, TrainAxes and MapOptimizer are the maps' settings of World.
	MapSteps     int
	TrainAxes    int
	MapOptimizer string
	// ConvergenceWindow, LRWindow and LRMomentumWindow are the zoomed
	// windows (xmin, xmax, ymin, ymax) of the convergence map and of the
	// trainability map over two learning rates or learning rate ×
	// momentum; nil is the default window.
	ConvergenceWindow, LRWindow, LRMomentumWindow []float64
	// Display is the text size, the theme and the arrows' length.
	Display Display
}

// RacerState is one registered optimizer in a State.
type RacerState struct {
	// Optimizer is the registered optimizer's name.
	Optimizer string
	// Enabled says whether it races.
	Enabled bool
	// Hyper holds a value for every hyperparameter of the optimizer.
	Hyper compute.Hypers
	// LRScales are per-parameter learning-rate factors, or nil for one rate.
	LRScales []float64
}

// DefaultState returns the state of a playground just opened on the named
// scenario (matched case-insensitively).
func DefaultState(scenario string) (State, error) {
	sc, err := ScenarioByName(scenario)
	if err != nil {
		return State{}, err
	}
	return defaultState(sc), nil
}

// defaultState sets every field of the table to its default for sc.
func defaultState(sc *Scenario) State {
	s := State{Scenario: sc.Name}
	for _, spec := range compute.Optimizers() {
		s.Racers = append(s.Racers, RacerState{Optimizer: spec.Name, Hyper: compute.Hypers{}})
	}
	for _, f := range stateFields() {
		f.reset(&s, sc)
	}
	return s
}

// clone returns a copy of s that shares no slice or map with it.
func (s State) clone() State {
	s.Racers = slices.Clone(s.Racers)
	for i, r := range s.Racers {
		s.Racers[i].Hyper, s.Racers[i].LRScales = maps.Clone(r.Hyper), slices.Clone(r.LRScales)
	}
	s.Start = slices.Clone(s.Start)
	s.ConvergenceWindow, s.LRWindow, s.LRMomentumWindow = slices.Clone(s.ConvergenceWindow), slices.Clone(s.LRWindow), slices.Clone(s.LRMomentumWindow)
	return s
}

// scenario returns the state's scenario, or nil when it names none.
func (s *State) scenario() *Scenario {
	sc, err := ScenarioByName(s.Scenario)
	if err != nil {
		return nil
	}
	return sc
}

// Check returns a *StateError listing every field whose value is not
// allowed, or nil. The racers must be the registered optimizers in
// registry order, each with all of its hyperparameters.
func (s State) Check() error {
	e := &StateError{Source: "state"}
	sc := s.scenario()
	if sc == nil {
		_, err := ScenarioByName(s.Scenario)
		e.add("scenario", s.Scenario, err)
		return e
	}
	specs := compute.Optimizers()
	if len(s.Racers) != len(specs) {
		e.add("racers", len(s.Racers), fmt.Errorf("want one per registered optimizer (%d)", len(specs)))
		return e
	}
	for i, spec := range specs {
		r := s.Racers[i]
		if r.Optimizer != spec.Name || !slices.Equal(slices.Sorted(maps.Keys(r.Hyper)), slices.Sorted(maps.Keys(spec.Defaults()))) {
			e.add("racers", r.Optimizer, fmt.Errorf("want %s with each of its hyperparameters, in registry order", spec.Name))
			return e
		}
	}
	for _, f := range stateFields() {
		if err := f.check(&s); err != nil {
			e.add(f.Key, f.Format(s), err)
		}
	}
	for _, r := range s.Racers {
		spec, _ := compute.OptimizerByName(r.Optimizer)
		if _, err := spec.Resolve(r.Hyper); err != nil {
			e.Problems = append(e.Problems, racerProblem(r.Optimizer, err))
		}
	}
	return e.orNil()
}

// stateSteps is State's Steps: the steps taken (or being replayed), one
// more when a racer's trainer stopped at that count. A trainer notices that
// a run diverged when it tries the step after (the loss there is past
// compute.DivergenceLimit); a replay of the steps taken alone would leave
// that racer running.
func (w *World) stateSteps() int {
	var trainers []*compute.Trainer
	for _, r := range w.Racers {
		if tr := r.Trainer(); tr != nil {
			trainers = append(trainers, tr)
		}
	}
	return replaySteps(max(w.Steps(), w.replayTo), trainers)
}

// replaySteps is how many steps a link of a race of n steps asks for, so
// that replaying them ends the race as the trainers did: n, or n+1 when
// every trainer has stopped, one of them at n (below MaxSteps). While one
// runs, n is the count it has taken, and one more would move it on.
func replaySteps(n int, trainers []*compute.Trainer) int {
	if n >= MaxSteps {
		return n
	}
	ended := false
	for _, tr := range trainers {
		if tr.Stopped() == compute.Running {
			return n
		}
		ended = ended || tr.Steps() == n
	}
	if ended {
		return n + 1
	}
	return n
}

// State returns the world's state.
func (w *World) State() State {
	s := State{
		Scenario: w.scenario.Name, Settings: w.Settings, View: w.View,
		Show3D: w.Show3D, LogScale: w.LogScale, ShowBatch: w.ShowBatch,
		Start: slices.Clone(w.start), Camera: w.Camera, Playing: w.Playing, Speed: w.Speed, Steps: w.stateSteps(),
		MapSteps: w.MapSteps, TrainAxes: w.TrainAxes, MapOptimizer: w.MapOptimizer, Display: w.Display,
	}
	for _, r := range w.Racers {
		s.Racers = append(s.Racers, RacerState{Optimizer: r.Spec.Name, Enabled: r.Enabled, Hyper: maps.Clone(r.Hyper), LRScales: slices.Clone(r.Scales)})
	}
	for key, rg := range w.ranges {
		if p := s.window(key); p != nil {
			*p = rg[:]
		}
	}
	return s
}

// window returns the State's field that holds the window of a map view.
func (s *State) window(k mapRangeKey) *[]float64 {
	switch {
	case k.view == ConvergenceView:
		return &s.ConvergenceWindow
	case k.view == TrainabilityView && k.axes == compute.VaryLRs:
		return &s.LRWindow
	case k.view == TrainabilityView && k.axes == compute.VaryLRMomentum:
		return &s.LRMomentumWindow
	}
	return nil
}

// windowKeys are the map views whose windows a State holds.
var windowKeys = []mapRangeKey{
	{view: ConvergenceView}, {view: TrainabilityView, axes: compute.VaryLRs}, {view: TrainabilityView, axes: compute.VaryLRMomentum},
}

// SetState replaces the world's state by s: it checks s (nothing changes
// when any field is not allowed), applies every field, rebuilds the racers
// and replays the race's recorded steps, so that the world shows the
// picture and the numbers it showed when its state was read.
func (w *World) SetState(s State) error {
	if err := s.Check(); err != nil {
		return err
	}
	sc := s.scenario()
	w.scenario = sc
	w.start = slices.Clone(s.Start)
	w.Racers = newRacers(sc)
	for i, r := range w.Racers {
		rs := s.Racers[i]
		r.Enabled, r.Hyper, r.Scales = rs.Enabled, maps.Clone(rs.Hyper), slices.Clone(rs.LRScales)
	}
	w.Settings = s.Settings
	w.View, w.Show3D, w.LogScale, w.ShowBatch = s.View, s.Show3D, s.LogScale, s.ShowBatch
	w.Camera, w.Speed = s.Camera, s.Speed
	w.MapSteps, w.TrainAxes, w.MapOptimizer = s.MapSteps, s.TrainAxes, s.MapOptimizer
	w.Display = s.Display
	w.ranges = mapRanges{}
	for _, k := range windowKeys {
		if rg := *s.window(k); rg != nil {
			w.ranges[k] = [4]float64(rg)
		}
	}
	w.job = nil
	w.Reset()
	if s.Steps > 0 {
		w.replay(min(s.Steps, replayNow))
		if s.Steps > replayNow {
			w.replayTo = s.Steps // the rest over the next frames (CatchUp)
		}
	}
	w.Playing = s.Playing
	return nil
}

// StateError lists the settings of a link, a state file, a command line or
// a State that could not be used, each with the reason. From a decoder
// (Defaulted), the state decoded beside it holds the defaults for those
// settings and everything else as given.
type StateError struct {
	// Source says where the settings came from: "link", "state file", ….
	Source string
	// Problems are one line each: the key, the value and what is allowed.
	Problems []string
	// Defaulted says that the decoded state holds the defaults instead.
	Defaulted bool
}

// add records a refused setting, its key and value quoted as compute
// quotes a user's value (at most 80 characters, one line).
func (e *StateError) add(key string, value any, err error) {
	if value == nil {
		e.Problems = append(e.Problems, fmt.Sprintf("%s: %v", compute.QuoteValue(key), err))
		return
	}
	e.Problems = append(e.Problems, fmt.Sprintf("%s=%s: %v", compute.QuoteValue(key), compute.QuoteValue(fmt.Sprint(value)), err))
}

func (e *StateError) orNil() error {
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

func (e *StateError) Error() string {
	what := "1 setting"
	if len(e.Problems) != 1 {
		what = fmt.Sprintf("%d settings", len(e.Problems))
	}
	verdict := "not allowed"
	if e.Defaulted {
		verdict = "left at the default"
	}
	return fmt.Sprintf("%s: %s %s: %s", e.Source, what, verdict, strings.Join(e.Problems, "; "))
}
