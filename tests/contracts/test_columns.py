"""Columns per region of a page, each case on a PDF made for it (Times and Courier, A5 and
letter pages, column widths and gutters unlike the bundled samples)."""

from pathlib import Path

import pdfplumber
from fpdf import FPDF

from audit.contracts.layout import page_lines
from audit.contracts.reader import read_pdf

WORDS = ("de leverancier zorgt voor een tijdige levering van alle bestelde goederen aan het "
         "afleveradres van de afnemer binnen de afgesproken termijn").split()


def prose(n: int, start: int) -> str:
    """Running text of n words, different per start."""
    return " ".join(WORDS[(start + i) % len(WORDS)] for i in range(n))


def read_lines(path: Path) -> list[list[str]]:
    with pdfplumber.open(path) as pdf:
        return [[line.text for line in page_lines(page, n)[0]]
                for n, page in enumerate(pdf.pages, 1)]


def columns_pdf(path: Path, count: int, items: int, size: float, rules: bool = False,
                gutter: float = 18) -> None:
    """Letter page: a full-width heading, `count` columns of numbered items, a closing line."""
    pdf = FPDF(format="letter", unit="pt")
    pdf.add_page()
    pdf.set_font("times", "B", 14)
    pdf.cell(0, 20, "Schedule C - Conditions of Supply", new_x="LMARGIN", new_y="NEXT")
    width = (pdf.epw - gutter * (count - 1)) / count
    top = pdf.get_y() + 6
    bottom = top
    for col in range(count):
        pdf.set_xy(pdf.l_margin + col * (width + gutter), top)
        for item in range(items):
            number = col * items + item + 1
            pdf.set_x(pdf.l_margin + col * (width + gutter))
            pdf.set_font("times", "B", size)
            pdf.cell(width, size * 1.3, f"C{number}. CLAUSE {number}", new_x="LEFT", new_y="NEXT")
            pdf.set_font("times", "", size)
            pdf.multi_cell(width, size * 1.25, f"marker{number} {prose(22, number)}.",
                           new_x="LEFT", new_y="NEXT")
        bottom = max(bottom, pdf.get_y())
    if rules:  # a rule under the heading and one down each gutter
        pdf.line(pdf.l_margin, top - 3, pdf.w - pdf.r_margin, top - 3)
        for col in range(1, count):
            x = pdf.l_margin + col * (width + gutter) - gutter / 2
            pdf.line(x, top, x, bottom)
    pdf.set_xy(pdf.l_margin, bottom + 12)
    pdf.set_font("times", "", 10)
    pdf.multi_cell(0, 13, "Closing words that run across the whole width of the page below "
                   "every column of the schedule.")
    pdf.output(str(path))


def test_three_columns_under_a_full_width_heading_read_column_by_column(tmp_path):
    path = tmp_path / "three-columns.pdf"
    columns_pdf(path, count=3, items=3, size=7)
    [lines] = read_lines(path)
    assert lines[0] == "Schedule C - Conditions of Supply"
    headings = [line for line in lines if line.startswith("C") and "CLAUSE" in line]
    assert headings == [f"C{n}. CLAUSE {n}" for n in range(1, 10)]
    text = " ".join(lines)
    markers = [int(w[6:]) for w in text.split() if w.startswith("marker")]
    assert markers == list(range(1, 10))  # each column's text in one piece, left to right
    assert lines[-1].startswith("Closing words") and lines[-1].endswith("schedule.")


def test_two_columns_read_column_by_column_with_their_typography(tmp_path):
    path = tmp_path / "two-columns-times.pdf"
    columns_pdf(path, count=2, items=4, size=9)
    with pdfplumber.open(path) as pdf:
        lines, tables = page_lines(pdf.pages[0], 1)
    assert tables == []
    heads = [line for line in lines if "CLAUSE" in line.text]
    assert [h.text for h in heads] == [f"C{n}. CLAUSE {n}" for n in range(1, 9)]
    assert all(h.bold and h.size == 9.0 for h in heads)
    assert heads[4].x0 > heads[3].x0 + 200  # the right column starts where it stands


