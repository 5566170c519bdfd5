package render

import (
	"image"
	"image/color"
	"testing"
)

// TestDrawPathPixels checks that a horizontal path is drawn in its colour
// along its line, with a ring at its last point, and is clipped to the
// viewport.
func TestDrawPathPixels(t *testing.T) {
	dst := newCanvas(200, 150)
	v := Viewport{XMin: -2, XMax: 2, YMin: -2, YMax: 2, Rect: image.Rect(0, 0, 200, 120)}
	pink := color.RGBA{0xff, 0x20, 0x90, 0xff}
	// y = 1 is screen row 30 (120 - 3/4·120): the 2 px line covers rows 29 and 30.
	DrawPath(dst, v, Path{Points: [][2]float64{{-1.5, 1}, {0, 1}, {1, 1}, {5, 1}}, Color: pink}, false)
	// y = -3 is screen row 150, outside the viewport's rows 0–119.
	DrawPath(dst, v, Path{Points: [][2]float64{{-1.5, -3}, {1.5, -3}}, Color: pink}, false)
	got := readImage(dst)
	for _, x := range []int{40, 80, 100, 150} {
		for _, y := range []int{29, 30} {
			if c := pixel(got, x, y); !closeRGBA(c, pink, 2) {
				t.Errorf("pixel (%d,%d) on the path = %v, want %v", x, y, c, pink)
			}
		}
	}
	if c := pixel(got, 100, 60); c != backgroundColor {
		t.Errorf("pixel off the path = %v, want the background %v", c, backgroundColor)
	}
	if c := pixel(got, 10, 30); c != backgroundColor {
		t.Errorf("pixel before the path's start = %v, want the background", c)
	}
	for x := 0; x < 200; x += 7 {
		if c := pixel(got, x, 125); c != backgroundColor {
			t.Fatalf("pixel (%d,125) below the viewport = %v: not clipped", x, c)
		}
	}
}

// TestDrawPathMarkers checks the current-point ring: the last point (0, 0)
// is at screen (100, 60); the ring of radius 5 passes through (105, 60) and
// leaves the centre unpainted.
func TestDrawPathMarkers(t *testing.T) {
	dst := newCanvas(200, 120)
	v := Viewport{XMin: -2, XMax: 2, YMin: -2, YMax: 2, Rect: image.Rect(0, 0, 200, 120)}
	cyan := color.RGBA{0x20, 0xe0, 0xff, 0xff}
	DrawPath(dst, v, Path{Points: [][2]float64{{0, 1.9}, {0, 1}, {0, 0}}, Color: cyan}, true)
	got := readImage(dst)
	if c := pixel(got, 105, 60); !closeRGBA(c, cyan, 40) {
		t.Errorf("ring pixel = %v, want about %v", c, cyan)
	}
	if c := pixel(got, 100, 30); !closeRGBA(c, cyan, 2) {
		t.Errorf("dot at (0, 1) = %v, want %v", c, cyan)
	}
}
