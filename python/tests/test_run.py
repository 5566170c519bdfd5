"""descent.run and Result against the command line they wrap."""

import json
import math
import os
import subprocess
import tempfile
import unittest

import numpy as np

import descent
from descent.result import Result


def cli_json(*args):
    """descent run --format json with args, parsed: the reference."""
    out = subprocess.run([descent.binary(), "run", "--format", "json", *args], stdout=subprocess.PIPE)
    return json.loads(out.stdout)


class RunTest(unittest.TestCase):
    def test_classic_example_matches_cli(self):
        # The command line's classic example prints "slope: 0.71, intercept: 1.85".
        r = descent.run()
        ref = cli_json()
        self.assertEqual(r.raw, ref)
        self.assertEqual(r.param_names, ["slope", "intercept"])
        self.assertEqual(round(float(r.final[0]), 2), 0.71)
        self.assertEqual(round(float(r.final[1]), 2), 1.85)
        self.assertEqual(r.path.shape, (1001, 2))
        self.assertTrue(np.isnan(r.batch_loss[0]))
        self.assertEqual(r.batch_loss[1], ref["path"][1]["batch_loss"])
        self.assertEqual(list(r.loss_step), [p["step"] for p in ref["loss"]])
        self.assertEqual(r.loss[0], 18.0)  # mean of y² on the classic data at (0, 0)
        self.assertEqual(r.stop, "finished")
        self.assertEqual(r.counts["gradient_passes"], 1000)

    def test_keys_are_the_cli_json_keys(self):
        r = descent.run({"optimizer": "sgd", "lr": 0.5}, model="surface", surface="rosenbrock",
                        optimizer="adam", lr=0.05, steps=20, momentum=None)
        ref = cli_json("--model", "surface", "--surface", "rosenbrock", "--optimizer", "adam", "--lr", "0.05", "--steps", "20")
        self.assertEqual(r.raw, ref)
        self.assertEqual(r.config["optimizer"], "adam")
        self.assertEqual(r.path.shape, (21, 2))

    def test_diverged_run_is_a_result(self):
        r = descent.run(lr=10, epochs=50)
        self.assertEqual(r.stop, "diverged")
        self.assertFalse(r.finished)
        self.assertIn("diverged", repr(r))

    def test_nulls_are_nan(self):
        raw = cli_json("--epochs", "2")
        raw["path"][1]["params"][0] = None
        raw["path"][1]["loss"] = None
        raw["loss"][1]["loss"] = None
        raw["final"][1] = None
        r = Result(raw)
        self.assertTrue(math.isnan(r.path[1, 0]))
        self.assertTrue(math.isnan(r.path_loss[1]))
        self.assertTrue(math.isnan(r.loss[1]))
        self.assertTrue(math.isnan(r.final[1]))
        self.assertTrue(math.isnan(r.final_loss) or r.final_loss == raw["loss"][-1]["loss"])
        self.assertEqual(r.loss.dtype, np.float64)

    def test_other_schema_is_refused(self):
        raw = cli_json("--epochs", "1")
        raw["schema"] = "descent.run/v0"
        with self.assertRaisesRegex(descent.DescentError, "schema"):
            Result(raw)


class ErrorTest(unittest.TestCase):
    def test_cli_message_becomes_the_exception(self):
        for keys, want in [
            ({"lr": "x"}, 'lr = "x": want a number'),
            ({"lerning_rate": 0.1}, "unknown"),
            ({"variant": "minibatch", "batch_size": 0}, "batch_size"),
            ({"model": "surface", "surface": "nowhere"}, "nowhere"),
        ]:
            with self.assertRaises(descent.DescentError) as cm:
                descent.run(**keys)
            msg = str(cm.exception)
            self.assertIn(want, msg, keys)
            self.assertTrue(msg.startswith("descent run: "), msg)
            self.assertNotIn("\n", msg)
            self.assertNotIn(tempfile.gettempdir() + os.sep + "descent-", msg)

    def test_numpy_numbers_in_a_config(self):
        # np.int64 (from np.arange) was "not JSON serializable".
        r = descent.run(epochs=np.int64(3), start=np.array([0.5, -1.0]), lr=np.float32(0.01))
        self.assertEqual(r.raw, descent.run(epochs=3, start=[0.5, -1.0], lr=float(np.float32(0.01))).raw)
        s = descent.sweep({"epochs": list(np.arange(1, 3))}, lr=0.01)
        self.assertEqual([t.result.steps for t in s], [1, 2])

    def test_non_finite_config_is_refused_before_the_cli(self):
        with self.assertRaisesRegex(descent.DescentError, "finite"):
            descent.run(lr=float("nan"))


class ExportTest(unittest.TestCase):
    def setUp(self):
        self.r = descent.run(epochs=3)

    def test_to_json_is_the_cli_output(self):
        self.assertEqual(json.loads(self.r.to_json()), cli_json("--epochs", "3"))
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "r.json")
            self.assertIsNone(self.r.to_json(path))
            with open(path) as f:
                self.assertEqual(json.load(f), self.r.raw)

    def test_to_csv_and_frame(self):
        lines = self.r.to_csv().splitlines()
        self.assertEqual(lines[0], "step,epoch,lr,batch_loss,loss,slope,intercept")
        self.assertEqual(len(lines), 5)
        self.assertEqual(lines[1].split(",")[3], "")  # no batch at the start
        df = self.r.to_frame()
        self.assertEqual(list(df.columns), lines[0].split(","))
        self.assertEqual(len(df), 4)
        self.assertEqual(df["slope"].iloc[-1], self.r.final[0])

    def test_surface_ranges_of_any_float_type(self):
        class Odd(float):
            """A float whose repr is not a number, as numpy 2 writes np.float64(-1.0)."""

            def __repr__(self):
                return "Odd(%s)" % float.__repr__(self)

        x, y, loss = self.r.surface(n=3, x=(Odd(-1), Odd(1)), y=(np.float64(-1), np.int64(1)))
        self.assertEqual(list(x), [-1.0, 0.0, 1.0])
        self.assertEqual(loss[1][1], 18.0)

    def test_surface_of_two_parameters(self):
        x, y, loss = self.r.surface(n=3, x=(-1.0, 1.0), y=(-1.0, 1.0))
        self.assertEqual(list(x), [-1.0, 0.0, 1.0])
        self.assertEqual(loss[1][1], 18.0)  # (0, 0): the run's first loss
        r3 = descent.run(data="linear", features=2, epochs=1)
        with self.assertRaisesRegex(descent.DescentError, "3 parameters"):
            r3.surface()


if __name__ == "__main__":
    unittest.main()
