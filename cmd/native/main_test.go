package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
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
		{"run", "--model", "linreg", "--data", "classic", "--optimizer", "sgd", "--lr", "0.01", "--epochs", "1000"},
	} {
		out, errOut, code := runCLI(args...)
		if code != 0 || out != "Optimized slope: 0.71, intercept: 1.85\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

// TestJSONOutput checks the descent.run/v1 shape of the classic example:
// steps+1 path points, a loss per point (a full-batch epoch is a step),
// the full-precision result, and the counts of a full-batch run that reuses
// the loss of each gradient pass: one pass per step and one at the end.
func TestJSONOutput(t *testing.T) {
	out, _, code := runCLI("run", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var res compute.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Schema != compute.ResultSchema || res.Steps != 1000 || len(res.Path) != 1001 || len(res.Loss) != 1001 || res.Stop != "finished" {
		t.Errorf("schema %q, steps %d, %d points, %d losses, stop %q", res.Schema, res.Steps, len(res.Path), len(res.Loss), res.Stop)
	}
	if d0, d1 := res.Final[0]-0.7148435629087723, res.Final[1]-1.8464100280623261; d0*d0+d1*d1 > 1e-24 {
		t.Errorf("final %v", res.Final)
	}
	if res.Loss[1000].Loss >= res.Loss[0].Loss || res.Loss[1000].Step != 1000 {
		t.Errorf("loss did not fall: %v → %v", res.Loss[0], res.Loss[1000])
	}
	want := compute.Counts{GradientPasses: 1000, LossPasses: 1, Samples: 1001 * 5}
	if res.Counts != want {
		t.Errorf("counts %+v, want %+v", res.Counts, want)
	}
	if res.Path[1].BatchLoss != res.Loss[0].Loss {
		t.Errorf("the first step's batch loss %v is not the full loss at the start %v", res.Path[1].BatchLoss, res.Loss[0].Loss)
	}
}

// TestLossPolicyCounts checks what each --full-loss policy evaluates on a
// per-sample run: once per epoch (the default on data) costs one pass an
// epoch, never costs none, every 7 steps a pass each 7 steps.
func TestLossPolicyCounts(t *testing.T) {
	const n, epochs = 100, 3
	steps := int64(n * epochs)
	cases := []struct {
		policy     []string
		losses     int
		lossPasses int64
	}{
		{nil, epochs + 1, epochs + 1},
		{[]string{"--full-loss", "never"}, 0, 0},
		{[]string{"--full-loss", "end"}, 1, 1},
		{[]string{"--full-loss", "7"}, int(steps/7) + 2, steps/7 + 2},
	}
	for _, c := range cases {
		args := append([]string{"run", "--data", "linear", "--n", "100", "--variant", "sgd", "--epochs", "3", "--format", "json"}, c.policy...)
		out, errOut, code := runCLI(args...)
		var res compute.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 {
			t.Fatalf("%v: exit %d, %v, %s", c.policy, code, err, errOut)
		}
		want := compute.Counts{GradientPasses: steps, LossPasses: c.lossPasses, Samples: steps + c.lossPasses*n}
		if len(res.Loss) != c.losses || res.Counts != want {
			t.Errorf("%v: %d losses, counts %+v; want %d and %+v", c.policy, len(res.Loss), res.Counts, c.losses, want)
		}
	}
}

// TestEveryHyperparameterHasAFlag walks the optimizer registry: each
// hyperparameter of each optimizer is a flag that sets it.
func TestEveryHyperparameterHasAFlag(t *testing.T) {
	for _, spec := range compute.Optimizers() {
		for _, h := range spec.Hypers {
			v := "0.5"
			if h.Bool {
				v = "true"
			}
			name := strings.ReplaceAll(h.Key, "_", "-")
			var given []setting
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			registerConfigFlags(fs, &given)
			if err := fs.Parse([]string{"--" + name + "=" + v}); err != nil {
				t.Errorf("%s: --%s: %v", spec.Name, name, err)
				continue
			}
			var c compute.Config
			if err := applySettings(&c, given); err != nil || c.Hyper[h.Key] != map[bool]float64{true: 1, false: 0.5}[h.Bool] {
				t.Errorf("%s: --%s=%s set %v (%v)", spec.Name, name, v, c.Hyper, err)
			}
		}
	}
}

// TestTrace checks that --trace adds the optimizer's state to the JSON.
func TestTrace(t *testing.T) {
	out, _, code := runCLI("run", "--model", "surface", "--optimizer", "adam", "--steps", "5", "--format", "json", "--trace")
	var res compute.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 {
		t.Fatal(code, err)
	}
	names := []string{}
	for _, q := range res.Trace {
		names = append(names, q.Name)
	}
	if strings.Join(names, ",") != "grad,exp_avg,exp_avg_sq,bias_corrected_exp_avg,bias_corrected_exp_avg_sq,denom,delta" {
		t.Errorf("trace %v", names)
	}
}

func TestCSVOutput(t *testing.T) {
	out, _, code := runCLI("run", "--model", "surface", "--surface", "booth", "--steps", "3", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 5 || lines[0] != "step,epoch,lr,x,y,batch_loss,loss" || !strings.HasPrefix(lines[1], "0,0,0.01,-8,8,,") {
		t.Errorf("exit %d, csv:\n%s", code, out)
	}
	for _, l := range lines[1:] {
		if strings.HasSuffix(l, ",") {
			t.Errorf("row %q has no loss (a surface evaluates it every step)", l)
		}
	}
	out, _, _ = runCLI("run", "--model", "surface", "--surface", "bowl", "--steps", "100", "--record-every", "25", "--format", "csv")
	lines = strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[2], "25,25,") || !strings.HasPrefix(lines[5], "100,100,") {
		t.Errorf("--record-every 25 over 100 steps: want the start and 4 rows:\n%s", out)
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
		{[]string{"run", "--variant", "minibatch", "--batch-size", "0"}, "--batch-size"},
		{[]string{"run", "--full-loss", "sometimes"}, "--full-loss"},
		{[]string{"run", "--record-every", "0"}, "--record-every"},
		{[]string{"run", "--optimizer", "nesterov", "--momentum", "0"}, "--momentum"},
		{[]string{"run", "--data", "missing.csv"}, "missing.csv"},
		{[]string{"run", "--format", "xml"}, "--format"},
		{[]string{"run", "--config", "/nonexistent.json"}, "--config"},
		{[]string{"run", "extra"}, "unexpected argument"},
		{[]string{"fly"}, `unknown command "fly" (want run, sweep, grid, version or help)`},
		{[]string{"version", "extra"}, `descent version: unexpected argument "extra"`},
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
