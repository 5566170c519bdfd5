//go:build js && wasm

// Command wasm is Descent's browser entry: the playground on a canvas that
// fills the page. It opens the state the page's address holds (a link:
// "#s=beale&adam.lr=0.05&3d=1", a run's Config: "#config=<URL-encoded
// JSON>", or the older "?scenario=NAME&play=1"),
// shows one message for the settings it could not use, and writes the
// state back to the address's fragment as it changes (history.replaceState,
// at most four times a second). It exposes window.descent to the page's
// scripts and tests: state() returns the race as JSON, getState() and
// setState(json) read and replace the playground's State, stateURL()
// returns the link to it, run(configJSON) trains a compute.Config
// headless, and gpuCheck() returns a Promise of the GPU backend's
// agreement with the CPU backend, measured in the browser's WebGL.
// controls() describes the page's panel (playground.Game.Controls), which
// web/panel.js builds as form controls beside the canvas; set(key, value,
// via) and press(name) apply its changes in the next frame and return a
// Promise of "" or the refusal; memory(gc) reports the Go heap, collected
// first when gc is true. exports(), export(name, opts), exportPNG(),
// exportGIF(opts) and exportRun(format) save the view, the race and the
// run (export.go). The run history lives in localStorage (history.go).
package main

import (
	"fmt"
	"os"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/playground"
)

func main() {
	st, linkErr := playground.DecodeLink(js.Global().Get("location").Get("href").String())
	g, err := playground.NewGame(playground.Options{State: &st, History: localStore{}})
	if err != nil {
		linkErr = err
		g, _ = playground.NewGame(playground.Options{History: localStore{}})
	}
	showError(linkErr)
	api := js.Global().Get("Object").New()
	api.Set("state", js.FuncOf(func(js.Value, []js.Value) any { return stateJSON(g) }))
	api.Set("run", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return `{"error":"run needs a config JSON string"}`
		}
		return runPromise(args[0].String())
	}))
	h := &host{Game: g}
	api.Set("gpuCheck", js.FuncOf(func(js.Value, []js.Value) any { return h.gpuCheck() }))
	api.Set("getState", js.FuncOf(func(js.Value, []js.Value) any { return h.getState() }))
	api.Set("setState", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return h.setState("")
		}
		return h.setState(args[0].String())
	}))
	api.Set("stateURL", js.FuncOf(func(js.Value, []js.Value) any { return h.stateURL() }))
	api.Set("controls", js.FuncOf(func(js.Value, []js.Value) any { return h.controlsJSON() }))
	api.Set("set", js.FuncOf(func(_ js.Value, args []js.Value) any { return h.set(args) }))
	api.Set("press", js.FuncOf(func(_ js.Value, args []js.Value) any { return h.press(args) }))
	api.Set("memory", js.FuncOf(func(_ js.Value, args []js.Value) any { return memoryJSON(len(args) > 0 && args[0].Truthy()) }))
	h.registerExports(api)
	js.Global().Call("addEventListener", "hashchange", js.FuncOf(func(js.Value, []js.Value) any {
		h.readLink()
		return nil
	}))
	js.Global().Set("descent", api)
	ebiten.SetWindowTitle("Descent")
	if err := ebiten.RunGame(h); err != nil {
		showError(err)
		os.Exit(1)
	}
}

// showError puts a message on the page and the console; nil clears the
// page's message.
func showError(err error) {
	el := js.Global().Get("document").Call("getElementById", "error")
	if err == nil {
		if el.Truthy() {
			el.Set("textContent", "")
		}
		return
	}
	msg := fmt.Sprintf("Descent: %v", err)
	js.Global().Get("console").Call("error", msg)
	if el.Truthy() {
		el.Set("textContent", msg)
	}
}
