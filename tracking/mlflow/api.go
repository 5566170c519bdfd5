package mlflow

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/descent-playground/descent/compute"
)

// Status is how a run ended, as runs/update takes it.
type Status string

// The statuses a run can end with.
const (
	Finished Status = "FINISHED"
	Failed   Status = "FAILED"
	Killed   Status = "KILLED"
)

// millis returns t in milliseconds since the Unix epoch, MLflow's time unit.
func millis(t time.Time) int64 { return t.UnixMilli() }

// Experiment finds the experiment called name and returns its ID; found is
// false when the server has none by that name (RESOURCE_DOES_NOT_EXIST).
// A deleted experiment is an error: MLflow cannot add runs to it.
func (c *Client) Experiment(ctx context.Context, name string) (id string, found bool, err error) {
	var out struct {
		Experiment struct {
			ID             string `json:"experiment_id"`
			LifecycleStage string `json:"lifecycle_stage"`
		} `json:"experiment"`
	}
	err = c.call(ctx, http.MethodGet, "experiments/get-by-name", url.Values{"experiment_name": {name}}, nil, &out)
	var ae *APIError
	if errors.As(err, &ae) && (ae.Code == "RESOURCE_DOES_NOT_EXIST" || ae.Code == "" && ae.Status == http.StatusNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	if out.Experiment.LifecycleStage == "deleted" {
		return "", false, fmt.Errorf("experiment %s is deleted: restore it (mlflow experiments restore) or choose another name", compute.QuoteString(name))
	}
	if out.Experiment.ID == "" {
		return "", false, fmt.Errorf("experiments/get-by-name: the answer has no experiment_id")
	}
	return out.Experiment.ID, true, nil
}

// CreateExperiment creates the experiment called name and returns its ID.
func (c *Client) CreateExperiment(ctx context.Context, name string) (string, error) {
	var out struct {
		ID string `json:"experiment_id"`
	}
	body := encode(struct {
		Name string `json:"name"`
	}{name})
	if err := c.call(ctx, http.MethodPost, "experiments/create", nil, body, &out); err != nil {
		return "", err
	}
	if out.ID == "" {
		return "", fmt.Errorf("experiments/create: the answer has no experiment_id")
	}
	return out.ID, nil
}

// EnsureExperiment returns the ID of the experiment called name, creating
// it when it does not exist (or finding it when another client created it
// meanwhile); created says which.
func (c *Client) EnsureExperiment(ctx context.Context, name string) (id string, created bool, err error) {
	if id, found, err := c.Experiment(ctx, name); err != nil || found {
		return id, false, err
	}
	id, err = c.CreateExperiment(ctx, name)
	var ae *APIError
	if errors.As(err, &ae) && ae.Code == "RESOURCE_ALREADY_EXISTS" {
		id, _, err = c.Experiment(ctx, name)
		return id, false, err
	}
	return id, err == nil, err
}

// CreateRun starts a run named name in the experiment, with its start time
// and tags, and returns the run's ID. Tag values are cut to
// MaxTagValueLength characters.
func (c *Client) CreateRun(ctx context.Context, experimentID, name string, start time.Time, tags []Tag) (string, error) {
	prepared, err := Prepare(Batch{Tags: tags})
	if err != nil {
		return "", err
	}
	body := encode(struct {
		ExperimentID string `json:"experiment_id"`
		RunName      string `json:"run_name,omitempty"`
		StartTime    int64  `json:"start_time"`
		Tags         []Tag  `json:"tags,omitempty"`
	}{experimentID, name, millis(start), prepared.Tags})
	var out struct {
		Run struct {
			Info struct {
				RunID   string `json:"run_id"`
				RunUUID string `json:"run_uuid"`
			} `json:"info"`
		} `json:"run"`
	}
	if err := c.call(ctx, http.MethodPost, "runs/create", nil, body, &out); err != nil {
		return "", err
	}
	id := out.Run.Info.RunID
	if id == "" {
		id = out.Run.Info.RunUUID // older servers answer only run_uuid
	}
	if id == "" {
		return "", fmt.Errorf("runs/create: the answer has no run_id")
	}
	return id, nil
}

// LogBatch sends b to the run in as many runs/log-batch requests as
// MLflow's limits need (see Chunk), in order, after Prepare. An error
// says which request failed.
func (c *Client) LogBatch(ctx context.Context, runID string, b Batch) error {
	prepared, err := Prepare(b)
	if err != nil {
		return err
	}
	bodies := Chunk(runID, prepared)
	for i, body := range bodies {
		if err := c.call(ctx, http.MethodPost, "runs/log-batch", nil, body, nil); err != nil {
			return fmt.Errorf("request %d of %d: %w", i+1, len(bodies), err)
		}
	}
	return nil
}

// UpdateRun ends the run with the status at the end time.
func (c *Client) UpdateRun(ctx context.Context, runID string, status Status, end time.Time) error {
	body := encode(struct {
		RunID   string `json:"run_id"`
		RunUUID string `json:"run_uuid"` // the name older servers read
		Status  Status `json:"status"`
		EndTime int64  `json:"end_time"`
	}{runID, runID, status, millis(end)})
	return c.call(ctx, http.MethodPost, "runs/update", nil, body, nil)
}
