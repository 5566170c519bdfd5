#!/usr/bin/python3
"""Generate golden optimizer trajectories with real PyTorch.

Writes two files under compute/testdata/ (relative to the repository root):

  golden_surfaces.json  optimizers (and LR schedulers) on the Rosenbrock and
                        Beale surfaces. The gradient is computed by hand with
                        plain Python floats in exactly the operation order the
                        Go code uses, so only torch's update rule is under test.
  golden_data.json      linear and logistic regression trained with batch,
                        per-sample and minibatch SGD-style loops. Gradients
                        come from torch autograd (an independent reference).

Optimizers: SGD, Adagrad, RMSprop, Adam, AdamW and (cases appended later, after
the original ones in each file) Adadelta, Adamax, NAdam, RAdam and Rprop. One
surface case ("rosenbrock/momentum-groups-cosine") puts x and y in two torch
parameter groups whose learning rates are lr_scales[i] * hyper["lr"].

Everything is float64, every optimizer is built with foreach=False and with
every hyperparameter passed explicitly. Re-running produces byte-identical
files. Run from anywhere with Debian's python3-torch:

    /usr/bin/python3 scripts/golden/make_goldens.py
"""

import json
import math
import os
import sys

import numpy as np
import torch

GENERATOR = "scripts/golden/make_goldens.py"
DT = torch.float64

torch.set_default_dtype(DT)
torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTDIR = os.path.join(ROOT, "compute", "testdata")


# ---------------------------------------------------------------------------
# Optimizers and schedulers
# ---------------------------------------------------------------------------

def sgd_hyper(lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
    return {"lr": lr, "momentum": momentum, "dampening": dampening,
            "weight_decay": weight_decay, "nesterov": nesterov}


def adagrad_hyper(lr, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10):
    return {"lr": lr, "lr_decay": lr_decay, "weight_decay": weight_decay,
            "initial_accumulator_value": initial_accumulator_value, "eps": eps}


def rmsprop_hyper(lr, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False):
    return {"lr": lr, "alpha": alpha, "eps": eps, "weight_decay": weight_decay,
            "momentum": momentum, "centered": centered}


def adam_hyper(lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False):
    return {"lr": lr, "betas": [betas[0], betas[1]], "eps": eps,
            "weight_decay": weight_decay, "amsgrad": amsgrad}


def adadelta_hyper(lr, rho=0.9, eps=1e-6, weight_decay=0.0):
    return {"lr": lr, "rho": rho, "eps": eps, "weight_decay": weight_decay}


def adamax_hyper(lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return {"lr": lr, "betas": [betas[0], betas[1]], "eps": eps, "weight_decay": weight_decay}


def nadam_hyper(lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3):
    return {"lr": lr, "betas": [betas[0], betas[1]], "eps": eps,
            "weight_decay": weight_decay, "momentum_decay": momentum_decay}


def radam_hyper(lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return {"lr": lr, "betas": [betas[0], betas[1]], "eps": eps, "weight_decay": weight_decay}


def rprop_hyper(lr, etas=(0.5, 1.2), step_sizes=(1e-6, 50.0)):
    return {"lr": lr, "etas": [etas[0], etas[1]], "step_sizes": [step_sizes[0], step_sizes[1]]}


def make_optimizer(name, params, h):
    """Build a torch optimizer with every hyperparameter explicit, foreach=False."""
    if name == "sgd":
        return torch.optim.SGD(params, lr=h["lr"], momentum=h["momentum"],
                               dampening=h["dampening"], weight_decay=h["weight_decay"],
                               nesterov=h["nesterov"], maximize=False, foreach=False)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=h["lr"], lr_decay=h["lr_decay"],
                                   weight_decay=h["weight_decay"],
                                   initial_accumulator_value=h["initial_accumulator_value"],
                                   eps=h["eps"], foreach=False, maximize=False)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=h["lr"], alpha=h["alpha"], eps=h["eps"],
                                   weight_decay=h["weight_decay"], momentum=h["momentum"],
                                   centered=h["centered"], foreach=False, maximize=False)
    if name == "adam":
        return torch.optim.Adam(params, lr=h["lr"], betas=tuple(h["betas"]), eps=h["eps"],
                                weight_decay=h["weight_decay"], amsgrad=h["amsgrad"],
                                foreach=False, maximize=False)
    if name == "adamw":
        return torch.optim.AdamW(params, lr=h["lr"], betas=tuple(h["betas"]), eps=h["eps"],
                                 weight_decay=h["weight_decay"], amsgrad=h["amsgrad"],
                                 foreach=False, maximize=False)
    if name == "adadelta":
        return torch.optim.Adadelta(params, lr=h["lr"], rho=h["rho"], eps=h["eps"],
                                    weight_decay=h["weight_decay"], foreach=False, maximize=False)
    if name == "adamax":
        return torch.optim.Adamax(params, lr=h["lr"], betas=tuple(h["betas"]), eps=h["eps"],
                                  weight_decay=h["weight_decay"], foreach=False, maximize=False)
    # torch 1.13's NAdam and RAdam have no maximize argument.
    if name == "nadam":
        return torch.optim.NAdam(params, lr=h["lr"], betas=tuple(h["betas"]), eps=h["eps"],
                                 weight_decay=h["weight_decay"],
                                 momentum_decay=h["momentum_decay"], foreach=False)
    if name == "radam":
        return torch.optim.RAdam(params, lr=h["lr"], betas=tuple(h["betas"]), eps=h["eps"],
                                 weight_decay=h["weight_decay"], foreach=False)
    if name == "rprop":
        return torch.optim.Rprop(params, lr=h["lr"], etas=tuple(h["etas"]),
                                 step_sizes=tuple(h["step_sizes"]), foreach=False, maximize=False)
    raise ValueError(name)


def make_scheduler(opt, s):
    if s is None:
        return None
    k = s["kind"]
    if k == "step":
        return torch.optim.lr_scheduler.StepLR(opt, step_size=s["step_size"], gamma=s["gamma"])
    if k == "exponential":
        return torch.optim.lr_scheduler.ExponentialLR(opt, gamma=s["gamma"])
    if k == "inverse_time":
        d = s["decay"]
        return torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda=lambda e: 1 / (1 + d * e))
    if k == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=s["t_max"], eta_min=s["eta_min"])
    raise ValueError(k)


