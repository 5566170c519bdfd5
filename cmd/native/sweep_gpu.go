//go:build !nogui

package main

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"time"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/compute/gpu"
	"github.com/descent-playground/descent/tune"
)

// sweepOnGPU runs a grid sweep's trials as one run map (tune.RunMap) on
// the GPU backend inside a hidden Ebitengine loop, and returns the map and
// the time it took. It is an error when the backend cannot start, or when
// the GPU backend handed the map to its CPU fallback: then the trials were
// not run in float32 on the GPU, which is what --backend gpu promises.
func sweepOnGPU(s *tune.Sweep) (*compute.MapResult, time.Duration, error) {
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return nil, 0, fmt.Errorf("the GPU backend cannot start (no display: Ebitengine needs one, e.g. xvfb-run)")
	}
	b, err := gpu.NewBackend()
	if err != nil {
		return nil, 0, fmt.Errorf("the GPU backend cannot start (%v)", err)
	}
	var res *compute.MapResult
	var runErr error
	var wall time.Duration
	if err := runGame(&oneShot{work: func() {
		start := time.Now()
		res, runErr = tune.RunMap(s, b)
		wall = time.Since(start)
	}}); err != nil {
		return nil, 0, fmt.Errorf("the GPU backend cannot start (%v)", err)
	}
	if runErr != nil {
		return nil, 0, runErr
	}
	if !fromShader(res) {
		return nil, 0, fmt.Errorf("the GPU backend handed this map to its CPU fallback (compute/gpu's shader does not run it)")
	}
	return res, wall, nil
}

// fromShader says whether a map's losses came from the shader: the shader
// writes float32 values, so every finite loss is one, where the CPU's
// float64 losses almost never all are.
func fromShader(res *compute.MapResult) bool {
	for _, c := range res.Cells {
		if l := c.Loss; !math.IsNaN(l) && !math.IsInf(l, 0) && float64(float32(l)) != l {
			return false
		}
	}
	return true
}
