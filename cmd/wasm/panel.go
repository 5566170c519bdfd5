//go:build js && wasm

package main

import (
	"encoding/json"
	"runtime"
	"syscall/js"

	"github.com/descent-playground/descent/playground"
)

// The page's panel (web/panel.js) reads window.descent.controls() and sends
// changes through set(key, value, via) and press(name); see
// playground.Game.Controls. Changes are applied inside the game loop, in
// the next frame, and their Promise resolves to "" or the message that
// refused them.

// controlsJSON describes the panel: its sections and the latest
// configuration problem.
func (h *host) controlsJSON() string {
	out, err := json.Marshal(struct {
		Sections []playground.ControlSection `json:"sections"`
		Message  string                      `json:"message"`
	}{h.Controls(), h.ControlMessage()})
	if err != nil {
		return errorJSON(err.Error())
	}
	return string(out)
}

// inFrame returns a Promise that runs f in the next frame and resolves to
// "" or f's error message.
func (h *host) inFrame(f func() error) js.Value {
	return js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve := args[0]
		h.jobs = append(h.jobs, func() {
			msg := ""
			if err := f(); err != nil {
				msg = err.Error()
			}
			resolve.Invoke(msg)
		})
		return nil
	}))
}

// set is window.descent.set(key, value, via): value is any JSON value
// (the typed text of a number field, a slider's position, a checkbox's
// state, a select's option), via says how a number was given ("text",
// "slider" or "nudge").
func (h *host) set(args []js.Value) js.Value {
	if len(args) < 2 {
		return h.inFrame(func() error { return errString("set needs a key and a value") })
	}
	key := args[0].String()
	value := js.Global().Get("JSON").Call("stringify", args[1])
	if value.Type() != js.TypeString {
		return h.inFrame(func() error { return errString("set: the value has no JSON form") })
	}
	via := ""
	if len(args) > 2 && args[2].Type() == js.TypeString {
		via = args[2].String()
	}
	data := json.RawMessage(value.String())
	return h.inFrame(func() error { return h.SetControl(key, data, via) })
}

// press is window.descent.press(name).
func (h *host) press(args []js.Value) js.Value {
	name := ""
	if len(args) > 0 {
		name = args[0].String()
	}
	return h.inFrame(func() error { return h.Press(name) })
}

// memoryJSON reports the Go heap (runtime.MemStats) for the page's memory
// test: bytes allocated and in use by the heap, obtained from the system
// for it and in all, and the number of collections; with gc set it
// collects first, so that heap_alloc is the live heap. The WebAssembly
// memory itself is the page's go.mem.buffer.
func memoryJSON(gc bool) string {
	if gc {
		runtime.GC()
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	out, _ := json.Marshal(map[string]uint64{
		"heap_alloc": m.HeapAlloc, "heap_inuse": m.HeapInuse, "heap_sys": m.HeapSys, "sys": m.Sys, "num_gc": uint64(m.NumGC),
	})
	return string(out)
}

type errString string

func (e errString) Error() string { return string(e) }
