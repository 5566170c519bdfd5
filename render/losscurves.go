package render

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sort"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// Series is a loss curve: its values, the step of each, and the colour and
// name it is shown with.
type Series struct {
	Values []float64
	// Steps holds the step of each value (a thinned recording skips
	// steps); nil means value i belongs to step i.
	Steps []int
	Color color.RGBA
	Name  string
	// Diverged says that the run diverged, and DivergedAt is the index in
	// Values of the point where it did: the chart marks it with a cross,
	// and the values after it do not count for the y range.
	Diverged   bool
	DivergedAt int
}

// Counted returns how many leading values count for a chart's y range:
// all of them, or for a diverged run those up to its divergence point.
func (s Series) Counted() int {
	if s.Diverged {
		return min(len(s.Values), max(s.DivergedAt+1, 0))
	}
	return len(s.Values)
}

// step returns the step of value i.
func (s Series) step(i int) int {
	if s.Steps == nil {
		return i
	}
	return s.Steps[i]
}

// ValueAt returns the value recorded at the greatest step not after step,
// and that step; ok is false when the series has no value that early.
func (s Series) ValueAt(step int) (v float64, at int, ok bool) {
	i := sort.Search(len(s.Values), func(i int) bool { return s.step(i) > step }) - 1
	if i < 0 {
		return 0, 0, false
	}
	return s.Values[i], s.step(i), true
}

// ChartOptions choose how DrawLossChart draws.
type ChartOptions struct {
	// Log asks for a logarithmic y axis (see NewLossAxis for when the
	// chart shows a linear one instead).
	Log bool
	// Legend lists the series' names, each after its colour, in rows
	// under the chart.
	Legend bool
	// Pointer is the mouse position; inside the plot, the chart marks the
	// step under it and lists each series' value there.
	Pointer image.Point
}

// ChartInfo says what DrawLossChart drew: the y axis, where the plot is,
// and the step the pointer reads (Hover says whether it reads one).
type ChartInfo struct {
	Axis      LossAxis
	Plot      image.Rectangle
	Hover     bool
	HoverStep int
}

// The loss chart's layout, in pixels at text scale 1 (see TextScale).
const (
	chartPad      = 6
	chartMinSize  = 16
	decadeSpacing = 4 // extra room between decade labels
	lossWidth     = 1.5
	hoverDot      = 3
)

// The reused geometry of DrawLossChart.
var (
	lossLine polyline
	lossMesh lineMesh
)

// DrawLossCurves draws the loss chart of series in rect on a logarithmic
// axis (or a linear one where the values need it), without legend or
// pointer: DrawLossChart with ChartOptions{Log: true}.
func DrawLossCurves(dst *ebiten.Image, rect image.Rectangle, series []Series) {
	DrawLossChart(dst, rect, series, ChartOptions{Log: true})
}

