"""The audit tables (SQLAlchemy ORM); the schema itself is created by the Alembic migrations."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of the audit tables."""


class RunRow(Base):
    """One audit run: its period, timing, status, counts, problems and input hashes."""

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
    """A deviation as one run saw it (a snapshot per run), with its tracking state."""

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
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    contract_file: Mapped[str] = mapped_column(String(300))
    contract_page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    contract_article: Mapped[str] = mapped_column(String(50))
    contract_text: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[str | None] = mapped_column(String(7), nullable=True)
    open_since: Mapped[str | None] = mapped_column(String(7), nullable=True)
    months_open: Mapped[int] = mapped_column(Integer, default=0)
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_state: Mapped[str] = mapped_column(String(20), default="")
    owner_note: Mapped[str] = mapped_column(Text, default="")
    agreed: Mapped[str] = mapped_column(Text, default="")  # identity: see models.Deviation


class SentEmailRow(Base):
    """An email that went out: period, recipient and the digest of its content."""

    __tablename__ = "emails_sent"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    recipient: Mapped[str] = mapped_column(String(200))
    digest: Mapped[str] = mapped_column(String(64), index=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime)


class EventRow(Base):
    """The audit trail: every change to a deviation, by an owner or by a run; who, when, why."""

    __tablename__ = "deviation_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deviation_id: Mapped[str] = mapped_column(String(20), index=True)
    action: Mapped[str] = mapped_column(String(30))
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
    period: Mapped[str | None] = mapped_column(String(7), nullable=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"), nullable=True)


class ContractCacheRow(Base):
    """What one PDF said (pages, tables, reading problems), by content hash + reader settings."""

    __tablename__ = "contract_cache"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    file: Mapped[str] = mapped_column(String(300))
    read_at: Mapped[datetime] = mapped_column(DateTime)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)


class OutboxRow(Base):
    """An email queued by a run before it is sent: pending, sent (accepted) or superseded."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"), nullable=True, index=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    recipient: Mapped[str] = mapped_column(String(200))
    digest: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(200), index=True)
    file: Mapped[str] = mapped_column(String(300))
    state: Mapped[str] = mapped_column(String(20))
    queued_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
