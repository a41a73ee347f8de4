"""Lines of a report export that are no records: a totals row, a line of text at a page break.

An ERP's report printed to CSV or Excel ends with a totals row and repeats a title at every page
break. They are told by their shape, never by their words: a totals row holds a number but no
id in the key column (empty, or a label: a text with a space, or without a digit where the ids
have one) and leaves a required field empty, or is the file's last row and holds the sum of the
numbers above it; a line of text is a row with one filled cell that is no id. Each is reported
and skipped, never counted as data.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from audit.erp.convert import Number
from audit.erp.fields import KEYS, Field
from audit.erp.sources import MAX_LISTED, Raw
from audit.errors import Location, Problem

MAX_LOOKED_AT = 10_000  # candidate rows examined one by one; a worse file is bad values anyway
SAMPLE = 500  # keys sampled to tell whether the dataset's ids hold digits
AMOUNT = re.compile(r"[-+(]?\s*(?:€|EUR)?\s*[\d.,' \u00a0]*\d[\d.,' \u00a0]*\s*(?:€|EUR)?\s*[-)]?")


def drop_non_records(name: str, raw: Raw, columns: dict[str, str],
                     schema: tuple[Field, ...], number: Number) -> Raw:
    """The export without its totals rows and lines of text, each reported as skipped."""
    key = columns.get(KEYS[name][0].rstrip("?"))
    if key is None or raw.table.num_rows == 0:
        return raw
    candidates = np.flatnonzero(_candidates(raw, columns, schema))[:MAX_LOOKED_AT]
    if not len(candidates):
        return raw
    numeric = [columns[f.name] for f in schema if f.type in {"decimal", "int"}
               and f.name in columns]
    required = _required(columns, schema)
    digits = _Digits(raw.table[key], candidates)
    sub = _rows(raw.table, candidates)
    last = _last_rows(raw.file_codes)
    found: list[tuple[int, str]] = []
    for at, row in zip(candidates, sub, strict=True):
        def total(at: int = int(at)) -> bool:
            return at in last and _is_sum(raw, at, numeric, number)

        kind = _kind(row, key, (numeric, required), digits, total)
        if kind:
            found.append((int(at), kind))
    if not found:
        return raw
    return _without(raw, found, sub, candidates)


def _candidates(raw: Raw, columns: dict[str, str], schema: tuple[Field, ...]) -> np.ndarray:
    """Rows with an empty required text or date, and each file's last row: cheap to find."""
    required = _required(columns, schema)
    blank = None
    for column in required:
        lengths = pc.binary_length(raw.table[column])
        if pc.min(lengths).as_py() != 0:  # the usual case: no value empty, no mask needed
            continue
        empty = pc.equal(lengths, 0)
        blank = empty if blank is None else pc.or_(blank, empty)
    found = (np.zeros(raw.table.num_rows, dtype=bool) if blank is None
             else blank.to_numpy(zero_copy_only=False))
    found[sorted(_last_rows(raw.file_codes))] = True
    return found


def _rows(table: pa.Table, positions: np.ndarray) -> list[dict[str, object]]:
    """The rows at `positions` as dicts (a few: sliced, no copy of the columns)."""
    if len(positions) > 50:
        return table.take(pa.array(positions)).to_pylist()
    return [table.slice(int(i), 1).to_pylist()[0] for i in positions]


def _required(columns: dict[str, str], schema: tuple[Field, ...]) -> list[str]:
    """The export's columns of the required fields that are no numbers."""
    return [columns[f.name] for f in schema if f.required and f.name in columns
            and f.type not in {"decimal", "int"}]


def _last_rows(codes: np.ndarray) -> set[int]:
    """The position of each file's last row."""
    if not len(codes):
        return set()
    ends = np.flatnonzero(np.diff(codes) != 0)
    return {int(i) for i in ends} | {len(codes) - 1}


