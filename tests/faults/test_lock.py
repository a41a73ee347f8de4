"""The audit lock is an OS lock: exclusive under contention, never stolen from a live holder
(empty file, half-written file, old holder), released by the kernel when its holder dies."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from audit.errors import LockedError
from audit.lock import AuditLock

PROCESSES, TRIALS = 4, 20


def _contend(lock: Path, log: Path, start: float) -> None:
    """Wait for the common start, try the lock, and log the moments it was held."""
    while time.time() < start:
        pass
    try:
        with AuditLock(lock):
            begin = time.monotonic()
            time.sleep(0.02)
            end = time.monotonic()
            with log.open("a") as f:
                f.write(f"{begin} {end}\n")
    except LockedError:
        pass


def test_n_processes_taking_the_lock_at_once_never_hold_it_together(tmp_path):
    context = mp.get_context("fork")
    overlaps = 0
    for trial in range(TRIALS):
        lock, log = tmp_path / f"{trial}.lock", tmp_path / f"{trial}.log"
        log.touch()
        start = time.time() + 0.05
        workers = [context.Process(target=_contend, args=(lock, log, start))
                   for _ in range(PROCESSES)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(10)
        spans = sorted(tuple(map(float, line.split())) for line in log.read_text().splitlines())
        assert spans, "someone must get the lock"
        overlaps += sum(1 for a, b in zip(spans, spans[1:], strict=False) if b[0] < a[1])
    assert overlaps == 0


@pytest.mark.parametrize("content", ["", '{"pid": 12', "not json at all"])
def test_an_empty_or_half_written_lock_file_of_a_live_holder_is_not_stolen(tmp_path, content):
    lock = tmp_path / ".audit.lock"
    with AuditLock(lock):
        lock.write_text(content)  # as if the holder were still writing it
        with pytest.raises(LockedError, match="another audit is running"):
            AuditLock(lock).__enter__()


def test_a_live_holder_older_than_12_hours_is_not_robbed(tmp_path):
    lock = tmp_path / ".audit.lock"
    with AuditLock(lock):
        old = (datetime.now(UTC) - timedelta(hours=30)).isoformat(timespec="seconds")
        lock.write_text(json.dumps({"pid": os.getpid(), "host": "here", "since": old,
                                    "purpose": "audit"}))
        with pytest.raises(LockedError) as error:
            AuditLock(lock).__enter__()
        assert f"audit by pid {os.getpid()} on here since {old}" in str(error.value)


def _hold_forever(lock: Path, ready: mp.synchronize.Event) -> None:
    with AuditLock(lock, purpose="schedule"):
        ready.set()
        time.sleep(600)


def test_the_kernel_releases_the_lock_of_a_killed_holder(tmp_path):
    lock = tmp_path / ".audit.lock"
    context = mp.get_context("fork")
    ready = context.Event()
    holder = context.Process(target=_hold_forever, args=(lock, ready))
    holder.start()
    assert ready.wait(10)
    with pytest.raises(LockedError, match=f"schedule by pid {holder.pid}"):
        AuditLock(lock).__enter__()
    os.kill(holder.pid, signal.SIGKILL)
    holder.join(10)
    with AuditLock(lock) as mine:
        assert mine.held
