package mlflow_test

import (
	"context"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/tracking/mlflow"
	"github.com/descent-playground/descent/tracking/mlflow/mlflowtest"
)

// result runs cfg and returns its result.
func result(t *testing.T, cfg compute.Config) *compute.Result {
	t.Helper()
	run, err := cfg.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	run.Execute(context.Background())
	return run.Result(false)
}

// client returns a client of srv that retries quickly.
func client(t *testing.T, srv *mlflowtest.Server) *mlflow.Client {
	t.Helper()
	c, err := mlflow.NewClient(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	c.Backoff = time.Millisecond
	return c
}

func info(experiment string) mlflow.RunInfo {
	now := time.Now()
	return mlflow.RunInfo{Experiment: experiment, Start: now.Add(-time.Second), End: now, Command: "descent run --steps 5000"}
}

// TestLogLongRun logs a 5000-step run on a surface: every metric (lr,
// batch_loss, path/x, path/y from step 1, loss and the path from step 0,
// and the final figures) arrives exactly once and in step order, in
// requests the fake server checked against MLflow's limits, then the run
// ends FINISHED with its params and tags.
func TestLogLongRun(t *testing.T) {
	srv := mlflowtest.NewServer()
	defer srv.Close()
	res := result(t, compute.Config{Model: "surface", Optimizer: "adam", Steps: 5000})
	logged, err := client(t, srv).Log(context.Background(), res, info("Default"))
	if err != nil {
		t.Fatal(err)
	}
	if logged.ExperimentID != "0" || logged.ExperimentCreated {
		t.Errorf("logged %+v, want the Default experiment found", logged)
	}
	runs := srv.Runs()
	if len(runs) != 1 {
		t.Fatalf("%d runs", len(runs))
	}
	r := runs[0]
	if r.Status != "FINISHED" || r.Name != "adam lr=0.001 himmelblau" || r.EndTime < r.StartTime {
		t.Errorf("run %s %q %d..%d", r.Status, r.Name, r.StartTime, r.EndTime)
	}
	byKey := map[string][]mlflowtest.Metric{}
	for _, m := range r.Metrics {
		byKey[m.Key] = append(byKey[m.Key], m)
	}
	for key, first := range map[string]int64{"loss": 0, "path/x": 0, "path/y": 0, "lr": 1, "batch_loss": 1} {
		ms := byKey[key]
		if int64(len(ms)) != 5001-first {
			t.Errorf("%s: %d values, want %d", key, len(ms), 5001-first)
			continue
		}
		for i, m := range ms {
			if m.Step != first+int64(i) {
				t.Fatalf("%s: value %d has step %d", key, i, m.Step)
			}
		}
	}
	if last := byKey["path/x"][5000].Value; last != res.Final[0] {
		t.Errorf("last path/x %v, final %v", last, res.Final[0])
	}
	if l := byKey["loss"][5000].Value; l != float64(res.Loss[len(res.Loss)-1].Loss) {
		t.Errorf("last loss %v", l)
	}
	for key, want := range map[string]float64{"steps": 5000, "gradient_passes": float64(res.Counts.GradientPasses)} {
		if ms := byKey[key]; len(ms) != 1 || ms[0].Value != want || ms[0].Step != 5000 {
			t.Errorf("%s: %+v, want %v at step 5000", key, ms, want)
		}
	}
	wantParams, _ := mlflow.Params(res.Config)
	if len(r.Params) != len(wantParams) {
		t.Errorf("%d params, want %d", len(r.Params), len(wantParams))
	}
	for key, want := range map[string]string{"optimizer": "adam", "lr": "0.001", "beta1": "0.9", "amsgrad": "false", "start": "0,0", "steps": "5000", "surface": "himmelblau"} {
		if r.Params[key] != want {
			t.Errorf("param %s = %q, want %q", key, r.Params[key], want)
		}
	}
	for key, want := range map[string]string{"mlflow.runName": r.Name, "mlflow.source.name": "descent", "mlflow.source.type": "LOCAL",
		"descent.schema": "descent.run/v1", "descent.stop": "finished", "descent.param_names": "x,y", "descent.command": "descent run --steps 5000"} {
		if r.Tags[key] != want {
			t.Errorf("tag %s = %q, want %q", key, r.Tags[key], want)
		}
	}
	batches := 0
	for _, req := range srv.Requests() {
		if req.Endpoint == "runs/log-batch" {
			batches++
		}
	}
	if want := (len(r.Metrics) + len(r.Params) + 999) / 1000; batches != want {
		t.Errorf("%d log-batch requests for %d metrics, want %d", batches, len(r.Metrics), want)
	}
}

// TestLogNonFinite logs a run whose step overflows (lr 1e308 on
// Himmelblau): the parameters become +Inf and the loss not finite, and the
// fake server, which parses values as protobuf's JSON mapping does,
// receives them as "Infinity" and "NaN"/"Infinity". The run ends FINISHED,
// its descent.stop tag saying non-finite.
func TestLogNonFinite(t *testing.T) {
	srv := mlflowtest.NewServer()
	defer srv.Close()
	lr := 1e308
	res := result(t, compute.Config{Model: "surface", Hyper: compute.Hypers{"lr": lr}, Steps: 10})
	if res.Stop != compute.NonFinite {
		t.Fatalf("stop %q, want non-finite", res.Stop)
	}
	if _, err := client(t, srv).Log(context.Background(), res, info("Default")); err != nil {
		t.Fatal(err)
	}
	r := srv.Runs()[0]
	if r.Status != "FINISHED" || r.Tags["descent.stop"] != "non-finite" {
		t.Errorf("status %s, stop %q", r.Status, r.Tags["descent.stop"])
	}
	seen := map[string]string{}
	for _, m := range r.Metrics {
		if m.Step == 1 {
			seen[m.Key] = m.Raw
			if (m.Raw == `"Infinity"`) != math.IsInf(m.Value, 1) || (m.Raw == `"NaN"`) != math.IsNaN(m.Value) {
				t.Errorf("%s: %s read as %v", m.Key, m.Raw, m.Value)
			}
		}
	}
	if seen["path/x"] != `"Infinity"` || seen["path/y"] != `"Infinity"` || (seen["loss"] != `"NaN"` && seen["loss"] != `"Infinity"`) {
		t.Errorf("step 1 sent as %v", seen)
	}
}

// TestExperimentCreatedOrFound: a missing experiment is created once and
// found the next time; a deleted one is an error naming it.
func TestExperimentCreatedOrFound(t *testing.T) {
	srv := mlflowtest.NewServer()
	defer srv.Close()
	c := client(t, srv)
	res := result(t, compute.Config{Model: "surface", Steps: 3})
	first, err := c.Log(context.Background(), res, info("descent lessons"))
	if err != nil || !first.ExperimentCreated {
		t.Fatalf("%+v, %v: want the experiment created", first, err)
	}
	second, err := c.Log(context.Background(), res, info("descent lessons"))
	if err != nil || second.ExperimentCreated || second.ExperimentID != first.ExperimentID || second.RunID == first.RunID {
		t.Errorf("%+v, %v after %+v: want the same experiment found, a new run", second, err, first)
	}
	srv.AddExperiment("old", true)
	if _, err := c.Log(context.Background(), res, info("old")); err == nil || !strings.Contains(err.Error(), `"old" is deleted`) {
		t.Errorf("deleted experiment: %v", err)
	}
}

// TestServerErrors: a 500 or 429 is retried and the run completes; a 400
// is not retried, the run is marked FAILED and the error names the
// endpoint, the status, MLflow's error code and message; a server that
// keeps answering 503 is given up after Retries+1 attempts.
func TestServerErrors(t *testing.T) {
	res := result(t, compute.Config{Model: "surface", Steps: 3})
	t.Run("retry", func(t *testing.T) {
		srv := mlflowtest.NewServer()
		defer srv.Close()
		srv.Fault = func(endpoint string, n int) (int, string) {
			if endpoint == "runs/log-batch" && n == 0 {
				return http.StatusInternalServerError, "INTERNAL_ERROR"
			}
			if endpoint == "runs/create" && n == 0 {
				return http.StatusTooManyRequests, "REQUEST_LIMIT_EXCEEDED"
			}
			return 0, ""
		}
		if _, err := client(t, srv).Log(context.Background(), res, info("Default")); err != nil {
			t.Fatal(err)
		}
		if runs := srv.Runs(); len(runs) != 1 || runs[0].Status != "FINISHED" || len(runs[0].Metrics) == 0 {
			t.Errorf("runs %+v", runs)
		}
	})
	t.Run("400", func(t *testing.T) {
		srv := mlflowtest.NewServer()
		defer srv.Close()
		srv.Fault = func(endpoint string, n int) (int, string) {
			if endpoint == "runs/log-batch" {
				return http.StatusBadRequest, "INVALID_PARAMETER_VALUE"
			}
			return 0, ""
		}
		logged, err := client(t, srv).Log(context.Background(), res, info("Default"))
		want := `logging run run0: request 1 of 1: runs/log-batch: HTTP 400 INVALID_PARAMETER_VALUE: "injected fault" (run marked FAILED)`
		if err == nil || err.Error() != want {
			t.Errorf("error %v\nwant  %s", err, want)
		}
		if runs := srv.Runs(); logged.RunID != "run0" || runs[0].Status != "FAILED" {
			t.Errorf("run %+v, status %s", logged, runs[0].Status)
		}
		if n := len(srv.Requests()); n != 4 { // get-by-name, create, log-batch once, update
			t.Errorf("%d requests, want 4 (no retry of a 400)", n)
		}
	})
	t.Run("503 forever", func(t *testing.T) {
		srv := mlflowtest.NewServer()
		defer srv.Close()
		srv.Fault = func(string, int) (int, string) { return http.StatusServiceUnavailable, "TEMPORARILY_UNAVAILABLE" }
		c := client(t, srv)
		c.Retries = 3
		_, err := c.Log(context.Background(), res, info("Default"))
		if err == nil || !strings.Contains(err.Error(), "experiments/get-by-name: HTTP 503 TEMPORARILY_UNAVAILABLE") {
			t.Errorf("error %v", err)
		}
		if n := len(srv.Requests()); n != 4 {
			t.Errorf("%d attempts, want 4", n)
		}
	})
}

// TestAPIErrorOneLine: a long or multi-line message is quoted and cut to
// compute.MaxQuoted characters; a body that is not MLflow's JSON (a
// proxy's HTML page) is shown the same way.
func TestAPIErrorOneLine(t *testing.T) {
	e := &mlflow.APIError{Endpoint: "runs/create", Status: 502, Message: "<html>\n" + strings.Repeat("bad gateway ", 20)}
	s := e.Error()
	if strings.ContainsRune(s, '\n') || !strings.HasPrefix(s, `runs/create: HTTP 502: "<html>\n`) || !strings.HasSuffix(s, "…") {
		t.Errorf("%q", s)
	}
}

// TestAuthHeaders: MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD
// authenticate with HTTP Basic (ahead of a token, as MLflow's own client
// decides), MLFLOW_TRACKING_TOKEN alone as a Bearer token; the fake server
// refuses anything else with 401.
func TestAuthHeaders(t *testing.T) {
	res := result(t, compute.Config{Model: "surface", Steps: 2})
	cases := []struct {
		user, password, token, want string
	}{
		{"ada", "s3cret", "tok", "Basic YWRhOnMzY3JldA=="},
		{"", "", "tok", "Bearer tok"},
	}
	for _, c := range cases {
		t.Setenv("MLFLOW_TRACKING_USERNAME", c.user)
		t.Setenv("MLFLOW_TRACKING_PASSWORD", c.password)
		t.Setenv("MLFLOW_TRACKING_TOKEN", c.token)
		srv := mlflowtest.NewServer()
		srv.Auth = c.want
		if _, err := client(t, srv).Log(context.Background(), res, info("Default")); err != nil {
			t.Errorf("%s: %v", c.want, err)
		}
		srv.Close()
	}
	t.Setenv("MLFLOW_TRACKING_TOKEN", "")
	srv := mlflowtest.NewServer()
	defer srv.Close()
	srv.Auth = "Bearer tok"
	if _, err := client(t, srv).Log(context.Background(), res, info("Default")); err == nil || !strings.Contains(err.Error(), "HTTP 401") {
		t.Errorf("no credentials: %v", err)
	}
}

// TestNewClient: only http and https addresses of a server are taken, with
// a one-line reason otherwise; the environment's request settings are
// checked.
func TestNewClient(t *testing.T) {
	for _, uri := range []string{"file:///tmp/mlruns", "mlruns", "databricks", "http://", "https://u:p@host", "http://host/?x=1", "ftp://host"} {
		if _, err := mlflow.NewClient(uri); err == nil {
			t.Errorf("%q: no error", uri)
		} else if strings.Contains(err.Error(), "p@") {
			t.Errorf("%q: the error repeats the password: %v", uri, err)
		}
	}
	c, err := mlflow.NewClient("HTTPS://mlflow.example.com:8443/prefix/")
	if err != nil || c.URI() != "https://mlflow.example.com:8443/prefix" {
		t.Errorf("%v, %v", c, err)
	}
	t.Setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "99")
	if _, err := mlflow.NewClient("http://localhost:5000"); err == nil {
		t.Error("99 retries taken")
	}
}

