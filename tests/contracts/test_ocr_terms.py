"""Agreements on a scanned page are read through OCR and marked as such, with less confidence."""

from pathlib import Path

import pytest

from audit.contracts import ocr
from audit.contracts.clauses import split_clauses
from audit.contracts.reader import read_pdf
from audit.rules.loader import load_rules
from audit.rules.matching import OCR_FACTOR, PATTERN_CONFIDENCE, TermReader

ROOT = Path(__file__).resolve().parents[2]
NO_OCR = ocr.available()


@pytest.mark.skipif(NO_OCR is not None, reason=f"OCR cannot run here: {NO_OCR}")
def test_terms_from_a_scanned_page_are_ocr_sourced_with_lower_confidence():
    doc, _ = read_pdf(ROOT / "tests" / "fixtures" / "scanned-contract.pdf")
    terms = TermReader(load_rules(ROOT / "rules")).read_document(split_clauses(doc), "C1")
    payment = next(t for t in terms if t.rule_id == "payment_term")
    assert payment.get("days") == 30
    assert payment.source == "ocr"
    assert payment.confidence == round(PATTERN_CONFIDENCE * OCR_FACTOR, 2)
    address = next(t for t in terms if t.rule_id == "delivery_address")
    assert str(address.get("address")) == "Industrieweg 12, 5048 AB Tilburg"
