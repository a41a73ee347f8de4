"""openpyxl formatting of deviations.xlsx: summary sheet, one sheet per owner, safe names."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from audit.i18n import label
from audit.models import Deviation
from audit.report.summary import Totals, totals_by

EUR_FORMAT = '"€" #,##0.00;[Red]"€" -#,##0.00'
DATE_FORMATS = {"nl": "dd-mm-yyyy", "en": "yyyy-mm-dd"}
MAX_SHEET_NAME = 31
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_BOLD = Font(bold=True)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d+)*|\d*[.,]\d+)([eE][+-]?\d+)?%?")


def sheet_name(name: str, taken: set[str]) -> str:
    """An Excel-safe, unique (case-insensitive) sheet name of at most 31 characters."""
    base = _INVALID_SHEET_CHARS.sub("-", name).strip().strip("'").strip() or "Sheet"
    base = base[:MAX_SHEET_NAME].rstrip()
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate = base[: MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(candidate.lower())
    return candidate


def neutralise(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula, made inert with a leading apostrophe
    (OWASP's rule: it starts with =, +, -, @, tab or CR and is not a number); others unchanged."""
    if not isinstance(value, str) or not value or value[0] not in FORMULA_STARTS:
        return value
    if _NUMBER.fullmatch(value.strip()) or value in ("-", "+"):
        return value  # '-12.50' is an amount, a lone '-' a blank: neither runs as a formula
    return "'" + value


def _cell_value(value: Any) -> Any:
    """A pandas value as something openpyxl writes: missing -> None, numpy ints -> int, text
    never a formula."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    return neutralise(value)


def _fit_columns(sheet: Worksheet, minimum: int = 8, maximum: int = 60) -> None:
    for column in sheet.columns:
        longest = max((len(str(c.value)) for c in column if c.value is not None), default=0)
        width = min(max(longest + 2, minimum), maximum)
        sheet.column_dimensions[get_column_letter(column[0].column)].width = width


def _deviation_sheet(sheet: Worksheet, frame: pd.DataFrame, lang: str) -> None:
    """One owner's deviations: bold frozen header, euro and date formats, autofilter."""
    sheet.append([neutralise(c) for c in frame.columns])
    for cell in sheet[1]:
        cell.font = _BOLD
    impact_col = list(frame.columns).index("impact_eur") + 1
    due_col = list(frame.columns).index("due_date") + 1
    # the row number counted, not read: sheet.max_row scans every cell, O(rows²) over a sheet
    for current, row in enumerate(frame.itertuples(index=False), start=2):
        sheet.append([_cell_value(v) for v in row])
        sheet.cell(current, impact_col).number_format = EUR_FORMAT
        if isinstance(sheet.cell(current, due_col).value, date):
            sheet.cell(current, due_col).number_format = DATE_FORMATS[lang]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _fit_columns(sheet)


def _summary_block(sheet: Worksheet, heading: str, rows: list[Totals], lang: str) -> None:
    """A titled block of counts and money per group, with a total row."""
    header = [heading, label(lang, "count"), label(lang, "forgone"), label(lang, "owed")]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = _BOLD
    overall = Totals(
        label(lang, "total"),
        sum(r.count for r in rows),
        sum((r.forgone for r in rows), start=Decimal(0)),
        sum((r.owed for r in rows), start=Decimal(0)),
    )
    for row in [*rows, overall]:
        sheet.append([neutralise(row.key), row.count, row.forgone, row.owed])
        for cell in sheet[sheet.max_row][2:4]:
            cell.number_format = EUR_FORMAT
    for cell in sheet[sheet.max_row]:
        cell.font = _BOLD
    sheet.append([])


def _summary_sheet(sheet: Worksheet, deviations: Sequence[Deviation], lang: str) -> None:
    """Counts and money at stake of open deviations per owner, per rule, per customer."""
    no_owner = label(lang, "no_owner")
    keys: list[tuple[str, Callable[[Deviation], str]]] = [
        ("owner", lambda d: d.owner or no_owner),
        ("rule", lambda d: d.rule_id),
        ("customer", lambda d: f"{d.customer_id} {d.customer_name}".strip()),
    ]
    for heading, key in keys:
        _summary_block(sheet, label(lang, heading), totals_by(deviations, key), lang)
    _fit_columns(sheet, minimum=12)


def build_workbook(
    frames: dict[str, pd.DataFrame], summary: Sequence[Deviation] | None, lang: str
) -> Workbook:
    """A workbook with an optional summary sheet and one deviation sheet per owner."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    if summary is not None:
        sheet = workbook.create_sheet(sheet_name(label(lang, "summary_sheet"), taken))
        _summary_sheet(sheet, summary, lang)
    for owner, frame in frames.items():
        sheet = workbook.create_sheet(sheet_name(owner or label(lang, "no_owner"), taken))
        _deviation_sheet(sheet, frame, lang)
    return workbook
