"""The command's start-up: the garbage collector paused while the modules load."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic collection during a block of imports: what they allocate (classes, functions,
    module dicts) is no garbage, yet every pass walks all of it again as it grows (0.1 s of a
    2 s warm sample run). `freeze`: afterwards, what is alive is kept out of the collector's
    sight for good; the modules live until exit, and each full pass of the audit would walk
    pandas, sqlalchemy and the rest again (0.3 s more)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if collecting:
            gc.enable()
