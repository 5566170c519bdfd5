package playground

import (
	"fmt"
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/compute/gpu"
	"github.com/descent-playground/descent/render"
)

// Options configure a Game.
type Options struct {
	// Scenario names the scenario to open (default rosenbrock).
	Scenario string
	// Play starts the race at once.
	Play bool
	// Show3D opens the 3-D view.
	Show3D bool
	// View opens a map view instead of the race (test surfaces only).
	View View
	// GPU starts on the GPU backend (falling back to the CPU with a
	// message when it cannot start).
	GPU bool
	// State, when set, is the state to open, and Scenario, Play, Show3D and
	// View are ignored.
	State *State
	// ScreenshotPath, when set, makes the game write the screen as a PNG
	// there after ScreenshotFrames frames and then end.
	ScreenshotPath   string
	ScreenshotFrames int
	// History, when set, keeps the run history there (history.go).
	History HistoryStore
	// GIFPath, RunPath and GIFFrames: after ScreenshotFrames frames the
	// game also writes the race's GIF (GIFFrames frames, 0 for the
	// default) and the run's CSV or JSON (by RunPath's extension), then
	// ends (export_cli.go).
	GIFPath, RunPath string
	GIFFrames        int
	// ExportDir is the folder the native export keys save to (empty:
	// the working directory).
	ExportDir string
}

// Game is the ebiten.Game of the playground: Update reads the panel, the
// keyboard and the mouse and advances the World; Draw draws it.
type Game struct {
	world *World
	ui    panelUI
	opts  Options

	// layer caches the surface picture; layerFor says for which field and
	// scale it was made.
	layer      *render.SurfaceLayer
	layerFor   *render.Field
	layerLog   bool
	batchLayer *render.SurfaceLayer

	drawn         bool
	frames        int
	surfaceFrames int
	showHelp      bool
	chars         []rune
	stepsPerSec   float64
	shotDone      bool
	shotErr       error
	drag          *image.Point
	input         gameInput
	pathBuf       []render.Path
	pathRacer     []int
	pointBuf      [][][2]float64
	width, height int

	// cells caches the map picture; cellsFor and cellsProgress say for
	// which map and how far computed.
	cells         *render.CellImage
	cellsFor      *compute.MapResult
	cellsProgress float64
	mapProgress   float64
	hover         string
	useGPU        bool
	gpu           *gpu.Backend
	pic           pictures
	// firstGrads keeps each run's gradient at its start, drawn before
	// its first step.
	firstGrads map[*compute.Run][]float64
	// dpr is the device scale the latest Layout saw.
	dpr float64
	// history is the run history, nil without Options.History.
	history *History
	// exp holds the exports under way (export.go); exportView draws the
	// picture as exports show it: no panel, speed or frame rate.
	exp        exportState
	exportView bool
	cli        cliExports
	// sweep is the hyperparameter sweep and its view (sweep.go).
	sweep appSweep
}

// NewGame returns the playground on the scenario that opts names.
func NewGame(opts Options) (*Game, error) {
	if opts.Scenario == "" {
		opts.Scenario = DefaultScenario
	}
	var w *World
	var err error
	if opts.State != nil {
		if w, err = NewWorld(opts.State.Scenario); err == nil {
			err = w.SetState(*opts.State)
		}
	} else if w, err = NewWorld(opts.Scenario); err == nil {
		w.Playing, w.Show3D = opts.Play, opts.Show3D
		if !w.scenario.Regression() {
			w.View = opts.View
		}
	}
	if err != nil {
		return nil, err
	}
	g := &Game{world: w, opts: opts}
	g.openHistory(opts.History)
	if opts.GPU {
		g.useGPU = true
		g.setGPU(true)
	}
	return g, nil
}

// World returns the game's world.
func (g *Game) World() *World { return g.world }

// StepsPerSecond returns the measured training speed of the race.
func (g *Game) StepsPerSecond() float64 { return g.stepsPerSec }