# ---------------------------------------------------------------------------
# Surfaces (hand-written gradient, Go operation order)
# ---------------------------------------------------------------------------

def rosenbrock_f(x, y):
    a = 1 - x
    b = y - x * x
    return a * a + 100 * b * b


def rosenbrock_g(x, y):
    g0 = 0.0
    g0 -= 2 * (1 - x)
    g0 -= 400 * (y - x * x) * x
    g1 = 0.0
    g1 += 200 * (y - x * x)
    return g0, g1


def beale_f(x, y):
    t1 = 1 - y
    t2 = 1 - y * y
    t3 = 1 - y * y * y
    f1 = 1.5 - x * t1
    f2 = 2.25 - x * t2
    f3 = 2.625 - x * t3
    return f1 * f1 + f2 * f2 + f3 * f3


def beale_g(x, y):
    t1 = 1 - y
    t2 = 1 - y * y
    t3 = 1 - y * y * y
    f1 = 1.5 - x * t1
    f2 = 2.25 - x * t2
    f3 = 2.625 - x * t3
    g0 = -2 * (f1 * t1 + f2 * t2 + f3 * t3)
    g1 = 2 * x * (f1 + 2 * f2 * y + 3 * f3 * y * y)
    return g0, g1


SURFACES = {
    "rosenbrock": (rosenbrock_f, rosenbrock_g, [-1.5, 2.0]),
    "beale": (beale_f, beale_g, [1.0, 1.5]),
}


