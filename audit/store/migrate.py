"""Bring the audit database to the latest schema with the Alembic migrations in migrations/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

HERE = Path(__file__).parent
INITIAL = "0001"  # the schema Base.metadata.create_all made before there were migrations
PG_LOCK = 727_2026  # advisory lock: two processes opening a fresh database migrate one at a time


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic config of the package (alembic.ini), migrating `connection` when given."""
    config = Config(str(HERE / "alembic.ini"))
    config.set_main_option("script_location", str(HERE / "migrations"))
    config.attributes["connection"] = connection
    return config


@cache
def head() -> str:
    """The latest revision of the schema."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current(connection: Connection) -> str | None:
    """The revision a database is at (None: not under Alembic, or empty)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Apply the missing migrations; a database made before migrations is stamped first."""
    with engine.connect() as connection:
        if current(connection) == head():
            return
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK})
        revision = current(connection)
        config = alembic_config(connection)
        if revision is None and inspect(connection).has_table("runs"):
            command.stamp(config, INITIAL)
        command.upgrade(config, "head")
