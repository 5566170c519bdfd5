package gpu

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
)

// surfaceCodes numbers the surfaces that shaders/runs.kage implements, as
// its Surface uniform.
var surfaceCodes = map[string]int{
	"rosenbrock": 0, "beale": 1, "himmelblau": 2, "booth": 3,
	"rastrigin": 4, "ackley": 5, "saddle": 6, "bowl": 7,
}

// varyCodes number the kinds of map, as runs.kage's Vary uniform.
var varyCodes = map[compute.MapAxes]int{compute.VaryStart: 0, compute.VaryLRMomentum: 1, compute.VaryLRs: 2}

// minRunsTol is the finest convergence tolerance the shader is trusted
// with (see compute.DefaultMapTol): float32 resolves gradient norms near
// the built-in surfaces' minima to about 1e-5, and a slowly contracting run
// may circle a minimum at up to about 1e-4, so a finer tolerance could go
// unmet where the CPU meets it.
const minRunsTol = compute.DefaultMapTol

// RunMap computes a map of independent runs (see compute.MapSpec) with one
// run per pixel in shaders/runs.kage, in float32, and agrees with the CPU
// reference except near basin and trainability boundaries, where float32
// round-off may tip a run the other way. It draws twice, one pixel a cell
// each time: the encoded final loss, then the status, minimum and steps
// (each draw repeats the runs, since a fragment writes one pixel). Every
// run is one loop of one draw, so a caller with a large map should hand it
// over in bands of rows, as a browser may stop a draw that runs for
// seconds.
//
// A spec the shader cannot honour runs on the CPU instead: a surface
// runs.kage does not implement (or one with more than 4 minima), a
// tolerance below DefaultMapTol, or values that float32 cannot carry (axis
// cells that round to the same float32, magnitudes outside its range). An
// invalid spec is an error, and so is a result no run could have produced
// (a shader the driver failed to run reads back as zeros).
func (b *Backend) RunMap(spec compute.MapSpec) (*compute.MapResult, error) {
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	spec.Tol = spec.Tolerance()
	surf, _ := compute.SurfaceByName(spec.Surface)
	axes, exact := axisPixels(spec)
	if !exact || !shaderRuns(spec, surf) {
		return b.cpu.RunMap(spec)
	}
	uniforms := runsUniforms(spec, surf)

	axisImg := ebiten.NewImage(max(spec.Cols, spec.Rows), 2)
	defer axisImg.Deallocate()
	axisImg.WritePixels(axes)
	lossImg := ebiten.NewImage(spec.Cols, spec.Rows)
	defer lossImg.Deallocate()
	statusImg := ebiten.NewImage(spec.Cols, spec.Rows)
	defer statusImg.Deallocate()
	sh := b.shader("runs")
	uniforms["Output"] = 0
	drawCells(lossImg, sh, uniforms, axisImg)
	uniforms["Output"] = 1
	drawCells(statusImg, sh, uniforms, axisImg)

	n := spec.Cols * spec.Rows
	lossPx := make([]byte, PixelBytes*n)
	statusPx := make([]byte, PixelBytes*n)
	lossImg.ReadPixels(lossPx)
	statusImg.ReadPixels(statusPx)
	cells := make([]compute.MapCell, n)
	for i := range cells {
		s := statusPx[PixelBytes*i : PixelBytes*(i+1)]
		c := compute.MapCell{
			Loss:    DecodeFloat(lossPx[PixelBytes*i:]),
			Status:  compute.RunStatus(s[0]),
			Minimum: int(s[1]) - 1,
			Steps:   int(s[2])<<8 | int(s[3]),
		}
		if c.Status > compute.RunDiverged || c.Steps > spec.Steps || (c.Status == compute.RunUnfinished && c.Steps != spec.Steps) {
			return nil, fmt.Errorf("gpu: runs.kage returned an impossible cell %+v (did the driver run the shader?)", c)
		}
		cells[i] = c
	}
	return &compute.MapResult{Spec: spec, Cells: cells}, nil
}

// shaderRuns says whether runs.kage can run spec on surf: it implements
// the surface, can attribute to its minima, resolves the tolerance, and
// float32 carries the fixed values.
func shaderRuns(spec compute.MapSpec, surf *compute.Surface) bool {
	_, ok := surfaceCodes[spec.Surface]
	return ok && len(surf.Minima) <= 4 && spec.Tol >= minRunsTol &&
		carries32(spec.LR) && carries32(spec.Momentum) && carries32(spec.Start[0]) && carries32(spec.Start[1])
}

// runsUniforms returns runs.kage's uniforms for spec on surf, Output aside.
func runsUniforms(spec compute.MapSpec, surf *compute.Surface) map[string]any {
	minima := make([]float32, 8)
	for i, m := range surf.Minima {
		minima[2*i], minima[2*i+1] = float32(m.X), float32(m.Y)
	}
	radius := compute.MinimumRadius(surf)
	nesterov := 0
	if spec.Optimizer == "nesterov" {
		nesterov = 1
	}
	return map[string]any{
		"Surface": surfaceCodes[spec.Surface], "Vary": varyCodes[spec.Vary], "Nesterov": nesterov,
		"LR": float32(spec.LR), "Momentum": float32(spec.Momentum),
		"Start": []float32{float32(spec.Start[0]), float32(spec.Start[1])},
		"Steps": spec.Steps, "Tol2": float32(spec.Tol * spec.Tol), "Limit": float32(compute.MapDivergenceLimit),
		"Minima": minima, "MinimaCount": len(surf.Minima), "Radius2": float32(radius * radius),
		"One": float32(1),
	}
}

// axisPixels encodes the map's axis values for runs.kage: row 0 holds the
// x value of each column, row 1 the y value of each row, in an image
// max(Cols, Rows) wide. exact is false when float32 cannot carry them:
// a value out of its range, or neighbouring cells of a widening axis that
// become equal.
func axisPixels(spec compute.MapSpec) (px []byte, exact bool) {
	w := max(spec.Cols, spec.Rows)
	px = make([]byte, PixelBytes*2*w)
	exact = true
	prevX, prevY := math.Inf(-1), math.Inf(-1)
	for c := range spec.Cols {
		x, _ := spec.At(c, 0)
		EncodeFloat(px[PixelBytes*c:], x)
		got := DecodeFloat(px[PixelBytes*c:])
		exact = exact && carries32(x) && (got > prevX || spec.XMin == spec.XMax)
		prevX = got
	}
	for r := range spec.Rows {
		_, y := spec.At(0, r)
		EncodeFloat(px[PixelBytes*(w+r):], y)
		got := DecodeFloat(px[PixelBytes*(w+r):])
		exact = exact && carries32(y) && (got > prevY || spec.YMin == spec.YMax)
		prevY = got
	}
	return px, exact
}