def check_autograd(name):
    f, g, start = SURFACES[name]
    p = torch.tensor(start, dtype=DT, requires_grad=True)
    f(p[0], p[1]).backward()
    auto = p.grad.tolist()
    man = g(*start)
    for a, m in zip(auto, man):
        if abs(a - m) > 1e-12 * max(abs(a), abs(m), 1e-300):
            raise AssertionError(f"{name}: autograd {auto} != manual {man}")
    fv = f(*start)
    fa = f(p.detach()[0], p.detach()[1]).item()
    if abs(fv - fa) > 1e-12 * max(abs(fv), 1e-300):
        raise AssertionError(f"{name}: f mismatch {fv} vs {fa}")


def run_surface(name, surface, optname, hyper, schedule, steps=200):
    f, g, start = SURFACES[surface]
    p = torch.tensor(start, dtype=DT, requires_grad=True)
    opt = make_optimizer(optname, [p], hyper)
    sched = make_scheduler(opt, schedule)
    path = [list(start)]
    loss = [f(*start)]
    for _ in range(steps):
        x, y = p.detach().tolist()
        g0, g1 = g(x, y)
        p.grad = torch.tensor([g0, g1], dtype=DT)
        opt.step()
        if sched is not None:
            sched.step()
        x, y = p.detach().tolist()
        path.append([x, y])
        loss.append(f(x, y))
    for pt, l in zip(path, loss):
        if not (math.isfinite(pt[0]) and math.isfinite(pt[1]) and math.isfinite(l)):
            raise AssertionError(f"{name}: non-finite path")
    if path[-1] == path[0]:
        raise AssertionError(f"{name}: did not move")
    return {"name": name, "surface": surface, "optimizer": optname, "hyper": hyper,
            "schedule": schedule, "start": list(start), "steps": steps,
            "path": path, "loss": loss}


def run_surface_groups(name, surface, optname, hyper, lr_scales, schedule, steps=200):
    """Like run_surface, but each coordinate is its own 1-element tensor in its
    own parameter group, with learning rate lr_scales[i] * hyper["lr"]."""
    f, g, start = SURFACES[surface]
    ps = [torch.tensor([v], dtype=DT, requires_grad=True) for v in start]
    groups = [{"params": [p], "lr": s * hyper["lr"]} for p, s in zip(ps, lr_scales)]
    opt = make_optimizer(optname, groups, hyper)
    sched = make_scheduler(opt, schedule)
    path = [list(start)]
    loss = [f(*start)]
    for _ in range(steps):
        x, y = [p.item() for p in ps]
        for p, gv in zip(ps, g(x, y)):
            p.grad = torch.tensor([gv], dtype=DT)
        opt.step()
        if sched is not None:
            sched.step()
        x, y = [p.item() for p in ps]
        path.append([x, y])
        loss.append(f(x, y))
    for pt, l in zip(path, loss):
        if not (math.isfinite(pt[0]) and math.isfinite(pt[1]) and math.isfinite(l)):
            raise AssertionError(f"{name}: non-finite path")
    if path[-1] == path[0]:
        raise AssertionError(f"{name}: did not move")
    return {"name": name, "surface": surface, "optimizer": optname, "hyper": hyper,
            "lr_scales": list(lr_scales), "schedule": schedule, "start": list(start),
            "steps": steps, "path": path, "loss": loss}


# Learning rates per surface.
SURFACE_LR = {
    "rosenbrock": {"sgd": 5e-4, "momentum": 2e-4, "adaptive": 0.02, "adagrad": 0.05},
    "beale": {"sgd": 1e-3, "momentum": 1e-3, "adaptive": 0.02, "adagrad": 0.05},
}


# Learning rates per surface for the optimizers added later.
NEW_SURFACE_LR = {
    "rosenbrock": {"adaptive": 0.02, "radam": 2e-3},
    "beale": {"adaptive": 0.02, "radam": 5e-3},
}


