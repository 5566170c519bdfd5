package mlflow_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os/exec"
	"strconv"
	"testing"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/tracking/mlflow"
	"github.com/descent-playground/descent/tracking/mlflow/mlflowtest"
)

// protobufPython returns a Python interpreter that has Debian's
// python3-protobuf, or skips the test.
func protobufPython(t *testing.T) string {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import google.protobuf").Run() == nil {
			return py
		}
	}
	t.Skip("no Python with google.protobuf (Debian: python3-protobuf); the reference parse is skipped")
	return ""
}

// TestProtobufParsesRequests is the independent reference for the request
// bodies: every body a run's logging sends (runs/create, each
// runs/log-batch, runs/update, experiments/create) is parsed by
// google.protobuf.json_format.ParseDict, the parser MLflow's server uses,
// into messages declared as MLflow's service.proto declares them, with no
// unknown field allowed; and every metric value, NaN and ±Inf included,
// reads back as the value sent.
func TestProtobufParsesRequests(t *testing.T) {
	py := protobufPython(t)
	srv := mlflowtest.NewServer()
	defer srv.Close()
	c := client(t, srv)
	res := result(t, compute.Config{Model: "surface", Hyper: compute.Hypers{"lr": 1e308}, Steps: 10})
	if _, err := c.Log(context.Background(), res, info("new experiment")); err != nil {
		t.Fatal(err)
	}
	extra := mlflow.Batch{Metrics: []mlflow.Metric{{"m", math.Inf(-1), 1700000000000, 1}, {"m", math.SmallestNonzeroFloat64, 1700000000000, 2},
		{"m", math.MaxFloat64, 1700000000000, 3}, {"m", math.Copysign(0, -1), 1700000000000, 4}, {"m", math.NaN(), 1700000000000, 6}, {"m", 0.1, 1700000000000, 5}}}
	runID := srv.Runs()[0].ID
	var in bytes.Buffer
	var sent []mlflow.Metric
	for _, body := range mlflow.Chunk(runID, extra) {
		line, _ := json.Marshal(map[string]string{"endpoint": "runs/log-batch", "body": string(body)})
		in.Write(append(line, '\n'))
	}
	sent = append(sent, extra.Metrics...)
	var want []mlflowtest.Metric
	for _, r := range srv.Requests() {
		if r.Endpoint == "experiments/get-by-name" {
			continue
		}
		line, _ := json.Marshal(map[string]string{"endpoint": r.Endpoint, "body": string(r.Body)})
		in.Write(append(line, '\n'))
	}
	for _, m := range sent {
		want = append(want, mlflowtest.Metric{Key: m.Key, Value: m.Value, Timestamp: m.Timestamp, Step: m.Step})
	}
	want = append(want, srv.Runs()[0].Metrics...)
	cmd := exec.Command(py, "testdata/parse_requests.py")
	cmd.Stdin = &in
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var got []mlflowtest.Metric
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var parsed struct{ Metrics [][]any }
		if err := dec.Decode(&parsed); err != nil {
			t.Fatal(err)
		}
		for _, m := range parsed.Metrics {
			v, err := strconv.ParseFloat(m[1].(string), 64)
			if err != nil {
				t.Fatalf("value %v: %v", m[1], err)
			}
			got = append(got, mlflowtest.Metric{Key: m[0].(string), Value: v, Timestamp: int64(m[2].(float64)), Step: int64(m[3].(float64))})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("protobuf read %d metrics, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		same := g.Value == w.Value && math.Signbit(g.Value) == math.Signbit(w.Value) || math.IsNaN(g.Value) && math.IsNaN(w.Value)
		if g.Key != w.Key || !same || g.Timestamp != w.Timestamp || g.Step != w.Step {
			t.Errorf("metric %d: protobuf read %+v, sent %+v", i, g, w)
		}
	}
}
