package compute

import (
	"errors"
	"maps"
	"math"
	"strings"
	"testing"
)

// himmelblauBasins is a convergence map of Himmelblau's function over its
// whole domain.
func himmelblauBasins(n int) MapSpec {
	return MapSpec{
		Surface: "himmelblau", Optimizer: "sgd", Hyper: Hypers{"lr": 0.01}, Vary: VaryStart,
		XMin: -5, XMax: 5, YMin: -5, YMax: 5, Cols: n, Rows: n, Steps: 500,
	}
}

// TestMapMatchesTrainer checks the map's runs against the reference, the
// run a Config builds for the cell (the axes' learning rate and momentum,
// or lr 1 with lr_scales for two learning rates), as a click on the cell
// races it: stepped as many times as the cell says, it reaches a
// point where the surface has exactly the cell's loss, and that point
// agrees with the cell's status.
func TestMapMatchesTrainer(t *testing.T) {
	cases := []MapSpec{
		himmelblauBasins(7),
		{Surface: "rosenbrock", Optimizer: "momentum", Hyper: Hypers{"lr": 1e-3}, Vary: VaryStart,
			XMin: -2, XMax: 2, YMin: -1, YMax: 3, Cols: 5, Rows: 5, Steps: 300},
		{Surface: "bowl", Optimizer: "nesterov", Hyper: Hypers{"momentum": 0.5}, Start: [2]float64{-2.8, 1.2}, Vary: VaryLRs,
			XMin: 1e-3, XMax: 3, YMin: 1e-3, YMax: 0.2, Cols: 6, Rows: 6, Steps: 200},
		{Surface: "beale", Optimizer: "momentum", Start: [2]float64{1, 1.5}, Vary: VaryLRMomentum,
			XMin: 1e-4, XMax: 0.1, YMin: 0, YMax: 0.95, Cols: 5, Rows: 5, Steps: 400},
		{Surface: "ackley", Optimizer: "nesterov", Hyper: Hypers{"lr": 0.05, "momentum": 0.8}, Vary: VaryStart,
			XMin: -5, XMax: 5, YMin: -5, YMax: 5, Cols: 4, Rows: 4, Steps: 100},
		{Surface: "himmelblau", Optimizer: "adam", Hyper: Hypers{"lr": 0.1}, Vary: VaryStart,
			XMin: -5, XMax: 5, YMin: -5, YMax: 5, Cols: 5, Rows: 5, Steps: 300},
		{Surface: "rosenbrock", Optimizer: "rmsprop", Start: [2]float64{-1.5, 2}, Vary: VaryLRs,
			XMin: 1e-3, XMax: 0.5, YMin: 1e-3, YMax: 0.5, Cols: 4, Rows: 4, Steps: 200},
		{Surface: "beale", Optimizer: "rmsprop", Start: [2]float64{1, 1.5}, Vary: VaryLRMomentum,
			XMin: 1e-4, XMax: 0.1, YMin: 0, YMax: 0.95, Cols: 4, Rows: 4, Steps: 200},
	}
	for _, spec := range cases {
		res, err := NewCPU().RunMap(spec)
		if err != nil {
			t.Fatal(err)
		}
		surf, _ := SurfaceByName(spec.Surface)
		seen := map[RunStatus]bool{}
		for r := range spec.Rows {
			for c := range spec.Cols {
				cell := res.Cells[r*spec.Cols+c]
				seen[cell.Status] = true
				start := spec.CellStart(c, r)
				cfg := Config{Model: "surface", Surface: spec.Surface, Optimizer: spec.Optimizer,
					Hyper: maps.Clone(spec.Hyper), Start: start[:], FullLoss: "never"}
				if cfg.Hyper == nil {
					cfg.Hyper = Hypers{}
				}
				x, y := spec.At(c, r)
				switch spec.Vary {
				case VaryLRMomentum:
					cfg.Hyper["lr"], cfg.Hyper["momentum"] = x, y
				case VaryLRs:
					cfg.Hyper["lr"], cfg.LRScales = 1, []float64{x, y}
				}
				run, err := cfg.Build(nil)
				if err != nil {
					t.Fatal(err)
				}
				tr := run.Trainer
				for range cell.Steps {
					tr.Step()
				}
				p := tr.Params()
				if tr.Steps() != cell.Steps {
					t.Fatalf("%s cell (%d, %d): the trainer stopped (%s) after %d of %d steps", spec.Surface, c, r, tr.Stopped(), tr.Steps(), cell.Steps)
				}
				if f := surf.Func(p); f != cell.Loss && !(math.IsNaN(f) && math.IsNaN(cell.Loss)) {
					t.Errorf("%s cell (%d, %d): loss %v, the trainer reaches %v at %v", spec.Surface, c, r, cell.Loss, f, p)
				}
				g := make([]float64, 2)
				surf.Grad(g, p)
				converged := math.Hypot(g[0], g[1]) < spec.Tolerance()
				diverged := !(math.Abs(p[0]) <= MapDivergenceLimit && math.Abs(p[1]) <= MapDivergenceLimit)
				if converged != (cell.Status == RunConverged) || diverged != (cell.Status == RunDiverged) {
					t.Errorf("%s cell (%d, %d): %s after %d steps at %v, gradient %v", spec.Surface, c, r, cell.Status, cell.Steps, p, g)
				}
				want := -1
				if !diverged {
					want = NearestMinimum(surf, p[0], p[1])
				}
				if cell.Minimum != want {
					t.Errorf("%s cell (%d, %d): %s at %v attributed to minimum %d, want %d", spec.Surface, c, r, cell.Status, p, cell.Minimum, want)
				}
			}
		}
		t.Logf("%s %s over %s: statuses seen %v", spec.Surface, spec.Optimizer, spec.Vary, seen)
	}
}

