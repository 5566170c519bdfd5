package playground

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// tableBackground is the status table's translucent backing.
var tableBackground = color.RGBA{0x12, 0x12, 0x18, 0xc8}

// tableRowGap is the space between the status table's rows, in unscaled
// pixels, and tableColGap between its columns.
const (
	tableRowGap = 3
	tableColGap = 10
	tableSwatch = 10
)

// tableHeight is the height of a status table of n racers: a heading row
// and one row each.
func tableHeight(n int) int {
	return int(math.Ceil(float64(n+1)*(render.LineHeight()+tableRowGap*render.Scale()) + 2*tableRowGap*render.Scale()))
}

// statusCells returns the status table's text, a heading row and one row
// per racer: name, step (and epoch on data), loss, gradient norm, and
// how the run stopped.
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
		rows = append(rows, append(row, fmt.Sprintf("%.5g", st.Loss), fmt.Sprintf("%.3g", st.GradNorm), state))
	}
	return rows
}

// drawStatusTable draws every racer's step, loss and gradient norm in
// rect, a row per racer with its colour, numbers right-aligned.
func (g *Game) drawStatusTable(screen *ebiten.Image, rect image.Rectangle) {
	if rect.Empty() {
		return
	}
	w := g.world
	cells := w.statusCells()
	stats := w.RacerStats()
	s := render.Scale()
	lh := render.LineHeight()
	widths := make([]float64, len(cells[0]))
	for _, row := range cells {
		for j, c := range row {
			widths[j] = math.Max(widths[j], render.TextWidth(c))
		}
	}
	vector.FillRect(screen, float32(rect.Min.X), float32(rect.Min.Y), float32(rect.Dx()), float32(rect.Dy()), tableBackground, false)
	y := float64(rect.Min.Y) + tableRowGap*s
	for i, row := range cells {
		x := float64(rect.Min.X) + 6*s
		ink := dimText
		if i > 0 {
			ink = textColor
			clr := stats[i-1].Racer.Color
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
