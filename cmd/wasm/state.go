//go:build js && wasm

package main

import (
	"context"
	"encoding/json"
	"math"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/playground"
)

// racerState is one racer in state().
type racerState struct {
	Name  string    `json:"name"`
	Steps int       `json:"steps"`
	Loss  float64   `json:"loss"`
	First float64   `json:"first_loss"`
	At    []float64 `json:"params"`
}

// stateJSON describes the race for the page's scripts and tests.
func stateJSON(g *playground.Game) string {
	w := g.World()
	st := struct {
		Scenario string       `json:"scenario"`
		Playing  bool         `json:"playing"`
		Steps    int          `json:"steps"`
		Frames   int          `json:"frames"`
		Surface  int          `json:"surface_frames"`
		Rect     [4]int       `json:"surface_rect"`
		Racers   []racerState `json:"racers"`
		Input    any          `json:"input"`
	}{Scenario: w.Scenario().Name, Playing: w.Playing, Steps: w.Steps(), Frames: g.Frames(), Surface: g.SurfaceFrames()}
	st.Input = g.InputState()
	r := g.SurfaceRect()
	st.Rect = [4]int{r.Min.X, r.Min.Y, r.Max.X, r.Max.Y}
	for _, r := range w.Racers {
		tr := r.Trainer()
		if tr == nil {
			continue
		}
		l := r.Losses()
		st.Racers = append(st.Racers, racerState{
			Name: r.Name(), Steps: tr.Steps(), Loss: finite(l[len(l)-1]), First: finite(l[0]), At: tr.Params(),
		})
	}
	out, _ := json.Marshal(st)
	return string(out)
}

// runJSON trains a Config headless and returns its descent.run/v1 Result
// (compute.Result, the same type "descent run --format json" prints), or
// {"error": …}. The Result's path is thinned (every point up to
// compute.DefaultPathBudget, then every second, …, with the last), so its
// memory is bounded however long the run; "descent run --format json"
// streams every recorded point instead.
func runJSON(cfgJSON string) string {
	var cfg compute.Config
	if err := json.Unmarshal([]byte(cfgJSON), &cfg); err != nil {
		return errorJSON("config: " + err.Error())
	}
	r, err := cfg.Build(nil)
	if err != nil {
		return errorJSON(err.Error())
	}
	r.Execute(context.Background())
	out, err := json.Marshal(r.Result(false))
	if err != nil {
		return errorJSON(err.Error())
	}
	return string(out)
}

func errorJSON(msg string) string {
	out, _ := json.Marshal(map[string]string{"error": msg})
	return string(out)
}

// finite maps non-finite numbers to 0 so that the JSON encodes.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
