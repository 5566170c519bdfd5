//go:build nogui

package main

import (
	"strings"
	"testing"
)

// hasWindow says that this build has no window: tests of the window's
// flags are left out.
const hasWindow = false

// TestNoGUIBuild checks the graphics-free build's answers: no window (exit
// 2, one line saying to use descent run), and a run with --backend gpu on
// the CPU with the reason on stderr.
func TestNoGUIBuild(t *testing.T) {
	if _, errOut, code := runCLI(); code != 2 || errOut != "descent: "+noWindow+"\n" {
		t.Errorf("descent: exit %d, stderr %q", code, errOut)
	}
	out, errOut, code := runCLI("run", "--backend", "gpu")
	if code != 0 || out != "Optimized slope: 0.71, intercept: 1.85\n" || !strings.Contains(errOut, "using the CPU backend") {
		t.Errorf("run --backend gpu: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
