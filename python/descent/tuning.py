"""Hyperparameter sweeps: grid, random and successive halving, each trial a
descent run, spread over any concurrent.futures.Executor.

The rules (shared with ``descent sweep``, see docs/DESIGN.md):

- a space maps config keys to values: a list is the values to try (grid)
  or to choose from (random); a tuple (lo, hi) is a range sampled
  uniformly, (lo, hi, "log") log-uniformly (random and halving only);
- a trial's score is its last full-data loss; a run that diverged or
  ended non-finite scores +inf, so that it ranks last;
- halving starts every trial on a third of the budget per remaining round
  (the budget is the base's steps, or epochs for a data model), keeps the
  best third (rounded up) and triples the budget, until one trial is left
  or a round runs the full budget: the rounds and budgets of tune's
  rungSizes and rungBudget (a test compares them with descent sweep's).
"""

from concurrent.futures import ThreadPoolExecutor
import itertools
import math
import os
import random

from . import _optional
from .result import merge, run


class Trial:
    """One run of a sweep: the values it tried (params), its whole
    configuration, the Result, its score and the halving round (0 for grid
    and random)."""

    def __init__(self, params, config, result, round=0):
        self.params = params
        self.config = config
        self.result = result
        self.round = round
        self.score = score(result)

    def __repr__(self):
        return "<descent.Trial %r score=%.6g %s>" % (self.params, self.score, self.result.stop)


def score(result):
    """A trial's score: the last full-data loss, +inf when the run did not
    finish or that loss is not finite."""
    loss = result.final_loss
    return loss if result.finished and math.isfinite(loss) else math.inf


class Sweep(list):
    """The trials of a sweep in the order they ran; the last halving round
    last."""

    @property
    def best(self):
        """The trial with the lowest score (of the last round for halving)."""
        last = max(t.round for t in self)
        return min((t for t in self if t.round == last), key=lambda t: t.score)

    def to_frame(self):
        """One row per trial: the values tried, round, score, stop, steps."""
        pd = _optional.need("pandas", "Sweep.to_frame")
        return pd.DataFrame([dict(t.params, round=t.round, score=t.score, stop=t.result.stop,
                                  steps=t.result.steps) for t in self])

    def plot(self):
        """Draws the score against each swept key (log axes where all values
        are positive and span a factor of 100; names as categories), one
        panel per key, the best trial starred. Returns the Figure."""
        plt = _optional.need("matplotlib.pyplot", "Sweep.plot")
        keys = sorted({k for t in self for k in t.params})
        fig, axes = plt.subplots(1, len(keys), figsize=(4.5 * len(keys), 3.6), squeeze=False)
        finite = [t.score for t in self if math.isfinite(t.score)]
        best = self.best
        for ax, key in zip(axes[0], keys):
            for rnd in sorted({t.round for t in self}):
                ts = [t for t in self if t.round == rnd and key in t.params]
                ax.scatter([t.params[key] for t in ts], [t.score if math.isfinite(t.score) else math.nan for t in ts],
                           s=14, label="round %d" % rnd if rnd else "trials")
            ax.scatter([best.params[key]], [best.score], marker="*", s=120, color="red", label="best")
            vals = [t.params[key] for t in self]
            if all(isinstance(v, (int, float)) for v in vals) and min(vals) > 0 and max(vals) / min(vals) >= 100:
                ax.set_xscale("log")
            if finite and min(finite) > 0 and max(finite) / min(finite) >= 100:
                ax.set_yscale("log")
            ax.set_xlabel(key)
            ax.set_ylabel("final loss")
            ax.legend(fontsize="small")
        fig.tight_layout()
        return fig


def _grid(space):
    keys = sorted(space)
    for k in keys:
        if not isinstance(space[k], list):
            raise ValueError("sweep: %s: a grid wants a list of values, not %r" % (k, space[k]))
        if not space[k]:
            raise ValueError("sweep: %s: an empty list of values" % k)
    return [dict(zip(keys, vals)) for vals in itertools.product(*(space[k] for k in keys))]


