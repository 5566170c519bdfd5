package playground

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/descent-playground/descent/tune"
)

// The sweep's controls, the same in both panels: the page's rows here,
// the native debugui section in sweep_panel.go.

// sweepRows is the page panel's Sweep section.
func (g *Game) sweepRows() []*controlRow {
	a := &g.sweep
	param, method, trials := a.settings()
	params := g.world.sweepParams()
	start := "Start"
	running := a.isRunning()
	if running {
		start = "Stop"
	}
	return []*controlRow{
		{Control: Control{Key: "sweep_param", Label: "parameter", Kind: SelectControl, Value: param, Options: optionsOf(params, params),
			Help: "the hyperparameter to sweep, for each racing optimizer that has it"}},
		{Control: Control{Key: "sweep_method", Label: "method", Kind: SelectControl, Value: string(method), Options: optionsOf(tune.Methods, tune.Methods),
			Help: "grid: evenly spaced values; random: seeded random values; halving: many short runs, the best third run three times longer, until one is left"}},
		{Control: Control{Key: "sweep_trials", Label: "trials", Kind: NumberControl, Value: trials, Text: formatNumber(float64(trials)), Nudge: 1,
			Help:  fmt.Sprintf("trials for each optimizer (grid points, random values, halving's first round), 1 to %d", maxSweepTrials),
			Error: g.fieldError("sweep_trials")}},
		{Control: Control{Key: "sweep_start", Label: start, Kind: ButtonControl, Value: running, Help: "start or stop the sweep"}},
		{Control: Control{Key: "sweep_apply", Label: "apply best", Kind: ButtonControl, Help: "give each racer the best value its sweep found"}},
		{Control: Control{Key: "sweep_view", Label: "sweep view", Kind: ButtonControl, Value: a.shown, Help: "show or hide the sweep's progress, plot and table"}},
	}
}

// setSweepParam chooses the swept parameter, one of World.sweepParams.
func (g *Game) setSweepParam(key string) error {
	if !slices.Contains(g.world.sweepParams(), key) {
		return fmt.Errorf("sweep parameter %q: no racing optimizer has it", key)
	}
	g.sweep.param = key
	return nil
}

// setSweepMethod chooses the method.
func (g *Game) setSweepMethod(m string) error {
	if !slices.Contains(tune.Methods, m) {
		return fmt.Errorf("sweep method %q: want one of %v", m, tune.Methods)
	}
	g.sweep.method = tune.Method(m)
	return nil
}

// sweepTrialsEntry is the trials field's rule.
func (g *Game) sweepTrialsEntry() numberEntry {
	return numberEntry{Name: "trials", Check: wholeIn(1, maxSweepTrials), Set: func(v float64) { g.sweep.trials = int(v) }}
}

// setSweepControl applies a value the page sends for a sweep control.
func (g *Game) setSweepControl(row *controlRow, value json.RawMessage, via string) error {
	switch row.Key {
	case "sweep_param", "sweep_method":
		var s string
		if err := json.Unmarshal(value, &s); err != nil {
			return fmt.Errorf("%s: want a name", row.Label)
		}
		if row.Key == "sweep_param" {
			return g.setSweepParam(s)
		}
		return g.setSweepMethod(s)
	case "sweep_trials":
		_, _, old := g.sweep.settings()
		e := g.sweepTrialsEntry()
		var v float64
		switch via {
		case ViaNudge:
			var dir float64
			if err := json.Unmarshal(value, &dir); err != nil {
				return fmt.Errorf("trials: want a direction")
			}
			v = float64(min(maxSweepTrials, max(1, old+int(math.Copysign(1, dir)))))
		default:
			var text string
			if err := json.Unmarshal(value, &text); err != nil {
				return fmt.Errorf("trials: want the typed text as a string")
			}
			var err error
			if v, err = e.enter(text, float64(old)); err != nil {
				g.setFieldError(row.Key, err.Error())
				return err
			}
		}
		g.setFieldError(row.Key, "")
		e.Set(v)
		return nil
	}
	return fmt.Errorf("%q is not a sweep control", row.Key)
}

// pressSweep presses a sweep button: sweep_start (start or stop),
// sweep_apply or sweep_view.
func (g *Game) pressSweep(name string) error {
	switch name {
	case "sweep_start":
		if g.sweep.isRunning() {
			g.stopSweep()
			return nil
		}
		return g.startSweep()
	case "sweep_apply":
		return g.applyBestSweep()
	case "sweep_view":
		g.sweep.shown = !g.sweep.shown
		return nil
	}
	return fmt.Errorf("%q is not a button of the panel", name)
}
