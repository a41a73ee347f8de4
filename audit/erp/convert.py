"""Text columns -> typed values, vectorised: each distinct text is parsed once, then spread.

A year of order lines holds a million prices but a few thousand distinct ones, and a few hundred
distinct dates; so every typed column is dictionary-encoded, its distinct texts are validated
and converted (with pyarrow compute and pandas), and the results are taken back by index.
Money stays exact: `decimal.Decimal` objects, one per distinct text, shared by the rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from audit.erp.fields import KINDS, Field
from audit.erp.text import maybe_padded

TRUE = {"1", "-1", "true", "yes", "y", "ja", "j", "waar", "x", "t", "wahr", "✓", "✔", "☑"}  # -1: VB
MARKS = {"x", "✓", "✔", "☑"}  # a ticked box: its blank is no, there is nothing else to write
FALSE = {"0", "false", "no", "n", "nee", "onwaar", "f"}
# an ISO date, maybe with a time and a zone: the date is the one written (its first ten places)
ISO = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$"
SERIAL = r"^\d{5}([.,]\d+)?$"  # an Excel serial date (1927..2173), a fraction its time of day
TIME = r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s?[AaPp][Mm])?$"  # a time after a date
EXCEL_EPOCH = np.datetime64("1899-12-30", "s")
# the second chance of a text that is not a number as configured: each (pattern, replacement)
# in turn on the distinct texts that failed, then matched again ('€ 1.234,56', '1.234,56-',
# '(1,234.56)', '1 234,56 €', '−12,50'); none of them changes what a digit means
SPACES = r"[\x{00a0}\x{202f}\x{2009}]"  # no-break, narrow no-break and thin spaces
REPAIRS = ((SPACES, " "), ("\u2212", "-"),
           (r"^([-+(]?)\s*(?:€|EUR)\s*", r"\1"), (r"\s*(?:€|EUR)\s*([-)]?)$", r"\1"),
           (r"^\((.*\d)\)$", r"-\1"), (r"^(.*\d)-$", r"-\1"))
GROUPS = "[ '\u2019]"  # never a decimal character: thousands grouping whatever the config says


@dataclass(frozen=True)
class Number:
    """How numbers are written in a source: decimal character and thousands separator."""

    decimal: str = "."
    thousands: str | None = None

    @property
    def pattern(self) -> str:
        d = re.escape(self.decimal)
        groups = rf"|\d{{1,3}}(?:{re.escape(self.thousands)}\d{{3}})+" if self.thousands else ""
        return rf"^[-+]?(?:\d+{groups})(?:{d}\d+)?$"


@dataclass
class Converted:
    """One column converted: values (aligned with the rows), invalid rows, the texts shown."""

    values: pa.Array | pd.api.extensions.ExtensionArray | np.ndarray
    invalid: np.ndarray
    text: pa.Array  # per distinct text: the trimmed original (for messages)
    codes: np.ndarray  # per row: index into `text`
    unsure: str = ""  # yes/no: the yes texts of a column whose blank may mean no or not recorded
    coded: str = ""  # days: the condition codes read as days ("'N30' = 30")

    def shown(self, row: int) -> str:
        """The text of one row as the export has it (trimmed)."""
        return str(self.text[int(self.codes[row])].as_py())


def dictionary(column: pa.ChunkedArray | pa.Array) -> pa.DictionaryArray:
    """The column as codes into its distinct texts (in order of first appearance)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    return pc.dictionary_encode(column)


def convert(field: Field, column: pa.ChunkedArray | pa.Array, number: Number,
            date_formats: list[str], mapping: dict[str, str] | None,
            encoded: pa.DictionaryArray | None = None) -> Converted:
    """Validate and convert one text column to the field's type (`encoded`: its dictionary(),
    when the caller has it already)."""
    if field.type == "str" and not mapping:
        if isinstance(column, pa.ChunkedArray):
            column = column.combine_chunks()
        return _strings(column, field)
    if encoded is None:
        encoded = dictionary(column)
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    texts = pc.utf8_trim_whitespace(encoded.dictionary)
    mapped = texts
    if mapping:
        mapped = pa.array(_map_values(texts.to_numpy(zero_copy_only=False), mapping), pa.string())
    if field.type == "str":
        return _strings(pc.take(mapped, encoded.indices), field)
    empty = pc.equal(mapped, "").to_numpy(zero_copy_only=False)
    values, bad = _CONVERTERS[field.type](mapped, empty, number, date_formats)
    unsure = coded = ""
    if field.type == "bool" and empty.any():
        empty, unsure = _blanks(mapped, empty, values, bad)
    if field.type == "int" and field.name.endswith("_days") and (bad & ~empty).any():
        coded = _day_codes(mapped, bad & ~empty, values, bad)
    invalid = (bad & ~empty) | (empty & field.required)
    return Converted(_spread(field.type, values, empty | bad, codes), invalid[codes], texts, codes,
                     unsure, coded)


