package gpu

import (
	"fmt"
	"testing"

	"github.com/descent-playground/descent/compute"
)

func TestExploreAdam(t *testing.T) {
	specs := []compute.MapSpec{
		{Surface: "rosenbrock", Optimizer: "adam", Start: [2]float64{-1.5, 2}, Vary: compute.VaryLRs,
			XMin: 1e-4, XMax: 0.3, YMin: 1e-4, YMax: 0.3, Cols: 48, Rows: 48, Steps: 1000},
		{Surface: "beale", Optimizer: "adam", Start: [2]float64{1, 1.5}, Vary: compute.VaryLRs,
			XMin: 1e-4, XMax: 0.3, YMin: 1e-4, YMax: 0.3, Cols: 48, Rows: 48, Steps: 1000},
		{Surface: "himmelblau", Optimizer: "adam", Start: [2]float64{0, 0}, Vary: compute.VaryLRs,
			XMin: 1e-4, XMax: 1, YMin: 1e-4, YMax: 1, Cols: 48, Rows: 48, Steps: 1000},
		{Surface: "bowl", Optimizer: "adam", Start: [2]float64{-2.8, 1.2}, Vary: compute.VaryLRs,
			XMin: 1e-3, XMax: 10, YMin: 1e-3, YMax: 10, Cols: 48, Rows: 48, Steps: 1000},
	}
	lrs := map[string]float64{"rosenbrock": 0.02, "beale": 0.02, "himmelblau": 0.05, "booth": 0.1,
		"rastrigin": 0.01, "ackley": 0.05, "saddle": 0.05, "bowl": 0.05}
	for _, s := range compute.Surfaces() {
		d := s.Domain
		specs = append(specs, compute.MapSpec{Surface: s.Name, Optimizer: "adam", Hyper: compute.Hypers{"lr": lrs[s.Name]}, Vary: compute.VaryStart,
			XMin: d[0], XMax: d[1], YMin: d[2], YMax: d[3], Cols: 24, Rows: 24, Steps: 300})
	}
	for i, spec := range specs {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			gpu, cpu := runMaps(t, spec)
			compareMaps(t, gpu, cpu, 0.98)
		})
	}
}
