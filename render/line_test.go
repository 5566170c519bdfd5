package render

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// TestDrawLinePixels checks y = slope·x + intercept against its closed
// form: pixels on the line have its colour, the line stops at the viewport,
// and steep or non-finite lines do not misbehave.
func TestDrawLinePixels(t *testing.T) {
	dst := newCanvas(200, 150)
	v := Viewport{XMin: 0, XMax: 10, YMin: 0, YMax: 10, Rect: image.Rect(0, 0, 200, 100)}
	green := color.RGBA{0x30, 0xe0, 0x60, 0xff}
	DrawLine(dst, v, 0.5, 2, green)
	DrawLine(dst, v, 1e12, -5e12, green) // nearly vertical at x = 5
	DrawLine(dst, v, math.NaN(), 0, green)
	got := readImage(dst)
	for _, x := range []float64{1, 3, 8} {
		sx, sy := v.ToScreen(x, 0.5*x+2)
		if c := pixel(got, int(sx), int(sy)); !closeRGBA(c, green, 40) {
			t.Errorf("pixel at x=%v (%v,%v) = %v, want about %v", x, sx, sy, c, green)
		}
	}
	if c := pixel(got, 100, 50); !closeRGBA(c, green, 40) {
		t.Errorf("vertical line pixel = %v, want about %v", c, green)
	}
	for x := 0; x < 200; x += 5 {
		if c := pixel(got, x, 120); c != backgroundColor {
			t.Fatalf("pixel (%d,120) below the viewport = %v: not clipped", x, c)
		}
	}
}

// TestClipSegment checks the Liang–Barsky clip against hand-worked cases.
func TestClipSegment(t *testing.T) {
	b := box{0, 0, 10, 10}
	cases := []struct {
		in   [4]float64
		want [4]float64
		ok   bool
	}{
		{[4]float64{1, 1, 9, 9}, [4]float64{1, 1, 9, 9}, true},
		{[4]float64{-10, 5, 20, 5}, [4]float64{0, 5, 10, 5}, true},
		{[4]float64{-5, -5, 15, 15}, [4]float64{0, 0, 10, 10}, true},
		{[4]float64{-5, 20, 20, 20}, [4]float64{}, false},
		{[4]float64{11, 0, 20, 9}, [4]float64{}, false},
		{[4]float64{math.NaN(), 0, 5, 5}, [4]float64{}, false},
	}
	for _, c := range cases {
		x0, y0, x1, y1, ok := b.clipSegment(c.in[0], c.in[1], c.in[2], c.in[3])
		if ok != c.ok || (ok && [4]float64{x0, y0, x1, y1} != c.want) {
			t.Errorf("clip %v = %v %v, want %v %v", c.in, [4]float64{x0, y0, x1, y1}, ok, c.want, c.ok)
		}
	}
}
