package playground

import (
	"fmt"
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// tableRowGap is the space between the status table's rows, in pixels
// at text scale 1, and tableColGap between its columns.
const (
	tableRowGap = 3
	tableColGap = 10
	tableSwatch = 10
	tablePad    = 6
)

// tableWidest are the widest values a status table's number columns
// usually hold (the step limit, %.5g and %.3g of a number with an
// exponent), so that its columns keep their width as the numbers change.
// The state column is as wide as the states shown.
var tableWidest = map[string]string{
	"step": fmt.Sprint(MaxSteps), "epoch": fmt.Sprint(MaxSteps), "loss": "8.8888e-88", "‖∇L‖": "8.88e-88",
}

// tableColumns returns the width of each column of a status table of
// these cells: the widest of its cells and of the widest value it can
// hold.
func tableColumns(cells [][]string) []float64 {
	widths := make([]float64, len(cells[0]))
	for j, head := range cells[0] {
		widths[j] = render.TextWidth(tableWidest[head])
	}
	for _, row := range cells {
		for j, c := range row {
			widths[j] = math.Max(widths[j], render.TextWidth(c))
		}
	}
	return widths
}

// tableSize returns the status table's size for the world's racers: a
// heading row and one row each, its columns as wide as tableColumns.
func (w *World) tableSize() image.Point {
	cells := w.statusCells()
	ts := render.TextScale()
	width := (2*tablePad + tableSwatch + 4) * ts
	for _, c := range tableColumns(cells) {
		width += c + tableColGap*ts
	}
	height := float64(len(cells))*(render.LineHeight()+tableRowGap*ts) + 2*tableRowGap*ts
	return image.Pt(int(math.Ceil(width)), int(math.Ceil(height)))
}

// statusCells returns the status table's text, a heading row and one row
// per racer: name, step (and epoch on data), loss, gradient norm (a dash
// before the first step, which computes the first gradient), and how the
// run stopped.
func (w *World) statusCells() [][]string {
	head := []string{"racer", "step", "loss", "‖∇L‖", ""}
	regression := w.scenario.Regression()
	if regression {
		head = []string{"racer", "step", "epoch", "loss", "‖∇L‖", ""}
	}
	rows := [][]string{head}
	for _, st := range w.RacerStats() {
		state := ""
		switch {
		case st.Racer.Diverged():
			state = "diverged"
		case st.Stopped != compute.Running:
			state = string(st.Stopped)
		case st.Step >= MaxSteps:
			state = "at the limit"
		}
		row := []string{st.Racer.Name(), fmt.Sprint(st.Step)}
		if regression {
			row = append(row, fmt.Sprint(st.Epoch))
		}
		grad := fmt.Sprintf("%.3g", st.GradNorm)
		if st.Step == 0 {
			grad = "–" // no step has computed a gradient yet
		}
		rows = append(rows, append(row, fmt.Sprintf("%.5g", st.Loss), grad, state))
	}
	return rows
}

// drawStatusTable draws every racer's step, loss and gradient norm in
// rect, a row per racer with its colour, numbers right-aligned.
func (g *Game) drawStatusTable(screen *ebiten.Image, rect image.Rectangle) {
	if rect.Empty() {
		return
	}
	screen = screen.SubImage(rect).(*ebiten.Image) // a crowded layout may cut rows, never spill them
	w := g.world
	th := g.theme()
	cells := w.statusCells()
	stats := w.RacerStats()
	s := render.TextScale()
	lh := render.LineHeight()
	widths := tableColumns(cells)
	vector.FillRect(screen, float32(rect.Min.X), float32(rect.Min.Y), float32(rect.Dx()), float32(rect.Dy()), th.Panel, false)
	y := float64(rect.Min.Y) + tableRowGap*s
	for i, row := range cells {
		x := float64(rect.Min.X) + tablePad*s
		ink := th.Dim
		if i > 0 {
			ink = th.Ink
			clr := g.accent(stats[i-1].Racer.Color)
			vector.FillRect(screen, float32(x), float32(y+lh/2-2*s), float32(tableSwatch*s), float32(4*s), clr, false)
		}
		x += (tableSwatch + 4) * s
		for j, c := range row {
			switch {
			case j == 0 || j == len(row)-1:
				render.DrawText(screen, c, x, y, ink, render.AlignLeft)
			default:
				render.DrawText(screen, c, x+widths[j], y, ink, render.AlignRight)
			}
			x += widths[j] + tableColGap*s
		}
		y += lh + tableRowGap*s
	}
}
