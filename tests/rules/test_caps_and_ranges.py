"""Dutch forms of a maximum (values.CAP_BEFORE: 'gemaximeerd op', 'beperkt tot', 'hoogstens',
'niet hoger dan'), a price change named by its compound ('prijswijziging', 'tariefverhoging'),
and a delivery address whose house number is a range (to review: it names no one number to
match). Wording made for these tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from audit.models import Clause, ContractDoc, Term
from audit.rules.loader import load_rules
from audit.rules.matching import TermReader
from audit.rules.values import read_value

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reader() -> TermReader:
    return TermReader(load_rules(ROOT / "rules"))


def clause(text: str, heading: str = "Tarieven") -> Clause:
    doc = ContractDoc(path=Path("made-up.pdf"), sha256="", pages=(), language="nl")
    return Clause(doc=doc, article="9", heading=heading, text=text, page=1)


def read(reader: TermReader, text: str, heading: str = "Tarieven") -> list[Term]:
    return reader.read_document([clause(text, heading)], "K7")


@pytest.mark.parametrize(("text", "cap"), [
    ("de verhoging is gemaximeerd op 3,5% per jaar", "3.5"),
    ("de aanpassing blijft beperkt tot 2% per jaar", "2"),
    ("de stijging bedraagt hoogstens 4,25%", "4.25"),
    ("de verhoging is niet hoger dan 6%", "6"),
])
def test_dutch_forms_of_a_maximum_percentage(text, cap):
    assert read_value("cap_percent", clause(text), "nl") == Decimal(cap)


def test_a_percentage_without_a_maximum_is_no_cap():
    assert read_value("cap_percent", clause("de verhoging is gelijk aan 3,5% per jaar"), "nl") is None


@pytest.mark.parametrize(("text", "cap"), [
    ("Een tariefsverhoging is gemaximeerd op 3,5% per kalenderjaar.", 3.5),
    ("Prijswijzigingen gelden per 1 april en bedragen niet meer dan 2,25%.", 2.25),
])
def test_a_price_change_named_by_its_compound_is_an_indexation(reader, text, cap):
    found = [t for t in read(reader, text) if t.rule_id == "price_indexation"]
    assert [float(t.get("cap_percent")) for t in found] == [cap]


def test_a_price_change_without_a_maximum_is_no_indexation(reader):
    text = "Prijswijzigingen worden ten minste 30 dagen vooraf schriftelijk aangekondigd."
    assert [t for t in read(reader, text) if t.rule_id == "price_indexation"] == []


def test_a_house_number_range_is_a_delivery_address_to_review(reader):
    text = "Alle zendingen worden afgeleverd aan de Kanaalweg 17-19, 6534 KP Nijmegen."
    found = [t for t in read(reader, text, "Logistiek") if t.rule_id == "delivery_address"]
    assert len(found) == 1 and found[0].get("readable") is False


def test_a_single_house_number_is_read(reader):
    text = "Alle zendingen worden afgeleverd aan de Kanaalweg 17, 6534 KP Nijmegen."
    found = [t for t in read(reader, text, "Logistiek") if t.rule_id == "delivery_address"]
    assert [(t.get("address").house_number, t.get("address").postcode) for t in found] == [
        ("17", "6534 KP")]
