package main

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// argsEnv carries a command line to the test binary run as "descent": the
// window must run on the process's main thread, so the screenshot test runs
// the program in a child process.
const argsEnv = "DESCENT_TEST_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(argsEnv); args != "" {
		os.Exit(realMain(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestScreenshot runs the native playground for 30 frames with the race
// playing, writes the screen, and checks the PNG: the window's size, many
// colours (a heatmap, not a blank screen), and the racers' colours.
func TestScreenshot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shot.png")
	if _, errOut, code := runChild(t, nil, "--screenshot", path, "--frames", "30", "--scenario", "himmelblau", "--play"); code != 0 {
		t.Fatalf("descent --screenshot: exit %d\n%s(graphics tests need a display: run under xvfb-run, as make test does)", code, errOut)
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
	b := img.Bounds()
	if b.Dx() < 640 || b.Dy() < 400 {
		t.Fatalf("screenshot is %v, want the 1280×800 window", b)
	}
	colours := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	if len(colours) < 300 {
		t.Errorf("screenshot has %d colours, want the surface and paths", len(colours))
	}
	// Adam's colour (Okabe–Ito reddish purple) must be on the picture.
	if !hasColour(img, 0xcc, 0x79, 0xa7) {
		t.Error("the Adam racer's path colour is missing")
	}
}

func hasColour(img image.Image, r, g, b uint32) bool {
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			if absDiff(pr>>8, r) < 20 && absDiff(pg>>8, g) < 20 && absDiff(pb>>8, b) < 20 {
				return true
			}
		}
	}
	return false
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
