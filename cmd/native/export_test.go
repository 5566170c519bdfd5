package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// TestExportNotebook checks "descent run --export notebook": the notebook
// on stdout describes the run the flags give (its markdown's config, read
// back by descent run --config, trains to the same final parameters), and
// its numpy cell, run by python3, prints those parameters to 1e-9.
func TestExportNotebook(t *testing.T) {
	args := []string{"--optimizer", "adam", "--lr", "0.05", "--variant", "minibatch", "--batch-size", "2",
		"--shuffle", "--seed", "4", "--l2", "0.01", "--epochs", "100"}
	out, errOut, code := runCLI(append([]string{"run", "--export", "notebook"}, args...)...)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var nb struct {
		Cells []struct {
			Type   string   `json:"cell_type"`
			Source []string `json:"source"`
		} `json:"cells"`
		Format int `json:"nbformat"`
		Minor  int `json:"nbformat_minor"`
	}
	if err := json.Unmarshal([]byte(out), &nb); err != nil || len(nb.Cells) != 3 || nb.Format != 4 || nb.Minor != 5 {
		t.Fatalf("not a 3-cell nbformat 4.5 notebook (%v): %.200s", err, out)
	}
	want, _, code := runCLI(append([]string{"run", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("descent run: exit %d", code)
	}
	var res compute.Result
	if err := json.Unmarshal([]byte(want), &res); err != nil {
		t.Fatal(err)
	}

	// The config in the markdown cell reproduces the run.
	m := regexp.MustCompile("(?s)```json\n(.*?)\n```").FindStringSubmatch(strings.Join(nb.Cells[0].Source, ""))
	if m == nil {
		t.Fatal("no JSON config in the markdown cell")
	}
	path := filepath.Join(t.TempDir(), "run.json")
	if err := os.WriteFile(path, []byte(m[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	again, errOut, code := runCLI("run", "--config", path, "--format", "json")
	var res2 compute.Result
	if code != 0 || json.Unmarshal([]byte(again), &res2) != nil || !floatsEqual(res.Final, res2.Final) {
		t.Errorf("the notebook's config: exit %d, stderr %q, final %v, want %v", code, errOut, res2.Final, res.Final)
	}

	// The numpy cell prints the same final parameters.
	py := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import numpy").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		t.Skip("no python3 with numpy")
	}
	printed, err := exec.Command(py, "-c", strings.Join(nb.Cells[1].Source, "")).CombinedOutput()
	if err != nil {
		t.Fatalf("numpy cell: %v\n%s", err, printed)
	}
	got := regexp.MustCompile(`slope=(\S+), intercept=(\S+)`).FindStringSubmatch(string(printed))
	if got == nil {
		t.Fatalf("numpy cell printed %q", printed)
	}
	for i, s := range got[1:] {
		v, _ := strconv.ParseFloat(s, 64)
		if d := v - float64(res.Final[i]); d*d > 1e-18*float64(res.Final[i]*res.Final[i]) {
			t.Errorf("numpy cell: parameter %d = %v, descent run %v", i, v, res.Final[i])
		}
	}
}

func floatsEqual(a, b compute.Floats) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestExportTorch checks "descent run --export torch": a Python script
// with its header, for a run given by a --config file and flags.
func TestExportTorch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.json")
	if err := os.WriteFile(path, []byte(`{"model":"surface","surface":"booth","optimizer":"rmsprop"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI("run", "--config", path, "--export", "torch", "--steps", "40")
	if code != 0 || errOut != "" || !strings.HasPrefix(out, "#!/usr/bin/env python3\n") ||
		!strings.Contains(out, "torch.optim.RMSprop(") || !strings.Contains(out, "for epoch in range(40):") {
		t.Errorf("exit %d, stderr %q, stdout %.300q", code, errOut, out)
	}
}

// TestExportBadInput checks that --export refuses an unknown kind, the
// flags that say how to train or print, and a run too big to embed, each
// with one line and exit 2.
func TestExportBadInput(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"run", "--export", "pdf"}, `--export pdf: want notebook or torch`},
		{[]string{"run", "--export", ""}, `want notebook or torch`},
		{[]string{"run", "--export", "notebook", "--format", "json"}, "leave out --format"},
		{[]string{"run", "--export", "torch", "--format", "text"}, "leave out --format"},
		{[]string{"run", "--export", "torch", "--backend", "gpu"}, "leave out --backend"},
		{[]string{"run", "--export", "notebook", "--trace"}, "leave out --trace"},
		{[]string{"run", "--export", "notebook", "--optimizer", "lbfgs"}, "--optimizer"},
		{[]string{"run", "--export", "notebook", "--data", "linear", "--n", "60000"}, "more than the 100000"},
	}
	for _, c := range cases {
		out, errOut, code := runCLI(c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %.80q, stderr %q; want exit 2 and one line containing %q", c.args, code, out, errOut, c.want)
		}
	}
}
