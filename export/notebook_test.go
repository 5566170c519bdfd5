package export

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/descent-playground/descent/compute"
)

// exportCase is a run to export, with a name for messages.
type exportCase struct {
	name string
	cfg  compute.Config
}

// exportCases covers every registered optimizer (on data with shuffled
// minibatches and an L2 penalty, and on a surface with parameter groups),
// every schedule, every model and surface, every variant, L1 and L2, a CSV
// file, steps and epochs. Every run converges, or at least moves smoothly,
// so that round-off stays round-off.
func exportCases(t *testing.T) []exportCase {
	csvPath := filepath.Join(t.TempDir(), "points.csv")
	csv := "a,b,target\n1,2,3.5\n2,1,4\n3,3,7.5\n4,0,5\n0,4,6\n2.5,2.5,6.4\n"
	if err := os.WriteFile(csvPath, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	f := func(v float64) *float64 { return &v }
	var cases []exportCase
	add := func(name string, c compute.Config) { cases = append(cases, exportCase{name, c}) }
	surfaces := compute.SurfaceNames()
	for i, spec := range compute.Optimizers() {
		add(spec.Name+"/linreg-minibatch-shuffle-l2", compute.Config{
			Optimizer: spec.Name, Variant: "minibatch", BatchSize: 2, Shuffle: true, Seed: uint64(i + 3), L2: 0.01, Epochs: 60,
		})
		add(spec.Name+"/linreg-every-hyper-set", compute.Config{
			Optimizer: spec.Name, Variant: "minibatch", BatchSize: 3, Epochs: 40, Hyper: perturbed(spec),
		})
		surface := surfaces[i%len(surfaces)]
		add(spec.Name+"/"+surface+"-groups", compute.Config{
			Model: "surface", Surface: surface, Optimizer: spec.Name, LRScales: []float64{1, 0.5}, Steps: 60,
			Hyper: compute.Hypers{"lr": spec.Hypers[0].Default * surfaceRate(spec.Name)},
		})
	}
	for _, s := range compute.ScheduleNames {
		data := compute.Config{Data: "linear", N: 40, Features: 2, Variant: "minibatch", BatchSize: 16,
			Optimizer: "momentum", Hyper: compute.Hypers{"lr": 0.005}, Epochs: 50}
		add("schedule-"+s+"/linear-minibatch", withSchedule(data, s, 7, 0.9, 0.05, 0, 0.001))
		surface := compute.Config{Model: "surface", Surface: "bowl", Optimizer: "adam", Hyper: compute.Hypers{"lr": 0.1},
			LRScales: []float64{2, 0.5}, Steps: 80}
		add("schedule-"+s+"/bowl-adam-groups", withSchedule(surface, s, 10, 0.8, 0.1, 30, 0.01))
	}
	for _, s := range surfaces {
		add("surface-"+s+"/adam-l1", compute.Config{
			Model: "surface", Surface: s, Optimizer: "adam", Hyper: compute.Hypers{"lr": 0.01}, L1: 0.01, Steps: 150,
		})
	}
	add("logreg/sgd-shuffle-l1", compute.Config{
		Model: "logreg", Data: "blobs", N: 30, Seed: 5, Variant: "sgd", Shuffle: true, L1: 0.01,
		Optimizer: "sgd", Hyper: compute.Hypers{"lr": 0.05}, Epochs: 20,
	})
	add("logreg/rmsprop-minibatch-steps", compute.Config{
		Model: "logreg", Data: "blobs", N: 50, Variant: "minibatch", BatchSize: 8, Shuffle: true,
		Optimizer: "rmsprop", Hyper: compute.Hypers{"centered": 1, "momentum": 0.5}, L2: 0.1, Steps: 77,
	})
	add("linreg/linear3-batch-l1-l2-groups", compute.Config{
		Data: "linear", N: 30, Features: 3, Noise: f(0.5), L1: 0.02, L2: 0.05, LRScales: []float64{1, 0.5, 2, 3},
		Optimizer: "nesterov", Hyper: compute.Hypers{"lr": 0.002}, Epochs: 100,
	})
	add("linreg/classic-sgd-unshuffled", compute.Config{Variant: "sgd", Epochs: 200})
	add("linreg/csv-minibatch-adamw", compute.Config{
		Data: csvPath, Target: "target", Variant: "minibatch", BatchSize: 4, Shuffle: true, Seed: 9,
		Optimizer: "adamw", Hyper: compute.Hypers{"lr": 0.05, "amsgrad": 1}, Epochs: 80,
	})
	add("surface/himmelblau-epochs-defaults", compute.Config{Model: "surface", Epochs: 40})
	return cases
}

// withSchedule sets schedule s on c with the fields that s reads.
func withSchedule(c compute.Config, s string, stepSize int, gamma, decay float64, tmax int, etaMin float64) compute.Config {
	c.Schedule = s
	switch s {
	case "step":
		c.StepSize, c.Gamma = stepSize, &gamma
	case "exponential":
		c.Gamma = &gamma
	case "inverse-time":
		c.Decay = &decay
	case "cosine":
		c.TMax, c.EtaMin = tmax, etaMin
	}
	return c
}

// perturbed sets every hyperparameter of spec but lr away from its
// default (switches on), so that an export that leaves one out differs.
func perturbed(spec *compute.OptimizerSpec) compute.Hypers {
	h := compute.Hypers{}
	for _, p := range spec.Hypers[1:] {
		switch {
		case p.Bool:
			h[p.Key] = 1
		case p.Default == 0:
			h[p.Key] = 0.01
		default:
			h[p.Key] = p.Default * 0.9
		}
	}
	return h
}

// surfaceRate scales an optimizer's default rate to suit the surfaces'
// steep walls.
func surfaceRate(name string) float64 {
	switch name {
	case "sgd", "momentum", "nesterov":
		return 0.1
	}
	return 1
}

// TestNotebooksReproduceDescent exports every case as a notebook,
// validates it with nbformat (4.5, unique cell ids, unrun code cells),
// executes its numpy cell and, where torch is installed, its torch cell,
// all in one python3 process, and compares the final parameters and loss
// each prints with Descent's own run (Config.Build and Execute): within
// 1e-9 relative. The PyTorch script of every case compiles and is the
// notebook's torch cell behind its header.
func TestNotebooksReproduceDescent(t *testing.T) {
	python(t)
	cases := exportCases(t)
	dir := t.TempDir()
	type job struct {
		Path     string `json:"path"`
		Kind     string `json:"kind"`
		Notebook string `json:"notebook,omitempty"`
	}
	var jobs []job
	want := make([][]float64, len(cases)) // final parameters, then the loss
	for i, c := range cases {
		run, err := c.cfg.Build(nil)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if stop := run.Execute(context.Background()); stop != compute.Finished {
			t.Fatalf("%s: Descent stopped: %s", c.name, stop)
		}
		if slices.Equal(run.Trainer.Params(), run.Config.Start) {
			t.Fatalf("%s: the run does not move", c.name)
		}
		want[i] = append(append([]float64(nil), run.Trainer.Params()...), run.Trainer.Loss())
		nb, err := Notebook(c.cfg)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		script, err := TorchScript(c.cfg)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		base := filepath.Join(dir, fmt.Sprintf("case%02d", i))
		if err := os.WriteFile(base+".ipynb", nb, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(base+".py", script, 0o644); err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, job{base + ".ipynb", "notebook", ""}, job{base + ".py", "script", base + ".ipynb"})
	}
	type numbers struct {
		Params []float64 `json:"params"`
		Loss   float64   `json:"loss"`
	}
	type result struct {
		Numpy        *numbers `json:"numpy"`
		Torch        *numbers `json:"torch"`
		TorchSkipped string   `json:"torch_skipped"`
		Error        string   `json:"error"`
	}
	start := time.Now()
	res := pythonJSON[result](t, []string{"testdata/run_notebooks.py"}, jobs)
	t.Logf("python3 validated and ran %d notebooks (and checked %d scripts) in %v", len(cases), len(cases), time.Since(start).Round(time.Millisecond))
	if len(res) != len(jobs) {
		t.Fatalf("python3 answered %d jobs, want %d", len(res), len(jobs))
	}
	worst := map[string]float64{}
	check := func(name, cell string, got *numbers, want []float64) {
		if got == nil {
			t.Errorf("%s: %s cell printed nothing", name, cell)
			return
		}
		g := append(append([]float64(nil), got.Params...), got.Loss)
		if len(g) != len(want) {
			t.Errorf("%s: %s printed %v, want %v", name, cell, g, want)
			return
		}
		for k := range want {
			d := relDiff(g[k], want[k])
			worst[cell] = max(worst[cell], d)
			if !(d <= 1e-9) {
				t.Errorf("%s: %s number %d = %v, Descent %v (relative difference %.3g)", name, cell, k, g[k], want[k], d)
			}
		}
	}
	skipped := ""
	for i, c := range cases {
		nb, sc := res[2*i], res[2*i+1]
		for _, r := range []result{nb, sc} {
			if r.Error != "" {
				t.Errorf("%s: %s", c.name, r.Error)
			}
			if r.TorchSkipped != "" {
				skipped = r.TorchSkipped
			}
		}
		if nb.Error != "" {
			continue
		}
		check(c.name, "numpy", nb.Numpy, want[i])
		if skipped == "" {
			check(c.name, "torch", nb.Torch, want[i])
		}
	}
	if skipped != "" {
		t.Logf("torch cells and scripts only compiled, not run: %s", skipped)
	}
	t.Logf("largest relative difference from Descent: numpy %.3g, torch %.3g", worst["numpy"], worst["torch"])
}

// relDiff is |a-b| relative to the larger magnitude (0 when both are 0).
func relDiff(a, b float64) float64 {
	if a == b {
		return 0
	}
	return math.Abs(a-b) / math.Max(math.Abs(a), math.Abs(b))
}

// TestExportRefusesTooMuchData checks the one-line error past MaxNumbers.
func TestExportRefusesTooMuchData(t *testing.T) {
	cfg := compute.Config{Data: "linear", N: MaxNumbers/2 + 1, Epochs: 1}
	for name, f := range map[string]func(compute.Config) ([]byte, error){"notebook": Notebook, "torch": TorchScript} {
		_, err := f(cfg)
		if err == nil || !strings.Contains(err.Error(), "more than the 100000") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line naming the limit", name, err)
		}
	}
	if _, err := Notebook(compute.Config{Data: "linear", N: MaxNumbers / 2, Epochs: 1}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

// TestExportRefusesBadConfig checks that a Config that Build refuses is
// refused with Build's error.
func TestExportRefusesBadConfig(t *testing.T) {
	_, err := Notebook(compute.Config{Optimizer: "nope"})
	if err == nil || !strings.Contains(err.Error(), `optimizer = "nope"`) {
		t.Errorf("error %v, want Build's about the optimizer", err)
	}
}
