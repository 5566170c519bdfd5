package playground

import (
	"image"

	"github.com/ebitengine/debugui"
)

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

// narrowScreen reports whether the layout leaves the panel no column of
// its own, so that the panel folds into a drawer.
func (g *Game) narrowScreen() bool {
	return panelInCanvas && g.regions().panel.Empty()
}

// panelFolded reports whether the panel shows only its drawer's handle.
func (g *Game) panelFolded() bool { return g.narrowScreen() && !g.input.drawerOpen }

// drawerHandle lays out the folded drawer: a small window with one button
// that opens the panel.
func (g *Game) drawerHandle(ctx *debugui.Context) {
	ctx.Window("Descent", image.Rectangle{Max: drawerHandleSize}.Add(panelOrigin), func(debugui.ContainerLayout) {
		ctx.SetGridLayout([]int{-1}, nil)
		g.button(ctx, "drawer", "show controls", func() { g.input.drawerOpen = true })
	})
}

// drawerBounds is the open drawer's window: the panel's width (or the
// screen's, if narrower) and the screen's height.
func (g *Game) drawerBounds() image.Rectangle {
	s := uiScale()
	return image.Rect(0, 0, min(panelWidth, g.width/s)-panelOrigin.X, g.height/s-panelOrigin.Y).Add(panelOrigin)
}

// button lays out a button named name (for page tests, see InputState)
// in the next cell, which calls f when pressed.
func (g *Game) button(ctx *debugui.Context, name, label string, f func()) {
	ctx.IDScope(name, func() {
		ctx.GridCell(func(b image.Rectangle) {
			g.noteRect(ctx, name, b)
			ctx.SetGridLayout([]int{-1}, nil)
			ctx.Button(label).On(f)
		})
	})
}
