package playground

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// StateField describes one field of State: its keys, its help, and how it
// is read, written, defaulted and checked. The table of them
// (stateFields) is the one list of the state's fields; URL keys, JSON keys
// and the native flags are derived from it.
type StateField struct {
	// Key is the JSON key; the command-line flag is the key with dashes
	// for underscores. A racer's field is "optimizer.key" (adam.lr,
	// adam.beta1, adam.lr_scales), nested in JSON under "optimizers".
	Key string
	// Short is the key in links (adam.b1 for adam.beta1).
	Short string
	// Help says what the field is.
	Help string
	// Kind describes the value's text form.
	Kind string
	// Bool marks a switch, a flag given without a value.
	Bool bool

	format  func(*State) string
	parse   func(*State, string) error
	check   func(*State) error
	jsonOut func(*State) any
	jsonIn  func(*State, []byte) error
	reset   func(*State, *Scenario)
	// racer is the optimizer of a racer's field, or "".
	racer string
}

// Format returns the field's value in s as text, the form links and flags
// use.
func (f StateField) Format(s State) string { return f.format(&s) }

// access reads and writes one field of a State.
type access[T any] struct {
	get func(*State) T
	set func(*State, T)
}

// at accesses the field that p points to.
func at[T any](p func(*State) *T) access[T] {
	return access[T]{get: func(s *State) T { return *p(s) }, set: func(s *State, v T) { *p(s) = v }}
}

// field builds a StateField from a codec, an accessor, a default for a
// scenario and a validation (nil: any value the codec reads).
func field[T any](key, short, help string, c codec[T], a access[T], def func(*Scenario) T, valid func(*State, T) error) StateField {
	check := func(s *State, v T) error {
		// A value the codec would not read back as itself (a NaN, a name
		// not in the list, a name in the wrong case) is not allowed.
		text := c.format(v)
		if back, err := c.parse(text); err != nil {
			return err
		} else if c.format(back) != text {
			return fmt.Errorf("want %s", c.kind)
		}
		if valid == nil {
			return nil
		}
		return valid(s, v)
	}
	store := func(s *State, v T, err error) error {
		if err == nil {
			err = check(s, v)
		}
		if err != nil {
			return err
		}
		a.set(s, v)
		return nil
	}
	return StateField{
		Key: key, Short: short, Help: help, Kind: c.kind, Bool: c.isBool,
		format: func(s *State) string { return c.format(a.get(s)) },
		parse: func(s *State, text string) error {
			v, err := c.parse(text)
			return store(s, v, err)
		},
		check:   func(s *State) error { return check(s, a.get(s)) },
		jsonOut: func(s *State) any { return c.jsonValue(a.get(s)) },
		jsonIn: func(s *State, data []byte) error {
			v, err := c.readJSON(data)
			return store(s, v, err)
		},
		reset: func(s *State, sc *Scenario) { a.set(s, def(sc)) },
	}
}

func always[T any](v T) func(*Scenario) T { return func(*Scenario) T { return v } }

// The limits of the state's numbers.
const (
	maxSeed      = math.MaxInt32
	maxBatchSize = 64
	minMapSteps  = 50
)

// mapAxesKeys name the trainability map's axes (World.TrainAxes) in links.
var mapAxesKeys = []string{string(compute.VaryLRs), string(compute.VaryLRMomentum)}

