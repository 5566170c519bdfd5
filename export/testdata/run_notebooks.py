"""Validate and execute exported notebooks and scripts, for export's tests.

Reads a JSON list of jobs from stdin, each {"path": ..., "kind": "notebook"}
or {"path": ..., "kind": "script", "notebook": ...}, and prints one JSON
object per job: the numbers each code cell printed ("numpy", "torch"), or
why torch did not run ("torch_skipped"), or the error ("error"). Everything
runs in this one process.
"""

import contextlib
import io
import json
import re
import sys

import nbformat

try:
    import torch  # noqa: F401
    TORCH = None
except ImportError as err:
    TORCH = f"no torch: {err}"

ID = re.compile(r"^[a-zA-Z0-9-_]{1,64}$")


def execute(source, name):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, name, "exec"), {"__name__": "__main__"})
    params, loss = None, None
    for line in out.getvalue().splitlines():
        if line.startswith("final parameters: "):
            params = [float(kv.split("=", 1)[1]) for kv in line[len("final parameters: "):].split(", ")]
        elif line.startswith("final loss: "):
            loss = float(line[len("final loss: "):])
    if params is None or loss is None:
        raise ValueError(f"{name}: no final numbers in {out.getvalue()!r}")
    return {"params": params, "loss": loss}


def notebook(path):
    with open(path) as f:
        raw = json.load(f)
    if (raw["nbformat"], raw["nbformat_minor"]) != (4, 5):
        raise ValueError(f"nbformat {raw['nbformat']}.{raw['nbformat_minor']}, want 4.5")
    nb = nbformat.reads(json.dumps(raw), as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)
    ids = [c["id"] for c in raw["cells"]]
    if len(set(ids)) != len(ids) or not all(ID.match(i) for i in ids):
        raise ValueError(f"cell ids {ids}")
    kinds = [c["cell_type"] for c in raw["cells"]]
    if kinds != ["markdown", "code", "code"]:
        raise ValueError(f"cells {kinds}")
    for c in raw["cells"][1:]:
        if c["outputs"] != [] or c["execution_count"] is not None:
            raise ValueError("a code cell has outputs or a count")
    if raw["metadata"]["kernelspec"]["name"] != "python3":
        raise ValueError("kernelspec")
    res = {"numpy": execute("".join(raw["cells"][1]["source"]), path + "#numpy")}
    if TORCH is None:
        res["torch"] = execute("".join(raw["cells"][2]["source"]), path + "#torch")
    else:
        compile("".join(raw["cells"][2]["source"]), path + "#torch", "exec")
        res["torch_skipped"] = TORCH
    return res


def script(path, notebook_path):
    """A script is compiled and checked to end with the notebook's torch
    cell, which notebook() runs."""
    with open(path) as f:
        source = f.read()
    compile(source, path, "exec")
    with open(notebook_path) as f:
        cell = "".join(json.load(f)["cells"][2]["source"])
    if not source.endswith(cell + "\n"):
        raise ValueError("the script is not the notebook's torch cell")
    return {}


for job in json.load(sys.stdin):
    try:
        if job["kind"] == "notebook":
            res = notebook(job["path"])
        else:
            res = script(job["path"], job["notebook"])
    except Exception as err:  # reported to the Go test
        res = {"error": f"{type(err).__name__}: {err}"}
    print(json.dumps(res), flush=True)
