//go:build js && wasm

// Command wasm is Descent's browser entry. It exposes the compute core to
// the page as window.descent.run(configJSON), which trains a Config and
// returns the result as JSON.
package main

import (
	"context"
	"encoding/json"
	"syscall/js"

	"github.com/descent-playground/descent/compute"
)

// result is what run returns to the page.
type result struct {
	Params []string    `json:"params,omitempty"`
	Final  []float64   `json:"final,omitempty"`
	Path   [][]float64 `json:"path,omitempty"`
	Loss   []float64   `json:"loss,omitempty"`
	Steps  int         `json:"steps"`
	Stop   string      `json:"stop,omitempty"`
	Error  string      `json:"error,omitempty"`
}

func run(cfgJSON string) result {
	var cfg compute.Config
	if err := json.Unmarshal([]byte(cfgJSON), &cfg); err != nil {
		return result{Error: "config: " + err.Error()}
	}
	r, err := cfg.Build(nil)
	if err != nil {
		return result{Error: err.Error()}
	}
	stop := r.Execute(context.Background())
	tr := r.Trainer
	path := tr.Path()
	for i, p := range path {
		path[i] = finiteOrZero(p)
	}
	return result{
		Params: r.ParamNames(), Final: finiteOrZero(tr.Params()), Path: path, Loss: finiteOrZero(tr.Losses()),
		Steps: tr.Steps(), Stop: string(stop),
	}
}

// finiteOrZero returns v with non-finite values replaced by 0, so that the
// JSON of a diverged run still encodes.
func finiteOrZero(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, f := range v {
		if f == f && f-f == 0 {
			out[i] = f
		}
	}
	return out
}

func main() {
	api := js.Global().Get("Object").New()
	api.Set("run", js.FuncOf(func(this js.Value, args []js.Value) any {
		out, _ := json.Marshal(run(args[0].String()))
		return string(out)
	}))
	js.Global().Set("descent", api)
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("descent-ready"))
	select {}
}
