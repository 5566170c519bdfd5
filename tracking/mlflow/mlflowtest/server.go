// Package mlflowtest is a fake MLflow tracking server for tests, as
// net/http/httptest is a fake for net/http: it serves the REST endpoints
// that package mlflow uses, checks every request body as strictly as
// MLflow's server does (types, required fields, names, lengths, the limits
// of runs/log-batch, the protobuf JSON spelling of non-finite doubles) and
// records everything it accepted.
package mlflowtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// MLflow's limits, written out again from mlflow/utils/validation.py so
// that the fake does not trust the client's constants.
const (
	maxMetrics    = 1000
	maxParamsTags = 100
	maxEntities   = 1000
	maxBodyBytes  = 1_000_000
	maxKey        = 250
	maxParamValue = 6000
	maxTagValue   = 5000
)

// validName is MLflow's _VALID_PARAM_AND_METRIC_NAMES.
var validName = regexp.MustCompile(`^[/\w.\- ]*$`)

// Metric is a metric as the server stored it; Raw is the value's JSON.
type Metric struct {
	Key       string
	Value     float64
	Raw       string
	Timestamp int64
	Step      int64
}

// Run is a run as the server stored it.
type Run struct {
	ID, ExperimentID, Name string
	StartTime, EndTime     int64
	Status                 string
	Tags, Params           map[string]string
	// Metrics are in the order they arrived.
	Metrics []Metric
}

// Request is one request the server answered.
type Request struct {
	Method, Endpoint string
	Body             []byte
	// Status is the answer's HTTP status.
	Status int
}

// Server is a fake MLflow tracking server.
type Server struct {
	*httptest.Server
	// Fault, when set, is asked before each request with the endpoint and
	// how many requests reached it before (from 0); a status ≠ 0 is
	// answered instead, with error_code code and a message. It is called
	// without the server's lock, so it may call the server's methods.
	Fault func(endpoint string, n int) (status int, code string)
	// Auth, when set, is the Authorization header every request must carry.
	Auth string

	mu          sync.Mutex
	experiments map[string]string // name → ID
	deleted     map[string]bool
	runs        map[string]*Run
	requests    []Request
	counts      map[string]int
}

// NewServer starts a server with MLflow's "Default" experiment (ID "0").
// Close it when done.
func NewServer() *Server {
	s := &Server{experiments: map[string]string{"Default": "0"}, deleted: map[string]bool{},
		runs: map[string]*Run{}, counts: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// AddExperiment creates an experiment (deleted when deleted is true) and
// returns its ID.
func (s *Server) AddExperiment(name string, deleted bool) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := strconv.Itoa(len(s.experiments))
	s.experiments[name] = id
	s.deleted[id] = deleted
	return id
}

// ExperimentID returns the ID of the experiment called name.
func (s *Server) ExperimentID(name string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.experiments[name]
	return id, ok
}

// Runs returns copies of the runs, in creation order.
func (s *Server) Runs() []Run {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Run, 0, len(s.runs))
	for i := range len(s.runs) {
		r := *s.runs["run"+strconv.Itoa(i)]
		r.Metrics = append([]Metric(nil), r.Metrics...)
		out = append(out, r)
	}
	return out
}

// Requests returns the requests answered so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// apiError is an error answer in MLflow's shape.
type apiError struct {
	status  int
	code    string
	message string
}

