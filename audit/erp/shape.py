"""A loaded dataset made fit for the checks: absent optional fields, money in other currencies,
repeated rows of a derived dataset, date formats checked against the data before trusted."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from audit.config import DatasetSource
from audit.core.messages import Msg, msg
from audit.erp.convert import TIME, Number
from audit.erp.fields import Field
from audit.erp.sources import Raw
from audit.erp.validate import capped, per_file, row_codes
from audit.errors import ErpDataError, Location, Problem

EURO = {"EUR", "€", "EURO"}
MONEY = {"price_list": ("unit_price",), "order_lines": ("unit_price",),
         "invoices": ("amount", "freight_amount")}
FOREIGN = r"^\s*(\$|£|¥|US\$|[A-Z]{3}\s)|\s[A-Z]{3}\s*$"  # '$ 12.50', 'USD 12.50', '12.50 GBP'
# '1.234' or '1,234': one group of three after one to three digits: a decimal or a thousands mark
EITHER = r"^[-+]?\d{1,3}([.,])\d{3}$"
# the date formats a value that is no date as configured is tried with, to name in the hint
COMMON_DATES = ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%m/%d/%Y", "%Y%m%d",
                "%Y/%m/%d", "%d.%m.%y", "%d-%m-%y", "%d/%m/%y", "%d-%b-%Y", "%d %b %Y", "%d-%b-%y")


def add_absent(frame: pd.DataFrame, schema: tuple[Field, ...],
               columns: dict[str, str]) -> pd.DataFrame:
    """Optional fields the export lacks become empty columns: the checks see 'not recorded'."""
    n = len(frame)
    for field in schema:
        if field.name in columns or field.required or field.name in frame.columns:
            continue
        if field.type == "date":
            frame[field.name] = np.full(n, np.datetime64("NaT"), dtype="datetime64[s]")
        elif field.type == "int":  # built whole: a list of a million NAs costs a quarter second
            frame[field.name] = pd.arrays.IntegerArray(np.zeros(n, np.int64), np.ones(n, bool))
        elif field.type in {"decimal", "bool"}:
            frame[field.name] = np.full(n, None, dtype=object)
        else:
            frame[field.name] = pd.Series(pd.array(pa.nulls(n, pa.large_string()), dtype="str"),
                                          index=frame.index)
    return frame


def exact_repeats(frame: pd.DataFrame, fields: list[str]) -> np.ndarray:
    """Rows equal to an earlier row in every mapped field (`distinct: true` keeps the first)."""
    if len(frame) < 2:
        return np.zeros(len(frame), dtype=bool)
    return pd.Series(row_codes(frame, fields)).duplicated().to_numpy()


def foreign_money(name: str, source: DatasetSource, data: dict[str, object], bad: np.ndarray,
                  raw: Raw, columns: dict[str, str]) -> tuple[np.ndarray, list[Problem]]:
    """Rows whose money is not in euros are left out: other currencies are never summed as EUR."""
    own = source.currency.strip().upper()
    if name not in MONEY:
        return bad, []
    if "currency" not in columns:
        if own not in EURO:
            raise ErpDataError.of("erp.money_not_eur", Location(raw.files[0]), currency=own)
        return bad, []
    codes = pc.utf8_upper(pc.utf8_trim_whitespace(raw.table[columns["currency"]])).to_numpy(
        zero_copy_only=False).astype(object)
    codes = np.where(codes == "", own, codes)
    other = ~np.isin(codes, list(EURO)) & ~bad
    problems: list[Problem] = []
    column = columns["currency"]
    for file, positions in per_file(np.flatnonzero(other), raw.file_of):
        def make(i: int, file: str = file) -> Problem:
            return Problem.of("erp", "erp.row_not_eur", Location(file, row=int(raw.rows[i]),
                                                                 column=column), currency=codes[i])
        problems += capped(file, positions, make, msg("erp.more_rows_not_eur"))
    return bad | other, problems


def swap_day_month(fmt: str) -> str | None:
    """The format with day and month swapped (None when it has not both)."""
    if "%d" not in fmt or "%m" not in fmt:
        return None
    return fmt.replace("%d", "\0").replace("%m", "%d").replace("\0", "%m")


def check_date_order(column: pa.ChunkedArray | pa.Array, formats: list[str]) -> Msg | None:
    """A day-first format on month-first data (or the reverse), told by a day above 12 in the
    month's place: the message, or None when the data does not contradict the format."""
    distinct = pc.unique(pc.utf8_trim_whitespace(pc.unique(column)))  # trimmed: few, not all rows
    texts = pd.Series(distinct.to_pylist(), dtype=object)
    texts = texts[texts.str.len() > 0]
    if formats and texts.str.contains(":", regex=False).any():  # the date before a time
        texts = texts.str.replace(TIME, "", regex=True).drop_duplicates()
    for fmt in formats:
        swapped = swap_day_month(fmt)
        if swapped is None or texts.empty:
            continue
        as_given = pd.to_datetime(texts, format=fmt, errors="coerce").notna()
        as_swapped = pd.to_datetime(texts, format=swapped, errors="coerce").notna()
        only_swapped, only_given = as_swapped & ~as_given, as_given & ~as_swapped
        if only_swapped.any() and not only_given.any():
            example = texts[only_swapped].iloc[0]
            return msg("erp.date_order", format=fmt, example=example, swapped=swapped,
                       others=int(only_swapped.sum()) - 1)
    return None


def value_hint(field: Field, number: Number, formats: list[str]) -> Callable[[str], Msg | str]:
    """A hint for a value that did not convert: another decimal style, currency or date order."""
    other = Number("," if number.decimal == "." else ".", number.decimal)  # the other style
    swapped = [s for s in map(swap_day_month, formats) if s]

    def hint(text: str) -> Msg | str:
        if field.type in {"decimal", "int"}:
            if (either := re.match(EITHER, text)) and number.thousands != either[1]:
                return msg("erp.hint_decimal_or_thousands", mark=either[1])
            if pc.match_substring_regex(pa.array([text]), other.pattern)[0].as_py():
                return msg("erp.hint_decimal", other=other.decimal, decimal=number.decimal)
            if pc.match_substring_regex(pa.array([text]), FOREIGN)[0].as_py():
                return msg("erp.hint_currency")
        if field.type == "date":
            for fmt in swapped:
                if pd.notna(pd.to_datetime(text, format=fmt, errors="coerce")):
                    return msg("erp.hint_date_order", format=fmt)
            return _date_hint(text, formats)
        return ""
    return hint


def _date_hint(text: str, formats: list[str]) -> Msg | str:
    """The common formats a text that is no date as configured reads with (day-first and
    month-first both named when both fit: the export's other dates tell which)."""
    text = re.sub(TIME, "", text)
    marks = {c for c in text if not c.isalnum()}  # only formats with the same marks are tried
    fits = [f for f in COMMON_DATES if f not in formats and set(re.sub("%.", "", f)) == marks
            and pd.notna(pd.to_datetime(text, format=f, errors="coerce"))]
    if not fits:
        return ""
    return msg("erp.hint_date_format", formats=" or ".join(f"'{f}'" for f in fits[:2]))
