//go:build js && wasm

// Command wasm is Descent's browser entry: the playground on a canvas that
// fills the page. It reads the page URL (?scenario=NAME&play=1) and exposes
// window.descent to the page's scripts and tests: state() returns the race
// as JSON, run(configJSON) trains a compute.Config headless, and gpuCheck()
// returns a Promise of the GPU backend's agreement with the CPU backend,
// measured in the browser's WebGL.
package main

import (
	"fmt"
	"net/url"
	"os"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/playground"
)

func main() {
	opts := playground.Options{Scenario: "rosenbrock"}
	if u, err := url.Parse(js.Global().Get("location").Get("href").String()); err == nil {
		q := u.Query()
		if s := q.Get("scenario"); s != "" {
			opts.Scenario = s
		}
		opts.Play = q.Get("play") == "1"
	}
	g, err := playground.NewGame(opts)
	if err != nil {
		showError(err)
		g, _ = playground.NewGame(playground.Options{})
	}
	api := js.Global().Get("Object").New()
	api.Set("state", js.FuncOf(func(js.Value, []js.Value) any { return stateJSON(g) }))
	api.Set("run", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return `{"error":"run needs a config JSON string"}`
		}
		return runJSON(args[0].String())
	}))
	h := &host{Game: g}
	api.Set("gpuCheck", js.FuncOf(func(js.Value, []js.Value) any { return h.gpuCheck() }))
	js.Global().Set("descent", api)
	ebiten.SetWindowTitle("Descent")
	if err := ebiten.RunGame(h); err != nil {
		showError(err)
		os.Exit(1)
	}
}

// showError puts a message on the page and the console.
func showError(err error) {
	msg := fmt.Sprintf("Descent: %v", err)
	js.Global().Get("console").Call("error", msg)
	if el := js.Global().Get("document").Call("getElementById", "error"); el.Truthy() {
		el.Set("textContent", msg)
	}
}
