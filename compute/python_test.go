package compute

import (
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"strings"
	"testing"
)

// TestEveryOptimizerSaysItselfInPython walks the registry: every optimizer
// names its torch.optim class, writes its keyword arguments (one per
// hyperparameter, β₁ and β₂ as betas, Rprop's pairs as etas and
// step_sizes) and has a numpy update that reads every hyperparameter but lr
// and uses no other.
func TestEveryOptimizerSaysItselfInPython(t *testing.T) {
	for _, spec := range Optimizers() {
		if spec.Torch == "" || spec.TorchArgs == nil || strings.TrimSpace(spec.Numpy) == "" {
			t.Errorf("%s: missing Torch, TorchArgs or Numpy", spec.Name)
			continue
		}
		args := spec.TorchArgs(spec.Defaults())
		if !strings.HasPrefix(args, "lr="+PyFloat(spec.Hypers[0].Default)) {
			t.Errorf("%s: torch arguments %q do not start with lr", spec.Name, args)
		}
		for _, h := range spec.Hypers[1:] {
			if !strings.Contains(spec.Numpy, h.Key) {
				t.Errorf("%s: the numpy update does not read %s", spec.Name, h.Key)
			}
		}
	}
}

// TestEveryScheduleSaysItselfInPython walks the schedule names: each one's
// Python expression, evaluated by python3 at several epochs, gives the
// rate LR gives, and each but constant has a torch scheduler.
func TestEveryScheduleSaysItselfInPython(t *testing.T) {
	var lines []string
	var want []float64
	for _, name := range ScheduleNames {
		s := Config{Schedule: name, Epochs: 50}.WithDefaults().LRSchedule()
		if (s.Torch() == "") != (name == "constant") {
			t.Errorf("%s: torch scheduler %q", name, s.Torch())
		}
		for _, epoch := range []int{0, 1, 7, 49, 120} {
			lines = append(lines, fmt.Sprintf("(lambda base, epoch: %s)(0.3, %d)", s.Python(), epoch))
			want = append(want, s.LR(0.3, epoch))
		}
	}
	got := pythonFloats(t, "import math", lines)
	for i := range want {
		if !closeRel(got[i], want[i], 1e-13) {
			t.Errorf("%s: python %v, Go %v", lines[i], got[i], want[i])
		}
	}
}

// TestEverySurfaceSaysItselfInPython walks the surfaces: the Python
// function and gradient, evaluated by python3 with math's functions, agree
// with F and G at several points to a few ulp, the origin included (where
// Ackley's gradient is taken as zero).
func TestEverySurfaceSaysItselfInPython(t *testing.T) {
	var lines []string
	var want []float64
	for _, s := range Surfaces() {
		if s.Python == "" || s.PythonGrad[0] == "" || s.PythonGrad[1] == "" {
			t.Errorf("%s: missing Python or PythonGrad", s.Name)
			continue
		}
		for _, p := range [][]float64{s.Start[:], {0.3, -1.7}, {-2.2, 0.9}, {0, 0}} {
			g := make([]float64, 2)
			s.G(g, p)
			for i, expr := range []string{s.Python, s.PythonGrad[0], s.PythonGrad[1]} {
				lines = append(lines, fmt.Sprintf("(lambda x, y: %s)(%s, %s)", expr, PyFloat(p[0]), PyFloat(p[1])))
				want = append(want, []float64{s.F(p), g[0], g[1]}[i])
			}
		}
	}
	got := pythonFloats(t, "from math import cos, sin, exp, sqrt, pi, e", lines)
	for i := range want {
		if !closeRel(got[i], want[i], 1e-13) {
			t.Errorf("%s: python %v, Go %v", lines[i], got[i], want[i])
		}
	}
}

// pythonFloats evaluates each expression with python3 after the given
// imports; it skips the test when there is no python3.
func pythonFloats(t *testing.T, imports string, exprs []string) []float64 {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3:", err)
	}
	prog := imports + "\nimport json\nprint(json.dumps([float(v) for v in [\n" + strings.Join(exprs, ",\n") + "]]))\n"
	out, err := exec.Command("python3", "-c", prog).CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
	var got []float64
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(exprs) {
		t.Fatalf("python3 printed %q: %v", out, err)
	}
	return got
}

func closeRel(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(math.Abs(b), 1)
}
