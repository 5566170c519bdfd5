package tune

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// Param is one swept field: a list of values, or a range from Min to Max
// (inclusive) on a linear or log scale. Values of a whole-number field
// (Int) are rounded; a switch (Bool) takes 0 and 1.
type Param struct {
	// Key is the field's JSON key: a hyperparameter key (lr, momentum, …)
	// or a run field (batch_size, gamma, …).
	Key string `json:"key"`
	// Values, when not empty, is the list to choose from; Min and Max are
	// then unused.
	Values []float64 `json:"values,omitempty"`
	// Min and Max bound a range.
	Min float64 `json:"min,omitempty"`
	Max float64 `json:"max,omitempty"`
	// Log spaces a range's points evenly in log(value).
	Log bool `json:"log,omitempty"`
	// Int marks a whole-number field, Bool a switch.
	Int  bool `json:"int,omitempty"`
	Bool bool `json:"bool,omitempty"`
}

// Space is the swept fields, in the order the spec gave them.
type Space []Param

// Lists reports whether every swept field is a list of values (or a
// switch): a space that a grid covers exactly, where random draws would
// repeat themselves.
func (s Space) Lists() bool {
	for _, p := range s {
		if len(p.Values) == 0 && !p.Bool {
			return false
		}
	}
	return true
}

// Keys returns the swept keys in order.
func (s Space) Keys() []string {
	keys := make([]string, len(s))
	for i, p := range s {
		keys[i] = p.Key
	}
	return keys
}

// RunField is a Config field outside the optimizer's hyperparameters that a
// sweep can vary: the schedule's, the batch size and the penalties. Its
// allowed values are what compute's Config.Validate allows.
type RunField struct {
	// Key is the Config's JSON key.
	Key string
	// Int marks a whole-number field.
	Int bool
	set func(c *compute.Config, v float64)
}

func ptr(v float64) *float64 { return &v }

// RunFields returns the run fields a sweep can vary.
func RunFields() []RunField {
	return []RunField{
		{"batch_size", true, func(c *compute.Config, v float64) { c.BatchSize = int(v) }},
		{"step_size", true, func(c *compute.Config, v float64) { c.StepSize = int(v) }},
		{"gamma", false, func(c *compute.Config, v float64) { c.Gamma = ptr(v) }},
		{"decay", false, func(c *compute.Config, v float64) { c.Decay = ptr(v) }},
		{"t_max", true, func(c *compute.Config, v float64) { c.TMax = int(v) }},
		{"eta_min", false, func(c *compute.Config, v float64) { c.EtaMin = v }},
		{"l1", false, func(c *compute.Config, v float64) { c.L1 = v }},
		{"l2", false, func(c *compute.Config, v float64) { c.L2 = v }},
	}
}

func runField(key string) (RunField, bool) {
	fields := RunFields()
	i := slices.IndexFunc(fields, func(f RunField) bool { return f.Key == key })
	if i < 0 {
		return RunField{}, false
	}
	return fields[i], true
}

// Apply returns c with the field key set to v. The hyperparameter map is
// copied, so c's own is left as it was.
func Apply(c compute.Config, key string, v float64) compute.Config {
	if f, ok := runField(key); ok {
		f.set(&c, v)
		return c
	}
	h := maps.Clone(c.Hyper)
	if h == nil {
		h = compute.Hypers{}
	}
	h[key] = v
	c.Hyper = h
	return c
}

// Sweepable returns the keys a sweep of base can vary: the optimizer's
// hyperparameters, then the run fields that the run reads (those that
// Config.Validate accepts a value of 1 for).
func Sweepable(base compute.Config) []string {
	base = base.WithDefaults()
	var keys []string
	if spec, err := compute.OptimizerByName(base.Optimizer); err == nil {
		for _, h := range spec.Hypers {
			keys = append(keys, h.Key)
		}
	}
	for _, f := range RunFields() {
		if Apply(base, f.Key, 1).Validate() == nil {
			keys = append(keys, f.Key)
		}
	}
	return keys
}

