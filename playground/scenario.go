package playground

import (
	"fmt"
	"slices"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// Scenario is a problem to race optimizers on: the model and data (a
// compute.Config without optimizer), the two parameters the view shows and
// the window over them, and learning rates tuned for some optimizers.
type Scenario struct {
	// Name identifies the scenario in URLs and on the command line: the
	// surface's or the data's name, the same word "descent run" takes.
	Name string
	// Title is shown in the panel.
	Title string
	// Base holds the model and data; the racers add their optimizers.
	Base compute.Config
	// View is the parameter window: XMin, XMax, YMin, YMax.
	View [4]float64
	// XLabel and YLabel name the two viewed parameters.
	XLabel, YLabel string
	// LogScale colours the surface on a log scale by default.
	LogScale bool
	// Start is the default start point (all parameters).
	Start []float64
	// Rates maps an optimizer's name to the learning rate tuned for this
	// scenario. The optimizers it tunes race when the scenario opens; the
	// others start disabled, at their registered default rate.
	Rates map[string]float64
}

// Regression reports whether the scenario fits data (and so has a scatter
// plot and batch variants).
func (s *Scenario) Regression() bool { return s.Base.Model != "surface" }

// surfaceScenario builds a scenario for a built-in test surface.
func surfaceScenario(name string, rates map[string]float64) *Scenario {
	s, err := compute.SurfaceByName(name)
	if err != nil {
		panic(err)
	}
	return &Scenario{
		Name: name, Title: s.Title, Base: compute.Config{Model: "surface", Surface: name},
		View: s.Domain, XLabel: "x", YLabel: "y", LogScale: s.LogScale,
		Start: []float64{s.Start[0], s.Start[1]}, Rates: rates,
	}
}

// Scenarios returns every scenario in panel order.
func Scenarios() []*Scenario {
	noise := 1.0
	return []*Scenario{
		surfaceScenario("rosenbrock", map[string]float64{
			"sgd": 5e-4, "momentum": 2e-4, "nesterov": 2e-4, "adagrad": 0.05, "rmsprop": 0.01, "adam": 0.02,
		}),
		surfaceScenario("beale", map[string]float64{
			"sgd": 1e-3, "momentum": 1e-3, "nesterov": 1e-3, "adagrad": 0.1, "rmsprop": 0.01, "adam": 0.02,
		}),
		surfaceScenario("himmelblau", map[string]float64{
			"sgd": 0.01, "momentum": 0.005, "nesterov": 0.005, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.1,
		}),
		surfaceScenario("booth", map[string]float64{
			"sgd": 0.01, "momentum": 0.005, "nesterov": 0.005, "adagrad": 1, "rmsprop": 0.1, "adam": 0.2,
		}),
		surfaceScenario("rastrigin", map[string]float64{
			"sgd": 0.002, "momentum": 0.002, "nesterov": 0.002, "adagrad": 0.2, "rmsprop": 0.02, "adam": 0.05,
		}),
		surfaceScenario("ackley", map[string]float64{
			"sgd": 0.05, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.1,
		}),
		surfaceScenario("saddle", map[string]float64{
			"sgd": 0.01, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.1, "rmsprop": 0.01, "adam": 0.02,
		}),
		surfaceScenario("bowl", map[string]float64{
			"sgd": 0.09, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.1,
		}),
		{
			Name: "classic", Title: "Linear regression, five points",
			Base: compute.Config{Model: "linreg", Data: "classic"},
			View: [4]float64{-1, 3, -2, 5}, XLabel: "slope", YLabel: "intercept", LogScale: true,
			Start: []float64{0, 0}, Rates: map[string]float64{
				"sgd": 0.01, "momentum": 0.005, "nesterov": 0.005, "adagrad": 0.5, "rmsprop": 0.02, "adam": 0.05,
			},
		},
		{
			Name: "linear", Title: "Linear regression, synthetic",
			Base: compute.Config{Model: "linreg", Data: "linear", N: 200, Noise: &noise, Seed: 1},
			View: [4]float64{-1, 4, -3, 5}, XLabel: "slope", YLabel: "intercept", LogScale: true,
			Start: []float64{0, 0}, Rates: map[string]float64{
				"sgd": 0.005, "momentum": 0.002, "nesterov": 0.002, "adagrad": 0.5, "rmsprop": 0.02, "adam": 0.05,
			},
		},
		{
			Name: "blobs", Title: "Logistic regression, two blobs",
			Base: compute.Config{Model: "logreg", Data: "blobs", N: 200, Seed: 1},
			View: [4]float64{-3, 5, -3, 5}, XLabel: "w1", YLabel: "w2",
			Start: []float64{-2, 4, 0}, Rates: map[string]float64{
				"sgd": 0.5, "momentum": 0.2, "nesterov": 0.2, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.1,
			},
		},
	}
}

// ScenarioNames returns the names accepted by ScenarioByName.
func ScenarioNames() []string {
	var names []string
	for _, s := range Scenarios() {
		names = append(names, s.Name)
	}
	return names
}

// ScenarioByName returns the scenario with the given name, matched
// case-insensitively.
func ScenarioByName(name string) (*Scenario, error) {
	i := slices.IndexFunc(Scenarios(), func(s *Scenario) bool { return strings.EqualFold(s.Name, name) })
	if i < 0 {
		return nil, fmt.Errorf("unknown scenario %q (allowed: %s)", name, strings.Join(ScenarioNames(), ", "))
	}
	return Scenarios()[i], nil
}
