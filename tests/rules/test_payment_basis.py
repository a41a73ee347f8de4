"""A payment term counted from the end of the invoice's month is read with that basis; an
invoice sent at a month's end is no such term. Wording made for these tests (the check:
tests/checks/test_payment_term.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.models import Clause, ContractDoc
from audit.rules.loader import load_rules
from audit.rules.matching import TermReader

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reader() -> TermReader:
    return TermReader(load_rules(ROOT / "rules"))


def payment(reader: TermReader, lang: str, text: str) -> dict[str, object]:
    doc = ContractDoc(path=Path("made-up.pdf"), sha256="", pages=(), language=lang)
    terms = reader.read_document([Clause(doc=doc, article="7.1", heading="", text=text,
                                         page=2)], "K1")
    [term] = [t for t in terms if t.rule_id == "payment_term"]
    return {v.parameter: v.value for v in term.values}


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Betaling geschiedt binnen 30 dagen na einde maand van factuurdatum."),
    ("nl", "Facturen worden voldaan uiterlijk 30 dagen na het einde van de factuurmaand."),
    ("en", "Invoices are payable net 30 days EOM."),
    ("en", "Payment is due within 30 days from the end of the month in which the invoice is "
           "dated."),
])
def test_days_after_the_end_of_the_month_are_read_with_their_basis(reader, lang, text):
    assert payment(reader, lang, text) == {"days": 30, "from": "month_end"}


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Aan het einde van de maand ontvangt Afnemer een verzamelfactuur; betaling binnen "
           "30 dagen na factuurdatum."),
    ("en", "Invoices are issued at the end of the month and are payable within 30 days of the "
           "invoice date."),
])
def test_an_invoice_sent_at_the_months_end_counts_from_its_date(reader, lang, text):
    assert payment(reader, lang, text) == {"days": 30}
