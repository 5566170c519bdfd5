//go:build js

package playground

import "syscall/js"

// textBasis returns the size, in device pixels, that the default text
// grows with: in the browser the whole window, since the page's own panel
// takes part of it beside the canvas and the text should read as on a
// window of that size.
func textBasis(w, h int, dpr float64) (int, int) {
	win := js.Global()
	ww, wh := win.Get("innerWidth").Float(), win.Get("innerHeight").Float()
	if ww <= 0 || wh <= 0 {
		return w, h
	}
	return int(ww * dpr), int(wh * dpr)
}
