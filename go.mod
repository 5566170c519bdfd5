module github.com/descent-playground/descent

go 1.26.0

require (
	github.com/ebitengine/debugui v0.3.0
	github.com/go-gl/mathgl v1.2.0
	github.com/hajimehoshi/bitmapfont/v4 v4.2.0
	github.com/hajimehoshi/ebiten/v2 v2.10.4
	golang.org/x/sys v0.50.0
	gonum.org/v1/gonum v0.17.0
)

require (
	github.com/ebitengine/gomobile v0.0.0-20260820040257-d11f821a26a6 // indirect
	github.com/ebitengine/hideconsole v1.0.0 // indirect
	github.com/ebitengine/purego v0.11.0 // indirect
	github.com/go-text/typesetting v0.3.5 // indirect
	github.com/pierrec/lz4/v4 v4.1.29 // indirect
	github.com/rivo/uniseg v0.4.7 // indirect
	github.com/srwiley/rasterx v0.0.0-20220730225603-2ab79fcdd4ef // indirect
	golang.org/x/image v0.48.0 // indirect
	golang.org/x/sync v0.25.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)

// Ebitengine v2.10.4 requires debugui v0.3.0, whose source archive the module
// proxy refuses here; v0.2.0 is served and works with v2.10.4 natively and in
// wasm. Keep this line until a served v0.3.x exists.
replace github.com/ebitengine/debugui => github.com/ebitengine/debugui v0.2.0
