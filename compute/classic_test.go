package compute

import (
	"context"
	"math"
	"testing"
)

// TestClassicExample reproduces the numpy original of the classic example:
// plain gradient descent on the five-point data set, η = 0.01, 1000 epochs
// from (0, 0), ends at slope 0.7148435629087723, intercept 1.8464100280623261.
func TestClassicExample(t *testing.T) {
	m := NewLinearRegression(ClassicData())
	path := NewPathRecorder(0)
	tr, err := NewTrainer(m, NewSGD(0.01), []float64{0, 0}, TrainerOptions{Recorders: []Recorder{path}})
	if err != nil {
		t.Fatal(err)
	}
	if r := tr.RunEpochs(context.Background(), 1000); r != Finished {
		t.Fatalf("stopped: %s", r)
	}
	p := tr.Params()
	want := []float64{0.7148435629087723, 1.8464100280623261}
	for i := range want {
		if math.Abs(p[i]-want[i]) > 1e-12 {
			t.Errorf("param %d = %.17g, want %.17g", i, p[i], want[i])
		}
	}
	if got := path.Len(); got != 1001 {
		t.Errorf("path has %d points, want 1001", got)
	}
	if tr.Steps() != 1000 || tr.Epochs() != 1000 {
		t.Errorf("steps %d epochs %d, want 1000 each", tr.Steps(), tr.Epochs())
	}
}