// DrawLossChart draws a panel in rect with each series' values against
// its steps: a title that names the scale (and why it is not the one asked
// for), grid lines and labels on the y axis (powers of ten on a log axis),
// step numbers and the label "step" below, the curves, a cross where a
// diverged run diverged, and as the options ask a legend and the values
// under the pointer. The y axis is NewLossAxis's. Non-finite values, and
// on a log axis non-positive ones, break a curve. Each pixel column draws
// at most the first, least, greatest and last value that falls in it, so
// a million steps cost no more than a few hundred. Nothing is drawn
// outside rect.
func DrawLossChart(dst *ebiten.Image, rect image.Rectangle, series []Series, opt ChartOptions) ChartInfo {
	dst = clipTo(dst, rect) // nothing spills out of a small chart
	vector.FillRect(dst, float32(rect.Min.X), float32(rect.Min.Y), float32(rect.Dx()), float32(rect.Dy()), theme.Panel, false)
	axis := NewLossAxis(series, opt.Log)
	info := ChartInfo{Axis: axis}
	lh := LineHeight()
	pad := chartPad * TextScale()
	title := "loss · linear scale"
	switch {
	case axis.Note != "":
		title = "loss · " + axis.Note
	case axis.Log:
		title = "loss · log scale"
	}
	DrawText(dst, title, float64(rect.Min.X)+pad, float64(rect.Min.Y)+pad/2, theme.Ink, AlignLeft)

	yLo, yHi := axis.yRange()
	ticks, labels := lossTicks(axis, yLo, yHi, max(2, int(float64(rect.Dy())/(lh+decadeSpacing*TextScale()))-3))
	widest := 0.0
	for _, l := range labels {
		widest = math.Max(widest, TextWidth(l))
	}
	left := int(math.Ceil(widest + (tickLength+2*tickLabelGap)*TextScale() + pad))
	var legend []legendItem
	legendHeight := 0.0
	if opt.Legend {
		legend, legendHeight = flowLegend(series, float64(rect.Dx())-2*pad)
	}
	plot := image.Rect(rect.Min.X+left, rect.Min.Y+int(pad+lh), rect.Max.X-int(2*pad), rect.Max.Y-int(pad/2+2*lh+tickLabelGap*TextScale()+legendHeight))
	info.Plot = plot
	if plot.Dx() < chartMinSize || plot.Dy() < chartMinSize {
		return info
	}
	frame := func() {
		vector.StrokeRect(dst, float32(plot.Min.X)+0.5, float32(plot.Min.Y)+0.5, float32(plot.Dx())-1, float32(plot.Dy())-1, 1, theme.Frame, false)
	}
	if axis.Empty {
		frame()
		return info
	}
	v := Viewport{XMin: 0, XMax: float64(max(axis.LastStep, 1)), YMin: yLo, YMax: yHi, Rect: plot}
	drawLossGrid(dst, v, ticks, labels)
	drawStepTicks(dst, v)
	DrawText(dst, "step", float64(plot.Min.X+plot.Max.X)/2, float64(plot.Max.Y)+lh+tickLabelGap*TextScale(), theme.Ink, AlignCenter)
	frame()

	lossMesh.reset()
	for _, s := range series {
		traceLoss(&lossLine, v, s, axis)
		lossLine.stroke(&lossMesh, lossWidth, toPremul(s.Color))
	}
	for _, s := range series {
		if s.Diverged && s.DivergedAt >= 0 && s.DivergedAt < len(s.Values) {
			x, y := v.screen(float64(s.step(s.DivergedAt)), axis.y(s.Values[s.DivergedAt]))
			if !math.IsNaN(y) {
				addCross(&lossMesh, x, clamp(y, float64(plot.Min.Y), float64(plot.Max.Y)), toPremul(s.Color))
			}
		}
	}
	info.Hover = opt.Pointer.In(plot)
	if info.Hover {
		px, _ := v.ToParams(float64(opt.Pointer.X), 0)
		info.HoverStep = int(math.Round(clamp(px, 0, float64(axis.LastStep))))
		addHoverDots(&lossMesh, v, series, axis, info.HoverStep)
	}
	clip := clipTo(dst, plot)
	if info.Hover {
		sx, _ := v.ToScreen(float64(info.HoverStep), 0)
		vector.StrokeLine(clip, sx, float32(plot.Min.Y), sx, float32(plot.Max.Y), 1, theme.Frame, false)
	}
	lossMesh.draw(clip)

	legendTop := float64(plot.Max.Y) + 2*lh + tickLabelGap*TextScale()
	for _, it := range legend {
		x, y := float64(rect.Min.X)+pad+it.x, legendTop+it.y
		mid := float32(y + lh/2)
		vector.FillRect(dst, float32(x), mid-1.5*float32(TextScale()), legendSwatch*float32(TextScale()), 3*float32(TextScale()), it.color, false)
		DrawText(dst, it.name, x+(legendSwatch+legendGap)*TextScale(), y, theme.Ink, AlignLeft)
	}
	if info.Hover {
		drawHoverBox(dst, plot, opt.Pointer, series, info.HoverStep)
	}
	return info
}

// legendItem is one entry of a chart's legend and its offset from the
// legend's top-left corner.
type legendItem struct {
	name  string
	color color.RGBA
	x, y  float64
}

// flowLegend lays the series' names out in rows of at most width pixels,
// each after a swatch of its colour, and returns them with the height of
// the rows.
func flowLegend(series []Series, width float64) ([]legendItem, float64) {
	lh := LineHeight()
	row := lh + legendRowGap*TextScale()
	var items []legendItem
	x, y := 0.0, 0.0
	for _, s := range series {
		w := (legendSwatch+legendGap)*TextScale() + TextWidth(s.Name)
		if x > 0 && x+w > width {
			x, y = 0, y+row
		}
		items = append(items, legendItem{name: s.Name, color: s.Color, x: x, y: y})
		x += w + 2*legendGap*TextScale()
	}
	if len(items) == 0 {
		return nil, 0
	}
	return items, y + row
}

// lossTicks returns the y axis' grid values in axis coordinates and their
// labels: whole decades on a log axis, strided to at most about fit
// labels, and NiceTicks on a linear one.
func lossTicks(a LossAxis, lo, hi float64, fit int) (ticks []float64, labels []string) {
	if a.Log {
		dLo, dHi := int(math.Round(lo)), int(math.Round(hi))
		stride := (dHi - dLo + fit) / fit
		for k := dLo; k <= dHi; k++ {
			ticks = append(ticks, float64(k))
			if (k-dLo)%stride == 0 {
				labels = append(labels, formatDecade(k))
			} else {
				labels = append(labels, "")
			}
		}
		return ticks, labels
	}
	ticks = NiceTicks(lo, hi, fit)
	step := tickStep(ticks, hi-lo)
	for _, t := range ticks {
		labels = append(labels, formatTick(t, step))
	}
	return ticks, labels
}

