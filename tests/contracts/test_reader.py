"""Reading PDFs: awkward files become clear problems naming the file (and page), never a crash."""

from pathlib import Path

import pytest

from audit.contracts.reader import detect_language, read_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "pdf-robustness"


@pytest.mark.parametrize(("name", "messages"), [
    ("encrypted.pdf", ["encrypted.pdf: the PDF is password-protected; save an unprotected copy"]),
    ("truncated.pdf", ["truncated.pdf: the PDF is damaged or not a PDF (PSEOF: Unexpected EOF)"]),
    ("not-a-pdf.pdf", ["not-a-pdf.pdf: the PDF is damaged or not a PDF (PDFSyntaxError: No /Root "
                       "object! - Is this really a PDF?)"]),
    ("scanned-no-text.pdf", [
        "scanned-no-text.pdf, page 1: page has no text layer (a scanned image?); OCR is not "
        "available, the page was not read",
        "scanned-no-text.pdf: no readable text in the document (scanned without OCR, or empty); "
        "no agreements were read from it"]),
])
def test_unreadable_pdf_is_a_located_problem(name, messages):
    doc, problems = read_pdf(FIXTURES / name)
    assert doc is None
    assert [str(p) for p in problems] == messages


def test_language_detection():
    assert detect_language("Betaling geschiedt binnen 30 dagen na de factuurdatum van de order") == "nl"
    assert detect_language("Payment shall be made within 30 days of the invoice date") == "en"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/pdf-robustness is not present "
                    "(it sits beside the repository on the developers' and CI machines only)")
@pytest.mark.parametrize("path", sorted(SHARED.glob("*.pdf")) if SHARED.is_dir() else [],
                         ids=lambda p: p.name)
def test_real_world_awkward_pdfs_never_crash(path):
    doc, problems = read_pdf(path)
    assert doc is not None or problems, "an unreadable file must say why"
    for problem in problems:
        assert path.name in str(problem)
