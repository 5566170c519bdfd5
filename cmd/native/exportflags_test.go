//go:build !nogui

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image/gif"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/descent-playground/descent/playground"
)

// TestExportFlags runs the window with --gif and --export-run (and the
// screenshot) after 20 frames of a race, and reads what it wrote: a GIF of
// the window's size with the frames asked for, the run's CSV and JSON with
// every racer of the race, at the step the race reached.
func TestExportFlags(t *testing.T) {
	dir := t.TempDir()
	gifPath, csvPath, jsonPath, shot := filepath.Join(dir, "race.gif"), filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.json"), filepath.Join(dir, "shot.png")
	common := []string{"--scenario", "himmelblau", "--play", "--frames", "20"}
	if _, errOut, code := runChild(t, nil, append(common, "--gif", gifPath, "--gif-frames", "9", "--export-run", csvPath, "--screenshot", shot)...); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if _, errOut, code := runChild(t, nil, append(common, "--export-run", jsonPath)...); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	data, err := os.ReadFile(gifPath)
	if err != nil {
		t.Fatal(err)
	}
	a, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Image) != 9 || a.Config.Width*a.Config.Height < 640*400 {
		t.Errorf("the GIF has %d frames of %d×%d, want 9 of the window's size", len(a.Image), a.Config.Width, a.Config.Height)
	}
	if _, err := os.Stat(shot); err != nil {
		t.Errorf("the screenshot beside the GIF: %v", err)
	}
	var race playground.RaceExport
	if data, err = os.ReadFile(jsonPath); err == nil {
		err = json.Unmarshal(data, &race)
	}
	if err != nil || race.Schema != playground.RaceSchema || len(race.Racers) < 3 || race.Steps < 20 {
		t.Fatalf("the JSON: %v; schema %q, %d racers, %d steps", err, race.Schema, len(race.Racers), race.Steps)
	}
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "optimizer,step,epoch,lr,x,y,batch_loss,loss" {
		t.Errorf("CSV header %v", rows[0])
	}
	racers := map[string]string{}
	for _, row := range rows[1:] {
		racers[row[0]] = row[1] // the last step of each
	}
	for _, r := range race.Racers {
		if racers[r.Optimizer] == "" {
			t.Errorf("the CSV has no rows of %s", r.Optimizer)
		}
	}
}

// TestExportFlagsRefused checks the export flags' one-line errors.
func TestExportFlagsRefused(t *testing.T) {
	for _, c := range []struct{ args, want string }{
		{"--export-run run.txt", `--export-run "run.txt": want a file ending in .csv, .json, .ipynb or .py`},
		{"--gif-frames 0", "--gif-frames 0: want 1 to 200"},
		{"--gif /no/such/folder/race.gif", `--gif: no folder "/no/such/folder"`},
		{"--export-run /no/such/run.csv", `--export-run: no folder "/no/such"`},
		{"--export-dir /no/such", `--export-dir: no folder "/no/such"`},
	} {
		var out, errOut bytes.Buffer
		if code := realMain(strings.Fields(c.args), &out, &errOut); code != 2 || errOut.String() != "descent: "+c.want+"\n" {
			t.Errorf("descent %s: exit %d, stderr %q; want 2 and %q", c.args, code, errOut.String(), c.want)
		}
	}
}
