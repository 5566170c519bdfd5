//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/descent-playground/descent/playground"
)

// The page's exports (playground.Exports): window.descent.exports()
// lists them as JSON ({name, title, ext, mime}); export(name, {frames,
// onProgress}) returns a Promise of the bytes as a Uint8Array, made in the
// game loop (the view's PNG after the next frame is drawn, the race's GIF
// one frame per tick, calling onProgress(fraction) as it goes), rejected
// with an Error saying why there are none. exportPNG(), exportGIF(opts)
// and exportRun("csv"|"json") are the named forms; exportRun returns the
// bytes at once. web/export.js builds the panel's Export section from
// the list and downloads through a Blob.

// registerExports adds the export functions to the page's api.
func (h *host) registerExports(api js.Value) {
	api.Set("exports", js.FuncOf(func(js.Value, []js.Value) any {
		out, err := json.Marshal(playground.Exports())
		if err != nil {
			return errorJSON(err.Error())
		}
		return string(out)
	}))
	api.Set("export", js.FuncOf(func(_ js.Value, args []js.Value) any {
		name := ""
		if len(args) > 0 {
			name = args[0].String()
		}
		return h.export(name, argAt(args, 1))
	}))
	api.Set("exportPNG", js.FuncOf(func(js.Value, []js.Value) any { return h.export("png", js.Undefined()) }))
	api.Set("exportGIF", js.FuncOf(func(_ js.Value, args []js.Value) any { return h.export("gif", argAt(args, 0)) }))
	api.Set("exportRun", js.FuncOf(func(_ js.Value, args []js.Value) any {
		format := "json"
		if len(args) > 0 {
			format = args[0].String()
		}
		var out js.Value
		err := h.StartExport(playground.ExportRequest{Name: format, Done: func(data []byte, err error) {
			if err != nil {
				out = jsError(err.Error())
				return
			}
			out = uint8Array(data)
		}})
		if err != nil {
			return jsError(err.Error())
		}
		return out
	}))
}

// export returns a Promise of the export's bytes; opts may give frames
// (a GIF's) and onProgress.
func (h *host) export(name string, opts js.Value) js.Value {
	req := playground.ExportRequest{Name: name}
	if opts.Type() == js.TypeObject {
		if f := opts.Get("frames"); f.Type() == js.TypeNumber {
			req.Frames = f.Int()
		}
		if p := opts.Get("onProgress"); p.Type() == js.TypeFunction {
			req.Progress = func(done float64) { p.Invoke(done) }
		}
	}
	return js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve, reject := args[0], args[1]
		req.Done = func(data []byte, err error) {
			if err != nil {
				reject.Invoke(jsError(err.Error()))
				return
			}
			resolve.Invoke(uint8Array(data))
		}
		h.jobs = append(h.jobs, func() {
			if err := h.StartExport(req); err != nil {
				reject.Invoke(jsError(err.Error()))
			}
		})
		return nil
	}))
}

// argAt returns args[i], or undefined.
func argAt(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// uint8Array copies data into a new Uint8Array.
func uint8Array(data []byte) js.Value {
	a := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(a, data)
	return a
}

// jsError is a JavaScript Error with msg.
func jsError(msg string) js.Value { return js.Global().Get("Error").New(msg) }
