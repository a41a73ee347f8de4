"""The audit database (SQLAlchemy, schema by Alembic): runs, deviations, trail, emails sent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, insert, make_url, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from audit.errors import AuditError, StoreError
from audit.faults import checkpoint
from audit.models import AuditRun, Deviation, Period, RunStats
from audit.private import mask, private_file
from audit.store import migrate, outbox, trail
from audit.store.cache import ContractCache
from audit.store.history import Counts, period_history
from audit.store.tables import DeviationRow, EventRow, RunRow, SentEmailRow
from audit.store.tracking import Response, Seen, open_since, owner_state, track

RESPONSES = ("acknowledged", "marked_resolved", "suppressed")
COMPLETED, DRY_RUN, INTERRUPTED = "completed", "dry_run", "interrupted"
INTERRUPTED_ERROR = ("the process ended before the run finished (killed, or the machine went "
                     "down); its outputs and emails may be incomplete: run the period again")


class Store:
    """The only place that talks to the database."""

    def contract_cache(self, settings: str) -> ContractCache:
        """The reading cache for documents read with these reader settings."""
        return ContractCache(self.engine, settings)

    def __init__(self, url: str):
        shown = url
        try:
            shown = make_url(url).render_as_string(hide_password=True)
            database = make_url(url).database
            if make_url(url).get_backend_name() == "sqlite" and database not in (None, "", ":memory:"):
                private_file(Path(database))  # 0600: it holds customers, amounts, owners' notes
            self.engine = create_engine(url)
            migrate.transactional_sqlite(self.engine)
            migrate.upgrade(self.engine)
        except (SQLAlchemyError, OSError, migrate.MigrationError, ValueError) as e:
            raise StoreError(mask(f"cannot open the database {shown}: {e}", [url])) from None

    def mark_status(self, period: str, deviations: list[Deviation],
                    as_of: date | None = None) -> list[Deviation]:
        """new/recurring/reopened against earlier periods, plus the earlier ones now resolved;
        with first seen, months open, due date, escalation and the owners' responses."""
        with Session(self.engine) as s:
            earlier = _completed_before(period)
            earliest = dict(s.execute(
                select(DeviationRow.deviation_id, func.min(RunRow.period))
                .join(RunRow, RunRow.id == DeviationRow.run_id)
                .where(*earlier, DeviationRow.status != "resolved")
                .group_by(DeviationRow.deviation_id)).all())
            last = s.scalars(select(RunRow).where(*earlier)
                             .order_by(RunRow.period.desc(), RunRow.id.desc())).first()
            rows = [] if last is None else s.scalars(select(DeviationRow).where(
                DeviationRow.run_id == last.id)).all()
            previous = {r.deviation_id: Seen(_from_row(r), r.open_since or r.first_seen
                                             or last.period) for r in rows}
            answers = trail.responses(s)
        return track(period, deviations, previous, earliest, answers,
                     as_of or Period.parse(period).end)

    def start_run(self, period: str, versions: dict[str, Any]) -> int:
        """Record a run as running (so a crash leaves a trace); returns its id."""
        try:
            with Session(self.engine) as s, s.begin():
                row = RunRow(period=period, started_at=trail.now(), status="running",
                             versions=versions, stats={}, problems=[])
                s.add(row)
                s.flush()
                return row.id
        except SQLAlchemyError as e:
            raise StoreError(f"cannot record the run: {e}") from e

    def finish_run(self, run_id: int, run: AuditRun, status: str = COMPLETED,
                   queued: Sequence[outbox.Queued] = ()) -> None:
        """The run's deviations, the changes it made (trail), the emails it queues and its status,
        in one commit. A dry run (status dry_run) keeps its deviations but changes no trail and
        queues nothing: it never feeds the next run's status."""
        try:
            with Session(self.engine) as s, s.begin():
                row = s.get_one(RunRow, run_id)
                row.status, row.finished_at = status, trail.now()
                row.stats = run.stats.to_json()
                row.problems = [str(p) for p in run.problems]
                if run.deviations:  # one executemany, not an ORM object per deviation
                    s.execute(insert(DeviationRow),
                              [_to_row(run_id, row.period, d) for d in run.deviations])
                if status == COMPLETED:
                    _adopt_trails(s, run.deviations)
                    if not _later_completed(s, row.period):  # an earlier period audited late
                        trail.record_run(s, run_id, row.period, run.deviations)  # leaves the
                    outbox.queue(s, run_id, row.period, queued)  # later lifecycle alone
                s.flush()
                checkpoint("finish_run")
        except SQLAlchemyError as e:
            raise StoreError(f"cannot save the run: {e}") from e

    def record_delivery(self, run_id: int, run: AuditRun) -> None:
        """After the emails: the run's email counts and any delivery problems."""
        with Session(self.engine) as s, s.begin():
            row = s.get_one(RunRow, run_id)
            row.stats = run.stats.to_json()
            row.problems = [str(p) for p in run.problems]

    def interrupt_running(self) -> int:
        """Mark runs still `running` as interrupted: called under the audit lock, so their
        process is gone. Returns how many."""
        with Session(self.engine) as s, s.begin():
            result = s.execute(update(RunRow).where(RunRow.status == "running").values(
                status=INTERRUPTED, finished_at=trail.now(), error=INTERRUPTED_ERROR))
            return int(result.rowcount or 0)

    def fail_run(self, run_id: int, error: str, problems: list[str] | None = None) -> None:
        """Mark a run failed with its error; it keeps no deviations."""
        with Session(self.engine) as s, s.begin():
            row = s.get_one(RunRow, run_id)
            row.status, row.finished_at, row.error = "failed", trail.now(), mask(error)
            row.problems = problems or []

    def completed(self, period: str) -> bool:
        """True when a (real, not dry) run of this period completed before."""
        with Session(self.engine) as s:
            return s.scalar(select(RunRow.id).where(RunRow.period == period,
                                                    RunRow.status == COMPLETED)) is not None

    def runs(self, limit: int = 50) -> list[dict[str, Any]]:
        """The latest runs, newest first, as plain dicts."""
        with Session(self.engine) as s:
            rows = s.scalars(select(RunRow).order_by(RunRow.id.desc()).limit(limit)).all()
            return [{"id": r.id, "period": r.period, "started_at": r.started_at,
                     "finished_at": r.finished_at, "status": r.status,
                     "stats": RunStats.from_json(r.stats) if r.stats else None,
                     "problems": len(r.problems or []), "error": r.error,
                     "versions": r.versions} for r in rows]

    def was_sent(self, period: str, recipient: str, digest: str) -> bool:
        """True when this exact email already went out for the period."""
        with Session(self.engine) as s:
            return s.scalar(select(SentEmailRow.id).where(
                SentEmailRow.period == period, SentEmailRow.recipient == recipient,
                SentEmailRow.digest == digest)) is not None

    def record_sent(self, period: str, recipient: str, digest: str,
                    message_id: str | None = None) -> None:
        """Remember an email the server accepted, at once and in its own commit, so a re-run
        or `send` does not send it again."""
        with Session(self.engine) as s, s.begin():
            outbox.mark_sent(s, period, recipient, digest, message_id)

    def outbox_state(self, message_id: str) -> str | None:
        """pending, sent or superseded; None when the outbox never recorded the message."""
        with Session(self.engine) as s:
            return outbox.state(s, message_id)

    def pending_emails(self, period: str | None = None) -> list[dict[str, Any]]:
        """The queued emails not yet accepted by the mail server."""
        with Session(self.engine) as s:
            return [{"period": r.period, "recipient": r.recipient, "file": r.file,
                     "message_id": r.message_id} for r in outbox.pending(s, period)]

    def last_agreements(self) -> Counts:
        """Per document, the agreements per rule the latest completed run read (empty when no
        run stored them)."""
        with Session(self.engine) as s:
            stats = s.scalars(select(RunRow.stats).where(RunRow.status == COMPLETED)
                              .order_by(RunRow.id.desc())).first()
        return RunStats.from_json(stats).agreements if stats else {}

    def history(self) -> list[dict[str, Any]]:
        """Per completed run (latest per period): open deviations and money at stake, in total,
        per owner and per rule."""
        with Session(self.engine) as s:
            runs = s.scalars(select(RunRow).where(RunRow.status == "completed")
                             .order_by(RunRow.period, RunRow.id)).all()
            latest = {r.period: r.id for r in runs}
            out = []
            for period, run_id in sorted(latest.items()):
                rows = s.scalars(select(DeviationRow).where(DeviationRow.run_id == run_id))
                out.append(period_history(period, [_from_row(r) for r in rows]))
            return out

    def tracked(self, period: str | None = None, as_of: date | None = None
                ) -> tuple[str | None, list[Deviation]]:
        """The deviations of the latest completed run (of `period`, else of the latest period),
        with the owners' responses as they stand (as of today)."""
        with Session(self.engine) as s:
            where = [RunRow.status == "completed"] + ([RunRow.period == period] if period else [])
            last = s.scalars(select(RunRow).where(*where)
                             .order_by(RunRow.period.desc(), RunRow.id.desc())).first()
            if last is None:
                return None, []
            rows = s.scalars(select(DeviationRow).where(DeviationRow.run_id == last.id)
                             .order_by(DeviationRow.id)).all()
            answers = trail.responses(s)
            deviations = [_from_row(r) for r in rows]
        today = as_of or date.today()
        return last.period, [_current(d, answers.get(d.deviation_id), today) for d in deviations]

    def respond(self, deviation_id: str, action: str, actor: str, note: str = "",
                until: date | None = None) -> Deviation:
        """Record an owner's response (acknowledged, marked_resolved, suppressed) in the trail."""
        if action not in RESPONSES:
            raise ValueError(f"unknown response {action!r}; valid: {', '.join(RESPONSES)}")
        with Session(self.engine) as s, s.begin():
            row = _latest_row(s, deviation_id)
            if row.status == "resolved":
                raise AuditError(f"{deviation_id} was resolved by the audit of "
                                 f"{s.get_one(RunRow, row.run_id).period}; nothing to respond to")
            trail.add_event(s, row.deviation_id, action, actor, note, until)
            return _from_row(row)

    def trail(self, deviation_id: str) -> tuple[Deviation, list[dict[str, Any]],
                                                list[tuple[str, str]]]:
        """One deviation as last seen, its trail, and (period, status) per completed run."""
        with Session(self.engine) as s:
            row = _latest_row(s, deviation_id)
            seen = s.execute(select(RunRow.period, DeviationRow.status)
                             .join(RunRow, RunRow.id == DeviationRow.run_id)
                             .where(DeviationRow.deviation_id == deviation_id,
                                    RunRow.status == "completed")
                             .order_by(RunRow.period, RunRow.id)).all()
            latest = dict(seen)  # the latest run of each period wins
            return _from_row(row), trail.events(s, deviation_id), sorted(latest.items())


