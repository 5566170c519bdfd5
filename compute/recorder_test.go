package compute

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"runtime"
	"testing"
)

// TestPathThinning checks the thinning rule: every point until the
// budget, then every second, every fourth…, evenly spaced, with the start
// and the latest point always kept, and never more than budget+1 points.
func TestPathThinning(t *testing.T) {
	for _, steps := range []int{5, 8, 9, 100, 1000, 4097} {
		p := NewPathRecorder(8)
		for s := 0; s <= steps; s++ {
			p.RecordStep(&StepRecord{Step: s, After: []float64{float64(s), 0}})
		}
		pts := p.Points()
		if len(pts) > 9 || pts[0].Step != 0 || pts[len(pts)-1].Step != steps {
			t.Fatalf("%d steps: kept %d points from %d to %d", steps, len(pts), pts[0].Step, pts[len(pts)-1].Step)
		}
		if steps >= 8 && len(pts) < 5 {
			t.Errorf("%d steps: only %d points kept", steps, len(pts))
		}
		stride := 1
		if len(pts) > 2 {
			stride = pts[1].Step - pts[0].Step
		}
		for i := 1; i < len(pts)-1; i++ {
			if pts[i].Step-pts[i-1].Step != stride || pts[i].Params[0] != float64(pts[i].Step) {
				t.Errorf("%d steps: uneven or wrong point %d: %+v", steps, i, pts[i])
			}
		}
	}
}

// TestFullBatchMakesOnePassPerStep counts the passes of a full-batch run
// through Config.Build and Execute: the loss at each point comes from the
// next step's fused pass, so there is one pass per step and one at the end,
// and every point has its loss.
func TestFullBatchMakesOnePassPerStep(t *testing.T) {
	r, err := Config{Data: "linear", N: 1000, Epochs: 50, FullLoss: "every"}.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Execute(context.Background())
	want := Counts{GradientPasses: 50, LossPasses: 1, Samples: 51 * 1000}
	if c := r.Trainer.Counts(); c != want {
		t.Errorf("counts %+v, want %+v", c, want)
	}
	losses := r.Losses.Points()
	if len(losses) != 51 {
		t.Fatalf("%d losses, want 51", len(losses))
	}
	for i, l := range losses {
		p := r.Path.Points()[i]
		at := r.Objective.Func(p.Params)
		if l.Step != p.Step || math.Abs(float64(l.Loss)-at) > 1e-12*at {
			t.Errorf("loss %d: %+v, the model at step %d gives %g", i, l, p.Step, at)
		}
	}
}

// TestMiniBatchLossPerEpoch checks the default policy on data: a shuffled
// mini-batch run evaluates the full loss at the start and after each
// epoch, and nothing else.
func TestMiniBatchLossPerEpoch(t *testing.T) {
	r, err := Config{Data: "linear", N: 640, Variant: "minibatch", BatchSize: 32, Shuffle: true, Epochs: 4}.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Execute(context.Background())
	want := Counts{GradientPasses: 80, LossPasses: 5, Samples: 4*640 + 5*640}
	if c := r.Trainer.Counts(); c != want {
		t.Errorf("counts %+v, want %+v", c, want)
	}
	for i, l := range r.Losses.Points() {
		if l.Step != 20*i || l.Epoch != i {
			t.Errorf("loss %d at step %d epoch %d, want step %d", i, l.Step, l.Epoch, 20*i)
		}
	}
}

// streamRun builds cfg, runs it with a JSONStream attached (with the
// trace when trace is true) and returns the run and what the stream wrote.
func streamRun(t *testing.T, cfg Config, trace bool) (*Run, []byte) {
	t.Helper()
	r, err := cfg.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	s := NewJSONStream(&buf, r)
	r.Trainer.AddRecorder(s)
	r.Execute(context.Background())
	if err := s.Close(trace); err != nil {
		t.Fatal(err)
	}
	return r, buf.Bytes()
}

// TestJSONStreamIsTheResult checks that the streamed JSON of a run decodes
// to the same descent.run/v1 value that encoding/json writes for the run's
// Result.
func TestJSONStreamIsTheResult(t *testing.T) {
	for _, cfg := range []Config{
		{Data: "linear", N: 50, Variant: "sgd", Shuffle: true, Epochs: 3, RecordEvery: 7, FullLoss: "11"},
		{Model: "surface", Surface: "beale", Optimizer: "nadam", Steps: 40},
		{Model: "surface", Surface: "bowl", Hyper: Hypers{"lr": 0.5}, Steps: 500},
	} {
		r, out := streamRun(t, cfg, true)
		var streamed, direct any
		if err := json.Unmarshal(out, &streamed); err != nil {
			t.Fatalf("%s\n%v", out, err)
		}
		b, err := json.Marshal(r.Result(true))
		if err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(b, &direct)
		sb, _ := json.Marshal(streamed)
		db, _ := json.Marshal(direct)
		if !bytes.Equal(sb, db) {
			t.Errorf("stream and Result differ:\n%s\n%s", sb, db)
		}
	}
}

