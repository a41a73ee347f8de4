"""The databases the store tests run against: a SQLite file, and PostgreSQL when available.

PostgreSQL: set AUDIT_TEST_PG_URL to a server where the user may create databases, e.g.
`eval "$(.ci/start-postgres)"`; each test gets a fresh database there, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

PG_ENV = "AUDIT_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")
SKIP_PG = (f"PostgreSQL case skipped: {PG_ENV} is not set (run `eval \"$(.ci/start-postgres)\"` "
           "to start a local server; .ci/run does)")


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """A fresh, empty database of this kind; yields its SQLAlchemy URL."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'audit.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(SKIP_PG)
    name = f"audit_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
