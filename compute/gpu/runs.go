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

// Optimizer kinds, as runs.kage's Optimizer uniform.
const (
	kindSGD      = 0 // sgd and momentum: plain gradient descent, heavy-ball momentum
	kindNesterov = 1
	kindAdam     = 2
)

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
// The shader implements the SGD family (sgd, momentum, nesterov) without
// dampening or weight decay, and Adam without weight decay or AMSGrad (see
// fastOptimizer). Every other spec runs on the CPU instead: another
// optimizer or those settings, a surface runs.kage does not implement (or
// one with more than 4 minima), a tolerance below DefaultMapTol, or values
// that float32 cannot carry (axis cells that round to the same float32,
// magnitudes outside its range). An invalid spec is an error, and so is a
// result no run could have produced (a shader the driver failed to run
// reads back as zeros).
func (b *Backend) RunMap(spec compute.MapSpec) (*compute.MapResult, error) {
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	spec.Tol = spec.Tolerance()
	surf, _ := compute.SurfaceByName(spec.Surface)
	hyper := spec.Hypers()
	kind, fast := fastOptimizer(spec.Optimizer, hyper)
	if !fast {
		return b.cpu.RunMap(spec)
	}
	axes, exact := axisPixels(spec)
	if !exact || !shaderRuns(spec, surf, hyper) {
		return b.cpu.RunMap(spec)
	}
	uniforms := runsUniforms(spec, surf, kind, hyper)

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

// fastOptimizer returns runs.kage's kind for an optimizer with resolved
// hyperparameters h, and whether the shader implements it with those
// settings (compute.GPUMapRuns).
func fastOptimizer(name string, h compute.Hypers) (kind int, ok bool) {
	if compute.GPUMapRuns(name, h) != nil {
		return 0, false
	}
	switch name {
	case "nesterov":
		return kindNesterov, true
	case "adam":
		return kindAdam, true
	}
	return kindSGD, true
}

// runsHypers are the hyperparameters runs.kage reads; a missing one reads
// as 0.
var runsHypers = []string{"lr", "momentum", "beta1", "beta2", "eps"}

// shaderRuns says whether runs.kage can run spec on surf with resolved
// hyperparameters h: it implements the surface, can attribute to its
// minima, resolves the tolerance, and float32 carries the fixed values.
func shaderRuns(spec compute.MapSpec, surf *compute.Surface, h compute.Hypers) bool {
	_, ok := surfaceCodes[spec.Surface]
	ok = ok && len(surf.Minima) <= 4 && spec.Tol >= minRunsTol && carries32(spec.Start[0]) && carries32(spec.Start[1])
	for _, key := range runsHypers {
		ok = ok && carries32(h[key])
	}
	return ok
}

// runsUniforms returns runs.kage's uniforms for spec on surf with the
// optimizer kind and resolved hyperparameters h, Output aside. Adam's
// 1-β₁ and 1-β₂ go in as computed in float64: float32's 0.999 is 0.999
// only to 1.3e-8, which would be 1.3e-5 relative in 1-β₂.
func runsUniforms(spec compute.MapSpec, surf *compute.Surface, kind int, h compute.Hypers) map[string]any {
	minima := make([]float32, 8)
	for i, m := range surf.Minima {
		minima[2*i], minima[2*i+1] = float32(m.X), float32(m.Y)
	}
	radius := compute.MinimumRadius(surf)
	return map[string]any{
		"Surface": surfaceCodes[spec.Surface], "Vary": varyCodes[spec.Vary], "Optimizer": kind,
		"LR": float32(h["lr"]), "Momentum": float32(h["momentum"]),
		"Beta":         []float32{float32(h["beta1"]), float32(h["beta2"])},
		"OneMinusBeta": []float32{float32(1 - h["beta1"]), float32(1 - h["beta2"])},
		"Eps":          float32(h["eps"]),
		"Start":        []float32{float32(spec.Start[0]), float32(spec.Start[1])},
		"Steps":        spec.Steps, "Tol2": float32(spec.Tol * spec.Tol), "Limit": float32(compute.MapDivergenceLimit),
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
