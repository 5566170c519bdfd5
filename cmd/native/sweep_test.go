package main

import (
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// TestSweepText sweeps the classic example's learning rate over a grid:
// the table is sorted by loss with the diverged runs last, and the printed
// command line reproduces the best trial's result through "descent run".
func TestSweepText(t *testing.T) {
	out, errOut, code := runCLI("sweep", "--epochs", "300", "--param", "lr=1e-4:1", "--method", "grid")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if errOut != "" {
		t.Errorf("stderr %q, want nothing (no progress bar off a terminal)", errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 9 || !strings.Contains(lines[0], "rank") || !strings.Contains(lines[0], "lr") || !strings.Contains(lines[0], "loss") {
		t.Fatalf("table:\n%s", out)
	}
	var order []string
	for _, l := range lines[1:6] {
		f := strings.Fields(l)
		order = append(order, f[1]+" "+f[3])
	}
	want := []string{"0.01 finished", "0.001 finished", "0.0001 finished", "0.1 diverged", "1 diverged"}
	if strings.Join(order, ", ") != strings.Join(want, ", ") {
		t.Errorf("rows %q, want %q", order, want)
	}
	cmd := lines[len(lines)-1]
	if cmd != "descent run --epochs=300 --lr=0.01" {
		t.Fatalf("best command %q", cmd)
	}
	// The command the sweep prints gives the run it ranked.
	args := strings.Fields(cmd)[1:]
	runOut, _, code := runCLI(append(args, "--format", "json")...)
	var res compute.Result
	if code != 0 || json.Unmarshal([]byte(runOut), &res) != nil {
		t.Fatalf("%v: exit %d", args, code)
	}
	loss := strings.Fields(lines[1])[2]
	if got := strconv.FormatFloat(float64(res.Loss[len(res.Loss)-1].Loss), 'g', 6, 64); got != loss {
		t.Errorf("descent run's final loss %s, the sweep's %s", got, loss)
	}
}

func TestSweepJSON(t *testing.T) {
	out, errOut, code := runCLI("sweep", "--optimizer", "adam", "--param", "lr=0.001:0.3", "--param", "beta1=0.5,0.9",
		"--method", "random", "--trials", "6", "--sweep-seed", "4", "--epochs", "50", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Schema  string `json:"schema"`
		Unit    string `json:"unit"`
		Best    *int   `json:"best"`
		Options struct {
			Base   compute.Config `json:"base"`
			Method string         `json:"method"`
			Seed   int            `json:"seed"`
			Space  []struct {
				Key string  `json:"key"`
				Min float64 `json:"min"`
				Log bool    `json:"log"`
			} `json:"space"`
		} `json:"options"`
		Trials []struct {
			ID     int                `json:"id"`
			Params map[string]float64 `json:"params"`
			Config compute.Config     `json:"config"`
			Loss   *float64           `json:"loss"`
			Stop   string             `json:"stop"`
			Final  []float64          `json:"final"`
			Steps  int                `json:"steps"`
		} `json:"trials"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "descent.sweep/v1" || doc.Unit != "epochs" || doc.Options.Method != "random" || doc.Options.Seed != 4 ||
		doc.Options.Base.Optimizer != "adam" || len(doc.Options.Space) != 2 || !doc.Options.Space[0].Log || doc.Options.Space[0].Min != 0.001 {
		t.Errorf("header: %+v", doc)
	}
	if len(doc.Trials) != 6 || doc.Best == nil {
		t.Fatalf("%d trials, best %v", len(doc.Trials), doc.Best)
	}
	for _, tr := range doc.Trials {
		if tr.Params["lr"] != tr.Config.Hyper["lr"] || tr.Params["beta1"] != tr.Config.Hyper["beta1"] || tr.Config.Epochs != 50 ||
			tr.Loss == nil || tr.Stop != "finished" || len(tr.Final) != 2 || tr.Steps != 50 {
			t.Errorf("trial %+v", tr)
		}
	}
}

func TestSweepCSV(t *testing.T) {
	out, errOut, code := runCLI("sweep", "--param", "lr=0.001,0.01,2", "--param", "momentum=0,0.5", "--method", "grid", "--epochs", "100", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "id,rung,budget,lr,momentum,loss,stop,steps,epochs,seconds,final"
	if len(rows) != 7 || strings.Join(rows[0], ",") != want {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	for i, r := range rows[1:] {
		if r[0] != strconv.Itoa(i) || r[2] != "100" {
			t.Errorf("row %d: %v", i, r)
		}
		diverged := r[3] == "2"
		if diverged != (r[6] == "diverged") || r[5] == "" {
			t.Errorf("row %d: lr %s, loss %q, stop %s", i, r[3], r[5], r[6])
		}
	}
}

func TestSweepPlan(t *testing.T) {
	out, errOut, code := runCLI("sweep", "--model", "surface", "--surface", "rosenbrock", "--optimizer", "sgd", "--steps", "81",
		"--param", "lr=1e-4:1e-2", "--param", "momentum=0:0.9", "--method", "halving", "--trials", "9", "--plan")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var plan struct {
		Schema string `json:"schema"`
		Total  int    `json:"total"`
		Unit   string `json:"unit"`
		Trials []struct {
			Params map[string]float64 `json:"params"`
			Config compute.Config     `json:"config"`
		} `json:"trials"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	if plan.Schema != "descent.sweep-plan/v1" || plan.Total != 9+3+1 || plan.Unit != "steps" || len(plan.Trials) != 9 {
		t.Fatalf("plan: %s, %d of %d trials, unit %s", plan.Schema, len(plan.Trials), plan.Total, plan.Unit)
	}
	for _, tr := range plan.Trials {
		c := tr.Config
		if c.Surface != "rosenbrock" || c.Steps != 9 || c.Hyper["lr"] != tr.Params["lr"] || c.Hyper["momentum"] != tr.Params["momentum"] {
			t.Errorf("trial config %+v, params %v", c, tr.Params)
		}
		// Each planned config is one that "descent run" accepts.
		if _, err := c.Build(nil); err != nil {
			t.Errorf("planned config does not build: %v", err)
		}
	}
}

func TestSweepErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, "descent sweep: give at least one --param, e.g. --param lr=1e-4:1"},
		{[]string{"--param", "beta1=0.5:0.9"}, `descent sweep: --param "beta1": not a parameter of this run (sgd with linreg can sweep lr, momentum, dampening, weight_decay, l1, l2)`},
		{[]string{"--optimizer", "adam", "--param", "betas=0.5:0.9"}, "(adam with linreg can sweep lr, beta1, beta2, eps, weight_decay, amsgrad"},
		{[]string{"--param", "lr=1:0.1"}, "descent sweep: --param lr: range 1:0.1: want MIN < MAX"},
		{[]string{"--param", "lr=0.1:1", "--method", "bayes"}, `descent sweep: method "bayes": want grid, random, halving`},
		{[]string{"--param", "lr=0.1:1", "--format", "xml"}, `descent sweep: --format "xml": want text, csv or json`},
		{[]string{"--param", "lr=0.1:1", "--trials", "0"}, "descent sweep: --trials 0: want ≥ 1"},
		{[]string{"--param", "lr=0.1:1", "--trials", "10000000"}, "descent sweep: --trials 10000000: want ≤ 1048576"},
		{[]string{"--param", "lr=0.1:1", "--param", "momentum=0:1", "--method", "grid", "--grid-points", "100000"}, "descent sweep: a grid of 100000 points of each range has more than 1048576 combinations"},
		{[]string{"--param", "lr=0.1:1", "--plan", "--format", "csv"}, "descent sweep: --plan prints JSON: leave out --format csv"},
		{[]string{"--param", "lr=0.1:1", "--lrr", "1"}, "descent sweep: unknown flag --lrr (descent sweep -h lists them)"},
		{[]string{"--param", "lr=0.1:1", "--optimizer", "adamw2"}, "descent sweep: --optimizer \"adamw2\": want one of"},
		{[]string{"--param", "lr=0.1:1", "extra"}, `descent sweep: unexpected argument "extra"`},
	}
	for _, c := range cases {
		out, errOut, code := runCLI(append([]string{"sweep"}, c.args...)...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, c.want) && !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}

// TestSweepAllDiverged exits 1 when no trial finishes.
func TestSweepAllDiverged(t *testing.T) {
	_, errOut, code := runCLI("sweep", "--param", "lr=5,10", "--method", "grid")
	if code != 1 || !strings.Contains(errOut, "no trial finished") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestSweepProgressFlag(t *testing.T) {
	_, errOut, code := runCLI("sweep", "--param", "lr=0.001,0.01", "--method", "grid", "--epochs", "10", "--progress")
	if code != 0 || !strings.Contains(errOut, "] 1/2") || !strings.Contains(errOut, "] 2/2  best loss") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
