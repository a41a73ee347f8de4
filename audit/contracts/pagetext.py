"""Plain helpers over a document's lines: running lines, the body's font size, joined text."""

from __future__ import annotations

import re

from audit.models import ContractDoc

TABLE_MARK = "\x00TABLE{}\x00"  # stands in the page text where a table was

TABLE_LINE = re.compile(TABLE_MARK.format(r"(\d+)"))
HYPHEN_END = re.compile(r"[a-zà-ÿ]-$")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def shape(text: str) -> str:
    """A line with its digits masked: how a running header looks on every page."""
    return re.sub(r"\d+", "#", text.lower())


def repeated_lines(doc: ContractDoc) -> set[str]:
    """Short lines found on many pages (a running header the reader kept): never a heading."""
    if len(doc.pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for page in doc.pages:
        for seen in {shape(t.strip()) for t in page.text.split("\n") if 0 < len(t.strip()) <= 60}:
            counts[seen] = counts.get(seen, 0) + 1
    least = max(3, len(doc.pages) * 3 // 10)
    return {seen for seen, n in counts.items() if n >= least and not TABLE_LINE.search(seen)}


def body_size(doc: ContractDoc) -> float:
    """The font size most of the document's text is set in (0 when unknown)."""
    counts: dict[float, int] = {}
    for page in doc.pages:
        for line in page.lines:
            if line.size:
                counts[line.size] = counts.get(line.size, 0) + len(line.text)
    return max(counts, key=counts.__getitem__) if counts else 0.0


def arabic(number: str) -> str:
    """'IV' -> '4'; digits stay as they are."""
    if number.isdigit():
        return number
    total, prev = 0, 0
    for ch in reversed(number.upper()):
        value = ROMAN[ch]
        total, prev = (total - value, prev) if value < prev else (total + value, value)
    return str(total)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one text, undoing hyphenation at line ends (leve-/ringen)."""
    parts: list[str] = []
    tail = ""  # the text's last two characters: looking only there keeps the join linear
    for line in lines:
        if HYPHEN_END.search(tail) and line[:1].islower():
            parts[-1] = parts[-1][:-1]  # leve-/ringen: a word broken at the line end
            piece, tail = line, tail[:-1]
        elif tail.endswith("-") and tail[-2:-1].isalnum() and line[:1].isalpha():
            piece = line  # ICT-/leverancier: a real compound keeps its hyphen
        else:
            piece = f" {line}" if tail else line
        parts.append(piece)
        tail = (tail + piece)[-2:]
    return "".join(parts)
