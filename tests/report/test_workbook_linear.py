"""A deviation sheet is written in time linear in its rows, each row's formats on that row."""

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pandas as pd

from audit.report.workbook import DATE_FORMATS, EUR_FORMAT, NUMBER_FORMAT, build_workbook


def sheet_frame(rows: int) -> pd.DataFrame:
    """A made-up owner's deviations: text, an impact, a due date on every other row."""
    return pd.DataFrame({
        "deviation_id": [f"D-{i:05d}" for i in range(rows)],
        "impact_eur": [Decimal(i) / 4 for i in range(rows)],
        "due_date": [date(2027, 1, 1 + i % 28) if i % 2 else None for i in range(rows)],
        "note": ["x" * 20] * rows})


def _saved(frames: dict[str, pd.DataFrame], lang: str) -> openpyxl.Workbook:
    buffer = io.BytesIO()
    build_workbook(frames, None, lang).save(buffer)  # a write-only workbook: saved once
    return openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))


def test_each_row_gets_its_own_formats():
    sheet = _saved({"Planner": sheet_frame(5)}, "nl")["Planner"]
    assert sheet["B6"].number_format == EUR_FORMAT and sheet["B6"].value == Decimal("1")
    assert sheet["C3"].number_format == DATE_FORMATS["nl"]  # row 2 of the data: a due date
    assert sheet["C2"].number_format == "General"  # no due date, no date format


def test_figures_are_numbers_and_headers_in_the_language():
    frame = pd.DataFrame({"expected": ["43.50", "€ 12,50 per piece"], "actual": ["-2", "30 days"],
                          "impact_eur": [Decimal("1.5"), None], "due_date": [None, None]})
    sheet = _saved({"Planner": frame}, "en")["Planner"]
    assert [c.value for c in sheet[1]] == ["Agreed", "In the ERP", "Amount", "Due"]
    assert (sheet["A2"].value, sheet["B2"].value) == (43.5, -2)
    assert sheet["A2"].number_format == "General"  # a figure of no known unit: not '#,##0'
    assert sheet["B2"].number_format == NUMBER_FORMAT  # a whole one
    assert (sheet["A3"].value, sheet["B3"].value) == ("€ 12,50 per piece", "30 days")
    assert sheet["C2"].value == 1.5 and sheet["C2"].number_format == EUR_FORMAT


def test_every_sheet_is_written_once_row_by_row():
    # a write-only workbook cannot read a sheet back, so no row can cost what the rows before
    # it cost (re-reading sheet.max_row per row was quadratic); its speed is in bench/scale.py
    book = build_workbook({"Planner": sheet_frame(3), "Buyer": sheet_frame(2)}, None, "en")
    assert book.write_only
    book.save(io.BytesIO())
    saved = _saved({"Planner": sheet_frame(3), "Buyer": sheet_frame(2)}, "en")
    assert [s.max_row for s in saved.worksheets[-2:]] == [4, 3]
