package playground

import (
	"image"
	"math"
	"strings"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// regions are the parts of the screen, in device pixels.
type regions struct {
	// panel is the control panel's column when the canvas holds it.
	panel image.Rectangle
	// surface is where the surface (or a map) is drawn, the rectangle of
	// its parameters; surfaceBox adds the room of its axes and colour bar.
	// colorBar is the heatmap's colour bar beside it. loss holds the loss
	// chart (the main area when it is enlarged, the surface then empty),
	// scatter the data's plot and scatterBox that with its axes, table the
	// racers' status table, hud the status lines and message the lines
	// above them (the hint, or the latest error).
	surface, surfaceBox, colorBar, loss, scatter, scatterBox, table, hud, message image.Rectangle
	// barOver says that the colour bar is drawn over the surface's right
	// edge, on a backing, as there is no room beside it.
	barOver bool
	// hudLines and messageLines are the status and message text, wrapped
	// to the width.
	hudLines, messageLines []string
	// scale is debugui's scale, for the panel and the drawer.
	scale int
}

// layoutSpec is what the layout is computed from: the screen, the panel,
// the text's size, and the parts with their least or natural sizes.
type layoutSpec struct {
	size image.Point
	// panel is the size of the panel's column in the canvas; zero when
	// the page puts the panel beside the canvas. handle is the size of
	// the drawer's handle, which takes the top left corner when the
	// panel has no room for its column.
	panel, handle image.Point
	// lh is the text's line height.
	lh float64
	// square keeps the surface's scales equal: its rectangle gets the
	// parameter window's aspect ratio, aspect (x span over y span).
	square bool
	aspect float64
	// axesLeft and axesBelow are the room the surface's axes take
	// outside it; colorBar is the colour bar's width (0: none).
	axesLeft, axesBelow, colorBar int
	// chartLarge puts the loss chart in the surface's place.
	chartLarge bool
	// scatter asks for the data's plot, with its axes' room.
	scatter                  bool
	scatterLeft, scatterDown int
	// table is the status table's natural size; zero: none.
	table image.Point
	// message and status are the text of the bottom lines.
	message, status string
}

// The parts' least sizes, in line heights, and how much smaller than the
// best a layout may make the surface to keep the parts in a column at
// its right (the layouts further down the list are stacks).
const (
	chartMinWidth    = 14
	chartMinHeight   = 9
	scatterMinWidth  = 11
	scatterMinHeight = 8
	surfaceMin       = 8
	mainMin          = 22 // the least width beside the panel for the panel to keep its column
)

// arrangement is one way of placing the parts around the surface.
type arrangement int

const (
	// sideColumn: the chart, the data and the table in a column at the
	// surface's right.
	sideColumn arrangement = iota
	// tableUnder: the chart and the data at the right of the surface,
	// the table under both.
	tableUnder
	// strip: the table, the chart and the data side by side under the
	// surface.
	strip
	// stack: everything in one column, the surface on top.
	stack
)

// preference discounts the later arrangements, so that one is chosen only
// where it gives the surface clearly more room.
var preference = [...]float64{1, 0.97, 0.9, 0.85}

// layout computes the regions from the parts: the panel's column (when
// it fits beside a surface of a useful size, else the panel is a drawer),
// the bottom lines wrapped to the width, then the arrangement of the
// surface, the loss chart, the data plot and the status table that gives
// the surface the most room (kept square when its scales must be equal),
// each part at least its least size; what is left over goes to the loss
// chart and the data plot. Every length comes from the text's line height
// and the parts' measured sizes.
func layout(sp layoutSpec) regions {
	lh := sp.lh
	W, H := sp.size.X, sp.size.Y
	margin := int(math.Round(math.Max(4, 0.5*lh)))
	gap := int(math.Round(math.Max(6, 0.8*lh)))
	var rg regions
	left := 0
	if sp.panel.X > 0 && float64(W-sp.panel.X) >= mainMin*lh {
		rg.panel = image.Rect(0, 0, sp.panel.X, min(sp.panel.Y, H))
		left = sp.panel.X
	}
	top := margin
	if sp.panel.X > 0 && left == 0 {
		top += sp.handle.Y // below the drawer's handle
	}
	area := rect(left+margin, top, W-margin, H-margin)
	if area.Dx() < 1 || area.Dy() < 1 {
		return rg
	}

	// The status lines at the bottom, the message lines above them.
	step := math.Ceil(1.2 * lh)
	rg.hudLines = wrapText(sp.status, float64(area.Dx()))
	rg.messageLines = wrapText(sp.message, float64(area.Dx()))
	hudH := int(step * float64(len(rg.hudLines)))
	msgH := int(step * float64(len(rg.messageLines)))
	rg.hud = rect(area.Min.X, area.Max.Y-hudH, area.Max.X, area.Max.Y)
	rg.message = rect(area.Min.X, rg.hud.Min.Y-msgH, area.Max.X, rg.hud.Min.Y)
	content := rect(area.Min.X, area.Min.Y, area.Max.X, rg.message.Min.Y-gap/2)
	if content.Dy() < 1 {
		return rg
	}

	best, bestScore := bestArrangement(sp, content, gap)
	if sp.table != (image.Point{}) && bestScore < tableCrowds*float64(min(content.Dx(), content.Dy())) {
		// The status table crowds the surface (large text on a small
		// screen): leave it out where that gives the surface much more
		// room. The legend still names the racers.
		bare := sp
		bare.table = image.Point{}
		if parts, score := bestArrangement(bare, content, gap); score > tableWorth*bestScore {
			best, bestScore = parts, score
		}
	}
	if math.IsInf(bestScore, -1) {
		// Nothing fits at its least size (a phone's width, the largest
		// text): stack the parts, each cut to the width.
		best = squeeze(sp, content, gap)
	}
	rg.surface, rg.surfaceBox, rg.colorBar, rg.barOver = best.surface, best.surfaceBox, best.colorBar, best.barOver
	rg.loss, rg.scatter, rg.scatterBox, rg.table = best.loss, best.scatter, best.scatterBox, best.table
	return rg
}

// When the surface gets less than tableCrowds of the content's shorter
// side, the layout is tried without the status table, and taken when the
// surface then gets tableWorth times more room.
const (
	tableCrowds = 0.3
	tableWorth  = 1.3
)

// bestArrangement returns the arrangement that gives the surface the most
// room, discounted by its preference, and that room; the room is -Inf
// when no arrangement gives every part its least size.
func bestArrangement(sp layoutSpec, content image.Rectangle, gap int) (regions, float64) {
	best, bestScore := regions{}, math.Inf(-1)
	for a := sideColumn; a <= stack; a++ {
		parts, q, ok := arrange(sp, a, content, gap)
		if !ok {
			continue
		}
		if score := q * preference[a]; score > bestScore {
			best, bestScore = parts, score
		}
	}
	return best, bestScore
}

// arrange places the parts in content as arrangement a says and returns
// them with the surface's size (its shorter side), and false when a part
// does not get its least size.
func arrange(sp layoutSpec, a arrangement, content image.Rectangle, gap int) (regions, float64, bool) {
	lh := sp.lh
	chartW, chartH := int(chartMinWidth*lh), int(chartMinHeight*lh)
	dataW, dataH := 0, 0
	if sp.scatter {
		dataW, dataH = int(scatterMinWidth*lh)+sp.scatterLeft, int(scatterMinHeight*lh)+sp.scatterDown
	}
	tw, th := sp.table.X, sp.table.Y
	hasTable := th > 0
	gapIf := func(b bool) int {
		if b {
			return gap
		}
		return 0
	}

	// block is the room of the surface with its axes and colour bar.
	var block image.Rectangle
	var rg regions
	switch a {
	case sideColumn, tableUnder:
		sideW := max(chartW, dataW)
		sideH := chartH + gapIf(sp.scatter) + dataH
		if a == sideColumn {
			sideW = max(sideW, tw)
			sideH += gapIf(hasTable) + th
		}
		bottom := content.Max.Y
		if a == tableUnder {
			if !hasTable || tw > content.Dx() {
				return rg, 0, false
			}
			bottom -= th + gap
		}
		if sideH > bottom-content.Min.Y {
			return rg, 0, false
		}
		block = rect(content.Min.X, content.Min.Y, content.Max.X-sideW-gap, bottom)
	case strip:
		rowW := tw + gapIf(hasTable) + chartW + gapIf(sp.scatter) + dataW
		rowH := max(th, chartH, dataH)
		if rowW > content.Dx() {
			return rg, 0, false
		}
		block = rect(content.Min.X, content.Min.Y, content.Max.X, content.Max.Y-rowH-gap)
	case stack:
		colW := max(tw, chartW, dataW)
		if colW > content.Dx() {
			return rg, 0, false
		}
		block = rect(content.Min.X, content.Min.Y, content.Max.X, content.Max.Y-chartH-gap-gapIf(sp.scatter)-dataH-gapIf(hasTable)-th)
	}
	if block.Empty() {
		return rg, 0, false
	}
	surf, box, bar, over := placeSurface(sp, block, gap)
	q := float64(min(surf.Dx(), surf.Dy()))
	if q < surfaceMin*lh {
		return rg, q, false
	}
	rg.surface, rg.surfaceBox, rg.colorBar, rg.barOver = surf, box, bar, over

	// What is left goes to the chart and the data plot.
	switch a {
	case sideColumn, tableUnder:
		side := rect(box.Max.X+gap, content.Min.Y, content.Max.X, content.Max.Y)
		if hasTable {
			if a == sideColumn {
				rg.table = rect(side.Min.X, side.Max.Y-th, side.Max.X, side.Max.Y)
			} else {
				rg.table = rect(content.Min.X, block.Max.Y+gap, content.Min.X+max(tw, box.Dx()), block.Max.Y+gap+th)
			}
			side.Max.Y = rg.table.Min.Y - gap
			if a == tableUnder && rg.table.Max.X > side.Min.X-gap {
				side.Max.Y = block.Max.Y
			} else if a == tableUnder {
				side.Max.Y = content.Max.Y // the table is no wider than the surface
			}
		}
		rg.loss, rg.scatterBox = splitV(side, sp.scatter, chartH, dataH, gap)
	case strip:
		row := rect(content.Min.X, box.Max.Y+gap, content.Max.X, content.Max.Y)
		if hasTable {
			rg.table = rect(row.Min.X, row.Min.Y, row.Min.X+tw, row.Min.Y+th)
			row.Min.X = rg.table.Max.X + gap
		}
		rg.loss = row
		if sp.scatter {
			free := row.Dx() - chartW - dataW - gap
			rg.loss = rect(row.Min.X, row.Min.Y, row.Min.X+chartW+free/2, row.Max.Y)
			rg.scatterBox = rect(rg.loss.Max.X+gap, row.Min.Y, row.Max.X, row.Max.Y)
		}
	case stack:
		col := rect(content.Min.X, box.Max.Y+gap, content.Max.X, content.Max.Y)
		if hasTable {
			rg.table = rect(col.Min.X, col.Max.Y-th, col.Min.X+max(tw, col.Dx()), col.Max.Y)
			col.Max.Y = rg.table.Min.Y - gap
		}
		rg.loss, rg.scatterBox = splitV(col, sp.scatter, chartH, dataH, gap)
	}
	if sp.scatter {
		b := rg.scatterBox
		rg.scatter = rect(b.Min.X+sp.scatterLeft, b.Min.Y, b.Max.X, b.Max.Y-sp.scatterDown)
	}
	if sp.chartLarge {
		// The chart takes the surface's room; its own place stays empty.
		rg.loss = box
		rg.surface, rg.surfaceBox, rg.colorBar = image.Rectangle{}, image.Rectangle{}, image.Rectangle{}
	}
	return rg, q, true
}

// squeeze is the layout of last resort: the parts stacked as in the
// stack arrangement, but each cut to the screen's width and the surface
// given what the others leave, however small.
func squeeze(sp layoutSpec, content image.Rectangle, gap int) regions {
	lh := sp.lh
	chartH := int(chartMinHeight * lh)
	dataH := 0
	if sp.scatter {
		dataH = int(scatterMinHeight*lh) + sp.scatterDown
	}
	th := sp.table.Y
	below := chartH + gap
	if sp.scatter {
		below += dataH + gap
	}
	if th > 0 {
		below += th + gap
	}
	// The surface keeps at least half the height.
	below = min(below, content.Dy()/2)
	block := rect(content.Min.X, content.Min.Y, content.Max.X, content.Max.Y-below)
	var rg regions
	rg.surface, rg.surfaceBox, rg.colorBar, rg.barOver = placeSurface(sp, block, gap)
	col := rect(content.Min.X, block.Max.Y+gap, content.Max.X, content.Max.Y)
	if col.Dy() <= 0 {
		return rg
	}
	if th > 0 {
		h := min(th, col.Dy()/2)
		rg.table = rect(col.Min.X, col.Max.Y-h, col.Max.X, col.Max.Y)
		col.Max.Y = rg.table.Min.Y - gap
	}
	if col.Dy() > 0 {
		rg.loss, rg.scatterBox = splitV(col, sp.scatter, chartH, dataH, gap)
	}
	if sp.scatter && !rg.scatterBox.Empty() {
		b := rg.scatterBox
		rg.scatter = rect(b.Min.X+sp.scatterLeft, b.Min.Y, b.Max.X, b.Max.Y-sp.scatterDown)
	}
	if sp.chartLarge {
		rg.loss = rg.surfaceBox
		rg.surface, rg.surfaceBox, rg.colorBar = image.Rectangle{}, image.Rectangle{}, image.Rectangle{}
	}
	return rg
}

// splitV cuts r into the chart over the data plot (when there is one),
// sharing the height in proportion to their least heights.
func splitV(r image.Rectangle, data bool, chartH, dataH, gap int) (chart, plot image.Rectangle) {
	if !data {
		return r, image.Rectangle{}
	}
	h := r.Dy() - gap
	ch := h * chartH / (chartH + dataH)
	return rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+ch), rect(r.Min.X, r.Min.Y+ch+gap, r.Max.X, r.Max.Y)
}