// TestHimmelblauBasins starts a run near each of Himmelblau's four minima
// and expects each to converge to the minimum it started near.
func TestHimmelblauBasins(t *testing.T) {
	surf, _ := SurfaceByName("himmelblau")
	for i, m := range surf.Minima {
		spec := himmelblauBasins(1)
		spec.XMin, spec.XMax = m.X+0.4, m.X+0.4
		spec.YMin, spec.YMax = m.Y-0.3, m.Y-0.3
		res, err := NewCPU().RunMap(spec)
		if err != nil {
			t.Fatal(err)
		}
		cell := res.Cells[0]
		if cell.Status != RunConverged || cell.Minimum != i || cell.Loss > 1e-6 {
			t.Errorf("start near minimum %d (%g, %g): %+v", i, m.X, m.Y, cell)
		}
	}
	res, _ := NewCPU().RunMap(himmelblauBasins(32))
	counts := make([]int, 5)
	for _, cell := range res.Cells {
		counts[cell.Minimum+1]++
	}
	for i, n := range counts[1:] {
		if n < 100 {
			t.Errorf("minimum %d has a basin of only %d of 1024 cells", i, n)
		}
	}
}

// TestBowlTrainability checks a trainability map against the closed form:
// on the bowl, plain gradient descent along a coordinate of curvature λ
// converges for η < 2/λ and diverges for η > 2/λ.
func TestBowlTrainability(t *testing.T) {
	spec := MapSpec{
		Surface: "bowl", Optimizer: "sgd", Start: [2]float64{1, 1}, Vary: VaryLRs,
		XMin: 0.5, XMax: 4, YMin: 0.01, YMax: 0.4, Cols: 16, Rows: 16, Steps: 2000,
	}
	res, err := NewCPU().RunMap(spec)
	if err != nil {
		t.Fatal(err)
	}
	for r := range spec.Rows {
		for c := range spec.Cols {
			lx, ly := spec.At(c, r)
			cell := res.Cells[r*spec.Cols+c]
			want := RunConverged
			switch {
			case lx > 2.05 || ly > 2.05/bowlCondition:
				want = RunDiverged
			case lx > 1.95 || ly > 1.95/bowlCondition:
				continue // too slow either way to settle in 2000 steps
			}
			if cell.Status != want {
				t.Errorf("lr (%g, %g): %s after %d steps, want %s", lx, ly, cell.Status, cell.Steps, want)
			}
		}
	}
}

