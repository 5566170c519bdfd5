package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = realMain(args, &out, &errb)
	return out.String(), errb.String(), code
}

// TestClassicExample is the acceptance line: the classic example
// prints exactly what the numpy original prints.
func TestClassicExample(t *testing.T) {
	for _, args := range [][]string{
		{"run"},
		{"run", "--model", "linreg", "--data", "seed", "--optimizer", "sgd", "--lr", "0.01", "--epochs", "1000"},
	} {
		out, errOut, code := runCLI(args...)
		if code != 0 || out != "Optimized slope: 0.71, intercept: 1.85\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

// TestJSONOutput checks the JSON shape: steps+1 path points, a loss per
// point, and the full-precision result of the classic example.
func TestJSONOutput(t *testing.T) {
	out, _, code := runCLI("run", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var res struct {
		Path  [][]float64 `json:"path"`
		Loss  []float64   `json:"loss"`
		Final []float64   `json:"final"`
		Steps int         `json:"steps"`
		Stop  string      `json:"stop"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Steps != 1000 || len(res.Path) != 1001 || len(res.Loss) != 1001 || res.Stop != "finished" {
		t.Errorf("steps %d, %d points, %d losses, stop %q", res.Steps, len(res.Path), len(res.Loss), res.Stop)
	}
	if d0, d1 := res.Final[0]-0.7148435629087723, res.Final[1]-1.8464100280623261; d0*d0+d1*d1 > 1e-24 {
		t.Errorf("final %v", res.Final)
	}
	if res.Loss[1000] >= res.Loss[0] {
		t.Errorf("loss did not fall: %g → %g", res.Loss[0], res.Loss[1000])
	}
}

func TestCSVOutput(t *testing.T) {
	out, _, code := runCLI("run", "--model", "surface", "--surface", "booth", "--steps", "3", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 5 || lines[0] != "step,x,y,loss" || !strings.HasPrefix(lines[1], "0,-8,8,") {
		t.Errorf("exit %d, csv:\n%s", code, out)
	}
}

// TestConfigFileWithFlagOverride reads a Config file and lets a flag
// override one field of it.
func TestConfigFileWithFlagOverride(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.json")
	os.WriteFile(path, []byte(`{"model":"surface","surface":"himmelblau","optimizer":"adam","lr":0.1,"steps":2000,"start":[-1,1]}`), 0o644)
	out, errOut, code := runCLI("run", "--config", path)
	if code != 0 || out != "Optimized x: -2.81, y: 3.13\n" {
		t.Errorf("exit %d, %q %q", code, out, errOut)
	}
	out, _, _ = runCLI("run", "--config", path, "--start", "1,1")
	if out != "Optimized x: 3.00, y: 2.00\n" {
		t.Errorf("override of start: %q", out)
	}
}

// TestBadInput checks one-line errors naming the field and exit status 2.
func TestBadInput(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"run", "--lr", "-1"}, "--lr -1: want a number > 0"},
		{[]string{"run", "--lr", "fast"}, "lr"},
		{[]string{"run", "--optimizer", "lbfgs"}, "--optimizer"},
		{[]string{"run", "--beta1", "0.5"}, "--beta1: optimizer sgd does not use it"},
		{[]string{"run", "--variant", "batch", "--batch-size", "3"}, "--batch-size"},
		{[]string{"run", "--data", "missing.csv"}, "missing.csv"},
		{[]string{"run", "--format", "xml"}, "--format"},
		{[]string{"run", "--config", "/nonexistent.json"}, "--config"},
		{[]string{"run", "extra"}, "unexpected argument"},
		{[]string{"fly"}, "unknown command"},
	}
	for _, c := range cases {
		out, errOut, code := runCLI(c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line containing %q", c.args, code, out, errOut, c.want)
		}
	}
}

// TestDivergedRunExitsOne checks that a run that blows up says so.
func TestDivergedRunExitsOne(t *testing.T) {
	_, errOut, code := runCLI("run", "--model", "surface", "--surface", "bowl", "--lr", "0.5", "--steps", "500")
	if code != 1 || !strings.Contains(errOut, "diverged") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestCSVData trains on a CSV file with a named target column.
func TestCSVData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.csv")
	os.WriteFile(path, []byte("y,x\n3,1\n4,2\n2,3\n5,4\n6,5\n"), 0o644)
	out, _, code := runCLI("run", "--data", path, "--target", "y")
	if code != 0 || out != "Optimized slope: 0.71, intercept: 1.85\n" {
		t.Errorf("exit %d, %q", code, out)
	}
}
