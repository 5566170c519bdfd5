#!/usr/bin/python3
"""Peers for `make bench-peers`: Descent's heavy loops beside numpy and PyTorch.

One command measures both sides on the same machine, one after the other:

1. ours: ``go test -run '^$' -bench 'BatchGrad|Epoch' -benchtime 20x -count 3
   ./compute`` from the repository root (extra arguments to this script, e.g.
   ``-overlay file.json``, go to ``go test`` before the package), median of
   the counts;
2. the same work in numpy, and in PyTorch (CPU, float64, one thread per core)
   when ``import torch`` works: the full-batch gradients of linear regression
   (N = 1e6, 1e7) and of two-feature logistic regression (N = 1e6), the
   shuffle of an SGD epoch and a mini-batch (B = 32) epoch.

It prints a Markdown table, work | Descent (Go) | numpy | torch | ratio
Go/numpy (below 1: Go is faster), then notes.

Usage: /usr/bin/python3 scripts/bench_peers.py [go test flags...]

The environment may set OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (some machines
need them for old OpenBLAS builds). They can slow numpy; the machine's README
suggests unsetting both, in the benchmark command alone, for a benchmark run.
This script leaves them as they are.
"""

import os
import re
import shlex
import statistics
import subprocess
import sys
import time

import numpy as np

try:
    import torch
except (ImportError, OSError):  # torch is optional: its column then reads "—"
    torch = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORES = len(os.sched_getaffinity(0))
LR = 1e-4  # SGD learning rate, as in compute/bench_test.go
BATCH = 32


def run_go(extra):
    """Run the Go benchmarks (output to stderr); return {name: median ns/op}."""
    cmd = ["go", "test", "-run", "^$", "-bench", "BatchGrad|Epoch",
           "-benchtime", "20x", "-count", "3", *extra, "./compute"]
    print("$", shlex.join(cmd), file=sys.stderr, flush=True)
    out = subprocess.run(cmd, cwd=ROOT, check=True, text=True,
                         stdout=subprocess.PIPE).stdout
    sys.stderr.write(out)
    runs = {}
    for m in re.finditer(r"^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", out, re.M):
        runs.setdefault(m.group(1), []).append(float(m.group(2)))
    return {name: statistics.median(v) for name, v in runs.items()}


def timeit(f, repeats):
    """Call f once to warm up, then repeats times; return the median seconds."""
    f()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def fastest(variants, repeats):
    """Time each (label, f) of variants; return (seconds, label) of the fastest,
    and the list of all (label, seconds)."""
    timed = [(label, timeit(f, repeats)) for label, f in variants]
    label, secs = min(timed, key=lambda t: t[1])
    return (secs, label), timed


def linear_data(n, xp):
    """One-feature linear data like compute.LinearData: x uniform on [0, 10),
    y = 1 + 2x + N(0, 1); as numpy or torch float64 arrays (xp)."""
    rng = np.random.default_rng(1)
    x = 10 * rng.random(n)
    y = 1 + 2 * x + rng.standard_normal(n)
    return (x, y) if xp is np else (torch.from_numpy(x), torch.from_numpy(y))


def blobs_data(n, xp):
    """Two-feature blobs like compute.BlobsData (separation 3, spread 1,
    labels alternating 0, 1): columns x1, x2 and labels y."""
    rng = np.random.default_rng(1)
    y = (np.arange(n) % 2).astype(np.float64)
    c = (2 * y - 1) * 1.5 / np.sqrt(2)
    x1 = c + rng.standard_normal(n)
    x2 = c + rng.standard_normal(n)
    if xp is np:
        return x1, x2, y
    return torch.from_numpy(x1), torch.from_numpy(x2), torch.from_numpy(y)


def numpy_linear(n):
    """Variants of the MSE gradient (gw, gb) at (w, b) = (0.5, 0.25) in numpy.
    Every variant reads all the data on every call; buffers are allocated
    once, as Go's are."""
    x, y = linear_data(n, np)
    w, b = 0.5, 0.25
    buf = np.empty(n)

    def residual_dot():
        r = np.multiply(x, w, out=buf)
        r += b
        r -= y
        return 2 * np.dot(r, x) / n, 2 * r.sum() / n

    def residual_einsum():
        r = np.multiply(x, w, out=buf)
        r += b
        r -= y
        return 2 * np.einsum("i,i->", r, x) / n, 2 * r.sum() / n

    def moments():
        # Σr·x and Σr from the four sums Σx², Σx, Σxy, Σy: no residual array.
        sxx, sxy = np.einsum("i,i->", x, x), np.einsum("i,i->", x, y)
        sx, sy = x.sum(), y.sum()
        return 2 * (w * sxx + b * sx - sxy) / n, 2 * (w * sx + b * n - sy) / n

    return [("residual, np.dot", residual_dot),
            ("residual, einsum", residual_einsum),
            ("moments Σx², Σx, Σxy, Σy", moments)]


