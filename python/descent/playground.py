"""The interactive playground in a notebook, served from the kernel.

The package carries the built page (descent.wasm, wasm_exec.js, index.html
and its scripts and style). show() serves that folder from a thread of the
kernel on 127.0.0.1, with the security headers of cmd/serve, and embeds
``index.html#config=<the Config as compact JSON, URL-encoded>``: in Colab
through google.colab.output (Colab's proxy of a kernel port), elsewhere as
an IFrame of the localhost address. No hosting and no internet are needed.
"""

import functools
import http.server
import os
import threading
from urllib.parse import quote

from . import _cli
from .result import merge

#: The pages allowed to frame the playground: the notebook's own servers on
#: this machine, VS Code's notebooks and Colab. cmd/serve allows 'self'
#: only; a notebook is another origin.
FRAME_ANCESTORS = ("'self' http://localhost:* http://127.0.0.1:* https://localhost:* https://127.0.0.1:* "
                   "vscode-webview: https://colab.research.google.com https://*.googleusercontent.com")

#: cmd/serve's Content-Security-Policy (contentPolicy), with FRAME_ANCESTORS.
CONTENT_POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
                  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors "
                  + FRAME_ANCESTORS)

_server = None
_lock = threading.Lock()


def web_dir():
    """The folder of the built page: $DESCENT_WEB when set (for
    development: the repository's web/ after make web), else the copy in
    the package."""
    path = os.environ.get("DESCENT_WEB") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "web")
    if not os.path.exists(os.path.join(path, "descent.wasm")):
        raise _cli.DescentError("no built page in %s (install a platform wheel, or make web and set DESCENT_WEB)" % path)
    return path


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the page's files (index.html for the folder) with cmd/serve's
    security headers, without logging to the notebook."""

    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map,
                          **{".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"})

    def end_headers(self):
        self.send_header("Content-Security-Policy", CONTENT_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, *args):
        pass


def server():
    """Starts the page's server once per process, on 127.0.0.1 and a free
    port, and returns it (its port is server().server_address[1])."""
    global _server
    with _lock:
        if _server is None:
            handler = functools.partial(_Handler, directory=web_dir())
            srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            srv.daemon_threads = True
            threading.Thread(target=srv.serve_forever, name="descent-page", daemon=True).start()
            _server = srv
        return _server


def fragment(config):
    """The page's address fragment for config: config= and the Config as
    compact JSON, keys sorted, URL-encoded."""
    return "config=" + quote(_cli.compact(config), safe="")


def playground_url(config=None, /, **keys):
    """Starts the server when needed and returns the playground's localhost
    address in the state config describes (the CLI's JSON keys, as run
    takes them)."""
    port = server().server_address[1]
    return "http://127.0.0.1:%d/index.html#%s" % (port, fragment(merge(config, keys)))


def show(config=None, /, height=640, **keys):
    """Displays the interactive playground in the notebook, opened in the
    state config describes (the CLI's JSON keys, as run takes them), height
    pixels tall. Returns the playground's localhost address."""
    cfg = merge(config, keys)
    url = playground_url(cfg)
    try:
        from google.colab import output  # Colab: its proxy of a kernel port
    except ImportError:
        output = None
    if output is not None:
        output.serve_kernel_port_as_iframe(server().server_address[1], path="/index.html#" + fragment(cfg), height=height)
        return url
    from IPython.display import IFrame, display
    display(IFrame(url, width="100%", height=height))
    return url
