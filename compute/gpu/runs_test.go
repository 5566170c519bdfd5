package gpu

import (
	"math"
	"testing"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/internal/frametest"
)

// runMaps computes spec on the GPU and on the CPU, the reference.
func runMaps(t *testing.T, spec compute.MapSpec) (gpu, cpu *compute.MapResult) {
	t.Helper()
	b, err := NewBackend()
	if err != nil {
		t.Fatal(err)
	}
	err = frametest.Do(func() error {
		gpu, err = b.RunMap(spec)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	cpu, err = compute.NewCPU().RunMap(spec)
	if err != nil {
		t.Fatal(err)
	}
	return gpu, cpu
}

// mapLabel is what a map shows of a cell: how the run ended and, for a
// convergence map, the minimum it went to.
func mapLabel(m *compute.MapResult, i int) int {
	c := m.Cells[i]
	if m.Spec.Vary == compute.VaryStart && c.Status != compute.RunDiverged {
		return int(c.Status)*8 + c.Minimum + 1
	}
	return int(c.Status)
}

// interior says whether cell i and its eight neighbours all have the same
// label in the reference map: the cell is away from every boundary.
func interior(m *compute.MapResult, i int) bool {
	cols, rows := m.Spec.Cols, m.Spec.Rows
	c, r := i%cols, i/cols
	if c == 0 || r == 0 || c == cols-1 || r == rows-1 {
		return false
	}
	want := mapLabel(m, i)
	for dr := -1; dr <= 1; dr++ {
		for dc := -1; dc <= 1; dc++ {
			if mapLabel(m, (r+dr)*cols+c+dc) != want {
				return false
			}
		}
	}
	return true
}

// lossTol is the agreement asserted between the GPU's and the CPU's final
// losses of a cell both call converged: both stop where the gradient norm
// first drops below Tol, at nearly the same point, and the losses there are
// tiny, so the bound is absolute plus a float32-sized relative part.
func lossTol(want float64) float64 { return 1e-6 + 1e-5*math.Abs(want) }

// compareMaps checks a GPU map against the CPU's: on interior cells the
// labels agree for at least minAgree of them, the converged cells' losses
// agree within lossTol and their step counts within 2% + 2 (all but 1% of
// them), and unfinished cells' losses within 1e-4 of 1+|loss| (float32
// round-off along the way; measured at most 2e-6); it logs what it
// measured.
func compareMaps(t *testing.T, gpu, cpu *compute.MapResult, minAgree float64) {
	t.Helper()
	var inner, agree, lossBad, stepsOff int
	var worstLoss, worstOpen float64
	statuses := map[compute.RunStatus]int{}
	for _, c := range cpu.Cells {
		statuses[c.Status]++
	}
	for i := range cpu.Cells {
		if !interior(cpu, i) {
			continue
		}
		inner++
		g, c := gpu.Cells[i], cpu.Cells[i]
		if mapLabel(gpu, i) != mapLabel(cpu, i) {
			if inner-agree <= 5 {
				t.Logf("cell %d: gpu %+v, cpu %+v", i, g, c)
			}
			continue
		}
		agree++
		if c.Status == compute.RunUnfinished {
			worstOpen = max(worstOpen, math.Abs(g.Loss-c.Loss)/(1+math.Abs(c.Loss)))
		}
		if c.Status != compute.RunConverged {
			continue
		}
		d := math.Abs(g.Loss - c.Loss)
		worstLoss = max(worstLoss, d)
		if !(d <= lossTol(c.Loss)) {
			lossBad++
			if lossBad <= 5 {
				t.Errorf("cell %d: gpu loss %g, cpu %g", i, g.Loss, c.Loss)
			}
		}
		if abs(g.Steps-c.Steps) > 2+c.Steps/50 {
			stepsOff++
		}
	}
	frac := float64(agree) / float64(max(inner, 1))
	t.Logf("%s %s over %s (%v): %d of %d interior cells agree (%.4f); worst converged loss difference %.3g, unfinished %.3g relative to 1+|loss|; %d step counts off by more than 2%%+2",
		cpu.Spec.Surface, cpu.Spec.Optimizer, cpu.Spec.Vary, statuses, agree, inner, frac, worstLoss, worstOpen, stepsOff)
	if inner < len(cpu.Cells)/3 {
		t.Errorf("only %d of %d cells are interior", inner, len(cpu.Cells))
	}
	if frac < minAgree {
		t.Errorf("%d of %d interior cells agree, want at least %.2f%%", agree, inner, 100*minAgree)
	}
	if worstOpen > 1e-4 {
		t.Errorf("unfinished runs' losses differ by up to %.3g relative to 1+|loss|", worstOpen)
	}
	if stepsOff > inner/100 {
		t.Errorf("%d converged cells' step counts differ by more than 2%%+2", stepsOff)
	}
}

func abs(v int) int { return max(v, -v) }

// TestRunMapHimmelblauBasins compares the GPU's basins of attraction of
// Himmelblau's four minima with the CPU's, on 64×64 start points, for
// plain gradient descent and for Adam.
func TestRunMapHimmelblauBasins(t *testing.T) {
	for _, c := range []struct {
		opt string
		lr  float64
	}{{"sgd", 0.01}, {"adam", 0.05}} {
		spec := compute.MapSpec{
			Surface: "himmelblau", Optimizer: c.opt, Hyper: compute.Hypers{"lr": c.lr}, Vary: compute.VaryStart,
			XMin: -5, XMax: 5, YMin: -5, YMax: 5, Cols: 64, Rows: 64, Steps: 500,
		}
		gpu, cpu := runMaps(t, spec)
		compareMaps(t, gpu, cpu, 0.999)
		seen := map[int]bool{}
		for _, c := range gpu.Cells {
			seen[c.Minimum] = true
		}
		if len(seen) < 4 {
			t.Errorf("%s: the GPU map reaches only minima %v", c.opt, seen)
		}
	}
}

// TestRunMapTrainability compares trainability maps over two learning
// rates (the bowl with plain gradient descent, Rosenbrock with momentum,
// Himmelblau and the bowl with Adam; 99.9% of interior cells must agree)
// and over learning rate and momentum (Beale with Nesterov, 99%). Adam's
// rates stop short of those where its runs go on bouncing for all their
// steps: there a run's final point, and so its loss, is decided by
// round-off, on the CPU as on the GPU (Beale's at rates near 1 differ by
// 0.8 of 1+|loss|), though the verdict, unfinished, agrees.
func TestRunMapTrainability(t *testing.T) {
	for _, c := range []struct {
		spec     compute.MapSpec
		minAgree float64
	}{
		{compute.MapSpec{Surface: "bowl", Optimizer: "sgd", Start: [2]float64{-2.8, 1.2}, Vary: compute.VaryLRs,
			XMin: 1e-3, XMax: 4, YMin: 1e-3, YMax: 0.4, Cols: 48, Rows: 48, Steps: 500}, 0.999},
		{compute.MapSpec{Surface: "rosenbrock", Optimizer: "momentum", Hyper: compute.Hypers{"momentum": 0.9}, Start: [2]float64{-1.5, 2}, Vary: compute.VaryLRs,
			XMin: 1e-5, XMax: 1e-2, YMin: 1e-5, YMax: 1e-1, Cols: 48, Rows: 48, Steps: 1000}, 0.999},
		{compute.MapSpec{Surface: "beale", Optimizer: "nesterov", Start: [2]float64{1, 1.5}, Vary: compute.VaryLRMomentum,
			XMin: 1e-4, XMax: 1, YMin: 0, YMax: 0.99, Cols: 48, Rows: 48, Steps: 500}, 0.99},
		{compute.MapSpec{Surface: "himmelblau", Optimizer: "adam", Vary: compute.VaryLRs,
			XMin: 1e-4, XMax: 1, YMin: 1e-4, YMax: 1, Cols: 48, Rows: 48, Steps: 1000}, 0.999},
		{compute.MapSpec{Surface: "bowl", Optimizer: "adam", Start: [2]float64{-2.8, 1.2}, Vary: compute.VaryLRs,
			XMin: 1e-3, XMax: 10, YMin: 1e-3, YMax: 10, Cols: 48, Rows: 48, Steps: 1000}, 0.999},
	} {
		gpu, cpu := runMaps(t, c.spec)
		compareMaps(t, gpu, cpu, c.minAgree)
	}
}

// TestRunMapEverySurface checks runs.kage's formulas for every surface and
// optimizer: a few steps from each start of a grid over the surface's
// domain (the gradient moves the point, the loss is read there) agree with
// the CPU to 1e-4 of 1+|loss| (float32 round-off of the moved point,
// amplified by the gradient there: Beale, the worst, measured 2.2e-5),
// and a small convergence map agrees as the other maps do. The SGD family
// takes one step, taking turns over the surfaces; Adam takes three on
// every surface, with β₁, β₂ and ε away from their defaults (its first
// step is η·g/(|g|+ε) whatever the betas), so that each of its terms
// shows.
func TestRunMapEverySurface(t *testing.T) {
	// mapLR is each surface's learning rate for the 300-step map, one at
	// which runs converge from much of its domain; adamLR is Adam's, which
	// moves each coordinate by about η a step.
	mapLR := map[string]float64{
		"rosenbrock": 1e-3, "beale": 1e-3, "himmelblau": 1e-2, "booth": 0.05,
		"rastrigin": 2e-3, "ackley": 1e-2, "saddle": 0.05, "bowl": 0.05,
	}
	adamLR := map[string]float64{
		"rosenbrock": 0.02, "beale": 0.02, "himmelblau": 0.05, "booth": 0.1,
		"rastrigin": 0.01, "ackley": 0.05, "saddle": 0.05, "bowl": 0.05,
	}
	for i, surf := range compute.Surfaces() {
		d := surf.Domain
		sgd := compute.MapSpec{
			Surface: surf.Name, Optimizer: []string{"sgd", "momentum", "nesterov"}[i%3],
			Hyper: compute.Hypers{"lr": 1e-3, "momentum": 0.5}, Vary: compute.VaryStart,
			XMin: d[0], XMax: d[1], YMin: d[2], YMax: d[3], Cols: 24, Rows: 24, Steps: 1,
		}
		adam := sgd
		adam.Optimizer, adam.Steps = "adam", 3
		adam.Hyper = compute.Hypers{"lr": 1e-3, "beta1": 0.5, "beta2": 0.9, "eps": 0.5}
		for _, spec := range []compute.MapSpec{sgd, adam} {
			gpu, cpu := runMaps(t, spec)
			var worst float64
			for j, c := range cpu.Cells {
				g := gpu.Cells[j]
				rel := math.Abs(g.Loss-c.Loss) / (1 + math.Abs(c.Loss))
				worst = max(worst, rel)
				if !(rel < 1e-4) || g.Steps != c.Steps || g.Status != c.Status {
					t.Errorf("%s %s, %d steps from cell %d: gpu %+v, cpu %+v", surf.Name, spec.Optimizer, spec.Steps, j, g, c)
					break
				}
			}
			t.Logf("%s %s, steps %d: worst loss difference %.2g relative to 1+|loss|", surf.Name, spec.Optimizer, spec.Steps, worst)
		}
		sgd.Steps, sgd.Hyper["lr"] = 300, mapLR[surf.Name]
		adam.Steps, adam.Hyper = 300, compute.Hypers{"lr": adamLR[surf.Name]}
		for _, spec := range []compute.MapSpec{sgd, adam} {
			gpu, cpu := runMaps(t, spec)
			compareMaps(t, gpu, cpu, 0.98)
		}
	}
}

// TestRunMapMaxSteps runs compute.MaxMapSteps steps, the shader's loop
// bound, on Booth's bowl at a rate too small to converge, with momentum
// and with Adam: every run must report all its steps (llvmpipe ends a loop
// silently after 65,535 iterations, and a shorter bound would show here)
// and end where the CPU does.
func TestRunMapMaxSteps(t *testing.T) {
	for _, h := range []struct {
		opt   string
		hyper compute.Hypers
	}{
		{"momentum", compute.Hypers{"lr": 1e-6, "momentum": 0.5}},
		{"adam", compute.Hypers{"lr": 1e-4}},
	} {
		spec := compute.MapSpec{
			Surface: "booth", Optimizer: h.opt, Hyper: h.hyper, Vary: compute.VaryStart,
			XMin: -10, XMax: 10, YMin: -10, YMax: 10, Cols: 4, Rows: 4, Steps: compute.MaxMapSteps,
		}
		gpu, cpu := runMaps(t, spec)
		for i, c := range cpu.Cells {
			g := gpu.Cells[i]
			if g.Status != compute.RunUnfinished || g.Steps != compute.MaxMapSteps || math.Abs(g.Loss-c.Loss) > 1e-5*c.Loss {
				t.Errorf("%s, cell %d: gpu %+v, cpu %+v", h.opt, i, g, c)
			}
		}
	}
}

// TestRunMapFallsBack checks that a spec the shader does not implement or
// float32 cannot honour runs on the CPU (the results are then the CPU's
// exactly, where the shader's float32 losses would differ) and that an
// invalid spec is an error. The shader implements SGD, momentum and
// Nesterov without dampening or weight decay and Adam without weight decay
// or AMSGrad; every other optimizer and setting goes to the CPU.
func TestRunMapFallsBack(t *testing.T) {
	spec := compute.MapSpec{
		Surface: "booth", Optimizer: "sgd", Hyper: compute.Hypers{"lr": 0.01}, Vary: compute.VaryStart,
		XMin: -10, XMax: 10, YMin: -10, YMax: 10, Cols: 4, Rows: 4, Steps: 100, Tol: 1e-8,
	}
	narrow := spec
	narrow.Tol, narrow.XMin, narrow.XMax = 0, 1, 1+1e-9
	specs := []compute.MapSpec{spec, narrow}
	for _, o := range []struct {
		opt   string
		hyper compute.Hypers
	}{
		{"rmsprop", compute.Hypers{"lr": 0.01}},
		{"adagrad", compute.Hypers{"lr": 0.5}},
		{"adamw", compute.Hypers{"lr": 0.05}},
		{"adam", compute.Hypers{"lr": 0.05, "amsgrad": 1}},
		{"adam", compute.Hypers{"lr": 0.05, "weight_decay": 0.01}},
		{"sgd", compute.Hypers{"lr": 0.01, "weight_decay": 0.01}},
		{"momentum", compute.Hypers{"lr": 0.01, "dampening": 0.1}},
		{"nesterov", compute.Hypers{"lr": 0.01, "weight_decay": 0.01}},
	} {
		s := spec
		s.Optimizer, s.Hyper, s.Tol = o.opt, o.hyper, 0
		specs = append(specs, s)
	}
	for _, s := range specs {
		gpu, cpu := runMaps(t, s)
		for i := range cpu.Cells {
			if gpu.Cells[i] != cpu.Cells[i] {
				t.Fatalf("%s %v, cell %d: gpu %+v, cpu %+v: not the CPU's", s.Optimizer, s.Hyper, i, gpu.Cells[i], cpu.Cells[i])
			}
		}
	}
	b, err := NewBackend()
	if err != nil {
		t.Fatal(err)
	}
	spec.Steps = compute.MaxMapSteps + 1
	if _, err := b.RunMap(spec); err == nil {
		t.Error("an invalid spec ran")
	}
}

// TestRunMapSmallSteps needs the shader's compensated position: with
// learning rate 8e-5, plain float32 stalls near Himmelblau's minimum at
// (-3.78, -3.28) where η|g| falls below half a unit in the last place of
// the position, at |g| ≈ 1.5e-3, above the tolerance, and would never
// converge where the CPU does.
func TestRunMapSmallSteps(t *testing.T) {
	spec := compute.MapSpec{
		Surface: "himmelblau", Optimizer: "sgd", Hyper: compute.Hypers{"lr": 8e-5}, Vary: compute.VaryStart,
		XMin: -3.80, XMax: -3.76, YMin: -3.30, YMax: -3.26, Cols: 16, Rows: 16, Steps: 4000,
	}
	gpu, cpu := runMaps(t, spec)
	compareMaps(t, gpu, cpu, 0.99)
	converged := 0
	for _, c := range gpu.Cells {
		if c.Status == compute.RunConverged {
			converged++
		}
	}
	if converged < len(gpu.Cells)*9/10 {
		t.Errorf("only %d of %d runs converged on the GPU", converged, len(gpu.Cells))
	}
}
