"""Reading numbers, money and dates as contracts write them: the value grammar
(audit/core/grammar.py) seen as plain values, for callers that need no spans."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from audit.core.dates import MONTHS, dates
from audit.core.grammar import decimal_of, money, numbers, word_value

__all__ = ["DATE_FORMS", "MONTHS", "decimal_value", "find_dates", "find_foreign_money",
           "find_money", "number_value", "typed_date"]

#: How a date may be typed on the command line: ISO, or day first the Dutch way.
DATE_FORMS = "2026-12-31, 31-12-2026, 31/12/2026 or 31.12.2026"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")


def typed_date(text: str) -> date:
    """A date as a user types it: '2026-12-31', '31-12-2026', '31/12/2026', '31.12.2026'
    (day first, as in the Netherlands). ValueError naming the accepted forms otherwise."""
    value = text.strip()
    if iso := _ISO.fullmatch(value):
        year, month, day = (int(g) for g in iso.groups())
    elif dutch := _DAY_FIRST.fullmatch(value):
        day, month, year = int(dutch.group(1)), int(dutch.group(3)), int(dutch.group(4))
    else:
        raise ValueError(f"'{text}' is not a date; type it as {DATE_FORMS}")
    try:
        return date(year, month, day)
    except ValueError as e:
        raise ValueError(f"'{text}' is not a date ({e}); type it as {DATE_FORMS}") from None


def find_foreign_money(text: str) -> list[str]:
    """Every amount in another currency, as written with its ISO code: '$250,000.00' ->
    'USD 250,000.00', '100,000 US dollars' -> 'USD 100,000'. Never converted to euros."""
    found = []
    for m in money(text):
        if m.currency != "EUR":
            figure = re.search(r"\d[\d.,]*\d|\d", text[m.start:m.end])
            found.append(f"{m.currency} {figure.group(0) if figure else m.amount}")
    return found


def number_value(text: str, lang: str = "nl") -> Decimal | None:
    """The value of a number as written: '30', 'dertig (30)', 'thirty-five', '1.234,56'."""
    found = numbers(text.strip(), lang)
    if found:
        return found[0].value
    words = word_value(text.strip(), lang)
    return words[0] if words else None


def plain_figure(value: object) -> Decimal | None:
    """A figure a check wrote as text in plain notation ('43.50', '-2', ' 7 ') as a number;
    None for anything else (a text with words, a date, a formatted '1.234,56')."""
    if isinstance(value, str) and _PLAIN_FIGURE.fullmatch(value.strip()):
        return Decimal(value.strip())
    return None


_PLAIN_FIGURE = re.compile(r"-?\d+(?:\.\d+)?")


def decimal_value(text: str, lang: str = "nl") -> Decimal | None:
    """'1.234,56' / '1,234.56' / '12,50' / '12.50' / '500,-' -> Decimal. The decimal separator
    is decided by the number's shape, not by the document's language (`lang` is kept for
    callers): one separator before exactly three digits groups thousands."""
    return decimal_of(text)


def find_dates(text: str, lang: str = "nl") -> list[date]:
    """Every date written in the text, in order: '1 maart 2026', 'March 1, 2026', '01-03-2026'.
    In English text a date with slashes is month/day/year, also with two digits ('7/1/98')."""
    return [d.day for d in dates(text, lang)]


def find_money(text: str, lang: str = "nl") -> list[Decimal]:
    """Every euro amount in the text: '€ 1.234,56', 'EUR 1,234.56', '500 euro'; amounts in
    another currency are left out (find_foreign_money)."""
    return [m.amount for m in money(text, lang) if m.currency == "EUR"]
