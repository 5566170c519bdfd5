package compute

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// Hyper describes one hyperparameter of an optimizer: how it is named in
// JSON, on the command line and in URLs, its default and the values it
// allows. Flags, panel controls, URL keys, validation and defaults are all
// derived from these descriptions.
type Hyper struct {
	// Key is the JSON key (and, with dashes for underscores, the flag).
	Key string
	// Short is the key in page URLs; one key has one short key everywhere.
	Short string
	// Symbol is how the PyTorch documentation writes it (η, μ, β₁, …).
	Symbol string
	// Default is PyTorch's default for this optimizer.
	Default float64
	// Min and Max bound the allowed values; MinOpen and MaxOpen exclude
	// the bound itself. Max may be +Inf.
	Min, Max         float64
	MinOpen, MaxOpen bool
	// Log says that a control should move on a log scale.
	Log bool
	// Bool marks a switch: its value is 0 or 1, written false or true.
	Bool bool
	// Help is a one-line description.
	Help string
}

// Check returns an error when v is not an allowed value.
func (h Hyper) Check(v float64) error {
	switch {
	case h.Bool && v != 0 && v != 1:
		return fmt.Errorf("want true or false")
	case !finite(v) || v < h.Min || (h.MinOpen && v == h.Min) || v > h.Max || (h.MaxOpen && v == h.Max):
		return fmt.Errorf("want %s", interval(h.Min, h.Max, h.MinOpen, h.MaxOpen))
	}
	return nil
}

// Hypers holds hyperparameter values by key; a switch holds 0 or 1.
type Hypers map[string]float64

// Quantity is one named per-parameter quantity of an optimizer's latest
// step, named as PyTorch names its state (momentum_buffer, exp_avg, …) or,
// for values PyTorch does not keep, by what they are (grad, denom, delta).
type Quantity struct {
	Name   string `json:"name"`
	Values Floats `json:"values"`
}

// OptimizerSpec is everything known about one registered optimizer.
type OptimizerSpec struct {
	// Name is the identifier in configs, flags and URLs.
	Name string
	// Title is the human-readable name.
	Title string
	// Rank orders the optimizers in lists (panel, help), lowest first.
	Rank int
	// Hypers are the hyperparameters, the learning rate "lr" first.
	Hypers []Hyper
	// Formula is the update rule in the PyTorch documentation's symbols,
	// one line per statement.
	Formula string
	// New returns the optimizer with the given values; h holds a value for
	// every key of Hypers.
	New func(h Hypers) Optimizer
	// Check, when not nil, checks constraints between hyperparameters and
	// returns a *FieldError naming the field.
	Check func(h Hypers) error

	// Torch is the torch.optim class that this optimizer is ("SGD", …).
	Torch string
	// TorchArgs writes the class's keyword arguments for the values h in
	// Python, every one explicit ("lr=0.01, momentum=0.9, …").
	TorchArgs func(h Hypers) string
	// Numpy is the update in Python with numpy, in the same operations as
	// Step: the body of a function step(p, g, lr, state) that updates the
	// float64 array p in place from the gradient g, with lr the learning
	// rate of each parameter (an array) and state a dict, empty before the
	// first step, that it keeps its state in. Every hyperparameter but lr
	// is a Python variable named by its key; math and numpy as np are
	// imported.
	Numpy string
}

// Hyper returns the hyperparameter with the given key.
func (s *OptimizerSpec) Hyper(key string) (Hyper, bool) {
	i := slices.IndexFunc(s.Hypers, func(h Hyper) bool { return h.Key == key })
	if i < 0 {
		return Hyper{}, false
	}
	return s.Hypers[i], true
}

// Defaults returns every hyperparameter at its default.
func (s *OptimizerSpec) Defaults() Hypers {
	h := Hypers{}
	for _, p := range s.Hypers {
		h[p.Key] = p.Default
	}
	return h
}

// Resolve returns the defaults overridden by the keys of set, after
// checking that the optimizer uses each key and that every value is
// allowed. Errors are *FieldError naming the key.
func (s *OptimizerSpec) Resolve(set Hypers) (Hypers, error) {
	h := s.Defaults()
	for _, key := range slices.Sorted(maps.Keys(set)) {
		p, ok := s.Hyper(key)
		if !ok {
			return nil, fieldErr(key, nil, "optimizer %s does not use it (used by %s)", s.Name, strings.Join(OptimizersUsing(key), ", "))
		}
		if err := p.Check(set[key]); err != nil {
			return nil, fieldErr(key, set[key], "%v", err)
		}
		h[key] = set[key]
	}
	if s.Check != nil {
		if err := s.Check(h); err != nil {
			return nil, err
		}
	}
	return h, nil
}

var optimizerRegistry []*OptimizerSpec

