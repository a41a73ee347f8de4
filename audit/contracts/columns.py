"""Words of a page -> regions in reading order: single rows, column blocks, borderless tables.

A region is found from the words' x-positions only: a run of rows that share a vertical strip no
word crosses (a gutter). A full-width row (a heading, a paragraph line) crosses every gutter and
ends the run, so a two- or three-column block under a full-width heading reads column by column.
Strips are kept as bit masks over the page width, one bit per half point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import Any

Word = dict[str, Any]  # a pdfplumber word (x0, x1, top, bottom, text, chars)
Rules = Sequence[tuple[float, float, float]]  # horizontal edges: (y, x0, x1)

PAD = 1.5  # a strip is free when no word comes within PAD points: gaps over 2*PAD count
SCALE = 2  # bits per point
MIN_COLUMN_LINES = 3  # rows with words on each side of a gutter before it counts
GUTTER_EMS = 0.8  # a gutter between columns of text is this many line heights wide ...
GUTTER_SPACES = 2.2  # ... and this many word spaces (a justified line's gaps are wide)
MIN_COLUMN_SHARE = 0.12  # a text column is at least this share of its block's width
PROSE_EMS = 12.0  # running text: a column this many font sizes wide ...
PROSE_CHARS = 12.0  # ... whose lines average this many characters (cells are short or narrow)
TABLE_FILL = 0.75  # share of a table's cells that hold text, continuation lines merged
CELL_GAP = 1.5  # cells of a table lie this many word spaces apart at least
ROW_SPACING = 1.4  # rows set apart by this much more space than their lines
LOOK_AHEAD = 3  # rows above a block that may be headings over it
MAX_TRIES = 8  # runs tried per starting row, longest first
MAX_ROW_GAP = 3.0  # a blank stretch over this many font sizes ends a block


@dataclass
class Row:
    """Words whose tops lie together, left to right; a barrier row stands for a ruled table."""

    top: float
    bottom: float
    words: list[Word] = field(default_factory=list)
    barrier: int | None = None


@dataclass
class Region:
    """Rows read as one block: `columns` holds each column's rows, top to bottom.

    A table region has one column list per cell column; `cells` holds its rows of cell texts.
    """

    top: float
    columns: list[list[list[Word]]]
    cells: list[tuple[str, ...]] | None = None
    barrier: int | None = None
    gap: float = 0.0  # the narrowest gutter between its columns, in points


def rows_of(words: list[Word], barriers: list[tuple[float, float]] = ()) -> list[Row]:
    """Words grouped into rows by their tops (within 3 points, as pdfplumber's lines)."""
    rows: list[Row] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and word["top"] - rows[-1].top <= 3:
            rows[-1].words.append(word)
            rows[-1].bottom = max(rows[-1].bottom, word["bottom"])
        else:
            rows.append(Row(word["top"], word["bottom"], [word]))
    for row in rows:
        row.words.sort(key=lambda w: w["x0"])
    rows += [Row(top, bottom, barrier=i) for i, (top, bottom) in enumerate(barriers)]
    return sorted(rows, key=lambda r: r.top)


def regions(rows: list[Row], width: float, rules: Rules = ()) -> list[Region]:
    """The rows as regions, top to bottom: column blocks and tables where a gutter runs.

    `rules` are the page's horizontal edges (ruling lines, shading bands): they set a
    table's rows apart.
    """
    full = (1 << int(SCALE * width + 2)) - 1
    free = [full & ~_occupied(r) if r.barrier is None else 0 for r in rows]
    blocks: dict[int, tuple[int, Region] | None] = {}

    def block(i: int) -> tuple[int, Region] | None:
        if i not in blocks:
            blocks[i] = _block(rows, free, i, rules)
        return blocks[i]

    out: list[Region] = []
    i = 0
    while i < len(rows):
        if rows[i].barrier is not None:
            out.append(Region(rows[i].top, [], barrier=rows[i].barrier))
            i += 1
        elif block(i) is None or _better_below(block, i):
            out.append(Region(rows[i].top, [[rows[i].words]]))
            i += 1
        else:
            last, region = block(i)  # type: ignore[misc]
            out.append(region)
            i = last + 1
    return out


def _better_below(block: Any, i: int) -> bool:
    """A title, a heading or a spanning header over a block (rows i, i+1, ...) may leave a gutter
    free but narrow or cross another one: the block without it reaches further, has more
    columns or wider gutters, and row i is read on its own."""
    last, region = block(i)
    for k in range(1, LOOK_AHEAD + 1):
        below = block(i + k)
        if below is not None and (below[0] > last or below[0] >= last - 1 and (
                len(below[1].columns) > len(region.columns) or _narrowed(region, below[1]))):
            return True
    return False


def _narrowed(region: Region, below: Region) -> bool:
    """Columns of text whose gutter a row above narrowed (a table's header may well do that)."""
    return region.cells is None and below.cells is None and below.gap > 1.5 * region.gap


def _block(rows: list[Row], free: list[int], i: int,
           rules: Rules) -> tuple[int, Region] | None:
    """(last row, region) of the block that starts at row i, or None when it is a single row."""
    if i >= len(rows) or rows[i].barrier is not None:
        return None
    # the longest run first; a row that crossed a gutter may belong below the block
    for j, strips in reversed(_grow(rows, free, i)):
        region = _classify(rows[i:j + 1], strips, rules) if j > i else None
        if region is not None:
            return j, region
    return None


def _grow(rows: list[Row], free: list[int], i: int) -> list[tuple[int, int]]:
    """(last row, inner free strips) of each run from row i, at each row that narrows them."""
    strips, lo, hi = free[i], _first_end(rows[i]), _last_start(rows[i])
    steps: list[tuple[int, int]] = []
    j = stable = i
    while j + 1 < len(rows) and rows[j + 1].barrier is None:
        nxt = rows[j + 1]
        if nxt.top - rows[j].bottom > MAX_ROW_GAP * max(_size(rows[j]), _size(nxt)):
            break  # a blank stretch: what follows is another block
        lo2, hi2 = min(lo, _first_end(nxt)), max(hi, _last_start(nxt))
        joined = strips & free[j + 1]
        if not joined & _mask(lo2, hi2) or _closes(strips & _mask(lo, hi), joined, j - stable):
            break
        if joined != strips:
            steps.append((j, strips & _mask(lo, hi)))
            stable = j + 1
        strips, lo, hi, j = joined, lo2, hi2, j + 1
    steps.append((j, strips & _mask(lo, hi)))
    return steps[-MAX_TRIES:]


def _closes(strips: int, joined: int, settled: int) -> bool:
    """A row that crosses most gutters of a table settled over some rows ends it (a note, a
    total); gaps that line up by chance over the first rows of running text are not settled."""
    if settled < MIN_COLUMN_LINES:
        return False
    before = len(_runs(strips))
    return before >= 3 and 2 * len(_runs(joined & strips)) < before


def _classify(rows: list[Row], strips: int, rules: Rules) -> Region | None:
    """A table, columns of running text, or None (the rows are read one by one)."""
    space = _word_space(rows)
    gutters = [g for g in _runs(strips) if g[1] - g[0] >= CELL_GAP * space]
    if not gutters:
        return None
    columns = [c for c in _split(rows, gutters) if any(c)]
    if len(columns) >= 3 and _is_table(columns, rules):
        return Region(rows[0].top, columns, cells=_cells(columns, rules),
                      gap=min(g[1] - g[0] for g in gutters))
    size = median(_size(r) for r in rows)
    least = max(GUTTER_EMS * size, GUTTER_SPACES * space)
    wide = _text_gutters(rows, [g for g in gutters if g[1] - g[0] >= least])
    if wide:
        columns = _split(rows, wide)
        if all(_is_prose(c) for c in columns):
            return Region(rows[0].top, columns, gap=min(g[1] - g[0] for g in wide))
    return None


def _text_gutters(rows: list[Row], gutters: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The gutters that leave text columns of a fair width with enough lines on each side."""
    left = min(r.words[0]["x0"] for r in rows)
    right = max(r.words[-1]["x1"] for r in rows)
    kept: list[tuple[float, float]] = []
    edge = left
    for start, end in gutters:
        filled = [r for r in rows if any(edge <= _centre(w) < start for w in r.words)]
        if start - edge >= MIN_COLUMN_SHARE * (right - left) and len(filled) >= MIN_COLUMN_LINES:
            kept.append((start, end))
            edge = end
    # the last column needs its width and lines too
    while kept:
        start, end = kept[-1]
        filled = [r for r in rows if any(_centre(w) >= end for w in r.words)]
        if right - end >= MIN_COLUMN_SHARE * (right - left) and len(filled) >= MIN_COLUMN_LINES:
            break
        kept.pop()
    return kept


def _split(rows: list[Row], gutters: list[tuple[float, float]]) -> list[list[list[Word]]]:
    """Each column's rows (words left of, between and right of the gutters)."""
    edges = [(g[0] + g[1]) / 2 for g in gutters]
    columns: list[list[list[Word]]] = [[] for _ in range(len(edges) + 1)]
    for row in rows:
        parts: list[list[Word]] = [[] for _ in columns]
        for word in row.words:
            parts[sum(_centre(word) > e for e in edges)].append(word)
        for column, part in zip(columns, parts, strict=True):
            column.append(part)
    return columns


def _is_prose(column: list[list[Word]]) -> bool:
    """Running text: a wide column of long lines (a table column is narrow or its cells short)."""
    lines = [line for line in column if line]
    if not lines:
        return False
    width = max(w["x1"] for line in lines for w in line) - min(line[0]["x0"] for line in lines)
    size = median(w["bottom"] - w["top"] for line in lines for w in line)
    chars = sum(len(" ".join(w["text"] for w in line)) for line in lines) / len(lines)
    return width >= PROSE_EMS * size and chars >= PROSE_CHARS


def _is_table(columns: list[list[list[Word]]], rules: Rules) -> bool:
    """Rows of three or more filled cells, nearly every cell filled, not all of it running text.

    Running text in columns with hanging numbers has a gutter after the numbers too, but its
    number column is empty on most lines, so its rows leave many cells empty.
    """
    cells = _cells(columns, rules)
    full = sum(sum(map(bool, row)) >= 3 for row in cells)
    filled = sum(sum(map(bool, row)) for row in cells)
    return full >= MIN_COLUMN_LINES and filled >= TABLE_FILL * len(cells) * len(columns) and \
        not all(_is_prose(c) for c in columns)


def _cells(columns: list[list[list[Word]]], rules: Rules = ()) -> list[tuple[str, ...]]:
    """Rows of cell texts, each of one or more lines of the table."""
    texts = [[" ".join(w["text"] for w in c[i]) for c in columns] for i in range(len(columns[0]))]
    rows: list[list[str]] = []
    for i, starts in enumerate(_row_starts(columns, rules)):
        if rows and not starts:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], texts[i], strict=True)]
        else:
            rows.append(texts[i])
    return [tuple(r) for r in rows]


