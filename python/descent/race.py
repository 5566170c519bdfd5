"""Races: several configurations run side by side and drawn on one figure."""

from concurrent.futures import ThreadPoolExecutor
import os

from . import _optional, plots
from .result import merge, run


class Comparison(list):
    """The Results of a compare, in the order of its configurations, with
    labels naming what differs between them."""

    def __init__(self, results, labels):
        super().__init__(results)
        self.labels = list(labels)

    def plot(self, ax=None, show_surface=True):
        """Draws every loss curve on one axes, and the paths over their
        shared loss surface when they have one. Returns the Figure."""
        return plots.plot_results(list(self), self.labels, ax=ax, show_surface=show_surface)

    def to_frame(self):
        """Returns one row per run: its label, stop reason, steps, final
        loss and final parameters."""
        pd = _optional.need("pandas", "Comparison.to_frame")
        rows = []
        for label, r in zip(self.labels, self):
            row = {"label": label, "stop": r.stop, "steps": r.steps, "final_loss": r.final_loss}
            row.update({n: float(v) for n, v in zip(r.param_names, r.final)})
            rows.append(row)
        return pd.DataFrame(rows)


def labels_for(configs):
    """Names each configuration by the keys whose values differ between
    them ("optimizer=adam lr=0.1"), or by its position when none do."""
    keys = sorted({k for c in configs for k in c})
    differ = [k for k in keys if len({repr(c.get(k)) for c in configs}) > 1]
    if not differ:
        return ["run %d" % (i + 1) for i in range(len(configs))]
    return [" ".join("%s=%s" % (k, c[k]) for k in differ if k in c) for c in configs]


def compare(configs, labels=None, plot=None, show_surface=True, **base):
    """Runs each configuration (dicts of the CLI's JSON keys, each over the
    keyword arguments as shared settings) at the same time and returns a
    Comparison. plot=True draws them on one figure (the default when
    matplotlib is installed); show_surface=False leaves out the paths over
    their shared loss surface."""
    cfgs = [merge(base, c) for c in configs]
    if not cfgs:
        raise ValueError("compare: want at least one configuration")
    with ThreadPoolExecutor(max_workers=min(len(cfgs), os.cpu_count() or 1)) as pool:
        results = list(pool.map(run, cfgs))
    cmp = Comparison(results, labels or labels_for(configs))
    if plot is None:
        plot = _optional.numpy_or_none() is not None and _has_matplotlib()
    if plot:
        cmp.plot(show_surface=show_surface)
    return cmp


def _has_matplotlib():
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True