def test_a_gutter_of_one_font_size_still_parts_two_columns(tmp_path):
    """About 10 points between columns of 10-point text (the cells' padding adds 6)."""
    path = tmp_path / "narrow-gutter.pdf"
    columns_pdf(path, count=2, items=4, size=10, gutter=4)
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[0].extract_words()
        lines, _ = page_lines(pdf.pages[0], 1)
    left_end = max(w["x1"] for w in words if w["x0"] < 300 and w["top"] > 60)
    right_start = min(w["x0"] for w in words if w["x0"] >= 300)
    assert right_start - left_end < 11
    heads = [line.text for line in lines if "CLAUSE" in line.text]
    assert heads == [f"C{n}. CLAUSE {n}" for n in range(1, 9)]


def regions_pdf(path: Path) -> None:
    """A5 page in Courier: two-column block, full-width paragraph, another two-column block."""
    pdf = FPDF(format="a5", unit="pt")
    pdf.set_margins(30, 30, 30)
    pdf.add_page()
    half = (pdf.epw - 14) / 2
    for block in range(2):
        top = pdf.get_y()
        bottom = top
        for col in range(2):
            pdf.set_xy(pdf.l_margin + col * (half + 14), top)
            pdf.set_font("courier", "", 7)
            pdf.multi_cell(half, 9, f"block{block}col{col} {prose(30, block * 2 + col)} "
                           f"end{block}{col}", new_x="LEFT", new_y="NEXT")
            bottom = max(bottom, pdf.get_y())
        pdf.set_xy(pdf.l_margin, bottom + 8)
        if block == 0:
            pdf.set_font("courier", "B", 8)
            pdf.multi_cell(0, 10, "FULL WIDTH: a paragraph between the two parts that crosses "
                           "the gutter of both of them.", new_x="LMARGIN", new_y="NEXT")
            pdf.set_y(pdf.get_y() + 8)
    pdf.output(str(path))


def test_columns_are_found_per_region_of_the_page(tmp_path):
    path = tmp_path / "regions.pdf"
    regions_pdf(path)
    [lines] = read_lines(path)
    order = [w for w in " ".join(lines).split() if w.startswith(("block", "end", "FULL"))]
    assert order == ["block0col0", "end00", "block0col1", "end01", "FULL",
                     "block1col0", "end10", "block1col1", "end11"]


def test_hanging_numbers_in_one_column_stay_lines_of_text(tmp_path):
    """A tab after the article number leaves a strip no word crosses: not a column, no table."""
    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("times", "", 10)
    for n in range(1, 7):
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(30, 13, f"7.{n}")
        pdf.set_xy(pdf.l_margin + 40, y)
        pdf.multi_cell(0, 13, prose(12 + 9 * (n % 2), n), new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "hanging.pdf"
    pdf.output(str(path))
    with pdfplumber.open(path) as pdf_in:
        lines, tables = page_lines(pdf_in.pages[0], 1)
    assert tables == []
    starts = [line.text.split()[0] for line in lines if line.text.startswith("7.")]
    assert starts == [f"7.{n}" for n in range(1, 7)]


def test_a_frame_around_every_page_is_not_a_table(tmp_path):
    pdf = FPDF(unit="pt")
    pdf.set_margins(60, 60, 60)
    for page in range(2):
        pdf.add_page()
        pdf.rect(30, 30, pdf.w - 60, pdf.h - 60)  # the frame
        pdf.set_font("times", "B", 11)
        pdf.cell(0, 16, f"Artikel {page + 1} - Levering", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("times", "", 10)
        pdf.multi_cell(0, 13, f"{page + 1}.1 Leverancier levert binnen {page + 3} werkdagen na "
                       "orderdatum.", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "framed.pdf"
    pdf.output(str(path))
    doc, problems = read_pdf(path)
    assert problems == []
    assert [p.tables for p in doc.pages] == [(), ()]
    assert doc.pages[1].text == "Artikel 2 - Levering\n2.1 Leverancier levert binnen 4 " \
        "werkdagen na orderdatum."



def test_rules_drawn_in_the_gutter_and_under_the_heading_make_no_table(tmp_path):
    plain, ruled = tmp_path / "plain.pdf", tmp_path / "ruled.pdf"
    columns_pdf(plain, count=2, items=4, size=9)
    columns_pdf(ruled, count=2, items=4, size=9, rules=True)
    with pdfplumber.open(ruled) as pdf:
        assert pdf.pages[0].lines
    assert read_lines(ruled) == read_lines(plain)
