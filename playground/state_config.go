package playground

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// configKey is the link key whose value is a whole compute.Config as JSON
// (the descent.run/v1 config): "#config=%7B%22optimizer%22%3A%22adam%22%7D".
const configKey = "config"

// StateFromConfig returns the playground's state closest to a run of c:
// the scenario of its model and data (or surface), one racer with its
// optimizer and every hyperparameter (PyTorch's default where c sets
// none, not the scenario's tuned rate), its per-parameter rates, schedule,
// penalties, variant, batch size, shuffling, seed and start, and the race
// replayed to the run's length (paused there). A Config that is not valid
// is an error and no state. What the state cannot express (a CSV file, a
// data set of another size, a schedule's own parameters, a batch size over
// the panel's range, a run longer than MaxSteps) is listed in one
// *StateError beside a usable state, as a link's refused keys are.
func StateFromConfig(c compute.Config) (State, error) {
	c = c.WithDefaults()
	if err := c.Validate(); err != nil {
		return State{}, err
	}
	e := &StateError{Source: "config", Defaulted: true}
	sc := configScenario(c)
	s := defaultState(sc)
	spec, err := compute.OptimizerByName(c.Optimizer)
	if err != nil {
		return State{}, err
	}
	hyper, err := spec.Resolve(c.Hyper)
	if err != nil {
		return State{}, err
	}
	racer := slices.IndexFunc(s.Racers, func(r RacerState) bool { return r.Optimizer == spec.Name })
	for i := range s.Racers {
		s.Racers[i].Enabled = i == racer
	}
	s.Racers[racer].Hyper, s.Racers[racer].LRScales = hyper, slices.Clone(c.LRScales)
	s.Settings.Schedule, s.Settings.L1, s.Settings.L2 = c.Schedule, c.L1, c.L2
	if sc.Regression() {
		s.Settings.Variant, s.Settings.Shuffle = c.Variant, c.Shuffle
		if c.BatchSize > 0 {
			s.Settings.BatchSize = c.BatchSize
		}
		if c.Seed > 0 {
			s.Settings.Seed = int(min(c.Seed, uint64(maxSeed)+1))
		}
	}
	if c.Start != nil {
		s.Start = slices.Clone(c.Start)
	} else if surf, err := compute.SurfaceByName(c.Surface); err == nil && !sc.Regression() {
		s.Start = slices.Clone(surf.Start[:])
	} else {
		s.Start = make([]float64, len(sc.Start))
	}
	refused := map[string]bool{}
	for _, f := range stateFields() {
		if err := f.check(&s); err != nil {
			e.add(f.Key, f.Format(s), err)
			refused[strings.TrimPrefix(f.Key, spec.Name+".")] = true
			f.reset(&s, sc)
		}
	}
	r := s.Racers[racer]
	got := racerConfig(sc, s.Settings, s.Start, r.Optimizer, r.Hyper, r.LRScales)
	for _, p := range configDifferences(c, got) {
		if !refused[p.key] {
			e.Problems = append(e.Problems, fmt.Sprintf("%s=%s: the playground's %s has %s", p.key, compute.QuoteValue(p.want), sc.Name, compute.QuoteValue(p.got)))
		}
	}
	s.Steps, err = configSteps(c, got)
	if err != nil {
		e.Problems = append(e.Problems, err.Error())
	}
	return s, e.orNil()
}

// configScenario is the scenario of c's surface, or of its model and
// data; for data that no scenario has, the model's first scenario (the
// difference in data is then reported with the others).
func configScenario(c compute.Config) *Scenario {
	var fallback *Scenario
	for _, sc := range Scenarios() {
		b := sc.Base.WithDefaults()
		switch {
		case b.Model != c.Model:
		case c.Model == "surface" && b.Surface == c.Surface, c.Model != "surface" && b.Data == c.Data:
			return sc
		case fallback == nil:
			fallback = sc
		}
	}
	return fallback
}

// difference is a Config field that the playground runs with another value.
type difference struct{ key, want, got string }