// ParseParam reads one spec, "key=min:max[:log|:lin]", "key=v1,v2,…" or,
// for a switch, "key" alone (false and true), for a sweep of base. The key
// must be one the base run can vary (see Sweepable); a range takes the
// registry's scale unless :log or :lin overrides it, and a registered
// hyperparameter's bounds are checked.
func ParseParam(spec string, base compute.Config) (Param, error) {
	key, rest, hasValue := strings.Cut(strings.TrimSpace(spec), "=")
	key = strings.ReplaceAll(strings.TrimSpace(key), "-", "_")
	base = base.WithDefaults()
	sweepable := Sweepable(base)
	if !slices.Contains(sweepable, key) {
		return Param{}, fmt.Errorf("param %s: not a parameter of this run (%s with %s can sweep %s)",
			compute.QuoteString(key), base.Optimizer, base.Model, strings.Join(sweepable, ", "))
	}
	p := Param{Key: key}
	h, isHyper := compute.HyperByKey(key)
	if isHyper {
		if spec, err := compute.OptimizerByName(base.Optimizer); err == nil {
			h, _ = spec.Hyper(key)
		}
		p.Log, p.Bool = h.Log, h.Bool
	} else {
		f, _ := runField(key)
		p.Int = f.Int
	}
	if !hasValue {
		if !p.Bool {
			return Param{}, fmt.Errorf("param %s: want %s=MIN:MAX or %s=V1,V2,…", key, key, key)
		}
		p.Values = []float64{0, 1}
		return p, nil
	}
	var err error
	if strings.Contains(rest, ":") {
		err = p.parseRange(rest)
	} else {
		err = p.parseList(rest)
	}
	if err != nil {
		return Param{}, fmt.Errorf("param %s: %w", key, err)
	}
	if isHyper {
		check := p.Values
		if len(check) == 0 {
			check = []float64{p.Min, p.Max}
		}
		for _, v := range check {
			if err := h.Check(v); err != nil {
				return Param{}, fmt.Errorf("param %s = %s: %v", key, strconv.FormatFloat(v, 'g', -1, 64), err)
			}
		}
	}
	return p, nil
}

func (p *Param) parseRange(text string) error {
	parts := strings.Split(text, ":")
	if len(parts) == 3 {
		switch parts[2] {
		case "log":
			p.Log = true
		case "lin":
			p.Log = false
		default:
			return fmt.Errorf("scale %s: want log or lin", compute.QuoteString(parts[2]))
		}
		parts = parts[:2]
	}
	if len(parts) != 2 || p.Bool {
		return fmt.Errorf("want MIN:MAX, MIN:MAX:log or MIN:MAX:lin")
	}
	var err error
	if p.Min, err = p.number(parts[0]); err != nil {
		return err
	}
	if p.Max, err = p.number(parts[1]); err != nil {
		return err
	}
	switch {
	case !(p.Min < p.Max):
		return fmt.Errorf("range %s: want MIN < MAX", text)
	case p.Log && p.Min <= 0:
		return fmt.Errorf("range %s: a log scale needs MIN > 0", text)
	}
	return nil
}

func (p *Param) parseList(text string) error {
	for _, part := range strings.Split(text, ",") {
		v, err := p.number(part)
		if err != nil {
			return err
		}
		p.Values = append(p.Values, v)
	}
	return nil
}

// number reads one value: a finite number (a whole number for an Int
// field, true/false/0/1 for a switch).
func (p *Param) number(text string) (float64, error) {
	text = strings.TrimSpace(text)
	if p.Bool {
		b, err := strconv.ParseBool(text)
		if err != nil {
			return 0, fmt.Errorf("%s: want true or false", compute.QuoteString(text))
		}
		if b {
			return 1, nil
		}
		return 0, nil
	}
	v, err := strconv.ParseFloat(text, 64)
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, fmt.Errorf("%s: want a number", compute.QuoteString(text))
	case p.Int && (v != math.Trunc(v) || v < 1):
		// A whole-number run field of 0 means "the default" in a Config.
		return 0, fmt.Errorf("%s: want a whole number ≥ 1", compute.QuoteString(text))
	}
	return v, nil
}

// ParseSpace reads the specs in order; a key given twice is an error.
func ParseSpace(specs []string, base compute.Config) (Space, error) {
	var s Space
	for _, spec := range specs {
		p, err := ParseParam(spec, base)
		if err != nil {
			return nil, err
		}
		if slices.Contains(s.Keys(), p.Key) {
			return nil, fmt.Errorf("param %s: given twice", p.Key)
		}
		s = append(s, p)
	}
	if len(s) == 0 {
		return nil, fmt.Errorf("no parameter to sweep (give one, e.g. lr=1e-4:1)")
	}
	return s, nil
}