// barShare is the most of the surface block's width the colour bar takes
// beside the surface; a wider bar is drawn over the surface's right edge.
const barShare = 0.2

// placeSurface fits the surface, its axes' room and its colour bar into
// block: the surface takes what the axes and the bar leave, cut to the
// parameter window's aspect ratio when its scales must be equal (at the
// block's top left). It returns the surface, its box with axes and bar,
// the bar, and whether the bar lies over the surface (a narrow block).
func placeSurface(sp layoutSpec, block image.Rectangle, gap int) (surf, box, bar image.Rectangle, over bool) {
	barRoom := 0
	if sp.colorBar > 0 {
		barRoom = sp.colorBar + gap
		if float64(barRoom) > barShare*float64(block.Dx()) {
			barRoom, over = 0, true
		}
	}
	surf = image.Rectangle{Min: image.Pt(block.Min.X+sp.axesLeft, block.Min.Y), Max: image.Pt(block.Max.X-barRoom, block.Max.Y-sp.axesBelow)}
	if surf.Dx() < 1 || surf.Dy() < 1 {
		return image.Rectangle{}, image.Rectangle{}, image.Rectangle{}, false
	}
	if sp.square && sp.aspect > 0 {
		w, h := float64(surf.Dx()), float64(surf.Dy())
		if w/h > sp.aspect {
			w = math.Floor(h * sp.aspect)
		} else {
			h = math.Floor(w / sp.aspect)
		}
		surf.Max = surf.Min.Add(image.Pt(int(w), int(h)))
	}
	box = rect(surf.Min.X-sp.axesLeft, surf.Min.Y, surf.Max.X+barRoom, surf.Max.Y+sp.axesBelow)
	switch {
	case over:
		pad := gap / 2
		bar = rect(surf.Max.X-sp.colorBar-pad, surf.Min.Y+pad, surf.Max.X-pad, surf.Max.Y-pad)
	case sp.colorBar > 0:
		bar = rect(surf.Max.X+gap, surf.Min.Y, surf.Max.X+gap+sp.colorBar, surf.Max.Y)
	}
	return surf, box, bar, over
}

