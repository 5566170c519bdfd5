package render

import "math"

// minLineStep is the screen distance below which a polyline drops a point:
// a converged path of thousands of steps then costs a handful of segments.
const minLineStep = 0.5

// polyline turns a stream of screen points into line segments: it clips
// each segment to its bounds, breaks the line at non-finite points and drops
// points closer than minLineStep to the pen. Its zero value is ready after
// reset.
type polyline struct {
	segs       [][4]float64
	bounds     box
	prevX      float64 // the previous point as given, before clipping
	prevY      float64
	penX, penY float64 // where the next segment starts
	hasPrev    bool
	open       bool // the pen is on the line (inside bounds, no break since)
}

// reset empties the line and sets the box that clips it.
func (l *polyline) reset(bounds box) {
	l.segs = l.segs[:0]
	l.bounds = bounds
	l.hasPrev, l.open = false, false
}

// lift ends the current run of segments; the next point starts a new one.
func (l *polyline) lift() {
	l.hasPrev, l.open = false, false
}

// add extends the line to (x, y).
func (l *polyline) add(x, y float64) {
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		l.lift()
		return
	}
	if !l.hasPrev {
		l.prevX, l.prevY, l.hasPrev = x, y, true
		l.penX, l.penY, l.open = x, y, l.bounds.contains(x, y)
		return
	}
	x0, y0, x1, y1, ok := l.bounds.clipSegment(l.prevX, l.prevY, x, y)
	l.prevX, l.prevY = x, y
	if !ok {
		l.open = false
		return
	}
	if !l.open {
		l.penX, l.penY = x0, y0
	}
	if dx, dy := x1-l.penX, y1-l.penY; dx*dx+dy*dy >= minLineStep*minLineStep {
		l.segs = append(l.segs, [4]float64{l.penX, l.penY, x1, y1})
		l.penX, l.penY = x1, y1
	}
	l.open = x1 == x && y1 == y
}

// stroke adds the line's segments to m, width pixels wide, with square ends
// that close the joints.
func (l *polyline) stroke(m *lineMesh, width float64, c premul) {
	for _, s := range l.segs {
		m.segment(s[0], s[1], s[2], s[3], width, c, true)
	}
}
