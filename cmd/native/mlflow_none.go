//go:build nomlflow

package main

import "errors"

// newMLflowLogger refuses: this build has no MLflow client.
func newMLflowLogger(string) (mlflowLogger, error) {
	return nil, errors.New("--mlflow-uri: this build of descent has no MLflow client (the Python wheels leave it out to stay small); from Python use Result.log_mlflow(), or the descent program from make dist")
}
