package render

import (
	"math"
	"testing"
)

// TestHeatmapPixels checks orientation (image row 0 is y = YMax), colours
// (Viridis of the scale) and NaN grey on a 3×2 field.
func TestHeatmapPixels(t *testing.T) {
	f := Field{Values: []float64{0, 1, 2, 3, math.NaN(), 5}, Cols: 3, Rows: 2, XMin: 0, XMax: 1, YMin: 0, YMax: 1}
	s := ColorScale{Min: 0, Max: 5}
	pix := make([]byte, 4*6)
	HeatmapPixels(pix, f, s)
	at := func(x, y int) [4]byte { i := 4 * (y*3 + x); return [4]byte(pix[i : i+4]) }
	want := func(v float64) [4]byte { c := Viridis(s.At(v)); return [4]byte{c.R, c.G, c.B, c.A} }
	checks := []struct {
		x, y int
		want [4]byte
	}{
		{0, 1, want(0)}, {2, 1, want(2)}, // bottom image row is field row 0
		{0, 0, want(3)}, {2, 0, want(5)}, // top image row is field row 1
		{1, 0, [4]byte{0x80, 0x80, 0x80, 0xff}},
	}
	for _, c := range checks {
		if got := at(c.x, c.y); got != c.want {
			t.Errorf("pixel (%d,%d) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}
