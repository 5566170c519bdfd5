//go:build !js

package playground

import (
	"image"
	"math"

	"github.com/ebitengine/debugui"

	"github.com/descent-playground/descent/compute"
)

// panel lays out the control panel: scenario, racers and their
// hyperparameters, the shared settings, and the transport buttons. On a
// narrow screen it is a drawer (see drawer.go).
func (g *Game) panel(ctx *debugui.Context) error {
	ctx.SetScale(uiScale())
	clear(g.input.panel.rects)
	switch {
	case g.panelFolded():
		g.drawerHandle(ctx)
	case g.narrowScreen():
		ctx.Window("Descent", g.drawerBounds(), func(debugui.ContainerLayout) {
			ctx.SetGridLayout([]int{-1}, nil)
			g.button(ctx, "drawer", "hide controls", func() { g.input.drawerOpen = false })
			g.panelBody(ctx)
		})
	default:
		ctx.Window("Descent", image.Rect(0, 0, panelWidth, g.panelHeight()).Add(panelOrigin), func(debugui.ContainerLayout) {
			g.panelBody(ctx)
		})
	}
	return nil
}

// panelBody lays out the panel's sections in the current window.
func (g *Game) panelBody(ctx *debugui.Context) {
	w := g.world
	ctx.Header("Scenario", true, func() {
		names := make([]string, 0, len(Scenarios()))
		current := 0
		for i, s := range Scenarios() {
			names = append(names, s.Title)
			if s.Name == w.scenario.Name {
				current = i
			}
		}
		ctx.Dropdown(&current, names).On(func() {
			if err := w.SetScenario(Scenarios()[current].Name); err != nil {
				w.Err = err
			}
		})
	})
	ctx.Header("Run", true, func() {
		ctx.SetGridLayout([]int{-1, -1, -1, -1}, nil)
		label := "Play"
		if w.Playing {
			label = "Pause"
		}
		g.button(ctx, "play", label, func() { w.Playing = !w.Playing })
		g.button(ctx, "step", "Step", func() { w.Playing = false; w.Advance(1) })
		g.button(ctx, "reset", "Reset", w.Reset)
		g.button(ctx, "3d", "3-D", func() { w.Show3D = !w.Show3D })
		ctx.SetGridLayout([]int{-1, -2}, nil)
		ctx.Text("steps/frame")
		speed := speedIndex(w.Speed)
		ctx.Dropdown(&speed, speedNames).On(func() { w.Speed = speedValues[speed] })
		ctx.SetGridLayout([]int{-1, -1}, nil)
		ctx.Checkbox(&w.LogScale, "log colours")
		ctx.Checkbox(&g.useGPU, "GPU backend").On(func() { g.setGPU(g.useGPU) })
		if w.scenario.Regression() {
			ctx.Checkbox(&w.ShowBatch, "batch surface")
		}
	})
	if !w.scenario.Regression() {
		ctx.Header("View", true, func() {
			ctx.SetGridLayout([]int{-1, -2}, nil)
			ctx.Text("show")
			view := int(w.View)
			ctx.Dropdown(&view, viewNames).On(func() { w.View = View(view) })
			if w.View != RaceView {
				ctx.Text("optimizer")
				racer := w.mapRacerIndex()
				ctx.Dropdown(&racer, w.racerNames()).On(func() {
					w.MapOptimizer = w.Racers[racer].Spec.Name
					w.RestartMap()
				})
			}
			if w.View == TrainabilityView && w.mapHasMomentum() {
				ctx.Text("axes")
				ctx.Dropdown(&w.TrainAxes, mapAxesNames).On(w.RestartMap)
			}
			if w.View != RaceView {
				g.intRow(ctx, "map_steps", "steps", &w.MapSteps, minMapSteps, compute.MaxMapSteps, 50, w.RestartMap)
				ctx.SetGridLayout([]int{-1, -2}, nil)
				ctx.Text("")
				ctx.Button("reset zoom").On(w.ResetMapZoom)
			}
		})
	}
	ctx.Header("Optimizers", true, func() {
		for _, r := range w.Racers {
			ctx.IDScope(r.Spec.Name, func() { g.racerControls(ctx, r) })
		}
	})
	ctx.Header("Settings", true, func() {
		s := &w.Settings
		ctx.SetGridLayout([]int{-1, -2}, nil)
		if w.scenario.Regression() {
			ctx.Text("variant")
			v := indexOf(variantNames, s.Variant)
			ctx.Dropdown(&v, variantNames).On(func() { s.Variant = variantNames[v]; w.Reset() })
			g.intRow(ctx, "batch_size", "batch size", &s.BatchSize, 1, maxBatchSize, 1, w.Reset)
			ctx.SetGridLayout([]int{-1, -2}, nil)
			ctx.Text("")
			ctx.Checkbox(&s.Shuffle, "shuffle").On(w.Reset)
			ctx.Text("seed")
			seed := numberEntry{Name: "seed", Check: wholeIn(1, maxSeed),
				Set: func(v float64) { s.Seed = int(v); w.Reset() }}
			g.numberField(ctx, "seed", float64(s.Seed), seed)
			g.fieldErrorRow(ctx, "seed")
			ctx.SetGridLayout([]int{-1, -2}, nil)
		}
		ctx.Text("schedule")
		sc := indexOf(scheduleNames, s.Schedule)
		ctx.Dropdown(&sc, scheduleNames).On(func() { s.Schedule = scheduleNames[sc]; w.Reset() })
		g.penaltyRow(ctx, "l1", "L1", &s.L1)
		g.penaltyRow(ctx, "l2", "L2", &s.L2)
	})
	g.historyPanel(ctx)
	g.sweepPanel(ctx)
	if w.Err != nil {
		ctx.SetGridLayout([]int{-1}, nil)
		ctx.Text(w.Err.Error())
	}
}

