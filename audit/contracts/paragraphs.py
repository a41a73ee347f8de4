"""A long run of lines -> paragraphs, by the vertical gaps and first-line indents between them."""

from __future__ import annotations

from statistics import median

from audit.models import Line

LONG_CLAUSE = 1500  # characters: a clause longer than this is probably several swallowed ones
GAP = 1.4  # a gap this many times the usual line pitch separates paragraphs
SENTENCE_END = (".", ";", ":", "!", "?", ")")


def split_paragraphs(lines: list[tuple[Line, int]],
                     always: bool = False) -> list[list[tuple[Line, int]]]:
    """The lines cut where a paragraph ends; without positions, at short lines ending a sentence."""
    pitch = _pitch(lines)
    cuts = [i for i in range(1, len(lines)) if _breaks(lines[i - 1], lines[i], pitch)]
    groups = _cut(lines, cuts)
    if not always and any(_size(g) > LONG_CLAUSE for g in groups):
        groups = [part for g in groups for part in (_by_short_lines(g) if _size(g) > LONG_CLAUSE
                                                    else [g])]
    return groups


def _breaks(prev: tuple[Line, int], line: tuple[Line, int], pitch: float) -> bool:
    (a, page_a), (b, page_b) = prev, line
    ended = a.text.rstrip().endswith(SENTENCE_END)
    if page_a != page_b or not pitch:
        return page_a != page_b and ended  # a page that ends a sentence ends its paragraph
    if b.top - a.top > GAP * pitch:
        return True
    return ended and b.x0 > a.x0 + 8 and b.text[:1].isupper()  # a first-line indent


def _pitch(lines: list[tuple[Line, int]]) -> float:
    gaps = [b.top - a.top for (a, pa), (b, pb) in zip(lines, lines[1:], strict=False) if pa == pb
            and 0 < b.top - a.top < 4 * max(a.size, 8)]
    return sorted(gaps)[len(gaps) // 4] if gaps else 0.0  # the pitch inside a paragraph


def _by_short_lines(lines: list[tuple[Line, int]]) -> list[list[tuple[Line, int]]]:
    """Without gaps: a line well short of the others that ends a sentence ends a paragraph."""
    width = median(len(line.text) for line, _ in lines)
    cuts = [i for i in range(1, len(lines)) if lines[i - 1][0].text.endswith(SENTENCE_END)
            and len(lines[i - 1][0].text) < 0.7 * width]
    return _cut(lines, cuts)


def _cut(lines: list[tuple[Line, int]], cuts: list[int]) -> list[list[tuple[Line, int]]]:
    bounds = [0, *cuts, len(lines)]
    return [lines[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _size(group: list[tuple[Line, int]]) -> int:
    return sum(len(line.text) + 1 for line, _ in group)
