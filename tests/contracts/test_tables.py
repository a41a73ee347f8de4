"""Tables without rulings, zebra shading, grids, and tables over a page break, each on a PDF
made for it (Courier and Times, landscape A4, column orders unlike the bundled samples)."""

from pathlib import Path

import pdfplumber
import pytest
from fpdf import FPDF

from audit.contracts.layout import TABLE_MARK, clean_chars, page_lines
from audit.contracts.tables import continue_table
from audit.models import Table

HEADER = ("Pos", "Code", "Article", "Gross", "Disc.", "Net")
ITEMS = [(str(n), f"QX-{700 + n}/B", f"Hydraulic hose fitting type {n} straight", f"{40 + n},50",
          f"{n % 4 * 5}%", f"{30 + n},10") for n in range(1, 13)]


def table_pdf(path: Path, borders: str, fill: str, rows: list[tuple[str, ...]],
              per_page: int = 40, repeat: bool = True, v_align: str = "MIDDLE",
              font: str = "courier", padding: float | None = None) -> None:
    """Landscape A4: a title line, a sentence, then the table (split over pages)."""
    pdf = FPDF(orientation="L", unit="pt")
    pdf.set_margins(50, 40, 50)
    for start in range(0, len(rows), per_page):
        pdf.add_page()
        pdf.set_font("times", "B", 13)
        pdf.cell(0, 18, "Annex II. Net prices", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("times", "", 10)
        pdf.cell(0, 16, "All amounts in euro, delivered duty paid.", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(pdf.get_y() + 10)
        pdf.set_font(font, "", 9)
        part = rows[start:start + per_page]
        body = [HEADER, *part] if repeat or start == 0 else part
        with pdf.table(borders_layout=borders, cell_fill_mode=fill, cell_fill_color=225,
                       col_widths=(30, 60, 190, 55, 45, 55), text_align="LEFT", width=435,
                       align="LEFT", first_row_as_headings=body[0] == HEADER,
                       v_align=v_align, padding=padding) as table:
            for row in body:
                table.row(row)
    pdf.output(str(path))


def read(path: Path) -> list[tuple[list[str], list[Table]]]:
    with pdfplumber.open(path) as pdf:
        out = []
        for n, page in enumerate(pdf.pages, 1):
            lines, tables = page_lines(page, n)
            out.append(([line.text for line in lines], tables))
        return out


@pytest.mark.parametrize("borders,fill", [("NONE", "ROWS"), ("NONE", "NONE"),
                                          ("HORIZONTAL_LINES", "NONE"), ("ALL", "NONE")])
def test_a_table_keeps_its_rows_and_cells_whatever_its_rulings(tmp_path, borders, fill):
    """Zebra rows, borderless, horizontal rules only, full grid: the same clean rows."""
    path = tmp_path / f"annex-{borders}-{fill}.pdf"
    table_pdf(path, borders, fill, ITEMS)
    [(lines, tables)] = read(path)
    assert lines == ["Annex II. Net prices", "All amounts in euro, delivered duty paid.",
                     TABLE_MARK.format(0)]
    [table] = tables
    assert table.rows == (HEADER, *ITEMS)


def test_a_wrapped_description_stays_in_its_row(tmp_path):
    """Cells set at the top of rows without extra space between them: the key column tells."""
    rows = [(str(n), f"QX-{n}", "Flange adapter with a long description that wraps onto a "
             "second line", "12,00", "5%", "11,40") for n in range(1, 5)]
    path = tmp_path / "wrapped.pdf"
    table_pdf(path, "NONE", "NONE", rows, v_align="TOP")
    [(_, [table])] = read(path)
    assert table.rows[1:] == tuple(rows)


@pytest.mark.parametrize("borders,fill", [("NONE", "ROWS"), ("HORIZONTAL_LINES", "NONE")])
def test_rows_set_apart_by_shading_or_rules_keep_their_centred_wrapped_cells(tmp_path, borders,
                                                                              fill):
    """Cells centred against a wrapped description, rows without padding (all lines equally far
    apart): the shading bands or the rules tell the rows."""
    rows = [(str(n), f"QX-{n}", f"Coupling {n} with a description long enough to wrap over "
             "three lines of its narrow cell in this table", "12,00", "5%", "11,40") for n in range(1, 5)]
    path = tmp_path / "centred.pdf"
    table_pdf(path, borders, fill, rows, font="times", padding=0)
    [(_, [table])] = read(path)
    assert table.rows == (HEADER, *rows)


def test_a_table_over_a_page_break_without_its_header_continues(tmp_path):
    path = tmp_path / "annex-over-pages.pdf"
    table_pdf(path, "NONE", "ROWS", ITEMS, per_page=7, repeat=False)
    (_, [first]), (_, [second]) = read(path)
    assert second.rows == tuple(ITEMS[7:])
    merged = continue_table(first, second)
    assert merged is not None and merged.rows == (HEADER, *ITEMS) and merged.page == 1


def test_a_repeated_header_is_dropped_and_another_table_is_not_merged():
    first = Table(1, (HEADER, *ITEMS[:3]))
    again = Table(2, (HEADER, *ITEMS[3:5]))
    assert continue_table(first, again) == Table(1, (HEADER, *ITEMS[:5]))
    other = Table(2, (("Pos", "Code", "Article", "Unit", "Pack", "Price"), ITEMS[5]))
    assert continue_table(first, other) is None
    narrower = Table(2, (ITEMS[5][:4],))
    assert continue_table(first, narrower) is None


def test_a_justified_paragraph_in_a_narrow_measure_is_not_a_table(tmp_path):
    """Wide word gaps of justified lines do not line up into columns."""
    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("times", "", 10)
    text = ("Leverancier levert de goederen franco op het afleveradres van de afnemer binnen "
            "vijf werkdagen na ontvangst van de bestelling, tenzij partijen schriftelijk een "
            "latere leverdatum overeenkomen; deelleveringen zijn toegestaan. ") * 3
    pdf.multi_cell(220, 13, text, align="J", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "prose.pdf"
    pdf.output(str(path))
    [(lines, tables)] = read(path)
    assert tables == [] and len(lines) > 10
    assert " ".join(lines).split() == text.split()


def test_doubled_characters_are_read_once(tmp_path):
    """Text drawn twice on the same spot (a fake bold) reads as one text."""
    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("times", "", 11)
    for _ in range(2):
        pdf.text(60, 80, "Betaling binnen 45 dagen na factuurdatum.")
    path = tmp_path / "doubled.pdf"
    pdf.output(str(path))
    with pdfplumber.open(path) as pdf_in:
        page = pdf_in.pages[0]
        assert len(clean_chars(page).chars) * 2 == len(page.chars)
        lines, _ = page_lines(page, 1)
    assert [line.text for line in lines] == ["Betaling binnen 45 dagen na factuurdatum."]


@pytest.mark.parametrize("angle", [90, -90])
def test_a_landscape_annex_turned_on_a_portrait_page_reads_as_a_table(tmp_path, angle):
    """The annex set sideways on the paper (text running up or down) reads as it is seen."""
    pdf = FPDF(unit="pt")  # portrait A4
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("courier", "", 9)
    x, y = (60, 780) if angle == 90 else (535, 60)
    with pdf.rotation(angle, x, y):
        pdf.set_xy(x, y)
        pdf.set_font("times", "B", 12)
        pdf.cell(300, 16, "Annex III - Prices", new_x="LEFT", new_y="NEXT")
        pdf.set_font("courier", "", 9)
        with pdf.table(borders_layout="NONE", col_widths=(30, 60, 190, 55, 45, 55), width=435,
                       text_align="LEFT", align="LEFT") as table:
            for row in (HEADER, *ITEMS[:5]):
                table.row(row)
    path = tmp_path / f"turned{angle}.pdf"
    pdf.output(str(path))
    [(lines, tables)] = read(path)
    assert lines == ["Annex III - Prices", TABLE_MARK.format(0)]
    with pdfplumber.open(path) as pdf_in:
        assert page_lines(pdf_in.pages[0], 1)[0][0].size == 12.0
    assert tables[0].rows == (HEADER, *ITEMS[:5])


def test_a_space_drawn_over_a_letter_does_not_break_the_word(tmp_path):
    """Some producers put a space glyph on top of the next letter; the word stays whole."""
    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 15)
    pdf.text(60, 80, "1. Definities")
    pdf.text(60 + pdf.get_string_width("1. ") + 0.2, 80, " ")
    path = tmp_path / "space-over-letter.pdf"
    pdf.output(str(path))
    with pdfplumber.open(path) as pdf_in:
        assert pdf_in.pages[0].extract_text() == "1. D efinities"  # what pdfplumber reads
        lines, _ = page_lines(pdf_in.pages[0], 1)
    assert [line.text for line in lines] == ["1. Definities"]


def test_rules_between_lines_tell_the_rows_when_spacing_does_not():
    """Lines all equally far apart, prices centred against three-line descriptions."""
    from audit.contracts.columns import _cells

    def word(text: str, x0: float, top: float) -> dict:
        return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": top, "bottom": top + 8}

    lines = [("", "Coupling one", ""), ("QX-1", "with a long", "12,00"), ("", "description", ""),
             ("", "Coupling two", ""), ("QX-2", "with a long", "13,00"), ("", "description", "")]
    columns = [[[word(line[k], (50, 120, 300)[k], 100 + 10 * i)] if line[k] else []
                for i, line in enumerate(lines)] for k in range(3)]
    rules = [(99.0, 40.0, 400.0), (129.0, 40.0, 400.0), (159.0, 40.0, 400.0)]
    assert _cells(columns, rules) == [("QX-1", "Coupling one with a long description", "12,00"),
                                      ("QX-2", "Coupling two with a long description", "13,00")]
    assert _cells(columns) != _cells(columns, rules)  # without the rules the lines mislead
