"""Executes a notebook top to bottom with nbclient in a kernel of this
Python (make python-test runs it with the venv's, which has the wheel
installed) and checks that every code cell ran without error and that the
plots and the playground came out.

usage: python run_notebook.py NOTEBOOK KERNEL_NAME"""

import os
import sys

import nbclient
import nbformat


def main(path, kernel):
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=kernel, timeout=120,
                                     resources={"metadata": {"path": os.path.dirname(path)}})
    client.execute()
    cells = [c for c in nb.cells if c.cell_type == "code"]
    outputs = [o for c in cells for o in c.outputs]
    images = sum(1 for o in outputs if "image/png" in o.get("data", {}))
    frames = sum(1 for o in outputs if "<iframe" in o.get("data", {}).get("text/html", ""))
    first = cells[0].outputs[0]["data"]["text/plain"]
    problems = []
    if any(c.execution_count is None for c in cells):
        problems.append("a code cell did not run")
    if images < 5:
        problems.append("%d figures, want 5 (the classic run, three races and a sweep)" % images)
    if frames != 1:
        problems.append("%d playground frames, want 1" % frames)
    if sys.prefix not in first:
        problems.append("the kernel's descent binary %s is not this Python's (%s)" % (first, sys.prefix))
    if problems:
        sys.exit("%s: %s" % (path, "; ".join(problems)))
    print("%s: %d code cells, %d figures, 1 playground frame, kernel %s" % (path, len(cells), images, kernel))


if __name__ == "__main__":
    main(*sys.argv[1:])
