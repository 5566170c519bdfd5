"""Figures of runs with matplotlib: loss curves, and paths over the loss
surface of a two-parameter model."""

import math

from . import _optional


def bounds(path, pad=0.15, least=1.0):
    """Returns ((xlo, xhi), (ylo, yhi)): the finite points of an n×2 path
    with pad of its span on each side, each span at least least."""
    out = []
    for k in range(2):
        vals = [float(p[k]) for p in path if math.isfinite(float(p[k])) and abs(float(p[k])) < 1e6]
        lo, hi = (min(vals), max(vals)) if vals else (-1.0, 1.0)
        span = max(hi - lo, least)
        mid = (lo + hi) / 2
        out.append((mid - span * (0.5 + pad), mid + span * (0.5 + pad)))
    return out[0], out[1]


def _same_surface(results):
    """True when every result is a two-parameter run of one model on one
    data set or surface, so that their paths share a loss surface."""
    keys = ("model", "surface", "data", "n", "features", "slope", "intercept", "noise", "seed", "l1", "l2", "target")
    first = results[0].config
    return all(len(r.param_names) == 2 for r in results) and all(
        all(r.config.get(k) == first.get(k) for k in keys) for r in results)


def plot_results(results, labels, ax=None, show_surface=True):
    """Draws the results' loss curves on one axes, and when they share a
    two-parameter loss surface their paths over its contours on a second.
    ax, when given, is the loss curve's axes (no surface then). Returns the
    Figure."""
    plt = _optional.need("matplotlib.pyplot", "plot")
    np = _optional.need("numpy", "plot")
    with_surface = show_surface and ax is None and _same_surface(results)
    if ax is None:
        fig, axes = plt.subplots(1, 2 if with_surface else 1, figsize=(11 if with_surface else 6, 4.2), squeeze=False)
        ax = axes[0][0]
    else:
        fig = ax.figure
    for r, label in zip(results, labels):
        steps, loss = np.asarray(r.loss_step), np.asarray(r.loss, dtype=float)
        ok = np.isfinite(loss)
        ax.plot(steps[ok], loss[ok], label=label + ("" if r.finished else " (%s)" % r.stop))
    finite = [float(v) for r in results for v in r.loss if math.isfinite(v)]
    if finite and min(finite) > 0 and max(finite) / min(finite) > 100:
        ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    ax.set_title("loss")
    if len(results) > 1 or labels[0]:
        ax.legend(fontsize="small")
    if with_surface:
        _draw_surface(axes[0][1], results, labels, np)
    fig.tight_layout()
    return fig


def _draw_surface(ax, results, labels, np):
    """Draws the shared loss surface's contours (log-spaced levels) around
    the finished runs' paths and each path over it, from the start (a
    circle) to the end (a cross)."""
    # The view is the finished runs' paths: a diverged one leaves through
    # the edge rather than shrinking the others to a dot.
    framed = [r for r in results if r.finished] or results
    every = np.concatenate([np.asarray(r.path, dtype=float) for r in framed])
    x, y = bounds(every)
    gx, gy, loss = results[0].surface(x=x, y=y)
    loss = np.asarray(loss, dtype=float)
    finite = loss[np.isfinite(loss)]
    if finite.size:
        lo = finite.min()
        shifted = np.log10(np.where(np.isfinite(loss), loss - lo, np.nan) + 1e-3 * (np.ptp(finite) or 1))
        ax.contourf(gx, gy, shifted, levels=20, cmap="viridis", alpha=0.85)
        ax.contour(gx, gy, shifted, levels=20, colors="k", linewidths=0.3, alpha=0.4)
    for r, label in zip(results, labels):
        p = np.asarray(r.path, dtype=float)
        line, = ax.plot(p[:, 0], p[:, 1], ".-", markersize=2, linewidth=1, label=label)
        ax.plot(p[0, 0], p[0, 1], "o", color=line.get_color())
        ax.plot(p[-1, 0], p[-1, 1], "x", color=line.get_color())
    ax.set_xlim(*x)
    ax.set_ylim(*y)
    names = results[0].param_names
    ax.set_xlabel(names[0])
    ax.set_ylabel(names[1])
    ax.set_title("path over the loss surface")
