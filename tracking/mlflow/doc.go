// Package mlflow sends Descent runs to an MLflow tracking server through its
// REST API 2.0 (/api/2.0/mlflow/...), not through MLflow's file store.
//
// A Client finds or creates an experiment (experiments/get-by-name,
// experiments/create), creates a run (runs/create), logs params, tags and
// metrics with runs/log-batch and ends the run with runs/update. LogBatch
// splits what it is given into requests within the server's limits
// (MaxMetricsPerBatch, MaxParamsTagsPerBatch, MaxEntitiesPerBatch,
// MaxBatchBytes), in order, and truncates long values the way MLflow's own
// client does. Metric values that are not finite are written as the
// protobuf JSON mapping spells them, "NaN", "Infinity" and "-Infinity",
// the only forms MLflow's server parses.
//
// Credentials come from the environment as MLflow's own client reads them:
// MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (HTTP Basic), else
// MLFLOW_TRACKING_TOKEN (Bearer). Requests time out, and one refused with
// 408, 429 or a 5xx status, or lost on the network, is retried a bounded
// number of times with a doubling backoff.
//
// Log maps a compute.Result (descent.run/v1) onto one MLflow run: the
// Config as params, the path and loss curve as per-step metrics, and the
// run's provenance as tags.
package mlflow