def torch_linear(n):
    """The numpy_linear variants in PyTorch."""
    x, y = linear_data(n, torch)
    w, b = 0.5, 0.25
    buf = torch.empty(n, dtype=torch.float64)

    def residual():
        r = torch.mul(x, w, out=buf).add_(b).sub_(y)
        return 2 * torch.dot(r, x).item() / n, 2 * r.sum().item() / n

    def moments():
        sxx, sxy = torch.dot(x, x).item(), torch.dot(x, y).item()
        sx, sy = x.sum().item(), y.sum().item()
        return 2 * (w * sxx + b * sx - sxy) / n, 2 * (w * sx + b * n - sy) / n

    return [("residual", residual), ("moments", moments)]


def numpy_logistic(n):
    """Variants of the cross-entropy gradient of logistic regression at
    (w1, w2, b) = (0.5, -0.25, 0.1) in numpy, p = 1/(1 + exp(-z))."""
    x1, x2, y = blobs_data(n, np)
    X = np.stack([x1, x2], axis=1)
    wv, b = np.array([0.5, -0.25]), 0.1
    z, t = np.empty(n), np.empty(n)

    def columns():
        e = np.multiply(x1, wv[0], out=z)
        e += np.multiply(x2, wv[1], out=t)
        e += b
        np.negative(e, out=e)
        np.exp(e, out=e)
        e += 1
        p = np.reciprocal(e, out=e)
        p -= y
        return (np.einsum("i,i->", p, x1) / n, np.einsum("i,i->", p, x2) / n,
                p.sum() / n)

    def matrix():
        p = 1 / (1 + np.exp(-(X @ wv + b)))
        r = p - y
        return (*(X.T @ r / n), r.sum() / n)

    return [("columns, in place", columns), ("X @ w, X.T @ r", matrix)]


def torch_logistic(n):
    """The logistic gradient in PyTorch, column-wise with torch.sigmoid."""
    x1, x2, y = blobs_data(n, torch)
    w1, w2, b = 0.5, -0.25, 0.1
    z = torch.empty(n, dtype=torch.float64)

    def columns():
        p = torch.mul(x1, w1, out=z).add_(x2, alpha=w2).add_(b).sigmoid_().sub_(y)
        return (torch.dot(p, x1).item() / n, torch.dot(p, x2).item() / n,
                p.sum().item() / n)

    return [("columns, sigmoid_", columns)]


def numpy_shuffle(n):
    """An epoch's shuffle in numpy: a permutation and the gathered x, y."""
    x, y = linear_data(n, np)
    rng = np.random.default_rng(2)

    def shuffle():
        perm = rng.permutation(n)
        return x[perm], y[perm]

    return [("permutation + gather", shuffle)]


def torch_shuffle(n):
    """An epoch's shuffle in PyTorch: randperm and the gathered x, y."""
    x, y = linear_data(n, torch)

    def shuffle():
        perm = torch.randperm(n)
        return x[perm], y[perm]

    return [("randperm + gather", shuffle)]


def python_sgd_steps(n, steps):
    """Seconds for `steps` SGD steps of one sample in a Python loop (over
    Python floats, the fastest a Python loop gets), after the shuffle."""
    x, y = linear_data(n, np)
    perm = np.random.default_rng(2).permutation(n)[:steps]
    xs, ys = x[perm].tolist(), y[perm].tolist()
    t0 = time.perf_counter()
    w = b = 0.0
    for xi, yi in zip(xs, ys):
        r = 2 * (w * xi + b - yi)
        w -= LR * r * xi
        b -= LR * r
    return time.perf_counter() - t0


def numpy_minibatch_epoch(n):
    """Seconds for one shuffled mini-batch epoch (B = 32, n/B steps) in numpy:
    one shuffle and gather, then a Python loop over contiguous batch views."""
    x, y = linear_data(n, np)
    rng = np.random.default_rng(2)
    t0 = time.perf_counter()
    perm = rng.permutation(n)
    xs, ys = x[perm], y[perm]
    w = b = 0.0
    for s in range(0, n, BATCH):
        xb, yb = xs[s:s + BATCH], ys[s:s + BATCH]
        r = w * xb + b - yb
        gw, gb = 2 * np.dot(r, xb) / len(r), 2 * r.sum() / len(r)
        w -= LR * gw
        b -= LR * gb
    return time.perf_counter() - t0


