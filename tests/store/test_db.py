"""The database: runs saved in a real SQLite file; new/recurring/resolved across periods."""

from datetime import date
from decimal import Decimal

from audit.models import AuditRun, Deviation, Period
from audit.store.db import Store


def dev(subject: str, impact: str | None = None) -> Deviation:
    return Deviation("C1", "lead_time", "execution", subject, f"about {subject}", "5", "8",
                     ("L1", "L2"), Decimal(impact) if impact else None, owner="Planning",
                     owner_email="p@example.nl", due_date=date(2026, 11, 6))


def period(label: str) -> Period:
    year, month = map(int, label.split("-"))
    return Period(label, date(year, month, 1), date(year, month, 28), date(year - 1, month, 1))


def save(store: Store, label: str, deviations: list[Deviation]) -> list[Deviation]:
    marked = store.mark_status(label, deviations)
    run = AuditRun(period=period(label), deviations=marked, stats={"x": Decimal("1.5")})
    store.finish_run(store.start_run(label, {}), run)
    return marked


def test_status_follows_the_deviation_across_months(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'sub' / 'audit.db'}")  # the folder is created
    first = save(store, "2026-09", [dev("a", "10.50"), dev("b")])
    assert [d.status for d in first] == ["new", "new"]
    second = save(store, "2026-10", [dev("a", "10.50"), dev("c")])
    assert {d.subject: d.status for d in second} == {"a": "recurring", "c": "new", "b": "resolved"}
    resolved = next(d for d in second if d.status == "resolved")
    assert resolved.evidence == ("L1", "L2") and resolved.deviation_id == dev("b").deviation_id


def test_rerunning_a_period_gives_the_same_statuses(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'audit.db'}")
    save(store, "2026-09", [dev("a")])
    once = save(store, "2026-10", [dev("a")])
    again = save(store, "2026-10", [dev("a")])
    assert [d.status for d in once] == [d.status for d in again] == ["recurring"]


def test_history_and_sent_emails(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'audit.db'}")
    save(store, "2026-09", [dev("a", "10.50"), dev("b", "-2.25")])
    assert store.history() == [{"period": "2026-09", "deviations": 2, "impact": Decimal("8.25")}]
    assert not store.was_sent("2026-09", "p@example.nl", "abc")
    store.record_sent("2026-09", "p@example.nl", "abc")
    assert store.was_sent("2026-09", "p@example.nl", "abc")
    assert not store.was_sent("2026-10", "p@example.nl", "abc")
