"""Reading many PDFs: in parallel worker processes, each document under a time limit."""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from audit.contracts.reader import ReadLimits, read_pdf
from audit.errors import Location, Problem
from audit.models import ContractDoc

Result = tuple[ContractDoc | None, list[Problem]]


@dataclass(frozen=True)
class BatchLimits:
    """Per-document limits, and how many documents are read at once."""

    read: ReadLimits = ReadLimits()
    seconds: float = 120.0
    workers: int = 0  # 0: one per CPU core


def _work(path: Path, limits: ReadLimits, conn: Connection) -> None:
    try:
        conn.send(read_pdf(path, limits))
    except BaseException as e:  # a bug must not leave the parent waiting
        conn.send((None, [Problem("contracts", f"reading failed: {type(e).__name__}: {e}",
                                  Location(path.name))]))
    finally:
        conn.close()


def read_many(paths: list[Path], limits: BatchLimits = BatchLimits(),
              progress: Callable[[int, int], None] | None = None) -> dict[Path, Result]:
    """Read every PDF; a document over its time limit is stopped and reported, the rest go on."""
    workers = limits.workers or os.cpu_count() or 1
    context = mp.get_context("fork")
    pending, running, results = list(paths), {}, {}
    while pending or running:
        while pending and len(running) < workers:
            path = pending.pop(0)
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_work, args=(path, limits.read, send), daemon=True)
            process.start()
            send.close()
            running[receive] = (path, process, time.monotonic())
        for conn in wait(list(running), timeout=0.2):
            path, process, _ = running.pop(conn)  # type: ignore[index]
            results[path] = _receive(conn, path)
            process.join()
        results.update(_stop_overdue(running, limits.seconds))
        if progress:
            progress(len(results), len(paths))
    return {p: results[p] for p in paths}


def _receive(conn: Connection, path: Path) -> Result:
    try:
        return conn.recv()
    except EOFError:  # the worker died (a crash inside a PDF library)
        return None, [Problem("contracts", "reading crashed; the document was skipped",
                              Location(path.name))]
    finally:
        conn.close()


def _stop_overdue(running: dict[Connection, tuple[Path, mp.Process, float]],
                  seconds: float) -> dict[Path, Result]:
    stopped = {}
    for conn, (path, process, started) in list(running.items()):
        if time.monotonic() - started > seconds:
            process.kill()
            process.join()
            conn.close()
            del running[conn]
            stopped[path] = (None, [Problem(
                "contracts", f"reading took longer than {seconds:.0f} s and was stopped; the "
                "document was skipped (raise reading.seconds_per_document)",
                Location(path.name))])
    return stopped
