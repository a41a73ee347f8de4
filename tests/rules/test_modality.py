"""How a sentence states an agreement, judged once for every rule (modality.py): an example
or illustration and a party's option are terms to review, an exception carved out of the
agreement ('behoudens overmacht') excludes nothing. Wording made for these tests."""

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


def read(reader: TermReader, heading: str, text: str) -> list[Term]:
    doc = ContractDoc(path=Path("made-up.pdf"), sha256="", pages=(), language="nl")
    return reader.read_document([Clause(doc=doc, article="6", heading=heading, text=text,
                                        page=2)], "K4")


def of(terms: list[Term], rule: str) -> list[Term]:
    return [t for t in terms if t.rule_id == rule]


@pytest.mark.parametrize(("heading", "text", "rule"), [
    ("Facturering", "Een rekenvoorbeeld: een factuur gedateerd 3 mei met een termijn van 21 "
                    "dagen vervalt op 24 mei.", "payment_term"),
    ("Vertraging", "Partijen kunnen bijvoorbeeld een boete van 2% van de orderwaarde per dag "
                   "afspreken.", "late_delivery_penalty"),
    ("Facturering", "Ter illustratie: facturen worden binnen 21 dagen na dagtekening voldaan.",
     "payment_term"),
])
def test_an_example_is_a_term_to_review_not_an_agreement(reader, heading, text, rule):
    found = of(read(reader, heading, text), rule)
    assert found and all(t.get("readable") is False and t.confidence <= 0.4 for t in found)


def test_the_same_figure_stated_outright_is_read(reader):
    found = of(read(reader, "Facturering", "Facturen worden binnen 21 dagen na dagtekening "
                                          "voldaan."), "payment_term")
    assert [(t.get("days"), t.get("readable")) for t in found] == [(21, None)]


@pytest.mark.parametrize(("heading", "text", "rule"), [
    ("Spoed", "Op verzoek van Afnemer kan Leverancier spoedorders binnen 1 werkdag leveren "
              "tegen een toeslag.", "lead_time"),
    ("Facturering", "Afnemer mag facturen binnen 10 dagen na dagtekening betalen onder aftrek "
                    "van 1,5% kredietbeperking.", "payment_term"),
    ("Afname", "Afnemer is gerechtigd jaarlijks ten minste 4.000 stuks tegen de staffelprijs af "
               "te nemen.", "volume_commitment"),
])
def test_an_option_open_to_a_party_is_a_term_to_review(reader, heading, text, rule):
    found = of(read(reader, heading, text), rule)
    assert found and all(t.get("readable") is False for t in found)


def test_a_permission_is_the_agreement_where_the_agreement_is_a_right(reader):
    # a price raise and a penalty are rights of a party: the permission states them
    raise_ = of(read(reader, "Tarieven", "Leverancier mag de tarieven eenmaal per jaar met ten "
                                         "hoogste 2,75% verhogen."), "price_indexation")
    assert [str(t.get("cap_percent")) for t in raise_] == ["2.75"]
    assert raise_[0].get("readable") is None


def test_a_condition_before_the_duty_is_no_option(reader):
    # 'kan' inside the condition of its own clause, the duty in the main clause
    found = of(read(reader, "Uitlevering", "Indien de voorraad het toelaat, levert Leverancier "
                                           "binnen 3 werkdagen na bestelling."), "lead_time")
    assert [(t.get("working_days"), t.get("readable")) for t in found] == [(3, None)]


@pytest.mark.parametrize("text", [
    "Behoudens overmacht levert Leverancier binnen 6 werkdagen na de orderdatum.",
    "Behalve in geval van overmacht levert Leverancier binnen 6 werkdagen na de orderdatum.",
    "Met uitzondering van overmacht levert Leverancier binnen 6 werkdagen na de orderdatum.",
])
def test_an_exception_carved_out_of_the_agreement_excludes_nothing(reader, text):
    found = of(read(reader, "Uitlevering", text), "lead_time")
    assert [(t.get("working_days"), t.get("readable")) for t in found] == [(6, None)]


def test_the_excluded_topic_itself_still_excludes(reader):
    # a sentence about force majeure is no lead time, whatever figure it holds
    found = of(read(reader, "Uitlevering", "Bij overmacht wordt de levering met ten hoogste 6 "
                                           "werkdagen opgeschort."), "lead_time")
    assert found == []


def test_an_option_beside_an_outright_agreement_leaves_the_agreement_outright(reader):
    # 'mag' speaks of the interest in the second sentence, not of the 30 days in the first
    found = of(read(reader, "Betaling", "Facturen worden binnen 30 dagen na factuurdatum "
                                        "betaald. Leverancier mag bij te late betaling de "
                                        "wettelijke handelsrente in rekening brengen."),
               "payment_term")
    assert [(t.get("days"), t.get("readable")) for t in found] == [(30, None)]


def read_en(reader: TermReader, text: str) -> list[Term]:
    doc = ContractDoc(path=Path("made-up.pdf"), sha256="", pages=(), language="en")
    return reader.read_document([Clause(doc=doc, article="9.2", heading="", text=text,
                                        page=3)], "K5")


@pytest.mark.parametrize(("text", "rule"), [
    ("Supplier may, at its discretion, ship urgent Orders within 2 Business Days.", "lead_time"),
    ("The Buyer is entitled to a delivery within 3 working days of the Order.", "lead_time"),
    ("Buyer may settle an invoice within 10 days of its date.", "payment_term"),
])
def test_an_english_option_is_a_term_to_review(reader, text, rule):
    found = of(read_en(reader, text), rule)
    assert found and all(t.get("readable") is False for t in found)


@pytest.mark.parametrize(("text", "rule", "value"), [
    ("Supplier shall ship each Order within 2 Business Days.", "lead_time", 2),
    ("Invoices are payable within 45 days of the invoice date. Supplier may suspend "
     "deliveries while an invoice is overdue.", "payment_term", 45),
])
def test_an_english_duty_is_read_outright(reader, text, rule, value):
    found = of(read_en(reader, text), rule)
    assert [(t.values[0].value, t.get("readable")) for t in found] == [(value, None)]
