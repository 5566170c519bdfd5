//go:build !js

package playground

import (
	"image"
	"image/color"
	"strconv"

	"github.com/ebitengine/debugui"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// The debugui widgets of the native panel (panel.go). The page has no
// debugui: its panel is browser form controls (web/panel.js, built from
// Game.Controls), so that the wasm links neither debugui's bitmap font nor
// Ebitengine's text input.

// panelUI is the native panel: a debugui.DebugUI.
type panelUI struct{ debugui.DebugUI }

// updatePanel lays the panel out and reports what input it takes this
// frame.
func (g *Game) updatePanel() (inputCapture, error) {
	c, err := g.ui.Update(g.panel)
	var capture inputCapture
	if c&debugui.InputCapturingStateHover != 0 {
		capture |= captureHover
	}
	if c&debugui.InputCapturingStateFocus != 0 {
		capture |= captureFocus
	}
	return capture, err
}

// drawPanel draws the panel over screen.
func (g *Game) drawPanel(screen *ebiten.Image) { g.ui.Draw(screen) }

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

// errorColor is the colour of an entry's error beside its field.
var errorColor = color.RGBA{0xff, 0x70, 0x60, 0xff}

// numberField lays out a text field in the next cell showing v, which
// applies what is typed when Enter is pressed or the field loses focus
// (see typeNumber). id names it uniquely in the panel.
func (g *Game) numberField(ctx *debugui.Context, id string, v float64, e numberEntry) {
	ctx.IDScope(id, func() {
		ctx.GridCell(func(b image.Rectangle) {
			g.noteRect(ctx, "field:"+id, b)
			ctx.SetGridLayout([]int{-1}, nil)
			text := formatNumber(v)
			ctx.TextField(&text).On(func() { g.typeNumber(id, e, text, v) })
		})
	})
}

// fieldErrorRow lays out field id's error, if any, on a row of its own
// under the field (wrapped to the panel's width), marked with a bar of
// the error colour.
func (g *Game) fieldErrorRow(ctx *debugui.Context, id string) {
	msg := g.fieldError(id)
	if msg == "" {
		return
	}
	ctx.SetGridLayout([]int{4, -1}, nil)
	ctx.GridCell(func(b image.Rectangle) {
		s := float32(ctx.Scale())
		ctx.DrawOnlyWidget(func(screen *ebiten.Image) {
			vector.FillRect(screen, float32(b.Min.X)*s, float32(b.Min.Y)*s, float32(b.Dx())*s, float32(b.Dy())*s, errorColor, false)
		})
	})
	ctx.Text(msg)
}

// noteRect records where control name was laid out, in screen pixels,
// for page tests (see InputState).
func (g *Game) noteRect(ctx *debugui.Context, name string, b image.Rectangle) {
	p := &g.input.panel
	if p.rects == nil {
		p.rects = map[string]image.Rectangle{}
	}
	s := ctx.Scale()
	p.rects[name] = image.Rect(b.Min.X*s, b.Min.Y*s, b.Max.X*s, b.Max.Y*s)
}

// swatch draws a short bar of colour c in the next cell of the layout.
func swatch(ctx *debugui.Context, c color.RGBA) {
	ctx.GridCell(func(b image.Rectangle) {
		s := float32(ctx.Scale())
		ctx.DrawOnlyWidget(func(screen *ebiten.Image) {
			mid := float32(b.Min.Y+b.Max.Y) / 2
			vector.FillRect(screen, float32(b.Min.X)*s, (mid-2)*s, float32(b.Dx()-2)*s, 4*s, c, false)
		})
	})
}

// noEvent is the event of a slider shown as text.
type noEvent struct{}

func (noEvent) On(func()) {}

// sliderF lays out a slider named name over [lo, hi] in the next cell.
// While Shift is held it shows the value as text instead: debugui turns
// a shift-clicked slider into a text entry of its own, which reads an
// entry it cannot parse as 0; the number field beside it is the way to
// type a value.
func (g *Game) sliderF(ctx *debugui.Context, name string, v *float64, lo, hi, step float64, digits int) debugui.EventHandler {
	if ebiten.IsKeyPressed(ebiten.KeyShift) {
		ctx.Text(strconv.FormatFloat(*v, 'f', digits, 64))
		return noEvent{}
	}
	var e debugui.EventHandler = noEvent{}
	ctx.IDScope(name, func() { e = ctx.SliderF(v, lo, hi, step, digits) })
	return e
}

// slider is sliderF for whole numbers.
func (g *Game) slider(ctx *debugui.Context, name string, v *int, lo, hi, step int) debugui.EventHandler {
	if ebiten.IsKeyPressed(ebiten.KeyShift) {
		ctx.Text(strconv.Itoa(*v))
		return noEvent{}
	}
	var e debugui.EventHandler = noEvent{}
	ctx.IDScope(name, func() { e = ctx.Slider(v, lo, hi, step) })
	return e
}
