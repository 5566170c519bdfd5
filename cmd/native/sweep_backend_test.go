package main

import (
	"strings"
	"testing"
)

// TestSweepBackendRefusals checks that --backend gpu refuses, in one line
// that names the reason and --backend cpu, a sweep the GPU map cannot run,
// and that --backend takes only cpu and gpu.
func TestSweepBackendRefusals(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--param", "lr=1e-3:1e-1"}, "--backend gpu: the GPU map runs a grid (--method grid), not random; --backend cpu runs this sweep"},
		{[]string{"--method", "grid", "--param", "lr=1e-3:1e-1"}, "--backend gpu: the GPU map runs a surface model, not linreg; --backend cpu runs this sweep"},
		{[]string{"--method", "grid", "--model", "surface", "--steps", "5000", "--param", "lr=1e-3:1e-1"}, "runs 1 to 4096 steps, not 5000"},
		{[]string{"--method", "grid", "--model", "surface", "--steps", "50", "--param", "lr=1e-3:1e-1", "--param", "dampening=0:0.5"}, "sweeps lr and momentum, not dampening"},
	} {
		args := append([]string{"sweep", "--backend", "gpu"}, c.args...)
		out, errOut, code := runCLI(args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 ||
			!strings.HasPrefix(errOut, "descent sweep: --backend gpu: ") || !strings.HasSuffix(errOut, "; --backend cpu runs this sweep\n") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q, want %q", c.args, code, out, errOut, c.want)
		}
	}
	if _, errOut, code := runCLI("sweep", "--backend", "tpu", "--param", "lr=1e-3:1e-1"); code != 2 || errOut != "descent sweep: --backend \"tpu\": want cpu or gpu\n" {
		t.Errorf("--backend tpu: exit %d, stderr %q", code, errOut)
	}
}
