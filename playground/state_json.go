package playground

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// The JSON form of a State (a state file, window.descent.getState) is one
// object with every field of the table under its key, in the table's
// order, and the racers' fields nested by optimizer:
//
//	{"scenario": "beale", "racers": ["sgd", "adam"], …, "start": [1, 1.5], …,
//	 "optimizers": {"sgd": {"lr": 0.001, "momentum": 0, …, "lr_scales": null}, …}}
//
// Reading it, as a link is read, leaves a key that is unknown or whose value
// is not allowed at its default and reports it; a missing key is the
// scenario's default.

// optimizersKey is the JSON key under which the racers' fields nest.
const optimizersKey = "optimizers"

// MarshalJSON writes every field of s.
func (s State) MarshalJSON() ([]byte, error) {
	var top, racers, fields []string
	racer := ""
	flush := func() {
		if racer != "" {
			racers = append(racers, fmt.Sprintf("%q:{%s}", racer, strings.Join(fields, ",")))
		}
		fields = nil
	}
	for _, f := range stateFields() {
		v, err := json.Marshal(f.jsonOut(&s))
		if err != nil {
			return nil, fmt.Errorf("state: %s: %w", f.Key, err)
		}
		if f.racer == "" {
			top = append(top, fmt.Sprintf("%q:%s", f.Key, v))
			continue
		}
		if f.racer != racer {
			flush()
			racer = f.racer
		}
		fields = append(fields, fmt.Sprintf("%q:%s", strings.TrimPrefix(f.Key, f.racer+"."), v))
	}
	flush()
	top = append(top, fmt.Sprintf("%q:{%s}", optimizersKey, strings.Join(racers, ",")))
	return []byte("{" + strings.Join(top, ",") + "}"), nil
}

// UnmarshalJSON reads a State as DecodeStateJSON does; on a *StateError, s
// holds the state with the defaults for the settings it lists.
func (s *State) UnmarshalJSON(data []byte) error {
	st, err := DecodeStateJSON(data)
	*s = st
	return err
}

// DecodeStateJSON reads a State from its JSON form. Like DecodeLink it
// always returns a usable state, every key that is unknown or not allowed
// left at its default and listed in the error (a *StateError).
func DecodeStateJSON(data []byte) (State, error) {
	e := &StateError{Source: "state file", Defaulted: true}
	s, _ := DefaultState(DefaultScenario)
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		e.Problems = append(e.Problems, fmt.Sprintf("not a JSON object (%v)", err))
		return s, e
	}
	values := map[string]json.RawMessage{}
	// put keeps a setting under its lower-case key; one given twice (in two
	// cases, or both at the top and under "optimizers") is a problem, not
	// a coin toss between the two.
	put := func(k string, v json.RawMessage) {
		lk := strings.ToLower(k)
		if _, dup := values[lk]; dup {
			e.Problems = append(e.Problems, compute.QuoteString(k)+" is given twice")
			return
		}
		values[lk] = v
	}
	for _, k := range slices.Sorted(maps.Keys(top)) {
		v := top[k]
		if !strings.EqualFold(k, optimizersKey) {
			put(k, v)
			continue
		}
		var byOptimizer map[string]map[string]json.RawMessage
		if err := json.Unmarshal(v, &byOptimizer); err != nil {
			e.Problems = append(e.Problems, compute.QuoteString(k)+": want an object of objects by optimizer")
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(byOptimizer)) {
			for _, key := range slices.Sorted(maps.Keys(byOptimizer[name])) {
				put(name+"."+key, byOptimizer[name][key])
			}
		}
	}
	fields := stateFields()
	if v, ok := values[fields[0].Key]; ok {
		next := s
		if err := fields[0].jsonIn(&next, v); err != nil {
			e.add(fields[0].Key, string(v), err)
		} else {
			s = defaultState(next.scenario())
		}
		delete(values, fields[0].Key)
	}
	touched := map[string]bool{}
	for _, f := range fields[1:] {
		key := strings.ToLower(f.Key)
		v, ok := values[key]
		if !ok {
			continue
		}
		delete(values, key)
		if err := f.jsonIn(&s, v); err != nil {
			e.add(f.Key, string(v), err)
		} else if f.racer != "" {
			touched[f.racer] = true
		}
	}
	for _, k := range slices.Sorted(maps.Keys(values)) {
		e.Problems = append(e.Problems, compute.QuoteString(k)+" is not a setting")
	}
	s.resolveRacers(touched, e)
	return s, e.orNil()
}
