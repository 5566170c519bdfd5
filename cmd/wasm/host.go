//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"
	"time"

	"github.com/descent-playground/descent/compute/gpu"
	"github.com/descent-playground/descent/playground"
)

// host is the playground with a queue of work that must run inside the
// game loop, such as GPU checks and states asked for by the page, and the
// link to the state it last wrote to the page's address.
type host struct {
	*playground.Game
	jobs   []func()
	link   string
	linkAt time.Time
}

// Update runs the queued work, then the playground's Update, then writes
// the state to the page's address.
func (h *host) Update() error {
	for _, job := range h.jobs {
		job()
	}
	h.jobs = h.jobs[:0]
	err := h.Game.Update()
	h.writeLink()
	return err
}

// gpuCheck returns a Promise of gpu.SelfCheck's report as JSON, run in the
// next frame.
func (h *host) gpuCheck() js.Value {
	return js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve := args[0]
		h.jobs = append(h.jobs, func() {
			out := map[string]any{}
			if b, err := gpu.NewBackend(); err != nil {
				out["error"] = err.Error()
			} else if rep, err := gpu.SelfCheck(b); err != nil {
				out["error"] = err.Error()
			} else {
				out["report"] = rep
			}
			data, _ := json.Marshal(out)
			resolve.Invoke(string(data))
		})
		return nil
	}))
}
