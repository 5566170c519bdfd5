package compute

import (
	"context"
	"encoding/json"
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

func num(h map[string]any, key string) float64 {
	v, _ := h[key].(float64)
	return v
}

func flag(h map[string]any, key string) bool {
	v, _ := h[key].(bool)
	return v
}

// goldenOptimizer builds our optimizer from torch's class name and kwargs.
func goldenOptimizer(t *testing.T, name string, h map[string]any) Optimizer {
	switch name {
	case "sgd":
		return &SGD{Rate: num(h, "lr"), Momentum: num(h, "momentum"), Dampening: num(h, "dampening"),
			WeightDecay: num(h, "weight_decay"), Nesterov: flag(h, "nesterov")}
	case "adagrad":
		return &Adagrad{Rate: num(h, "lr"), LRDecay: num(h, "lr_decay"), WeightDecay: num(h, "weight_decay"),
			InitialAccumulator: num(h, "initial_accumulator_value"), Eps: num(h, "eps")}
	case "rmsprop":
		return &RMSprop{Rate: num(h, "lr"), Alpha: num(h, "alpha"), Eps: num(h, "eps"),
			WeightDecay: num(h, "weight_decay"), Momentum: num(h, "momentum"), Centered: flag(h, "centered")}
	case "adam", "adamw":
		betas := h["betas"].([]any)
		return &Adam{Rate: num(h, "lr"), Beta1: betas[0].(float64), Beta2: betas[1].(float64), Eps: num(h, "eps"),
			WeightDecay: num(h, "weight_decay"), AMSGrad: flag(h, "amsgrad"), Decoupled: name == "adamw"}
	}
	t.Fatalf("unknown optimizer %q", name)
	return nil
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
func compareTrajectory(t *testing.T, c goldenCase, tr *Trainer) {
	t.Helper()
	path, loss := tr.Path(), tr.Losses()
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

func runGolden(t *testing.T, file string, build func(c goldenCase) *Trainer) {
	for _, c := range loadGolden(t, file) {
		t.Run(c.Name, func(t *testing.T) {
			compareTrajectory(t, c, build(c))
		})
	}
}

// TestGoldenSurfaces compares every optimizer (and every schedule) on
// Rosenbrock and Beale with PyTorch for 200 steps.
func TestGoldenSurfaces(t *testing.T) {
	runGolden(t, "testdata/golden_surfaces.json", func(c goldenCase) *Trainer {
		s, err := SurfaceByName(c.Surface)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := NewTrainer(s, goldenOptimizer(t, c.Optimizer, c.Hyper), c.Start,
			TrainerOptions{Schedule: c.Schedule.schedule(t)})
		if err != nil {
			t.Fatal(err)
		}
		if r := tr.Run(context.Background(), c.Steps); r != Finished {
			t.Fatalf("stopped: %s", r)
		}
		return tr
	})
}

// TestGoldenData compares linear and logistic regression in the batch, SGD
// and mini-batch variants with PyTorch, shuffled runs replaying torch's
// permutations.
func TestGoldenData(t *testing.T) {
	runGolden(t, "testdata/golden_data.json", func(c goldenCase) *Trainer {
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
		tr, err := NewTrainer(m, goldenOptimizer(t, c.Optimizer, c.Hyper), c.Start,
			TrainerOptions{Sampler: s, Schedule: c.Schedule.schedule(t)})
		if err != nil {
			t.Fatal(err)
		}
		if r := tr.RunEpochs(context.Background(), c.Epochs); r != Finished {
			t.Fatalf("stopped: %s", r)
		}
		return tr
	})
}
