package playground

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// finger is one touch on the screen, in screen pixels.
type finger struct {
	ID ebiten.TouchID
	At image.Point
}

// gestureKind is what the fingers did in a frame.
type gestureKind int

// The gestures.
const (
	// noGesture: nothing to act on this frame.
	noGesture gestureKind = iota
	// tapGesture: one finger went down and came up without moving past
	// the slop and without a second finger joining.
	tapGesture
	// dragGesture: one finger moved (past the slop, then every frame).
	dragGesture
	// pinchGesture: two fingers moved apart or together.
	pinchGesture
)

// gesture is one frame's gesture.
type gesture struct {
	Kind gestureKind
	// Began says that the first finger of a new gesture went down this
	// frame, at Start.
	Began bool
	Start image.Point
	// At is a tap's point, a drag's finger or a pinch's centre.
	At image.Point
	// Move is a drag's movement since the last frame.
	Move image.Point
	// Spread is a pinch's distance between the fingers over the last
	// frame's (above 1 when they move apart).
	Spread float64
}

// touchTracker turns the fingers on the screen, frame by frame, into
// taps, drags and pinches. A gesture lasts from the first finger down to
// the last finger up; once a second finger has joined, it is a pinch
// until every finger has lifted (so lifting one finger of a pinch neither
// drags nor taps).
type touchTracker struct {
	down   []finger
	start  image.Point
	moved  bool
	multi  bool
	spread float64
}

// active reports whether a gesture is under way.
func (t *touchTracker) active() bool { return len(t.down) > 0 }

// update takes the fingers down now and returns the frame's gesture; slop
// is how far a finger may wander and still tap. It reorders now so that
// fingers already down keep their order and new ones follow.
func (t *touchTracker) update(now []finger, slop int) gesture {
	var g gesture
	t.order(now)
	switch {
	case len(now) == 0:
		if len(t.down) == 1 && !t.moved && !t.multi {
			g = gesture{Kind: tapGesture, At: t.down[0].At, Start: t.start}
		}
		*t = touchTracker{down: t.down[:0]}
		return g
	case len(t.down) == 0:
		t.start, t.moved, t.multi, t.spread = now[0].At, false, false, 0
		g.Began = true
	}
	g.Start = t.start
	if len(now) >= 2 {
		t.multi = true
		a, b := now[0].At, now[1].At
		spread := math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y))
		if t.spread > 0 && spread > 0 && spread != t.spread {
			g.Kind, g.Spread = pinchGesture, spread/t.spread
			g.At = image.Pt((a.X+b.X)/2, (a.Y+b.Y)/2)
		}
		t.spread = spread
	} else if !t.multi {
		f := now[0]
		if d := f.At.Sub(t.start); d.X*d.X+d.Y*d.Y > slop*slop {
			t.moved = true
		}
		if prev, ok := t.find(f.ID); ok && t.moved && f.At != prev {
			g.Kind, g.At, g.Move = dragGesture, f.At, f.At.Sub(prev)
		}
	}
	t.down = append(t.down[:0], now...)
	return g
}

// find returns where finger id was in the last frame.
func (t *touchTracker) find(id ebiten.TouchID) (image.Point, bool) {
	for _, f := range t.down {
		if f.ID == id {
			return f.At, true
		}
	}
	return image.Point{}, false
}

// order sorts now (in place, stably) by when each finger went down as far
// as the tracker knows: fingers it saw before first, in their order.
func (t *touchTracker) order(now []finger) {
	rank := func(id ebiten.TouchID) int {
		for i, f := range t.down {
			if f.ID == id {
				return i
			}
		}
		return len(t.down)
	}
	for i := 1; i < len(now); i++ {
		for j := i; j > 0 && rank(now[j].ID) < rank(now[j-1].ID); j-- {
			now[j], now[j-1] = now[j-1], now[j]
		}
	}
}

// fingers appends the touches on the screen to buf, with ids as the
// buffer for their IDs.
func fingers(buf []finger, ids []ebiten.TouchID) ([]finger, []ebiten.TouchID) {
	ids = ebiten.AppendTouchIDs(ids[:0])
	buf = buf[:0]
	for _, id := range ids {
		x, y := ebiten.TouchPosition(id)
		buf = append(buf, finger{ID: id, At: image.Pt(x, y)})
	}
	return buf, ids
}
