//go:build js

package playground

import "github.com/hajimehoshi/ebiten/v2"

// panelInCanvas says that the control panel is drawn in the canvas, at
// its left. In the browser it is not: the page's panel is browser form
// controls beside the canvas (web/panel.js, built from Game.Controls), so
// the canvas is all picture.
const panelInCanvas = false

// panelUI is the in-canvas panel, which the page does not have.
type panelUI struct{}

// updatePanel lays out no panel; nothing in the canvas takes input.
func (g *Game) updatePanel() (inputCapture, error) { return 0, nil }

// drawPanel draws nothing: the page's panel is beside the canvas.
func (g *Game) drawPanel(*ebiten.Image) {}
