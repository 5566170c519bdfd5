package compute

// thinning decides which of a growing sequence of records to keep so that
// at most budget are kept however long the sequence grows: every record
// until the budget is reached, then every second one, then every fourth,
// and so on. Record i (from 0) is kept while i is a multiple of stride;
// when the kept records exceed the budget, every second one is dropped and
// the stride doubles. The caller keeps the latest record apart, so the
// last point is never lost.
type thinning struct {
	budget, stride, seen int
}

// DefaultPathBudget is the number of points a path recorder keeps before it
// thins: enough for a smooth path at any screen size.
const DefaultPathBudget = 1 << 14

// next reports whether the next record is kept.
func (t *thinning) next() bool {
	if t.stride == 0 {
		t.stride = 1
		if t.budget <= 0 {
			t.budget = DefaultPathBudget
		}
	}
	keep := t.seen&(t.stride-1) == 0 // stride is a power of two
	t.seen++
	return keep
}

// full reports whether kept records exceed the budget; the caller then
// keeps every second one (indices 0, 2, 4, …) and calls halve.
func (t *thinning) full(kept int) bool { return kept > t.budget }

func (t *thinning) halve() { t.stride *= 2 }

// compact keeps elements 0, 2, 4, … of s, each of width w.
func compact[T any](s []T, w int) []T {
	n := len(s) / w
	k := 0
	for i := 0; i < n; i += 2 {
		copy(s[k*w:(k+1)*w], s[i*w:(i+1)*w])
		k++
	}
	return s[:k*w]
}
