package gpu

import (
	"math"

	"github.com/descent-playground/descent/compute"
)

// The self-check's bounds: the tolerances the kernel tests assert under
// llvmpipe (see lossgrid_test.go, gradient_test.go and runs_test.go),
// loosened for the gradient to its norm, which suits any driver.
const (
	checkGridTolLinear   = 2e-6
	checkGridTolLogistic = 3e-5
	checkGradTol         = 1e-5
	checkMapAgreement    = 0.999
)

// CheckReport is how closely the GPU backend agrees with the CPU backend on
// small problems, kernel by kernel.
type CheckReport struct {
	// GridLinear and GridLogistic are the worst loss-grid cell differences,
	// relative to the grid's largest loss.
	GridLinear   float64 `json:"grid_linear"`
	GridLogistic float64 `json:"grid_logistic"`
	// GradLinear and GradLogistic are the largest gradient differences,
	// relative to the gradient's norm.
	GradLinear   float64 `json:"grad_linear"`
	GradLogistic float64 `json:"grad_logistic"`
	// MapAgreement is the fraction of a Himmelblau convergence map's cells,
	// away from basin boundaries, that reach the same minimum with SGD, and
	// AdamMapAgreement the same with Adam.
	MapAgreement     float64 `json:"map_agreement"`
	AdamMapAgreement float64 `json:"adam_map_agreement"`
	// OK says every figure is within its bound.
	OK bool `json:"ok"`
}

// SelfCheck runs every kernel on b and on the CPU backend and compares
// them. It must run inside the game loop. The playground page uses it to
// check the GPU backend in the browser's WebGL.
func SelfCheck(b *Backend) (CheckReport, error) {
	var rep CheckReport
	cpu := compute.NewCPU()
	lin, err := compute.LinearData(compute.LinearSpec{N: 3000, Features: 1, Slope: 2, Intercept: 1, Noise: 1, Seed: 7})
	if err != nil {
		return rep, err
	}
	blobs, err := compute.BlobsData(compute.BlobsSpec{N: 3000, Separation: 3, Spread: 1, Seed: 7})
	if err != nil {
		return rep, err
	}
	linM, logM := compute.NewLinearRegression(lin), compute.NewLogisticRegression(blobs)
	g := compute.Grid{X: 0, Y: 1, XMin: -1, XMax: 4, YMin: -3, YMax: 5, Cols: 24, Rows: 20}
	if rep.GridLinear, err = gridDiff(b, cpu, linM, g); err != nil {
		return rep, err
	}
	g.Base = []float64{0, 0, 0.2}
	if rep.GridLogistic, err = gridDiff(b, cpu, logM, g); err != nil {
		return rep, err
	}
	rep.GradLinear = gradDiff(b, cpu, linM, []float64{0.5, -0.3})
	rep.GradLogistic = gradDiff(b, cpu, logM, []float64{0.7, -0.4, 0.1})
	spec := compute.MapSpec{Surface: "himmelblau", Optimizer: "sgd", Hyper: compute.Hypers{"lr": 0.01}, Vary: compute.VaryStart,
		XMin: -5, XMax: 5, YMin: -5, YMax: 5, Cols: 40, Rows: 40, Steps: 300}
	if rep.MapAgreement, err = mapAgreement(b, cpu, spec); err != nil {
		return rep, err
	}
	spec.Optimizer, spec.Hyper = "adam", compute.Hypers{"lr": 0.05}
	if rep.AdamMapAgreement, err = mapAgreement(b, cpu, spec); err != nil {
		return rep, err
	}
	rep.OK = rep.GridLinear <= checkGridTolLinear && rep.GridLogistic <= checkGridTolLogistic &&
		rep.GradLinear <= checkGradTol && rep.GradLogistic <= checkGradTol &&
		rep.MapAgreement >= checkMapAgreement && rep.AdamMapAgreement >= checkMapAgreement
	return rep, nil
}

func mapAgreement(b *Backend, cpu *compute.CPU, spec compute.MapSpec) (float64, error) {
	gm, err := b.RunMap(spec)
	if err != nil {
		return math.NaN(), err
	}
	cm, err := cpu.RunMap(spec)
	if err != nil {
		return math.NaN(), err
	}
	return interiorAgreement(gm, cm), nil
}

func gridDiff(b *Backend, cpu *compute.CPU, f compute.Objective, g compute.Grid) (float64, error) {
	got, want := make([]float64, g.Cols*g.Rows), make([]float64, g.Cols*g.Rows)
	if err := b.LossGrid(got, f, g); err != nil {
		return math.NaN(), err
	}
	if err := cpu.LossGrid(want, f, g); err != nil {
		return math.NaN(), err
	}
	scale, worst := 0.0, 0.0
	for _, v := range want {
		scale = max(scale, math.Abs(v))
	}
	for i := range got {
		worst = max(worst, math.Abs(got[i]-want[i])/scale)
	}
	return worst, nil
}

func gradDiff(b *Backend, cpu *compute.CPU, m compute.DataModel, x []float64) float64 {
	got, want := make([]float64, len(x)), make([]float64, len(x))
	b.Gradient(got, m, x, true)
	cpu.Gradient(want, m, x, true)
	var norm, worst float64
	for i := range want {
		norm += want[i] * want[i]
	}
	for i := range got {
		worst = max(worst, math.Abs(got[i]-want[i]))
	}
	return worst / math.Sqrt(norm)
}

// interiorAgreement is the fraction of cells whose CPU label (status and
// minimum) equals all eight neighbours' and whose GPU label matches it.
func interiorAgreement(gpu, cpu *compute.MapResult) float64 {
	cols, rows := cpu.Spec.Cols, cpu.Spec.Rows
	label := func(m *compute.MapResult, c, r int) int {
		cell := m.Cells[r*cols+c]
		return int(cell.Status)*16 + cell.Minimum
	}
	same, total := 0, 0
	for r := 1; r < rows-1; r++ {
		for c := 1; c < cols-1; c++ {
			l := label(cpu, c, r)
			interior := true
			for dr := -1; dr <= 1; dr++ {
				for dc := -1; dc <= 1; dc++ {
					interior = interior && label(cpu, c+dc, r+dr) == l
				}
			}
			if !interior {
				continue
			}
			total++
			if label(gpu, c, r) == l {
				same++
			}
		}
	}
	if total == 0 {
		return 1
	}
	return float64(same) / float64(total)
}
