//go:build !nomlflow

package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/descent-playground/descent/tracking/mlflow/mlflowtest"
)

// fastRetries makes the client's retries quick, through the environment
// variable MLflow's own client reads.
func fastRetries(t *testing.T) {
	t.Setenv("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.001")
}

// fileEquals checks that the file holds exactly what --format json prints
// for args.
func fileEquals(t *testing.T, path string, args ...string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := runCLI(append([]string{"run", "--format", "json"}, args...)...)
	if string(got) != want {
		t.Errorf("%s differs from --format json output (%d bytes, want %d)", path, len(got), len(want))
	}
}

// TestMLflowRun logs a 5000-step run through the command line to a fake
// server that checks every request: the experiment is created, the run
// FINISHED with its name, params, command line and every metric, the JSON
// file equals --format json output, and stdout keeps its own output.
func TestMLflowRun(t *testing.T) {
	t.Setenv("LOGNAME", "ada")
	srv := mlflowtest.NewServer()
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "run.json")
	args := []string{"--model", "surface", "--optimizer", "adam", "--lr", "0.05", "--steps", "5000"}
	stdout, stderr, code := runCLI(append([]string{"run", "--mlflow-uri", srv.URL, "--mlflow-experiment", "lessons", "--out", out, "--format", "csv"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "step,epoch,lr,x,y,batch_loss,loss\n") || strings.Count(stdout, "\n") != 5002 {
		t.Errorf("stdout is not the CSV of 5001 points: %.80q", stdout)
	}
	id, ok := srv.ExperimentID("lessons")
	runs := srv.Runs()
	if !ok || len(runs) != 1 || runs[0].ExperimentID != id {
		t.Fatalf("experiment %q %v, runs %+v", id, ok, runs)
	}
	r := runs[0]
	if r.Status != "FINISHED" || r.Name != "adam lr=0.05 himmelblau" || r.Params["lr"] != "0.05" || len(r.Metrics) != 5*5001-2+5 {
		t.Errorf("run %s %q, lr %q, %d metrics", r.Status, r.Name, r.Params["lr"], len(r.Metrics))
	}
	if r.Tags["mlflow.user"] != "ada" {
		t.Errorf("user tag %q", r.Tags["mlflow.user"])
	}
	if want := "descent run --mlflow-uri " + srv.URL + " --mlflow-experiment lessons --out " + out; !strings.HasPrefix(r.Tags["descent.command"], want) {
		t.Errorf("command tag %q", r.Tags["descent.command"])
	}
	if want := "descent run: logged to MLflow: " + srv.URL + "/#/experiments/" + id + "/runs/" + r.ID + " (JSON in " + out + ")\n"; stderr != want {
		t.Errorf("stderr %q\nwant   %q", stderr, want)
	}
	fileEquals(t, out, args...)
}

// TestMLflowServerFails: a server that refuses every log-batch with 400
// leaves the run FAILED; the command exits 1 with one line naming what
// failed and where the JSON is, and the JSON file, written first under
// its default name in the working folder, equals --format json output.
// A 500 and a 429 are retried and the run completes.
func TestMLflowServerFails(t *testing.T) {
	fastRetries(t)
	t.Chdir(t.TempDir())
	srv := mlflowtest.NewServer()
	defer srv.Close()
	srv.Fault = func(endpoint string, n int) (int, string) {
		if endpoint == "runs/log-batch" {
			return http.StatusBadRequest, "INVALID_PARAMETER_VALUE"
		}
		return 0, ""
	}
	stdout, stderr, code := runCLI("run", "--mlflow-uri", srv.URL)
	files, _ := filepath.Glob("descent-run-*.json")
	if code != 1 || stdout != "Optimized slope: 0.71, intercept: 1.85\n" || len(files) != 1 {
		t.Fatalf("exit %d, stdout %q, files %v", code, stdout, files)
	}
	want := "descent run: MLflow at " + srv.URL + `: logging run run0: request 1 of 6: runs/log-batch: HTTP 400 INVALID_PARAMETER_VALUE: "injected fault" (run marked FAILED); the run's JSON is in ` + files[0] + "\n"
	if stderr != want {
		t.Errorf("stderr %q\nwant   %q", stderr, want)
	}
	if runs := srv.Runs(); len(runs) != 1 || runs[0].Status != "FAILED" {
		t.Errorf("runs %+v", runs)
	}
	fileEquals(t, files[0])

	srv.Fault = func(endpoint string, n int) (int, string) {
		switch {
		case endpoint == "runs/log-batch" && n == 1: // the first after the refused one
			return http.StatusInternalServerError, "INTERNAL_ERROR"
		case endpoint == "runs/update" && n == 1:
			return http.StatusTooManyRequests, "REQUEST_LIMIT_EXCEEDED"
		}
		return 0, ""
	}
	if _, stderr, code := runCLI("run", "--mlflow-uri", srv.URL, "--out", "again.json"); code != 0 {
		t.Errorf("after a 500: exit %d, %s", code, stderr)
	}
	if runs := srv.Runs(); len(runs) != 2 || runs[1].Status != "FINISHED" || len(runs[1].Metrics) == 0 {
		t.Errorf("runs %+v", runs)
	}
}

// TestMLflowDiverged: a diverged run is logged and FINISHED, its
// descent.stop tag saying diverged; the command still exits 1, as a
// diverged run does without MLflow.
func TestMLflowDiverged(t *testing.T) {
	srv := mlflowtest.NewServer()
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "run.json")
	_, stderr, code := runCLI("run", "--mlflow-uri", srv.URL, "--out", out, "--model", "surface", "--lr", "1", "--mlflow-run-name", "too fast")
	runs := srv.Runs()
	if code != 1 || len(runs) != 1 || runs[0].Status != "FINISHED" || runs[0].Tags["descent.stop"] != "diverged" || runs[0].Name != "too fast" {
		t.Errorf("exit %d, runs %+v, stderr %s", code, runs, stderr)
	}
	if !strings.HasSuffix(stderr, "stopped after 2 steps (2 epochs): diverged\n") {
		t.Errorf("stderr %q", stderr)
	}
}

