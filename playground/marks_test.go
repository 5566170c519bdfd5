package playground

import (
	"image"
	"math"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// raceLegendBox is where Draw puts the race view's legend, and
// mapLegendBox where drawMap puts a map's legend: the box legendBox gives
// for the entries each draws, so they follow the drawing code.
func raceLegendBox(g *Game, rg regions) image.Rectangle {
	return legendBox(rg, g.legend())
}

func mapLegendBox(g *Game, rg regions, m *compute.MapResult) image.Rectangle {
	return legendBox(rg, g.mapLegend(m))
}

// minimaOnScreen returns the screen positions of the stars that mark the
// surface's minima in viewport v.
func minimaOnScreen(g *Game, v render.Viewport) [][2]float64 {
	s, err := compute.SurfaceByName(g.world.scenario.Base.Surface)
	if err != nil || g.world.scenario.Regression() {
		return nil
	}
	var pts [][2]float64
	for _, m := range s.Minima {
		x, y := v.ToScreen(m.X, m.Y)
		pts = append(pts, [2]float64{float64(x), float64(y)})
	}
	return pts
}

// clearPathPoints returns pixels along racer i's path, about 2 px apart,
// where only that path can be drawn: inside the surface and off its frame,
// off the legend, more than 6 px from the paths of the racers drawn after
// it (a cased path reaches 3.5 px from its line), more than 48 px from
// every racer's current point (its ring and its arrows of 36 px) and more
// than 12 px from the stars on the minima. The path is taken through the
// viewport Draw uses.
func clearPathPoints(g *Game, rg regions, i int) []image.Point {
	racers := g.world.Racers
	if racers[i].Trainer() == nil {
		return nil
	}
	v := g.viewport(rg)
	screenPath := func(r *Racer) [][2]float64 {
		var pts [][2]float64
		for _, p := range r.Path() {
			x, y := v.ToScreen(p[0], p[1])
			pts = append(pts, [2]float64{float64(x), float64(y)})
		}
		return pts
	}
	var later [][][2]float64
	var heads [][2]float64
	for j, r := range racers {
		if r.Trainer() == nil {
			continue
		}
		p := screenPath(r)
		heads = append(heads, p[len(p)-1])
		if j > i {
			later = append(later, p)
		}
	}
	inside := rg.surface.Inset(3)
	legend := raceLegendBox(g, rg).Inset(-4)
	stars := minimaOnScreen(g, v)
	var out []image.Point
	path := screenPath(racers[i])
	for k := 1; k < len(path); k++ {
		a, b := path[k-1], path[k]
		length := math.Hypot(b[0]-a[0], b[1]-a[1])
		if !(length < 2000) {
			continue // a diverged or non-finite step
		}
		n := max(int(math.Ceil(length/2)), 1)
		for s := range n {
			f := float64(s) / float64(n)
			p := [2]float64{a[0] + f*(b[0]-a[0]), a[1] + f*(b[1]-a[1])}
			px := image.Pt(int(math.Floor(p[0])), int(math.Floor(p[1])))
			if !px.In(inside) || px.In(legend) || nearAny(p, heads, 48) || nearAny(p, stars, 12) {
				continue
			}
			clear := true
			for _, q := range later {
				if distToPolyline(p, q) <= 6 {
					clear = false
					break
				}
			}
			if clear {
				out = append(out, px)
			}
		}
	}
	return out
}

// nearAny reports whether p lies within d of one of pts.
func nearAny(p [2]float64, pts [][2]float64, d float64) bool {
	for _, q := range pts {
		if math.Hypot(p[0]-q[0], p[1]-q[1]) <= d {
			return true
		}
	}
	return false
}

// distToPolyline is the distance from p to the polyline through pts.
func distToPolyline(p [2]float64, pts [][2]float64) float64 {
	d := math.Inf(1)
	for k := range pts {
		a, b := pts[k], pts[max(k-1, 0)]
		ex, ey := b[0]-a[0], b[1]-a[1]
		t := 0.0
		if l := ex*ex + ey*ey; l > 0 {
			t = math.Max(0, math.Min(1, ((p[0]-a[0])*ex+(p[1]-a[1])*ey)/l))
		}
		d = math.Min(d, math.Hypot(p[0]-a[0]-t*ex, p[1]-a[1]-t*ey))
	}
	return d
}
