package main

import (
	"io"
	"strconv"
	"testing"

	"github.com/descent-playground/descent/tune"
)

// benchBase is the base run of the sweep benchmarks: Adam on the
// Rosenbrock surface for 20000 steps, a run that uses one core, with the
// loss evaluated at the end only (as a sweep's trials are by default).
var benchBase = []string{"--model", "surface", "--surface", "rosenbrock", "--optimizer", "adam", "--steps", "20000", "--full-loss", "end"}

// BenchmarkSweep64 is the user's path: a 64-point learning-rate grid
// through "descent sweep", on every core.
func BenchmarkSweep64(b *testing.B) {
	args := append([]string{"sweep", "--param", "lr=1e-4:0.1", "--method", "grid", "--grid-points", "64"}, benchBase...)
	for b.Loop() {
		if code := realMain(args, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkSweep64OneByOne runs the same 64 trials one after another, each
// as "descent run": the ratio of the two is the sweep's parallel speed-up.
func BenchmarkSweep64OneByOne(b *testing.B) {
	pts := tune.Param{Min: 1e-4, Max: 0.1, Log: true}.Points(64)
	for b.Loop() {
		for _, lr := range pts {
			args := append([]string{"run", "--lr", strconv.FormatFloat(lr, 'g', -1, 64)}, benchBase...)
			if code := realMain(args, io.Discard, io.Discard); code != 0 {
				b.Fatalf("lr %g: exit %d", lr, code)
			}
		}
	}
}
