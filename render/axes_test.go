package render

import (
	"image"
	"image/color"
	"testing"
)

// TestPlotGolden renders a data-fitting plot (axes with labels, scatter
// points, a fitted line, a gradient arrow and aligned text) and compares it
// with testdata/plot.png.
func TestPlotGolden(t *testing.T) {
	dst := newCanvas(260, 200)
	v := Viewport{XMin: 0, XMax: 5, YMin: 0, YMax: 6, Rect: image.Rect(56, 10, 250, 160)}
	DrawAxes(dst, v, "x", "y")
	xs := []float64{1, 2, 3, 4, 5}
	ys := []float64{2.5, 3.1, 4.2, 4.4, 5.6}
	DrawLine(dst, v, 0.71, 1.85, color.RGBA{0xf7, 0xb8, 0x01, 0xff})
	DrawScatter(dst, v, xs, ys, color.RGBA{0x4c, 0xc9, 0xf0, 0xff})
	ax, ay := v.ToScreen(1, 5)
	DrawArrow(dst, ax, ay, ax+30, ay+20, 2, color.White)
	DrawText(dst, "left", 60, 12, theme.Ink, AlignLeft)
	DrawText(dst, "centre", 153, 12, theme.Ink, AlignCenter)
	DrawText(dst, "right", 248, 12, theme.Ink, AlignRight)
	checkGolden(t, "plot.png", readImage(dst))
}

// TestDrawTextAlign checks that the alignments put the text's left edge,
// centre or right edge at x, using TextWidth.
func TestDrawTextAlign(t *testing.T) {
	const s = "Descent"
	w := TextWidth(s)
	if w < 30 || w > 80 {
		t.Fatalf("TextWidth(%q) = %v, want a 13 px font's 30–80", s, w)
	}
	if h := LineHeight(); h < 12 || h > 20 {
		t.Errorf("LineHeight() = %v, want 12–20", h)
	}
	for _, c := range []struct {
		align Align
		left  float64 // where the text starts for x = 100
	}{{AlignLeft, 100}, {AlignCenter, 100 - w/2}, {AlignRight, 100 - w}} {
		dst := newCanvas(200, 30)
		DrawText(dst, s, 100, 5, color.White, c.align)
		lo, hi := inkColumns(readImage(dst))
		if float64(lo) < c.left-2 || float64(lo) > c.left+3 || float64(hi) > c.left+w+2 {
			t.Errorf("align %d: ink in columns [%d, %d], want from %.0f to at most %.0f", c.align, lo, hi, c.left, c.left+w)
		}
	}
}

// inkColumns returns the first and last columns of img that differ from the
// background.
func inkColumns(img *image.RGBA) (lo, hi int) {
	lo, hi = img.Rect.Max.X, -1
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			if img.RGBAAt(x, y) != backgroundColor {
				lo, hi = min(lo, x), max(hi, x)
			}
		}
	}
	return lo, hi
}
