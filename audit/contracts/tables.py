"""Ruled tables that are tables (not frames, not shading bands), and tables over a page break."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pdfplumber is imported where pages are read, not at start-up
    import pdfplumber

from audit.models import Table

Word = dict[str, Any]
FRAME_SHARE = 0.25  # a cell covering this share of the page is a frame around text, not a cell
DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Ruled:
    """A table pdfplumber found from ruling lines and rectangles: its box and cell rows."""

    bbox: tuple[float, float, float, float]
    rows: tuple[tuple[str, ...], ...]


def ruled_tables(page: pdfplumber.page.Page, words: list[Word]) -> list[Ruled]:
    """The ruled tables of a page that hold several rows and columns of text.

    A page-sized rectangle (a frame) or one shaded band (a zebra row) gives pdfplumber a table of
    one cell or one row; a shaded band whose edges cut words apart is no grid either. Their text
    is left to the reading of words, which finds tables without rulings by alignment.
    """
    if not (page.lines or page.rects):  # find_tables is most of a page's time: skip when no lines
        return []
    area = float(page.width) * float(page.height)
    kept = []
    for table in page.find_tables():
        rows = tuple(tuple(_cell(c) for c in row) for row in table.extract() if any(row))
        if _is_grid(rows) and not _is_frame(table, area) and not _cuts_words(table, words):
            kept.append(Ruled(tuple(table.bbox), rows))
    return kept


def continue_table(previous: Table, table: Table) -> Table | None:
    """`previous` with the rows of `table` when `table` continues it after a page break.

    It continues when it has as many columns and either repeats the header (dropped) or starts
    with a data row; a first row of text where the earlier rows hold figures is another header,
    so another table.
    """
    if not previous.rows or not table.rows or len(previous.rows[0]) != len(table.rows[0]):
        return None
    first = table.rows[0]
    if first == previous.rows[0]:
        return Table(page=previous.page, rows=previous.rows + table.rows[1:])
    if _is_header(first, previous.rows[1:]):
        return None
    return Table(page=previous.page, rows=previous.rows + table.rows)


def _is_header(row: tuple[str, ...], data: tuple[tuple[str, ...], ...]) -> bool:
    """No figure in a column where (nearly) every data row has one."""
    if not data:
        return False
    for k, text in enumerate(row):
        numbered = sum(bool(DIGIT.search(r[k])) for r in data if k < len(r))
        if numbered * 5 >= len(data) * 4 and text and not DIGIT.search(text):
            return True
    return False


def _is_grid(rows: tuple[tuple[str, ...], ...]) -> bool:
    """Two or more rows with text in two or more of their cells."""
    return sum(sum(bool(c) for c in row) >= 2 for row in rows) >= 2


def _is_frame(table: Any, page_area: float) -> bool:
    return any((c[2] - c[0]) * (c[3] - c[1]) >= FRAME_SHARE * page_area for c in table.cells)


def _cuts_words(table: Any, words: list[Word]) -> bool:
    """Cell edges run through words in several rows: the rectangles are shading, not a grid.

    One header word running over its cell's edge happens in real grids and is let be.
    """
    x0, top, x1, bottom = table.bbox
    inside = [w for w in words if x0 <= w["x0"] and w["x1"] <= x1 and top <= w["top"] < bottom]
    cut = {round(w["top"]) for cx0, ctop, cx1, cbottom in table.cells for w in inside
           if w["top"] < cbottom and w["bottom"] > ctop
           and any(w["x0"] + 1 < edge < w["x1"] - 1 for edge in (cx0, cx1))}
    return len(cut) >= max(2, len(table.rows) // 5)


def _cell(value: str | None) -> str:
    return " ".join((value or "").split())
