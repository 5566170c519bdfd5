package render

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// TestColorBarTicks checks the labelled values: both ends of the scale,
// nice numbers between them on a linear scale, and on a log scale the
// minimum plus whole decades, each at its place on the scale.
func TestColorBarTicks(t *testing.T) {
	lin := ColorBarTicks(ColorScale{Min: -4, Max: 4})
	if len(lin) < 4 || lin[0].Value != -4 || lin[0].T != 0 || lin[len(lin)-1].Value != 4 || lin[len(lin)-1].T != 1 {
		t.Errorf("linear ticks %v, want -4 … 4 with nice values between", lin)
	}
	s := ColorScale{Min: 0, Max: 2500, Log: true}
	log := ColorBarTicks(s)
	want := []float64{0, 10, 100, 1000, 2500}
	if len(log) != len(want) {
		t.Fatalf("log ticks %v, want values %v", log, want)
	}
	for i, tk := range log {
		if math.Abs(tk.Value-want[i]) > 1e-9 || math.Abs(tk.T-s.At(tk.Value)) > 1e-12 {
			t.Errorf("log tick %d: %+v, want %g at %g", i, tk, want[i], s.At(want[i]))
		}
	}
}

// TestDrawColorBar draws a bar and checks its colours (Viridis' dark end
// at the bottom, its bright end at the top) and that its end labels are
// written beside it.
func TestDrawColorBar(t *testing.T) {
	dst := newCanvas(120, 220)
	s := ColorScale{Min: 0.5, Max: 812}
	rect := image.Rect(10, 10, 10+ColorBarWidth(s), 210)
	DrawColorBar(dst, rect, s, "loss")
	img := readImage(dst)
	lh := int(LineHeight())
	barTop := rect.Min.Y + lh + colorBarGap
	if got := pixel(img, 16, 207); !near(got, Viridis(0), 10) {
		t.Errorf("bar bottom %v, want Viridis(0) %v", got, Viridis(0))
	}
	if got := pixel(img, 16, barTop+2); !near(got, Viridis(1), 20) {
		t.Errorf("bar top %v, want Viridis(1) %v", got, Viridis(1))
	}
	labelX := image.Rect(10+colorBarWidth+tickLength+colorBarLabel, 0, rect.Max.X, 0)
	for _, y := range []int{barTop, rect.Max.Y - lh} {
		if !inked(img, image.Rect(labelX.Min.X, y, labelX.Max.X, y+lh)) {
			t.Errorf("no label text beside the bar at y %d", y)
		}
	}
	if ColorBarWidth(s) < colorBarWidth+int(TextWidth("812")) {
		t.Errorf("ColorBarWidth %d leaves no room for the labels", ColorBarWidth(s))
	}
}

// TestDrawCross draws a divergence cross and checks its colour at the
// centre and at the ends of both diagonals.
func TestDrawCross(t *testing.T) {
	dst := newCanvas(60, 60)
	v := Viewport{XMin: 0, XMax: 1, YMin: 0, YMax: 1, Rect: image.Rect(0, 0, 60, 60)}
	red := Viridis(1)
	DrawCross(dst, v, 0.5, 0.5, red)
	img := readImage(dst)
	for _, p := range [][2]int{{30, 30}, {25, 25}, {35, 25}, {25, 35}, {35, 35}} {
		if got := pixel(img, p[0], p[1]); !near(got, red, 30) {
			t.Errorf("cross at %v is %v, want %v", p, got, red)
		}
	}
	if got := pixel(img, 30, 22); got != backgroundColor {
		t.Errorf("the cross reaches (30, 22): %v", got)
	}
}

// near reports whether p is within tol of c in each of R, G and B.
func near(p, c color.RGBA, tol int) bool {
	d := func(a, b uint8) bool { return int(a)-int(b) <= tol && int(b)-int(a) <= tol }
	return d(p.R, c.R) && d(p.G, c.G) && d(p.B, c.B)
}

// inked reports whether r holds a pixel of light text (each channel over
// 0xb0), a label drawn in theme.Ink.
func inked(img *image.RGBA, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := img.RGBAAt(x, y); c.R > 0xb0 && c.G > 0xb0 && c.B > 0xb0 {
				return true
			}
		}
	}
	return false
}
