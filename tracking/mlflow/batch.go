package mlflow

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/descent-playground/descent/compute"
)

// MLflow's limits on one runs/log-batch request and on its entries, from
// the server's mlflow/utils/validation.py (MAX_METRICS_PER_BATCH,
// MAX_PARAMS_TAGS_PER_BATCH, MAX_ENTITIES_PER_BATCH,
// MAX_BATCH_LOG_REQUEST_SIZE, MAX_ENTITY_KEY_LENGTH, MAX_PARAM_VAL_LENGTH,
// MAX_TAG_VAL_LENGTH). Lengths are in characters, as Python counts them.
const (
	MaxMetricsPerBatch    = 1000
	MaxParamsTagsPerBatch = 100
	MaxEntitiesPerBatch   = 1000
	MaxBatchBytes         = 1_000_000
	MaxKeyLength          = 250
	MaxParamValueLength   = 6000
	MaxTagValueLength     = 5000
)

// Metric is one value of a metric at a step; Timestamp is in milliseconds
// since the Unix epoch.
type Metric struct {
	Key       string
	Value     float64
	Timestamp int64
	Step      int64
}

// MarshalJSON writes the metric as MLflow's REST API reads it, a value that
// is not finite as the protobuf JSON mapping spells it: "NaN", "Infinity"
// or "-Infinity" (MLflow's server refuses the bare tokens and null), and
// a negative zero as -0.0.
func (m Metric) MarshalJSON() ([]byte, error) {
	b := append([]byte(`{"key":`), encode(m.Key)...)
	b = append(b, `,"value":`...)
	switch {
	case math.IsNaN(m.Value):
		b = append(b, `"NaN"`...)
	case math.IsInf(m.Value, 1):
		b = append(b, `"Infinity"`...)
	case math.IsInf(m.Value, -1):
		b = append(b, `"-Infinity"`...)
	case m.Value == 0 && math.Signbit(m.Value):
		b = append(b, `-0.0`...) // Python's json reads -0 as the integer 0
	default:
		b = strconv.AppendFloat(b, m.Value, 'g', -1, 64)
	}
	b = append(b, `,"timestamp":`...)
	b = strconv.AppendInt(b, m.Timestamp, 10)
	b = append(b, `,"step":`...)
	b = strconv.AppendInt(b, m.Step, 10)
	return append(b, '}'), nil
}

// Param is one parameter of a run; MLflow keeps parameters as strings and
// refuses to change one once logged.
type Param struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Tag is one tag of a run.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Batch is what runs/log-batch sends for one run, however many requests
// it takes.
type Batch struct {
	Metrics []Metric `json:"metrics,omitempty"`
	Params  []Param  `json:"params,omitempty"`
	Tags    []Tag    `json:"tags,omitempty"`
}

// logBatchRequest is the body of one runs/log-batch request.
type logBatchRequest struct {
	RunID string `json:"run_id"`
	Batch
}

