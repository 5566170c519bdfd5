package compute

import (
	"errors"
	"fmt"
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