// TestTrackingFlagErrors: a bad address or a tracking flag without
// --mlflow-uri is refused before the run, on one line, with exit 2 and no
// file left behind; so is a config that cannot be built, and --export
// (which does not train) with --out or --mlflow-uri.
func TestTrackingFlagErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--mlflow-uri", "file:///tmp/mlruns"}, `descent run: --mlflow-uri file:///tmp/mlruns: want the http:// or https:// address of an MLflow tracking server (MLflow's file store is not supported)`},
		{[]string{"--mlflow-uri", "./mlruns"}, "descent run: --mlflow-uri ./mlruns: want the http:// or https://"},
		{[]string{"--mlflow-experiment", "x"}, "descent run: --mlflow-experiment: needs --mlflow-uri"},
		{[]string{"--mlflow-run-name", "x"}, "descent run: --mlflow-run-name: needs --mlflow-uri"},
		{[]string{"--mlflow-uri", "http://localhost:5000", "--mlflow-experiment", ""}, "descent run: --mlflow-experiment: want a name"},
		{[]string{"--out", ""}, "descent run: --out: want a file"},
		{[]string{"--out", "no/such/folder/run.json"}, "descent run: --out no/such/folder/run.json: no such file or directory"},
		{[]string{"--out", "run.json", "--lr", "-1"}, "descent run: --lr -1:"},
		{[]string{"--export", "notebook", "--out", "run.json"}, "descent run: --export notebook: leave out --out"},
		{[]string{"--export", "torch", "--mlflow-uri", "http://localhost:5000"}, "descent run: --export torch: leave out --mlflow-uri"},
	}
	for _, c := range cases {
		_, stderr, code := runCLI(append([]string{"run"}, c.args...)...)
		if code != 2 || !strings.HasPrefix(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q", c.args, code, stderr)
		}
	}
	if files, _ := filepath.Glob("*"); len(files) != 0 {
		t.Errorf("left behind: %v", files)
	}
}
