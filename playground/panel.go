package playground

import (
	"fmt"
	"image"

	"github.com/ebitengine/debugui"

	"github.com/descent-playground/descent/compute"
)

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
	ctx.Window("Descent", image.Rect(0, 0, 290, 700), func(layout debugui.ContainerLayout) {
		ctx.Header("Scenario", true, func() {
			names := make([]string, 0, len(Scenarios()))
			for _, s := range Scenarios() {
				names = append(names, s.Title)
			}
			ctx.Dropdown(&g.scenarioIdx, names).On(func() {
				if err := w.SetScenario(Scenarios()[g.scenarioIdx].Name); err != nil {
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
				if w.View == TrainabilityView {
					ctx.Text("axes")
					ctx.Dropdown(&w.TrainAxes, mapAxesNames).On(w.RestartMap)
				}
				if w.View != RaceView {
					ctx.Text("steps")
					ctx.Slider(&w.MapSteps, 50, compute.MaxMapSteps, 50).On(w.RestartMap)
					ctx.Text("")
					ctx.Button("reset zoom").On(w.ResetMapZoom)
				}
			})
		}
		ctx.Header("Optimizers", true, func() {
			for i, r := range w.Racers {
				ctx.IDScope(fmt.Sprint("racer", i), func() {
					ctx.SetGridLayout([]int{-3, -2}, nil)
					ctx.Checkbox(&r.Enabled, r.Name()).On(w.Reset)
					ctx.NumberFieldF(&r.LR, r.LR/10, 5).On(func() {
						if r.LR <= 0 {
							r.LR = 1e-5
						}
						w.Reset()
					})
					ctx.SetGridLayout([]int{-1, -2}, nil)
					switch r.Kind.Optimizer {
					case "momentum", "nesterov":
						ctx.Text("  momentum")
						ctx.SliderF(&r.Momentum, 0, 0.99, 0.01, 2).On(w.Reset)
					case "rmsprop":
						ctx.Text("  alpha")
						ctx.SliderF(&r.Alpha, 0.5, 0.999, 0.001, 3).On(w.Reset)
					case "adam":
						ctx.Text("  beta1")
						ctx.SliderF(&r.Beta1, 0, 0.999, 0.001, 3).On(w.Reset)
						ctx.Text("  beta2")
						ctx.SliderF(&r.Beta2, 0.5, 0.9999, 0.0001, 4).On(w.Reset)
					}
				})
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
				ctx.Slider(&s.BatchSize, 1, 64, 1).On(w.Reset)
				ctx.Text("")
				ctx.Checkbox(&s.Shuffle, "shuffle").On(w.Reset)
				ctx.Text("seed")
				ctx.NumberField(&s.Seed, 1).On(w.Reset)
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
