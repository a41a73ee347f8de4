"""One long contract spread over two readers reads exactly as one reader reads it."""

from pathlib import Path

from fpdf import FPDF

from audit.contracts.batch import BatchLimits, _jobs, read_many
from audit.contracts.clauses import split_clauses
from audit.contracts.reader import CHUNK, read_pdf


def _long_contract(path: Path, pages: int) -> Path:
    """A made-up service agreement: a running header and page footer, one section per page,
    a price schedule table on some pages, sections running over a page break."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for n in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(10, 8)
        pdf.cell(0, 5, "Service Agreement SA-7781 / Orbis Facility Partners")
        pdf.set_font("Helvetica", "B", 12)
        pdf.set_xy(15, 25)
        pdf.cell(0, 8, f"Clause {n} Service level {n}")
        pdf.set_font("Helvetica", size=10)
        pdf.set_xy(15, 36)
        pdf.multi_cell(170, 5, f"The Contractor shall attend each call within {n + 2} hours. "
                       "Service credits apply as set out in the schedule. " * 3)
        if n % 5 == 0:
            pdf.set_xy(15, 80)
            for row in (("Item", "Rate"), (f"SV-{n}", f"EUR {n}.50"), (f"SV-{n + 1}", "EUR 9.75")):
                for cell in row:
                    pdf.cell(50, 7, cell, border=1)
                pdf.ln()
                pdf.set_x(15)
        pdf.set_xy(15, 150)
        pdf.multi_cell(170, 5, "continued: the Client reports faults through the portal" * 2)
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(100, 285)
        pdf.cell(0, 5, f"{n}")
    pdf.output(str(path))
    return path


def test_a_long_document_read_in_parts_is_the_document_read_at_once(tmp_path):
    path = _long_contract(tmp_path / "orbis.pdf", 3 * CHUNK + 3)
    assert len(_jobs([path], 2, 300)) == 2  # one document, two readers: two parts
    serial = read_many([path], BatchLimits(workers=1))[path]
    parallel = read_many([path], BatchLimits(workers=2))[path]
    assert parallel == serial
    assert parallel == read_pdf(path)
    doc = parallel[0]
    assert doc is not None and len(doc.pages) == 3 * CHUNK + 3
    assert "Service Agreement SA-7781" not in doc.pages[12].text  # running header removed
    assert split_clauses(doc) == split_clauses(serial[0])
    assert any(p.tables for p in doc.pages)


def test_a_short_document_or_many_documents_are_not_split(tmp_path):
    short = _long_contract(tmp_path / "short.pdf", CHUNK)
    long = _long_contract(tmp_path / "long.pdf", 3 * CHUNK)
    assert _jobs([short], 2, 300) == [(short, 0, 1)]
    assert _jobs([short, long], 2, 300) == [(short, 0, 1), (long, 0, 1)]
    assert _jobs([long], 4, 300) == [(long, p, 3) for p in range(3)]  # no more parts than chunks
    assert _jobs([long], 2, CHUNK) == [(long, 0, 1)]  # max_pages counts


def test_a_part_that_cannot_be_read_makes_the_document_a_problem(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    (doc, problems) = read_many([broken], BatchLimits(workers=2))[broken]
    assert doc is None and "damaged or not a PDF" in problems[0].message
