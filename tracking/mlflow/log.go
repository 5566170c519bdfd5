package mlflow

import (
	"context"
	"fmt"
	"time"

	"github.com/descent-playground/descent/compute"
)

// Logged is what Log created on the server.
type Logged struct {
	// ExperimentID is the experiment's ID; ExperimentCreated says that Log
	// created it.
	ExperimentID      string
	ExperimentCreated bool
	// RunID is the run's ID, empty when no run was created.
	RunID string
}

// failTimeout bounds the request that marks a run FAILED after an error.
const failTimeout = 10 * time.Second

// Log sends res to the server as one new run of the experiment named
// info.Experiment (created when missing): the run with its tags (see
// Tags), then its params (see Params) and metrics (see Metrics) in as many
// log-batch requests as needed, then its end. A run ends FINISHED however
// the descent stopped (its descent.stop tag says how: finished, diverged,
// non-finite), KILLED when the descent was cancelled, and FAILED when a
// request failed after the run was created; the error says which step
// failed.
func (c *Client) Log(ctx context.Context, res *compute.Result, info RunInfo) (Logged, error) {
	var out Logged
	params, err := Params(res.Config)
	if err != nil {
		return out, fmt.Errorf("params: %w", err)
	}
	name := info.Name
	if name == "" {
		name = DefaultRunName(res.Config)
	}
	out.ExperimentID, out.ExperimentCreated, err = c.EnsureExperiment(ctx, info.Experiment)
	if err != nil {
		return out, fmt.Errorf("experiment %s: %w", compute.QuoteString(info.Experiment), err)
	}
	out.RunID, err = c.CreateRun(ctx, out.ExperimentID, name, info.Start, Tags(res, name, info))
	if err != nil {
		return out, fmt.Errorf("creating the run: %w", err)
	}
	if err := c.LogBatch(ctx, out.RunID, Batch{Params: params, Metrics: Metrics(res, info.End)}); err != nil {
		return out, c.fail(ctx, out.RunID, fmt.Errorf("logging run %s: %w", out.RunID, err))
	}
	status := Finished
	if res.Stop == compute.Cancelled {
		status = Killed
	}
	if err := c.UpdateRun(ctx, out.RunID, status, info.End); err != nil {
		return out, c.fail(ctx, out.RunID, fmt.Errorf("ending run %s: %w", out.RunID, err))
	}
	return out, nil
}

// fail marks the run FAILED (KILLED when ctx was cancelled) after err, on
// a context of its own so that a cancelled one still ends the run, and
// returns err with what became of the run.
func (c *Client) fail(ctx context.Context, runID string, err error) error {
	status := Failed
	if ctx.Err() != nil {
		status = Killed
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), failTimeout)
	defer cancel()
	if uerr := c.UpdateRun(ctx, runID, status, time.Now()); uerr != nil {
		return fmt.Errorf("%w; marking it %s also failed: %v", err, status, uerr)
	}
	return fmt.Errorf("%w (run marked %s)", err, status)
}
