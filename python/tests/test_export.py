"""Result.to_notebook and Result.to_torch against descent run --export."""

import json
import os
import subprocess
import tempfile
import unittest

import descent


def has_export():
    """Whether this descent has run --export (the export helper's flag)."""
    out = subprocess.run([descent.binary(), "run", "-h"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return b"-export" in out.stdout


@unittest.skipUnless(has_export(), "this descent has no run --export")
class ExportCodeTest(unittest.TestCase):
    def test_notebook_and_script_are_the_cli_exports(self):
        r = descent.run(optimizer="adam", lr=0.05, model="surface", surface="rosenbrock", steps=50)
        nb = r.to_notebook()
        self.assertEqual(json.loads(nb)["nbformat"], 4)
        script = r.to_torch()
        self.assertIn("torch.optim.Adam", script)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(r.config, f)
        try:
            cli = subprocess.run([descent.binary(), "run", "--config", f.name, "--export", "torch"],
                                 stdout=subprocess.PIPE, check=True)
        finally:
            os.unlink(f.name)
        self.assertEqual(script, cli.stdout.decode())


if __name__ == "__main__":
    unittest.main()
