//go:build !js

package playground

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// handleExportKeys saves the exports whose key was typed (p: the view's
// PNG, a: the race's GIF, x: the run's CSV and JSON, n: the leader's
// notebook and PyTorch script) into the export
// folder, and says in the message line where (or how far the GIF is).
func (g *Game) handleExportKeys(capture inputCapture) {
	if capture&captureFocus != 0 {
		return
	}
	for _, c := range g.chars {
		for _, e := range exportTable {
			if e.Key != string(c) {
				continue
			}
			err := g.StartExport(ExportRequest{Name: e.Name,
				Progress: func(f float64) { g.exportMessage(fmt.Sprintf("making the GIF of the race: %.0f%%", 100*f)) },
				Done: func(data []byte, err error) {
					var path string
					if err == nil {
						path, err = g.saveExport(e, data)
					}
					if err != nil {
						g.world.Err = err
						g.exportMessage("")
						return
					}
					g.exportMessage("saved " + path)
				}})
			if err != nil {
				g.world.Err = err
			}
		}
	}
}

// saveExport writes data to a new file in the export folder, named for
// the scenario and the step (descent-himmelblau-step120.png, then -2, -3
// … rather than overwrite), and returns its path.
func (g *Game) saveExport(e Export, data []byte) (string, error) {
	dir := g.opts.ExportDir
	if dir == "" {
		dir = "."
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("export %s: %w", e.Name, err)
	}
	base := fmt.Sprintf("descent-%s-step%d", g.world.scenario.Name, g.world.Steps())
	for n := 1; n < 1000; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		path := filepath.Join(dir, name+"."+e.Ext)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("export %s: %w", e.Name, err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", fmt.Errorf("export %s: %w", e.Name, err)
		}
		return path, nil
	}
	return "", fmt.Errorf("export %s: %s has 999 files named %s already", e.Name, dir, base)
}
