"""The audit database (SQLAlchemy): runs, their deviations, and the emails sent."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    create_engine,
    make_url,
    select,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from audit.errors import StoreError
from audit.models import AuditRun, Deviation


class Base(DeclarativeBase):
    """Declarative base of the audit tables."""


class RunRow(Base):
    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    stats: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    problems: Mapped[list[str]] = mapped_column(JSON, default=list)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    versions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # config, rules, inputs


class DeviationRow(Base):
    __tablename__ = "deviations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"), index=True)
    deviation_id: Mapped[str] = mapped_column(String(20), index=True)
    customer_id: Mapped[str] = mapped_column(String(50))
    customer_name: Mapped[str] = mapped_column(String(200))
    rule_id: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    expected: Mapped[str] = mapped_column(Text)
    actual: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    impact_eur: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), nullable=True)
    severity: Mapped[str] = mapped_column(String(10))
    owner: Mapped[str] = mapped_column(String(200))
    owner_email: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(Text)
    due_date: Mapped[Any] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    contract_file: Mapped[str] = mapped_column(String(300))
    contract_page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    contract_article: Mapped[str] = mapped_column(String(50))
    contract_text: Mapped[str] = mapped_column(Text)


class SentEmailRow(Base):
    __tablename__ = "emails_sent"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    recipient: Mapped[str] = mapped_column(String(200))
    digest: Mapped[str] = mapped_column(String(64), index=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime)


class Store:
    """The only place that talks to the database."""

    def __init__(self, url: str):
        try:
            database = make_url(url).database
            if make_url(url).get_backend_name() == "sqlite" and database not in (None, "", ":memory:"):
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(url)
            Base.metadata.create_all(self.engine)
        except (SQLAlchemyError, OSError) as e:
            raise StoreError(f"cannot open the database {url}: {e}") from e

    def mark_status(self, period: str, deviations: list[Deviation]) -> list[Deviation]:
        """new/recurring against earlier periods, plus the earlier ones now resolved."""
        with Session(self.engine) as s:
            earlier = s.scalars(select(DeviationRow.deviation_id).join(
                RunRow, RunRow.id == DeviationRow.run_id).where(
                RunRow.period < period, RunRow.status == "completed")).all()
            last = s.scalars(select(RunRow).where(RunRow.period < period,
                                                  RunRow.status == "completed")
                             .order_by(RunRow.period.desc(), RunRow.id.desc())).first()
            last_open = [] if last is None else s.scalars(select(DeviationRow).where(
                DeviationRow.run_id == last.id, DeviationRow.status != "resolved")).all()
        seen = set(earlier)
        current = [replace(d, status="recurring" if d.deviation_id in seen else "new")
                   for d in deviations]
        found = {d.deviation_id for d in current}
        resolved = [_from_row(r, "resolved") for r in last_open if r.deviation_id not in found]
        return current + resolved

    def start_run(self, period: str, versions: dict[str, Any]) -> int:
        """Record a run as running (so a crash leaves a trace); returns its id."""
        try:
            with Session(self.engine) as s, s.begin():
                row = RunRow(period=period, started_at=_now(), status="running",
                             versions=versions, stats={}, problems=[])
                s.add(row)
                s.flush()
                return row.id
        except SQLAlchemyError as e:
            raise StoreError(f"cannot record the run: {e}") from e

    def finish_run(self, run_id: int, run: AuditRun) -> None:
        """The run's deviations and its completed status, in one transaction."""
        try:
            with Session(self.engine) as s, s.begin():
                row = s.get_one(RunRow, run_id)
                row.status, row.finished_at = "completed", _now()
                row.stats = json.loads(json.dumps(run.stats, default=str))
                row.problems = [str(p) for p in run.problems]
                s.add_all(_to_row(run_id, d) for d in run.deviations)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot save the run: {e}") from e

    def fail_run(self, run_id: int, error: str, problems: list[str] | None = None) -> None:
        """Mark a run failed with its error; it keeps no deviations."""
        with Session(self.engine) as s, s.begin():
            row = s.get_one(RunRow, run_id)
            row.status, row.finished_at, row.error = "failed", _now(), error
            row.problems = problems or []

    def completed(self, period: str) -> bool:
        """True when a run of this period completed before."""
        with Session(self.engine) as s:
            return s.scalar(select(RunRow.id).where(RunRow.period == period,
                                                    RunRow.status == "completed")) is not None

    def runs(self, limit: int = 50) -> list[dict[str, Any]]:
        """The latest runs, newest first, as plain dicts."""
        with Session(self.engine) as s:
            rows = s.scalars(select(RunRow).order_by(RunRow.id.desc()).limit(limit)).all()
            return [{"id": r.id, "period": r.period, "started_at": r.started_at,
                     "finished_at": r.finished_at, "status": r.status, "stats": r.stats,
                     "problems": len(r.problems or []), "error": r.error,
                     "versions": r.versions} for r in rows]

    def deviation_count(self, run_id: int) -> int:
        """How many deviation rows a run stored (a failed run stores none)."""
        with Session(self.engine) as s:
            return len(s.scalars(select(DeviationRow.id).where(
                DeviationRow.run_id == run_id)).all())

    def was_sent(self, period: str, recipient: str, digest: str) -> bool:
        """True when this exact email already went out for the period."""
        with Session(self.engine) as s:
            return s.scalar(select(SentEmailRow.id).where(
                SentEmailRow.period == period, SentEmailRow.recipient == recipient,
                SentEmailRow.digest == digest)) is not None

    def record_sent(self, period: str, recipient: str, digest: str) -> None:
        """Remember an email that went out, so a re-run does not send it again."""
        with Session(self.engine) as s, s.begin():
            s.add(SentEmailRow(period=period, recipient=recipient, digest=digest,
                               sent_at=_now()))

    def history(self) -> list[dict[str, Any]]:
        """Per completed run (latest per period): open deviations and money at stake."""
        with Session(self.engine) as s:
            runs = s.scalars(select(RunRow).where(RunRow.status == "completed")
                             .order_by(RunRow.period, RunRow.id)).all()
            latest = {r.period: r for r in runs}
            out = []
            for period, r in sorted(latest.items()):
                rows = s.scalars(select(DeviationRow).where(DeviationRow.run_id == r.id,
                                                            DeviationRow.status != "resolved"))
                rows = list(rows)
                impact = sum((x.impact_eur for x in rows if x.impact_eur is not None), Decimal(0))
                out.append({"period": period, "deviations": len(rows), "impact": impact})
            return out


