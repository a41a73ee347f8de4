"""Reading PDFs: awkward files become clear problems naming the file (and page), never a crash."""

import logging
from pathlib import Path

import pytest

from audit.contracts import ocr
from audit.contracts.reader import ReadLimits, detect_language, read_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "pdf-robustness"


@pytest.mark.parametrize(("name", "messages"), [
    ("encrypted.pdf", ["encrypted.pdf: the PDF is password-protected; save an unprotected copy"]),
    ("truncated.pdf", ["truncated.pdf: the PDF is damaged or not a PDF (PSEOF: Unexpected EOF)"]),
    ("not-a-pdf.pdf", ["not-a-pdf.pdf: the PDF is damaged or not a PDF (PDFSyntaxError: No /Root "
                       "object! - Is this really a PDF?)"]),
    ("scanned-no-text.pdf", [
        "scanned-no-text.pdf, page 1: page has no text layer (a scanned image?) and cannot be "
        "read: OCR is switched off",
        "scanned-no-text.pdf: no readable text in the document (scanned without OCR, or empty); "
        "no agreements were read from it"]),
])
def test_unreadable_pdf_is_a_located_problem(name, messages):
    doc, problems = read_pdf(FIXTURES / name, ReadLimits(ocr=False))
    assert doc is None
    assert [str(p) for p in problems] == messages


NO_OCR = ocr.available()


@pytest.mark.skipif(NO_OCR is not None, reason=f"OCR cannot run here: {NO_OCR}")
def test_scanned_page_is_read_by_ocr_and_marked():
    doc, problems = read_pdf(FIXTURES / "scanned-contract.pdf")
    assert doc.pages[0].ocr_confidence > 80
    assert "5.1 Betaling geschiedt binnen dertig (30) dagen na factuurdatum." in doc.pages[0].text
    assert [str(p) for p in problems] == [
        f"scanned-contract.pdf, page 1: page read by OCR (confidence "
        f"{doc.pages[0].ocr_confidence:.0f}); its agreements are marked as OCR-sourced, with "
        "lower confidence"]


@pytest.mark.skipif(NO_OCR is not None, reason=f"OCR cannot run here: {NO_OCR}")
def test_unreadable_scan_is_reported_not_guessed():
    doc, problems = read_pdf(FIXTURES / "scanned-noise.pdf")
    assert doc is None
    assert str(problems[0]).startswith("scanned-noise.pdf, page 1: page has no text layer and "
                                       "OCR could not read it reliably (confidence ")


def test_page_limit_is_reported(tmp_path):
    doc, problems = read_pdf(FIXTURES / "table-over-page-break.pdf", ReadLimits(max_pages=1))
    assert len(doc.pages) == 1
    assert [str(p) for p in problems] == [
        "table-over-page-break.pdf: the document has 2 pages; only the first 1 were read "
        "(max_pages)"]


def test_language_detection():
    assert detect_language("Betaling geschiedt binnen 30 dagen na de factuurdatum van de order") == "nl"
    assert detect_language("Payment shall be made within 30 days of the invoice date") == "en"


NO_SHARED = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared/data/pdf-robustness is not present (it sits beside "
    "the repository on the developers' and CI machines only)")
SAMPLE = Path(__file__).resolve().parents[2] / "contracts_sample" / \
    "raamovereenkomst_hoogvliet_foods.pdf"
AWKWARD = sorted(SHARED.glob("*.pdf")) if SHARED.is_dir() else []
# a reader that raised (a bug in reading) or died: what "never crash" rules out
CRASHED = {"contracts.reading_failed", "contracts.reading_crashed"}


@pytest.fixture(scope="module")
def awkward_batch():
    """Every real-world awkward PDF and one sample contract read in one batch, as a run reads
    them (in reader processes, each document under its time limit): read once for the module."""
    from audit.contracts.batch import BatchLimits, read_many

    return read_many([*AWKWARD, SAMPLE], BatchLimits(ReadLimits()))


@NO_SHARED
@pytest.mark.parametrize("path", AWKWARD, ids=lambda p: p.name)
def test_real_world_awkward_pdfs_never_crash(awkward_batch, path):
    doc, problems = awkward_batch[path]
    assert doc is not None or problems, "an unreadable file must say why"
    for problem in problems:
        assert path.name in str(problem)
        assert problem.code not in CRASHED, str(problem)


@NO_SHARED
def test_awkward_pdfs_in_one_batch_leave_the_other_documents_unaffected(awkward_batch):
    assert set(awkward_batch) == {*AWKWARD, SAMPLE}
    doc, problems = awkward_batch[SAMPLE]
    assert problems == [] and len(doc.pages) == 4
    unreadable = {p.name for p, (doc, _) in awkward_batch.items() if doc is None}
    assert {"empty.pdf", "password-example.pdf"} <= unreadable


DUTCH_TERMS = SHARED.parent / "dutch-terms" / "charperbonaroo__algemene_voorwaarden.pdf"


@pytest.mark.skipif(not DUTCH_TERMS.is_file(), reason="../shared/data/dutch-terms is not present "
                    "(it sits beside the repository on the developers' and CI machines only)")
def test_font_warnings_of_a_real_contract_do_not_flood_the_run(caplog):
    # its fonts lack a FontBBox: pdfminer warned (on stderr) hundreds of times, about nothing read
    with caplog.at_level(logging.WARNING):
        doc, problems = read_pdf(DUTCH_TERMS)
    assert doc is not None and len(doc.pages) == 15 and problems == []
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pdfminer")] == []
