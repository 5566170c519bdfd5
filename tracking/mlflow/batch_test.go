package mlflow

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
)

// decoded is one log-batch body read back.
type decoded struct {
	RunID   string            `json:"run_id"`
	Metrics []json.RawMessage `json:"metrics"`
	Params  []Param           `json:"params"`
	Tags    []Tag             `json:"tags"`
}

// TestChunkLimits checks every request Chunk makes against MLflow's limits
// (mlflow/utils/validation.py: 1000 metrics, 100 params, 100 tags, 1000
// entries, 1,000,000 bytes), that every entry arrives once and in order,
// and how many requests it takes: 150 params, 150 tags and 2500 metrics fit
// in 3 (100+100+800, 50+50+900, 800), as MLflow's own client packs them.
func TestChunkLimits(t *testing.T) {
	long := strings.Repeat("é<", MaxParamValueLength/2) // 2 characters, 3 bytes, repeated
	cases := []struct {
		name                  string
		params, tags, metrics int
		paramValue, tagValue  string
		wantRequests          int
	}{
		{"metrics only", 0, 0, 5000, "", "", 5},
		{"params only", 250, 0, 0, "v", "", 3},
		{"params tags metrics", 150, 150, 2500, "v", "t", 3},
		{"bytes bind", 100, 100, 0, long, long[:MaxTagValueLength*3/2], 2},
		{"a little of each", 3, 2, 10, "v", "t", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b Batch
			for i := range c.params {
				b.Params = append(b.Params, Param{fmt.Sprintf("p%03d", i), c.paramValue})
			}
			for i := range c.tags {
				b.Tags = append(b.Tags, Tag{fmt.Sprintf("t%03d", i), c.tagValue})
			}
			for i := range c.metrics {
				b.Metrics = append(b.Metrics, Metric{"loss", float64(i) / 7, 1_700_000_000_000, int64(i)})
			}
			prepared, err := Prepare(b)
			if err != nil {
				t.Fatal(err)
			}
			bodies := Chunk("0123456789abcdef0123456789abcdef", prepared)
			if len(bodies) != c.wantRequests {
				t.Errorf("%d requests, want %d", len(bodies), c.wantRequests)
			}
			var params, tags, metrics int
			for i, body := range bodies {
				var d decoded
				if err := json.Unmarshal(body, &d); err != nil {
					t.Fatalf("request %d: %v", i, err)
				}
				if len(body) > 1_000_000 || len(d.Metrics) > 1000 || len(d.Params) > 100 || len(d.Tags) > 100 ||
					len(d.Metrics)+len(d.Params)+len(d.Tags) > 1000 {
					t.Errorf("request %d: %d bytes, %d metrics, %d params, %d tags", i, len(body), len(d.Metrics), len(d.Params), len(d.Tags))
				}
				for _, p := range d.Params {
					if want := fmt.Sprintf("p%03d", params); p.Key != want || p.Value != c.paramValue {
						t.Fatalf("param %d: %q, want %q", params, p.Key, want)
					}
					params++
				}
				for _, tg := range d.Tags {
					if want := fmt.Sprintf("t%03d", tags); tg.Key != want || tg.Value != c.tagValue {
						t.Fatalf("tag %d: %q, want %q", tags, tg.Key, want)
					}
					tags++
				}
				for _, raw := range d.Metrics {
					var m struct{ Step int64 }
					json.Unmarshal(raw, &m)
					if m.Step != int64(metrics) {
						t.Fatalf("metric %d arrived as step %d", metrics, m.Step)
					}
					metrics++
				}
			}
			if params != c.params || tags != c.tags || metrics != c.metrics {
				t.Errorf("sent %d params, %d tags, %d metrics; want %d, %d, %d", params, tags, metrics, c.params, c.tags, c.metrics)
			}
		})
	}
}

// TestMetricJSON checks the protobuf JSON mapping of doubles, which MLflow's
// server parses with google.protobuf.json_format: "NaN", "Infinity" and
// "-Infinity" quoted (the bare tokens and null are refused), numbers in
// the shortest form that reads back exactly, and int64 fields as numbers.
func TestMetricJSON(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{math.NaN(), `"NaN"`},
		{math.Inf(1), `"Infinity"`},
		{math.Inf(-1), `"-Infinity"`},
		{0.1, `0.1`},
		{-2.5e-300, `-2.5e-300`},
		{1e21, `1e+21`},
		{math.Copysign(0, -1), `-0.0`},
	}
	for _, c := range cases {
		b, err := json.Marshal(Metric{Key: "loss", Value: c.v, Timestamp: 1700000000123, Step: 7})
		if err != nil {
			t.Fatal(err)
		}
		want := `{"key":"loss","value":` + c.want + `,"timestamp":1700000000123,"step":7}`
		if string(b) != want {
			t.Errorf("%v: %s, want %s", c.v, b, want)
		}
	}
}

// TestPrepare checks MLflow's name rules and the truncation of long values
// to MLflow's lengths in characters, not bytes.
func TestPrepare(t *testing.T) {
	long := strings.Repeat("λ", MaxParamValueLength+10)
	got, err := Prepare(Batch{Params: []Param{{"a", long}}, Tags: []Tag{{"b", long}}})
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(got.Params[0].Value)); n != MaxParamValueLength {
		t.Errorf("param value cut to %d characters, want %d", n, MaxParamValueLength)
	}
	if n := len([]rune(got.Tags[0].Value)); n != MaxTagValueLength {
		t.Errorf("tag value cut to %d characters, want %d", n, MaxTagValueLength)
	}
	for _, b := range []Batch{
		{Params: []Param{{"lr", "1"}, {"lr", "2"}}},
		{Tags: []Tag{{"x", ""}, {"x", ""}}},
		{Metrics: []Metric{{Key: "a,b"}}},
		{Metrics: []Metric{{Key: ""}}},
		{Metrics: []Metric{{Key: "a/../b"}}},
		{Metrics: []Metric{{Key: "/a"}}},
		{Params: []Param{{strings.Repeat("k", MaxKeyLength+1), ""}}},
	} {
		if _, err := Prepare(b); err == nil {
			t.Errorf("%+v: no error", b)
		} else if strings.ContainsRune(err.Error(), '\n') {
			t.Errorf("%+v: %q is not one line", b, err)
		}
	}
	if _, err := Prepare(Batch{Metrics: []Metric{{Key: "path/w1"}, {Key: "batch_loss"}, {Key: "a b.c-d"}}}); err != nil {
		t.Errorf("valid names refused: %v", err)
	}
}
