"""Descent from Python and notebooks.

The package wraps the ``descent`` command line: each run is a ``descent run``
process that reads its configuration as JSON and prints its result in the
``descent.run/v1`` format. The core needs only the standard library; numpy,
pandas and matplotlib are used when installed (the ``numpy``, ``pandas``,
``plot`` and ``notebook`` extras).

    >>> import descent
    >>> r = descent.run(optimizer="adam", lr=0.1, epochs=200)
    >>> r.final                      # slope and intercept
    >>> r.plot()                     # loss curve, and the path over the surface

``run``, ``compare``, ``sweep`` and ``show`` are the whole interface.
"""

from ._cli import DescentError, binary
from .race import Comparison, compare
from .result import Result, run
from .playground import playground_url, show
from .tuning import Sweep, Trial, sweep

__all__ = [
    "Comparison", "DescentError", "Result", "Sweep", "Trial", "binary", "compare",
    "playground_url", "run", "show", "sweep",
]
