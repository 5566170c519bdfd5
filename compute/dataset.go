package compute

import (
	"errors"
	"fmt"
	"sync"
)

// Dataset is a table of N samples with D numeric features and one target.
// Features are stored column by column (X[j][i] is feature j of sample i) so
// that the batch loops read memory in order.
type Dataset struct {
	// X holds one slice of length N per feature.
	X [][]float64
	// Y holds the N targets.
	Y []float64
	// Names names the features, one per column of X; it may be empty.
	Names []string
	// Target names the target column; it may be empty.
	Target string
}

// NewDataset checks that every column has as many rows as y and returns the
// data set. It keeps the slices, it does not copy them.
func NewDataset(x [][]float64, y []float64) (*Dataset, error) {
	if len(x) == 0 {
		return nil, errors.New("data: no feature columns")
	}
	if len(y) == 0 {
		return nil, errors.New("data: no samples")
	}
	for j, col := range x {
		if len(col) != len(y) {
			return nil, fmt.Errorf("data: feature %d has %d rows, target has %d", j, len(col), len(y))
		}
	}
	return &Dataset{X: x, Y: y}, nil
}

// Len returns the number of samples.
func (d *Dataset) Len() int { return len(d.Y) }

// Features returns the number of feature columns.
func (d *Dataset) Features() int { return len(d.X) }

// ClassicData returns the five-point data set of the classic gradient
// descent example: x = 1..5, y = 3, 4, 2, 5, 6.
func ClassicData() *Dataset {
	return &Dataset{
		X:      [][]float64{{1, 2, 3, 4, 5}},
		Y:      []float64{3, 4, 2, 5, 6},
		Names:  []string{"x"},
		Target: "y",
	}
}

// Reordered returns a copy of d with sample k taken from order[k], reusing
// the slices of reuse when it has the same shape (reuse may be nil). Large
// copies are split across cores. A shuffled epoch reads its copy in
// sequence.
func (d *Dataset) Reordered(order []int32, reuse *Dataset) *Dataset {
	out := reuse
	if out == nil || len(out.X) != len(d.X) || len(out.Y) != len(order) {
		out = &Dataset{X: make([][]float64, len(d.X)), Y: make([]float64, len(order))}
		for j := range out.X {
			out.X[j] = make([]float64, len(order))
		}
	}
	out.Names, out.Target = d.Names, d.Target
	t := &gatherTask{src: d, dst: out, order: order}
	workers.run(t, len(order), workers.parts(len(order), minPartSamples), &sync.WaitGroup{})
	return out
}

// gatherTask copies the samples order[lo:hi] of src into dst[lo:hi], one
// column per pass, which keeps the random reads within fewer pages.
type gatherTask struct {
	src, dst *Dataset
	order    []int32
}

func (t *gatherTask) runPart(_, lo, hi int) {
	for j, col := range t.src.X {
		gather(t.dst.X[j][lo:hi], col, t.order[lo:hi])
	}
	gather(t.dst.Y[lo:hi], t.src.Y, t.order[lo:hi])
}

// gather sets dst[k] = src[order[k]].
func gather(dst, src []float64, order []int32) {
	dst = dst[:len(order)]
	for k, i := range order {
		dst[k] = src[i]
	}
}