// TestJSONStreamPastTheBudget checks a run longer than the recorders'
// budget: the stream still writes every recorded point with its loss,
// while the Result thins its path, and the non-finite values of a trace
// are written as null.
func TestJSONStreamPastTheBudget(t *testing.T) {
	steps := DefaultPathBudget + 5000
	r, out := streamRun(t, Config{Model: "surface", Surface: "bowl", Steps: steps}, false)
	var streamed Result
	if err := json.Unmarshal(out, &streamed); err != nil {
		t.Fatal(err)
	}
	if len(streamed.Path) != steps+1 {
		t.Fatalf("stream has %d points, want %d", len(streamed.Path), steps+1)
	}
	for i, p := range streamed.Path {
		if p.Step != i || math.IsNaN(float64(p.Loss)) {
			t.Fatalf("point %d: step %d, loss %v", i, p.Step, p.Loss)
		}
	}
	if n := len(r.Result(false).Path); n > DefaultPathBudget+1 {
		t.Errorf("Result kept %d points", n)
	}
	if n := len(streamed.Loss); n > DefaultPathBudget+1 || streamed.Loss[n-1].Step != steps {
		t.Errorf("loss curve of %d points ending at %+v", n, streamed.Loss[n-1])
	}

	_, out = streamRun(t, Config{Model: "surface", Surface: "bowl", Start: []float64{0, 0}, Optimizer: "adam",
		Hyper: Hypers{"eps": 0}, Steps: 3}, true)
	if err := json.Unmarshal(out, &streamed); err != nil || len(streamed.Trace) == 0 {
		t.Errorf("a trace with NaN (0/0 at the minimum with ε = 0): %v\n%s", err, out)
	}
}

// TestLongRunMemoryIsBounded runs 10⁶ steps on a surface through
// Config.Build and checks that the live heap stays near its size after
// the first thousand steps: the path is thinned, nothing grows with the
// run.
func TestLongRunMemoryIsBounded(t *testing.T) {
	r, err := Config{Model: "surface", Surface: "bowl", Hyper: Hypers{"lr": 1e-4}, Steps: 1_000_000}.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	r.Trainer.Run(context.Background(), DefaultPathBudget)
	before := heap()
	r.Trainer.Run(context.Background(), 1_000_000)
	grown := int64(heap()) - int64(before)
	// The thinned path holds at most DefaultPathBudget points of about
	// 48 bytes, already reached before; allow slack for the runtime.
	if grown > 1<<20 {
		t.Errorf("heap grew by %d bytes over 10⁶ steps", grown)
	}
	if n := r.Path.Len(); n > DefaultPathBudget+1 {
		t.Errorf("path kept %d points", n)
	}
}

// TestCPULossSplitsLikeOneCore checks the parallel full-data loss against
// the serial sum.
func TestCPULossSplitsLikeOneCore(t *testing.T) {
	m := linearModel(t, 5*minPartSamples)
	x := []float64{0.3, -0.7}
	got := NewCPU().Loss(m, x)
	want := m.LossRange(x, 0, m.Len()) / float64(m.Len())
	if !near(got, want, 1e-12) {
		t.Errorf("loss %g, serial %g", got, want)
	}
}

// TestGridSlice checks a loss grid over a 2-D slice through a point of
// logistic regression's three parameters against the model evaluated at
// each point, and the axis-aligned grid as the slice along unit vectors.
func TestGridSlice(t *testing.T) {
	d, _ := BlobsData(BlobsSpec{N: 200, Separation: 3, Spread: 1, Seed: 1})
	m := NewLogisticRegression(d)
	base := []float64{0.5, -1, 0.25}
	u, v := []float64{1, 1, 0}, []float64{0, 0.5, 1}
	g := Grid{Base: base, U: u, V: v, XMin: -1, XMax: 1, YMin: -2, YMax: 2, Cols: 5, Rows: 4}
	dst := make([]float64, 20)
	if err := NewCPU().LossGrid(dst, m, g); err != nil {
		t.Fatal(err)
	}
	p := make([]float64, 3)
	for r := range 4 {
		for c := range 5 {
			a, b := g.At(c, r)
			for i := range p {
				p[i] = base[i] + a*u[i] + b*v[i]
			}
			if want := m.Func(p); !near(dst[r*5+c], want, 1e-12) {
				t.Errorf("(%d, %d): %g, model %g", c, r, dst[r*5+c], want)
			}
		}
	}
	axis := Grid{X: 0, Y: 2, Base: base, XMin: -1, XMax: 1, YMin: -2, YMax: 2, Cols: 5, Rows: 4}
	unit := Grid{Base: []float64{0, base[1], 0}, U: []float64{1, 0, 0}, V: []float64{0, 0, 1}, XMin: -1, XMax: 1, YMin: -2, YMax: 2, Cols: 5, Rows: 4}
	a, b := make([]float64, 20), make([]float64, 20)
	NewCPU().LossGrid(a, m, axis)
	NewCPU().LossGrid(b, m, unit)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("cell %d: axis-aligned %g, slice %g", i, a[i], b[i])
		}
	}
	if err := NewCPU().LossGrid(dst, m, Grid{U: u, V: v[:2], Cols: 5, Rows: 4}); err == nil {
		t.Error("a direction of the wrong length was accepted")
	}
}

// TestLayoutPenalizesWeightsOnly checks the layouts' names and masks.
func TestLayoutPenalizesWeightsOnly(t *testing.T) {
	d, _ := LinearData(LinearSpec{N: 10, Features: 3, Slope: 1, Intercept: 0, Noise: 0, Seed: 1})
	l := NewLinearRegression(d).Layout()
	if got := l.Names(); len(got) != 4 || got[0] != "w1" || got[3] != "b" || l.Dim() != 4 {
		t.Errorf("names %v", got)
	}
	if m := l.PenaltyMask(); !m[0] || !m[2] || m[3] {
		t.Errorf("mask %v", m)
	}
	s, _ := SurfaceByName("bowl")
	if m := s.Layout().PenaltyMask(); !m[0] || !m[1] {
		t.Errorf("surface mask %v", m)
	}
}