// Update advances the game by one tick.
func (g *Game) Update() error {
	if g.shotDone {
		if g.shotErr != nil {
			return g.shotErr
		}
		return ebiten.Termination
	}
	if done, err := g.updateCLIExports(); done {
		return err
	}
	g.updateExports()
	capture, err := g.updatePanel()
	if err != nil {
		return err
	}
	g.handleInput(capture)
	g.handlePictureInput(capture)
	g.handleExportKeys(capture)
	g.sweep.tick()
	if !g.drawn {
		return nil
	}
	g.refreshLayers()
	if g.world.CatchUp() {
		return nil
	}
	if g.world.View != RaceView {
		p, err := g.world.StepMap()
		g.mapProgress = p
		if err != nil {
			g.world.Err = err
			g.world.View = RaceView
		}
		return nil
	}
	if g.world.Playing {
		before := g.world.Steps()
		g.world.Advance(g.world.Speed)
		tps := ebiten.ActualTPS()
		if tps <= 0 {
			tps = float64(ebiten.TPS())
		}
		g.stepsPerSec = 0.9*g.stepsPerSec + 0.1*float64(g.world.Steps()-before)*tps
	} else {
		g.stepsPerSec = 0
	}
	return nil
}

// refreshLayers rebuilds the cached surface pictures when the field, the
// colour scale or the batch changed.
func (g *Game) refreshLayers() {
	f := g.world.Field()
	if g.layer == nil || g.layerFor != g.world.field || g.layerLog != g.world.LogScale {
		g.layer = render.NewSurfaceLayer(f, g.world.LogScale, 12)
		g.layerFor, g.layerLog = g.world.field, g.world.LogScale
	}
	g.batchLayer = nil
	if g.world.ShowBatch && !g.world.Show3D {
		if bf, ok := g.world.BatchField(); ok {
			g.batchLayer = render.NewSurfaceLayer(bf, g.world.LogScale, 8)
		}
	}
}

// Layout makes the screen as many device pixels as the window has, so
// that drawing is sharp on HiDPI displays, and sizes text and lines to
// match (layoutAt).
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	return g.layoutAt(int(float64(outsideWidth)*s), int(float64(outsideHeight)*s), s)
}

// layoutAt sizes the game for a screen of w×h device pixels at device
// scale dpr: the labels' text (textFactor: the device scale, the
// window's size and the display's text step), lines and marks
// (lineFactor), and the panel's whole-number scale.
func (g *Game) layoutAt(w, h int, dpr float64) (int, int) {
	g.width, g.height, g.dpr = w, h, dpr
	tw, th := textBasis(w, h, dpr)
	f := textFactor(tw, th, dpr, g.world.Display.TextStep)
	// Text sizes are kept to half pixels, so that resizing a window
	// reuses the faces made for it.
	render.SetTextSize(math.Round(2*render.BaseTextSize*f) / 2)
	render.SetScale(lineFactor(tw, th, dpr))
	panelScale = panelScaleFor(f)
	return w, h
}

// panelScale is debugui's scale, set by layoutAt.
var panelScale = 1

// uiScale is the panel's scale on this display and at this text size.
func uiScale() int { return panelScale }

// String describes the game for logs.
func (g *Game) String() string {
	return fmt.Sprintf("playground(%s, step %d)", g.world.Scenario().Name, g.world.Steps())
}

// Frames returns the number of frames drawn.
func (g *Game) Frames() int { return g.frames }

// SurfaceFrames returns the number of frames drawn with the loss surface
// (the first frame shows a "computing" note instead).
func (g *Game) SurfaceFrames() int { return g.surfaceFrames }

// setGPU switches the world to the GPU backend or back to the CPU. When the
// GPU backend cannot start, it says why and stays on the CPU.
func (g *Game) setGPU(on bool) {
	if !on {
		g.world.SetBackend(nil)
		return
	}
	if g.gpu == nil {
		b, err := gpu.NewBackend()
		if err != nil {
			g.useGPU = false
			g.world.Err = fmt.Errorf("the GPU backend cannot start (%v); using the CPU backend", err)
			return
		}
		g.gpu = b
	}
	g.world.SetBackend(g.gpu)
}

// SurfaceRect returns where the surface is drawn, in device pixels, as
// the latest layout placed it; page tests click it.
func (g *Game) SurfaceRect() image.Rectangle { return g.regions().surface }
