//go:build js && wasm

package playground

import (
	"sync"
	"syscall/js"
)

// The browser's WheelEvent.deltaMode values.
const (
	domDeltaPixel = 0
	domDeltaLine  = 1
	domDeltaPage  = 2
)

var (
	wheelMode   = domDeltaPixel
	wheelListen sync.Once
)

// wheelUnit is the wheel movement of one notch in the unit of the latest
// wheel event, as Ebitengine reports it; the first call (wheel calls it
// every frame) starts
// listening. Ebitengine adds up the events' deltaY whatever their
// deltaMode, so a listener on the window (which sees each event before
// the canvas) records the mode: 100 pixels (Chromium's notch), 3 lines
// (a notch in line mode, Firefox's) or one page. Browsers that report
// an accelerated or finer notch in pixels zoom by a fraction of a step
// per event, never by more than one.
func wheelUnit() float64 {
	wheelListen.Do(func() {
		listener := js.FuncOf(func(_ js.Value, args []js.Value) any {
			wheelMode = args[0].Get("deltaMode").Int()
			return nil
		})
		opts := map[string]any{"capture": true, "passive": true}
		js.Global().Call("addEventListener", "wheel", listener, opts)
	})
	switch wheelMode {
	case domDeltaLine:
		return 3
	case domDeltaPage:
		return 1
	}
	// Ebitengine divides a pixel delta by the device pixel ratio, which
	// browser zoom raises: Chromium's 100-pixel notch reads as 100/1.5 at
	// 150%.
	if r := js.Global().Get("devicePixelRatio").Float(); r > 0 {
		return 100 / r
	}
	return 100
}
