"""Logging runs to experiment trackers with their own Python clients, when
the user has them installed."""

import json
import math

from . import _optional


def flat_params(config):
    """The configuration as tracker parameters: lists joined with commas,
    each number with every digit (as the JSON has it)."""
    return {k: ",".join(json.dumps(x) for x in v) if isinstance(v, list) else v for k, v in sorted(config.items())}


def loss_points(result):
    """(step, loss) for every finite full-data loss of the run."""
    return [(int(s), float(v)) for s, v in zip(result.loss_step, result.loss) if math.isfinite(v)]


def log_mlflow(result, experiment=None, run_name=None, tracking_uri=None):
    """See Result.log_mlflow."""
    mlflow = _optional.need("mlflow", "log_mlflow (or descent run --mlflow-uri, which needs no client)")
    if tracking_uri:
        mlflow.set_tracking_uri(tracking_uri)
    if experiment:
        mlflow.set_experiment(experiment)
    with mlflow.start_run(run_name=run_name) as active:
        mlflow.log_params(flat_params(result.config))
        for step, loss in loss_points(result):
            mlflow.log_metric("loss", loss, step=step)
        if math.isfinite(result.final_loss):
            mlflow.log_metric("final_loss", result.final_loss)
        mlflow.set_tag("descent.stop", result.stop)
        mlflow.log_text(result.to_json(), "descent_result.json")
        return active.info.run_id


def log_comet(result, project_name=None, experiment_name=None, **kwargs):
    """See Result.log_comet."""
    comet_ml = _optional.need("comet_ml", "log_comet")
    exp = comet_ml.Experiment(project_name=project_name, **kwargs)
    if experiment_name:
        exp.set_name(experiment_name)
    exp.log_parameters(flat_params(result.config))
    for step, loss in loss_points(result):
        exp.log_metric("loss", loss, step=step)
    if math.isfinite(result.final_loss):
        exp.log_metric("final_loss", result.final_loss)
    exp.log_other("descent.stop", result.stop)
    exp.log_asset_data(result.to_json(), name="descent_result.json")
    exp.end()
    return exp