func bad(format string, args ...any) *apiError {
	return &apiError{http.StatusBadRequest, "INVALID_PARAMETER_VALUE", fmt.Sprintf(format, args...)}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	endpoint := strings.TrimPrefix(r.URL.Path, "/api/2.0/mlflow/")
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	n := s.counts[endpoint]
	s.counts[endpoint]++
	s.mu.Unlock()
	var aerr *apiError
	if s.Fault != nil { // unlocked, so that a fault may change the server
		if status, code := s.Fault(endpoint, n); status != 0 {
			aerr = &apiError{status, code, "injected fault"}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out any
	if aerr == nil {
		out, aerr = s.handle(r, endpoint, body)
	}
	status := http.StatusOK
	if aerr != nil {
		status = aerr.status
		out = map[string]string{"error_code": aerr.code, "message": aerr.message}
	}
	s.requests = append(s.requests, Request{Method: r.Method, Endpoint: endpoint, Body: body, Status: status})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(out)
}

func (s *Server) handle(r *http.Request, endpoint string, body []byte) (any, *apiError) {
	if s.Auth != "" && r.Header.Get("Authorization") != s.Auth {
		return nil, &apiError{http.StatusUnauthorized, "UNAUTHENTICATED", "bad credentials"}
	}
	want := http.MethodPost
	if endpoint == "experiments/get-by-name" {
		want = http.MethodGet
	}
	if r.Method != want {
		return nil, &apiError{http.StatusMethodNotAllowed, "BAD_REQUEST", "method " + r.Method}
	}
	if want == http.MethodPost && r.Header.Get("Content-Type") != "application/json" {
		return nil, bad("Content-Type %q", r.Header.Get("Content-Type"))
	}
	switch endpoint {
	case "experiments/get-by-name":
		return s.getExperiment(r.URL.Query())
	case "experiments/create":
		return s.createExperiment(body)
	case "runs/create":
		return s.createRun(body)
	case "runs/log-batch":
		return s.logBatch(body)
	case "runs/update":
		return s.updateRun(body)
	}
	return nil, &apiError{http.StatusNotFound, "ENDPOINT_NOT_FOUND", "no endpoint " + endpoint}
}

// decode reads body into v, refusing unknown fields and trailing data.
func decode(body []byte, v any) *apiError {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return bad("malformed request: %v", err)
	}
	if dec.More() {
		return bad("data after the request")
	}
	return nil
}

func (s *Server) getExperiment(q map[string][]string) (any, *apiError) {
	names := q["experiment_name"]
	if len(names) != 1 || names[0] == "" {
		return nil, bad("experiment_name required")
	}
	id, ok := s.experiments[names[0]]
	if !ok {
		return nil, &apiError{http.StatusNotFound, "RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name '" + names[0] + "'"}
	}
	stage := "active"
	if s.deleted[id] {
		stage = "deleted"
	}
	return map[string]any{"experiment": map[string]string{"experiment_id": id, "name": names[0], "lifecycle_stage": stage}}, nil
}

func (s *Server) createExperiment(body []byte) (any, *apiError) {
	var req struct {
		Name *string `json:"name"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	if req.Name == nil || *req.Name == "" || len([]rune(*req.Name)) > 500 {
		return nil, bad("Invalid experiment name")
	}
	if _, ok := s.experiments[*req.Name]; ok {
		return nil, &apiError{http.StatusBadRequest, "RESOURCE_ALREADY_EXISTS", "Experiment '" + *req.Name + "' already exists."}
	}
	id := strconv.Itoa(len(s.experiments))
	s.experiments[*req.Name] = id
	return map[string]string{"experiment_id": id}, nil
}

// keyValue is a param or tag in a request.
type keyValue struct {
	Key   *string `json:"key"`
	Value *string `json:"value"`
}

// checkMillis refuses a time that is not a whole number of milliseconds
// since the epoch in this century's range (seconds or nanoseconds would
// fall outside it).
func checkMillis(field string, n json.Number) (int64, *apiError) {
	v, err := n.Int64()
	if err != nil || v < 1e12 || v > 4.1e12 {
		return 0, bad("%s %s: want milliseconds since the epoch", field, n)
	}
	return v, nil
}

// checkEntries checks params or tags: keys present, valid and unique,
// values within maxValue characters.
func checkEntries(kind string, kvs []keyValue, maxValue int) (map[string]string, *apiError) {
	out := map[string]string{}
	for _, kv := range kvs {
		if kv.Key == nil || *kv.Key == "" {
			return nil, bad("Missing value for required parameter '%s.key'", kind)
		}
		if !validName.MatchString(*kv.Key) || len([]rune(*kv.Key)) > maxKey {
			return nil, bad("Invalid %s name: '%s'", kind, *kv.Key)
		}
		if _, dup := out[*kv.Key]; dup {
			return nil, bad("Duplicate %s keys have been submitted: %s", kind, *kv.Key)
		}
		v := ""
		if kv.Value != nil {
			v = *kv.Value
		}
		if len([]rune(v)) > maxValue {
			return nil, bad("%s value had length %d, which exceeded length limit of %d", kind, len([]rune(v)), maxValue)
		}
		out[*kv.Key] = v
	}
	return out, nil
}

func (s *Server) createRun(body []byte) (any, *apiError) {
	var req struct {
		ExperimentID *string     `json:"experiment_id"`
		RunName      string      `json:"run_name"`
		StartTime    json.Number `json:"start_time"`
		Tags         []keyValue  `json:"tags"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	if req.ExperimentID == nil {
		return nil, bad("Missing value for required parameter 'experiment_id'")
	}
	known := false
	for _, id := range s.experiments {
		known = known || id == *req.ExperimentID && !s.deleted[id]
	}
	if !known {
		return nil, &apiError{http.StatusNotFound, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=" + *req.ExperimentID + " exists"}
	}
	start, aerr := checkMillis("start_time", req.StartTime)
	if aerr != nil {
		return nil, aerr
	}
	tags, aerr := checkEntries("tag", req.Tags, maxTagValue)
	if aerr != nil {
		return nil, aerr
	}
	if t, ok := tags["mlflow.runName"]; ok && req.RunName != "" && t != req.RunName {
		return nil, bad("Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values")
	}
	id := "run" + strconv.Itoa(len(s.runs))
	s.runs[id] = &Run{ID: id, ExperimentID: *req.ExperimentID, Name: req.RunName, StartTime: start, Status: "RUNNING",
		Tags: tags, Params: map[string]string{}}
	return map[string]any{"run": map[string]any{"info": map[string]any{"run_id": id, "run_uuid": id,
		"experiment_id": *req.ExperimentID, "status": "RUNNING", "start_time": start}}}, nil
}

// metricValue reads a double as the protobuf JSON mapping writes it.
func metricValue(raw json.RawMessage) (float64, *apiError) {
	switch string(raw) {
	case `"NaN"`:
		return math.NaN(), nil
	case `"Infinity"`:
		return math.Inf(1), nil
	case `"-Infinity"`:
		return math.Inf(-1), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil || len(raw) == 0 || raw[0] == '"' {
		return 0, bad("Couldn't parse metric value %s", raw)
	}
	v, err := n.Float64()
	if err != nil {
		return 0, bad("Couldn't parse metric value %s", raw)
	}
	return v, nil
}

func (s *Server) logBatch(body []byte) (any, *apiError) {
	if len(body) > maxBodyBytes {
		return nil, bad("Batched logging API requests must be at most %d bytes, got a request of size %d.", maxBodyBytes, len(body))
	}
	var req struct {
		RunID   *string `json:"run_id"`
		Metrics []struct {
			Key       *string         `json:"key"`
			Value     json.RawMessage `json:"value"`
			Timestamp json.Number     `json:"timestamp"`
			Step      json.Number     `json:"step"`
		} `json:"metrics"`
		Params []keyValue `json:"params"`
		Tags   []keyValue `json:"tags"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	if req.RunID == nil || *req.RunID == "" {
		return nil, bad("Missing value for required parameter 'run_id'")
	}
	run, ok := s.runs[*req.RunID]
	if !ok {
		return nil, &apiError{http.StatusNotFound, "RESOURCE_DOES_NOT_EXIST", "Run '" + *req.RunID + "' not found"}
	}
	if run.Status != "RUNNING" {
		return nil, bad("run %s is %s: this fake refuses logging after runs/update", run.ID, run.Status)
	}
	for _, c := range []struct {
		what     string
		n, limit int
	}{{"metrics", len(req.Metrics), maxMetrics}, {"params", len(req.Params), maxParamsTags}, {"tags", len(req.Tags), maxParamsTags},
		{"metrics, params, and tags", len(req.Metrics) + len(req.Params) + len(req.Tags), maxEntities}} {
		if c.n > c.limit {
			return nil, bad("A batch logging request can contain at most %d %s. Got %d %s.", c.limit, c.what, c.n, c.what)
		}
	}
	params, aerr := checkEntries("param", req.Params, maxParamValue)
	if aerr != nil {
		return nil, aerr
	}
	tags, aerr := checkEntries("tag", req.Tags, maxTagValue)
	if aerr != nil {
		return nil, aerr
	}
	var metrics []Metric
	for _, m := range req.Metrics {
		if m.Key == nil || !validName.MatchString(*m.Key) || *m.Key == "" || len([]rune(*m.Key)) > maxKey {
			return nil, bad("Invalid metric name")
		}
		v, aerr := metricValue(m.Value)
		if aerr != nil {
			return nil, aerr
		}
		ts, aerr := checkMillis("timestamp", m.Timestamp)
		if aerr != nil {
			return nil, aerr
		}
		step, err := m.Step.Int64()
		if err != nil || step < 0 {
			return nil, bad("metric %s: step %q: want a whole number", *m.Key, m.Step)
		}
		metrics = append(metrics, Metric{Key: *m.Key, Value: v, Raw: string(m.Value), Timestamp: ts, Step: step})
	}
	for k, v := range params {
		if old, ok := run.Params[k]; ok && old != v {
			return nil, bad("Changing param values is not allowed. Param with key='%s' was already logged with value='%s'", k, old)
		}
	}
	for k, v := range params {
		run.Params[k] = v
	}
	for k, v := range tags {
		run.Tags[k] = v
	}
	run.Metrics = append(run.Metrics, metrics...)
	return map[string]any{}, nil
}

func (s *Server) updateRun(body []byte) (any, *apiError) {
	var req struct {
		RunID   *string     `json:"run_id"`
		RunUUID string      `json:"run_uuid"`
		Status  string      `json:"status"`
		EndTime json.Number `json:"end_time"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	if req.RunID == nil {
		return nil, bad("Missing value for required parameter 'run_id'")
	}
	run, ok := s.runs[*req.RunID]
	if !ok {
		return nil, &apiError{http.StatusNotFound, "RESOURCE_DOES_NOT_EXIST", "Run '" + *req.RunID + "' not found"}
	}
	switch req.Status {
	case "RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED":
	default:
		return nil, bad("Invalid status %q", req.Status)
	}
	end, aerr := checkMillis("end_time", req.EndTime)
	if aerr != nil {
		return nil, aerr
	}
	if end < run.StartTime {
		return nil, bad("end_time %d before start_time %d", end, run.StartTime)
	}
	run.Status, run.EndTime = req.Status, end
	return map[string]any{"run_info": map[string]any{"run_id": run.ID, "status": run.Status, "end_time": end}}, nil
}
