"""Volume commitments and contract terms from made-up clauses, through the real rule files: a
figure read with its period and item, a figure that cannot be read (redacted, elsewhere, not in
euros) kept to review, and no commitment where the sentence says there is none."""

from decimal import Decimal
from pathlib import Path

import pytest

from audit.models import Clause, ContractDoc
from audit.rules.loader import load_rules
from audit.rules.matching import TermReader

RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture(scope="module")
def reader() -> TermReader:
    return TermReader(load_rules(RULES))


def commitments(reader: TermReader, text: str, lang: str = "en") -> list[dict]:
    doc = ContractDoc(path=Path("k.pdf"), sha256="", pages=(), language=lang)
    clause = Clause(doc=doc, article="6.2", heading="Afname" if lang == "nl" else "Volumes",
                    text=text, page=4)
    terms, _ = reader.read(clause, "K9", {"volume_commitment"})
    return [{v.parameter: v.value for v in t.values} for t in terms]


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("Koper neemt per kalenderjaar minimaal 3.000 dozen van artikel KX-4410 af.", "nl",
     {"quantity": Decimal(3000), "period": "year", "item": "KX-4410"}),
    ("The Reseller shall purchase not less than 1,200 cartons per quarter.", "en",
     {"quantity": Decimal(1200), "period": "quarter"}),
    ("Buyer shall purchase a minimum of 40,000 pounds of resin in each twelve (12) month period.",
     "en", {"quantity": Decimal(40000), "period": "year"}),
    ("Afnemer verplicht zich ten minste 800 zakken af te nemen in het eerste contractjaar.", "nl",
     {"quantity": Decimal(800), "period": "year"}),
])
def test_a_stated_commitment_is_read_with_its_figure(reader, text, lang, want):
    found = commitments(reader, text, lang)
    assert len(found) == 1
    assert {k: found[0].get(k) for k in want} == want
    assert found[0].get("readable") is not False


@pytest.mark.parametrize("text", [
    # redacted figure
    "The Reseller shall purchase a minimum quantity of [***] units in each contract year.",
    # the figure is in an attachment
    "The minimum purchase for each year is stated in Appendix 4.",
    # not euros: never summed as euros, the controller reviews it
    "The Reseller shall purchase at least US$ 400,000 of goods in each contract year.",
    # targets and binding forecasts bind the buyer without a figure here
    "The Reseller agrees to meet the yearly sales targets agreed with the Supplier.",
    "The first two months of every forecast are a binding commitment to purchase the volumes.",
])
def test_a_commitment_without_a_readable_figure_is_kept_to_review(reader, text):
    found = commitments(reader, text)
    assert len(found) == 1 and found[0]["readable"] is False, found


@pytest.mark.parametrize("text", [
    "There is no minimum purchase under this contract.",
    "\u201cMinimum Volume\u201d has the meaning given to it in clause 6.4.",
])
def test_no_commitment_from_a_negation_or_a_definition_pointing_elsewhere(reader, text):
    assert commitments(reader, text) == []


def test_a_dollar_minimum_keeps_its_amount_as_text(reader):
    found = commitments(reader, "Buyer shall purchase at least USD 75,000.00 of product in each "
                                "contract year.")
    assert found == [{"period": "year", "foreign_amount": "USD 75,000.00", "readable": False}]


def test_an_order_lot_size_is_a_minimum_to_review(reader):
    found = commitments(reader, "Each order must be placed in the lot size quantities of the "
                                "Product Schedule.")
    assert len(found) == 1 and found[0]["readable"] is False


@pytest.mark.parametrize("text", [
    "The Distributor shall purchase at least 30 days before the requested delivery date.",
    "Orders for seasonal items shall be placed at least six weeks in advance; Buyer shall "
    "order at least two weeks before delivery otherwise.",
])
def test_buying_at_least_a_time_ahead_is_no_commitment(reader, text):
    assert commitments(reader, text) == []


def test_buying_at_least_a_figure_that_cannot_be_read_is_a_commitment_to_review(reader):
    [found] = commitments(reader, "The Distributor shall purchase at least [***] units of "
                                  "the Products in each Contract Year.")
    assert found["readable"] is False and found["period"] == "year"