def ms(secs):
    """Format seconds as milliseconds with three significant digits."""
    if secs is None:
        return "—"
    v = secs * 1e3
    return f"{v:.0f} ms" if v >= 100 else f"{v:.3g} ms"


def blas_library():
    """The BLAS library numpy has loaded, from /proc/self/maps."""
    try:
        with open("/proc/self/maps") as f:
            libs = set(re.findall(r"/\S*blas\S*\.so\S*", f.read()))
    except OSError:
        return "unknown"
    return ", ".join(sorted(libs)) or "unknown"


def main():
    """Measure Go, then numpy and torch, and print the table and notes."""
    go = run_go(sys.argv[1:])
    if torch is not None:
        torch.set_num_threads(CORES)

    notes = []

    def peers(name, np_make, torch_make, n, repeats):
        """Time np_make(n)'s and torch_make(n)'s variants; note the spread."""
        (np_s, np_label), np_all = fastest(np_make(n), repeats)
        notes.append(f"{name}, numpy variants: " + "; ".join(
            f"{label} {ms(s)}" for label, s in np_all) + f" (table: {np_label})")
        t_s = None
        if torch is not None:
            (t_s, t_label), t_all = fastest(torch_make(n), repeats)
            notes.append(f"{name}, torch variants: " + "; ".join(
                f"{label} {ms(s)}" for label, s in t_all) + f" (table: {t_label})")
        return np_s, t_s

    rows = []  # (work, Go seconds, numpy seconds, torch seconds)
    for n, label, repeats in ((10**6, "1e6", 21), (10**7, "1e7", 7)):
        rows.append((f"linear MSE gradient, N = {label}", go.get(f"BatchGradLinear{label}"),
                     *peers(f"linear {label}", numpy_linear, torch_linear, n, repeats)))
    rows.append(("logistic CE gradient, N = 1e6", go.get("BatchGradLogistic1e6"),
                 *peers("logistic 1e6", numpy_logistic, torch_logistic, 10**6, 21)))
    rows.append(("SGD epoch, N = 1e6: Go whole epoch; peers shuffle only (*)",
                 go.get("SGDEpoch1e6"),
                 *peers("shuffle 1e6", numpy_shuffle, torch_shuffle, 10**6, 11)))
    steps = 10**5
    rows.append((f"SGD epoch, N = 1e6: plain Python loop (1e5 steps timed, ×{10**6 // steps})",
                 go.get("SGDEpoch1e6"), python_sgd_steps(10**6, steps) * (10**6 // steps), None))
    rows.append(("mini-batch epoch, B = 32, N = 1e6 (Python loop, timed once)",
                 go.get("MiniBatch32Epoch1e6"), numpy_minibatch_epoch(10**6), None))

    print()
    print(f"nproc: {CORES}; numpy {np.__version__} (BLAS: {blas_library()}); "
          + (f"torch {torch.__version__}, {torch.get_num_threads()} threads" if torch
             else "torch: not installed"))
    print("OPENBLAS_CORETYPE=%s OPENBLAS_L2_SIZE=%s" % (
        os.environ.get("OPENBLAS_CORETYPE", "(unset)"), os.environ.get("OPENBLAS_L2_SIZE", "(unset)")))
    print()
    print("| work | Descent (Go) | numpy | torch | ratio Go/numpy |")
    print("|---|---|---|---|---|")
    for work, g, n_s, t_s in rows:
        g = None if g is None else g * 1e-9
        ratio = f"{g / n_s:.2f}" if g and n_s else "—"
        print(f"| {work} | {ms(g)} | {ms(n_s)} | {ms(t_s)} | {ratio} |")
    print()
    print("Times: Go, median of 3 counts of 20 iterations; numpy and torch, median of")
    print("repeated calls after a warm-up, fastest of the variants below. Ratio below 1: Go is faster.")
    print("(*) numpy and torch cannot run 1e6 sequential one-sample steps fast (each call costs")
    print("about a µs), so that row times only the shuffle (permutation + gather) that Go also does")
    print("every epoch; the next row times the steps themselves in a plain Python loop over floats.")
    for note in notes:
        print("-", note)


if __name__ == "__main__":
    main()
