package playground

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
)

// cliExports is the window command's exports (Options.GIFPath and
// RunPath) under way: after ScreenshotFrames frames the race is paused,
// the run is written and the GIF made, and then the game ends.
type cliExports struct {
	shot    bool // the screenshot is written
	started bool
	gifDone bool
	err     error
}

// none reports whether o asks for no export beyond the screenshot.
func (*cliExports) none(o Options) bool { return o.GIFPath == "" && o.RunPath == "" }

// ExportForFile returns the export made at once from the world (the
// run's CSV or JSON, the leader's notebook or PyTorch script) that writes
// files with path's extension.
func ExportForFile(path string) (Export, error) {
	ext := strings.TrimPrefix(filepath.Ext(path), ".")
	var exts []string
	for _, e := range exportTable {
		if e.kind != exportNow {
			continue
		}
		if strings.EqualFold(e.Ext, ext) {
			return e, nil
		}
		exts = append(exts, "."+e.Ext)
	}
	last := len(exts) - 1
	return Export{}, fmt.Errorf("%q: want a file ending in %s or %s", path, strings.Join(exts[:last], ", "), exts[last])
}

// updateCLIExports runs the command line's exports once ScreenshotFrames
// frames are drawn, and reports whether the game is done, with
// ebiten.Termination or the first error.
func (g *Game) updateCLIExports() (bool, error) {
	c, o := &g.cli, g.opts
	if c.none(o) || g.frames < o.ScreenshotFrames {
		return false, nil
	}
	if !c.started {
		c.started = true
		g.world.Playing = false // the race stays as the last frame drew it
		if o.RunPath != "" {
			c.err = g.writeRunFile(o.RunPath)
		}
		c.gifDone = o.GIFPath == ""
		if !c.gifDone && c.err == nil {
			c.err = g.StartExport(ExportRequest{Name: "gif", Frames: o.GIFFrames, Done: func(data []byte, err error) {
				if err == nil {
					err = os.WriteFile(o.GIFPath, data, 0o644)
				}
				c.err, c.gifDone = err, true
			}})
		}
	}
	switch {
	case c.err != nil:
		return true, c.err
	case g.shotErr != nil:
		return true, g.shotErr
	case c.gifDone && (o.ScreenshotPath == "" || c.shot):
		g.shotDone = true
		return true, ebiten.Termination
	}
	return false, nil
}

// writeRunFile writes the run's export that path's extension names.
func (g *Game) writeRunFile(path string) error {
	e, err := ExportForFile(path)
	if err != nil {
		return fmt.Errorf("export run: %w", err)
	}
	data, err := e.bytes(g)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
