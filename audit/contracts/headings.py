"""The numbering grammar of clause labels and headings: what a line's leading label says.

A label is read from the line alone (its text and typography); whether it truly opens a clause
is decided by structure.py from the labels before it (their sequence and nesting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.models import Line

ARTICLE_WORDS = (r"artikel|article|art\.|clause|section|sectie|part|deel|onderdeel|hoofdstuk|"
                 r"chapter|paragraaf|§")
ANNEX_WORDS = r"bijlage|annex|appendix|schedule|exhibit|attachment|addendum|aanhangsel"
# letters and roman numerals in capitals only: 'party.' is no 'Part y'
NUMBER = r"\d{1,3}(?:\.\d{1,2}){0,3}|(?-i:[IVXLCDM]{1,7}|[A-Z])"
DASH = r"[–—\-:.]"
KEYWORD = re.compile(
    rf"^(?P<kw>{ARTICLE_WORDS}|{ANNEX_WORDS})(?:(?<=[§.])\s*|\s+|$)(?P<num>{NUMBER})?"
    rf"(?=$|[\s.:–—\-),])\.?\s*"
    rf"(?:{DASH}+\s*)?(?P<rest>.*)$", re.I)
# '4.2', '4.2.1', 'IV.1', 'D.2' (dotted: two to four parts; parts after the first 1-2 digits,
# so that amounts such as '500.000,-' at a line's start are no label)
DOTTED = re.compile(r"^(?P<num>(?:\d{1,3}|[A-Z]|[IVXLC]{1,6})(?:\.\d{1,2}){1,3}(?:\.[a-z])?)\.?\)?"
                    r"(?=\s|[A-Z(“\"])\s*(?P<rest>.*)$")
NUM_DOT = re.compile(r"^(?P<num>\d{1,3})[.)](?:\s+|(?=[A-Z(“\"]))(?P<rest>\S.*)$")
NUM_BARE = re.compile(r"^(?P<num>\d{1,2})\s{1,4}(?P<rest>[A-ZÀ-Ý].*)$")
CAPITAL_DOT = re.compile(r"^(?P<num>[IVXLC]{1,6}|[A-Z])[.)]\s+(?P<rest>\S.*)$")
PAREN = re.compile(r"^\((?P<num>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2}|[A-Z])\)\s*(?P<rest>.*)$")
CLOSE_PAREN = re.compile(r"^(?P<num>[a-z]|\d{1,2})\)\s+(?P<rest>\S.*)$")
LOWER_DOT = re.compile(r"^(?P<num>[a-z])\.\s+(?P<rest>\S.*)$")
SENTENCE_END = re.compile(r"[.;,]$")
ABBREVIATION_END = re.compile(r"\s(?:[A-Za-z]\.){2,}$|\s[A-Z][a-z]{1,3}\.$")
FIELD = re.compile(r"\w:\s+\S")  # 'Ingangsdatum: 1 januari 2024' is a field, not a heading
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# Rank: how deep a kind of label sits in the usual order of legal numbering. A label nests
# under the nearest open label of a lower rank (Artikel 4 > 4.2 > (b) > (ii)).
SECTION, KEYWORD_RANK, CAPITAL, NUMBERED, DOTTED_RANK, LETTER, SMALL_ROMAN, DIGIT = \
    0, 1, 2, 3, 4, 6, 7, 8


@dataclass(frozen=True)
class Label:
    """One reading of a line's leading label: '4.2', 'IV', '(b)', 'Bijlage 1'."""

    rank: int
    style: str  # the numbering family: siblings share it ('dotted', 'roman', 'alpha', ...)
    number: str  # as written, without its punctuation: '4.2', 'IV', 'b', '1'
    value: tuple[int, ...]  # for the sequence check: (4, 2), (4,), (2,)
    rest: str  # the line after the label
    title: str  # the rest when it is a heading's title, else ''
    keyword: str = ""  # 'Bijlage', 'Annex' for annexes; '' otherwise

    @property
    def annex(self) -> bool:
        return self.rank == SECTION


def roman_value(text: str) -> int | None:
    """'IV' -> 4; None when the letters are no well-formed roman numeral."""
    text = text.upper()
    if not text or any(ch not in ROMAN for ch in text):
        return None
    total, prev = 0, 0
    for ch in reversed(text):
        value = ROMAN[ch]
        total, prev = (total - value, prev) if value < prev else (total + value, value)
    return total if _to_roman(total) == text else None


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def is_title(text: str, line: Line, body_size: float) -> bool:
    """A heading's title: short, no sentence, capitalised, or set in bold, capitals or larger."""
    text = ABBREVIATION_END.sub("", text.strip())  # '... Verpakkingen B.V.' ends no sentence
    if not text or len(text) > 90 or SENTENCE_END.search(text) or FIELD.search(text):
        return False
    styled = line.bold or (body_size and line.size > body_size + 0.4) or is_caps(text)
    return bool(styled) or (text[0].isupper() and len(text.split()) <= 4)


def _set_apart(text: str, line: Line, body_size: float) -> bool:
    return line.bold or is_caps(text) or bool(body_size and line.size > body_size + 0.4)


def is_caps(text: str) -> bool:
    """All letters in capitals (at least three of them)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def opens_list(label: Label, number: str, article: str) -> bool:
    """Whether the label can open its parent's list: 1, a, i; any number after a keyword."""
    if label.rank == KEYWORD_RANK:
        return True
    if label.style == "dotted":
        prefix = label.number.rsplit(".", 1)[0].upper()
        if number and prefix in (number.upper(), article.upper()):
            return label.value[-1] <= 3
        return label.value[-1] == 1
    return label.value == (1,)


