package render

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// Path is an optimizer's trajectory in parameter space, one point per step,
// with the colour and name it is shown with.
type Path struct {
	Points [][2]float64
	Color  color.RGBA
	Name   string
}

// Sizes of DrawPath's marks, in pixels.
const (
	pathWidth  = 2
	caseWidth  = 1.5 // the dark casing on each side of a line or ring
	dotRadius  = 1.75
	dotSpacing = 3 // dots closer than this to the previous dot are skipped
	headRadius = 5 // the ring at the current point
	ringWidth  = 2
	clipMargin = 8 // how far outside a viewport lines are still traced
)

// The reused geometry of DrawPath.
var (
	pathLine polyline
	pathMesh lineMesh
)

// DrawPath draws p in viewport v, clipped to v.Rect: an anti-aliased
// polyline cased in a dark outline, a small dot at each step when markers is
// set (dots closer than 3 px to the previous one are skipped), and a ring at
// the current, last point. Non-finite points break the line. Opaque colours
// look best: translucent ones darken where segments meet.
func DrawPath(dst *ebiten.Image, v Viewport, p Path, markers bool) {
	if len(p.Points) == 0 {
		return
	}
	bounds := boxAround(v.Rect, clipMargin)
	pathLine.reset(bounds)
	for _, pt := range p.Points {
		pathLine.add(v.screen(pt[0], pt[1]))
	}
	clr := toPremul(p.Color)
	pathMesh.reset()
	pathLine.stroke(&pathMesh, pathWidth+2*caseWidth, toPremul(theme.Case))
	pathLine.stroke(&pathMesh, pathWidth, clr)
	if markers {
		addDots(&pathMesh, v, p.Points, bounds, clr)
	}
	last := p.Points[len(p.Points)-1]
	if x, y := v.screen(last[0], last[1]); bounds.contains(x, y) {
		addHead(&pathMesh, x, y, clr)
	}
	pathMesh.draw(clipTo(dst, v.Rect))
}

// addDots adds a small dot at each point of pts that lies inside bounds and
// at least dotSpacing from the previous dot.
func addDots(m *lineMesh, v Viewport, pts [][2]float64, bounds box, c premul) {
	lastX, lastY := math.Inf(1), math.Inf(1)
	for _, pt := range pts {
		x, y := v.screen(pt[0], pt[1])
		if !bounds.contains(x, y) || math.Hypot(x-lastX, y-lastY) < dotSpacing {
			continue
		}
		m.disc(x, y, dotRadius, c)
		lastX, lastY = x, y
	}
}

// addHead adds the current-point ring at (x, y): a ring in c, cased dark.
func addHead(m *lineMesh, x, y float64, c premul) {
	m.ring(x, y, headRadius, ringWidth+2*caseWidth, toPremul(theme.Case))
	m.ring(x, y, headRadius, ringWidth, c)
}