// TestLogCancelled: a descent cancelled before its end (Ctrl-C) is logged
// with what it did and ends KILLED, MLflow's status for a run stopped by
// its user.
func TestLogCancelled(t *testing.T) {
	srv := mlflowtest.NewServer()
	defer srv.Close()
	run, err := compute.Config{Model: "surface", Steps: 100}.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if stop := run.Execute(ctx); stop != compute.Cancelled {
		t.Fatalf("stop %q", stop)
	}
	if _, err := client(t, srv).Log(context.Background(), run.Result(false), info("Default")); err != nil {
		t.Fatal(err)
	}
	if r := srv.Runs()[0]; r.Status != "KILLED" || r.Tags["descent.stop"] != "cancelled" {
		t.Errorf("status %s, stop %q", r.Status, r.Tags["descent.stop"])
	}
}

// TestExperimentCreatedMeanwhile: when another client creates the
// experiment between get-by-name and create (RESOURCE_ALREADY_EXISTS), the
// experiment is looked up again and used.
func TestExperimentCreatedMeanwhile(t *testing.T) {
	srv := mlflowtest.NewServer()
	defer srv.Close()
	srv.Fault = func(endpoint string, n int) (int, string) {
		if endpoint == "experiments/get-by-name" && n == 0 {
			srv.AddExperiment("race", false) // the other client, just after our look-up
			return http.StatusNotFound, "RESOURCE_DOES_NOT_EXIST"
		}
		return 0, ""
	}
	id, created, err := client(t, srv).EnsureExperiment(context.Background(), "race")
	if want, _ := srv.ExperimentID("race"); err != nil || created || id != want {
		t.Errorf("id %q created %v err %v, want %q found", id, created, err, want)
	}
}