# a condition written as a code or with its unit, as ERPs keep payment and delivery terms:
# 'N30', 'NET30', 'netto 30', '30D', '30 dgn', '30 dagen netto', '14 days', '30 days net'
DAY_CODE = re.compile(
    r"(?:n|nt|net|netto)\s*[-.]?\s*(\d{1,3})(?:\s*(?:d|dg|dgn|dagen|days?))?"
    r"|(\d{1,3})\s*(?:d|dg|dgn|dagen|dag|days?|kalenderdagen|calendar\s+days)\.?"
    r"(?:\s+(?:netto|net|na\s+factuurdatum|after\s+invoice(?:\s+date)?))?", re.I)


def _day_codes(texts: pa.Array, todo: np.ndarray, values: np.ndarray, bad: np.ndarray) -> str:
    """Fill in the days of the texts among `todo` that are a condition code or a figure with its
    unit; the codes so read, as a warning shows them ("'N30' = 30")."""
    read = []
    for i in np.flatnonzero(todo):
        text = str(texts[int(i)].as_py())
        if m := DAY_CODE.fullmatch(text.strip()):
            values[i], bad[i] = int(m.group(1) or m.group(2)), False
            read.append(f"'{text}' = {values[i]}")
    return ", ".join(read[:8]) + (", …" if len(read) > 8 else "")


def _blanks(mapped: pa.Array, empty: np.ndarray, values: np.ndarray, bad: np.ndarray
            ) -> tuple[np.ndarray, str]:
    """A yes/no column's blanks: no where the yeses are ticks ('X', '✓': a box has no other
    way to say no), else not recorded; `unsure` names the yeses when no 'no' is ever written."""
    said = {str(t) for t, v in zip(mapped.to_pylist(), values, strict=True) if v is not None}
    if not said or any(v is False for v in values):
        return empty, ""
    if {t.casefold() for t in said} <= MARKS:
        values[empty], bad[empty] = False, False
        return np.zeros_like(empty), ""
    return empty, ", ".join(sorted(f"'{t}'" for t in said))


def _map_values(texts: np.ndarray, mapping: dict[str, str] | None) -> np.ndarray:
    """The `values:` mapping of the config (exact text first, then case-insensitive)."""
    if not mapping:
        return texts
    folded = {k.casefold(): v for k, v in mapping.items()}
    return np.array([mapping.get(t, folded.get(t.casefold(), t)) for t in texts], dtype=object)


def _strings(column: pa.Array, field: Field) -> Converted:
    """Text stays text (pandas' arrow-backed str), trimmed; empty is missing."""
    if maybe_padded(column):
        column = pc.utf8_trim_whitespace(column)
    empty = pc.equal(column, "")
    has_empty = pc.any(empty).as_py()
    if has_empty:
        column = pc.if_else(empty, pa.scalar(None, pa.string()), column)
    invalid = (empty.to_numpy(zero_copy_only=False) if has_empty and field.required
               else np.zeros(len(column), dtype=bool))
    return Converted(column, invalid, pa.array([""]),
                     np.zeros(len(column), dtype=np.int64))


