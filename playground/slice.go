package playground

import (
	"fmt"
	"slices"

	"github.com/descent-playground/descent/compute"
)

// sliceFieldSize is the loss grid's resolution along each axis for a model
// with more than two parameters, whose field is computed again as the
// slice moves (a 128² logistic-regression grid on 200 points costs about
// a quarter of the 256² one).
const sliceFieldSize = 128

// sliceEvery is how many Field calls (about one a frame) a moving slice
// waits between recomputations while the race plays; a paused race's
// slice follows at once.
const sliceEvery = 30

// fieldSlice is where the drawn loss field's 2-D slice goes through. A
// model with more than two parameters (logistic regression: w₁, w₂ and the
// bias b) has no single surface over the view; the field shown is the
// 2-D slice of compute.Grid through the leader's current point along the
// two viewed parameters, so that it is the loss the leader sees around it.
type fieldSlice struct {
	base  []float64 // the point the slice goes through
	racer string    // whose point it is ("" for the start)
	step  int       // the racer's step when it was taken
	calls int       // Field calls since the base last moved
}

// sliceBase returns the point the field's slice goes through: the start
// when the model has two parameters (the view shows them all) or no racer
// runs, else the leader's current point, refreshed at most every
// sliceEvery calls while the race plays.
func (w *World) sliceBase() []float64 {
	s := &w.slice
	r := w.Leader()
	if len(w.start) <= 2 || r == nil {
		s.base, s.racer, s.step = w.start, "", 0
		return s.base
	}
	p := r.Trainer().Params()
	if s.base != nil && s.racer == r.Name() && slices.Equal(s.base[2:], p[2:]) {
		s.step = r.Trainer().Steps() // the same slice as the leader's now
		return s.base
	}
	if s.base == nil || s.racer != r.Name() || !w.Playing || s.calls >= sliceEvery || len(s.base) != len(p) {
		s.base, s.racer, s.step, s.calls = slices.Clone(p), r.Name(), r.Trainer().Steps(), 0
		return s.base
	}
	s.calls++
	return s.base
}

// fieldGrid is the grid of the loss field over the view on the slice
// through base: the two viewed parameters vary, the others are base's. The
// slice's directions are the first two unit vectors, so the grid takes
// compute.Grid's axis-aligned form (Base holding the fixed parameters),
// which the backends' fast paths and the GPU's shaders run; a model with
// more than two parameters is computed at sliceFieldSize, as its slice
// moves with the race.
func (w *World) fieldGrid(base []float64) compute.Grid {
	v := w.scenario.View
	g := compute.Grid{X: 0, Y: 1, Base: base, XMin: v[0], XMax: v[1], YMin: v[2], YMax: v[3], Cols: fieldSize, Rows: fieldSize}
	if len(base) > 2 {
		g.Cols, g.Rows = sliceFieldSize, sliceFieldSize
	}
	return g
}

// SliceCaption states the slice the field shows when the model has more
// parameters than the view: which ones are held, at what values, and
// whose point that is. It is empty when the view shows every parameter.
func (w *World) SliceCaption() string {
	base := w.slice.base
	if len(base) <= 2 {
		return ""
	}
	names := w.objective().Layout().Names()
	held := ""
	for i := 2; i < len(base) && i < len(names); i++ {
		if held != "" {
			held += ", "
		}
		held += fmt.Sprintf("%s = %.3g", names[i], base[i])
	}
	whose := "the start"
	if w.slice.racer != "" {
		whose = fmt.Sprintf("%s's point at step %d", w.slice.racer, w.slice.step)
	}
	return fmt.Sprintf("loss over %s, %s through %s: %s", names[0], names[1], whose, held)
}
