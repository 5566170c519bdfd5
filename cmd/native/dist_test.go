//go:build !nogui

package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// distEnv names the binary that TestDistBinary checks: make dist-test sets
// it to dist/descent-linux-amd64.
const distEnv = "DESCENT_DIST_BINARY"

// TestDistBinary checks a binary built by make dist (pure Go, stripped,
// stamped) against this source: "descent run" prints the classic
// example's numbers, a JSON run is byte for byte this build's, "descent
// version" prints the stamp, and the window under Xvfb writes a screenshot
// of this build's size with the surface where this build draws it. It is
// skipped unless DESCENT_DIST_BINARY names the binary.
func TestDistBinary(t *testing.T) {
	bin := os.Getenv(distEnv)
	if bin == "" {
		t.Skip(distEnv + " is not set (make dist-test sets it)")
	}
	out, errOut, code := runBinary(t, bin, "run")
	if code != 0 || out != "Optimized slope: 0.71, intercept: 1.85\n" || errOut != "" {
		t.Fatalf("%s run: exit %d, stdout %q, stderr %q", bin, code, out, errOut)
	}
	args := []string{"run", "--model", "surface", "--surface", "rosenbrock", "--optimizer", "adam", "--lr", "0.02", "--steps", "300", "--format", "json"}
	got, _, code := runBinary(t, bin, args...)
	want, _, wantCode := runChild(t, nil, args...)
	if code != wantCode || got != want {
		t.Errorf("%s: exit %d and %d bytes, this build: exit %d and %d bytes; they differ", strings.Join(args, " "), code, len(got), wantCode, len(want))
	}
	if v, _, _ := runBinary(t, bin, "version"); !strings.HasPrefix(v, "descent ") || strings.TrimSpace(v) == "descent dev" {
		t.Errorf("version: %q, want the stamp of git describe", v)
	}
	path := filepath.Join(t.TempDir(), "dist.png")
	if _, errOut, code := runBinary(t, bin, "--screenshot", path, "--frames", "30", "--scenario", "himmelblau"); code != 0 {
		t.Fatalf("%s --screenshot: exit %d\n%s(it needs a display: make dist-test runs it under xvfb-run)", bin, code, errOut)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot: %v", err)
	}
	if ref := screenshot(t); img.Bounds() != ref.Bounds() {
		t.Errorf("the screenshot is %v, this build's %v", img.Bounds(), ref.Bounds())
	}
	if n := colourCount(img); n < 300 {
		t.Errorf("the screenshot has %d colours, want a heatmap (at least 300)", n)
	}
	checkPlotArea(t, img)
}

// runBinary runs a program and returns its output and exit status.
func runBinary(t *testing.T, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// colourCount counts the colours of every fourth pixel each way.
func colourCount(img image.Image) int {
	b := img.Bounds()
	colours := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			colours[rgb(img, x, y)] = true
		}
	}
	return len(colours)
}