def _later_completed(s: Session, period: str) -> bool:
    """Whether a later period has a completed run: this run's findings are then history, and
    the trail (new, resolved, escalated, which clears or keeps owners' responses) stays the
    later runs' own."""
    return s.scalar(select(RunRow.id).where(RunRow.period > period,
                                            RunRow.status == COMPLETED).limit(1)) is not None


def _adopt_trails(s: Session, deviations: Sequence[Deviation]) -> None:
    """The trail of each deviation a pre-0005 run stored under its old id (hashed without what
    was agreed) moves to its new id once, so its owners' responses and history follow it."""
    moves = {d.legacy_id: d.deviation_id for d in deviations
             if d.agreed and d.status != "resolved" and d.legacy_id != d.deviation_id}
    if not moves:
        return
    stored = set(s.scalars(select(DeviationRow.deviation_id).where(
        DeviationRow.deviation_id.in_(list(moves)), DeviationRow.agreed == "").distinct()))
    for old in sorted(stored):
        s.execute(update(EventRow).where(EventRow.deviation_id == old)
                  .values(deviation_id=moves[old]))


def _completed_before(period: str) -> list[Any]:
    return [RunRow.period < period, RunRow.status == "completed"]


def _latest_row(s: Session, deviation_id: str) -> DeviationRow:
    """The deviation as the latest completed run stored it; AuditError when no run found it."""
    row = s.scalars(select(DeviationRow).join(RunRow, RunRow.id == DeviationRow.run_id)
                    .where(DeviationRow.deviation_id == normal_id(deviation_id),
                           RunRow.status == "completed")
                    .order_by(RunRow.period.desc(), RunRow.id.desc())).first()
    if row is None:
        raise AuditError(f"no deviation {deviation_id} in the database (see `contract-audit "
                         "deviations` for the ids)")
    return row


