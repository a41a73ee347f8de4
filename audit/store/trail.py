"""The audit trail: owners' responses and the changes runs make, one row each (who, when, why)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit.models import Deviation
from audit.store.tables import EventRow
from audit.store.tracking import OWNER_ACTIONS, Response, fold_responses, open_since

RUN_ACTIONS = {"new": "found", "reopened": "reopened", "resolved": "resolved"}
STATE_ACTIONS = {"still_found": "still_found", "expired": "suppression_expired"}


def now() -> datetime:
    """UTC without offset: SQLite would otherwise store local time with the offset dropped."""
    return datetime.now(UTC).replace(tzinfo=None)


def responses(session: Session, ids: Sequence[str] | None = None) -> dict[str, Response]:
    """The owners' current responses (all deviations, or those given)."""
    query = select(EventRow.deviation_id, EventRow.action, EventRow.actor, EventRow.at,
                   EventRow.note, EventRow.until).order_by(EventRow.id)
    if ids is not None:
        query = query.where(EventRow.deviation_id.in_(list(ids)))
    return fold_responses(tuple(row) for row in session.execute(query))


def add_event(session: Session, deviation_id: str, action: str, actor: str, note: str = "",
              until: date | None = None, period: str | None = None,
              run_id: int | None = None) -> EventRow:
    """Record one change in the trail."""
    row = EventRow(deviation_id=deviation_id, action=action, actor=actor, at=now(), note=note,
                   until=until, period=period, run_id=run_id)
    session.add(row)
    return row


def record_run(session: Session, run_id: int, period: str, deviations: Sequence[Deviation]
               ) -> None:
    """The changes a run made: found, reopened, resolved, escalated, still found, suppression
    expired; none recorded twice (a re-run of the period, the next months)."""
    ids = sorted({d.deviation_id for d in deviations})
    earlier: dict[str, list[tuple[str, str | None]]] = {}
    for key, action, when in session.execute(
            select(EventRow.deviation_id, EventRow.action, EventRow.period)
            .where(EventRow.deviation_id.in_(ids)).order_by(EventRow.id)):
        earlier.setdefault(key, []).append((action, when))
    actor = f"contract-audit (run {run_id})"
    for d in deviations:
        trail = earlier.setdefault(d.deviation_id, [])
        for action, note in _changes(period, d):
            if not _recorded(trail, action, period, open_since(period, d)):
                add_event(session, d.deviation_id, action, actor, note, period=period,
                          run_id=run_id)
                trail.append((action, period))


def _recorded(trail: list[tuple[str, str | None]], action: str, period: str, since: str
              ) -> bool:
    """Whether the trail already holds this change: in this period; an escalation in this
    open stretch; 'still found' or 'expired' since the owner's latest response."""
    if action == "escalated":
        return any(a == action and p is not None and since <= p <= period for a, p in trail)
    if action in STATE_ACTIONS.values():
        responses = [i for i, (a, _) in enumerate(trail) if a in OWNER_ACTIONS]
        latest = responses[-1] if responses else -1
        return any(a == action for a, _ in trail[latest + 1:])
    return (action, period) in trail


def _changes(period: str, d: Deviation) -> list[tuple[str, str]]:
    """(action, why) pairs for one deviation of a run."""
    out = []
    if d.status in RUN_ACTIONS:
        why = {"new": f"found by the audit of {period}",
               "reopened": f"found again by the audit of {period} (first seen {d.first_seen})",
               "resolved": f"no longer found by the audit of {period}"}[d.status]
        out.append((RUN_ACTIONS[d.status], why))
    if d.owner_state in STATE_ACTIONS:
        why = {"still_found": f"marked resolved ({d.owner_note}), but the audit of {period} "
                              "still finds it",
               "expired": f"suppression ended ({d.owner_note}); open again"}[d.owner_state]
        out.append((STATE_ACTIONS[d.owner_state], why))
    if d.escalated:
        out.append(("escalated", f"open past its due date {d.due_date}; copied to the controller"))
    return out


def events(session: Session, deviation_id: str) -> list[dict[str, object]]:
    """The trail of one deviation, oldest first."""
    rows = session.scalars(select(EventRow).where(EventRow.deviation_id == deviation_id)
                           .order_by(EventRow.id))
    return [{"at": r.at, "action": r.action, "actor": r.actor, "note": r.note,
             "until": r.until, "period": r.period} for r in rows]
