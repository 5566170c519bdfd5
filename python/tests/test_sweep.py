"""descent.compare and descent.sweep."""

import csv
import io
import subprocess
from concurrent.futures import Executor, Future
import math
import threading
import unittest

import descent
from descent import _cli
from descent import tuning as sweep_module


class CountingExecutor(Executor):
    """Runs each call at once in the caller's thread and counts the calls:
    what a Dask or Ray executor sees of a sweep."""

    def __init__(self):
        self.calls = []
        self.lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs):
        with self.lock:
            self.calls.append(args)
        f = Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except BaseException as e:  # handed back through the future
            f.set_exception(e)
        return f


class CompareTest(unittest.TestCase):
    def test_race_on_one_figure(self):
        cmp = descent.compare([{"optimizer": "sgd", "lr": 0.01}, {"optimizer": "adam", "lr": 0.1}],
                              epochs=100, plot=False)
        self.assertEqual(cmp.labels, ["lr=0.01 optimizer=sgd", "lr=0.1 optimizer=adam"])
        self.assertEqual([r.config["optimizer"] for r in cmp], ["sgd", "adam"])
        self.assertEqual([r.raw for r in cmp], [descent.run(optimizer="sgd", lr=0.01, epochs=100).raw,
                                                descent.run(optimizer="adam", lr=0.1, epochs=100).raw])
        fig = cmp.plot()
        self.assertEqual(len(fig.axes), 2)  # loss curves and the shared surface
        self.assertEqual(len(fig.axes[0].get_lines()), 2)
        self.assertEqual(len(cmp.to_frame()), 2)

    def test_shared_settings_named_like_options(self):
        # "surface" and "seed" are config keys, not compare's or sweep's options.
        cmp = descent.compare([{"optimizer": "sgd", "lr": 0.001}], model="surface", surface="rosenbrock", steps=5, plot=False)
        self.assertEqual(cmp[0].config["surface"], "rosenbrock")
        s = descent.sweep({"lr": [0.01]}, data="linear", seed=3, epochs=2)
        self.assertEqual(s[0].config["seed"], 3)
        self.assertEqual(s[0].result.raw, descent.run(data="linear", seed=3, epochs=2, lr=0.01).raw)

    def test_no_shared_surface_one_axes(self):
        cmp = descent.compare([{"data": "linear", "features": 2}, {"data": "classic"}], epochs=5, plot=False)
        self.assertEqual(len(cmp.plot().axes), 1)
        two = descent.compare([{"surface": "rosenbrock"}, {"surface": "himmelblau"}], model="surface", steps=5, plot=False)
        self.assertEqual(len(two.plot().axes), 1)
        self.assertEqual(len(descent.run(epochs=5).plot(show_surface=False).axes), 1)