def _draw(rng, key, spec):
    if isinstance(spec, list):
        if not spec:
            raise ValueError("sweep: %s: an empty list of values" % key)
        return rng.choice(spec)
    if isinstance(spec, tuple) and len(spec) in (2, 3):
        lo, hi = spec[0], spec[1]
        log = len(spec) == 3 and spec[2] == "log"
        if (len(spec) == 3 and not log) or not lo < hi or (log and lo <= 0):
            raise ValueError("sweep: %s: want (lo, hi) or (lo, hi, \"log\") with lo < hi (and lo > 0 for log), not %r" % (key, spec))
        if log:
            return math.exp(rng.uniform(math.log(lo), math.log(hi)))
        if isinstance(lo, int) and isinstance(hi, int):
            return rng.randint(lo, hi)
        return rng.uniform(lo, hi)
    raise ValueError("sweep: %s: want a list of values or a (lo, hi[, \"log\"]) range, not %r" % (key, spec))


def _random(space, trials, draw_seed):
    rng = random.Random(draw_seed)
    keys = sorted(space)
    return [{k: _draw(rng, k, space[k]) for k in keys} for _ in range(trials)]


def _budget_key(base):
    """The key that sets a run's length: steps when given or on a surface,
    else epochs."""
    if "steps" in base or base.get("model") == "surface":
        return "steps", base.get("steps", 500)
    return "epochs", base.get("epochs", 1000)


def _run_trial(config):
    """Runs one trial's configuration (a module-level function, so that
    process and cluster executors can pickle it)."""
    return run(config)


def _run_all(executor, configs):
    own = executor is None
    if own:
        executor = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    try:
        return list(executor.map(_run_trial, configs))
    finally:
        if own:
            executor.shutdown()


def sweep(space, method="grid", trials=None, executor=None, draw_seed=1, **base):
    """Runs a sweep over space (see the module's rules) with the keyword
    arguments as every trial's shared settings, and returns a Sweep.

    method is "grid" (every combination of the lists), "random" (trials
    draws, default 20) or "halving" (successive halving over trials random
    draws, default 27, or over the grid when trials is None and every value
    is a list). executor is any concurrent.futures.Executor (a process
    pool, Dask's or Ray's); by default a ThreadPoolExecutor with a worker
    per CPU, since each trial is its own process. draw_seed seeds the random
    draws (the config's own seed, for its data and shuffling, is a shared
    setting like any other)."""
    if not space:
        raise ValueError("sweep: want a space of at least one key")
    if trials is not None and (not isinstance(trials, int) or isinstance(trials, bool) or trials < 1):
        raise ValueError("sweep: trials %r: want a whole number ≥ 1" % (trials,))
    if method == "grid":
        points = _grid(space)
    elif method == "random":
        points = _random(space, trials or 20, draw_seed)
    elif method == "halving":
        all_lists = all(isinstance(v, list) for v in space.values())
        points = _grid(space) if trials is None and all_lists else _random(space, trials or 27, draw_seed)
    else:
        raise ValueError("sweep: method %r: want grid, random or halving" % method)
    if method != "halving":
        configs = [merge(base, p) for p in points]
        return Sweep(Trial(p, c, r) for p, c, r in zip(points, configs, _run_all(executor, configs)))
    key, budget = _budget_key(base)
    out = Sweep()
    rnd = 1
    while True:
        length = _round_budget(budget, len(points))
        configs = [merge(base, dict(p, **{key: length})) for p in points]
        trials_now = [Trial(p, c, r, rnd) for p, c, r in zip(points, configs, _run_all(executor, configs))]
        out.extend(trials_now)
        if len(points) <= 1 or length >= budget:
            return out
        keep = -(-len(points) // 3)
        points = [t.params for t in sorted(trials_now, key=lambda t: t.score)[:keep]]
        rnd += 1


def _round_budget(budget, n):
    """The budget of a halving round of n trials, as tune's rungBudget has
    it: the full budget divided by 3 once for each round still to come
    (rounds keep the best ceil(n/3) until one is left), at least 1."""
    rounds = 0
    while n > 1:
        n = -(-n // 3)
        rounds += 1
    return min(budget, max(1, budget // 3 ** rounds))
