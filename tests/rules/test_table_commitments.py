"""A commitment set out in a table the clause introduces ('shall purchase the following:' over
a table with a minimum column) is read as a term to review, on PDFs made for it; a table of
prices under the same kind of sentence is no commitment."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.contracts.clauses import split_clauses
from audit.rules.loader import load_rules
from audit.rules.matching import TermReader
from tests.contracts.pdfmaker import Ln, make_pdf, read

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reader() -> TermReader:
    return TermReader(load_rules(ROOT / "rules"))


def commitments(reader: TermReader, path: Path, heading: str, intro: str,
                rows: list[tuple[str, ...]]) -> list:
    body: list = [Ln(heading, style="B", size=12, gap=2), Ln(intro, gap=4),
                  ("table", rows, (60, 50, 50)),
                  Ln("Deliveries are made to the warehouse named in the order.", gap=4)]
    clauses = split_clauses(read(make_pdf(path, [body])))
    assert any(c.tables for c in clauses), [c.text for c in clauses]
    terms = reader.read_document(clauses, "K1")
    return [t for t in terms if t.rule_id == "volume_commitment"]


def test_a_minimum_in_the_table_under_a_purchase_obligation_is_to_review(tmp_path, reader):
    found = commitments(reader, tmp_path / "soap.pdf", "3. ORDERS",
                        "The Distributor undertakes to order the following dispensers:",
                        [("Dispenser", "Minimum per quarter", "Maximum per quarter"),
                         ("Foam 500", "[***]", "[***]"), ("Gel 300", "[***]", "[***]")])
    assert [t.get("readable") for t in found] == [False]
    assert "undertakes to order the following dispensers:" in found[0].clause.text


def test_a_dutch_minimum_column_under_an_obligation_to_buy(tmp_path, reader):
    found = commitments(reader, tmp_path / "zeep.pdf", "3. AFNAME",
                        "De Afnemer verplicht zich per jaar de volgende artikelen af te nemen:",
                        [("Artikel", "Minimaal", "Maximaal"), ("Schuimzeep", "1200", "4000")])
    assert [t.get("readable") for t in found] == [False]


def test_a_price_table_under_an_order_sentence_is_no_commitment(tmp_path, reader):
    found = commitments(reader, tmp_path / "prices.pdf", "3. ORDERS",
                        "The Distributor shall order the following dispensers:",
                        [("Dispenser", "Unit price", "Currency"), ("Foam 500", "12.50", "EUR")])
    assert found == []