// encode writes v as JSON without HTML escaping and without a newline.
func encode(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only strings, numbers and the types above are encoded
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// Prepare checks b's keys as MLflow's server does (at most MaxKeyLength
// characters of letters, digits, _ - . / and space, not a path that
// resolves to another name; each param and tag key once), and returns a
// copy with param and tag values cut to MLflow's lengths, as MLflow's own
// client cuts them.
func Prepare(b Batch) (Batch, error) {
	out := Batch{Metrics: b.Metrics, Params: make([]Param, len(b.Params)), Tags: make([]Tag, len(b.Tags))}
	for _, m := range b.Metrics {
		if err := checkKey("metric", m.Key); err != nil {
			return Batch{}, err
		}
	}
	seen := map[string]bool{}
	for i, p := range b.Params {
		if err := checkKey("param", p.Key); err != nil {
			return Batch{}, err
		}
		if seen[p.Key] {
			return Batch{}, fmt.Errorf("param %s: given twice", compute.QuoteString(p.Key))
		}
		seen[p.Key] = true
		out.Params[i] = Param{p.Key, truncate(p.Value, MaxParamValueLength)}
	}
	clear(seen)
	for i, t := range b.Tags {
		if err := checkKey("tag", t.Key); err != nil {
			return Batch{}, err
		}
		if seen[t.Key] {
			return Batch{}, fmt.Errorf("tag %s: given twice", compute.QuoteString(t.Key))
		}
		seen[t.Key] = true
		out.Tags[i] = Tag{t.Key, truncate(t.Value, MaxTagValueLength)}
	}
	return out, nil
}

// checkKey applies MLflow's rules for metric, param and tag names.
func checkKey(kind, key string) error {
	if key == "" {
		return fmt.Errorf("%s key: want a name", kind)
	}
	if n := len([]rune(key)); n > MaxKeyLength {
		return fmt.Errorf("%s key %s: %d characters, more than MLflow's %d", kind, compute.QuoteString(key), n, MaxKeyLength)
	}
	for _, r := range key {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("_-./ ", r) {
			return fmt.Errorf("%s key %s: MLflow allows only letters, digits, _ - . / and spaces", kind, compute.QuoteString(key))
		}
	}
	if path.Clean(key) != key || strings.HasPrefix(key, "..") || strings.HasPrefix(key, "/") || key == "." {
		return fmt.Errorf("%s key %s: MLflow refuses a name that resolves as a path to another", kind, compute.QuoteString(key))
	}
	return nil
}

// truncate cuts s to at most n characters.
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// Chunk splits b into consecutive runs/log-batch request bodies that each
// stay within MLflow's limits: at most MaxMetricsPerBatch metrics,
// MaxParamsTagsPerBatch params and as many tags, MaxEntitiesPerBatch
// entries in all, and MaxBatchBytes bytes of JSON with runID. Each kind
// fills the requests from the first on, in its order, so that params, tags
// and metrics each arrive in order however they share requests (MLflow's
// own client zips its chunks the same way). b should have been through
// Prepare, which bounds the size of every entry.
func Chunk(runID string, b Batch) [][]byte {
	base := len(encode(logBatchRequest{RunID: runID})) + len(`,"metrics":[],"params":[],"tags":[]`)
	type chunk struct {
		Batch
		size int
	}
	var chunks []*chunk
	// place puts an entry of n bytes into the first chunk from *at on
	// whose count of its kind (read by count) is below limit and which has
	// room for one more entry of n bytes and a comma.
	place := func(at *int, n, limit int, count func(*chunk) int, add func(*chunk)) {
		for ; *at < len(chunks); *at++ {
			c := chunks[*at]
			if count(c) < limit && len(c.Metrics)+len(c.Params)+len(c.Tags) < MaxEntitiesPerBatch && c.size+n+1 <= MaxBatchBytes {
				break
			}
		}
		if *at == len(chunks) {
			chunks = append(chunks, &chunk{size: base})
		}
		c := chunks[*at]
		add(c)
		c.size += n + 1
	}
	var at int
	for _, p := range b.Params {
		place(&at, len(encode(p)), MaxParamsTagsPerBatch, func(c *chunk) int { return len(c.Params) }, func(c *chunk) { c.Params = append(c.Params, p) })
	}
	at = 0
	for _, t := range b.Tags {
		place(&at, len(encode(t)), MaxParamsTagsPerBatch, func(c *chunk) int { return len(c.Tags) }, func(c *chunk) { c.Tags = append(c.Tags, t) })
	}
	at = 0
	for _, m := range b.Metrics {
		place(&at, len(encode(m)), MaxMetricsPerBatch, func(c *chunk) int { return len(c.Metrics) }, func(c *chunk) { c.Metrics = append(c.Metrics, m) })
	}
	bodies := make([][]byte, len(chunks))
	for i, c := range chunks {
		bodies[i] = encode(logBatchRequest{RunID: runID, Batch: c.Batch})
	}
	return bodies
}
