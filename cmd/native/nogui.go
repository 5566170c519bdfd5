//go:build nogui

package main

import (
	"fmt"
	"io"

	"github.com/descent-playground/descent/compute"
)

// noWindow is what the graphics-free build says when asked for the window.
const noWindow = "this build of descent has no window; use descent run"

// windowCommand refuses: a build with the nogui tag (the Python package's
// static binary) links neither Ebitengine nor the playground.
func windowCommand(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintf(stderr, "descent: %s\n", noWindow)
	return 2
}

// executeOnGPU says that this build has no GPU backend and returns no run,
// so that the caller runs on the CPU.
func executeOnGPU(_ compute.Config, stderr io.Writer, _ func(*compute.Run)) (*compute.Run, compute.StopReason, error) {
	fmt.Fprintln(stderr, "descent run: this build of descent has no GPU backend; using the CPU backend")
	return nil, "", nil
}
