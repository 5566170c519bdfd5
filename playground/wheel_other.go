//go:build !js

package playground

// wheelUnit is the wheel movement of one notch: GLFW reports a notch as
// 1 (and a trackpad as fractions of it).
func wheelUnit() float64 { return 1 }
