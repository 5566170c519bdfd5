package compute

import (
	"context"
	"encoding/json"
	"maps"
	"math"
	"os"
	"testing"
)

// The golden trajectories under testdata/ were written by real PyTorch
// (torch.optim with foreach=False, float64) by scripts/golden/make_goldens.py.
// On the surfaces the script hands torch the same hand-written gradient as
// ours, so the optimizers' update rules are compared alone; on data it uses
// autograd, an independent reference for the models too. Shuffled runs
// replay the permutations stored with the case.

type goldenFile struct {
	Cases []goldenCase `json:"cases"`
}

type goldenCase struct {
	Name         string          `json:"name"`
	Surface      string          `json:"surface"`
	Model        string          `json:"model"`
	X            [][]float64     `json:"x"`
	Y            []float64       `json:"y"`
	Optimizer    string          `json:"optimizer"`
	Hyper        map[string]any  `json:"hyper"`
	Schedule     *goldenSchedule `json:"schedule"`
	Variant      string          `json:"variant"`
	BatchSize    int             `json:"batch_size"`
	Shuffle      bool            `json:"shuffle"`
	Epochs       int             `json:"epochs"`
	Steps        int             `json:"steps"`
	Permutations [][]int32       `json:"permutations"`
	Start        []float64       `json:"start"`
	LRScales     []float64       `json:"lr_scales"`
	Path         [][]float64     `json:"path"`
	Loss         []float64       `json:"loss"`
}

// replayPermuter hands back the permutations PyTorch's script used.
type replayPermuter [][]int32

func (p replayPermuter) Permute(dst []int32, epoch int) { copy(dst, p[epoch]) }

func loadGolden(t *testing.T, path string) []goldenCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f goldenFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(f.Cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return f.Cases
}

// torchKeys maps torch's kwargs that hold pairs to our two keys.
var torchKeys = map[string][2]string{
	"betas":      {"beta1", "beta2"},
	"etas":       {"eta_minus", "eta_plus"},
	"step_sizes": {"step_min", "step_max"},
}

// goldenOptimizer builds our optimizer through the registry from torch's
// class name and kwargs: torch's SGD with momentum and nesterov is our
// nesterov, its AdamW our adamw, and so on; parameter groups when the case
// has lr_scales.
func goldenOptimizer(t *testing.T, c goldenCase) Optimizer {
	name, h := c.Optimizer, Hypers{}
	for k, v := range c.Hyper {
		switch v := v.(type) {
		case bool:
			if k == "nesterov" {
				if v {
					name = "nesterov"
				}
				continue
			}
			h[k] = 0
			if v {
				h[k] = 1
			}
		case float64:
			h[k] = v
		case []any:
			keys, ok := torchKeys[k]
			if !ok {
				t.Fatalf("%s: unknown pair %q", c.Name, k)
			}
			h[keys[0]], h[keys[1]] = v[0].(float64), v[1].(float64)
		}
	}
	if v, ok := h["initial_accumulator_value"]; ok {
		h["initial_accumulator"] = v
		delete(h, "initial_accumulator_value")
	}
	if name == "nesterov" {
		delete(h, "dampening")
	}
	spec, err := OptimizerByName(name)
	if err != nil {
		t.Fatalf("%s: %v", c.Name, err)
	}
	h, err = spec.Resolve(h)
	if err != nil {
		t.Fatalf("%s: %v", c.Name, err)
	}
	if c.LRScales != nil {
		return NewParamGroups(c.LRScales, h["lr"], func(lr float64) Optimizer {
			g := maps.Clone(h)
			g["lr"] = lr
			return spec.New(g)
		})
	}
	return spec.New(h)
}

// goldenSchedule is a torch scheduler and its arguments.
type goldenSchedule struct {
	Kind     string  `json:"kind"`
	StepSize int     `json:"step_size"`
	Gamma    float64 `json:"gamma"`
	Decay    float64 `json:"decay"`
	TMax     int     `json:"t_max"`
	EtaMin   float64 `json:"eta_min"`
}

