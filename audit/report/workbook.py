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
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from audit.core.cells import neutralise
from audit.core.i18n import LABELS, label
from audit.core.parse import plain_figure
from audit.core.summary import Totals, totals_by
from audit.models import Deviation

EUR_FORMAT = '"€" #,##0.00;[Red]"€" -#,##0.00'
NUMBER_FORMAT = "#,##0"  # a whole figure of the agreement (days, pieces) as a number
FIGURE_FORMATS = {"EUR": EUR_FORMAT, "%": "0.00%"}  # by Deviation.figure_unit; else General
DATE_FORMATS = {"nl": "dd-mm-yyyy", "en": "yyyy-mm-dd"}
MAX_SHEET_NAME = 31
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_BOLD = Font(bold=True)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def _cell_value(value: Any) -> Any:
    """A pandas value as something openpyxl writes: missing -> None, numpy ints -> int, text
    never a formula."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    return neutralise(value)


def _widths(header: Sequence[str], rows: Sequence[Sequence[Any]], minimum: int = 8,
            maximum: int = 60) -> list[int]:
    """Each column's width from its longest text (a write-only sheet cannot be read back)."""
    longest = [len(str(h)) for h in header]
    for row in rows:
        for i, value in enumerate(row):
            if value is not None and i < len(longest):
                longest[i] = max(longest[i], len(str(value)))
    return [min(max(n + 2, minimum), maximum) for n in longest]


def _set_widths(sheet: Any, widths: Sequence[int]) -> None:
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def _styled(sheet: Any, value: Any, number_format: str | None = None, bold: bool = False
            ) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = _BOLD
    return cell


def _header(frame: pd.DataFrame, lang: str) -> list[str]:
    """The column headers in the language (a column without a label keeps its name)."""
    table = LABELS[lang]
    return [table.get(f"col_{c}", str(c)) for c in frame.columns]


def _deviation_sheet(sheet: Any, frame: pd.DataFrame, lang: str) -> None:
    """One owner's deviations: bold frozen header in the language, amounts and figures as
    numbers (euro format on the amount), due dates as dates, autofilter; written once, row by
    row (a write-only sheet)."""
    header = _header(frame, lang)
    columns = list(frame.columns)
    impact_col = columns.index("impact_eur") if "impact_eur" in columns else -1
    due_col = columns.index("due_date") if "due_date" in columns else -1
    figures = {columns.index(c) for c in ("expected", "actual") if c in columns}
    units = frame.attrs.get("figure_units") or [""] * len(frame)
    rows = [[_cell_value(v) for v in row] for row in frame.itertuples(index=False)]
    _set_widths(sheet, _widths(header, rows))
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(len(columns), 1))
    sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    sheet.append([_styled(sheet, neutralise(h), bold=True) for h in header])
    date_format = DATE_FORMATS[lang]
    for row, unit in zip(rows, units, strict=True):
        if impact_col >= 0:
            row[impact_col] = _styled(sheet, row[impact_col], EUR_FORMAT)
        if due_col >= 0 and isinstance(row[due_col], date):
            row[due_col] = _styled(sheet, row[due_col], date_format)
        for i in figures:
            row[i] = _figure(sheet, row[i], unit, date_format)
        sheet.append(row)


def _figure(sheet: Any, value: Any, unit: str, date_format: str) -> Any:
    """A figure a check wrote as text as a number in its unit's format (euros, a percentage,
    a whole number, else General), an ISO date as a date; any other text as it is."""
    number = plain_figure(value)
    if number is not None:
        if unit == "%":
            return _styled(sheet, number / 100, FIGURE_FORMATS[unit])
        whole = number == number.to_integral_value() and unit not in FIGURE_FORMATS
        return _styled(sheet, number, FIGURE_FORMATS.get(unit) or (
            NUMBER_FORMAT if whole else "General"))
    if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        try:
            return _styled(sheet, date.fromisoformat(value.strip()), date_format)
        except ValueError:
            return value
    return value


def _summary_rows(heading: str, rows: list[Totals], lang: str) -> list[list[Any]]:
    """A titled block of counts and money per group, with a total row: (values) per row,
    the first and last bold."""
    overall = Totals(
        label(lang, "total"),
        sum(r.count for r in rows),
        sum((r.forgone for r in rows), start=Decimal(0)),
        sum((r.owed for r in rows), start=Decimal(0)),
    )
    header: list[Any] = [heading, label(lang, "count"), label(lang, "forgone"),
                         label(lang, "owed")]
    body = [[neutralise(r.key), r.count, r.forgone, r.owed] for r in [*rows, overall]]
    return [header, *body]


def _summary_sheet(sheet: Any, deviations: Sequence[Deviation], lang: str) -> None:
    """Counts and money at stake of open deviations per owner, per rule, per customer."""
    no_owner = label(lang, "no_owner")
    keys: list[tuple[str, Callable[[Deviation], str]]] = [
        ("owner", lambda d: d.owner or no_owner),
        ("rule", lambda d: d.rule_title or d.rule_id),
        ("customer", lambda d: f"{d.customer_id} {d.customer_name}".strip()),
    ]
    blocks = [_summary_rows(label(lang, heading), totals_by(deviations, key), lang)
              for heading, key in keys]
    _set_widths(sheet, _widths([], [r for b in blocks for r in b], minimum=12)
                or [12, 12, 12, 12])
    for block in blocks:
        for i, row in enumerate(block):
            bold = i in (0, len(block) - 1)
            if i == 0:
                sheet.append([_styled(sheet, v, bold=True) for v in row])
                continue
            sheet.append([_styled(sheet, row[0], bold=bold), _styled(sheet, row[1], bold=bold),
                          *(_styled(sheet, v, EUR_FORMAT, bold) for v in row[2:])])
        sheet.append([])


def build_workbook(
    frames: dict[str, pd.DataFrame], summary: Sequence[Deviation] | None, lang: str
) -> Workbook:
    """A write-only workbook (save it once) with an optional summary sheet and one deviation
    sheet per owner, each sheet written once."""
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    if summary is not None:
        sheet = workbook.create_sheet(sheet_name(label(lang, "summary_sheet"), taken))
        _summary_sheet(sheet, summary, lang)
    for owner, frame in frames.items():
        sheet = workbook.create_sheet(sheet_name(owner or label(lang, "no_owner"), taken))
        _deviation_sheet(sheet, frame, lang)
    return workbook
