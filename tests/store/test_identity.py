"""A deviation's identity includes what was agreed; an upgrade from ids hashed without it keeps
the open deviations open; an earlier period audited after a later one leaves the later
lifecycle alone (real SQLite / PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from audit.checks import payment_term
from audit.checks.base import CheckContext
from audit.core.workdays import calendar_for
from audit.models import Clause, ContractDoc, Page, Period, Term, TermValue
from audit.rules.loader import load_rules
from audit.store.db import Store
from tests.store.test_db import dev, save


def test_a_changed_agreement_resolves_the_old_deviation_and_opens_a_new_one(db_url):
    store = Store(db_url)
    save(store, "2026-08", [dev("due_date", agreed="|days=30", expected="30")])
    sep = save(store, "2026-09", [dev("due_date", agreed="|days=30", expected="30")])
    assert [d.status for d in sep] == ["recurring"], "the same agreement: the same deviation"
    octo = save(store, "2026-10", [dev("due_date", agreed="|days=60", expected="60")])
    assert sorted((d.expected, d.status, d.months_open) for d in octo) == [
        ("30", "resolved", 2), ("60", "new", 1)], "payment term 30 -> 60 days: a new deviation"
    assert octo[0].deviation_id != octo[1].deviation_id


def test_an_upgrade_continues_the_deviations_stored_under_old_ids(db_url):
    store = Store(db_url)
    old = dev("due_date")  # as a run before 0005 stored it: nothing agreed, the old hash
    save(store, "2026-08", [old])
    store.respond(old.deviation_id, "acknowledged", "Jan", "on it")
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT agreed FROM deviations")).scalar() == ""
    new = dev("due_date", agreed="|days=30")
    assert new.deviation_id != old.deviation_id == new.legacy_id
    [sep] = save(store, "2026-09", [new])
    assert (sep.status, sep.first_seen, sep.months_open, sep.owner_state) == (
        "recurring", "2026-08", 2, "acknowledged"), "not resolved + new after the upgrade"
    _, trail, _ = store.trail(new.deviation_id)
    assert [e["action"] for e in trail] == ["found", "acknowledged"], "the trail moved along"
    [octo] = save(store, "2026-10", [new])
    assert (octo.status, octo.months_open) == ("recurring", 3)


def test_an_earlier_period_audited_later_leaves_the_later_lifecycle_alone(db_url):
    store = Store(db_url)
    sep = save(store, "2026-09", [dev("a", agreed="x")])
    store.respond(sep[0].deviation_id, "acknowledged", "Jan", "on it")
    save(store, "2026-10", [dev("a", agreed="x")])
    events = store.trail(sep[0].deviation_id)[1]
    aug = save(store, "2026-08", [dev("a", agreed="x"), dev("b", agreed="y")])
    assert {d.subject: d.status for d in aug} == {"a": "new", "b": "new"}
    _, trail, statuses = store.trail(sep[0].deviation_id)
    assert trail == events, "no 'found' written into the later history"
    assert statuses == [("2026-08", "new"), ("2026-09", "new"), ("2026-10", "recurring")]
    period, tracked = store.tracked()
    assert period == "2026-10"
    assert [(d.status, d.owner_state) for d in tracked] == [("recurring", "acknowledged")], \
        "the owner's response is not cleared by the late audit of August"


def test_the_check_hashes_the_agreed_term_into_the_id():
    """Through the payment-term check: the same agreement gives the same id month after
    month; another agreed term (30 -> 60 days) another id."""
    rules = load_rules(Path(__file__).resolve().parents[2] / "rules")
    doc = ContractDoc(Path("k.pdf"), "0" * 64, (Page(1, "x"),), customer_id="K1")
    clause = Clause(doc=doc, article="3", heading="Betaling", text="30 dagen", page=1)

    def found(days: int, month: int) -> str:
        period = Period(f"2026-{month:02d}", date(2026, month, 1), date(2026, month, 28),
                        date(2025, month, 1))
        term = Term("K1", "payment_term", (TermValue("days", days),), clause, 0.9)
        ctx = CheckContext(rules["payment_term"], "K1", "K1 B.V.", {"payment_term_days": 14},
                           [term], {}, period, calendar_for(period.lookback_start, period.end),
                           "nl")
        [deviation] = payment_term.registered(ctx)
        return deviation.deviation_id

    assert found(30, 8) == found(30, 9), "the same agreement next month: the same deviation"
    assert found(30, 9) != found(60, 9), "a changed agreement: another deviation"
