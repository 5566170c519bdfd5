//go:build !js

package playground

// panelInCanvas says that the control panel is drawn in the canvas, at
// its left (natively: debugui), rather than beside it by the page.
const panelInCanvas = true
