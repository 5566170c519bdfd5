package render

import (
	"image"
	"math"
	"strings"
	"testing"
)

// TestLossAxis checks the chart's y range: a log axis in whole decades,
// at most maxLossDecades deep (no axis down to 1e-294), falling back to a
// linear one with a note when a loss is ≤ 0; a diverged series counting
// only up to its divergence point.
func TestLossAxis(t *testing.T) {
	decay := Series{Values: []float64{50, 5, 0.5, 0.05}}
	tiny := Series{Values: []float64{20, 1e-3, 1e-150, 1e-294}}
	negative := Series{Values: []float64{4, 1, -3, -30}}
	blowUp := Series{Values: []float64{30, 60, 1e5, 1e13}, Diverged: true, DivergedAt: 1}
	tests := []struct {
		name     string
		series   []Series
		log      bool
		min, max float64
		wantLog  bool
		note     bool
	}{
		{"log decades", []Series{decay}, true, 0.01, 100, true, false},
		{"linear", []Series{decay}, false, 0.05 - 0.05*49.95, 50 + 0.05*49.95, false, false},
		{"twelve decades at most", []Series{tiny}, true, 1e-10, 100, true, false},
		{"a loss below zero", []Series{decay, negative}, true, -30 - 0.05*80, 50 + 0.05*80, false, true},
		{"diverged series counts up to its point", []Series{decay, blowUp}, true, 0.01, 100, true, false},
		{"diverged alone", []Series{blowUp}, true, 10, 100, true, false},
	}
	for _, tc := range tests {
		a := NewLossAxis(tc.series, tc.log)
		if math.Abs(a.Min-tc.min) > 1e-9*math.Abs(tc.min) || math.Abs(a.Max-tc.max) > 1e-9*math.Abs(tc.max) ||
			a.Log != tc.wantLog || (a.Note != "") != tc.note || a.LastStep != 3 {
			t.Errorf("%s: axis %+v, want [%g, %g] log %v note %v", tc.name, a, tc.min, tc.max, tc.wantLog, tc.note)
		}
	}
	if a := NewLossAxis(nil, true); !a.Empty {
		t.Errorf("no series: %+v", a)
	}
}

// TestLossChartTitleSaysFallback draws a chart with a negative loss on an
// asked-for log scale: the chart reports the linear axis and its note.
func TestLossChartTitleSaysFallback(t *testing.T) {
	dst := newCanvas(300, 200)
	info := DrawLossChart(dst, image.Rect(0, 0, 300, 200), []Series{{Values: []float64{3, 1, -2}}}, ChartOptions{Log: true})
	if info.Axis.Log || !strings.Contains(info.Axis.Note, "≤ 0") {
		t.Errorf("axis %+v, want linear with a note on non-positive losses", info.Axis)
	}
}

// TestLossChartHover points at step 50 of a 100-step chart with a
// thinned series and checks the step read and each series' value there.
func TestLossChartHover(t *testing.T) {
	dst := newCanvas(300, 200)
	full := Series{Name: "full"}
	thinned := Series{Name: "thinned"}
	for i := range 101 {
		full.Values = append(full.Values, 100-float64(i))
		if i%4 == 0 {
			thinned.Values = append(thinned.Values, float64(i)+1)
			thinned.Steps = append(thinned.Steps, i)
		}
	}
	rect := image.Rect(0, 0, 300, 200)
	plot := DrawLossChart(dst, rect, []Series{full, thinned}, ChartOptions{}).Plot
	x := plot.Min.X + int(math.Round(0.5*float64(plot.Dx())))
	info := DrawLossChart(dst, rect, []Series{full, thinned}, ChartOptions{Pointer: image.Pt(x, plot.Min.Y+5)})
	if !info.Hover || info.HoverStep < 49 || info.HoverStep > 51 {
		t.Fatalf("hover %v at step %d, want about 50", info.Hover, info.HoverStep)
	}
	lines := HoverLines([]Series{full, thinned}, 50)
	if len(lines) != 3 || lines[0].Name != "step 50" || lines[1].Name != "full  50" || lines[2].Name != "thinned  49 (step 48)" {
		t.Errorf("readout %v", lines)
	}
	if off := DrawLossChart(dst, rect, []Series{full}, ChartOptions{Pointer: image.Pt(1, 1)}); off.Hover {
		t.Error("a pointer outside the plot reads a step")
	}
}

// TestLossChartStepLabel checks that the x axis is labelled "step", centred
// under the tick numbers.
func TestLossChartStepLabel(t *testing.T) {
	dst := newCanvas(300, 200)
	info := DrawLossChart(dst, image.Rect(0, 0, 300, 200), lossSeries(100), ChartOptions{Log: true})
	img := readImage(dst)
	lh := LineHeight()
	mid, w := (info.Plot.Min.X+info.Plot.Max.X)/2, int(TextWidth("step")/2)
	y := info.Plot.Max.Y + int(lh+tickLabelGap)
	if !inked(img, image.Rect(mid-w, y, mid+w, y+int(lh))) {
		t.Errorf("no label under the plot's middle at y %d", y)
	}
}
