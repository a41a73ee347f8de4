"""Bring the audit database to the latest schema with the Alembic migrations in migrations/.

On SQLite the whole upgrade is one transaction (see `transactional_sqlite`), so a process killed
half-way leaves the database as it was; a database half-created by an older version (which could
not do this) is recognised when it holds no runs and is built again.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, MetaData, event, inspect, text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:  # alembic is imported only when a database is not at the latest schema
    from alembic.config import Config

HERE = Path(__file__).parent
INITIAL = "0001"  # the schema Base.metadata.create_all made before there were migrations
INITIAL_TABLES = {"runs", "emails_sent", "deviations"}
PG_LOCK = 727_2026  # advisory lock: two processes opening a fresh database migrate one at a time
IMMEDIATE = "audit_begin_immediate"  # execution option: take SQLite's write lock at BEGIN
VERSION_TABLE = "alembic_version"  # where Alembic keeps a database's revision
_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*(?:['\"]([^'\"]+)['\"]|None)\s*$",
                       re.MULTILINE)
log = logging.getLogger("audit.store")


class MigrationError(Exception):
    """Alembic could not bring the database to the latest schema (its CommandError)."""


def transactional_sqlite(engine: Engine) -> None:
    """Make pysqlite run DDL inside transactions: by default it commits before every CREATE,
    so a kill during a migration left a half-made schema behind (SQLAlchemy's documented recipe)."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves, below

    @event.listens_for(engine, "begin")
    def _begin(connection):  # type: ignore[no-untyped-def]
        immediate = connection.get_execution_options().get(IMMEDIATE)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic config of the package (alembic.ini), migrating `connection` when given."""
    from alembic.config import Config

    config = Config(str(HERE / "alembic.ini"))
    config.set_main_option("script_location", str(HERE / "migrations"))
    config.attributes["connection"] = connection
    return config


@cache
def head() -> str:
    """The latest revision of the schema: read from the migration files' `revision` and
    `down_revision` lines (importing Alembic costs a start-up more than the whole check);
    Alembic's own answer when the files do not form one line of revisions."""
    revisions: dict[str, str | None] = {}
    for path in sorted((HERE / "migrations" / "versions").glob("*.py")):
        found = dict((m.group(1), m.group(2)) for m in _REVISION.finditer(path.read_text()))
        if "revision" in found and found["revision"] is not None:
            revisions[found["revision"]] = found.get("down_revision")
    heads = set(revisions) - set(revisions.values())
    if len(heads) == 1 and list(revisions.values()).count(None) == 1:
        return heads.pop()
    return alembic_head()


def alembic_head() -> str:
    """The latest revision as Alembic's script directory gives it."""
    from alembic.script import ScriptDirectory

    found = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert found is not None
    return found


def current(connection: Connection) -> str | None:
    """The revision a database is at (None: not under Alembic, or empty)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def at_head(engine: Engine) -> bool:
    """True when the database's one stored revision is the latest: a plain query, no Alembic."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return False
        stored = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    return len(stored) == 1 and stored[0][0] == head()


def upgrade(engine: Engine) -> None:
    """Apply the missing migrations in one transaction; a database made before migrations is
    stamped first; one half-created by an older version, holding no runs, is built again.
    A database already at the latest revision is left as it is without loading Alembic."""
    if at_head(engine):
        return
    from alembic.util import CommandError

    try:
        _upgrade_or_rebuild(engine)
    except CommandError as e:
        raise MigrationError(str(e)) from e


def _upgrade_or_rebuild(engine: Engine) -> None:
    from alembic.util import CommandError

    try:
        _upgrade_once(engine)
    except (SQLAlchemyError, CommandError) as e:
        if not _holds_no_runs(engine):
            raise
        log.warning("the database was half-created (%s); it holds no runs and is built again", e)
        _rebuild(engine)


def _begin(engine: Engine) -> Connection:
    return engine.connect().execution_options(**{IMMEDIATE: True})


def _upgrade_once(engine: Engine) -> None:
    from alembic import command
    from alembic.util import CommandError

    with _begin(engine) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK})
        revision = current(connection)
        if revision == head():
            return  # another process migrated while this one waited for the lock
        tables = set(inspect(connection).get_table_names())
        if revision is None and tables and not INITIAL_TABLES <= tables:
            raise CommandError(f"tables {sorted(tables)} without a schema revision")
        config = alembic_config(connection)
        if revision is None and "runs" in tables:
            command.stamp(config, INITIAL)
        command.upgrade(config, "head")


def _holds_no_runs(engine: Engine) -> bool:
    """True when the database has no recorded run: nothing is lost by building it again."""
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("runs"):
                return True
            return connection.execute(text("SELECT count(*) FROM runs")).scalar() == 0
    except SQLAlchemyError:
        return False


def _rebuild(engine: Engine) -> None:
    """Drop every table of a database without runs, then migrate from nothing, in one step."""
    from alembic import command

    with _begin(engine) as connection, connection.begin():
        found = MetaData()
        found.reflect(connection)
        found.drop_all(connection)
        command.upgrade(alembic_config(connection), "head")
