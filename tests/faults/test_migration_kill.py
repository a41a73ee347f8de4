"""A kill during the first migration leaves a database that opens (one transaction on SQLite);
a database half-created by an older version is recognised and built again."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

from sqlalchemy import create_engine, inspect

from audit.store.db import Store
from tests.faults.conftest import at_head

TRIALS = 20


def _open(url: str) -> None:
    Store(url)
    os._exit(0)


def test_killed_during_the_first_migration_the_database_still_opens(tmp_path):
    context = mp.get_context("fork")  # already imported: the kill lands in the migration
    rng = random.Random(13)
    # how long a first migration takes on this machine, so that the kills land inside it
    # whatever the machine's speed (a fixed window misses it on a fast, quiet machine)
    began = time.monotonic()
    probe = context.Process(target=_open, args=(f"sqlite:///{tmp_path / 'probe.db'}",))
    probe.start()
    probe.join(30)
    window = (time.monotonic() - began) * 0.8
    broken, killed = [], 0
    for trial in range(TRIALS):
        url = f"sqlite:///{tmp_path / f'{trial}.db'}"
        process = context.Process(target=_open, args=(url,))
        process.start()
        time.sleep(rng.uniform(0.0, window))
        if process.exitcode is None:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        process.join(10)
        try:
            Store(url)
            assert at_head(url)
        except Exception as e:  # noqa: BLE001 - counted, then reported
            broken.append(f"{trial}: {e}")
    assert killed >= TRIALS // 2, "the kills must land during the migration"
    assert broken == []


def _tables(path: Path) -> set[str]:
    return set(inspect(create_engine(f"sqlite:///{path}")).get_table_names())


def test_a_half_created_database_without_runs_is_built_again(tmp_path):
    path = tmp_path / "half.db"
    with sqlite3.connect(path) as db:  # what the old, non-transactional first migration left
        db.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, period VARCHAR(7))")
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    Store(f"sqlite:///{path}")
    assert at_head(f"sqlite:///{path}")
    assert {"runs", "deviations", "emails_sent", "outbox"} <= _tables(path)


def test_a_database_stuck_between_two_revisions_without_runs_is_built_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'stuck.db'}"
    Store(url)
    with sqlite3.connect(tmp_path / "stuck.db") as db:  # the version row fell behind the tables
        db.execute("UPDATE alembic_version SET version_num = '0003'")
    Store(url)
    assert at_head(url)
