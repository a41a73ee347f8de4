"""Small contract PDFs for the structure tests, made with fpdf2 line by line (fonts, sizes,
indents and gaps chosen per line, so each test sets the typography its mechanism reads)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from audit.contracts.reader import read_pdf
from audit.models import ContractDoc


@dataclass(frozen=True)
class Ln:
    """One line: its text, where it starts, its font and the space above it."""

    text: str
    x: float = 20
    font: str = "Times"
    style: str = ""  # "", "B", "I", "BI"
    size: float = 10
    gap: float = 0  # extra space above the line, in mm


def table(pdf: FPDF, rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> None:
    """A ruled table (fpdf2 draws its grid), rows after the header."""
    pdf.set_font("Helvetica", size=9)
    with pdf.table(col_widths=widths, text_align="LEFT") as t:
        for row in rows:
            r = t.row()
            for cell in row:
                r.cell(cell)


def make_pdf(path: Path, pages: list[list[Ln | tuple]], width: float = 210) -> Path:
    """Write the pages; an item that is a tuple ('table', rows, widths) draws a table there."""
    pdf = FPDF(format=(width, 297))
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        y = 20.0
        for item in lines:
            if isinstance(item, tuple):
                pdf.set_y(y)
                table(pdf, item[1], item[2])
                y = pdf.get_y() + 4
                continue
            y += item.gap
            pdf.set_font(item.font, item.style, item.size)
            pdf.set_xy(item.x, y)
            pdf.cell(text=item.text)
            y += item.size * 0.5
    pdf.output(str(path))
    return path


def read(path: Path) -> ContractDoc:
    doc, problems = read_pdf(path)
    assert doc is not None, problems
    return doc
