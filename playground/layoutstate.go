package playground

import (
	"image"

	"github.com/descent-playground/descent/render"
)

// LayoutState is what the page's tests read back about the layout and the
// text: the canvas's size in device pixels and the device scale, each
// part's rectangle, the text sizes and the display settings.
type LayoutState struct {
	// Canvas is the canvas's width and height in device pixels.
	Canvas      [2]int  `json:"canvas"`
	DeviceScale float64 `json:"device_scale"`
	// Regions are the parts as drawn in the latest layout (x0, y0, x1,
	// y1 in device pixels): "panel" (only when the canvas holds it),
	// "surface" (the surface with its axes and colour bar, or the
	// enlarged loss chart), "loss", "data" (regression), "table",
	// "message" and "status".
	Regions map[string][4]int `json:"regions"`
	// TextPx is the pictures' text size in device pixels per em, and
	// TextCSSPx the same in CSS pixels: the size a page's own panel
	// should use to match. PanelTextPx is the canvas panel's font size
	// in device pixels (its 12 px bitmap font times its scale).
	TextPx      float64 `json:"text_px"`
	TextCSSPx   float64 `json:"text_css_px"`
	PanelTextPx int     `json:"panel_text_px"`
	// TextStep, Theme and GradLength are the display settings.
	TextStep   int    `json:"text_step"`
	Theme      string `json:"theme"`
	GradLength bool   `json:"grad_length"`
}

// LayoutState returns the game's layout and text sizes for page tests.
func (g *Game) LayoutState() LayoutState {
	rg := g.regions()
	d := g.world.Display
	dpr := max(g.dpr, 1)
	st := LayoutState{
		Canvas: [2]int{g.width, g.height}, DeviceScale: dpr, Regions: map[string][4]int{},
		TextPx: render.TextSize(), TextCSSPx: render.TextSize() / dpr, PanelTextPx: 12 * uiScale(),
		TextStep: d.TextStep, Theme: g.theme().Name, GradLength: d.GradLength,
	}
	for name, r := range partsOf(g, rg) {
		st.Regions[name] = [4]int{r.Min.X, r.Min.Y, r.Max.X, r.Max.Y}
	}
	return st
}

// partsOf returns the parts of rg that are drawn, by name (see
// LayoutState.Regions).
func partsOf(g *Game, rg regions) map[string]image.Rectangle {
	parts := map[string]image.Rectangle{"loss": rg.loss, "status": rg.hud}
	if !rg.panel.Empty() {
		parts["panel"] = rg.panel
	}
	if !g.chartShown() {
		parts["surface"] = rg.surfaceBox
	}
	if g.world.scenario.Regression() {
		parts["data"] = rg.scatterBox
	}
	if g.world.View == RaceView && !rg.table.Empty() {
		parts["table"] = rg.table
	}
	if len(rg.messageLines) > 0 {
		parts["message"] = rg.message
	}
	return parts
}
