"""A negator that qualifies a noun ('items not listed in Annex 1') leaves the agreement of the
sentence standing; one after the clause's verb ('shall not') still negates it. Wording made for
these tests."""

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


def read(reader: TermReader, lang: str, heading: str, text: str) -> list[Term]:
    doc = ContractDoc(path=Path("made-up.pdf"), sha256="", pages=(), language=lang)
    return reader.read_document([Clause(doc=doc, article="8", heading=heading, text=text,
                                        page=1)], "K9")


def figures(terms: list[Term], rule: str, parameter: str) -> list[str]:
    return [str(t.get(parameter)) for t in terms if t.rule_id == rule]


@pytest.mark.parametrize(("lang", "heading", "text", "rule", "parameter", "value"), [
    ("en", "Prices", "Prices of articles not mentioned in Schedule 2 may be increased once a "
                     "year on 1 March by no more than 3%.", "price_indexation", "cap_percent", "3"),
    ("en", "Pricing", "Rates for services not included in the tariff sheet may be increased "
                      "annually on 1 April by up to 4%.", "price_indexation", "cap_percent", "4"),
    ("nl", "Levering", "Artikelen niet opgenomen in het assortiment worden binnen 5 werkdagen na "
                       "de bestelling geleverd.", "lead_time", "working_days", "5"),
])
def test_a_negator_qualifying_a_noun_leaves_the_agreement(reader, lang, heading, text, rule,
                                                          parameter, value):
    assert figures(read(reader, lang, heading, text), rule, parameter) == [value]


@pytest.mark.parametrize(("lang", "heading", "text", "rule"), [
    ("en", "Prices", "Prices shall not be increased once a year on 1 March by no more than 3%.",
     "price_indexation"),
    ("nl", "Levering", "Artikelen worden niet binnen 5 werkdagen na de bestelling geleverd.",
     "lead_time"),
])
def test_a_negator_after_the_verb_still_negates(reader, lang, heading, text, rule):
    assert [t for t in read(reader, lang, heading, text) if t.rule_id == rule] == []


@pytest.mark.parametrize(("lang", "heading", "text", "value"), [
    # 'not … by more than': the negator denies only the excess, the sentence sets the maximum
    ("en", "Price Review", "Supplier's list prices shall not increase by more than 4% in any "
                           "Contract Year.", "4"),
    ("nl", "Prijzen", "De tarieven zullen niet met meer dan 2,5% per jaar worden verhoogd.", "2.5"),
])
def test_a_negated_excess_is_a_cap(reader, lang, heading, text, value):
    assert figures(read(reader, lang, heading, text), "price_indexation", "cap_percent") == [value]


def test_a_negator_before_by_without_a_comparison_still_negates(reader):
    # 'not bound by the minimum …': 'by' alone opens no comparison
    text = "The Reseller is not bound by the minimum purchase of 600 kits per calendar year."
    assert figures(read(reader, "en", "Volumes", text), "volume_commitment", "quantity") == []
