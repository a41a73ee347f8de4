"""The outbox table: an email is queued (pending) before it is sent and marked sent when accepted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from audit.store import trail
from audit.store.tables import OutboxRow, SentEmailRow

PENDING, SENT, SUPERSEDED = "pending", "sent", "superseded"


@dataclass(frozen=True)
class Queued:
    """One email as the outbox records it before sending."""

    recipient: str
    digest: str
    message_id: str
    file: str


def queue(session: Session, run_id: int | None, period: str, emails: Sequence[Queued]) -> None:
    """Record the run's emails as pending; earlier pending ones of the period are superseded
    (this run's emails replace what an earlier, unfinished run of the period left)."""
    session.execute(update(OutboxRow).where(OutboxRow.period == period,
                                            OutboxRow.state == PENDING)
                    .values(state=SUPERSEDED))
    now = trail.now()
    session.add_all(OutboxRow(run_id=run_id, period=period, recipient=e.recipient,
                              digest=e.digest, message_id=e.message_id, file=e.file,
                              state=PENDING, queued_at=now) for e in emails)


def state(session: Session, message_id: str) -> str | None:
    """The latest outbox state of a message (None: the outbox never recorded it)."""
    return session.scalars(select(OutboxRow.state).where(OutboxRow.message_id == message_id)
                           .order_by(OutboxRow.id.desc())).first()


def mark_sent(session: Session, period: str, recipient: str, digest: str,
              message_id: str | None) -> None:
    """The server accepted it: never send it again (a row in emails_sent, the outbox row sent)."""
    now = trail.now()
    session.add(SentEmailRow(period=period, recipient=recipient, digest=digest, sent_at=now))
    if message_id:
        session.execute(update(OutboxRow).where(OutboxRow.message_id == message_id,
                                                OutboxRow.state == PENDING)
                        .values(state=SENT, sent_at=now))


def pending(session: Session, period: str | None = None) -> list[OutboxRow]:
    """The emails still waiting (of one period, or all)."""
    where = [OutboxRow.state == PENDING] + ([OutboxRow.period == period] if period else [])
    return list(session.scalars(select(OutboxRow).where(*where).order_by(OutboxRow.id)))
