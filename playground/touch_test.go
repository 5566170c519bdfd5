package playground

import (
	"image"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// frameOf builds one frame's fingers from (id, x, y) triples.
func frameOf(f ...int) []finger {
	var out []finger
	for i := 0; i+2 < len(f); i += 3 {
		out = append(out, finger{ID: ebiten.TouchID(f[i]), At: image.Pt(f[i+1], f[i+2])})
	}
	return out
}

// TestTouchGestures feeds the tracker frames of fingers and checks the
// gesture of each frame.
func TestTouchGestures(t *testing.T) {
	const slop = 12
	type step struct {
		fingers []finger
		want    gesture
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"a tap is a finger down and up in place", []step{
			{frameOf(1, 100, 100), gesture{Began: true, Start: image.Pt(100, 100)}},
			{frameOf(1, 103, 98), gesture{Start: image.Pt(100, 100)}},
			{nil, gesture{Kind: tapGesture, At: image.Pt(103, 98), Start: image.Pt(100, 100)}},
		}},
		{"a finger that moves past the slop drags, then does not tap", []step{
			{frameOf(1, 100, 100), gesture{Began: true, Start: image.Pt(100, 100)}},
			{frameOf(1, 120, 100), gesture{Kind: dragGesture, At: image.Pt(120, 100), Move: image.Pt(20, 0), Start: image.Pt(100, 100)}},
			{frameOf(1, 120, 90), gesture{Kind: dragGesture, At: image.Pt(120, 90), Move: image.Pt(0, -10), Start: image.Pt(100, 100)}},
			{frameOf(1, 120, 90), gesture{Start: image.Pt(100, 100)}},
			{nil, gesture{}},
		}},
		{"two fingers pinch; lifting them neither drags nor taps", []step{
			{frameOf(1, 100, 100), gesture{Began: true, Start: image.Pt(100, 100)}},
			{frameOf(1, 100, 100, 2, 200, 100), gesture{Start: image.Pt(100, 100)}},
			{frameOf(1, 50, 100, 2, 250, 100), gesture{Kind: pinchGesture, At: image.Pt(150, 100), Spread: 2, Start: image.Pt(100, 100)}},
			{frameOf(2, 200, 100, 1, 100, 100), gesture{Kind: pinchGesture, At: image.Pt(150, 100), Spread: 0.5, Start: image.Pt(100, 100)}},
			{frameOf(2, 260, 100), gesture{Start: image.Pt(100, 100)}},
			{nil, gesture{}},
		}},
		{"a new gesture starts afresh", []step{
			{frameOf(1, 10, 10), gesture{Began: true, Start: image.Pt(10, 10)}},
			{frameOf(1, 90, 10), gesture{Kind: dragGesture, At: image.Pt(90, 10), Move: image.Pt(80, 0), Start: image.Pt(10, 10)}},
			{nil, gesture{}},
			{frameOf(3, 50, 50), gesture{Began: true, Start: image.Pt(50, 50)}},
			{nil, gesture{Kind: tapGesture, At: image.Pt(50, 50), Start: image.Pt(50, 50)}},
		}},
	} {
		var tr touchTracker
		for i, s := range tc.steps {
			if got := tr.update(s.fingers, slop); got != s.want {
				t.Errorf("%s: frame %d: got %+v, want %+v", tc.name, i, got, s.want)
			}
		}
		if tr.active() {
			t.Errorf("%s: a gesture is still under way after every finger lifted", tc.name)
		}
	}
}