def numbers(texts: pa.Array, empty: np.ndarray, number: Number,
            _formats: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct texts -> Decimal objects (None where not a number), and which are not."""
    ok = _matches(texts, number.pattern)
    if not (ok | empty).all():
        texts, ok = _second_chance(texts, ok, empty, number)
        ok = _unproven(texts, ok, empty, number)
    plain = texts.filter(pa.array(ok))
    if number.thousands:
        plain = pc.replace_substring(plain, number.thousands, "")
    if number.decimal != ".":
        plain = pc.replace_substring(plain, number.decimal, ".")
    # straight into an object array: a list in between costs a third more (a year's invoice
    # amounts are a quarter of a million distinct texts)
    parsed = np.fromiter(map(Decimal, plain.to_pylist()), dtype=object, count=len(plain))
    if ok.all():
        return parsed, ~ok
    values = np.full(len(texts), None, dtype=object)
    values[ok] = parsed
    return values, ~ok


def _unproven(texts: pa.Array, ok: np.ndarray, empty: np.ndarray, number: Number) -> np.ndarray:
    """`ok` without the texts that read either way ('1.234') when the column's other texts are
    written only in the other notation ('12.50' where decimal is ','): then '1.234' is 1.234,
    not 1234, and is not read as either (validation names it with the notation it is in)."""
    other = Number("," if number.decimal == "." else ".", number.decimal)
    failed = texts.filter(pa.array(~ok & ~empty))
    if not _matches(failed, other.pattern).any():
        return ok
    either = _matches(texts, other.pattern)
    if (ok & ~either).any():  # a text only the configured notation reads: it is the column's
        return ok
    marks = re.escape(number.decimal + (number.thousands or ""))
    return ok & ~(either & _matches(texts, f"[{marks}]"))


def _second_chance(texts: pa.Array, ok: np.ndarray, empty: np.ndarray, number: Number
                   ) -> tuple[pa.Array, np.ndarray]:
    """The texts that are numbers once their currency, sign or grouping is written plainly
    (only the failed ones are looked at again: a few among a quarter of a million)."""
    todo = np.flatnonzero(~ok & ~empty)
    fixed = texts.take(pa.array(todo))
    for pattern, replacement in REPAIRS:
        fixed = pc.replace_substring_regex(fixed, pattern, replacement)
    grouped = Number(number.decimal, " ").pattern.replace(re.escape(" "), GROUPS)
    spaced = _matches(fixed, grouped) & ~_matches(fixed, number.pattern)
    if spaced.any():  # '1 234,56', "1'234.50": the grouping goes, the decimal stays
        fixed = pc.if_else(pa.array(spaced), pc.replace_substring_regex(fixed, GROUPS, ""),
                           fixed)
    again = _matches(fixed, number.pattern)
    if not again.any():
        return texts, ok
    mask = np.zeros(len(texts), dtype=bool)
    mask[todo[again]] = True
    repaired = pc.replace_with_mask(texts, pa.array(mask), fixed.filter(pa.array(again)))
    return repaired, ok | mask


def _matches(texts: pa.Array, pattern: str) -> np.ndarray:
    return pc.fill_null(pc.match_substring_regex(texts, pattern), False).to_numpy(
        zero_copy_only=False)


def integers(texts: pa.Array, empty: np.ndarray, number: Number,
             _formats: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct texts -> whole numbers (12, 12,0 and 1.200 are; 12,5 is not)."""
    values, bad = numbers(texts, empty, number)
    whole = np.array([v is not None and v == v.to_integral_value() for v in values], dtype=bool)
    out = np.zeros(len(values), dtype=np.int64)
    out[whole] = [int(v) for v in values[whole]]
    return out, ~whole


def dates(texts: pa.Array, empty: np.ndarray, _number: Number,
          formats: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct texts -> dates: ISO, the configured formats, Excel serial numbers."""
    result = pd.Series(pd.NaT, index=range(len(texts)), dtype="datetime64[s]")
    series = pd.Series(texts.to_numpy(zero_copy_only=False), dtype=object)
    iso = _matches(texts, ISO)
    result[iso] = _parse(series[iso].str[:10], "%Y-%m-%d")
    for fmt in formats or []:
        todo = result.isna().to_numpy() & ~empty
        result[todo] = _parse(series[todo], fmt)
    timed = result.isna().to_numpy() & ~empty & _matches(texts, TIME) if formats else []
    if np.any(timed):  # '04-03-2026 00:00:00', '3/4/2026 12:00:00 AM': the date as formatted
        bare = series[timed].str.replace(TIME, "", regex=True)
        for fmt in formats or []:
            todo = result[timed].isna().to_numpy()
            result[bare.index[todo]] = _parse(bare[todo], fmt)
    serial = result.isna().to_numpy() & _matches(texts, SERIAL)
    if serial.any():
        days = series[serial].str.split(r"[.,]", regex=True).str[0].astype(np.int64)
        result[serial] = EXCEL_EPOCH + days.to_numpy().astype("timedelta64[D]")
    values = result.dt.normalize().to_numpy(dtype="datetime64[s]")
    return values, np.isnat(values)


def _parse(texts: pd.Series, fmt: str) -> np.ndarray:
    if texts.empty:
        return np.array([], dtype="datetime64[s]")
    parsed = pd.to_datetime(texts, format=fmt, errors="coerce")
    return parsed.to_numpy(dtype="datetime64[s]")


def booleans(texts: pa.Array, empty: np.ndarray, _number: Number,
             _formats: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct texts -> True/False (J/N, Ja/Nee, Y/N, 1/0, ...); empty is not recorded."""
    low = [str(t).casefold() for t in texts.to_pylist()]
    values = np.array([True if t in TRUE else False if t in FALSE else None for t in low],
                      dtype=object)
    return values, np.array([v is None for v in values], dtype=bool)


def kinds(texts: pa.Array, empty: np.ndarray, _number: Number,
          _formats: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct texts -> invoice / credit_note (after the `values:` mapping)."""
    values = np.array(texts.to_pylist(), dtype=object)
    ok = np.array([t in KINDS for t in values], dtype=bool)
    return np.where(ok, values, None), ~ok


_CONVERTERS = {"decimal": numbers, "int": integers, "date": dates, "bool": booleans,
               "kind": kinds}


def _spread(kind: str, values: np.ndarray, missing: np.ndarray,
            codes: np.ndarray) -> pd.Series | np.ndarray:
    """Per-distinct values -> per-row column of the dtype the checks expect."""
    if kind == "int":
        return pd.arrays.IntegerArray(values[codes], missing[codes])
    if kind == "date":
        return values[codes]
    if kind == "kind":
        return pc.take(pa.array(values, pa.string()), pa.array(codes))
    if kind == "bool":
        row_values = values[codes]
        return row_values.astype(bool) if not missing[codes].any() else row_values
    return values[codes]  # decimal: object array of shared Decimal objects
