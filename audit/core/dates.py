"""Dates as contracts write them, with their span: '1 maart 2026', 'March 1, 2026', '01-03-2026',
'the 12th day of November, 2019', '2026-03-01'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "maart": 3,
    "march": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6,
    "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
# 'the first day of July, 2017' (US contracts write the day in words)
DAY_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
DAY_WORDS |= {f"twenty{sep}{w}": 20 + i for w, i in list(DAY_WORDS.items())[:9] for sep in "- "}
DAY_WORDS |= {"thirtieth": 30, "thirty-first": 31, "thirty first": 31}
_DAY_WORDS = "|".join(sorted(DAY_WORDS, key=len, reverse=True))
# a full stop where a comma belongs ('June 30. 2027') is read as the comma
DATE = re.compile(
    rf"\b(\d{{1,2}}|{_DAY_WORDS})(?:st|nd|rd|th|e|de|ste)?\s+(?:(?:day\s+)?of\s+)?({MONTH_WORDS})\.?"
    rf"[,.]?\s+(\d{{4}})\b"
    rf"|(?<![a-z])({MONTH_WORDS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:[,.]\s*|\s+)(\d{{4}})\b"
    r"|\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2}(?![\d/]))\b"
    r"|\b(\d{4})-(\d{2})-(\d{2})\b",
    re.I,
)


@dataclass(frozen=True)
class DateValue:
    """A calendar date with where it stands in the text."""

    day: date
    start: int
    end: int


def dates(text: str, lang: str = "nl") -> list[DateValue]:
    """Every date in the text, in order; an impossible one ('31 februari') is no date. In
    English text a date with slashes is month/day/year, also with two digits ('7/1/98')."""
    found = []
    for m in DATE.finditer(text):
        try:
            day = _date(m.groups(), lang == "en" and "/" in m.group(0))
        except ValueError:
            continue
        if day is not None:
            found.append(DateValue(day, m.start(), m.end()))
    return found


def _date(g: tuple[str | None, ...], us: bool) -> date | None:
    """The date of one DATE match's groups; `us`: a numeric date is month/day/year."""
    if g[0]:
        return date(int(g[2] or 0), MONTHS[(g[1] or "").lower()],
                    DAY_WORDS.get(g[0].lower()) or int(g[0]))
    if g[3]:
        return date(int(g[5] or 0), MONTHS[g[3].lower()], int(g[4] or 0))
    if g[6]:
        year = int(g[8] or 0)
        if year < 100:  # two digits only in US dates
            if not us:
                return None
            year += 1900 if year >= 70 else 2000
        first, second = int(g[6]), int(g[7] or 0)
        return date(year, first, second) if us else date(year, second, first)
    return date(int(g[9] or 0), int(g[10] or 0), int(g[11] or 0))


DAY_MONTH = re.compile(
    rf"\b(?:per|op|on|as\s+of|from|vanaf|met\s+ingang\s+van|effect\s+from|ingaande|each|every|"
    rf"(?:effective|beginning|starting|commencing)(?:\s+(?:as\s+of|from|on))?)\s+(?:the\s+)?"
    rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th|e)?\s+(?:of\s+)?(?P<m>{MONTH_WORDS})"
    rf"|(?P<m2>{MONTH_WORDS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\b(?![.,]?\s*\d{{4}})", re.I)


def day_month(text: str) -> str | None:
    """A yearly date without a year: 'per 1 januari' / 'on 1 July' / 'as of January 1' ->
    'DD-MM'."""
    for m in DAY_MONTH.finditer(text):
        day = int(m.group("d") or m.group("d2"))
        month = MONTHS[(m.group("m") or m.group("m2")).lower()]
        try:
            date(2000, month, day)
        except ValueError:
            continue
        return f"{day:02d}-{month:02d}"
    return None
