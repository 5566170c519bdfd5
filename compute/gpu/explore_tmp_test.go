package gpu

import (
	"testing"

	"github.com/descent-playground/descent/compute"
)

func TestExploreAdam(t *testing.T) {
	for _, spec := range []compute.MapSpec{
		{Surface: "himmelblau", Optimizer: "adam", Hyper: compute.Hypers{"lr": 0.05}, Vary: compute.VaryStart,
			XMin: -5, XMax: 5, YMin: -5, YMax: 5, Cols: 64, Rows: 64, Steps: 500},
		{Surface: "himmelblau", Optimizer: "adam", Hyper: compute.Hypers{"lr": 0.1}, Vary: compute.VaryStart,
			XMin: -5, XMax: 5, YMin: -5, YMax: 5, Cols: 64, Rows: 64, Steps: 1000},
		{Surface: "rosenbrock", Optimizer: "adam", Start: [2]float64{-1.5, 2}, Vary: compute.VaryLRs,
			XMin: 1e-4, XMax: 1, YMin: 1e-4, YMax: 1, Cols: 48, Rows: 48, Steps: 1000},
		{Surface: "beale", Optimizer: "adam", Start: [2]float64{1, 1.5}, Vary: compute.VaryLRs,
			XMin: 1e-4, XMax: 1, YMin: 1e-4, YMax: 1, Cols: 48, Rows: 48, Steps: 1000},
		{Surface: "bowl", Optimizer: "adam", Start: [2]float64{-2.8, 1.2}, Vary: compute.VaryLRs,
			XMin: 1e-3, XMax: 10, YMin: 1e-3, YMax: 10, Cols: 48, Rows: 48, Steps: 1000},
	} {
		gpu, cpu := runMaps(t, spec)
		compareMaps(t, gpu, cpu, 0.999)
	}
}
