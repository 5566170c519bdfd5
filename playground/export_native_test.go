//go:build !js

package playground

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestExportKeysSaveFiles types x twice and p once: the run's CSV and JSON
// are saved in the export folder under the scenario's and step's name,
// the second time beside the first rather than over it, the view's PNG
// after the next frame, and the message line says where.
func TestExportKeysSaveFiles(t *testing.T) {
	g, screen := raced(t, "beale", 640, 400, 5)
	dir := t.TempDir()
	g.opts.ExportDir = dir
	base := "descent-beale-step" + strconv.Itoa(g.World().Steps())
	for _, keys := range []string{"x", "x", "p"} {
		g.chars = []rune(keys)
		g.handleExportKeys(0)
		g.chars = nil
		frame(t, g, screen)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{base + "-2.csv", base + "-2.json", base + ".csv", base + ".json", base + ".png"}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("saved %v, want %v", names, want)
	}
	if msg, _ := g.messageLine(); msg != "saved "+filepath.Join(dir, base+".png") {
		t.Errorf("the message line says %q", msg)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, base+".csv")); !strings.HasPrefix(string(data), "optimizer,step,") {
		t.Errorf("the CSV begins %q", data[:min(len(data), 40)])
	}
}