// TestMapAt checks the axes: linear ends and middle, log ends exact and
// the geometric middle, one cell at the minimum.
func TestMapAt(t *testing.T) {
	s := MapSpec{Vary: VaryLRMomentum, XMin: 1e-4, XMax: 1, YMin: 0, YMax: 0.9, Cols: 5, Rows: 4}
	if x, y := s.At(0, 0); x != 1e-4 || y != 0 {
		t.Errorf("At(0, 0) = %g, %g", x, y)
	}
	if x, y := s.At(4, 3); x != 1 || y != 0.9 {
		t.Errorf("At(4, 3) = %g, %g", x, y)
	}
	if x, y := s.At(2, 1); math.Abs(x-1e-2) > 1e-15 || math.Abs(y-0.3) > 1e-15 {
		t.Errorf("At(2, 1) = %g, %g, want 0.01, 0.3", x, y)
	}
	s.Cols = 1
	if x, _ := s.At(0, 0); x != 1e-4 {
		t.Errorf("one column: %g", x)
	}
}

// TestMapSpecValidate checks that each bad field is refused by name and
// that a good spec passes.
func TestMapSpecValidate(t *testing.T) {
	good := himmelblauBasins(8)
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	lrMom := MapSpec{Surface: "bowl", Optimizer: "momentum", Vary: VaryLRMomentum,
		XMin: 1e-4, XMax: 1, YMin: 0, YMax: 0.99, Cols: 4, Rows: 4, Steps: 10}
	if err := lrMom.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		field string
		edit  func(*MapSpec)
	}{
		{"surface", func(s *MapSpec) { s.Surface = "moon" }},
		{"optimizer", func(s *MapSpec) { s.Optimizer = "lbfgs" }},
		{"vary", func(s *MapSpec) { s.Vary = "lr" }},
		{"vary", func(s *MapSpec) { s.Optimizer, s.Vary, s.XMin, s.YMin = "adam", VaryLRMomentum, 0.1, 0 }},
		{"lr", func(s *MapSpec) { s.Hyper = Hypers{"lr": 0} }},
		{"momentum", func(s *MapSpec) { s.Hyper = Hypers{"momentum": -0.5} }},
		{"beta1", func(s *MapSpec) { s.Hyper = Hypers{"beta1": 0.5} }},
		{"x_min", func(s *MapSpec) { s.XMin = math.NaN() }},
		{"x_max", func(s *MapSpec) { s.XMax = -6 }},
		{"y_max", func(s *MapSpec) { s.YMax = math.Inf(1) }},
		{"x_min", func(s *MapSpec) { s.Vary, s.XMin, s.XMax = VaryLRs, 0, 1 }},
		{"y_min", func(s *MapSpec) { s.Vary, s.XMin, s.XMax = VaryLRMomentum, 0.1, 1 }},
		{"start", func(s *MapSpec) { s.Vary, s.XMin, s.XMax, s.YMin, s.Start[1] = VaryLRs, 0.1, 1, 0.1, math.NaN() }},
		{"cols", func(s *MapSpec) { s.Cols = 0 }},
		{"rows", func(s *MapSpec) { s.Rows = MaxMapSide + 1 }},
		{"steps", func(s *MapSpec) { s.Steps = MaxMapSteps + 1 }},
		{"tol", func(s *MapSpec) { s.Tol = -1 }},
	} {
		s := good
		c.edit(&s)
		err := s.Validate()
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !strings.Contains(err.Error(), c.field) {
			t.Errorf("%+v: error %v, want one naming %q", s, err, c.field)
		}
		if _, err := NewCPU().RunMap(s); err == nil {
			t.Errorf("%+v: RunMap ran an invalid spec", s)
		}
	}
}