// configDifferences compares what c runs with what the playground runs
// (got, the racer's config), field by field as their JSON says, apart from
// the run's length and what is recorded (the state replays the length;
// recording is no part of the state), with hyperparameters resolved to
// their values and schedules compared as the schedules they build.
func configDifferences(c, got compute.Config) []difference {
	got = got.WithDefaults()
	got.Steps, got.Epochs, got.RecordEvery, got.FullLoss = c.Steps, c.Epochs, c.RecordEvery, c.FullLoss
	want := c
	if want.Start == nil {
		want.Start = got.Start
	}
	if !want.Reads("seed") {
		want.Seed = 0
	}
	var diffs []difference
	if ws, gs := want.LRSchedule(), got.LRSchedule(); ws != gs {
		diffs = append(diffs, difference{"schedule", fmt.Sprintf("%+v", ws), fmt.Sprintf("%+v", gs)})
	}
	for _, k := range []*compute.Config{&want, &got} {
		k.StepSize, k.Gamma, k.Decay, k.TMax, k.EtaMin = 0, nil, nil, 0, 0
		spec, _ := compute.OptimizerByName(k.Optimizer)
		k.Hyper, _ = spec.Resolve(k.Hyper)
	}
	wm, gm := jsonFields(want), jsonFields(got)
	keys := slices.Sorted(maps.Keys(wm))
	for _, k := range slices.Sorted(maps.Keys(gm)) {
		if _, ok := wm[k]; !ok {
			keys = append(keys, k)
		}
	}
	same := sameData(want, got)
	dataDiffers := false
	for _, k := range keys {
		if wm[k] == gm[k] {
			continue
		}
		if slices.Contains(dataKeys, k) {
			// Equal data, or a number one side leaves to its default.
			if same || slices.Contains(defaultedDataKeys, k) && (wm[k] == "" || gm[k] == "") {
				continue
			}
			dataDiffers = true
		}
		diffs = append(diffs, difference{k, orUnset(wm[k]), orUnset(gm[k])})
	}
	if !same && !dataDiffers {
		diffs = append(diffs, difference{"data", want.Data + " as the config makes it", got.Data + " with other points"})
	}
	return diffs
}

// dataKeys are the Config's keys that shape its data.
var dataKeys = []string{"data", "target", "n", "features", "slope", "intercept", "noise"}

// defaultedDataKeys are those of dataKeys that a Config may leave unset
// (null) for their default value.
var defaultedDataKeys = []string{"slope", "intercept", "noise"}

// sameData reports whether two configs train on equal data (both on a
// surface, or data sets equal sample by sample).
func sameData(a, b compute.Config) bool {
	ra, err1 := a.Build(nil)
	rb, err2 := b.Build(nil)
	if err1 != nil || err2 != nil {
		return false
	}
	if ra.Data == nil || rb.Data == nil {
		return ra.Data == nil && rb.Data == nil && a.Surface == b.Surface
	}
	return slices.EqualFunc(ra.Data.X, rb.Data.X, slices.Equal) && slices.Equal(ra.Data.Y, rb.Data.Y)
}

// jsonFields returns a Config's JSON fields as their JSON text.
func jsonFields(c compute.Config) map[string]string {
	data, _ := json.Marshal(c)
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(data, &raw)
	out := map[string]string{}
	for k, v := range raw {
		out[k] = string(v)
	}
	return out
}

func orUnset(v string) string {
	if v == "" {
		return "none"
	}
	return v
}

// configSteps is the number of steps a run of c takes on the playground's
// data (got's): its steps, or its epochs times the batches of an epoch.
// A run longer than MaxSteps is cut there, and the error says so.
func configSteps(c, got compute.Config) (int, error) {
	steps := c.Steps
	if steps == 0 {
		n := 1
		if got.Model != "surface" {
			run, err := got.Build(nil)
			if err != nil {
				return 0, err
			}
			n = run.Data.Len()
		}
		size := n
		switch compute.Variant(c.Variant) {
		case compute.Stochastic:
			size = 1
		case compute.MiniBatch:
			size = min(c.BatchSize, n)
		}
		steps = c.Epochs * ((n + size - 1) / size)
	}
	if steps > MaxSteps {
		return MaxSteps, fmt.Errorf("the run's %d steps: the race stops at %d", steps, MaxSteps)
	}
	return steps, nil
}

// applyConfig starts s from the state of the link's last config pair, if
// any, adding to e what it could not use, and returns the other pairs.
func (s *State) applyConfig(pairs []pair, e *StateError) []pair {
	isConfig := func(p pair) bool { return strings.EqualFold(p.key, configKey) }
	i := len(pairs) - 1
	for i >= 0 && !isConfig(pairs[i]) {
		i--
	}
	if i < 0 {
		return pairs
	}
	st, err := decodeConfigValue(pairs[i].value)
	var se *StateError
	switch {
	case errors.As(err, &se):
		e.Problems = append(e.Problems, se.Problems...)
		*s = st
	case err != nil:
		msg := err.Error()
		if !strings.HasPrefix(msg, configKey+":") {
			msg = configKey + ": " + msg
		}
		e.Problems = append(e.Problems, msg)
	default:
		*s = st
	}
	return slices.DeleteFunc(slices.Clone(pairs), isConfig)
}

// decodeConfigValue reads a link's config value, the Config's JSON, and
// returns the state closest to it.
func decodeConfigValue(value string) (State, error) {
	var c compute.Config
	if err := json.Unmarshal([]byte(value), &c); err != nil {
		return State{}, err
	}
	return StateFromConfig(c)
}