// racerControls lays out one racer: its colour and an enable box, and
// when it is enabled one control per hyperparameter of its optimizer (see
// hyperControls) and its per-parameter rates, if any.
func (g *Game) racerControls(ctx *debugui.Context, r *Racer) {
	w := g.world
	ctx.SetGridLayout([]int{12, -1}, nil)
	swatch(ctx, r.Color)
	ctx.Checkbox(&r.Enabled, r.Name()).On(w.Reset)
	if !r.Enabled {
		return
	}
	for _, c := range hyperControls(r.Spec) {
		if c.Hyper.Key == "lr" && r.Scales != nil {
			ctx.SetGridLayout([]int{-1, -1}, nil)
			ctx.Text("  " + r.ratesLabel(w.objective())) // a rate per parameter, not lr
			ctx.Button("one rate").On(func() { r.oneRate(); w.Reset() })
			continue
		}
		ctx.IDScope(c.Hyper.Key, func() { g.hyperWidget(ctx, r, c, w.Reset) })
	}
}

// Column widths of a panel row: a label and a control; a label, a number
// field and a slider; a label, a number field and two nudge buttons.
var (
	labelControlRow = []int{-5, -5}
	fieldSliderRow  = []int{-5, -3, -2}
	fieldNudgeRow   = []int{-5, -3, -1, -1}
)

// hyperWidget lays out the control c of one of r's hyperparameters: its
// label, a number field showing the value (see numberField: a typed value
// must parse and be allowed, or it is refused with an error under the
// field), and a slider (log or linear) or −/+ buttons. It calls changed
// after storing a new value; a slider's or a button's value is clamped to
// the allowed ones and rounded to what the slider resolves.
func (g *Game) hyperWidget(ctx *debugui.Context, r *Racer, c hyperControl, changed func()) {
	key := c.Hyper.Key
	id := hyperFieldID(r, key)
	set := func(v float64) {
		if v = c.clamp(v); v != r.Hyper[key] {
			r.Hyper[key] = v
			g.setFieldError(id, "")
			changed()
		}
	}
	typed := hyperEntry(r, c, changed)
	v := r.Hyper[key]
	switch c.Kind {
	case checkControl:
		on := v != 0
		ctx.SetGridLayout(labelControlRow, nil)
		ctx.Text("")
		ctx.Checkbox(&on, c.Label).On(func() { set(boolValue(on)) })
		return
	case logSliderControl:
		ctx.SetGridLayout(fieldSliderRow, nil)
		ctx.Text(c.Label)
		g.numberField(ctx, id, v, typed)
		e := math.Log10(v)
		lo, hi := c.span(v)
		g.sliderF(ctx, "slider", &e, lo, hi, c.Step, c.Digits).On(func() { set(roundSignificant(math.Pow(10, e), 3)) })
	case sliderControl:
		ctx.SetGridLayout(fieldSliderRow, nil)
		ctx.Text(c.Label)
		g.numberField(ctx, id, v, typed)
		lo, hi := c.span(v)
		g.sliderF(ctx, "slider", &v, lo, hi, c.Step, c.Digits).On(func() { set(roundDecimals(v, c.Digits)) })
	default:
		ctx.SetGridLayout(fieldNudgeRow, nil)
		ctx.Text(c.Label)
		g.numberField(ctx, id, v, typed)
		g.button(ctx, "nudge-"+id, "−", func() { set(roundDecimals(v-c.Step, c.Digits)) })
		g.button(ctx, "nudge+"+id, "+", func() { set(roundDecimals(v+c.Step, c.Digits)) })
	}
	g.fieldErrorRow(ctx, id)
}

// penaltyRow lays out a penalty's weight (L1, L2): a number field taking
// any finite value ≥ 0 and a slider over [0, 1] (wider to hold a typed
// value); a change resets the race.
func (g *Game) penaltyRow(ctx *debugui.Context, id, label string, v *float64) {
	w := g.world
	ctx.SetGridLayout(fieldSliderRow, nil)
	ctx.Text(label)
	g.numberField(ctx, id, *v, numberEntry{Name: label, Check: atLeast(0), Set: func(x float64) { *v = x; w.Reset() }})
	x := *v
	g.sliderF(ctx, id, &x, min(0, x), max(1, x), 0.01, 2).On(func() {
		if x = roundDecimals(x, 2); x != *v {
			*v = x
			g.setFieldError(id, "")
			w.Reset()
		}
	})
	g.fieldErrorRow(ctx, id)
}

// intRow lays out a whole number in [lo, hi]: a number field and a slider
// in steps of step; changed runs after a change.
func (g *Game) intRow(ctx *debugui.Context, id, label string, v *int, lo, hi, step int, changed func()) {
	ctx.SetGridLayout(fieldSliderRow, nil)
	ctx.Text(label)
	g.numberField(ctx, id, float64(*v), numberEntry{Name: label, Check: wholeIn(lo, hi), Set: func(x float64) { *v = int(x); changed() }})
	x := *v
	g.slider(ctx, id, &x, lo, hi, step).On(func() {
		if x != *v {
			*v = x
			g.setFieldError(id, "")
			changed()
		}
	})
	g.fieldErrorRow(ctx, id)
}

func indexOf(names []string, v string) int {
	for i, n := range names {
		if n == v {
			return i
		}
	}
	return 0
}

func speedIndex(speed int) int {
	for i, v := range speedValues {
		if v == speed {
			return i
		}
	}
	return 0
}
