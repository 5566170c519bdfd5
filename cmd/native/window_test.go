//go:build !nogui

package main

import (
	"bytes"
	"encoding/json"
	"image"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/descent-playground/descent/playground"
)

// hasWindow says that this build opens the window (see nogui_test.go).
const hasWindow = true

// sharedState is a state a page could have written: a 3-D view turned and
// zoomed, Adam's rates changed, a moved start and 60 steps raced.
func sharedState(t *testing.T) playground.State {
	t.Helper()
	w, err := playground.NewWorld("himmelblau")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range w.Racers {
		if r.Spec.Name == "adam" {
			r.Hyper["lr"], r.Hyper["beta1"] = 0.3, 0.7
		}
	}
	w.Show3D, w.Camera = true, w.Camera.Orbit(-80, 15).Zoom(1)
	w.SetStart(-0.5, 0.25)
	w.Advance(60)
	return w.State()
}

func windowOpts(t *testing.T, args ...string) (opts playground.Options, code int, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	opts, code = windowOptions(args, &out, &errb)
	return opts, code, errb.String()
}

// TestWindowOpensLinkAndStateFile checks that --url and --state open the
// state exactly, that the state's flags apply over them, and that the
// problems of a link are reported and left at their defaults while those
// of a flag end the program.
func TestWindowOpensLinkAndStateFile(t *testing.T) {
	want := sharedState(t)
	link := "http://127.0.0.1:8080/#" + playground.EncodeLink(want)
	opts, code, errOut := windowOpts(t, "--url", link)
	if code != -1 || errOut != "" || !reflect.DeepEqual(*opts.State, want) {
		t.Errorf("--url: code %d, stderr %q, state equal %v", code, errOut, reflect.DeepEqual(*opts.State, want))
	}
	data, err := json.MarshalIndent(want, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	opts, code, errOut = windowOpts(t, "--state", file)
	if code != -1 || errOut != "" || !reflect.DeepEqual(*opts.State, want) {
		t.Errorf("--state: code %d, stderr %q, state equal %v", code, errOut, reflect.DeepEqual(*opts.State, want))
	}

	opts, code, _ = windowOpts(t, "--adam.lr", "0.5", "--url", link, "--3d=false", "--play")
	if s := opts.State; code != -1 || s.Show3D || !s.Playing || s.Scenario != "himmelblau" || adamLR(s) != 0.5 {
		t.Errorf("flags over a link: code %d, state %+v", code, s)
	}
	opts, code, _ = windowOpts(t, "--scenario", "Blobs", "--batch-size", "4", "--variant", "minibatch")
	if s := opts.State; code != -1 || s.Scenario != "blobs" || s.Settings.BatchSize != 4 || s.Settings.Variant != "minibatch" {
		t.Errorf("flags alone: code %d, state %+v", code, s)
	}

	opts, code, errOut = windowOpts(t, "--url", link+"&bogus=1&adam.b1=2")
	if code != -1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, `"bogus" is not a setting`) || !strings.Contains(errOut, "adam.b1=2") {
		t.Errorf("a link with bad keys: code %d, stderr %q; want one line naming both", code, errOut)
	}
	if s := opts.State; s.Scenario != "himmelblau" || !s.Show3D || adamLR(s) != 0.3 {
		t.Errorf("a link with bad keys lost the rest: %+v", s)
	}
	for _, args := range [][]string{
		{"--url", link, "--state", file},
		{"--speed", "3"},
		{"--scenario", "classic", "--view", "convergence"},
		{"--state", filepath.Join(t.TempDir(), "missing.json")},
	} {
		if _, code, errOut := windowOpts(t, args...); code != 2 || errOut == "" {
			t.Errorf("%v: code %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
	var out bytes.Buffer
	if _, code := windowOptions([]string{"-h"}, &out, &out); code != 0 || !strings.Contains(out.String(), "--url") ||
		!strings.Contains(out.String(), "--batch-size") || strings.Contains(out.String(), "--adam.lr\n") {
		t.Errorf("help: code %d\n%s", code, out.String())
	}
}

func adamLR(s *playground.State) float64 {
	for _, r := range s.Racers {
		if r.Optimizer == "adam" {
			return r.Hyper["lr"]
		}
	}
	return 0
}

// TestScreenshotOfLinkAndStateFile runs the window on a link and on the
// same state in a file: the two pictures are the same (but for the status
// line, which shows the frame rate), and differ from the default view's.
func TestScreenshotOfLinkAndStateFile(t *testing.T) {
	st := sharedState(t)
	data, _ := json.Marshal(st)
	file := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fromLink := screenshot(t, "--url", "#"+playground.EncodeLink(st))
	fromFile := screenshot(t, "--state", file)
	plain := screenshot(t)
	if d := differentPixels(fromLink, fromFile); d != 0 {
		t.Errorf("the link's and the state file's pictures differ in %d pixels", d)
	}
	if d := differentPixels(fromLink, plain); d < 10000 {
		t.Errorf("the link's picture differs from the default one in only %d pixels", d)
	}
}

// differentPixels counts the pixels that differ above the status line
// (the bottom 30 pixels).
func differentPixels(a, b image.Image) int {
	n := 0
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y-30; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if rgb(a, x, y) != rgb(b, x, y) {
				n++
			}
		}
	}
	return n
}
