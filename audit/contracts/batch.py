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
from audit.contracts.reader import CHUNK, ReadLimits, assemble, read_part
from audit.core.messages import msg
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


Job = tuple[Path, int, int]  # a document, the part a reader takes, of how many parts


def _work(job: Job, limits: BatchLimits, conn: Connection) -> None:
    path, part, parts = job
    _die_with_parent()
    try:
        _limit_memory(limits.memory_mb)
        ocr.set_max_pixels(limits.ocr_max_pixels)
        conn.send(read_part(path, limits.read, part, parts))
    except MemoryError:
        conn.send((None, [Problem.of("contracts", "contracts.reading_memory",
                                     Location(path.name), memory=limits.memory_mb)]))
    except BaseException as e:  # a bug must not leave the parent waiting
        conn.send((None, [Problem.of("contracts", "contracts.reading_failed",
                                     Location(path.name), error=f"{type(e).__name__}: {e}")]))
    finally:
        conn.close()


# a reading that did not finish: not cached, the next run tries again (it may pass then)
UNFINISHED = frozenset({"contracts.reading_memory", "contracts.reading_failed",
                        "contracts.reading_crashed", "contracts.reading_timeout"})


def read_many(paths: list[Path], limits: BatchLimits = BatchLimits(),
              progress: Callable[[int, int], None] | None = None) -> dict[Path, Result]:
    """Read every PDF; a document over its time limit is stopped and reported, the rest go on."""
    workers = limits.workers or os.cpu_count() or 1
    context = mp.get_context("fork")
    pending = _jobs(paths, workers, limits.read.max_pages)
    running: dict[Connection, tuple[Job, mp.Process, float]] = {}
    parts: dict[Path, list[Part]] = {p: [] for p in paths}
    results: dict[Path, Result] = {}
    while pending or running:
        while pending and len(running) < workers:
            job = pending.pop(0)
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_work, args=(job, limits, send), daemon=True)
            process.start()
            send.close()
            running[receive] = (job, process, time.monotonic())
        for conn in wait(list(running), timeout=0.2):
            job, process, _ = running.pop(conn)  # type: ignore[index]
            parts[job[0]].append(_receive(conn, job[0], limits.memory_mb))
            process.join()
        for path, stopped in _stop_overdue(running, limits.seconds).items():
            parts[path].append(stopped)
        for job_path, done in parts.items():
            if job_path not in results and _finished(job_path, pending, running):
                results[job_path] = _join(job_path, done)
        if progress:
            progress(len(results), len(paths))
    return {p: results[p] for p in paths}


Part = tuple[dict | None, list[Problem]]  # raw pages by number (None: unreadable), problems
SPREAD_PAGES = 2 * CHUNK  # a document this long is spread over idle readers


def _jobs(paths: list[Path], workers: int, max_pages: int) -> list[Job]:
    """One job per document; when there are fewer documents than readers, a long one is
    split in parts (chunks of pages), so one long contract uses every core."""
    spare = workers // max(1, len(paths))
    jobs: list[Job] = []
    for path in paths:
        pages = min(_page_count(path), max_pages) if spare > 1 else 0
        n = min(spare, -(-pages // CHUNK)) if pages >= SPREAD_PAGES else 1
        jobs += [(path, part, n) for part in range(n)]
    return jobs


def _page_count(path: Path) -> int:
    """The document's page count from its page tree (pdfium, fast); 0 if it cannot tell."""
    try:
        import pypdfium2

        document = pypdfium2.PdfDocument(str(path))
        try:
            return len(document)
        finally:
            document.close()
    except Exception:  # a damaged PDF: read in one part, the reader reports it
        return 0


def _finished(path: Path, pending: list[Job], running: dict) -> bool:
    """Every part of this document read (or stopped)."""
    return not any(j[0] == path for j in pending) and \
        not any(j[0] == path for j, _, _ in running.values())


def _join(path: Path, done: list[Part]) -> Result:
    """The document from its parts; any unreadable part makes the document unreadable."""
    problems: list[Problem] = []
    for _, found in done:
        problems += [p for p in found if p not in problems]
    if any(raw is None for raw, _ in done):
        return None, problems
    raw: dict = {}
    for pages, _ in done:
        raw.update(pages or {})
    try:
        return assemble(path, raw, problems)
    except OSError as e:
        return None, [Problem.of("contracts", "contracts.cannot_open", Location(str(path)),
                                 reason=e.strerror)]


def _receive(conn: Connection, path: Path, memory_mb: int | None) -> Result:
    try:
        return conn.recv()
    except (EOFError, MemoryError, OSError):  # the worker died (a crash inside a PDF library)
        cap = msg("contracts.perhaps_memory", memory=memory_mb) if memory_mb else ""
        return None, [Problem.of("contracts", "contracts.reading_crashed", Location(path.name),
                                 cap=cap)]
    finally:
        conn.close()


def _stop_overdue(running: dict[Connection, tuple[Job, mp.Process, float]],
                  seconds: float) -> dict[Path, Part]:
    stopped = {}
    for conn, ((path, _, _), process, started) in list(running.items()):
        if time.monotonic() - started > seconds:
            process.kill()
            process.join()
            conn.close()
            del running[conn]
            stopped[path] = (None, [Problem.of("contracts", "contracts.reading_timeout",
                                               Location(path.name), seconds=f"{seconds:.0f}")])
    return stopped
