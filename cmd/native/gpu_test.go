//go:build !nogui

package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// runChild runs the test binary as "descent" with args in a child process
// (a window must own its process's main thread) and env added.
func runChild(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(append(os.Environ(), argsEnv+"="+strings.Join(args, "\x1f")), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// TestRunOnGPUAgreesWithCPU trains the classic example and logistic
// regression with --backend gpu and compares with the CPU backend: the same
// text, and final parameters within the GPU's float32 tolerance.
func TestRunOnGPUAgreesWithCPU(t *testing.T) {
	out, errOut, code := runChild(t, nil, "run", "--backend", "gpu")
	if code != 0 || out != "Optimized slope: 0.71, intercept: 1.85\n" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	args := []string{"run", "--model", "logreg", "--optimizer", "adam", "--lr", "0.05", "--epochs", "200", "--format", "json"}
	gpuOut, errOut, code := runChild(t, nil, append(args, "--backend", "gpu")...)
	if code != 0 {
		t.Fatalf("gpu: exit %d, %s", code, errOut)
	}
	cpuOut, _, _ := runChild(t, nil, args...)
	var g, c struct{ Final []float64 }
	if err := json.Unmarshal([]byte(gpuOut), &g); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal([]byte(cpuOut), &c)
	for i := range c.Final {
		if math.Abs(g.Final[i]-c.Final[i]) > 1e-4*max(1, math.Abs(c.Final[i])) {
			t.Errorf("θ[%d]: gpu %.8g, cpu %.8g", i, g.Final[i], c.Final[i])
		}
	}
}

// TestRunOnGPUWithoutDisplayFallsBack checks the clear message and the CPU
// result when the GPU backend cannot start.
func TestRunOnGPUWithoutDisplayFallsBack(t *testing.T) {
	out, errOut, code := runChild(t, []string{"DISPLAY=", "WAYLAND_DISPLAY="}, "run", "--backend", "gpu")
	if code != 0 || out != "Optimized slope: 0.71, intercept: 1.85\n" || !strings.Contains(errOut, "using the CPU backend") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