class _Digits:
    """Do the key column's ids hold digits? Told by a sample of the rows that are no
    candidates, taken only when a key without a digit asks."""

    def __init__(self, keys: pa.ChunkedArray, candidates: np.ndarray) -> None:
        self.keys, self.candidates = keys, candidates
        self.answer: bool | None = None

    def __bool__(self) -> bool:
        if self.answer is None:
            keys = self.keys
            picked = np.setdiff1d(np.linspace(0, len(keys) - 1, min(SAMPLE, len(keys)))
                                  .astype(int), self.candidates)
            sample = [str(v).strip() for v in keys.take(pa.array(picked)).to_pylist()]
            sample = [v for v in sample if v]
            self.answer = bool(sample) and sum(
                any(c.isdigit() for c in v) for v in sample) >= 0.9 * len(sample)
        return self.answer


def _is_label(text: str, digits: object) -> bool:
    """No id: a text with a space in it, or without a digit where the ids have one."""
    return any(c.isspace() for c in text) or (
        not any(c.isdigit() for c in text) and bool(digits))


def _is_sum(raw: Raw, at: int, numeric: list[str], number: Number) -> bool:
    """Is a number of row `at` the sum of its column's numbers above it in its file?"""
    start = int(np.searchsorted(raw.file_codes, raw.file_codes[at]))
    for column in numeric:
        values = _floats(raw.table[column].slice(start, at - start + 1), number)
        if not np.isnan(values[-1]) and abs(np.nansum(values[:-1]) - values[-1]) < 0.01:
            return True
    return False


def _floats(texts: pa.ChunkedArray, number: Number) -> np.ndarray:
    """Texts as floats (NaN where none): enough to compare a total with its sum."""
    if number.thousands:
        texts = pc.replace_substring(texts, number.thousands, "")
    if number.decimal != ".":
        texts = pc.replace_substring(texts, number.decimal, ".")
    series = pd.Series(pc.utf8_trim_whitespace(texts).to_numpy(zero_copy_only=False))
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)


def _kind(row: dict[str, object], key: str, fields: tuple[list[str], list[str]],
          digits: object, total: Callable[[], bool]) -> str | None:
    """'totals', 'text' or None (a record, maybe with bad values: validation reports those);
    `fields`: the numeric and the required columns."""
    numeric, required = fields
    cells = {c: str(v or "").strip() for c, v in row.items()}
    filled = [v for v in cells.values() if v]
    label = cells[key] == "" or _is_label(cells[key], digits)
    amount = any(cells[c] and AMOUNT.fullmatch(cells[c]) for c in numeric)
    if label and amount and (any(not cells[c] for c in required if c != key) or total()):
        return "totals"
    if len(filled) == 1 and not amount and _is_label(filled[0], True):
        return "text"
    return None


def _without(raw: Raw, found: list[tuple[int, str]], sub: list[dict[str, object]],
             candidates: np.ndarray) -> Raw:
    """The Raw without the rows found; one warning per row (up to MAX_LISTED)."""
    text = {int(at): " | ".join(str(v).strip() for v in row.values() if str(v or "").strip())
            for at, row in zip(candidates, sub, strict=True)}
    problems = []
    for at, kind in found[:MAX_LISTED]:
        shown = text[at] if len(text[at]) <= 80 else text[at][:77] + "..."
        where = Location(raw.files[int(raw.file_codes[at])], row=int(raw.rows[at]))
        code = "erp.totals_line" if kind == "totals" else "erp.text_line"
        problems.append(Problem.of("erp", code, where, "warning", text=shown))
    if len(found) > MAX_LISTED:
        problems.append(Problem.of("erp", "erp.more_non_records", Location(raw.files[0]),
                                   "warning", more=len(found) - MAX_LISTED))
    keep = np.ones(raw.table.num_rows, dtype=bool)
    keep[[at for at, _ in found]] = False
    return Raw(raw.table.filter(pa.array(keep)), raw.rows[keep], raw.file_codes[keep],
               raw.files, raw.problems + problems, raw.separator, raw.looks,
               raw.skipped + len(found))
