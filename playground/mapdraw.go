package playground

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// Map colours: one hue per minimum (Okabe–Ito), pale tones for runs that
// converged to a stationary point the surface does not list (a local
// minimum of Rastrigin or Ackley, a saddle point; the tone follows the
// loss there, so that neighbouring basins of different points differ),
// diverged runs red, runs that neither converged nor diverged grey, or a
// greyed hue of the minimum they ended near. Converged cells are brighter
// the sooner they converged; diverged cells brighter the sooner they
// diverged.
var (
	minimumColors = []color.RGBA{
		{0x56, 0xb4, 0xe9, 0xff}, {0x00, 0x9e, 0x73, 0xff}, {0xf0, 0xe4, 0x42, 0xff}, {0xcc, 0x79, 0xa7, 0xff},
	}
	elsewhereColors = []color.RGBA{
		{0xd8, 0xc8, 0xa0, 0xff}, {0xb4, 0xa8, 0xdc, 0xff}, {0x98, 0xc8, 0xc0, 0xff},
	}
	convergedColor  = color.RGBA{0x56, 0xb4, 0xe9, 0xff}
	divergedColor   = color.RGBA{0xe0, 0x40, 0x30, 0xff}
	unfinishedColor = color.RGBA{0x60, 0x60, 0x68, 0xff}
	pendingColor    = color.RGBA{0x22, 0x23, 0x2b, 0xff}
)

// cellColor is the colour of one map cell; computed says whether the cell
// has been computed yet.
func cellColor(cell compute.MapCell, steps int, byMinimum, computed bool) color.RGBA {
	if !computed {
		return pendingColor
	}
	shade := func(c color.RGBA) color.RGBA {
		k := 1 - 0.65*math.Sqrt(float64(cell.Steps)/float64(max(steps, 1)))
		return color.RGBA{uint8(float64(c.R) * k), uint8(float64(c.G) * k), uint8(float64(c.B) * k), 0xff}
	}
	switch cell.Status {
	case compute.RunDiverged:
		return shade(divergedColor)
	case compute.RunConverged:
		if byMinimum {
			if cell.Minimum < 0 {
				return shade(elsewhereColor(cell.Loss))
			}
			return shade(minimumColors[cell.Minimum%len(minimumColors)])
		}
		return shade(convergedColor)
	}
	if byMinimum && cell.Minimum >= 0 {
		return nearColor(minimumColors[cell.Minimum%len(minimumColors)])
	}
	return unfinishedColor
}

// elsewhereColor is the tone of a run that converged to an unlisted
// stationary point with the given loss: one of elsewhereColors, picked by
// a hash of the loss to a 64th, so that points of different loss mostly
// differ.
func elsewhereColor(loss float64) color.RGBA {
	k := 0
	if !math.IsNaN(loss) && !math.IsInf(loss, 0) && math.Abs(loss) < 1e15 {
		h := uint64(int64(math.Round(loss*64))) * 0x9e3779b97f4a7c15
		k = int((h >> 32) % uint64(len(elsewhereColors)))
	}
	return elsewhereColors[k]
}

// nearColor is c greyed, for a run that ended near its minimum without
// converging: halfway between c and unfinishedColor.
func nearColor(c color.RGBA) color.RGBA {
	mix := func(a, b uint8) uint8 { return uint8((int(a) + int(b)) / 2) }
	u := unfinishedColor
	return color.RGBA{mix(c.R, u.R), mix(c.G, u.G), mix(c.B, u.B), 0xff}
}

// mapPixels colours the computed rows of m.
func mapPixels(m *compute.MapResult, progress float64) []byte {
	pix := make([]byte, 4*len(m.Cells))
	done := int(progress * float64(m.Spec.Rows))
	byMinimum := m.Spec.Vary == compute.VaryStart
	for i, cell := range m.Cells {
		c := cellColor(cell, m.Spec.Steps, byMinimum, i/m.Spec.Cols < done)
		pix[4*i], pix[4*i+1], pix[4*i+2], pix[4*i+3] = c.R, c.G, c.B, c.A
	}
	return pix
}