// RegisterOptimizer adds an optimizer to the registry. Each optimizer's
// file registers itself in an init function; RegisterOptimizer panics on a
// duplicate name, a spec without lr, or a key whose short key or switch
// kind differs from the same key of another optimizer.
func RegisterOptimizer(s OptimizerSpec) {
	if _, err := OptimizerByName(s.Name); err == nil {
		panic("compute: optimizer " + s.Name + " registered twice")
	}
	if len(s.Hypers) == 0 || s.Hypers[0].Key != "lr" {
		panic("compute: optimizer " + s.Name + ": the first hyperparameter must be lr")
	}
	for _, h := range s.Hypers {
		if o, ok := HyperByKey(h.Key); ok && (o.Short != h.Short || o.Bool != h.Bool) {
			panic(fmt.Sprintf("compute: optimizer %s: %s differs from its other uses", s.Name, h.Key))
		}
		if h.Bool {
			continue
		}
		if err := h.Check(h.Default); err != nil {
			panic(fmt.Sprintf("compute: optimizer %s: default %s = %g: %v", s.Name, h.Key, h.Default, err))
		}
	}
	optimizerRegistry = append(optimizerRegistry, &s)
	slices.SortStableFunc(optimizerRegistry, func(a, b *OptimizerSpec) int { return a.Rank - b.Rank })
}

// Optimizers returns every registered optimizer in Rank order.
func Optimizers() []*OptimizerSpec { return slices.Clone(optimizerRegistry) }

// OptimizerNames returns the registered optimizers' names in Rank order.
func OptimizerNames() []string {
	names := make([]string, len(optimizerRegistry))
	for i, s := range optimizerRegistry {
		names[i] = s.Name
	}
	return names
}

// OptimizerByName returns the registered optimizer with the given name.
func OptimizerByName(name string) (*OptimizerSpec, error) {
	for _, s := range optimizerRegistry {
		if s.Name == name {
			return s, nil
		}
	}
	return nil, fmt.Errorf("unknown optimizer %s (allowed: %s)", QuoteString(name), strings.Join(OptimizerNames(), ", "))
}

// HyperKeys returns every hyperparameter key of every registered optimizer,
// each once, in order of first appearance.
func HyperKeys() []string {
	var keys []string
	for _, s := range optimizerRegistry {
		for _, h := range s.Hypers {
			if !slices.Contains(keys, h.Key) {
				keys = append(keys, h.Key)
			}
		}
	}
	return keys
}

// HyperByKey returns the first registered description of a key.
func HyperByKey(key string) (Hyper, bool) {
	for _, s := range optimizerRegistry {
		if h, ok := s.Hyper(key); ok {
			return h, true
		}
	}
	return Hyper{}, false
}

// OptimizersUsing returns the names of the optimizers that take key.
func OptimizersUsing(key string) []string {
	var names []string
	for _, s := range optimizerRegistry {
		if _, ok := s.Hyper(key); ok {
			names = append(names, s.Name)
		}
	}
	return names
}

// Common hyperparameter descriptions, shared by several optimizers' specs
// so that a key means one thing everywhere.
func lrHyper(def float64) Hyper {
	return Hyper{Key: "lr", Short: "lr", Symbol: "η", Default: def, Min: 0, Max: math.Inf(1), MinOpen: true, MaxOpen: true,
		Log: true, Help: "learning rate"}
}

func weightDecayHyper(def float64) Hyper {
	return Hyper{Key: "weight_decay", Short: "wd", Symbol: "λ", Default: def, Max: math.Inf(1), MaxOpen: true,
		Help: "weight decay (L2 term added by the optimizer)"}
}

func epsHyper(def float64) Hyper {
	return Hyper{Key: "eps", Short: "eps", Symbol: "ε", Default: def, Max: math.Inf(1), MaxOpen: true, Log: true,
		Help: "term added to the denominator for numerical stability"}
}

func momentumHyper(def float64) Hyper {
	return Hyper{Key: "momentum", Short: "mu", Symbol: "μ", Default: def, Max: math.Inf(1), MaxOpen: true,
		Help: "momentum factor"}
}

// adamHypers are the hyperparameters the Adam family shares: lr, β₁, β₂,
// ε and weight decay, with the given defaults.
func adamHypers(lr, eps, wd float64) []Hyper {
	return append(append([]Hyper{lrHyper(lr)}, betaHypers()...), epsHyper(eps), weightDecayHyper(wd))
}

func betaHypers() []Hyper {
	return []Hyper{
		{Key: "beta1", Short: "b1", Symbol: "β₁", Default: 0.9, Max: 1, MaxOpen: true,
			Help: "decay rate of the first-moment average"},
		{Key: "beta2", Short: "b2", Symbol: "β₂", Default: 0.999, Max: 1, MaxOpen: true,
			Help: "decay rate of the second-moment average"},
	}
}

// hyperBool reads a switch.
func hyperBool(v float64) bool { return v != 0 }
