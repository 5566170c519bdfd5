//go:build !nomlflow

package main

import (
	"context"
	"fmt"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/tracking/mlflow"
)

// restLogger logs runs through MLflow's REST API (tracking/mlflow).
type restLogger struct{ *mlflow.Client }

// newMLflowLogger returns the client of the server at uri, or the
// --mlflow-uri flag's error.
func newMLflowLogger(uri string) (mlflowLogger, error) {
	c, err := mlflow.NewClient(uri)
	if err != nil {
		return nil, fmt.Errorf("--mlflow-uri %v", err)
	}
	return restLogger{c}, nil
}

func (l restLogger) log(ctx context.Context, res *compute.Result, r mlflowRun) (string, string, error) {
	logged, err := l.Log(ctx, res, mlflow.RunInfo{Experiment: r.experiment, Name: r.name,
		Start: r.start, End: r.end, Command: r.command, User: r.user})
	return logged.ExperimentID, logged.RunID, err
}