def surface_cases():
    cases = []
    for surf in ("rosenbrock", "beale"):
        L = SURFACE_LR[surf]
        specs = [
            ("sgd", "sgd", sgd_hyper(L["sgd"]), None),
            ("momentum", "sgd", sgd_hyper(L["momentum"], momentum=0.9), None),
            ("momentum-dampening-wd", "sgd",
             sgd_hyper(L["momentum"], momentum=0.9, dampening=0.5, weight_decay=0.01), None),
            ("nesterov", "sgd", sgd_hyper(L["momentum"], momentum=0.9, nesterov=True), None),
            ("adagrad", "adagrad",
             adagrad_hyper(L["adagrad"], lr_decay=0.01, weight_decay=0.0,
                           initial_accumulator_value=0.1, eps=1e-10), None),
            ("rmsprop", "rmsprop", rmsprop_hyper(L["adaptive"], alpha=0.99, eps=1e-8), None),
            ("rmsprop-centered", "rmsprop",
             rmsprop_hyper(L["adaptive"], alpha=0.99, eps=1e-8, weight_decay=0.01,
                           momentum=0.5, centered=True), None),
            ("adam", "adam", adam_hyper(L["adaptive"]), None),
            ("adam-amsgrad", "adam", adam_hyper(L["adaptive"], amsgrad=True), None),
            ("adamw", "adamw", adam_hyper(L["adaptive"], weight_decay=0.01), None),
            ("sgd-steplr", "sgd", sgd_hyper(L["sgd"]),
             {"kind": "step", "step_size": 50, "gamma": 0.5}),
            ("adam-exponential", "adam", adam_hyper(L["adaptive"]),
             {"kind": "exponential", "gamma": 0.99}),
            ("momentum-inverse-time", "sgd", sgd_hyper(L["momentum"], momentum=0.9),
             {"kind": "inverse_time", "decay": 0.05}),
            ("adam-cosine", "adam", adam_hyper(L["adaptive"]),
             {"kind": "cosine", "t_max": 200, "eta_min": 1e-4}),
        ]
        for suffix, optname, hyper, sched in specs:
            cases.append(run_surface(f"{surf}/{suffix}", surf, optname, hyper, sched))
    # Added later; appended after the cases above so that those stay unchanged.
    for surf in ("rosenbrock", "beale"):
        L = NEW_SURFACE_LR[surf]
        specs = [
            ("adadelta", "adadelta", adadelta_hyper(1.0), None),
            ("adadelta-rho-wd", "adadelta",
             adadelta_hyper(5.0, rho=0.95, weight_decay=0.01), None),
            ("adamax", "adamax", adamax_hyper(L["adaptive"]), None),
            ("adamax-betas-wd", "adamax",
             adamax_hyper(L["adaptive"], betas=(0.8, 0.99), weight_decay=0.01), None),
            ("nadam", "nadam", nadam_hyper(L["adaptive"]), None),
            ("nadam-momentum-decay-wd", "nadam",
             nadam_hyper(L["adaptive"], momentum_decay=0.01, weight_decay=0.01), None),
            # RAdam's first 5 steps (rho_t <= 5 for these betas) are unrectified
            # momentum SGD, hence a smaller rate than the other adaptive methods.
            ("radam", "radam", radam_hyper(L["radam"]), None),
            ("radam-betas-wd", "radam",
             radam_hyper(L["radam"], betas=(0.85, 0.995), weight_decay=0.01), None),
            ("rprop", "rprop", rprop_hyper(0.01), None),
            ("rprop-etas-stepsizes", "rprop",
             rprop_hyper(0.05, etas=(0.4, 1.3), step_sizes=(1e-5, 10.0)), None),
            ("nadam-steplr", "nadam", nadam_hyper(L["adaptive"]),
             {"kind": "step", "step_size": 50, "gamma": 0.5}),
        ]
        for suffix, optname, hyper, sched in specs:
            cases.append(run_surface(f"{surf}/{suffix}", surf, optname, hyper, sched))
    cases.append(run_surface_groups("rosenbrock/momentum-groups-cosine", "rosenbrock", "sgd",
                                    sgd_hyper(2e-4, momentum=0.9), [1.0, 0.25],
                                    {"kind": "cosine", "t_max": 200, "eta_min": 1e-4}))
    return cases


# ---------------------------------------------------------------------------
# Data models (autograd)
# ---------------------------------------------------------------------------

