package render

import (
	"image"
	"image/color"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// lightScene draws the light theme's golden scene on a 400×240 canvas:
// the bowl's heatmap with contours, axes, a path and the minimum, the
// colour bar, a legend, and the loss chart with its legend.
func lightScene() *image.RGBA {
	defer SetTheme(CurrentTheme())
	SetTheme(LightTheme)
	dst := ebiten.NewImage(400, 240)
	dst.Fill(LightTheme.Background)
	v := Viewport{XMin: -2, XMax: 2, YMin: -2, YMax: 2, Rect: image.Rect(44, 8, 184, 148)}
	layer := NewSurfaceLayer(bowlField(), false, 8)
	layer.Draw(dst, v)
	DrawAxes(dst, v, "x", "y")
	yellow := color.RGBA{0xf0, 0xe4, 0x42, 0xff}
	DrawPath(dst, v, spiralPath(LightTheme.Accent(yellow)), true)
	DrawMinimum(dst, v, 0, 0)
	DrawColorBar(dst, image.Rect(190, 8, 190+ColorBarWidth(layer.Scale()), 148), layer.Scale(), "loss")
	DrawLegend(dst, image.Pt(60, 200), []LegendEntry{{Name: "spiral", Color: LightTheme.Accent(yellow)}})
	series := lossSeries(300)
	for i := range series {
		series[i].Color = LightTheme.Accent(series[i].Color)
	}
	DrawLossChart(dst, image.Rect(250, 8, 396, 232), series, ChartOptions{Log: true, Legend: true})
	return readImage(dst)
}

// TestLightThemeGolden renders a surface with axes, path, minimum, colour
// bar, legend and loss chart in the light theme and compares it with
// testdata/light.png; it also checks what makes the theme readable on a
// projector: dark text on a white background.
func TestLightThemeGolden(t *testing.T) {
	got := lightScene()
	checkGolden(t, "light.png", got)
	if c := got.RGBAAt(2, 2); c != LightTheme.Background {
		t.Errorf("background %v, want the light theme's %v", c, LightTheme.Background)
	}
	dark := 0
	for y := 150; y < 200; y++ { // the x axis' numbers and label
		for x := 44; x < 184; x++ {
			if c := got.RGBAAt(x, y); int(c.R)+int(c.G)+int(c.B) < 3*128 {
				dark++
			}
		}
	}
	if dark < 40 {
		t.Errorf("%d dark text pixels under the surface, want the axis' numbers in dark ink", dark)
	}
}

// TestAccentContrast checks that the light theme darkens every racer
// colour of the playground's palette to a contrast of at least 3:1 on its
// panels, keeps already dark ones, and that the dark theme leaves colours
// as they are.
func TestAccentContrast(t *testing.T) {
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	for _, c := range []color.RGBA{
		{0xe6, 0x9f, 0x00, 0xff}, {0x56, 0xb4, 0xe9, 0xff}, {0x00, 0x9e, 0x73, 0xff}, {0xf0, 0xe4, 0x42, 0xff},
		{0xd5, 0x5e, 0x00, 0xff}, {0xcc, 0x79, 0xa7, 0xff}, {0x00, 0x72, 0xb2, 0xff}, {0xff, 0xaa, 0xbb, 0xff},
	} {
		a := LightTheme.Accent(c)
		if r := Contrast(a, white); r < 3 {
			t.Errorf("light accent of %v is %v, contrast %.2f on white, want ≥ 3", c, a, r)
		}
		if Contrast(c, white) >= 3.2 && a != c {
			t.Errorf("light accent changed %v (contrast %.2f) to %v", c, Contrast(c, white), a)
		}
		if d := DarkTheme.Accent(c); d != c {
			t.Errorf("dark accent changed %v to %v", c, d)
		}
	}
}
