//go:build !nomlflow

package main

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/descent-playground/descent/tracking/mlflow/mlflowtest"
)

// BenchmarkMLflowLog100k logs a 100,000-step surface run with
// "descent run --mlflow-uri" to the fake MLflow server (the user's path:
// train, write the JSON, send it in chunks) and reports the requests, the
// bytes sent and the metrics that arrived per run.
func BenchmarkMLflowLog100k(b *testing.B) {
	srv := mlflowtest.NewServer()
	defer srv.Close()
	out := filepath.Join(b.TempDir(), "run.json")
	args := []string{"run", "--model", "surface", "--steps", "100000", "--mlflow-uri", srv.URL, "--out", out}
	for b.Loop() {
		if code := realMain(args, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	reqs := srv.Requests()
	var bytes, metrics int
	for _, r := range reqs {
		bytes += len(r.Body)
	}
	for _, r := range srv.Runs() {
		metrics += len(r.Metrics)
	}
	n := float64(b.N)
	b.ReportMetric(float64(len(reqs))/n, "requests/op")
	b.ReportMetric(float64(bytes)/n/1e6, "MB-sent/op")
	b.ReportMetric(float64(metrics)/n, "metrics/op")
}