// mapCaption says what the map shows: the optimizer and the step count,
// what the axes vary, and the hyperparameters held fixed (the learning
// rate unless an axis varies it, and the others that differ from their
// defaults).
func mapCaption(spec compute.MapSpec) []string {
	opt, err := compute.OptimizerByName(spec.Optimizer)
	if err != nil {
		return nil
	}
	varied := map[string]bool{}
	var axes string
	switch spec.Vary {
	case compute.VaryStart:
		axes = "from each start"
	case compute.VaryLRMomentum:
		varied["lr"], varied["momentum"] = true, true
		axes = fmt.Sprintf("η × μ from (%.3g, %.3g)", spec.Start[0], spec.Start[1])
	case compute.VaryLRs:
		varied["lr"] = true
		axes = fmt.Sprintf("η of x × η of y from (%.3g, %.3g)", spec.Start[0], spec.Start[1])
	}
	h := spec.Hypers()
	var fixed []string
	omitted := false
	for i, p := range opt.Hypers {
		if varied[p.Key] {
			continue
		}
		if i > 0 && h[p.Key] == p.Default {
			omitted = true
			continue
		}
		fixed = append(fixed, hyperName(p)+" "+formatHyper(p, h[p.Key]))
	}
	switch {
	case len(fixed) == 0:
		fixed = append(fixed, "defaults")
	case omitted:
		fixed = append(fixed, "others default")
	}
	return []string{
		fmt.Sprintf("%s · %d steps", opt.Title, spec.Steps),
		axes,
		"fixed: " + strings.Join(fixed, ", "),
	}
}

// hyperName is a hyperparameter's symbol, or its key when it has none.
func hyperName(h compute.Hyper) string {
	if h.Symbol != "" {
		return h.Symbol
	}
	return h.Key
}

// mapLegend names the map's colours, under its caption.
func (g *Game) mapLegend(m *compute.MapResult) []render.LegendEntry {
	var entries []render.LegendEntry
	for _, line := range mapCaption(m.Spec) {
		entries = append(entries, render.LegendEntry{Name: line})
	}
	if m.Spec.Vary == compute.VaryStart {
		s, _ := compute.SurfaceByName(m.Spec.Surface)
		for i := range s.Minima {
			entries = append(entries, render.LegendEntry{Name: fmt.Sprintf("to minimum %d", i+1), Color: minimumColors[i%len(minimumColors)]})
		}
		entries = append(entries,
			render.LegendEntry{Name: "to another stationary point", Color: elsewhereColors[0]},
			render.LegendEntry{Name: "greyed: near a minimum, still moving", Color: nearColor(minimumColors[0])})
	} else {
		entries = append(entries, render.LegendEntry{Name: "converged", Color: convergedColor})
	}
	return append(entries,
		render.LegendEntry{Name: "diverged", Color: divergedColor},
		render.LegendEntry{Name: "neither", Color: unfinishedColor},
		render.LegendEntry{Name: "darker: slower", Color: color.RGBA{0x40, 0x40, 0x48, 0xff}})
}

// mapViewport maps the map's axes onto the surface region; log axes are in
// log10 units.
func mapViewport(spec compute.MapSpec, rect image.Rectangle) (v render.Viewport, xLabel, yLabel string) {
	v = render.Viewport{XMin: spec.XMin, XMax: spec.XMax, YMin: spec.YMin, YMax: spec.YMax, Rect: rect}
	switch spec.Vary {
	case compute.VaryStart:
		return v, "start x", "start y"
	case compute.VaryLRMomentum:
		v.XMin, v.XMax = math.Log10(spec.XMin), math.Log10(spec.XMax)
		return v, "log10 learning rate", "momentum"
	}
	v.XMin, v.XMax = math.Log10(spec.XMin), math.Log10(spec.XMax)
	v.YMin, v.YMax = math.Log10(spec.YMin), math.Log10(spec.YMax)
	return v, "log10 learning rate of x", "log10 learning rate of y"
}

// drawMap draws the current map with axes, legend and the start point.
func (g *Game) drawMap(screen *ebiten.Image, rg regions) {
	m, progress := g.world.Map()
	if m == nil {
		render.DrawText(screen, "computing the map…", float64(rg.surface.Min.X), float64(rg.surface.Min.Y), g.theme().Ink, render.AlignLeft)
		return
	}
	if g.cells == nil || g.cellsFor != m || g.cellsProgress != progress {
		if g.cells != nil {
			g.cells.Deallocate()
		}
		g.cells = render.NewCellImage(mapPixels(m, progress), m.Spec.Cols, m.Spec.Rows)
		g.cellsFor, g.cellsProgress = m, progress
	}
	g.cells.Draw(screen, rg.surface)
	v, xl, yl := mapViewport(m.Spec, rg.surface)
	render.DrawAxes(screen, v, xl, yl)
	if m.Spec.Vary == compute.VaryStart {
		g.drawMinima(screen, v)
	}
	legend := g.mapLegend(m)
	render.DrawLegend(screen, legendBox(rg, legend).Min, legend)
}

// mapCellAt returns the map cell under screen point (x, y).
func (g *Game) mapCellAt(rg regions, x, y int) (c, r int, ok bool) {
	m, _ := g.world.Map()
	if m == nil || !image.Pt(x, y).In(rg.surface) {
		return 0, 0, false
	}
	c = (x - rg.surface.Min.X) * m.Spec.Cols / rg.surface.Dx()
	r = (rg.surface.Max.Y - 1 - y) * m.Spec.Rows / rg.surface.Dy()
	return c, r, true
}
