// Package playground is Descent's application: the scenarios, the World
// that races any of compute's registered optimizers over one loss surface
// (one Racer per registry entry, its panel controls derived from the
// entry's hyperparameter descriptions), and the ebiten.Game that shows it
// with a control panel, keyboard, mouse and touch. The native panel is
// debugui in the window (panel.go, widgets.go); the page's is browser form
// controls beside the canvas, which web/panel.js builds from
// Game.Controls, so that the WebAssembly links neither debugui's font nor
// Ebitengine's text input. It wires compute (training, loss grids) to
// render (pictures) and owns all state; nothing imports it but cmd/*.
//
// World is pure state, in the manner of Ebitengine's examples/life: it has
// no Ebitengine type in its API and is tested without a display. Game is a
// thin adapter whose Update reads input and advances the World and whose
// Draw only draws.
//
// State is the World's whole state as one value, described field by field
// in one table (stateFields) from which the page's links (EncodeLink,
// DecodeLink), the JSON of a state file and the native flags are derived.
//
// The Game lays the screen out from the parts' measured sizes (layout.go)
// and sizes text with the window, the device scale and the user's text
// step; the state's Display holds that step, the theme and the arrows'
// length (display.go).
//
// The run history (history*.go) records each run as it ends
// (World.OnRunEnd) into a HistoryStore, natively a folder (DirStore), in
// the page the browser's localStorage; the panel's History section lists,
// overlays, pins, renames, deletes and exports the runs.
package playground
