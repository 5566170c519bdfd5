"""descent.show: the page's address, its server and the notebook display."""

import json
import sys
import types
import unittest
from unittest import mock
from urllib.parse import unquote, urlsplit
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import descent
from descent import playground as show_module


def get(url, method="GET"):
    try:
        with urlopen(Request(url, method=method), timeout=10) as resp:
            return resp.status, resp.headers, resp.read()
    except HTTPError as e:
        return e.code, e.headers, b""


class ShowTest(unittest.TestCase):
    config = {"optimizer": "adam", "lr": 0.1, "model": "surface", "surface": "rosenbrock", "start": [-1.5, 2]}

    def test_url_carries_the_config(self):
        url = descent.playground_url(self.config, steps=None)
        parts = urlsplit(url)
        self.assertEqual((parts.scheme, parts.hostname, parts.path), ("http", "127.0.0.1", "/index.html"))
        self.assertTrue(parts.fragment.startswith("config="))
        self.assertNotIn("{", parts.fragment)  # URL-encoded
        self.assertEqual(json.loads(unquote(parts.fragment[len("config="):])), self.config)
        self.assertNotIn(" ", unquote(parts.fragment))  # compact

    def test_bad_config_raises_descent_error(self):
        # as descent.run does; playground_url raised json's own ValueError.
        with self.assertRaisesRegex(descent.DescentError, "finite"):
            descent.playground_url(lr=float("nan"))
        with self.assertRaisesRegex(descent.DescentError, "not JSON serializable"):
            descent.playground_url(lr=object())

    def test_server_serves_the_page_with_the_security_headers(self):
        base = "http://127.0.0.1:%d/" % show_module.server().server_address[1]
        for name, ctype in [("index.html", "text/html"), ("descent.wasm", "application/wasm"),
                            ("wasm_exec.js", "text/javascript"), ("panel.js", "text/javascript")]:
            status, headers, body = get(base + name)
            self.assertEqual(status, 200, name)
            self.assertTrue(headers["Content-Type"].startswith(ctype), (name, headers["Content-Type"]))
            self.assertGreater(len(body), 0)
        for name in ["index.html", "missing.js", ""]:
            _, headers, _ = get(base + name)
            self.assertIn("script-src 'self' 'wasm-unsafe-eval'", headers["Content-Security-Policy"], name)
            self.assertIn("frame-ancestors 'self' http://localhost:*", headers["Content-Security-Policy"])
            self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
            self.assertEqual(headers["Referrer-Policy"], "no-referrer")
        self.assertEqual(get(base)[2], get(base + "index.html")[2])  # the folder is its index.html
        self.assertEqual(get(base + "../setup.py")[0], 404)
        self.assertEqual(get(base + "index.html", "POST")[0], 501)
        self.assertIs(show_module.server(), show_module.server())  # one server per kernel

    def test_show_in_jupyter_is_an_iframe(self):
        shown = []
        with mock.patch("IPython.display.display", side_effect=shown.append):
            url = descent.show(self.config, height=500)
        self.assertEqual(len(shown), 1)
        self.assertEqual(shown[0].src, url)
        self.assertEqual(shown[0].height, 500)
        self.assertEqual(url, descent.playground_url(self.config))

    def test_show_in_colab_serves_the_kernel_port(self):
        calls = []
        output = types.SimpleNamespace(serve_kernel_port_as_iframe=lambda *a, **k: calls.append((a, k)))
        colab = types.ModuleType("google.colab")
        colab.output = output
        google = types.ModuleType("google")
        google.colab = colab
        with mock.patch.dict(sys.modules, {"google": google, "google.colab": colab}), \
                mock.patch("IPython.display.display", side_effect=AssertionError("no IFrame in Colab")):
            descent.show(self.config, height=420)
        port = show_module.server().server_address[1]
        self.assertEqual(calls, [((port,), {"path": "/index.html#" + show_module.fragment(self.config), "height": 420})])


if __name__ == "__main__":
    unittest.main()
