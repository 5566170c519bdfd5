//go:build nogui

package main

import "testing"

// TestSweepOnGPUNoGUI checks that the graphics-free build refuses a GPU
// sweep in one line: it links no GPU backend.
func TestSweepOnGPUNoGUI(t *testing.T) {
	out, errOut, code := runCLI("sweep", "--backend", "gpu", "--model", "surface", "--steps", "50", "--method", "grid", "--param", "lr=1e-3:1e-2")
	want := "descent sweep: --backend gpu: this build of descent has no GPU backend; --backend cpu runs this sweep\n"
	if code != 2 || out != "" || errOut != want {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