def normal_id(text: str) -> str:
    """A deviation id as typed ('d-8647B2A23F ') -> as stored ('D-8647b2a23f')."""
    text = text.strip()
    return "D-" + text[2:].lower() if text[:2].upper() == "D-" else text


def _current(d: Deviation, response: Response | None, today: date) -> Deviation:
    """A stored deviation with the owner's response as it stands today."""
    if d.status == "resolved":
        return replace(d, owner_state="", owner_note="")
    state = owner_state(response, today)
    return replace(d, owner_state=state, owner_note=response.describe() if response else "",
                   escalated=d.escalated and state != "suppressed")


def _to_row(run_id: int, period: str, d: Deviation) -> dict[str, Any]:
    """A deviation as the values of its row (for one bulk insert)."""
    return dict(
        run_id=run_id, deviation_id=d.deviation_id, customer_id=d.customer_id,
        customer_name=d.customer_name, rule_id=d.rule_id, kind=d.kind, subject=d.subject,
        description=d.description, expected=d.expected, actual=d.actual,
        evidence=";".join(d.evidence), impact_eur=d.impact_eur, severity=d.severity,
        owner=d.owner, owner_email=d.owner_email, action=d.action, due_date=d.due_date,
        status=d.status, contract_file=d.contract_file, contract_page=d.contract_page,
        contract_article=d.contract_article, contract_text=d.contract_text,
        first_seen=d.first_seen or period, months_open=d.months_open,
        open_since=open_since(period, d) if d.status != "resolved" else None,
        escalated=d.escalated, owner_state=d.owner_state, owner_note=d.owner_note,
        agreed=d.agreed,
    )


def _from_row(r: DeviationRow) -> Deviation:
    return Deviation(
        customer_id=r.customer_id, rule_id=r.rule_id, kind=r.kind, subject=r.subject,
        description=r.description, expected=r.expected, actual=r.actual,
        evidence=tuple(e for e in r.evidence.split(";") if e), impact_eur=r.impact_eur,
        severity=r.severity, contract_file=r.contract_file, contract_page=r.contract_page,
        contract_article=r.contract_article, contract_text=r.contract_text,
        customer_name=r.customer_name, owner=r.owner, owner_email=r.owner_email,
        action=r.action, due_date=r.due_date, status=r.status, first_seen=r.first_seen or "",
        months_open=r.months_open or 0, escalated=bool(r.escalated),
        owner_state=r.owner_state or "", owner_note=r.owner_note or "", agreed=r.agreed or "",
    )

