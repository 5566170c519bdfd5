package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGridMatchesRunLoss checks "descent grid" against "descent run": the
// loss (with penalty) at a grid point equals the full-data loss a run
// records at step 0 when it starts there.
func TestGridMatchesRunLoss(t *testing.T) {
	dir := t.TempDir()
	for _, cfg := range []string{
		`{"model":"surface","surface":"rosenbrock"}`,
		`{"model":"linreg","data":"classic","l2":0.5}`,
		`{"model":"linreg","data":"linear","n":50,"l1":0.1}`,
	} {
		path := filepath.Join(dir, "c.json")
		os.WriteFile(path, []byte(cfg), 0o644)
		out, errOut, code := runCLI("grid", "--config", path, "--x", "-1,2", "--y", "-2,1", "--n", "4")
		if code != 0 {
			t.Fatalf("%s: exit %d, %s", cfg, code, errOut)
		}
		var g gridResult
		if err := json.Unmarshal([]byte(out), &g); err != nil || len(g.Loss) != 4 || len(g.Loss[0]) != 4 {
			t.Fatalf("%s: %v, %s", cfg, err, out)
		}
		// (X[2], Y[1]) = (1, -1).
		out, errOut, code = runCLI("run", "--config", path, "--start", "1,-1", "--steps", "1", "--full-loss", "every", "--format", "json")
		var r struct{ Loss []struct{ Loss float64 } }
		if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
			t.Fatalf("%s: run: exit %d, %s", cfg, code, errOut)
		}
		if got, want := g.Loss[1][2], r.Loss[0].Loss; math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: grid %v at (1,-1), run %v", cfg, got, want)
		}
	}
}

// TestGridErrors checks the one-line messages for bad input.
func TestGridErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--x", "1,0", "--y", "0,1"}, "--x 1,0: want LO,HI"},
		{[]string{"--x", "0,1"}, "--y: want LO,HI"},
		{[]string{"--x", "0,1e308", "--y", "0,1"}, "--x 0,1e308: want LO,HI with LO < HI and HI - LO ≤ 1e+300"},
		{[]string{"--x", "0,inf", "--y", "0,1"}, "--x 0,inf: want LO,HI with LO < HI and HI - LO ≤ 1e+300"},
		{[]string{"--x", "0,1", "--y", "0,1", "--n", "1"}, "--n 1: want 2 to 401"},
		{[]string{"--x", "0,1", "--y", "0,1", "--config", "/nonexistent.json"}, "--config"},
		{[]string{"--bogus"}, "bogus"},
	} {
		out, errOut, code := runCLI(append([]string{"grid"}, c.args...)...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want %q", c.args, code, errOut, c.want)
		}
	}
}
