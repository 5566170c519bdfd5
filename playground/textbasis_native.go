//go:build !js

package playground

// textBasis returns the size, in device pixels, that the default text
// grows with: natively the window, which the canvas fills.
func textBasis(w, h int, dpr float64) (int, int) { return w, h }
