"""One pdfplumber page -> text lines in reading order (two columns too), tables as markers."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pdfplumber

from audit.models import Line, Table

TABLE_MARK = "\x00TABLE{}\x00"  # stands in the page text where a table was
GUTTER_BAND = (0.35, 0.65)  # where a gutter between two columns may lie, as a share of width
MIN_COLUMN_LINES = 3  # each column needs this many lines before a page counts as two-column


def page_lines(page: pdfplumber.page.Page, number: int) -> tuple[list[Line], list[Table]]:
    """Text lines in reading order, with a marker line where each table stands."""
    # ruled tables only: find_tables costs most of the page's time, skip pages without lines
    found = page.find_tables() if (page.lines or page.rects) else []
    boxes = [t.bbox for t in found]
    text_page = page.filter(lambda obj: not any(_inside(obj, b) for b in boxes)) if boxes else page
    lines = _ordered_lines(text_page)
    tables = []
    for i, table in enumerate(found):
        rows = tuple(tuple(_cell(c) for c in row) for row in table.extract() if any(row))
        tables.append(Table(page=number, rows=rows))
        lines.append((table.bbox[1], 0, Line(TABLE_MARK.format(i), table.bbox[0], table.bbox[1])))
    # above the columns, left column, right column, below: each from top to bottom
    return [line for _, _, line in sorted(lines, key=lambda t: (t[1], t[0]))], tables


def styled(line: dict[str, Any]) -> Line:
    """A pdfplumber text line (with its chars) as a Line with its dominant size and weight."""
    chars = [c for c in line.get("chars", ()) if not c.get("text", "").isspace()]
    sizes = Counter(round(float(c.get("size", 0)), 1) for c in chars)
    bold = sum(_is_bold(c.get("fontname", "")) for c in chars)
    return Line(line["text"], round(float(line["x0"]), 1), round(float(line["top"]), 1),
                sizes.most_common(1)[0][0] if sizes else 0.0, bold * 2 > len(chars) > 0)


def _is_bold(fontname: str) -> bool:
    name = fontname.split("+")[-1].lower()
    return any(w in name for w in ("bold", "black", "heavy", "semibold", "demi")) or \
        name.endswith(("-b", ",b", "-bd"))


def _ordered_lines(page: pdfplumber.page.Page) -> list[tuple[float, int, Line]]:
    """(top, order group, line): group 0 above the columns, 1 left, 2 right, 3 below."""
    gutter = find_gutter(page)
    if gutter is None:
        return [(line["top"], 0, styled(line))
                for line in page.extract_text_lines(return_chars=True)]
    x, band_top, band_bottom = gutter
    groups = (
        (0, lambda o: o["bottom"] <= band_top),
        (1, lambda o: band_top < o["bottom"] and o["top"] < band_bottom and o["x1"] <= x),
        (2, lambda o: band_top < o["bottom"] and o["top"] < band_bottom and o["x0"] >= x),
        (3, lambda o: o["top"] >= band_bottom),
    )
    out = []
    for order, keep in groups:
        part = page.filter(lambda o, keep=keep: "x0" not in o or keep(o))
        out += [(line["top"], order, styled(line))
                for line in part.extract_text_lines(return_chars=True)]
    return out


def find_gutter(page: pdfplumber.page.Page) -> tuple[float, float, float] | None:
    """(x of the gutter, top and bottom of the two-column band), or None for one column.

    A gutter is a vertical strip in the middle of the page that no word crosses within the
    band, with enough lines on both sides; full-width lines above or below the band (titles,
    running headers) may cross it.
    """
    words = page.extract_words()
    if len(words) < 2 * MIN_COLUMN_LINES:
        return None
    for x in _candidate_gutters(words, float(page.width)):
        band = _column_band(words, x, float(page.height))
        if band is not None:
            return x, band[0], band[1]
    return None


def _column_band(words: list[dict[str, Any]], x: float,
                 height: float) -> tuple[float, float] | None:
    """The tallest stretch between words crossing x with enough lines left and right of x."""
    cuts = sorted({0.0, height, *(w["top"] for w in words if w["x0"] < x < w["x1"]),
                   *(w["bottom"] for w in words if w["x0"] < x < w["x1"])})
    best = None
    for top, bottom in zip(cuts, cuts[1:], strict=False):
        inside = [w for w in words if top <= w["top"] and w["bottom"] <= bottom]
        left = {round(w["top"]) for w in inside if w["x1"] <= x}
        right = {round(w["top"]) for w in inside if w["x0"] >= x}
        if min(len(left), len(right)) >= MIN_COLUMN_LINES and (
                best is None or bottom - top > best[1] - best[0]):
            best = (top, bottom)
    return best


def _candidate_gutters(words: list[dict[str, Any]], width: float) -> list[float]:
    """Centres of the (nearly) empty x-strips in the middle band, widest first.

    A few words may cross a real gutter (a title, the running header): they are checked after.
    """
    lo, hi = (int(width * f) for f in GUTTER_BAND)
    counts = [0] * (hi - lo)
    for w in words:
        if w["x1"] > lo and w["x0"] < hi:
            for i in range(max(0, int(w["x0"]) - lo), min(hi - lo, int(w["x1"]) - lo + 1)):
                counts[i] += 1
    allowed = max(3, len({round(w["top"]) for w in words}) // 10)
    covered = [c > allowed for c in counts]
    strips, start = [], None
    for i, c in enumerate([*covered, True]):
        if not c and start is None:
            start = i
        elif c and start is not None:
            strips.append((i - start, lo + (start + i) / 2))
            start = None
    return [centre for size, centre in sorted(strips, reverse=True) if size >= 8]


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
    cy = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _cell(value: str | None) -> str:
    return " ".join((value or "").split())