def model_loss(model, p, X, Y):
    d = X.shape[1]
    z = X @ p[:d] + p[d]
    if model == "linreg":
        return ((z - Y) ** 2).mean()
    if model == "logreg":
        return torch.nn.functional.binary_cross_entropy_with_logits(z, Y)
    raise ValueError(model)


def run_data(name, model, x, y, optname, hyper, schedule, variant, batch_size,
             shuffle, epochs, seed=None):
    X = torch.tensor(x, dtype=DT)
    Y = torch.tensor(y, dtype=DT)
    n, d = X.shape
    if variant == "batch":
        assert batch_size == n and not shuffle
    if variant == "sgd":
        assert batch_size == 1
    start = [0.0] * (d + 1)
    p = torch.tensor(start, dtype=DT, requires_grad=True)
    opt = make_optimizer(optname, [p], hyper)
    sched = make_scheduler(opt, schedule)
    rs = np.random.RandomState(seed) if shuffle else None
    perms = [] if shuffle else None

    def full_loss():
        with torch.no_grad():
            return model_loss(model, p, X, Y).item()

    path = [p.detach().tolist()]
    loss = [full_loss()]
    for _ in range(epochs):
        if shuffle:
            order = [int(i) for i in rs.permutation(n)]
            perms.append(order)
        else:
            order = list(range(n))
        for s in range(0, n, batch_size):
            idx = torch.tensor(order[s:s + batch_size], dtype=torch.long)
            opt.zero_grad(set_to_none=True)
            model_loss(model, p, X[idx], Y[idx]).backward()
            opt.step()
            path.append(p.detach().tolist())
            loss.append(full_loss())
        if sched is not None:
            sched.step()
    for pt, l in zip(path, loss):
        if not (all(math.isfinite(v) for v in pt) and math.isfinite(l)):
            raise AssertionError(f"{name}: non-finite path")
    steps_per_epoch = (n + batch_size - 1) // batch_size
    assert len(path) == epochs * steps_per_epoch + 1
    return {"name": name, "model": model, "x": x, "y": y, "optimizer": optname,
            "hyper": hyper, "schedule": schedule, "variant": variant,
            "batch_size": batch_size, "shuffle": shuffle, "epochs": epochs,
            "permutations": perms, "start": start, "path": path, "loss": loss}


def synth2():
    rs = np.random.RandomState(20240601)
    n = 37
    xs = rs.uniform(-2.0, 2.0, size=(n, 2))
    noise = rs.standard_normal(n)
    ys = 1.5 * xs[:, 0] - 0.7 * xs[:, 1] + 0.3 + 0.1 * noise
    return [[float(a), float(b)] for a, b in xs], [float(v) for v in ys]


def blobs():
    rs = np.random.RandomState(20240602)
    half = 25
    a = rs.normal(loc=(-1.0, -1.0), scale=0.9, size=(half, 2))
    b = rs.normal(loc=(1.0, 1.0), scale=0.9, size=(half, 2))
    xs = np.concatenate([a, b])
    ys = np.concatenate([np.zeros(half), np.ones(half)])
    order = rs.permutation(2 * half)
    xs, ys = xs[order], ys[order]
    return [[float(u), float(v)] for u, v in xs], [float(v) for v in ys]


