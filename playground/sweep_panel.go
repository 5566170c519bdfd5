//go:build !js

package playground

import (
	"github.com/ebitengine/debugui"

	"github.com/descent-playground/descent/tune"
)

// sweepPanel is the native panel's Sweep section: the controls of
// sweepRows, as debugui widgets.
func (g *Game) sweepPanel(ctx *debugui.Context) {
	ctx.Header("Sweep", false, func() {
		w := g.world
		a := &g.sweep
		param, method, trials := a.settings()
		ctx.SetGridLayout([]int{-1, -2}, nil)
		ctx.Text("parameter")
		params := w.sweepParams()
		pi := indexOf(params, param)
		ctx.Dropdown(&pi, params).On(func() { g.showErr(g.setSweepParam(params[pi])) })
		ctx.Text("method")
		mi := indexOf(tune.Methods, string(method))
		ctx.Dropdown(&mi, tune.Methods).On(func() { g.showErr(g.setSweepMethod(tune.Methods[mi])) })
		ctx.Text("trials")
		g.numberField(ctx, "sweep_trials", float64(trials), g.sweepTrialsEntry())
		g.fieldErrorRow(ctx, "sweep_trials")
		ctx.SetGridLayout([]int{-1, -1, -1}, nil)
		start := "Start"
		if a.isRunning() {
			start = "Stop"
		}
		press := func(name string) func() { return func() { g.showErr(g.pressSweep(name)) } }
		g.button(ctx, "sweep_start", start, press("sweep_start"))
		g.button(ctx, "sweep_apply", "apply best", press("sweep_apply"))
		g.button(ctx, "sweep_view", "view", press("sweep_view"))
	})
}

// showErr shows err under the panel, when there is one.
func (g *Game) showErr(err error) {
	if err != nil {
		g.world.Err = err
	}
}
