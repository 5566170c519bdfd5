package playground

import (
	"image"
	"image/color"
	"math"

	"github.com/ebitengine/debugui"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/descent-playground/descent/compute"
)

// panelWidth is the control panel's width in unscaled pixels.
const panelWidth = 320

var (
	variantNames  = []string{"batch", "sgd", "minibatch"}
	scheduleNames = []string{"constant", "step", "exponential", "inverse-time", "cosine"}
	speedNames    = []string{"1", "2", "5", "10", "50", "200"}
	speedValues   = []int{1, 2, 5, 10, 50, 200}
)

// panel lays out the control panel: scenario, racers and their
// hyperparameters, the shared settings, and the transport buttons.
func (g *Game) panel(ctx *debugui.Context) error {
	ctx.SetScale(uiScale())
	w := g.world
	ctx.Window("Descent", image.Rect(0, 0, panelWidth, 760), func(layout debugui.ContainerLayout) {
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
			ctx.Button(label).On(func() { w.Playing = !w.Playing })
			ctx.Button("Step").On(func() { w.Playing = false; w.Advance(1) })
			ctx.Button("Reset").On(w.Reset)
			ctx.Button("3-D").On(func() { w.Show3D = !w.Show3D })
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
					ctx.Text("steps")
					ctx.Slider(&w.MapSteps, minMapSteps, compute.MaxMapSteps, 50).On(w.RestartMap)
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
				ctx.Text("batch size")
				ctx.Slider(&s.BatchSize, 1, maxBatchSize, 1).On(w.Reset)
				ctx.Text("")
				ctx.Checkbox(&s.Shuffle, "shuffle").On(w.Reset)
				ctx.Text("seed")
				ctx.NumberField(&s.Seed, 1).On(func() { s.Seed = max(s.Seed, 0); w.Reset() })
			}
			ctx.Text("schedule")
			sc := indexOf(scheduleNames, s.Schedule)
			ctx.Dropdown(&sc, scheduleNames).On(func() { s.Schedule = scheduleNames[sc]; w.Reset() })
			ctx.Text("L1")
			ctx.SliderF(&s.L1, 0, 1, 0.01, 2).On(w.Reset)
			ctx.Text("L2")
			ctx.SliderF(&s.L2, 0, 1, 0.01, 2).On(w.Reset)
		})
		if w.Err != nil {
			ctx.SetGridLayout([]int{-1}, nil)
			ctx.Text(w.Err.Error())
		}
	})
	return nil
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
	ctx.SetGridLayout([]int{-1, -1}, nil)
	for _, c := range hyperControls(r.Spec) {
		if c.Hyper.Key == "lr" && r.Scales != nil {
			ctx.Text("  " + r.ratesLabel(w.objective())) // a rate per parameter, not lr
			ctx.Button("one rate").On(func() { r.oneRate(); w.Reset() })
			continue
		}
		ctx.IDScope(c.Hyper.Key, func() { hyperWidget(ctx, r, c, w.Reset) })
	}
}

// hyperWidget draws the control c of one of r's hyperparameters and calls
// changed after storing a new value, clamped to the allowed ones.
func hyperWidget(ctx *debugui.Context, r *Racer, c hyperControl, changed func()) {
	key := c.Hyper.Key
	set := func(v float64) {
		r.Hyper[key] = c.clamp(v)
		changed()
	}
	v := r.Hyper[key]
	switch c.Kind {
	case checkControl:
		on := v != 0
		ctx.Text("")
		ctx.Checkbox(&on, c.Label).On(func() { set(boolValue(on)) })
	case logSliderControl:
		ctx.Text("  " + c.valueLabel(v))
		e := math.Log10(v)
		lo, hi := c.span(v)
		ctx.SliderF(&e, lo, hi, c.Step, c.Digits).On(func() { set(math.Pow(10, e)) })
	case sliderControl:
		ctx.Text("  " + c.Label)
		lo, hi := c.span(v)
		ctx.SliderF(&v, lo, hi, c.Step, c.Digits).On(func() { set(v) })
	default:
		ctx.Text("  " + c.Label)
		ctx.NumberFieldF(&v, c.Step, c.Digits).On(func() { set(v) })
	}
}

// boolValue is a switch's value.
func boolValue(on bool) float64 {
	if on {
		return 1
	}
	return 0
}

// swatch draws a short bar of colour c in the next cell of the layout.
func swatch(ctx *debugui.Context, c color.RGBA) {
	ctx.GridCell(func(b image.Rectangle) {
		s := float32(ctx.Scale())
		ctx.DrawOnlyWidget(func(screen *ebiten.Image) {
			mid := float32(b.Min.Y+b.Max.Y) / 2
			vector.FillRect(screen, float32(b.Min.X)*s, (mid-2)*s, float32(b.Dx()-2)*s, 4*s, c, false)
		})
	})
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