def continues_list(label: Label, last: tuple[int, ...]) -> bool:
    """Whether the label continues the list: 4.2 after 4.1, 5.1 after 4.3, (c) after (b)."""
    value = label.value
    if len(value) != len(last):
        return False
    if label.rank == KEYWORD_RANK:
        return last[0] < value[0] <= last[0] + 5
    step = value[-1] - last[-1]
    if value[:-1] == last[:-1]:
        return 1 <= step <= 2
    if len(value) > 1:  # a new article: its first sub-clause
        up = value[-2] - last[-2]
        return value[:-2] == last[:-2] and 1 <= up <= 2 and value[-1] == 1
    return False


def full_label(label: Label, number: str, article: str) -> str:
    """The label's full path: '1.' under 'IV' is 'IV.1', '(a)' under '4' is '4(a)'."""
    own = f"({label.number})" if label.style.startswith("paren") else label.number
    if label.style == "dotted" or not number:
        return own
    if label.style.startswith("paren"):
        return article + own
    return f"{article}.{own}"


def _number_value(number: str, style: str) -> tuple[int, ...] | None:
    if style == "roman":
        v = roman_value(number)
        return (v,) if v else None
    if style in ("alpha", "ALPHA"):
        return (ord(number.lower()) - 96,)
    parts = []
    for part in number.split("."):
        if part.isdigit():
            parts.append(int(part))
        elif len(part) == 1 and part.isalpha():
            parts.append(ord(part.lower()) - 96)
        else:
            v = roman_value(part)
            if v is None:
                return None
            parts.append(v)
    return tuple(parts)


def _single(number: str, lower: bool) -> list[str]:
    """The styles a one-token number may be: 'i' is a roman one or the ninth letter."""
    if number.isdigit():
        return ["digit"]
    styles = []
    if roman_value(number) is not None:
        styles.append("roman")
    if len(number) == 1:
        styles.append("alpha" if lower else "ALPHA")
    return styles


def read_labels(line: Line, body_size: float) -> list[Label]:
    """The possible readings of the line's leading label, most likely first ([] for none)."""
    text = line.text.strip()
    for reader in (_keyword, _dotted, _numbered, _capital, _paren):
        found = reader(text, line, body_size)
        if found:
            return found
    return []


def _keyword(text: str, line: Line, body_size: float) -> list[Label]:
    m = KEYWORD.match(text)
    if not m or m.group("kw").lower() == "art." and not m.group("num"):
        return []
    kw, number, rest = m.group("kw"), m.group("num") or "", m.group("rest").strip()
    annex = re.fullmatch(ANNEX_WORDS, kw, re.I) is not None
    if rest[:1].islower() or (not number and not annex):
        return []  # 'Section 4.2 of this Agreement', 'Bijlage 1 bevat ...': a reference
    title = rest if is_title(rest, line, body_size) else ""
    if annex:
        if rest and not title and not number:
            return []
        word = kw.capitalize() if kw.isupper() else kw
        label = f"{word} {number}".strip()
        return [Label(SECTION, "annex", label, (0,), rest, title or (rest if not number else ""),
                      keyword=word)]
    number = number.rstrip(".")
    if "." in number:
        value = _number_value(number, "dotted")
        return [Label(DOTTED_RANK + number.count(".") - 1, "dotted", number, value, rest, title)
                ] if value else []
    out = []
    for style in _single(number, lower=False):
        value = _number_value(number, style)
        if value:
            out.append(Label(KEYWORD_RANK, "kw-" + style, number, value, rest, title))
    return out


def _dotted(text: str, line: Line, body_size: float) -> list[Label]:
    m = DOTTED.match(text)
    if not m:
        return []
    number, rest = m.group("num"), m.group("rest").strip()
    value = _number_value(number, "dotted")
    if value is None or not rest:
        return []
    # a sub-clause's first line is no title unless set apart ('4.2 Delivery' in bold)
    title = rest if is_title(rest, line, body_size) and _set_apart(rest, line, body_size) else ""
    return [Label(DOTTED_RANK + number.count(".") - 1, "dotted", number, value, rest, title)]


def _numbered(text: str, line: Line, body_size: float) -> list[Label]:
    m = NUM_DOT.match(text)
    if m:
        rest = m.group("rest").strip()
        title = rest if is_title(rest, line, body_size) else ""
        return [Label(NUMBERED, "digit", m.group("num"), (int(m.group("num")),), rest, title)]
    m = NUM_BARE.match(text)
    if m:  # '4 Levering' without a dot: a heading only when it looks like one
        rest = m.group("rest").strip()
        styled = line.bold or is_caps(rest) or (body_size and line.size > body_size + 0.4)
        if styled and is_title(rest, line, body_size):
            return [Label(NUMBERED, "digit", m.group("num"), (int(m.group("num")),), rest, rest)]
    return []


def _capital(text: str, line: Line, body_size: float) -> list[Label]:
    m = CAPITAL_DOT.match(text)
    if not m:
        return []
    rest = m.group("rest").strip()
    title = rest if is_title(rest, line, body_size) else ""
    out = []
    for style in _single(m.group("num"), lower=False):
        value = _number_value(m.group("num"), style)
        if value:
            out.append(Label(CAPITAL, style, m.group("num"), value, rest, title))
    return out


def _paren(text: str, line: Line, body_size: float) -> list[Label]:
    m = PAREN.match(text) or CLOSE_PAREN.match(text) or LOWER_DOT.match(text)
    if not m:
        return []
    number, rest = m.group("num"), m.group("rest").strip()
    ranks = {"alpha": LETTER, "ALPHA": LETTER, "roman": SMALL_ROMAN, "digit": DIGIT}
    out = []
    for style in _single(number, lower=number.islower()):
        value = _number_value(number, style)
        if value:
            out.append(Label(ranks[style], "paren-" + style, number, value, rest, ""))
    return out