// stateFields returns the table: the fields shared by the whole state,
// then for each registered optimizer its hyperparameters (from the
// registry, with their short keys) and its per-parameter rates. The
// scenario comes first: the other fields' defaults and allowed values
// depend on it.
func stateFields() []StateField {
	fields := []StateField{
		field("scenario", "s", "scenario: "+strings.Join(ScenarioNames(), "|"), nameCodec(ScenarioNames),
			at(func(s *State) *string { return &s.Scenario }), func(sc *Scenario) string { return sc.Name }, nil),
		field("racers", "o", "the optimizers that race, separated by commas", namesCodec(compute.OptimizerNames),
			access[[]string]{get: enabledRacers, set: setEnabledRacers}, tunedRacers, nil),
		field("variant", "var", "variant: "+strings.Join(variantNames, "|")+" (regression only)", nameCodec(func() []string { return variantNames }),
			at(func(s *State) *string { return &s.Settings.Variant }), always("batch"), validVariant),
		field("batch_size", "bs", fmt.Sprintf("mini-batch size, 1 to %d", maxBatchSize), intCodec,
			at(func(s *State) *int { return &s.Settings.BatchSize }), always(8), intRange(1, maxBatchSize)),
		field("shuffle", "sh", "draw a new order of the data every epoch", boolCodec,
			at(func(s *State) *bool { return &s.Settings.Shuffle }), always(false), nil),
		field("schedule", "sch", "learning-rate schedule: "+strings.Join(scheduleNames, "|"), nameCodec(func() []string { return scheduleNames }),
			at(func(s *State) *string { return &s.Settings.Schedule }), always("constant"), nil),
		field("l1", "l1", "L1 penalty weight on the loss", numberCodec,
			at(func(s *State) *float64 { return &s.Settings.L1 }), always(0.0), nonNegative),
		field("l2", "l2", "L2 penalty weight on the loss (λ/2·Σw²)", numberCodec,
			at(func(s *State) *float64 { return &s.Settings.L2 }), always(0.0), nonNegative),
		field("seed", "seed", "seed of the data and the shuffles", intCodec,
			at(func(s *State) *int { return &s.Settings.Seed }), always(1), intRange(1, maxSeed)),
		field("view", "v", "view: "+strings.Join(ViewNames, "|")+" (maps are of test surfaces)", choiceCodec[View](ViewNames),
			at(func(s *State) *View { return &s.View }), always(RaceView), validView),
		field("3d", "3d", "draw the surface as a 3-D mesh", boolCodec,
			at(func(s *State) *bool { return &s.Show3D }), always(false), nil),
		field("log", "log", "colour the surface on a log scale", boolCodec,
			at(func(s *State) *bool { return &s.LogScale }), func(sc *Scenario) bool { return sc.LogScale }, nil),
		field("batch_surface", "bsurf", "draw the current batch's loss surface (regression)", boolCodec,
			at(func(s *State) *bool { return &s.ShowBatch }), always(false), nil),
		field("start", "x0", "start point, all parameters separated by commas", numbersCodec,
			at(func(s *State) *[]float64 { return &s.Start }), func(sc *Scenario) []float64 { return slices.Clone(sc.Start) }, validStart),
		field("camera", "cam", "3-D camera: yaw,pitch,distance (radians, surface widths)", cameraCodec,
			at(func(s *State) *render.Camera { return &s.Camera }), func(*Scenario) render.Camera { return defaultCamera() }, validCamera),
		field("play", "play", "the race runs", boolCodec,
			at(func(s *State) *bool { return &s.Playing }), always(false), nil),
		field("speed", "sp", "steps per frame: "+strings.Join(speedNames, "|"), intCodec,
			at(func(s *State) *int { return &s.Speed }), always(5), validSpeed),
		field("steps", "t", fmt.Sprintf("steps the race has taken, replayed when opened (0 to %d)", MaxSteps), intCodec,
			at(func(s *State) *int { return &s.Steps }), always(0), intRange(0, MaxSteps)),
		field("map_steps", "ms", fmt.Sprintf("steps of each map run, %d to %d", minMapSteps, compute.MaxMapSteps), intCodec,
			at(func(s *State) *int { return &s.MapSteps }), func(sc *Scenario) int { return sc.mapSteps() }, intRange(minMapSteps, compute.MaxMapSteps)),
		field("map_axes", "ax", "trainability map's axes: "+strings.Join(mapAxesKeys, "|"), choiceCodec[int](mapAxesKeys),
			at(func(s *State) *int { return &s.TrainAxes }), always(0), intRange(0, len(mapAxesKeys)-1)),
		field("map_optimizer", "mo", "the optimizer the maps run (empty: the first racer)", nameCodec(mapOptimizerNames),
			at(func(s *State) *string { return &s.MapOptimizer }), always(""), nil),
		field("convergence_window", "cw", "convergence map's window: xmin,xmax,ymin,ymax (empty: the scenario's)", numbersCodec,
			at(func(s *State) *[]float64 { return &s.ConvergenceWindow }), always[[]float64](nil), validWindow(false, false, math.Inf(-1))),
		field("lr_window", "lw", "two-rate trainability map's window: lr x min,max, lr y min,max (empty: 1e-4 to 1)", numbersCodec,
			at(func(s *State) *[]float64 { return &s.LRWindow }), always[[]float64](nil), validWindow(true, true, 0)),
		field("lr_momentum_window", "mw", "rate × momentum map's window: lr min,max, momentum min,max (empty: the default)", numbersCodec,
			at(func(s *State) *[]float64 { return &s.LRMomentumWindow }), always[[]float64](nil), validWindow(true, false, 0)),
		field("text", "tx", fmt.Sprintf("text size: steps of 25%% from the default, which grows with the window, %d to %d", MinTextStep, MaxTextStep), intCodec,
			at(func(s *State) *int { return &s.Display.TextStep }), always(0), validTextStep),
		field("theme", "th", "colours: "+strings.Join(themeNames(), "|")+" (light for projectors)", nameCodec(themeNames),
			at(func(s *State) *string { return &s.Display.Theme }), always(render.DarkTheme.Name), nil),
		field("grad_length", "gl", "arrows' length shows the gradient's magnitude (log scale)", boolCodec,
			at(func(s *State) *bool { return &s.Display.GradLength }), always(false), nil),
		field("embed", "embed", "the page is embedded in another (no panel, a link to open it in the playground); the native window ignores it", boolCodec,
			at(func(s *State) *bool { return &s.Display.Embed }), always(false), nil),
	}
	for i, spec := range compute.Optimizers() {
		fields = append(fields, racerFields(i, spec)...)
	}
	return fields
}

