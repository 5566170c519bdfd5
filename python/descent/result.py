"""One run: descent.run and its Result (the descent.run/v1 format)."""

import csv
import io
import json
import math

from . import _cli, _optional, plots, tracking

SCHEMA = "descent.run/v1"


def run(config=None, /, **keys):
    """Runs one configuration and returns its Result.

    config is a dict of the command line's JSON keys (``descent run -h``
    lists them as flags, with - for _); keyword arguments add to it or
    override it, and None leaves a key out: ``run(optimizer="adam", lr=0.1,
    model="surface", surface="rosenbrock", steps=500)``. A run that stops
    early (diverged, non-finite) is a Result with ``stop`` saying why; bad
    input raises DescentError with the command line's message."""
    cfg = merge(config, keys)
    _, out = _cli.call("run", cfg, ["--format", "json"], ok=(0, 1))
    try:
        raw = json.loads(out)
    except ValueError:
        raise _cli.DescentError("descent run: no result (%d bytes of output)" % len(out)) from None
    return Result(raw)


def merge(config, keys):
    """Returns config updated with keys, without the keys whose value is
    None."""
    cfg = dict(config or {})
    cfg.update(keys)
    return {k: v for k, v in cfg.items() if v is not None}


class Result:
    """A run in the descent.run/v1 format.

    Attributes: ``config`` (the configuration with its defaults filled in),
    ``param_names``, ``steps``, ``epochs``, ``stop`` ("finished",
    "diverged", "non-finite"), ``counts`` (gradient_passes, loss_passes,
    samples) and ``raw`` (the whole JSON object). The arrays are numpy
    arrays when numpy is installed (lists otherwise), with NaN wherever the
    run's JSON has null (a value that was not finite or not evaluated):

    - ``path``: the recorded parameters, one row per point, the start first
      (thinned on long runs); ``path_step``, ``path_epoch``, ``lr``,
      ``batch_loss`` (the loss of each step's batch; NaN at the start) and
      ``path_loss`` (the full-data loss where it was evaluated) beside it;
    - ``loss``: the full-data loss (plus penalty) where the policy
      evaluated it, at steps ``loss_step`` and epochs ``loss_epoch``;
    - ``final``: the parameters at the end.
    """

    def __init__(self, raw):
        if raw.get("schema") != SCHEMA:
            raise _cli.DescentError("result: schema %r, want %r" % (raw.get("schema"), SCHEMA))
        self.raw = raw
        self.config = raw["config"]
        self.param_names = list(raw["param_names"])
        self.steps = raw["steps"]
        self.epochs = raw["epochs"]
        self.stop = raw["stop"]
        self.counts = raw["counts"]
        path = raw["path"]
        self.path = _optional.matrix([p["params"] for p in path], len(self.param_names))
        self.path_step = _optional.ints([p["step"] for p in path])
        self.path_epoch = _optional.ints([p["epoch"] for p in path])
        self.lr = _optional.floats([p["lr"] for p in path])
        self.batch_loss = _optional.floats([p["batch_loss"] for p in path])
        self.path_loss = _optional.floats([p["loss"] for p in path])
        self.loss = _optional.floats([p["loss"] for p in raw["loss"]])
        self.loss_step = _optional.ints([p["step"] for p in raw["loss"]])
        self.loss_epoch = _optional.ints([p["epoch"] for p in raw["loss"]])
        self.final = _optional.floats(raw["final"])

    def __repr__(self):
        final = ", ".join("%s=%.4g" % (n, v) for n, v in zip(self.param_names, self.final))
        return "<descent.Result %s %s: %d steps, %s, final loss %.6g, %s>" % (
            self.config.get("optimizer"), self.config.get("model"), self.steps, self.stop,
            self.final_loss, final)

    @property
    def finished(self):
        """True when the run ran its whole length."""
        return self.stop == "finished"

    @property
    def final_loss(self):
        """The last full-data loss the run evaluated: NaN when there is none
        or it was not finite."""
        return float(self.loss[-1]) if len(self.loss) else float("nan")

    def _rows(self):
        """The path as rows: step, epoch, lr, batch_loss, loss, then one
        column per parameter."""
        header = ["step", "epoch", "lr", "batch_loss", "loss"] + self.param_names
        rows = []
        for i in range(len(self.path_step)):
            rows.append([int(self.path_step[i]), int(self.path_epoch[i]), float(self.lr[i]),
                         float(self.batch_loss[i]), float(self.path_loss[i])] + [float(v) for v in self.path[i]])
        return header, rows

    def to_frame(self):
        """Returns the path as a pandas DataFrame: step, epoch, lr,
        batch_loss, loss (NaN where not evaluated) and one column per
        parameter."""
        pd = _optional.need("pandas", "Result.to_frame")
        header, rows = self._rows()
        return pd.DataFrame(rows, columns=header)

    def to_csv(self, path=None):
        """Writes the path as CSV (the columns of to_frame; empty cells for
        NaN) to path, or returns it as a string when path is None."""
        header, rows = self._rows()
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(["" if isinstance(v, float) and math.isnan(v) else repr(v) for v in row])
        return _write(buf.getvalue(), path)

    def to_json(self, path=None):
        """Writes the run in the descent.run/v1 format (as descent run
        --format json prints it) to path, or returns it as a string."""
        return _write(json.dumps(self.raw, separators=(",", ":")) + "\n", path)

    def to_notebook(self, path=None):
        """Writes the run's configuration as a Jupyter notebook (numpy and
        torch.optim cells, from descent run --export notebook) to path, or
        returns it as a string."""
        return _write(self._export("notebook"), path)

    def to_torch(self, path=None):
        """Writes the run's configuration as a PyTorch script (from descent
        run --export torch) to path, or returns it as a string."""
        return _write(self._export("torch"), path)

    def _export(self, kind):
        _, out = _cli.call("run", self.config, ["--export", kind])
        return out

    def plot(self, ax=None, show_surface=True):
        """Draws the loss curve, and for a two-parameter model the path over
        its loss surface beside it (show_surface=False leaves that out). Returns
        the matplotlib Figure."""
        return plots.plot_results([self], [self.label()], ax=ax, show_surface=show_surface)

    def label(self):
        """A short name: the optimizer and its learning rate."""
        lr = self.lr[0] if len(self.lr) else float("nan")
        return "%s lr=%g" % (self.config.get("optimizer", "?"), lr)

    def log_mlflow(self, experiment=None, run_name=None, tracking_uri=None):
        """Logs the run to MLflow with the mlflow client (pip install mlflow):
        the configuration as parameters, the full-data loss as the metric
        "loss" by step, "final_loss", the stop reason as a tag and the
        descent.run/v1 JSON as an artifact. Returns the MLflow run id."""
        return tracking.log_mlflow(self, experiment, run_name, tracking_uri)

    def log_comet(self, project_name=None, experiment_name=None, **kwargs):
        """Logs the run to Comet with the comet_ml client (pip install
        comet_ml) in the same shape as log_mlflow; keyword arguments go to
        comet_ml.Experiment (api_key, workspace, ...). Returns the
        Experiment."""
        return tracking.log_comet(self, project_name, experiment_name, **kwargs)

    def surface(self, n=61, x=None, y=None):
        """Returns (x, y, loss) of the run's two-parameter model over a
        rectangle around its path (or the x and y ranges given as (lo, hi)),
        from ``descent grid``: loss[j][i] at (x[i], y[j]), NaN where not
        finite."""
        if len(self.param_names) != 2:
            raise _cli.DescentError("surface: the model has %d parameters; a surface needs 2" % len(self.param_names))
        bx, by = plots.bounds(self.path)
        x, y = x or bx, y or by
        _, out = _cli.call("grid", self.config, ["--x", "%r,%r" % tuple(map(float, x)), "--y", "%r,%r" % tuple(map(float, y)), "--n", str(n)])
        g = json.loads(out)
        return _optional.floats(g["x"]), _optional.floats(g["y"]), _optional.matrix(g["loss"], n)


def _write(text, path):
    if path is None:
        return text
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return None
