package mlflow

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/descent-playground/descent/compute"
)

// Params returns cfg as MLflow params: every key of the Config's JSON with
// its defaults filled in, the optimizer's hyperparameters included (those
// not set at the registry's defaults), each value as its JSON spells it
// and a list's numbers joined with commas. Keys are sorted.
func Params(cfg compute.Config) ([]Param, error) {
	cfg = cfg.WithDefaults()
	spec, err := compute.OptimizerByName(cfg.Optimizer)
	if err != nil {
		return nil, err
	}
	if cfg.Hyper, err = spec.Resolve(cfg.Hyper); err != nil {
		return nil, err
	}
	data, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var fields map[string]any
	if err := dec.Decode(&fields); err != nil {
		return nil, err
	}
	params := make([]Param, 0, len(fields))
	for _, key := range slices.Sorted(maps.Keys(fields)) {
		params = append(params, Param{key, paramValue(fields[key])})
	}
	return params, nil
}

// paramValue writes a JSON value of a Config as a param's string.
func paramValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = paramValue(e)
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(v)
}

// Metric names besides the parameters' own (PathPrefix + a name from the
// result's param_names).
const (
	// LossMetric is the full-data loss plus penalty where it was evaluated.
	LossMetric = "loss"
	// BatchLossMetric is the loss of the batch a step's gradient came from.
	BatchLossMetric = "batch_loss"
	// LRMetric is the learning rate a step used.
	LRMetric = "lr"
	// PathPrefix starts the name of each parameter's value along the path.
	PathPrefix = "path/"
)

// Metrics returns res as MLflow metrics, each key's in step order: loss at
// every point of the loss curve; lr and batch_loss at every recorded step
// after the start (batch_loss where the step computed it); each
// parameter's value at every recorded point, named PathPrefix + its name;
// and the final figures (steps, epochs, gradient_passes, loss_passes,
// samples) at the last step. Values that are not finite are kept as they
// are. Descent does not time its steps, so every metric carries the time
// at (in milliseconds).
func Metrics(res *compute.Result, at time.Time) []Metric {
	ts := millis(at)
	var ms []Metric
	add := func(key string, v float64, step int) {
		ms = append(ms, Metric{Key: key, Value: v, Timestamp: ts, Step: int64(step)})
	}
	for _, p := range res.Path {
		if p.Step > 0 {
			add(LRMetric, float64(p.LR), p.Step)
			if !math.IsNaN(float64(p.BatchLoss)) {
				add(BatchLossMetric, float64(p.BatchLoss), p.Step)
			}
		}
		for i, v := range p.Params {
			add(PathPrefix+res.ParamNames[i], v, p.Step)
		}
	}
	for _, l := range res.Loss {
		add(LossMetric, float64(l.Loss), l.Step)
	}
	for _, f := range []struct {
		key string
		v   int64
	}{{"steps", int64(res.Steps)}, {"epochs", int64(res.Epochs)}, {"gradient_passes", res.Counts.GradientPasses},
		{"loss_passes", res.Counts.LossPasses}, {"samples", res.Counts.Samples}} {
		add(f.key, float64(f.v), res.Steps)
	}
	return ms
}

// RunInfo is what Log needs besides the result.
type RunInfo struct {
	// Experiment names the experiment; it is created when missing.
	Experiment string
	// Name is the run's name; empty means DefaultRunName of the config.
	Name string
	// Start and End are when the descent started and ended.
	Start, End time.Time
	// Command is the command line, tagged descent.command when not empty.
	Command string
	// User is tagged mlflow.user when not empty.
	User string
}

// DefaultRunName names a run after its optimizer, learning rate and model
// (the surface's name on a surface): "adam lr=0.01 linreg".
func DefaultRunName(cfg compute.Config) string {
	cfg = cfg.WithDefaults()
	lr := "?"
	if spec, err := compute.OptimizerByName(cfg.Optimizer); err == nil {
		if h, err := spec.Resolve(cfg.Hyper); err == nil {
			lr = strconv.FormatFloat(h["lr"], 'g', -1, 64)
		}
	}
	model := cfg.Model
	if model == "surface" {
		model = cfg.Surface
	}
	return fmt.Sprintf("%s lr=%s %s", cfg.Optimizer, lr, model)
}

// Tags returns the tags of a run: MLflow's own (mlflow.runName,
// mlflow.source.name descent, mlflow.source.type LOCAL, mlflow.user) and
// Descent's (descent.schema, descent.stop, descent.param_names,
// descent.command).
func Tags(res *compute.Result, name string, info RunInfo) []Tag {
	tags := []Tag{{"mlflow.runName", name}, {"mlflow.source.name", "descent"}, {"mlflow.source.type", "LOCAL"}}
	if info.User != "" {
		tags = append(tags, Tag{"mlflow.user", info.User})
	}
	tags = append(tags, Tag{"descent.schema", res.Schema}, Tag{"descent.stop", string(res.Stop)},
		Tag{"descent.param_names", strings.Join(res.ParamNames, ",")})
	if info.Command != "" {
		tags = append(tags, Tag{"descent.command", info.Command})
	}
	return tags
}
