"""The optional libraries, imported when first needed."""

import importlib


def need(module, what):
    """Imports module or raises ImportError saying that what needs it and
    how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        name = module.split(".")[0]
        raise ImportError(
            "%s needs %s, which is not installed: pip install %s" % (what, name, name)
        ) from None


def numpy_or_none():
    """Returns numpy, or None when it is not installed."""
    try:
        return importlib.import_module("numpy")
    except ImportError:
        return None


def floats(values):
    """Returns values as floats with None (JSON's null for a non-finite
    number) as NaN: a numpy array when numpy is installed, else a list."""
    out = [float("nan") if v is None else float(v) for v in values]
    np = numpy_or_none()
    return np.asarray(out, dtype=float) if np is not None else out


def ints(values):
    """Returns values as an integer numpy array, or a list without numpy."""
    np = numpy_or_none()
    return np.asarray(values, dtype=np.int64) if np is not None else list(values)


def matrix(rows, dim):
    """Returns rows of floats (nulls as NaN) as an n×dim numpy array, or a
    list of lists without numpy."""
    out = [[float("nan") if v is None else float(v) for v in row] for row in rows]
    np = numpy_or_none()
    if np is None:
        return out
    return np.asarray(out, dtype=float).reshape(len(out), dim)
