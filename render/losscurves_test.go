package render

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// lossSeries returns three loss curves of n steps: a smooth exponential
// decay, a noisy one, and one with NaN and infinite values that must break
// the curve.
func lossSeries(n int) []Series {
	smooth := Series{Color: color.RGBA{0xe6, 0x39, 0x46, 0xff}, Name: "SGD"}
	noisy := Series{Color: color.RGBA{0x4c, 0xc9, 0xf0, 0xff}, Name: "Adam"}
	broken := Series{Color: color.RGBA{0xf7, 0xb8, 0x01, 0xff}, Name: "RMSprop"}
	for i := range n {
		x := float64(i)
		smooth.Values = append(smooth.Values, 20*math.Pow(0.99, x)+0.01)
		noisy.Values = append(noisy.Values, 5*math.Pow(0.995, x)*(1+0.5*math.Sin(1.7*x)))
		v := 2 * math.Pow(0.98, x)
		switch {
		case i%50 == 25:
			v = math.NaN()
		case i%50 == 40:
			v = math.Inf(1)
		}
		broken.Values = append(broken.Values, v)
	}
	return []Series{smooth, noisy, broken}
}

// TestDrawLossCurvesGolden renders three loss curves on a log axis with
// the chart's legend and compares them with testdata/loss.png.
func TestDrawLossCurvesGolden(t *testing.T) {
	dst := newCanvas(240, 180)
	DrawLossChart(dst, image.Rect(0, 0, 240, 180), lossSeries(600), ChartOptions{Log: true, Legend: true})
	checkGolden(t, "loss.png", readImage(dst))
}

// TestDrawLossCurvesEmpty checks that no series, or only non-positive
// values, draw the panel without panicking.
func TestDrawLossCurvesEmpty(t *testing.T) {
	dst := newCanvas(120, 90)
	DrawLossCurves(dst, image.Rect(0, 0, 120, 90), nil)
	DrawLossCurves(dst, image.Rect(0, 0, 120, 90), []Series{{Values: []float64{0, -1, math.NaN()}}})
	DrawLossCurves(dst, image.Rect(0, 0, 10, 10), lossSeries(10))
	if c := pixel(readImage(dst), 60, 45); c == backgroundColor {
		t.Error("no panel drawn")
	}
}

// TestTraceLossDecimates checks that a long noisy series costs a bounded
// number of path points: four per pixel column at most.
func TestTraceLossDecimates(t *testing.T) {
	v := Viewport{XMin: 0, XMax: 99999, YMin: -3, YMax: 2, Rect: image.Rect(0, 0, 200, 100)}
	values := make([]float64, 100000)
	for i := range values {
		values[i] = 1 + 0.9*math.Sin(float64(i)*0.37)
	}
	var l polyline
	traceLoss(&l, v, Series{Values: values}, LossAxis{Log: true})
	if n := len(l.segs); n > 4*200 || n < 200 {
		t.Errorf("%d segments for 200 columns, want between 200 and 800", n)
	}
}
