"""Finding the descent binary and calling it."""

import json
import os
import subprocess
import sys
import tempfile

_EXE = "descent.exe" if sys.platform == "win32" else "descent"


class DescentError(Exception):
    """Bad input, as the command line reports it: its one-line message
    (for instance ``descent run: --lr "x": want a number``)."""


def binary():
    """Returns the path of the descent binary: $DESCENT_BIN when set (for
    development: ``go build -tags nogui -o bin/descent ./cmd/native``), else
    the one inside the package's wheel."""
    env = os.environ.get("DESCENT_BIN")
    if env:
        return env
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", _EXE)
    if not os.path.exists(path):
        raise DescentError(
            "this copy of the descent package has no binary (install a platform wheel, "
            "or set DESCENT_BIN to a descent built with: go build -tags nogui ./cmd/native)"
        )
    return path


def compact(config):
    """Returns config as compact JSON, keys sorted, as the CLI reads it;
    numpy scalars and arrays are written as the numbers they hold. A value
    JSON cannot hold (NaN, an object) raises DescentError."""
    try:
        return json.dumps(config, separators=(",", ":"), sort_keys=True, allow_nan=False, default=_plain)
    except ValueError as e:
        raise DescentError("config: %s (give finite numbers)" % e) from None
    except TypeError as e:
        raise DescentError("config: %s" % e) from None


def _plain(value):
    """The plain Python value of a numpy scalar or array (their tolist);
    anything else is not JSON."""
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


def call(command, config, args=(), ok=(0,)):
    """Runs ``descent COMMAND --config FILE ARGS...`` with config written to
    a temporary JSON file and returns (exit status, stdout). An exit status
    outside ok raises DescentError with the command's message."""
    text = compact(config)
    fd, path = tempfile.mkstemp(prefix="descent-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        proc = subprocess.run(
            [binary(), command, "--config", path, *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        )
    finally:
        os.unlink(path)
    # The message names the temporary file; the user gave no file.
    err = proc.stderr.decode("utf-8", "replace").strip().replace(" --config %s:" % path, "")
    if proc.returncode not in ok:
        raise DescentError(err or "descent %s: exit status %d" % (command, proc.returncode))
    return proc.returncode, proc.stdout.decode("utf-8")

