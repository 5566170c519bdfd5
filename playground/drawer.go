package playground

import "image"

// The panel on a narrow screen (a phone held upright) is a drawer: the
// layout gives the surface the full width, the panel starts folded into a
// handle at the top left, and a tap on the handle opens it over the
// surface until a tap on its "hide controls" button folds it again.

// panelOrigin is where the panel's windows start: one pixel off the
// screen's corner. On a touch screen the mouse cursor stays at (0, 0),
// and debugui (v0.2.0) gives a new touch to the widget the cursor last
// hovered before it looks at the touch; at (0, 0) that would be a
// window's collapse button, so every tap anywhere would fold the window.
var panelOrigin = image.Pt(1, 1)

// panelWidth is the in-canvas panel's width in unscaled pixels.
const panelWidth = 320

// narrowScreen reports whether the layout leaves the panel no column of
// its own, so that the panel folds into a drawer. In the browser the page
// folds its own panel (web/panel.js), and this is always false.
func (g *Game) narrowScreen() bool {
	return panelInCanvas && g.regions().panel.Empty()
}

// panelFolded reports whether the panel shows only its drawer's handle.
func (g *Game) panelFolded() bool { return g.narrowScreen() && !g.input.drawerOpen }