def _row_starts(columns: list[list[list[Word]]], rules: Rules = ()) -> list[bool]:
    """Whether each line of a table opens a row (the others continue a wrapped cell).

    Rulings or shading bands across the table set its rows apart where it has them. Else,
    where rows are set apart by more space than the lines inside them (padding), the space
    tells, which also holds for cells centred against a wrapped neighbour; otherwise a line
    filling half of the columns or more opens a row, and a line with fewer (the rest of a
    wrapped description) continues the row above.
    """
    lines = len(columns[0])
    tops = [min(w["top"] for c in columns for w in c[i]) for i in range(lines)]
    bottoms = [max(w["bottom"] for c in columns for w in c[i]) for i in range(lines)]
    ruled = _ruled_starts(columns, tops, bottoms, rules)
    if ruled is not None:
        return ruled
    pitches = [b - a for a, b in zip(tops, tops[1:], strict=False)]
    spaced = bool(pitches) and max(pitches) > ROW_SPACING * min(pitches)
    starts, filled = [True], {k for k, c in enumerate(columns) if c[0]}
    for i in range(1, lines):
        mine = {k for k, c in enumerate(columns) if c[i]}
        if spaced:
            start = pitches[i - 1] > ROW_SPACING * min(pitches) or filled <= mine
        else:
            start = 2 * len(mine) >= len(columns)
        filled = mine if start else filled | mine
        starts.append(start)
    return starts


