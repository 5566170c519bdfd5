//go:build !nogui

package main

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/tune"
)

// gpuSweepBase and gpuSweepParams are the measured sweep of
// docs/BENCHMARKS.md: a 64×16 lr×momentum grid of 1000 steps of heavy-ball
// momentum on Rosenbrock (64 log-spaced rates; momentum's 16 evenly spaced
// values listed, since --grid-points applies to every range).
var (
	gpuSweepBase   = []string{"--model", "surface", "--surface", "rosenbrock", "--optimizer", "momentum", "--steps", "1000"}
	gpuSweepParams = []string{"lr=1e-5:1e-2", "momentum=0,0.066,0.132,0.198,0.264,0.33,0.396,0.462,0.528,0.594,0.66,0.726,0.792,0.858,0.924,0.99"}
)

// mapLossTol is how far a converged trial's loss on the GPU may be from
// the CPU map's: both stopped where |g| < 1e-3, where these surfaces' loss
// is about 1e-7 or less, but float32 may stop a few steps earlier or later
// (measured under llvmpipe: at most 7.2e-9).
const mapLossTol = 1e-7

// TestSweepOnGPUAgreesWithCPUMap runs GPU sweeps (the 64×16 Rosenbrock
// sweep of docs/BENCHMARKS.md, where few runs converge in 1000 steps, and
// Adam's lr-only sweep on Himmelblau, where most do) and the same trials on
// compute's CPU map (float64, the same stopping rule): the same best
// trial, statuses equal for at least 99% of trials, and the losses of
// trials converged on both within mapLossTol.
func TestSweepOnGPUAgreesWithCPUMap(t *testing.T) {
	himmelblau := []string{"--model", "surface", "--surface", "himmelblau", "--optimizer", "adam", "--steps", "2000"}
	for _, c := range []struct {
		base, params []string
		points       int
		sameBest     bool
	}{
		{gpuSweepBase, gpuSweepParams, 64, true},
		{himmelblau, []string{"lr=1e-3:1"}, 64, false},
	} {
		t.Run(c.base[3], func(t *testing.T) { compareGPUSweep(t, c.base, c.params, c.points, c.sameBest) })
	}
}

