//go:build !nogui

package main

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/descent-playground/descent/playground"
)

// plotArea is where the playground draws the loss surface in its 1280×800
// window at scale 1, as its layout (playground/layout.go) places it for
// Himmelblau with the default 13 px text: right of the 320 px panel, an 8
// px margin and 43 px of y axis, below an 8 px margin, and square (the
// surface's two parameters share units), as tall as the window less the
// x axis, the status table, the message and status lines. The playground
// does not export its layout, so this copies it; checkPlotArea checks it
// against the screenshot on every side.
var plotArea = image.Rect(371, 8, 913, 550)

// TestScreenshot runs the native playground for 30 frames with the race
// playing, writes the screen, and checks the PNG: the window's size, many
// colours (a heatmap, not a blank screen), and Adam's path. The legend and
// the loss curves hold Adam's colour too, so the path is looked for only on
// the surface, where a screenshot of the same frames without the race does
// not have that colour, and it must reach farther than the ring and arrows
// at Adam's current point can.
func TestScreenshot(t *testing.T) {
	adam := racerColour(t, "himmelblau", "adam")
	played := screenshot(t, "--play")
	b := played.Bounds()
	if b.Dx() < 640 || b.Dy() < 400 {
		t.Fatalf("screenshot is %v, want the 1280×800 window", b)
	}
	colours := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			colours[rgb(played, x, y)] = true
		}
	}
	if len(colours) < 300 {
		t.Errorf("screenshot has %d colours, want the surface and paths", len(colours))
	}
	still := screenshot(t)
	checkPlotArea(t, still)
	// Adam's pixels on the surface that the race put there.
	var found image.Rectangle
	n := 0
	for y := plotArea.Min.Y; y < plotArea.Max.Y; y++ {
		for x := plotArea.Min.X; x < plotArea.Max.X; x++ {
			if near(rgb(played, x, y), adam) && !near(rgb(still, x, y), adam) {
				found = found.Union(image.Rect(x, y, x+1, y+1))
				n++
			}
		}
	}
	// The ring (radius 5, cased) and the arrows (36 px) around Adam's
	// current point fit in 45 px each way.
	if reach := max(found.Dx(), found.Dy()); reach <= 80 {
		t.Errorf("the Adam racer's path is missing: %d pixels of its colour %v on the surface, spanning %v (%d px), want a path longer than 80 px", n, adam, found, reach)
	} else {
		t.Logf("the Adam racer's colour %v: %d pixels on the surface, spanning %v (%d px)", adam, n, found, reach)
	}
}

// screenshot runs the playground on Himmelblau for 30 frames with flags
// added and returns the picture it writes.
func screenshot(t *testing.T, flags ...string) image.Image {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shot.png")
	args := append([]string{"--screenshot", path, "--frames", "30", "--scenario", "himmelblau"}, flags...)
	if _, errOut, code := runChild(t, nil, args...); code != 0 {
		t.Fatalf("descent %s: exit %d\n%s(graphics tests need a display: run under xvfb-run, as make test does)", strings.Join(args, " "), code, errOut)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// checkPlotArea checks that plotArea is where the surface is: the heatmap
// covers it, and the screen's background lies just outside it on every
// side (left and below, where the axes' tick marks are, on most rows and
// columns).
func checkPlotArea(t *testing.T, img image.Image) {
	t.Helper()
	bg := rgb(img, img.Bounds().Max.X-2, 1) // the top right corner, in the margin
	in := plotArea.Inset(2)
	for y := in.Min.Y; y < in.Max.Y; y++ {
		for x := in.Min.X; x < in.Max.X; x++ {
			if rgb(img, x, y) == bg {
				t.Fatalf("the background colour %v is at (%d, %d) inside plotArea %v: the playground's layout changed, update plotArea", bg, x, y, plotArea)
			}
		}
	}
	for y := plotArea.Min.Y; y < plotArea.Max.Y; y++ {
		if x := plotArea.Max.X + 4; rgb(img, x, y) != bg {
			t.Fatalf("(%d, %d), right of plotArea %v, is not the background %v: the playground's layout changed, update plotArea", x, y, plotArea, bg)
		}
	}
	for x := plotArea.Min.X; x < plotArea.Max.X; x++ {
		if y := plotArea.Min.Y - 4; rgb(img, x, y) != bg {
			t.Fatalf("(%d, %d), above plotArea %v, is not the background %v: the playground's layout changed, update plotArea", x, y, plotArea, bg)
		}
	}
	// The tick marks reach 4 px out from the frame, so look 2 px out.
	left, below := 0, 0
	for y := plotArea.Min.Y; y < plotArea.Max.Y; y++ {
		if rgb(img, plotArea.Min.X-2, y) == bg {
			left++
		}
	}
	for x := plotArea.Min.X; x < plotArea.Max.X; x++ {
		if rgb(img, x, plotArea.Max.Y+1) == bg {
			below++
		}
	}
	if left < plotArea.Dy()*9/10 || below < plotArea.Dx()*9/10 {
		t.Fatalf("just left of plotArea %v, %d of %d pixels are the background %v, and just below it %d of %d: the playground's layout changed, update plotArea", plotArea, left, plotArea.Dy(), bg, below, plotArea.Dx())
	}
}

// racerColour is the colour of the named optimizer's racer on the
// scenario, as the playground gives it, and fails the test unless the
// scenario races that optimizer.
func racerColour(t *testing.T, scenario, optimizer string) [3]uint32 {
	t.Helper()
	w, err := playground.NewWorld(scenario)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range w.Racers {
		if r.Spec.Name == optimizer {
			if !r.Enabled {
				t.Fatalf("%s does not race %s by default", scenario, optimizer)
			}
			return [3]uint32{uint32(r.Color.R), uint32(r.Color.G), uint32(r.Color.B)}
		}
	}
	t.Fatalf("no %s racer on %s", optimizer, scenario)
	return [3]uint32{}
}

func rgb(img image.Image, x, y int) [3]uint32 {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]uint32{r >> 8, g >> 8, b >> 8}
}

// near reports whether a and b are less than 20 apart in each channel.
func near(a, b [3]uint32) bool {
	return absDiff(a[0], b[0]) < 20 && absDiff(a[1], b[1]) < 20 && absDiff(a[2], b[2]) < 20
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
