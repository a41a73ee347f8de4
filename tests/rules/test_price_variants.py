"""A price table with several prices per item, told apart by a year or a quantity in the column
heads: which price an order pays is not one figure, so each item is a term to review showing
all of them, never the first column taken as the agreed price. Real PDFs made for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.contracts.amendments import mark_replacements
from audit.contracts.clauses import split_clauses
from audit.models import Term
from audit.rules.loader import load_rules
from audit.rules.matching import TermReader
from tests.contracts.pdfmaker import Ln, make_pdf, read

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reader() -> TermReader:
    return TermReader(load_rules(ROOT / "rules"))


def prices(reader: TermReader, tmp_path: Path, intro: str, *tables: list[tuple[str, ...]]
           ) -> list[Term]:
    pages = [[Ln("Supply Agreement Harwell Fixings", style="B", size=14),
              Ln("5. Prices", style="B", gap=6), Ln(f"5.1 {intro}", gap=2),
              ("table", tables[0], tuple([28] + [34] * (len(tables[0][0]) - 1)))]]
    pages += [[("table", t, tuple([28] + [34] * (len(t[0]) - 1)))] for t in tables[1:]]
    pages[-1] += [Ln("6. Payment", style="B", gap=6),
                  Ln("6.1 Invoices are payable within 45 days of the invoice date.", gap=2)]
    doc = read(make_pdf(tmp_path / "agreement.pdf", pages))
    terms = reader.read_document(mark_replacements(split_clauses(doc)), "H1")
    return [t for t in terms if t.rule_id == "agreed_prices"]


def shown(term: Term) -> dict[str, object]:
    return {v.parameter: v.value for v in term.values}


def test_prices_per_year_are_terms_to_review_showing_each_year(reader, tmp_path):
    found = prices(reader, tmp_path, "The Buyer pays the prices in the table below.",
                   [("Part no.", "Description", "Price 2027", "Price 2028"),
                    ("HF-88120", "Wall plug 8 mm", "0.31", "0.33"),
                    ("HF-88140", "Wall plug 10 mm", "0.44", "0.47")])
    assert [t.subject for t in found] == ["HF-88120", "HF-88140"]
    assert all(shown(t)["readable"] is False and t.confidence <= 0.4 for t in found)
    assert shown(found[0])["prices"] == "Price 2027: 0.31 | Price 2028: 0.33"


def test_prices_by_quantity_over_a_page_break_are_terms_to_review(reader, tmp_path):
    found = prices(reader, tmp_path, "Prices depend on the quantity per order line:",
                   [("Item", "Name", "1-249 pcs", "250-999 pcs", "1,000+ pcs"),
                    ("HF-20301", "Hinge 60 mm", "1.90", "1.72", "1.55")],
                   [("HF-20302", "Hinge 80 mm", "2.40", "2.18", "1.99"),  # no header again
                    ("HF-20303", "Hinge 100 mm", "2.95", "2.70", "2.49")])
    assert [t.subject for t in found] == ["HF-20301", "HF-20302", "HF-20303"]
    assert all(shown(t)["readable"] is False for t in found)
    assert "price_unit" not in shown(found[0])  # '1-249 pcs' heads a column, it is no unit
    assert shown(found[1])["prices"] == "1-249 pcs: 2.40 | 250-999 pcs: 2.18 | 1,000+ pcs: 1.99"


def test_a_unit_price_beside_a_line_amount_is_still_the_agreed_price(reader, tmp_path):
    found = prices(reader, tmp_path, "The Buyer pays the prices in the table below.",
                   [("Part no.", "Description", "Qty", "Unit price", "Amount"),
                    ("HF-88120", "Wall plug 8 mm", "500", "0.31", "155.00")])
    assert [(t.subject, str(shown(t)["unit_price"])) for t in found] == [("HF-88120", "0.31")]
    assert "readable" not in shown(found[0])


def test_dutch_prices_bounded_by_dates_are_terms_to_review(reader, tmp_path):
    found = prices(reader, tmp_path, "Afnemer betaalt de prijzen uit de onderstaande tabel.",
                   [("Art.", "Omschrijving", "Prijs t/m 31-12-2026", "Prijs vanaf 01-01-2027"),
                    ("VK-1044", "Spanband 5 m", "7,85", "8,10"),
                    ("VK-1046", "Spanband 8 m", "9,40", "9,70")])
    assert [t.subject for t in found] == ["VK-1044", "VK-1046"]
    assert shown(found[1])["prices"] == "Prijs t/m 31-12-2026: 9,40 | Prijs vanaf 01-01-2027: 9,70"
    assert all(shown(t)["readable"] is False for t in found)
