//go:build js && wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"syscall/js"
	"time"

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
	// DivergedAt is the step at which the run diverged, 0 if it did not.
	DivergedAt int `json:"diverged_at"`
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
		// StepsPerSecond is the race's measured speed while it plays.
		StepsPerSecond float64 `json:"steps_per_second"`
	}{Scenario: w.Scenario().Name, Playing: w.Playing, Steps: w.Steps(), Frames: g.Frames(), Surface: g.SurfaceFrames(),
		StepsPerSecond: g.StepsPerSecond()}
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
			Name: r.Name(), Steps: tr.Steps(), Loss: finite(l[len(l)-1]), First: finite(l[0]), At: finites(tr.Params()),
			DivergedAt: r.DivergedAt(),
		})
	}
	out, _ := json.Marshal(st)
	return string(out)
}

// maxBridgeSteps is the most steps one window.descent.run may take; a
// longer request is refused before it starts.
const maxBridgeSteps = 10_000_000

// bridgeSlice is how long a run trains before it lets the page draw and
// answer input.
const bridgeSlice = 20 * time.Millisecond

// runPromise returns a Promise of runJSON's answer. The run goes on a
// goroutine that gives the browser its event loop back every bridgeSlice,
// so a long run does not freeze the page.
func runPromise(cfgJSON string) js.Value {
	return js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve := args[0]
		go func() { resolve.Invoke(runJSON(cfgJSON)) }()
		return nil
	}))
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
	if n := plannedSteps(r); n > maxBridgeSteps {
		return errorJSON(fmt.Sprintf("run: %d steps, more than the page runs at once (%d); use descent run", n, maxBridgeSteps))
	}
	r.Trainer.AddRecorder(&yielder{last: time.Now()})
	r.Execute(context.Background())
	out, err := json.Marshal(r.Result(false))
	if err != nil {
		return errorJSON(err.Error())
	}
	return string(out)
}

// plannedSteps is how many steps the run will take if nothing stops it.
func plannedSteps(r *compute.Run) int64 {
	c := r.Config
	if c.Steps > 0 {
		return int64(c.Steps)
	}
	perEpoch := int64(1)
	if r.Data != nil {
		batch := r.Data.Len()
		switch c.Variant {
		case "sgd":
			batch = 1
		case "minibatch":
			batch = c.BatchSize
		}
		perEpoch = int64((r.Data.Len() + batch - 1) / batch)
	}
	return int64(c.Epochs) * perEpoch
}

// yielder is a recorder that sleeps a moment every bridgeSlice, which in
// WebAssembly hands the browser its event loop until the timer fires.
type yielder struct{ last time.Time }

func (y *yielder) RecordStep(*compute.StepRecord) {
	if time.Since(y.last) > bridgeSlice {
		time.Sleep(time.Millisecond)
		y.last = time.Now()
	}
}

func (y *yielder) RecordLoss(compute.LossPoint) {}

func errorJSON(msg string) string {
	out, _ := json.Marshal(map[string]string{"error": msg})
	return string(out)
}

// finites returns v with non-finite numbers mapped to 0 (a diverged run's
// parameters may be infinite), so that the JSON encodes.
func finites(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = finite(x)
	}
	return out
}

// finite maps non-finite numbers to 0 so that the JSON encodes.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