def _now() -> datetime:
    """UTC without offset: SQLite would otherwise store local time with the offset dropped."""
    return datetime.now(UTC).replace(tzinfo=None)


def _to_row(run_id: int, d: Deviation) -> DeviationRow:
    return DeviationRow(
        run_id=run_id, deviation_id=d.deviation_id, customer_id=d.customer_id,
        customer_name=d.customer_name, rule_id=d.rule_id, kind=d.kind, subject=d.subject,
        description=d.description, expected=d.expected, actual=d.actual,
        evidence=";".join(d.evidence), impact_eur=d.impact_eur, severity=d.severity,
        owner=d.owner, owner_email=d.owner_email, action=d.action, due_date=d.due_date,
        status=d.status, contract_file=d.contract_file, contract_page=d.contract_page,
        contract_article=d.contract_article, contract_text=d.contract_text,
    )


def _from_row(r: DeviationRow, status: str) -> Deviation:
    return Deviation(
        customer_id=r.customer_id, rule_id=r.rule_id, kind=r.kind, subject=r.subject,
        description=r.description, expected=r.expected, actual=r.actual,
        evidence=tuple(e for e in r.evidence.split(";") if e), impact_eur=r.impact_eur,
        severity=r.severity, contract_file=r.contract_file, contract_page=r.contract_page,
        contract_article=r.contract_article, contract_text=r.contract_text,
        customer_name=r.customer_name, owner=r.owner, owner_email=r.owner_email,
        action=r.action, due_date=r.due_date, status=status,
    )