// wrapText breaks s into lines of at most width pixels at spaces (a word
// longer than the width gets a line of its own); an empty s gives no
// lines. Runs of " · " are preferred breaks: the status line is a list.
func wrapText(s string, width float64) []string {
	if s == "" {
		return nil
	}
	if render.TextWidth(s) <= width {
		return []string{s}
	}
	var lines []string
	line := ""
	for _, word := range strings.Split(s, " ") {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && render.TextWidth(try) > width {
			lines = append(lines, strings.TrimSuffix(line, " ·"))
			line = word
			if word == "·" {
				line = ""
			}
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// regions lays the screen out for the world as it is (layout): the panel
// in the canvas where it is drawn there, the surface square where its two
// parameters share units (a test surface's race and convergence map) so
// that its scales are equal, its axes' and colour bar's room measured at
// the current text size, the loss chart, the data plot for regression and
// the status table in the race view, and the status and message lines.
func (g *Game) regions() regions {
	w := g.world
	sp := layoutSpec{size: image.Pt(g.width, g.height), lh: render.LineHeight(), chartLarge: g.chartShown()}
	if panelInCanvas && !g.exportView {
		sp.panel = image.Pt(panelWidth*uiScale(), g.height)
		sp.handle = drawerHandleSize.Add(panelOrigin).Mul(uiScale())
	}
	window := w.scenario.View
	switch {
	case w.View == ConvergenceView:
		window = w.mapRange()
		sp.square = true
	case w.View == TrainabilityView:
		if m, _ := w.Map(); m != nil {
			v, _, _ := mapViewport(m.Spec, image.Rect(0, 0, 1, 1))
			window = [4]float64{v.XMin, v.XMax, v.YMin, v.YMax}
		} else {
			window = w.mapRange()
		}
	case !w.scenario.Regression() && !w.Show3D:
		sp.square = true
	}
	sp.aspect = (window[1] - window[0]) / (window[3] - window[2])
	if w.View != RaceView || !w.Show3D {
		probe := render.Viewport{XMin: window[0], XMax: window[1], YMin: window[2], YMax: window[3], Rect: image.Rect(0, 0, g.width/2, g.height/2)}
		sp.axesLeft, sp.axesBelow = render.AxesRoom(probe)
	}
	if w.View == RaceView {
		sp.colorBar = g.colorBarWidth()
		sp.table = w.tableSize()
	}
	if w.scenario.Regression() {
		sp.scatter = true
		sp.scatterLeft, sp.scatterDown = render.AxesRoom(render.Viewport{XMin: -10, XMax: 10, YMin: -10, YMax: 10, Rect: image.Rect(0, 0, 200, 200)})
	}
	sp.status = g.statusLine(true)
	sp.message, _ = g.messageLine()
	rg := layout(sp)
	rg.scale = uiScale()
	return rg
}

// colorBarWidth is the room of the heatmap's colour bar: the room for
// the widest label a scale can have, so that the layout does not move
// when the surface (and so its scale) changes.
func (g *Game) colorBarWidth() int {
	return render.ColorBarWidth(render.ColorScale{Min: -8.8e88, Max: -8.8e88})
}

// meshOptions are what the 3-D view draws around the mesh: axes named as
// the scenario names its parameters, the minima (or the least-squares
// optimum), the contours on the floor, and the focus: the region the
// paths use with the start and the minima in view, padded, so that the
// camera frames where the race is.
func (g *Game) meshOptions() render.MeshOptions {
	w := g.world
	opt := render.MeshOptions{Axes: true, XLabel: w.scenario.XLabel, YLabel: w.scenario.YLabel, ZLabel: "loss"}
	if g.layer != nil {
		opt.Contours = g.layer.Contours()
	}
	if !w.scenario.Regression() {
		if s, err := compute.SurfaceByName(w.scenario.Base.Surface); err == nil {
			for _, m := range s.Minima {
				opt.Minima = append(opt.Minima, [2]float64{m.X, m.Y})
			}
		}
	} else if theta, ok := g.pic.optimum.optimum(w); ok {
		opt.Minima = append(opt.Minima, [2]float64{theta[0], theta[1]})
	}
	var pts [][2]float64
	if len(w.start) >= 2 {
		pts = append(pts, [2]float64{w.start[0], w.start[1]})
	}
	pts = append(pts, opt.Minima...)
	for _, p := range g.pathBuf {
		pts = append(pts, p.Points...)
	}
	opt.Focus = focusOf(pts, w.scenario.View)
	return opt
}

// focusOf is the rectangle the 3-D camera frames: the bounding box of pts
// inside the window, padded by a tenth of the window on each side and at
// least 40% of it across, kept inside the window.
func focusOf(pts [][2]float64, window [4]float64) [4]float64 {
	if len(pts) == 0 {
		return window
	}
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		if p[0] < window[0] || p[0] > window[1] || p[1] < window[2] || p[1] > window[3] {
			continue // outside the window (a diverging run)
		}
		x0, x1, y0, y1 = math.Min(x0, p[0]), math.Max(x1, p[0]), math.Min(y0, p[1]), math.Max(y1, p[1])
	}
	if x0 > x1 {
		return window
	}
	axis := func(lo, hi, wlo, whi float64) (float64, float64) {
		span := whi - wlo
		lo, hi = lo-0.1*span, hi+0.1*span
		if grow := 0.4*span - (hi - lo); grow > 0 {
			lo, hi = lo-grow/2, hi+grow/2
		}
		if lo < wlo {
			lo, hi = wlo, hi+(wlo-lo)
		}
		if hi > whi {
			lo, hi = lo-(hi-whi), whi
		}
		return math.Max(lo, wlo), math.Min(hi, whi)
	}
	x0, x1 = axis(x0, x1, window[0], window[1])
	y0, y1 = axis(y0, y1, window[2], window[3])
	return [4]float64{x0, x1, y0, y1}
}

// drawerHandleSize is the folded drawer's window, in debugui's unscaled
// pixels.
var drawerHandleSize = image.Pt(150, 58)

// panelHeight is the panel window's height in debugui's unscaled pixels:
// the screen's, less the window's offset from the corner.
func (g *Game) panelHeight() int { return max(g.height/uiScale()-2*panelOrigin.Y, 100) }

// rect is the rectangle with these edges, empty (not swapped, as
// image.Rect would) when they cross.
func rect(x0, y0, x1, y1 int) image.Rectangle {
	return image.Rectangle{Min: image.Pt(x0, y0), Max: image.Pt(x1, y1)}
}