// racerFields are the fields of the racer at index i of the registry: one
// per hyperparameter, keyed by the optimizer's name and the hyperparameter's
// key (short key in links), and its per-parameter learning rates.
func racerFields(i int, spec *compute.OptimizerSpec) []StateField {
	var fields []StateField
	for _, h := range spec.Hypers {
		a := access[float64]{
			get: func(s *State) float64 { return s.Racers[i].Hyper[h.Key] },
			set: func(s *State, v float64) { s.Racers[i].Hyper[h.Key] = v },
		}
		def := func(sc *Scenario) float64 {
			if lr, ok := sc.Rates[spec.Name]; ok && h.Key == "lr" {
				return lr
			}
			return h.Default
		}
		f := field(spec.Name+"."+h.Key, spec.Name+"."+h.Short, fmt.Sprintf("%s %s: %s %s", spec.Title, h.Key, h.Symbol, h.Help),
			hyperCodec(h.Bool), a, def, func(_ *State, v float64) error { return h.Check(v) })
		f.racer = spec.Name
		fields = append(fields, f)
	}
	f := field(spec.Name+".lr_scales", spec.Name+".lrs", spec.Title+" per-parameter learning-rate factors (empty: one rate)", numbersCodec,
		access[[]float64]{get: func(s *State) []float64 { return s.Racers[i].LRScales }, set: func(s *State, v []float64) { s.Racers[i].LRScales = v }},
		always[[]float64](nil), validScales)
	f.racer = spec.Name
	return append(fields, f)
}

// stateFieldByName returns the field whose key or short key is name,
// ignoring case.
func stateFieldByName(fields []StateField, name string) (StateField, bool) {
	for _, f := range fields {
		if strings.EqualFold(f.Key, name) || strings.EqualFold(f.Short, name) {
			return f, true
		}
	}
	return StateField{}, false
}

// StateFields returns the table of the state's fields, the scenario first.
func StateFields() []StateField { return stateFields() }

func enabledRacers(s *State) []string {
	names := []string{}
	for _, r := range s.Racers {
		if r.Enabled {
			names = append(names, r.Optimizer)
		}
	}
	return names
}