func (s *goldenSchedule) schedule(t *testing.T) Schedule {
	if s == nil {
		return Constant{}
	}
	switch s.Kind {
	case "step":
		return StepDecay{StepSize: s.StepSize, Gamma: s.Gamma}
	case "exponential":
		return Exponential{Gamma: s.Gamma}
	case "inverse_time":
		return InverseTime{Decay: s.Decay}
	case "cosine":
		return Cosine{TMax: s.TMax, EtaMin: s.EtaMin}
	}
	t.Fatalf("unknown schedule %q", s.Kind)
	return nil
}

// compareTrajectory checks every point of the path, relative to the point's
// largest coordinate (so a coordinate that PyTorch leaves at -3e-18 instead
// of 0 is round-off, not a difference), and every loss, relative to itself.
func compareTrajectory(t *testing.T, c goldenCase, rec *goldenRecorders) {
	t.Helper()
	path, loss := rec.path.Coords(), rec.loss.Values()
	if len(path) != len(c.Path) {
		t.Fatalf("%s: %d path points, PyTorch has %d", c.Name, len(path), len(c.Path))
	}
	worst := 0.0
	for i := range path {
		size := 0.0
		for _, v := range c.Path[i] {
			size = max(size, math.Abs(v))
		}
		for j := range path[i] {
			worst = max(worst, math.Abs(path[i][j]-c.Path[i][j])/max(size, 1e-12))
		}
		worst = max(worst, math.Abs(loss[i]-c.Loss[i])/max(math.Abs(c.Loss[i]), 1e-12))
	}
	if worst > 1e-9 {
		t.Errorf("%s: worst relative difference from PyTorch %.3g, want ≤ 1e-9", c.Name, worst)
	}
}

// goldenRecorders keep every point and every full-data loss.
type goldenRecorders struct {
	path *PathRecorder
	loss *LossRecorder
}

func (g *goldenRecorders) options(o TrainerOptions) TrainerOptions {
	g.path, g.loss = NewPathRecorder(1<<20), NewLossRecorder(1<<20)
	o.Recorders, o.FullLoss = []Recorder{g.path, g.loss}, LossPolicy{Kind: LossEvery, Every: 1}
	return o
}

func runGolden(t *testing.T, file string, build func(t *testing.T, c goldenCase, rec *goldenRecorders)) {
	for _, c := range loadGolden(t, file) {
		t.Run(c.Name, func(t *testing.T) {
			rec := &goldenRecorders{}
			build(t, c, rec)
			compareTrajectory(t, c, rec)
		})
	}
}

// TestGoldenSurfaces compares every optimizer (and every schedule) on
// Rosenbrock and Beale with PyTorch for 200 steps.
func TestGoldenSurfaces(t *testing.T) {
	runGolden(t, "testdata/golden_surfaces.json", func(t *testing.T, c goldenCase, rec *goldenRecorders) {
		s, err := SurfaceByName(c.Surface)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := NewTrainer(s, goldenOptimizer(t, c), c.Start,
			rec.options(TrainerOptions{Schedule: c.Schedule.schedule(t)}))
		if err != nil {
			t.Fatal(err)
		}
		if r := tr.Run(context.Background(), c.Steps); r != Finished {
			t.Fatalf("stopped: %s", r)
		}
	})
}

// TestGoldenData compares linear and logistic regression in the batch, SGD
// and mini-batch variants with PyTorch, shuffled runs replaying torch's
// permutations.
func TestGoldenData(t *testing.T) {
	runGolden(t, "testdata/golden_data.json", func(t *testing.T, c goldenCase, rec *goldenRecorders) {
		cols := make([][]float64, len(c.X[0]))
		for _, row := range c.X {
			for j, v := range row {
				cols[j] = append(cols[j], v)
			}
		}
		d, err := NewDataset(cols, c.Y)
		if err != nil {
			t.Fatal(err)
		}
		var m DataModel = NewLinearRegression(d)
		if c.Model == "logreg" {
			m = NewLogisticRegression(d)
		}
		var p Permuter
		if c.Shuffle {
			p = replayPermuter(c.Permutations)
		}
		s, err := NewSampler(d.Len(), c.BatchSize, p)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := NewTrainer(m, goldenOptimizer(t, c), c.Start,
			rec.options(TrainerOptions{Sampler: s, Schedule: c.Schedule.schedule(t)}))
		if err != nil {
			t.Fatal(err)
		}
		if r := tr.RunEpochs(context.Background(), c.Epochs); r != Finished {
			t.Fatalf("stopped: %s", r)
		}
	})
}
