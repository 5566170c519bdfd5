package playground

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"github.com/hajimehoshi/ebiten/v2"
)

// Exports save what the playground shows: the current view as a PNG, the
// race as an animated GIF replayed from its state, and the current run's
// recorded steps as CSV or JSON. They are listed once, in exportTable;
// the native keys and command-line flags, the page's Export section
// (web/export.js, from window.descent.exports()) and its bridge functions
// all walk it. Every export runs inside the game loop: StartExport is
// called from Update and hands the bytes to a callback, at once (the
// run), after the next Draw (the view) or over the next frames (the GIF,
// one frame per tick, so that the app keeps drawing and shows progress).

// The kinds of Export: how its bytes are made.
const (
	// exportNow makes the bytes at once from the world.
	exportNow = iota
	// exportScreen reads the screen as the next Draw leaves it.
	exportScreen
	// exportReplay replays the race from its state over frames.
	exportReplay
)

// Export is one way to save the playground.
type Export struct {
	// Name identifies it ("png", "gif", "csv", "json") in the page's
	// bridge and the native messages.
	Name string `json:"name"`
	// Title says what it saves, for the page's buttons.
	Title string `json:"title"`
	// Ext is the file name's extension, without the dot; MIME the type
	// a browser is given.
	Ext  string `json:"ext"`
	MIME string `json:"mime"`
	// Key is the key that saves it, natively and in the page ("": none);
	// exports that share a key are saved together.
	Key string `json:"key,omitempty"`
	// kind says how the bytes are made; bytes makes them for exportNow.
	kind  int
	bytes func(g *Game) ([]byte, error)
}

// exportTable is the list of exports, in the order the page shows them.
// An export made at once from the world is a row of kind exportNow with
// its bytes function.
var exportTable = []Export{
	{Name: "png", Title: "PNG of the view", Ext: "png", MIME: "image/png", Key: "p", kind: exportScreen},
	{Name: "gif", Title: "GIF of the race", Ext: "gif", MIME: "image/gif", Key: "a", kind: exportReplay},
	{Name: "csv", Title: "CSV of the run", Ext: "csv", MIME: "text/csv", Key: "x", kind: exportNow, bytes: raceCSV},
	{Name: "json", Title: "JSON of the run", Ext: "json", MIME: "application/json", Key: "x", kind: exportNow, bytes: raceJSON},
	{Name: "notebook", Title: "Notebook (numpy and PyTorch) of the leader's run", Ext: "ipynb", MIME: "application/x-ipynb+json", Key: "n", kind: exportNow, bytes: raceNotebook},
	{Name: "torch", Title: "PyTorch script of the leader's run", Ext: "py", MIME: "text/x-python", Key: "n", kind: exportNow, bytes: raceTorch},
}

// Exports returns the exports the playground offers, in order.
func Exports() []Export { return append([]Export(nil), exportTable...) }

// exportNamed returns the export called name.
func exportNamed(name string) (Export, error) {
	for _, e := range exportTable {
		if e.Name == name {
			return e, nil
		}
	}
	var names []string
	for _, e := range exportTable {
		names = append(names, e.Name)
	}
	return Export{}, fmt.Errorf("export %q: want one of %v", name, names)
}

// ExportRequest asks for an export: Done receives its bytes or the
// reason there are none; Progress, when set, is told the fraction done
// of an export made over frames; Frames bounds a GIF's frames (0: the
// default, DefaultGIFFrames).
type ExportRequest struct {
	Name     string
	Frames   int
	Progress func(done float64)
	Done     func(data []byte, err error)
}

// exportState is the Game's exports under way: the screens asked for and
// the GIF being made.
type exportState struct {
	screens []func([]byte, error)
	gif     *gifJob
	// message is the latest export's line for the app, shown until
	// frame until.
	message string
	until   int
}

// exportMessage shows msg in the message line for about four seconds.
func (g *Game) exportMessage(msg string) {
	g.exp.message, g.exp.until = msg, g.frames+240
}

// StartExport begins the export req names; call it from Update (or a job
// the page queues there). It fails at once on an unknown name, or on a
// GIF while another is being made.
func (g *Game) StartExport(req ExportRequest) error {
	e, err := exportNamed(req.Name)
	if err != nil {
		return err
	}
	switch e.kind {
	case exportNow:
		req.Done(e.bytes(g))
	case exportScreen:
		g.exp.screens = append(g.exp.screens, req.Done)
	case exportReplay:
		if g.exp.gif != nil {
			return fmt.Errorf("export gif: a GIF is being made (%d of %d frames)", g.exp.gif.next, len(g.exp.gif.steps))
		}
		job, err := newGIFJob(g, req.Frames)
		if err != nil {
			return err
		}
		job.progress, job.done = req.Progress, req.Done
		g.exp.gif = job
	}
	return nil
}

// ExportBusy reports whether a GIF is being made, and how far.
func (g *Game) ExportBusy() (float64, bool) {
	if g.exp.gif == nil {
		return 0, false
	}
	return g.exp.gif.fraction(), true
}

// updateExports makes the next frame of a GIF under way; Update calls it.
func (g *Game) updateExports() {
	j := g.exp.gif
	if j == nil {
		return
	}
	if j.frame() {
		g.exp.gif = nil
		j.finish()
	}
}

// drawExports hands the screen, as Draw leaves it, to the exports that
// asked for it; Draw calls it last.
func (g *Game) drawExports(screen *ebiten.Image) {
	if len(g.exp.screens) == 0 {
		return
	}
	data, err := screenPNG(screen)
	for _, done := range g.exp.screens {
		done(data, err)
	}
	g.exp.screens = g.exp.screens[:0]
}

// screenPNG encodes the screen as a PNG at its pixel size.
func screenPNG(screen *ebiten.Image) ([]byte, error) {
	img := image.NewRGBA(screen.Bounds())
	screen.ReadPixels(img.Pix)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("export png: %w", err)
	}
	return buf.Bytes(), nil
}
