"""A run's figures (RunStats): stored as the same JSON as before, and runs stored earlier read."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from audit.models import EmailCounts, RunStats

STORED = [  # the keys a run stores, in the order it stores them
    "customers", "contracts", "pages", "terms", "deviations", "resolved", "by_owner",
    "impact_forgone", "impact_owed", "problems", "seconds", "coverage", "rule_titles",
    "agreements", "emails"]


def test_the_stored_json_keeps_its_keys_order_and_money_as_text() -> None:
    stats = RunStats(customers=10, contracts=14, pages=54, terms=147, deviations=26,
                     by_owner={"Credit control": 4}, impact_forgone=Decimal("107721.40"),
                     impact_owed=Decimal("-20522.22"), problems=2, seconds=3.25,
                     agreements={"a.pdf": {"agreed_prices": 3}},
                     emails=EmailCounts(outbox=7))
    data = stats.to_json()
    assert list(data) == STORED
    assert (data["impact_forgone"], data["impact_owed"]) == ("107721.40", "-20522.22")
    assert data["emails"] == {"sent": 0, "outbox": 7, "skipped": 0, "preview": 0}
    delivered = replace(stats, emails=replace(stats.emails, sent=7, outbox=0, undelivered=0))
    assert delivered.to_json()["emails"] == {"sent": 7, "outbox": 0, "skipped": 0, "preview": 0,
                                             "undelivered": 0}
    assert RunStats.from_json(data) == stats and RunStats.from_json(delivered.to_json()) == delivered


def test_a_run_stored_by_an_older_version_reads() -> None:
    old = {"customers": 10, "contracts": 14, "pages": 54, "terms": 140, "deviations": 26,
           "by_owner": {"Logistiek": 5}, "impact_forgone": "107721.40", "impact_owed": "0",
           "problems": 2, "seconds": 31.5, "emails": {"sent": 7, "outbox": 0, "skipped": 0},
           "retired_figure": 1}  # no coverage, titles, agreements or preview count yet
    stats = RunStats.from_json(old)
    assert (stats.deviations, stats.by_owner, stats.impact_forgone) == (
        26, {"Logistiek": 5}, Decimal("107721.40"))
    assert stats.agreements == {} and stats.coverage == [] and stats.resolved == 0
    assert stats.emails == EmailCounts(sent=7, outbox=0, skipped=0, preview=0)
