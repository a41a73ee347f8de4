"""Fault injection for the fault suite: `AUDIT_FAULT_KILL=<point>` kills the process there (-9).

A real SIGKILL at a named moment the tests cannot hit from outside (inside a database commit);
without the variable a checkpoint does nothing.
"""

from __future__ import annotations

import os
import signal

VARIABLE = "AUDIT_FAULT_KILL"


def checkpoint(point: str) -> None:
    """Die here, as `kill -9` would, when the environment names this point."""
    if os.environ.get(VARIABLE) == point:
        os.kill(os.getpid(), signal.SIGKILL)
