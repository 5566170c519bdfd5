//go:build !nogui

package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/playground"
)

// exportFlagNames are the window's export flags (exportFlags).
var exportFlagNames = []string{"gif", "gif-frames", "export-run", "export-dir"}

// exportFlags are the window's exports: after --frames frames the race's
// GIF and the run's CSV or JSON are written, and the window closes; the
// keys p, a and x save into --export-dir.
type exportFlags struct {
	gif, run, dir *string
	gifFrames     *int
}

func registerExportFlags(fs *flag.FlagSet) *exportFlags {
	return &exportFlags{
		gif:       fs.String("gif", "", "after --frames frames, write an animated GIF of the race so far (replayed from its state), then quit"),
		gifFrames: fs.Int("gif-frames", playground.DefaultGIFFrames, fmt.Sprintf("frames of the --gif (1 to %d)", playground.MaxGIFFrames)),
		run:       fs.String("export-run", "", "after --frames frames, write the racers' recorded steps (.csv or .json) or the leader's run as a notebook (.ipynb) or PyTorch script (.py) to this file, then quit"),
		dir:       fs.String("export-dir", "", "the folder the keys p (PNG of the view), a (GIF of the race), x (CSV and JSON of the run) and n (notebook and PyTorch script) save to (default: the working directory)"),
	}
}

// check refuses values the exports cannot use, before the window opens:
// a bad frame count or file kind, and a file or folder in a folder that
// does not exist.
func (e *exportFlags) check() error {
	for _, f := range []struct{ flag, dir string }{
		{"gif", filepath.Dir(*e.gif)}, {"export-run", filepath.Dir(*e.run)}, {"export-dir", *e.dir},
	} {
		if f.dir == "" || f.dir == "." {
			continue
		}
		if info, err := os.Stat(f.dir); err != nil || !info.IsDir() {
			return fmt.Errorf("--%s: no folder %s", f.flag, compute.QuoteString(f.dir))
		}
	}
	if *e.gifFrames < 1 || *e.gifFrames > playground.MaxGIFFrames {
		return fmt.Errorf("--gif-frames %d: want 1 to %d", *e.gifFrames, playground.MaxGIFFrames)
	}
	if *e.run != "" {
		if _, err := playground.ExportForFile(*e.run); err != nil {
			return fmt.Errorf("--export-run %w", err)
		}
	}
	return nil
}

// apply sets the exports in opts.
func (e *exportFlags) apply(opts *playground.Options) {
	opts.GIFPath, opts.GIFFrames, opts.RunPath, opts.ExportDir = *e.gif, *e.gifFrames, *e.run, *e.dir
}