// compareGPUSweep compares a GPU sweep with the CPU map's, and its best
// trial with the ordinary runs' best (--backend cpu), which must agree
// when sameBest: the Rosenbrock sweep's best converges on both, where
// Himmelblau's converged runs stop at losses near 1e-8 in no particular
// order while the ordinary runs go on to a loss of 0.
func compareGPUSweep(t *testing.T, base, params []string, points int, sameBest bool) {
	args := []string{"sweep", "--method", "grid", "--grid-points", strconv.Itoa(points), "--format", "json"}
	for _, p := range params {
		args = append(args, "--param", p)
	}
	args = append(args, base...)
	out, errOut, code := runChild(t, nil, append(args, "--backend", "gpu")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var gpu struct {
		Map    *mapInfo
		Best   *int
		Trials []struct {
			Stop string
			Loss *float64
		}
	}
	if err := json.Unmarshal([]byte(out), &gpu); err != nil {
		t.Fatal(err)
	}
	if gpu.Map == nil || gpu.Map.Backend != "gpu" || gpu.Map.Precision != "float32" || gpu.Map.Tol != compute.DefaultMapTol {
		t.Fatalf("map %+v", gpu.Map)
	}
	s := cpuMapSweep(t, base, params, points)
	if len(gpu.Trials) != s.Total() {
		t.Fatalf("%d trials on the GPU, %d on the CPU", len(gpu.Trials), s.Total())
	}
	if cpuBest := s.Best(); gpu.Best == nil || *gpu.Best != cpuBest.ID {
		t.Errorf("best trial: gpu %v, cpu %d (%v)", gpu.Best, cpuBest.ID, cpuBest.Values)
	}
	var ordinary struct{ Best *int }
	out, errOut, code = runCLI(args...)
	if err := json.Unmarshal([]byte(out), &ordinary); err != nil || code != 0 {
		t.Fatalf("--backend cpu: exit %d, %v: %s", code, err, errOut)
	}
	t.Logf("best trial: gpu map %v, ordinary cpu runs %v", *gpu.Best, *ordinary.Best)
	if sameBest && *ordinary.Best != *gpu.Best {
		t.Errorf("best trial: gpu map %v, ordinary cpu runs %v", *gpu.Best, *ordinary.Best)
	}
	agree, converged := 0, 0
	worst := 0.0
	for i, c := range s.Trials() {
		g := gpu.Trials[i]
		if g.Stop == string(c.Stop) {
			agree++
		}
		if g.Stop == string(tune.Converged) && c.Stop == tune.Converged {
			converged++
			d := math.Abs(*g.Loss - float64(c.Loss))
			worst = max(worst, d)
			if d > mapLossTol {
				t.Errorf("trial %d %v: loss gpu %g, cpu %g", c.ID, c.Values, *g.Loss, float64(c.Loss))
			}
		}
	}
	t.Logf("statuses agree for %d of %d trials; %d converged on both, losses differ by ≤ %.3g", agree, len(gpu.Trials), converged, worst)
	if agree*100 < 99*len(gpu.Trials) {
		t.Errorf("statuses agree for %d of %d trials, want ≥ 99%%", agree, len(gpu.Trials))
	}
	if converged < 5 {
		t.Errorf("%d trials converged on both backends: the check compares too few", converged)
	}
}

// cpuMapSweep runs the same sweep's trials on compute's CPU map.
func cpuMapSweep(t *testing.T, baseArgs, params []string, points int) *tune.Sweep {
	t.Helper()
	var base compute.Config
	for i := 0; i < len(baseArgs); i += 2 {
		switch v := baseArgs[i+1]; baseArgs[i] {
		case "--model":
			base.Model = v
		case "--surface":
			base.Surface = v
		case "--optimizer":
			base.Optimizer = v
		case "--steps":
			base.Steps, _ = strconv.Atoi(v)
		default:
			t.Fatalf("flag %s", baseArgs[i])
		}
	}
	space, err := tune.ParseSpace(params, base)
	if err != nil {
		t.Fatal(err)
	}
	s, err := tune.New(tune.Options{Base: base, Space: space, Method: tune.Grid, GridPoints: points})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tune.RunMap(s, compute.NewCPU()); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSweepOnGPUOptimizers runs a small GPU sweep with every registered
// optimizer: those tune says the GPU map runs must succeed, which they do
// only when the map came from the shader (the command fails when
// compute/gpu hands it to its CPU fallback), and the rest must be refused
// by tune before anything runs, in one line pointing to --backend cpu.
func TestSweepOnGPUOptimizers(t *testing.T) {
	ran := 0
	for _, name := range compute.OptimizerNames() {
		args := []string{"sweep", "--backend", "gpu", "--model", "surface", "--surface", "booth", "--optimizer", name,
			"--steps", "50", "--method", "grid", "--grid-points", "3", "--param", "lr=1e-3:1e-1"}
		out, errOut, code := runChild(t, nil, args...)
		switch {
		case code == 0 && strings.Contains(out, "gpu: 3 trials as one float32 run map"):
			ran++
		case code == 2 && strings.HasSuffix(errOut, "; --backend cpu runs this sweep\n") && strings.Count(errOut, "\n") == 1 &&
			!strings.Contains(errOut, "fallback"): // refused by tune before the GPU ran
		default:
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
	}
	if want := 4; ran != want { // sgd, momentum, nesterov, adam
		t.Errorf("%d optimizers ran on the GPU, want %d", ran, want)
	}
}

// TestSweepOnGPUWithoutDisplay checks the one-line refusal when the GPU
// backend cannot start: a sweep the GPU runs, but no display.
func TestSweepOnGPUWithoutDisplay(t *testing.T) {
	args := append([]string{"sweep", "--backend", "gpu", "--method", "grid", "--param", "lr=1e-3:1e-2"}, gpuSweepBase...)
	out, errOut, code := runChild(t, []string{"DISPLAY=", "WAYLAND_DISPLAY="}, args...)
	want := "descent sweep: --backend gpu: the GPU backend cannot start (no display: Ebitengine needs one, e.g. xvfb-run); --backend cpu runs this sweep\n"
	if code != 2 || out != "" || errOut != want {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
