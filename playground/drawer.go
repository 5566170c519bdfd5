package playground

// The panel on a narrow screen (a phone held upright) is a drawer: the
// layout gives the surface the full width, the panel starts folded into a
// handle at the top left, and a tap on the handle opens it over the
// surface until a tap on its "hide controls" button folds it again.

// panelWidth is the in-canvas panel's width in unscaled pixels.
const panelWidth = 320

// narrowScreen reports whether the layout leaves the panel no column of
// its own, so that the panel folds into a drawer. In the browser the page
// folds its own panel (web/panel.js), and this is always false.
func (g *Game) narrowScreen() bool {
	return panelInCanvas && g.regions().surface.Min.X < panelWidth*uiScale()
}

// panelFolded reports whether the panel shows only its drawer's handle.
func (g *Game) panelFolded() bool { return g.narrowScreen() && !g.input.drawerOpen }
