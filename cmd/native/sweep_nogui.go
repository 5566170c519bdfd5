//go:build nogui

package main

import (
	"fmt"
	"time"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/tune"
)

// sweepOnGPU refuses: a build with the nogui tag links no GPU backend.
func sweepOnGPU(*tune.Sweep) (*compute.MapResult, time.Duration, error) {
	return nil, 0, fmt.Errorf("this build of descent has no GPU backend")
}