def _ruled_starts(columns: list[list[list[Word]]], tops: list[float], bottoms: list[float],
                  rules: Rules) -> list[bool] | None:
    """Row starts from the edges running across the table between its lines, if any do."""
    left = min(w["x0"] for c in columns for line in c for w in line)
    right = max(w["x1"] for c in columns for line in c for w in line)
    across = [y for y, x0, x1 in rules if x0 <= left + 3 and x1 >= right - 3]
    starts = [True] + [any(bottoms[i - 1] - 1 <= y <= tops[i] + 1 for y in across)
                       for i in range(1, len(tops))]
    return starts if sum(starts) > 1 else None


def _word_space(rows: list[Row]) -> float:
    """The usual space between two words of a line (a monospaced font's is wide)."""
    gaps = [b["x0"] - a["x1"] for r in rows for a, b in zip(r.words, r.words[1:], strict=False)
            if 0 < b["x0"] - a["x1"] < b["bottom"] - b["top"]]
    return median(gaps) if gaps else 2 * PAD


def _runs(bits: int) -> list[tuple[float, float]]:
    """(start, end) of each run of set bits, in points; the PAD on both sides added back."""
    runs, x = [], 0
    while bits:
        skip = (bits & -bits).bit_length() - 1
        x += skip
        bits >>= skip
        length = (~bits & (bits + 1)).bit_length() - 1
        runs.append((x / SCALE - PAD, (x + length) / SCALE + PAD))
        x += length
        bits >>= length
    return runs


def _occupied(row: Row) -> int:
    bits = 0
    for w in row.words:
        bits |= _mask(w["x0"] - PAD, w["x1"] + PAD)
    return bits


def _mask(start: float, end: float) -> int:
    a, b = max(0, int(start * SCALE)), max(0, int(end * SCALE + 0.999))
    return ((1 << (b - a)) - 1) << a if b > a else 0


def _first_end(row: Row) -> float:
    return row.words[0]["x1"] + PAD


def _last_start(row: Row) -> float:
    return row.words[-1]["x0"] - PAD


def _centre(word: Word) -> float:
    return (word["x0"] + word["x1"]) / 2


def _size(row: Row) -> float:
    return max(float(w.get("bottom", 0)) - float(w.get("top", 0)) for w in row.words) \
        if row.words else 10.0