func setEnabledRacers(s *State, names []string) {
	for i := range s.Racers {
		s.Racers[i].Enabled = slices.Contains(names, s.Racers[i].Optimizer)
	}
}

// tunedRacers are the optimizers a scenario races when it opens: those it
// tunes a rate for.
func tunedRacers(sc *Scenario) []string {
	return slices.DeleteFunc(compute.OptimizerNames(), func(n string) bool { _, ok := sc.Rates[n]; return !ok })
}

func mapOptimizerNames() []string { return append([]string{""}, compute.OptimizerNames()...) }

// defaultCamera is the 3-D view's camera when a scenario opens: the
// render default, which frames the region the race uses (DrawMesh fits
// the distance to the view; the camera's distance scales that fit).
func defaultCamera() render.Camera { return render.DefaultCamera() }

func intRange(lo, hi int) func(*State, int) error {
	return func(_ *State, v int) error {
		if v < lo || v > hi {
			return fmt.Errorf("want %d to %d", lo, hi)
		}
		return nil
	}
}

func nonNegative(_ *State, v float64) error {
	if v < 0 {
		return fmt.Errorf("want a number ≥ 0")
	}
	return nil
}

func validVariant(s *State, v string) error {
	if sc := s.scenario(); sc != nil && !sc.Regression() && v != "batch" {
		return fmt.Errorf("a surface has no data: only batch applies")
	}
	return nil
}

func validView(s *State, v View) error {
	if sc := s.scenario(); sc != nil && sc.Regression() && v != RaceView {
		return fmt.Errorf("maps are of test surfaces; %s is a regression", sc.Name)
	}
	return nil
}

func validSpeed(_ *State, v int) error {
	if !slices.Contains(speedValues, v) {
		return fmt.Errorf("want one of %s", strings.Join(speedNames, ", "))
	}
	return nil
}

// dims is the number of parameters of s's scenario's model.
func dims(s *State) int {
	if sc := s.scenario(); sc != nil {
		return len(sc.Start)
	}
	return 0
}

func validStart(s *State, v []float64) error {
	if n := dims(s); len(v) != n {
		return fmt.Errorf("want %d numbers, one per parameter", n)
	}
	return nil
}

func validScales(s *State, v []float64) error {
	if v == nil {
		return nil
	}
	if n := dims(s); len(v) != n {
		return fmt.Errorf("want %d numbers, one per parameter, or none", n)
	}
	for _, x := range v {
		if !(x > 0) {
			return fmt.Errorf("want numbers > 0")
		}
	}
	return nil
}

// validCamera accepts the cameras that orbiting and zooming can reach.
func validCamera(_ *State, c render.Camera) error {
	if c.Orbit(0, 0).Zoom(0) != c {
		lo := render.Camera{Pitch: -10, Distance: 0}.Orbit(0, 0).Zoom(0)
		hi := render.Camera{Pitch: 10, Distance: math.MaxFloat64}.Orbit(0, 0).Zoom(0)
		return fmt.Errorf("want pitch from %.3g to %.3g and distance from %.3g to %.3g", lo.Pitch, hi.Pitch, lo.Distance, hi.Distance)
	}
	return nil
}

// validWindow accepts nil or xmin < xmax, ymin < ymax; an axis on a log
// scale must be above 0, and y at least minY.
func validWindow(logX, logY bool, minY float64) func(*State, []float64) error {
	return func(_ *State, v []float64) error {
		switch {
		case v == nil:
			return nil
		case len(v) != 4:
			return fmt.Errorf("want four numbers: xmin,xmax,ymin,ymax, or none")
		case !(v[0] < v[1]) || !(v[2] < v[3]):
			return fmt.Errorf("want xmin < xmax and ymin < ymax")
		case logX && v[0] <= 0, logY && v[2] <= 0:
			return fmt.Errorf("want values > 0 on a log axis")
		case v[2] < minY:
			return fmt.Errorf("want ymin ≥ %g", minY)
		}
		return nil
	}
}
