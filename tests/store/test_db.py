"""The database: runs saved on SQLite and PostgreSQL; statuses across periods; history; emails."""

from datetime import date
from decimal import Decimal

from audit.models import AuditRun, Deviation, Period, RunStats
from audit.store.db import Store
from tests.conftest import stored_deviations


def dev(subject: str, impact: str | None = None, **values: object) -> Deviation:
    base: dict[str, object] = {
        "customer_id": "C1", "rule_id": "lead_time", "kind": "execution", "subject": subject,
        "description": f"about {subject}", "expected": "5", "actual": "8",
        "evidence": ("L1", "L2"), "impact_eur": Decimal(impact) if impact else None,
        "owner": "Planning", "owner_email": "p@example.nl", "due_date": date(2026, 11, 6)}
    return Deviation(**{**base, **values})  # type: ignore[arg-type]


def period(label: str) -> Period:
    year, month = map(int, label.split("-"))
    return Period(label, date(year, month, 1), date(year, month, 28), date(year - 1, month, 1))


def save(store: Store, label: str, deviations: list[Deviation]) -> list[Deviation]:
    marked = store.mark_status(label, deviations)
    run = AuditRun(period=period(label), deviations=marked, stats=RunStats(impact_forgone=Decimal("1.5")))
    store.finish_run(store.start_run(label, {}), run)
    return marked


def test_a_sqlite_folder_is_created(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'sub' / 'audit.db'}")
    assert store.runs() == [] and (tmp_path / "sub" / "audit.db").exists()


def test_status_follows_the_deviation_across_months(db_url):
    store = Store(db_url)
    first = save(store, "2026-09", [dev("a", "10.50"), dev("b")])
    assert [d.status for d in first] == ["new", "new"]
    second = save(store, "2026-10", [dev("a", "10.50"), dev("c")])
    assert {d.subject: d.status for d in second} == {"a": "recurring", "c": "new", "b": "resolved"}
    resolved = next(d for d in second if d.status == "resolved")
    assert resolved.evidence == ("L1", "L2") and resolved.deviation_id == dev("b").deviation_id
    assert resolved.impact_eur is None and resolved.first_seen == "2026-09"


def test_rerunning_a_period_gives_the_same_statuses(db_url):
    store = Store(db_url)
    save(store, "2026-09", [dev("a")])
    once = save(store, "2026-10", [dev("a")])
    again = save(store, "2026-10", [dev("a")])
    assert once == again and [d.status for d in once] == ["recurring"]


def test_history_per_period_owner_and_rule(db_url):
    store = Store(db_url)
    save(store, "2026-09", [dev("a", "10.50"), dev("b", "-2.25"),
                            dev("c", "5", owner="Billing", rule_id="agreed_prices")])
    [row] = store.history()
    assert row["period"] == "2026-09" and row["deviations"] == 3
    assert (row["impact"], row["forgone"], row["owed"], row["at_stake"]) == (
        Decimal("13.25"), Decimal("15.50"), Decimal("2.25"), Decimal("17.75")), "owed as an amount"
    assert row["by_owner"] == {"Billing": {"deviations": 1, "at_stake": Decimal("5")},
                               "Planning": {"deviations": 2, "at_stake": Decimal("12.75")}}
    assert sorted(row["by_rule"]) == ["agreed_prices", "lead_time"]


def test_history_takes_the_latest_run_of_a_period_and_leaves_out_resolved(db_url):
    store = Store(db_url)
    save(store, "2026-09", [dev("a"), dev("b")])
    save(store, "2026-10", [dev("a"), dev("c"), dev("d")])
    save(store, "2026-10", [dev("a")])  # a re-run of October with different data
    assert [(h["period"], h["deviations"]) for h in store.history()] == [
        ("2026-09", 2), ("2026-10", 1)]


def test_sent_emails(db_url):
    store = Store(db_url)
    assert not store.was_sent("2026-09", "p@example.nl", "abc")
    store.record_sent("2026-09", "p@example.nl", "abc")
    assert store.was_sent("2026-09", "p@example.nl", "abc")
    assert not store.was_sent("2026-10", "p@example.nl", "abc")
    assert not store.was_sent("2026-09", "p@example.nl", "abd")


def test_runs_failed_and_completed(db_url):
    store = Store(db_url)
    failed = store.start_run("2026-09", {"program": "0.1"})
    store.fail_run(failed, "InputError: stale", ["a problem"])
    assert not store.completed("2026-09")
    save(store, "2026-09", [dev("a")])
    assert store.completed("2026-09")
    newest, oldest = store.runs()
    assert (oldest["status"], oldest["error"], oldest["problems"]) == (
        "failed", "InputError: stale", 1)
    assert newest["status"] == "completed"
    assert newest["stats"].impact_forgone == Decimal("1.5") and oldest["stats"] is None
    assert stored_deviations(db_url, failed) == 0 and stored_deviations(db_url, newest["id"]) == 1
