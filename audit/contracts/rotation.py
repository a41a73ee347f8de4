"""Pages whose text runs up, down, upside down or mirrored on the paper (a landscape annex set
sideways on a portrait page) as words laid out the way the page is read."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pdfplumber.utils.text import WordExtractor

Char = dict[str, Any]
Turn = tuple[int, int, int, int]  # (text x, text y, next-line x, next-line y), y downwards
UPRIGHT: Turn = (1, 0, 0, 1)


def turn(char: Char) -> Turn:
    """Where a character's text runs and where its next line lies, on the paper's axes."""
    a, b, c, d = char["matrix"][:4]
    text = (_sign(a), 0) if abs(a) >= abs(b) else (0, -_sign(b))  # PDF space has y upwards
    below = (-_sign(c), 0) if abs(c) > abs(d) else (0, _sign(d))  # lines go against the glyph's up
    return (*text, *below)


def turn_of(chars: list[Char]) -> Turn:
    """The way most visible characters of the page are set."""
    counts = Counter(turn(c) for c in chars if not c["text"].isspace())
    return counts.most_common(1)[0][0] if counts else UPRIGHT


def turned_words(chars: list[Char], way: Turn, width: float,
                 height: float) -> tuple[list[Char], float]:
    """Words (with their chars) of a page set `way`, as read, and the page's width as read.

    Only the characters set the page's way are kept: a stray line set another way would land
    anywhere on the turned page.
    """
    upright = [_turned(c, way, width, height) for c in chars if turn(c) == way]
    words = WordExtractor().extract_words(upright, return_chars=True)
    return words, width if way[0] else height


def _turned(c: Char, way: Turn, width: float, height: float) -> Char:
    x0, x1 = _along(c, way[0], way[1], width, height)
    top, bottom = _along(c, way[2], way[3], width, height)
    # pdfplumber's size of a turned character is not its height as read
    return {**c, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "upright": True, "size": bottom - top, "width": x1 - x0, "height": bottom - top}


def _along(c: Char, dx: int, dy: int, width: float, height: float) -> tuple[float, float]:
    """The character's extent along one axis of the page as read."""
    if dx > 0:
        return c["x0"], c["x1"]
    if dx < 0:
        return width - c["x1"], width - c["x0"]
    if dy > 0:
        return c["top"], c["bottom"]
    return height - c["bottom"], height - c["top"]


def _sign(v: float) -> int:
    return 1 if v >= 0 else -1
