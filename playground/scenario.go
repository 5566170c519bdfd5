package playground

import (
	"fmt"
	"slices"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// Scenario is a problem to race optimizers on: the model and data (a
// compute.Config without optimizer), the two parameters the view shows and
// the window over them, and defaults chosen so that the picture shows
// something: a start and learning rates at which the racers part ways
// within Steps steps, and a convergence map's racer, window and length at
// which the map has structure.
type Scenario struct {
	// Name identifies the scenario in URLs and on the command line: the
	// surface's or the data's name, the same word "descent run" takes.
	Name string
	// Title is shown in the panel.
	Title string
	// Hint is one line on what to watch.
	Hint string
	// Formula is the loss written out, shown on request.
	Formula string
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
	// Steps is the race length the defaults are chosen for: by then the
	// racers stand visibly apart.
	Steps int
	// MapOptimizer names the racer whose optimizer the maps run by
	// default ("" means the first enabled racer), MapSteps the length of
	// each map run (0 means defaultMapSteps), and MapWindow the
	// convergence map's window of start points (zero means View).
	MapOptimizer string
	MapSteps     int
	MapWindow    [4]float64
}

// defaultMapSteps is a map run's length where a scenario sets none.
const defaultMapSteps = 500

// Regression reports whether the scenario fits data (and so has a scatter
// plot and batch variants).
func (s *Scenario) Regression() bool { return s.Base.Model != "surface" }

// mapSteps is the scenario's default map run length.
func (s *Scenario) mapSteps() int {
	if s.MapSteps > 0 {
		return s.MapSteps
	}
	return defaultMapSteps
}

// mapWindow is the convergence map's default window.
func (s *Scenario) mapWindow() [4]float64 {
	if s.MapWindow != ([4]float64{}) {
		return s.MapWindow
	}
	return s.View
}

// surfaceScenario builds a scenario for a built-in test surface, started
// at start, racing for steps steps; more sets the hint and map defaults.
func surfaceScenario(name string, start [2]float64, steps int, rates map[string]float64, more Scenario) *Scenario {
	s, err := compute.SurfaceByName(name)
	if err != nil {
		panic(err)
	}
	return &Scenario{
		Name: name, Title: s.Title, Hint: more.Hint, Formula: s.Formula,
		Base: compute.Config{Model: "surface", Surface: name},
		View: s.Domain, XLabel: "x", YLabel: "y", LogScale: s.LogScale,
		Start: start[:], Rates: rates, Steps: steps,
		MapOptimizer: more.MapOptimizer, MapSteps: more.MapSteps, MapWindow: more.MapWindow,
	}
}

// The losses of the regression models, as the formula overlay shows them.
const (
	linearFormula   = "L(w, b) = (1/N) Σᵢ (w·xᵢ + b − yᵢ)²"
	logisticFormula = "L(w₁, w₂, b) = (1/N) Σᵢ [log(1 + e^zᵢ) − yᵢ·zᵢ],  zᵢ = w₁·x₁ᵢ + w₂·x₂ᵢ + b"
)

// Scenarios returns every scenario in panel order. The rates, starts and
// map settings were chosen by running them: TestDefaultRacersPartWays and
// TestDefaultConvergenceMapsHaveStructure hold them to their promise.
func Scenarios() []*Scenario {
	noise := 1.0
	return []*Scenario{
		surfaceScenario("rosenbrock", [2]float64{-1.5, 2}, 1000, map[string]float64{
			"sgd": 5e-4, "momentum": 1e-3, "nesterov": 2e-4, "adagrad": 0.05, "rmsprop": 0.01, "adam": 0.02,
		}, Scenario{
			Hint:         "a long curved valley: plain SGD crawls along its floor while momentum and Adam race ahead",
			MapOptimizer: "momentum", MapSteps: 1500,
		}),
		surfaceScenario("beale", [2]float64{1, 1.5}, 300, map[string]float64{
			"sgd": 1e-3, "momentum": 1e-3, "nesterov": 1e-3, "adagrad": 0.1, "rmsprop": 0.01, "adam": 0.02,
		}, Scenario{
			Hint: "a flat plateau between steep walls: see who keeps its pace on the plateau, and (map) which starts diverge",
		}),
		surfaceScenario("himmelblau", [2]float64{0, -3}, 300, map[string]float64{
			"sgd": 0.01, "momentum": 0.005, "nesterov": 0.005, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.1,
		}, Scenario{
			Hint: "four equal minima: one start, and the minimum each optimizer finds depends on how it moves",
		}),
		surfaceScenario("booth", [2]float64{-8, 8}, 100, map[string]float64{
			"sgd": 0.01, "momentum": 0.005, "nesterov": 0.005, "adagrad": 1, "rmsprop": 0.1, "adam": 0.2,
		}, Scenario{
			Hint:     "a tilted bowl: SGD slides down the steep side first, then creeps along the valley to the minimum",
			MapSteps: 450,
		}),
		surfaceScenario("rastrigin", [2]float64{3.2, -2.7}, 300, map[string]float64{
			"sgd": 0.002, "momentum": 0.008, "nesterov": 0.004, "adagrad": 0.2, "rmsprop": 0.1, "adam": 0.05,
		}, Scenario{
			Hint:      "a bowl covered in dips: small steps stop in the first one; momentum and RMSprop jump a few ridges",
			MapWindow: [4]float64{-2, 2, -2, 2},
		}),
		surfaceScenario("ackley", [2]float64{3.5, -4}, 300, map[string]float64{
			"sgd": 0.02, "momentum": 0.05, "nesterov": 0.02, "adagrad": 1, "rmsprop": 0.1, "adam": 0.5,
		}, Scenario{
			Hint:         "a bumpy cone: small steps stop in the nearest dip; Adagrad's and RMSprop's big first steps reach the centre",
			MapOptimizer: "adagrad",
		}),
		surfaceScenario("saddle", [2]float64{-1.8, 0.01}, 100, map[string]float64{
			"sgd": 0.015, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.1, "rmsprop": 0.01, "adam": 0.02,
		}, Scenario{
			Hint: "no minimum: a start just off the ridge escapes downhill, slowly with SGD, fast with momentum, and diverges",
		}),
		surfaceScenario("bowl", [2]float64{-2.8, 1.2}, 60, map[string]float64{
			"sgd": 0.02, "momentum": 0.02, "nesterov": 0.01, "adagrad": 0.2, "rmsprop": 0.02, "adam": 0.05,
		}, Scenario{
			Hint:     "curvatures 20× apart: at a rate safe for the steep side SGD crawls along the valley; momentum at that rate arrives",
			MapSteps: 350,
		}),
		{
			Name: "classic", Title: "Linear regression, five points",
			Hint:    "five points: the star marks the least-squares fit that every racer heads for",
			Formula: linearFormula,
			Base:    compute.Config{Model: "linreg", Data: "classic"},
			View:    [4]float64{-1, 3, -2, 5}, XLabel: "slope", YLabel: "intercept", LogScale: true,
			Start: []float64{0, 0}, Steps: 300, Rates: map[string]float64{
				"sgd": 0.01, "momentum": 0.005, "nesterov": 0.005, "adagrad": 0.5, "rmsprop": 0.02, "adam": 0.05,
			},
		},
		{
			Name: "linear", Title: "Linear regression, synthetic",
			Hint:    "200 noisy points: switch the variant to SGD or mini-batch and tick 'batch surface' to see each batch's bowl",
			Formula: linearFormula,
			Base:    compute.Config{Model: "linreg", Data: "linear", N: 200, Noise: &noise, Seed: 1},
			View:    [4]float64{-1, 4, -3, 5}, XLabel: "slope", YLabel: "intercept", LogScale: true,
			Start: []float64{0, 0}, Steps: 300, Rates: map[string]float64{
				"sgd": 0.005, "momentum": 0.002, "nesterov": 0.002, "adagrad": 0.5, "rmsprop": 0.02, "adam": 0.05,
			},
		},
		{
			Name: "blobs", Title: "Logistic regression, two blobs",
			Hint:    "overlapping blobs: the weights settle where the loss is least; the surface is the slice through the current bias",
			Formula: logisticFormula,
			Base:    compute.Config{Model: "logreg", Data: "blobs", N: 200, Seed: 1},
			View:    [4]float64{-3, 5, -3, 5}, XLabel: "w1", YLabel: "w2",
			Start: []float64{-2, 4, 0}, Steps: 200, Rates: map[string]float64{
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
