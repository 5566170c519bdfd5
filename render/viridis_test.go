package render

import (
	"image/color"
	"math"
	"testing"
)

// TestViridis checks Viridis against matplotlib's published viridis:
// viridis(0) = #440154, viridis(1) = #fde725 and the midpoint
// viridis(0.5) = #21918c (matplotlib's listed colormap at entry 128), within
// one level per channel for the interpolated midpoint.
func TestViridis(t *testing.T) {
	cases := []struct {
		t    float64
		want color.RGBA
		tol  int
	}{
		{0, color.RGBA{0x44, 0x01, 0x54, 0xff}, 0},
		{1, color.RGBA{0xfd, 0xe7, 0x25, 0xff}, 0},
		{0.5, color.RGBA{0x21, 0x91, 0x8c, 0xff}, 1},
		{-3, color.RGBA{0x44, 0x01, 0x54, 0xff}, 0},         // clamped
		{7, color.RGBA{0xfd, 0xe7, 0x25, 0xff}, 0},          // clamped
		{math.NaN(), color.RGBA{0x44, 0x01, 0x54, 0xff}, 0}, // NaN counts as 0
	}
	for _, c := range cases {
		got := Viridis(c.t)
		if !closeRGBA(got, c.want, c.tol) {
			t.Errorf("Viridis(%v) = %v, want %v ±%d", c.t, got, c.want, c.tol)
		}
	}
}

// TestViridisMonotoneLightness checks viridis's defining property: its
// lightness rises monotonically (approximated by Rec. 709 luma).
func TestViridisMonotoneLightness(t *testing.T) {
	prev := -1.0
	for i := range 101 {
		c := Viridis(float64(i) / 100)
		luma := 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
		if luma < prev-0.5 {
			t.Fatalf("luma falls at t=%v: %v < %v", float64(i)/100, luma, prev)
		}
		prev = luma
	}
}

// closeRGBA reports whether a and b differ by at most tol in every channel.
func closeRGBA(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B) && d(a.A, b.A)
}
