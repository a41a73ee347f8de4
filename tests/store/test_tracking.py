"""Deviations with a memory, in a real database: reopened, age, due date, escalation, responses,
suppression expiry and the audit trail (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest

from audit.errors import AuditError
from audit.store.db import Store
from tests.store.test_db import dev, save

LATE = date(2026, 9, 14)  # the due date the August run gives


def by_subject(deviations):
    return {d.subject: d for d in deviations}


def test_new_recurring_resolved_reopened_with_age(db_url):
    store = Store(db_url)
    save(store, "2026-08", [dev("a", due_date=LATE), dev("b")])
    sep = by_subject(save(store, "2026-09", [dev("a", due_date=date(2026, 10, 14))]))
    assert (sep["a"].status, sep["a"].first_seen, sep["a"].months_open) == (
        "recurring", "2026-08", 2)
    assert sep["a"].due_date == LATE, "the due date does not move with every run"
    assert sep["b"].status == "resolved"
    octo = by_subject(save(store, "2026-10", [dev("a"), dev("b", due_date=date(2026, 11, 13))]))
    assert (octo["a"].status, octo["a"].months_open) == ("recurring", 3)
    assert (octo["b"].status, octo["b"].first_seen, octo["b"].months_open) == (
        "reopened", "2026-08", 1)
    assert octo["b"].due_date == date(2026, 11, 13), "a reopened deviation gets a new due date"
    nov = by_subject(save(store, "2026-11", [dev("b")]))
    assert (nov["b"].status, nov["b"].months_open, nov["b"].first_seen) == (
        "recurring", 2, "2026-08")


def test_escalated_once_past_the_due_date(db_url):
    store = Store(db_url)
    aug = save(store, "2026-08", [dev("a", due_date=LATE)])
    assert not aug[0].escalated
    sep = save(store, "2026-09", [dev("a")])
    assert sep[0].escalated, "open past 14-09 at the end of September"
    save(store, "2026-09", [dev("a")])  # a re-run
    save(store, "2026-10", [dev("a")])
    _, trail, _ = store.trail(dev("a").deviation_id)
    assert [(e["action"], e["period"]) for e in trail] == [
        ("found", "2026-08"), ("escalated", "2026-09")], "recorded once, not per run"


def test_acknowledged_is_shown_and_still_escalates(db_url):
    store = Store(db_url)
    save(store, "2026-08", [dev("a", due_date=LATE)])
    store.respond(dev("a").deviation_id, "acknowledged", "Jan Planner", "vendor contacted")
    [sep] = save(store, "2026-09", [dev("a")])
    assert sep.owner_state == "acknowledged" and sep.escalated
    assert sep.owner_note.startswith("Jan Planner, 20") and sep.owner_note.endswith(
        ": vendor contacted")


def test_marked_resolved_but_still_found(db_url):
    store = Store(db_url)
    save(store, "2026-08", [dev("a"), dev("b")])
    for subject in ("a", "b"):
        store.respond(dev(subject).deviation_id, "marked_resolved", "Jan", "fixed in the ERP")
    sep = by_subject(save(store, "2026-09", [dev("a")]))
    assert (sep["a"].status, sep["a"].owner_state) == ("recurring", "still_found")
    assert sep["b"].status == "resolved", "the next run confirms the owner"
    assert by_subject(save(store, "2026-09", [dev("a")]))["a"] == sep["a"], "a re-run: the same"
    [octo] = save(store, "2026-10", [dev("a")])
    assert octo.owner_state == "still_found", "until the owner responds again"
    store.respond(dev("a").deviation_id, "acknowledged", "Jan", "not fixed after all")
    [nov] = save(store, "2026-11", [dev("a")])
    assert nov.owner_state == "acknowledged"
    actions = [e["action"] for e in store.trail(dev("a").deviation_id)[1]]
    assert actions == ["found", "marked_resolved", "still_found", "acknowledged", "escalated"]


def test_suppressed_until_a_date_then_open_again(db_url):
    store = Store(db_url)
    save(store, "2026-08", [dev("a", "25", due_date=LATE), dev("b", "5", due_date=LATE)])
    store.respond(dev("a").deviation_id, "suppressed", "Jan", "customer pays via factoring",
                  until=date(2026, 10, 15))
    sep = by_subject(save(store, "2026-09", [dev("a", "25"), dev("b", "5")]))
    assert (sep["a"].owner_state, sep["a"].escalated) == ("suppressed", False)
    assert sep["a"].owner_note == "Jan, {} (→ 2026-10-15): customer pays via factoring".format(
        sep["a"].owner_note.split(", ")[1].split(" ")[0])
    assert [(h["period"], h["deviations"], h["at_stake"]) for h in store.history()][-1] == (
        "2026-09", 1, 5), "a suppressed deviation is not counted as open"
    octo = by_subject(save(store, "2026-10", [dev("a", "25"), dev("b", "5")]))
    assert (octo["a"].owner_state, octo["a"].escalated) == ("expired", True)
    assert by_subject(save(store, "2026-10", [dev("a", "25"), dev("b", "5")])) == octo
    trail = [(e["action"], e["until"]) for e in store.trail(dev("a").deviation_id)[1]]
    assert ("suppressed", date(2026, 10, 15)) in trail
    assert trail[-2:] == [("suppression_expired", None), ("escalated", None)]


def test_trail_records_who_when_why(db_url):
    store = Store(db_url)
    save(store, "2026-08", [dev("a")])
    store.respond("d-" + dev("a").deviation_id[2:].upper(), "acknowledged", "Jan", "on it")
    save(store, "2026-09", [])
    d, trail, runs = store.trail(dev("a").deviation_id)
    assert runs == [("2026-08", "new"), ("2026-09", "resolved")]
    assert [(e["action"], e["actor"], e["note"]) for e in trail] == [
        ("found", "contract-audit (run 1)", "found by the audit of 2026-08"),
        ("acknowledged", "Jan", "on it"),
        ("resolved", "contract-audit (run 2)", "no longer found by the audit of 2026-09"),
    ]
    assert all(e["at"].year >= 2026 for e in trail)
    assert d.status == "resolved"


def test_responses_need_a_known_open_deviation(db_url):
    store = Store(db_url)
    save(store, "2026-08", [dev("a")])
    with pytest.raises(AuditError, match=r"^no deviation D-0000000000 in the database \(see "):
        store.respond("D-0000000000", "acknowledged", "Jan")
    save(store, "2026-09", [])
    with pytest.raises(AuditError, match="was resolved by the audit of 2026-09; nothing to"):
        store.respond(dev("a").deviation_id, "acknowledged", "Jan")


def test_tracked_lists_the_latest_run_with_todays_responses(db_url):
    store = Store(db_url)
    save(store, "2026-08", [dev("a"), dev("b")])
    save(store, "2026-09", [dev("a")])
    store.respond(dev("a").deviation_id, "suppressed", "Jan", "ok", until=date(2026, 12, 31))
    period, rows = store.tracked(as_of=date(2026, 11, 1))
    assert period == "2026-09"
    assert {d.subject: (d.status, d.owner_state) for d in rows} == {
        "a": ("recurring", "suppressed"), "b": ("resolved", "")}
    _, later = store.tracked(as_of=date(2027, 1, 1))
    assert later[0].owner_state == "expired"
    assert store.tracked("2026-08")[0] == "2026-08"
    assert store.tracked("2026-07") == (None, [])
