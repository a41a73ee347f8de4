"""Deviations with a memory: new, recurring, resolved or reopened; age, escalation, responses.

Pure functions over what earlier runs saw and what owners said; the Store feeds them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from audit.models import Deviation, Period

OWNER_ACTIONS = ("acknowledged", "marked_resolved", "suppressed")  # set the owner's state
CLEARING_ACTIONS = ("found", "reopened", "resolved")  # a run starts a new life: clear
STATE_OF_ACTION = {"acknowledged": "acknowledged", "marked_resolved": "resolved",
                   "suppressed": "suppressed"}


@dataclass(frozen=True)
class Response:
    """An owner's latest response to a deviation: what, who, when, why, until when."""

    action: str  # acknowledged | marked_resolved | suppressed
    actor: str
    at: datetime
    note: str = ""
    until: date | None = None

    def describe(self) -> str:
        """'Jan, 2026-09-03 (→ 2026-10-15): reason' - language-neutral, for emails and lists."""
        until = f" (→ {self.until.isoformat()})" if self.until else ""
        note = f": {self.note}" if self.note else ""
        return f"{self.actor}, {self.at:%Y-%m-%d}{until}{note}"


@dataclass(frozen=True)
class Seen:
    """A deviation as the previous run stored it, with the period its open stretch began."""

    deviation: Deviation
    open_since: str


def open_since(period: str, deviation: Deviation) -> str:
    """The period a deviation's current open stretch began, from its months open."""
    return Period.parse(period).shift(-max(deviation.months_open - 1, 0)).label


def fold_responses(events: Iterable[tuple[str, str, str, datetime, str, date | None]]
                   ) -> dict[str, Response]:
    """The owners' current responses from the trail (deviation_id, action, actor, at, note,
    until) in order: a run that finds, resolves or reopens a deviation clears the response;
    one that finds it still there, or sees the suppression expired, only says so (so a
    re-run of the period gives the same result)."""
    responses: dict[str, Response] = {}
    for deviation_id, action, actor, at, note, until in events:
        if action in OWNER_ACTIONS:
            responses[deviation_id] = Response(action, actor, at, note, until)
        elif action in CLEARING_ACTIONS:
            responses.pop(deviation_id, None)
    return responses


def owner_state(response: Response | None, as_of: date) -> str:
    """The owner's state as of a day: a suppression past its date has expired."""
    if response is None:
        return ""
    state = STATE_OF_ACTION[response.action]
    if state == "suppressed" and response.until is not None and response.until < as_of:
        return "expired"
    return state


def track(period: str, found: list[Deviation], previous: dict[str, Seen],
          earliest: dict[str, str], responses: dict[str, Response], as_of: date
          ) -> list[Deviation]:
    """This run's deviations with status, age, due date, escalation and the owner's response,
    plus copies of those the previous run had open that are no longer found (resolved)."""
    adopted = adopt_legacy(found, previous)
    current = []
    for d in found:
        key = adopted.get(d.deviation_id, d.deviation_id)
        current.append(_one(period, d, previous.get(key), earliest.get(key),
                            responses.get(d.deviation_id) or responses.get(key), as_of))
    ids = {d.deviation_id for d in found} | set(adopted.values())
    resolved = [replace(seen.deviation, status="resolved", escalated=False, owner_state="",
                        owner_note="")
                for key, seen in sorted(previous.items())
                if key not in ids and seen.deviation.status != "resolved"]
    return current + resolved


def adopt_legacy(found: list[Deviation], previous: dict[str, Seen]) -> dict[str, str]:
    """New id -> the id a run before the upgrade stored the same deviation under (hashed
    without what was agreed), for each found deviation the previous run knew only that way:
    it continues (recurring, same due date and response) instead of resolving and reopening."""
    ids = {d.deviation_id for d in found}
    adopted: dict[str, str] = {}
    for d in found:
        seen = previous.get(d.legacy_id)
        if (d.agreed and d.deviation_id not in previous and seen is not None
                and not seen.deviation.agreed and d.legacy_id not in ids
                and d.legacy_id not in adopted.values()):
            adopted[d.deviation_id] = d.legacy_id
    return adopted


def _one(period: str, d: Deviation, seen: Seen | None, first: str | None,
         response: Response | None, as_of: date) -> Deviation:
    """One deviation found in this run, compared with the runs before it."""
    if seen is not None and seen.deviation.status != "resolved":
        status, since = "recurring", seen.open_since
        first = seen.deviation.first_seen or first or since
        due = seen.deviation.due_date or d.due_date  # the due date does not move monthly
    else:
        status = "reopened" if first is not None else "new"
        since, first, due = period, first or period, d.due_date
    state = owner_state(response, as_of)
    if state == "resolved":
        state = "still_found"  # the owner said it was solved; the audit still finds it
    escalated = state != "suppressed" and due is not None and due < as_of
    return replace(d, status=status, first_seen=first, due_date=due, escalated=escalated,
                   months_open=Period.parse(since).months_until(Period.parse(period)) + 1, owner_state=state,
                   owner_note=response.describe() if response else "")


def is_active(deviation: Deviation) -> bool:
    """Open and not suppressed: counted, emailed and escalated."""
    return deviation.status != "resolved" and deviation.owner_state != "suppressed"
