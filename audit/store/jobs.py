"""The scheduler's job store: APScheduler's job table in the audit database, on its engine."""

from __future__ import annotations

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

from audit.store.db import Store


def job_store(store: Store) -> SQLAlchemyJobStore:
    """The job store on the audit database's own engine (no second engine of its own)."""
    return SQLAlchemyJobStore(engine=store.engine)