// drawLossGrid draws a grid line at each tick and its label, kept within
// the plot's height.
func drawLossGrid(dst *ebiten.Image, v Viewport, ticks []float64, labels []string) {
	lh := LineHeight()
	x0, x1 := float32(v.Rect.Min.X), float32(v.Rect.Max.X)
	for i, t := range ticks {
		_, sy := v.ToScreen(0, t)
		sy = float32(math.Round(float64(sy))) + 0.5
		vector.StrokeLine(dst, x0, sy, x1, sy, 1, theme.Grid, false)
		if labels[i] != "" {
			y := clamp(float64(sy)-lh/2, float64(v.Rect.Min.Y), float64(v.Rect.Max.Y)-lh)
			DrawText(dst, labels[i], float64(x0)-tickLength*TextScale(), math.Round(y), theme.Ink, AlignRight)
		}
	}
}

// drawStepTicks labels whole step numbers along the bottom of v.Rect.
func drawStepTicks(dst *ebiten.Image, v Viewport) {
	ticks := NiceTicks(v.XMin, v.XMax, max(2, int(float64(v.Rect.Dx())/(xTickSpacing*TextScale()))))
	for _, t := range ticks {
		if t != math.Trunc(t) {
			continue
		}
		sx, _ := v.ToScreen(t, v.YMin)
		DrawText(dst, formatTick(t, 1), float64(sx), float64(v.Rect.Max.Y)+tickLabelGap*TextScale(), theme.Ink, AlignCenter)
	}
}

// traceLoss resets l and traces s through it on axis a, in v, reducing
// each pixel column to its first, least, greatest and last point.
func traceLoss(l *polyline, v Viewport, s Series, a LossAxis) {
	l.reset(boxAround(v.Rect, clipMargin))
	var col column
	for i, val := range s.Values {
		y := a.y(val)
		if math.IsNaN(y) || math.IsInf(y, 0) {
			col.flush(l)
			l.lift()
			continue
		}
		sx, sy := v.screen(float64(s.step(i)), y)
		c := int(math.Floor(sx))
		if col.n > 0 && c != col.x {
			col.flush(l)
		}
		col.add(c, sy)
	}
	col.flush(l)
}

// addHoverDots adds a dot on each series at the value it had at step.
func addHoverDots(m *lineMesh, v Viewport, series []Series, a LossAxis, step int) {
	for _, s := range series {
		val, at, ok := s.ValueAt(step)
		if !ok {
			continue
		}
		x, y := v.screen(float64(at), a.y(val))
		if math.IsNaN(y) || !boxAround(v.Rect, 0).contains(x, y) {
			continue
		}
		m.disc(x, y, hoverDot+caseWidth, toPremul(theme.Case))
		m.disc(x, y, hoverDot, toPremul(s.Color))
	}
}

// HoverLines returns the readout of series at step: a heading with the
// step, then one line per series with its name and its value there (four
// significant digits; a series that ended earlier, its last value and
// step), or "–" where it has none.
func HoverLines(series []Series, step int) []LegendEntry {
	entries := []LegendEntry{{Name: fmt.Sprintf("step %d", step)}}
	for _, s := range series {
		text := "–"
		if val, at, ok := s.ValueAt(step); ok {
			text = fmt.Sprintf("%.4g", val)
			switch {
			case at == step:
			case at == s.step(len(s.Values)-1):
				text += fmt.Sprintf(" (its last, step %d)", at)
			default:
				text += fmt.Sprintf(" (step %d)", at)
			}
		}
		entries = append(entries, LegendEntry{Name: s.Name + "  " + text, Color: s.Color})
	}
	return entries
}

// drawHoverBox draws HoverLines beside the pointer, inside the plot.
func drawHoverBox(dst *ebiten.Image, plot image.Rectangle, at image.Point, series []Series, step int) {
	entries := HoverLines(series, step)
	size := LegendSize(entries)
	gap := int(10 * TextScale())
	x := at.X + gap
	if x+size.X > plot.Max.X {
		x = at.X - gap - size.X
	}
	x = max(x, plot.Min.X)
	y := min(max(at.Y-size.Y/2, plot.Min.Y), plot.Max.Y-size.Y)
	DrawLegend(dst, image.Pt(x, max(y, plot.Min.Y)), entries)
}

// column gathers the screen y values that fall in one pixel column.
type column struct {
	x                     int
	n                     int
	first, lo, hi, latest float64
}

// add records y in column x, which must be the column's x if it holds any.
func (c *column) add(x int, y float64) {
	if c.n == 0 {
		c.x, c.first, c.lo, c.hi = x, y, y, y
	}
	c.lo, c.hi, c.latest = math.Min(c.lo, y), math.Max(c.hi, y), y
	c.n++
}

// flush traces the column's points through l and empties it.
func (c *column) flush(l *polyline) {
	if c.n == 0 {
		return
	}
	x := float64(c.x) + 0.5
	l.add(x, c.first)
	if c.n > 1 {
		l.add(x, c.lo)
		l.add(x, c.hi)
		l.add(x, c.latest)
	}
	c.n = 0
}
