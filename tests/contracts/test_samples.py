"""The contract stage on the bundled sample PDFs: layout, articles, linking, amendments, terms."""

from __future__ import annotations

import functools
import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from audit.contracts.amendments import mark_replacements
from audit.contracts.clauses import split_clauses
from audit.contracts.linking import describe, link_customer
from audit.contracts.reader import read_pdf
from audit.rules.loader import load_rules
from audit.rules.matching import TermReader
from audit.rules.validity import apply_validity

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "contracts_sample"
KEY = json.loads((ROOT / "sample_gen" / "answer_key.json").read_text(encoding="utf-8"))
GOLDEN = ROOT / "tests" / "golden" / "clauses_raamovereenkomst_hoogvliet_foods.json"
OWN_KVK = "17094532"


def customers() -> pd.DataFrame:
    return pd.DataFrame([{"customer_id": cid, "name": c["name"], "kvk_number": c["kvk"]}
                         for cid, c in KEY["contracts"].items()])


@functools.cache
def read_sample(name: str):
    """A sample PDF as read (the documents are frozen: each is read once for the module)."""
    return read_pdf(SAMPLES / name)


def read(name: str):
    doc, problems = read_sample(name)
    assert problems == []
    doc, problem = link_customer(describe(doc, OWN_KVK), customers())
    assert problem is None
    return doc


def test_running_header_and_footer_are_removed():
    doc = read("raamovereenkomst_hoogvliet_foods.pdf")
    text = "\n".join(p.text for p in doc.pages)
    assert "Van Dijk Verpakkingen B.V. – Raamovereenkomst VDV-2024-C1003" not in text
    assert "Pagina" not in text
    assert len(doc.pages) == KEY["contracts"]["C1003"]["pages"]


def test_articles_with_pages_match_the_golden_file():
    """Regenerate with UPDATE_GOLDEN=1 pytest tests/contracts/test_samples.py after a deliberate change."""
    clauses = split_clauses(read("raamovereenkomst_hoogvliet_foods.pdf"))
    got = [{"article": c.article, "heading": c.heading, "page": c.page,
            "boilerplate": c.boilerplate, "tables": len(c.tables), "text": c.text}
           for c in clauses]
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("customer_id", sorted(KEY["contracts"]))
def test_every_sample_links_to_its_customer_by_kvk(customer_id):
    for name in KEY["contracts"][customer_id]["files"]:
        doc = read(name)
        assert doc.customer_id == customer_id
        assert OWN_KVK not in doc.kvk_numbers


def test_amendment_kind_date_and_replaced_article():
    doc = read("wijziging_1_hoogvliet_foods_2026-03.pdf")
    assert (doc.kind, doc.effective_date) == ("amendment", date(2026, 3, 1))
    replaced = [c.replaces for c in mark_replacements(split_clauses(doc)) if c.replaces]
    assert replaced == [("5.1",)]


@functools.cache
def term_reader() -> TermReader:
    return TermReader(load_rules(ROOT / "rules"))


def terms_of(*names: str):
    reader = term_reader()
    terms = []
    for name in names:
        doc = read(name)
        terms += reader.read_document(mark_replacements(split_clauses(doc)), doc.customer_id)
    return apply_validity(terms)


def test_amended_payment_term_is_valid_from_its_date():
    terms = terms_of("raamovereenkomst_hoogvliet_foods.pdf", "wijziging_1_hoogvliet_foods_2026-03.pdf")
    payment = sorted((t for t in terms if t.rule_id == "payment_term"),
                     key=lambda t: t.valid_from)
    assert [(t.get("days"), t.valid_from, t.valid_to, t.clause.article) for t in payment] == [
        (30, date(2024, 1, 1), date(2026, 2, 28), "5.1"), (45, date(2026, 3, 1), None, "1.1")]


def test_price_annex_is_read_as_one_term_per_item():
    terms = terms_of("raamovereenkomst_hoogvliet_foods.pdf")
    prices = {t.subject: t.get("unit_price") for t in terms if t.rule_id == "agreed_prices"}
    assert prices == {k: Decimal(v) for k, v in KEY["contracts"]["C1003"]["prices"].items()}


def test_general_terms_annex_is_not_read_as_the_customers_agreement():
    terms = terms_of("raamovereenkomst_van_leeuwen_tuinbouw.pdf")
    said = KEY["contracts"]["C1005"]
    assert [t.get("days") for t in terms if t.rule_id == "payment_term"] == [
        said["payment_term_days"]]
    assert [t.get("working_days") for t in terms if t.rule_id == "lead_time"] == [
        said["lead_time_days"]]


def test_unknown_party_is_a_problem_naming_the_file():
    doc, _ = read_sample("raamovereenkomst_hoogvliet_foods.pdf")
    doc = describe(doc, OWN_KVK)
    _, problem = link_customer(doc, customers()[customers()["customer_id"] != "C1003"])
    assert str(problem).startswith("raamovereenkomst_hoogvliet_foods.pdf, page 1: cannot link "
                                   "the document to a customer (KvK numbers on the title page: "
                                   "27419935")
