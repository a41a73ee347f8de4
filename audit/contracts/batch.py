"""Reading many PDFs: in parallel worker processes, each document under a time limit."""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing as mp
import os
import resource
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from audit.contracts import ocr
from audit.contracts.reader import ReadLimits, read_pdf
from audit.errors import Location, Problem
from audit.models import ContractDoc

Result = tuple[ContractDoc | None, list[Problem]]
PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass(frozen=True)
class BatchLimits:
    """Per-document limits, and how many documents are read at once."""

    read: ReadLimits = ReadLimits()
    seconds: float = 120.0
    workers: int = 0  # 0: one per CPU core
    memory_mb: int | None = None  # address space of each reader process (None: unlimited)
    ocr_max_pixels: int = 40_000_000


def _die_with_parent() -> None:
    """Ask the kernel to kill this reader when its parent dies (kill -9 included): an orphan
    would go on using memory and CPU for an audit nobody waits for."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's kill of overdue readers remains
        return
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


def _limit_memory(memory_mb: int | None) -> None:
    """Cap this reader's address space at what it starts with (a fork of the audit) plus
    `memory_mb`; a PDF that needs more fails with MemoryError here instead of exhausting the
    machine (Tesseract, started from here, inherits the cap)."""
    if memory_mb:
        size = _address_space() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))


def _address_space() -> int:
    """This process's virtual memory size in bytes (Linux /proc; 0 elsewhere)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0
    kb = next((line.split()[1] for line in status.splitlines() if line.startswith("VmSize:")), "0")
    return int(kb) * 1024


def _work(path: Path, limits: BatchLimits, conn: Connection) -> None:
    _die_with_parent()
    try:
        _limit_memory(limits.memory_mb)
        ocr.set_max_pixels(limits.ocr_max_pixels)
        conn.send(read_pdf(path, limits.read))
    except MemoryError:
        conn.send((None, [Problem("contracts", _MEMORY.format(limits.memory_mb),
                                  Location(path.name))]))
    except BaseException as e:  # a bug must not leave the parent waiting
        conn.send((None, [Problem("contracts", f"reading failed: {type(e).__name__}: {e}",
                                  Location(path.name))]))
    finally:
        conn.close()


_MEMORY = ("reading needed more than the {} MB a reader may use and was stopped; the document "
           "was skipped (a decompression bomb or a huge image? raise limits.reader_memory_mb "
           "if it is a real contract)")


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
            process = context.Process(target=_work, args=(path, limits, send), daemon=True)
            process.start()
            send.close()
            running[receive] = (path, process, time.monotonic())
        for conn in wait(list(running), timeout=0.2):
            path, process, _ = running.pop(conn)  # type: ignore[index]
            results[path] = _receive(conn, path, limits.memory_mb)
            process.join()
        results.update(_stop_overdue(running, limits.seconds))
        if progress:
            progress(len(results), len(paths))
    return {p: results[p] for p in paths}


def _receive(conn: Connection, path: Path, memory_mb: int | None) -> Result:
    try:
        return conn.recv()
    except (EOFError, MemoryError, OSError):  # the worker died (a crash inside a PDF library)
        cap = f" (perhaps out of its {memory_mb} MB of memory)" if memory_mb else ""
        return None, [Problem("contracts", f"reading crashed{cap}; the document was skipped",
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