class SweepTest(unittest.TestCase):
    def test_grid_through_any_executor(self):
        ex = CountingExecutor()
        s = descent.sweep({"lr": [0.001, 0.01, 0.1], "optimizer": ["sgd", "adam"]}, executor=ex, epochs=50)
        self.assertEqual(len(s), 6)
        self.assertEqual(len(ex.calls), 6)  # every trial went through the executor
        self.assertEqual({(t.params["lr"], t.params["optimizer"]) for t in s},
                         {(lr, o) for lr in (0.001, 0.01, 0.1) for o in ("sgd", "adam")})
        self.assertEqual(s.best.score, min(t.score for t in s))
        self.assertEqual(s.best.score, descent.run(s.best.config).final_loss)
        self.assertEqual(len(s.to_frame()), 6)
        self.assertEqual(len(s.plot().axes), 2)

    def test_diverged_trials_rank_last(self):
        s = descent.sweep({"lr": [0.01, 10]}, epochs=50)
        self.assertEqual(s[1].result.stop, "diverged")
        self.assertEqual(s[1].score, math.inf)
        self.assertEqual(s.best.params["lr"], 0.01)

    def test_random_is_seeded_and_in_range(self):
        space = {"lr": (1e-3, 1e-1, "log"), "momentum": (0.0, 0.9), "optimizer": ["sgd"]}
        a = descent.sweep(space, method="random", trials=5, draw_seed=7, epochs=10)
        b = descent.sweep(space, method="random", trials=5, draw_seed=7, epochs=10)
        self.assertEqual([t.params for t in a], [t.params for t in b])
        for t in a:
            self.assertTrue(1e-3 <= t.params["lr"] <= 1e-1 and 0 <= t.params["momentum"] <= 0.9)

    def test_halving_keeps_a_third_and_triples_the_budget(self):
        ex = CountingExecutor()
        s = descent.sweep({"lr": (1e-4, 1.0, "log")}, method="halving", trials=27, executor=ex,
                          model="surface", surface="rosenbrock", optimizer="adam", steps=270)
        per_round = [[t for t in s if t.round == k] for k in (1, 2, 3, 4)]
        self.assertEqual([len(r) for r in per_round], [27, 9, 3, 1])
        self.assertEqual([r[0].config["steps"] for r in per_round], [10, 30, 90, 270])
        self.assertEqual(len(ex.calls), 40)
        for prev, cur in zip(per_round, per_round[1:]):
            best = sorted(prev, key=lambda t: t.score)[:len(cur)]
            self.assertEqual(sorted(t.params["lr"] for t in best), sorted(t.params["lr"] for t in cur))
        self.assertIs(s.best, per_round[3][0])

    def test_halving_rounds_are_descent_sweeps(self):
        # The rounds and budgets of 10 trials (sizes 10, 4, 2, 1: a third
        # rounded up) as descent sweep plans them, and of 5 over a short
        # budget (the full budget is reached before one trial is left).
        for trials, steps in ((10, 90), (5, 6)):
            out = subprocess.run([_cli.binary(), "sweep", "--param", "lr=1e-3:0.1", "--method", "halving",
                                  "--trials", str(trials), "--model", "surface", "--steps", str(steps), "--format", "csv"],
                                 check=True, capture_output=True, text=True).stdout
            rows = list(csv.DictReader(io.StringIO(out)))
            want = sorted({(int(r["rung"]) + 1, int(r["budget"])) for r in rows})
            want = [(k, b, sum(1 for r in rows if int(r["rung"]) + 1 == k)) for k, b in want]
            s = descent.sweep({"lr": (1e-3, 0.1, "log")}, method="halving", trials=trials, executor=CountingExecutor(),
                              model="surface", steps=steps)
            got = sorted({(t.round, t.config["steps"]) for t in s})
            got = [(k, b, sum(1 for t in s if t.round == k)) for k, b in got]
            self.assertEqual(got, want, "rounds (round, steps, trials) of %d trials over %d steps" % (trials, steps))

    def test_bad_spaces(self):
        for space, method, want in [
            ({"lr": (0.1, 1.0)}, "grid", "a grid wants a list"),
            ({"lr": (1.0, 0.1)}, "random", "lo < hi"),
            ({"lr": (0.0, 1.0, "log")}, "random", "lo > 0"),
            ({"lr": [0.1]}, "bayes", "grid, random or halving"),
            ({}, "grid", "at least one key"),
            ({"lr": []}, "grid", "lr: an empty list"),
            ({"lr": []}, "random", "lr: an empty list"),
        ]:
            with self.assertRaisesRegex(ValueError, want):
                descent.sweep(space, method=method)

    def test_bad_trials(self):
        # 0 is not "the default", and a negative count is not an empty sweep.
        for trials in (0, -3, 2.5, "9", True):
            for method in ("random", "halving"):
                with self.assertRaisesRegex(ValueError, "trials %r: want a whole number ≥ 1" % (trials,)):
                    descent.sweep({"lr": (0.01, 0.1)}, method=method, trials=trials)

    def test_budget_key(self):
        self.assertEqual(sweep_module._budget_key({"model": "surface"}), ("steps", 500))
        self.assertEqual(sweep_module._budget_key({"epochs": 30}), ("epochs", 30))


if __name__ == "__main__":
    unittest.main()
