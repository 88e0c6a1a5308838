"""How each contender's script ends: as the ``pelatihan`` command ends.

Once its output is written and flushed, the process ends at once (``os._exit``),
without first freeing what the script read one object at a time, so that no
contender is timed freeing memory and another not (``benchmarks/run.py``). A
script's ``main()`` hands what it read to :func:`keep`; called from a program, as
the tests call it, nothing is kept.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import NoReturn

KEPT: list[object] | None = None
"""What the script read and found, held to the end of its process once :func:`run` runs it."""


def keep(*objects: object) -> None:
    """Hold ``objects`` to the end of the process, when the script is run by :func:`run`."""
    if KEPT is not None:
        KEPT.extend(objects)


def run(main: Callable[[], int]) -> NoReturn:
    """Run the script's ``main``, flush its output, and end the process with its exit status."""
    global KEPT  # noqa: PLW0603 - the one switch, set once per process
    KEPT = []
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
