package playground

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// A link holds the state as key=value pairs separated by "&", in the URL's
// fragment (the page writes "#s=beale&o=sgd,adam&adam.lr=0.05&3d=1") or
// its query ("?scenario=beale&play=1", the older form, still read). Keys
// are the table's short keys (the long JSON keys are read too), in any
// case; a racer's hyperparameter is the optimizer's name and the
// hyperparameter's short key (adam.b1); lists are separated by commas;
// switches are 1 or 0. Only the scenario and the fields that differ from
// the scenario's defaults are written, so a link is as short as the
// changes made.

// DefaultScenario is the scenario a link without one opens.
const DefaultScenario = "rosenbrock"

// EncodeLink returns s as a link's fragment or query, without the "#" or
// "?": the scenario, then every field whose value differs from the
// scenario's default, in the table's order.
func EncodeLink(s State) string {
	fields := stateFields()
	def := State{}
	if sc := s.scenario(); sc != nil {
		def = defaultState(sc)
	}
	var b strings.Builder
	for i, f := range fields {
		v := f.format(&s)
		if i > 0 && (def.Scenario == "" || v == f.format(&def)) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(f.Short)
		b.WriteByte('=')
		b.WriteString(escapeValue(v))
	}
	return b.String()
}

// escapeValue escapes what a value may hold beyond letters, digits and
// ".,-_~" (names, numbers and lists need nothing else).
func escapeValue(v string) string {
	return strings.NewReplacer("%2C", ",").Replace(url.QueryEscape(v))
}

// pair is one key and its value, as given.
type pair struct{ key, value string }

// linkPairs splits a link into its key=value pairs: those of the query,
// then those of the fragment. A link is a whole URL, a "?query" or
// "#fragment", or bare pairs ("s=beale&3d=1").
func linkPairs(link string) ([]pair, error) {
	var parts []string
	rest, fragment, hasFragment := strings.Cut(link, "#")
	if _, query, ok := strings.Cut(rest, "?"); ok {
		parts = append(parts, query)
	} else if !strings.Contains(rest, "/") && strings.Contains(rest, "=") {
		parts = append(parts, rest)
	}
	if hasFragment {
		parts = append(parts, fragment)
	}
	var pairs []pair
	var bad []string
	for _, part := range parts {
		for _, kv := range strings.Split(part, "&") {
			if kv == "" {
				continue
			}
			k, v, _ := strings.Cut(kv, "=")
			key, err1 := url.QueryUnescape(k)
			value, err2 := url.QueryUnescape(v)
			if err1 != nil || err2 != nil {
				bad = append(bad, compute.QuoteString(kv)+": not a valid URL escape")
				continue
			}
			pairs = append(pairs, pair{key, value})
		}
	}
	if bad != nil {
		return pairs, &StateError{Source: "link", Problems: bad, Defaulted: true}
	}
	return pairs, nil
}

// DecodeLink reads the state a link holds. It always returns a usable
// state: a key that is unknown or whose value is not allowed is left at
// its default, and the error (a *StateError) lists each of them. A link
// without a scenario opens DefaultScenario. A "config" key holds a whole
// compute.Config as JSON: the state starts from StateFromConfig's, and
// the link's other keys apply over it.
func DecodeLink(link string) (State, error) {
	pairs, err := linkPairs(link)
	e := &StateError{Source: "link", Defaulted: true}
	if se, ok := err.(*StateError); ok {
		e.Problems = se.Problems
	}
	s, _ := DefaultState(DefaultScenario)
	pairs = s.applyConfig(pairs, e)
	s.apply(pairs, e)
	return s, e.orNil()
}

// apply sets the fields named in pairs, adding to e each pair it cannot
// use. A scenario other than s's starts from that scenario's defaults; the
// other pairs then apply in order (a later value of a key wins).
func (s *State) apply(pairs []pair, e *StateError) {
	fields := stateFields()
	scenario := fields[0]
	for _, p := range pairs {
		if f, ok := stateFieldByName(fields, p.key); ok && f.Key == scenario.Key {
			next := *s
			if err := scenario.parse(&next, p.value); err != nil {
				e.add(p.key, p.value, err)
			} else if next.Scenario != s.Scenario {
				*s = defaultState(next.scenario())
			}
		}
	}
	touched := map[string]bool{}
	for _, p := range pairs {
		f, ok := stateFieldByName(fields, p.key)
		switch {
		case !ok:
			e.Problems = append(e.Problems, compute.QuoteString(p.key)+" is not a setting")
		case f.Key == scenario.Key:
		default:
			if err := f.parse(s, p.value); err != nil {
				e.add(p.key, p.value, err)
			} else if f.racer != "" {
				touched[f.racer] = true
			}
		}
	}
	s.resolveRacers(touched, e)
}

// resolveRacers checks the constraints between the hyperparameters of
// each optimizer that was given values (Rprop's step_max ≥ step_min): one
// that fails is reset to its defaults as a whole.
func (s *State) resolveRacers(touched map[string]bool, e *StateError) {
	sc := s.scenario()
	def := defaultState(sc)
	for i, r := range s.Racers {
		if !touched[r.Optimizer] {
			continue
		}
		spec, _ := compute.OptimizerByName(r.Optimizer)
		if _, err := spec.Resolve(r.Hyper); err != nil {
			e.Problems = append(e.Problems, racerProblem(r.Optimizer, err)+"; its hyperparameters are left at their defaults")
			s.Racers[i].Hyper = def.Racers[i].Hyper
		}
	}
}

// racerProblem describes an optimizer's refused hyperparameters as
// "optimizer.key=value: what is allowed".
func racerProblem(optimizer string, err error) string {
	var fe *compute.FieldError
	if errors.As(err, &fe) {
		if fe.Value == nil {
			return fmt.Sprintf("%s.%s: %s", optimizer, fe.Field, fe.Allowed)
		}
		return fmt.Sprintf("%s.%s=%s: %s", optimizer, fe.Field, fe.Quoted(), fe.Allowed)
	}
	return fmt.Sprintf("%s: %v", optimizer, err)
}
