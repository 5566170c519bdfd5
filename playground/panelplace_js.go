//go:build js

package playground

// panelInCanvas says that the control panel is drawn in the canvas, at
// its left. In the browser it still is, until the page's own controls
// replace it.
const panelInCanvas = true
