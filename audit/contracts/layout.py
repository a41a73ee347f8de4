"""One pdfplumber page -> text lines in reading order (columns per region), tables as markers."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pdfplumber

from audit.contracts.columns import Word, regions, rows_of
from audit.contracts.pagetext import TABLE_MARK
from audit.contracts.rotation import UPRIGHT, turn_of, turned_words
from audit.contracts.tables import Ruled, ruled_tables
from audit.models import Line, Table


def page_lines(page: pdfplumber.page.Page, number: int) -> tuple[list[Line], list[Table]]:
    """Text lines in reading order, with a marker line where each table stands."""
    page = clean_chars(page)
    way = turn_of(page.chars)
    if way != UPRIGHT:  # rulings stay in the paper's frame: tables by alignment only
        words, width = turned_words(page.chars, way, float(page.width), float(page.height))
        ruled: list[Ruled] = []
    else:
        words = page.extract_words(return_chars=True)  # once per page: tables, columns, lines
        ruled = ruled_tables(page, words)
        width = float(page.width)
    free = [w for w in words if not any(_inside(w, t.bbox) for t in ruled)]
    width = max([width, *(w["x1"] for w in words)])
    lines: list[Line] = []
    tables: list[Table] = []
    rules = [] if way != UPRIGHT else _rules(page)
    for region in regions(rows_of(free, [(t.bbox[1], t.bbox[3]) for t in ruled]), width, rules):
        if region.barrier is not None or region.cells is not None:
            x0, top, rows = _table_place(region.barrier, ruled, region)
            lines.append(Line(TABLE_MARK.format(len(tables)), round(x0, 1), round(top, 1)))
            tables.append(Table(page=number, rows=rows))
            continue
        lines += [words_line(part) for column in region.columns for part in column if part]
    return lines, tables


def _rules(page: pdfplumber.page.Page) -> list[tuple[float, float, float]]:
    """(y, x0, x1) of the page's horizontal edges: ruling lines and shading band edges."""
    if not (page.lines or page.rects):
        return []
    return [(float(e["top"]), float(e["x0"]), float(e["x1"])) for e in page.horizontal_edges]


def _table_place(barrier: int | None, ruled: list[Ruled], region: Any
                 ) -> tuple[float, float, tuple[tuple[str, ...], ...]]:
    """(left, top, rows) of a ruled table or of a table found by alignment."""
    if barrier is not None:
        table = ruled[barrier]
        return table.bbox[0], table.bbox[1], table.rows
    x0 = min(w["x0"] for column in region.columns for part in column for w in part)
    return x0, region.top, tuple(region.cells)


def words_line(words: list[Word]) -> Line:
    """Words of one line (left to right) as a Line with its dominant size and weight."""
    chars = [c for w in words for c in w.get("chars", ()) if not c.get("text", "").isspace()]
    sizes = Counter(round(float(c.get("size", 0)), 1) for c in chars)
    bold = sum(_is_bold(c.get("fontname", "")) for c in chars)
    return Line(" ".join(w["text"] for w in words), round(float(words[0]["x0"]), 1),
                round(float(min(w["top"] for w in words)), 1),
                sizes.most_common(1)[0][0] if sizes else 0.0, bold * 2 > len(chars) > 0)


def clean_chars(page: pdfplumber.page.Page) -> pdfplumber.page.Page:
    """The page without duplicated characters and without spaces drawn over a letter.

    Some producers draw text twice (a fake bold) or put a space glyph on top of the next
    letter; pdfplumber then reads 'TTeesstt' or breaks 'D efinities' apart.
    """
    chars = page.chars
    seen: set[tuple[str, int, int]] = set()
    doubled = False
    for c in chars:
        key = (c["text"], round(c["x0"]), round(c["top"]))
        if key in seen and not c["text"].isspace():
            doubled = True
            break
        seen.add(key)
    if doubled:
        page = page.dedupe_chars()
        chars = page.chars
    stray = _covered_spaces(chars)
    return page.filter(lambda o: id(o) not in stray) if stray else page


def _covered_spaces(chars: list[dict[str, Any]]) -> set[int]:
    """ids of space characters lying mostly over a visible character of the same line."""
    lines: dict[int, list[dict[str, Any]]] = {}
    for c in chars:
        lines.setdefault(round(c["top"]), []).append(c)
    stray = set()
    for line in lines.values():
        visible = sorted((c["x0"], c["x1"]) for c in line if not c["text"].isspace())
        starts = [v[0] for v in visible]
        for c in line:
            if c["text"].isspace() and c["x1"] > c["x0"] and _covered(c, visible, starts):
                stray.add(id(c))
    return stray


def _covered(space: dict[str, Any], visible: list[tuple[float, float]],
             starts: list[float]) -> bool:
    from bisect import bisect_right

    i = bisect_right(starts, space["x1"])
    width = space["x1"] - space["x0"]
    for x0, x1 in visible[max(0, i - 3):i]:
        if min(x1, space["x1"]) - max(x0, space["x0"]) > width / 2:
            return True
    return False


def _is_bold(fontname: str) -> bool:
    name = fontname.split("+")[-1].lower()
    return any(w in name for w in ("bold", "black", "heavy", "semibold", "demi")) or \
        name.endswith(("-b", ",b", "-bd"))


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
    cy = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom
