"""A lead time written in another unit than working days (values.read_working_days and the lead
time rule's review patterns): weeks hold five working days each; calendar days and hours name
no number of working days (that depends on the weekday and the holidays), so the agreement is a
term to review. Wording made for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.models import Clause, ContractDoc, Term
from audit.rules.loader import load_rules
from audit.rules.matching import TermReader

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reader() -> TermReader:
    return TermReader(load_rules(ROOT / "rules"))


def lead_times(reader: TermReader, text: str, heading: str = "Uitlevering") -> list[Term]:
    doc = ContractDoc(path=Path("made-up.pdf"), sha256="", pages=(), language="nl")
    terms = reader.read_document([Clause(doc=doc, article="3", heading=heading, text=text,
                                         page=1)], "K2")
    return [t for t in terms if t.rule_id == "lead_time"]


@pytest.mark.parametrize(("text", "days"), [
    ("De levertijd bedraagt ten hoogste drie weken na orderdatum.", 15),
    ("Leverancier levert binnen één week na ontvangst van de bestelling.", 5),
    ("Leverancier levert binnen 7 werkdagen, ook als de bestelling twee weken vooruit is "
     "geplaatst.", 7),
])
def test_weeks_are_five_working_days_each(reader, text, days):
    assert [(t.get("working_days"), t.get("readable")) for t in lead_times(reader, text)] == [
        (days, None)]


@pytest.mark.parametrize("text", [
    "Bestellingen worden binnen 36 uur na ontvangst geleverd.",
    "Leverancier levert binnen twaalf kalenderdagen na de orderdatum.",
    "De levertijd bedraagt 9 dagen na bestelling.",
])
def test_calendar_days_or_hours_are_a_lead_time_to_review(reader, text):
    found = lead_times(reader, text)
    assert len(found) == 1
    assert found[0].get("readable") is False and found[0].get("working_days") is None


@pytest.mark.parametrize(("heading", "text"), [
    # a call ahead, a late delivery's penalty, a cancellation: hours or days, no lead time
    ("Aflevering", "De vervoerder meldt iedere levering uiterlijk 12 uur van tevoren aan."),
    ("Vertraging", "Bij een vertraging van de levering van meer dan 3 dagen is een boete "
                   "verschuldigd van € 75 per dag."),
    ("Betaling", "Facturen worden binnen 14 dagen na levering voldaan."),
    # a time of day is no number of hours
    ("Aflevering", "Aflevering geschiedt op werkdagen tussen 7.30 en 15.30 uur."),
])
def test_other_agreements_counted_in_days_or_hours_are_no_lead_time(reader, heading, text):
    assert lead_times(reader, text, heading) == []
