"""Alembic environment: migrate the connection the audit hands over, or a URL given by hand."""

from __future__ import annotations

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine

from audit.store.tables import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    """The database URL when Alembic runs by hand: -x url=..., else AUDIT_DATABASE_URL."""
    url = context.get_x_argument(as_dictionary=True).get("url") or os.environ.get(
        "AUDIT_DATABASE_URL") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database: -x url=sqlite:///output/audit.db "
                         "(or set AUDIT_DATABASE_URL)")
    return url


def run_migrations_offline() -> None:
    """Print the SQL instead of running it (alembic upgrade --sql)."""
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Migrate the connection in config.attributes['connection'], or one opened on the URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    if config.config_file_name is not None:
        fileConfig(config.config_file_name)
    engine = create_engine(_url())
    with engine.connect() as own:
        context.configure(connection=own, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
