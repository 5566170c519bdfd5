"""Result.log_mlflow and Result.log_comet with the clients faked."""

import json
import math
import sys
import types
import unittest
from unittest import mock

import descent


class Recorder:
    """Records every call made on it, by attribute name."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        def call(*args, **kwargs):
            self.calls.append((name, args, kwargs))
            return self
        return call

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.calls.append(("end_run", (), {}))

    info = types.SimpleNamespace(run_id="run-1")


def blocked(name):
    """sys.modules patch under which importing name fails."""
    return mock.patch.dict(sys.modules, {name: None})


class TrackingTest(unittest.TestCase):
    def setUp(self):
        self.r = descent.run(optimizer="adam", lr=0.1, epochs=5)

    def test_missing_clients_say_how_to_install(self):
        with blocked("mlflow"), self.assertRaisesRegex(ImportError, "pip install mlflow"):
            self.r.log_mlflow()
        with blocked("comet_ml"), self.assertRaisesRegex(ImportError, "pip install comet_ml"):
            self.r.log_comet()

    def test_mlflow_calls(self):
        fake = Recorder()
        with mock.patch.dict(sys.modules, {"mlflow": fake}):
            run_id = self.r.log_mlflow(experiment="descent", run_name="adam", tracking_uri="http://127.0.0.1:5000")
        self.assertEqual(run_id, "run-1")
        names = [c[0] for c in fake.calls]
        self.assertEqual(names[:3], ["set_tracking_uri", "set_experiment", "start_run"])
        self.assertEqual(fake.calls[2][2], {"run_name": "adam"})
        params = fake.calls[3]
        self.assertEqual(params[0], "log_params")
        self.assertEqual(params[1][0]["optimizer"], "adam")
        self.assertEqual(params[1][0]["start"], "0,0")
        losses = [(c[2]["step"], c[1][1]) for c in fake.calls if c[0] == "log_metric" and c[1][0] == "loss"]
        self.assertEqual(losses, [(int(s), float(v)) for s, v in zip(self.r.loss_step, self.r.loss)])
        self.assertIn(("log_metric", ("final_loss", self.r.final_loss), {}), fake.calls)
        self.assertIn(("set_tag", ("descent.stop", "finished"), {}), fake.calls)
        text = [c for c in fake.calls if c[0] == "log_text"][0]
        self.assertEqual((json.loads(text[1][0]), text[1][1]), (self.r.raw, "descent_result.json"))
        self.assertEqual(names[-1], "end_run")

    def test_list_params_keep_every_digit(self):
        # descent run --mlflow-uri logs the start as JSON numbers joined by
        # commas; %g kept six digits (0.123457).
        r = descent.run(start=[0.123456789, -2.5e-7], epochs=2)
        self.assertEqual(descent.tracking.flat_params(r.config)["start"], "0.123456789,-2.5e-07")

    def test_mlflow_skips_non_finite_losses(self):
        r = descent.run(lr=10, epochs=200)
        fake = Recorder()
        with mock.patch.dict(sys.modules, {"mlflow": fake}):
            r.log_mlflow()
        for c in fake.calls:
            if c[0] == "log_metric":
                self.assertTrue(math.isfinite(c[1][1]))

    def test_comet_calls(self):
        exp = Recorder()
        made = []
        fake = types.SimpleNamespace(Experiment=lambda **kw: made.append(kw) or exp)
        with mock.patch.dict(sys.modules, {"comet_ml": fake}):
            got = self.r.log_comet(project_name="descent", experiment_name="adam", api_key="k")
        self.assertIs(got, exp)
        self.assertEqual(made, [{"project_name": "descent", "api_key": "k"}])
        names = [c[0] for c in exp.calls]
        self.assertEqual(names[:2], ["set_name", "log_parameters"])
        self.assertEqual(names.count("log_metric"), len(self.r.loss) + 1)
        self.assertIn(("log_other", ("descent.stop", "finished"), {}), exp.calls)
        self.assertEqual(names[-1], "end")


if __name__ == "__main__":
    unittest.main()