def data_cases():
    cx = [[1.0], [2.0], [3.0], [4.0], [5.0]]
    cy = [3.0, 4.0, 2.0, 5.0, 6.0]
    sx, sy = synth2()
    bx, by = blobs()
    cases = []

    c = run_data("linreg/classic/batch-sgd", "linreg", cx, cy, "sgd", sgd_hyper(0.01), None,
                 "batch", 5, False, 1000)
    w, b = c["path"][-1]
    assert abs(w - 0.7148435629087723) < 1e-9 and abs(b - 1.8464100280623261) < 1e-9, (w, b)
    cases.append(c)
    cases.append(run_data("linreg/classic/sgd-shuffle", "linreg", cx, cy, "sgd", sgd_hyper(0.01),
                          None, "sgd", 1, True, 30, seed=101))
    cases.append(run_data("linreg/classic/sgd-noshuffle", "linreg", cx, cy, "sgd", sgd_hyper(0.01),
                          None, "sgd", 1, False, 30))
    cases.append(run_data("linreg/classic/minibatch2-momentum", "linreg", cx, cy, "sgd",
                          sgd_hyper(0.01, momentum=0.9), None, "minibatch", 2, True, 30, seed=102))
    cases.append(run_data("linreg/classic/minibatch2-adam", "linreg", cx, cy, "adam",
                          adam_hyper(0.05), None, "minibatch", 2, True, 40, seed=103))

    cases.append(run_data("linreg/synth2/minibatch8-rmsprop", "linreg", sx, sy, "rmsprop",
                          rmsprop_hyper(0.01), {"kind": "step", "step_size": 3, "gamma": 0.5},
                          "minibatch", 8, True, 10, seed=201))
    cases.append(run_data("linreg/synth2/batch-adamw", "linreg", sx, sy, "adamw",
                          adam_hyper(0.05, weight_decay=0.01), None, "batch", len(sx), False, 100))
    cases.append(run_data("linreg/synth2/sgd-nesterov", "linreg", sx, sy, "sgd",
                          sgd_hyper(0.005, momentum=0.9, nesterov=True), None, "sgd", 1, True, 5,
                          seed=202))

    cases.append(run_data("logreg/blobs/batch-sgd", "logreg", bx, by, "sgd", sgd_hyper(0.5), None,
                          "batch", len(bx), False, 100))
    cases.append(run_data("logreg/blobs/minibatch10-adam", "logreg", bx, by, "adam",
                          adam_hyper(0.05), None, "minibatch", 10, True, 20, seed=301))
    cases.append(run_data("logreg/blobs/sgd-adagrad", "logreg", bx, by, "adagrad",
                          adagrad_hyper(0.1), None, "sgd", 1, True, 5, seed=302))

    # Added later; appended after the cases above so that those stay unchanged.
    cases.append(run_data("logreg/blobs/minibatch10-nadam", "logreg", bx, by, "nadam",
                          nadam_hyper(0.05), None, "minibatch", 10, True, 20, seed=303))
    cases.append(run_data("linreg/synth2/batch-radam", "linreg", sx, sy, "radam",
                          radam_hyper(0.05), None, "batch", len(sx), False, 100))
    cases.append(run_data("linreg/classic/sgd-shuffle-adamax", "linreg", cx, cy, "adamax",
                          adamax_hyper(0.05), None, "sgd", 1, True, 30, seed=104))
    cases.append(run_data("linreg/synth2/batch-rprop", "linreg", sx, sy, "rprop",
                          rprop_hyper(0.01), None, "batch", len(sx), False, 100))
    cases.append(run_data("logreg/blobs/batch-adadelta", "logreg", bx, by, "adadelta",
                          adadelta_hyper(1.0), None, "batch", len(bx), False, 100))
    return cases


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def dumps(obj):
    return json.dumps(obj, separators=(",", ":"), allow_nan=False)


def write(fname, cases):
    head = {"generator": GENERATOR, "torch_version": torch.__version__}
    path = os.path.join(OUTDIR, fname)
    with open(path, "w", encoding="ascii", newline="\n") as fh:
        fh.write("{")
        for k, v in head.items():
            fh.write(dumps(k) + ":" + dumps(v) + ",\n")
        fh.write('"cases":[\n')
        fh.write(",\n".join(dumps(c) for c in cases))
        fh.write("\n]}\n")
    # The output must parse back to exactly what was computed.
    with open(path, encoding="ascii") as fh:
        back = json.load(fh)
    assert back["cases"] == cases
    print(f"wrote {path}: {len(cases)} cases, {os.path.getsize(path)} bytes")


def main():
    for s in SURFACES:
        check_autograd(s)
    os.makedirs(OUTDIR, exist_ok=True)
    write("golden_surfaces.json", surface_cases())
    write("golden_data.json", data_cases())
    return 0


if __name__ == "__main__":
    sys.exit(main())
