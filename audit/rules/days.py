"""The days of a payment term as contracts write them: a length of calendar days, the trade's
'net 30', and what is no number of days at all (a cash discount's days, a day of a later
month); from when they count is payment_basis.py's."""

from __future__ import annotations

import re

from audit.core.grammar import durations, numbers
from audit.models import Clause

# a cash discount for early payment is another agreement than the payment term
CASH_DISCOUNT = re.compile(r"korting|discount|skonto|kredietbeperking|betalingskorting", re.I)


def read_days(clause: Clause, lang: str) -> int | None:
    """Calendar days: '30 dagen', 'zes weken' (42), 'één maand' (30, a month counts as 30); not
    the days of a cash discount ('2% korting bij betaling binnen 8 dagen'), not a day of the
    month ('the 15th day of the month following': a date, no number of days)."""
    text = clause.text
    found = [d for d in durations(text, lang) if d.unit in {"days", "weeks", "months"}
             and not (d.ordinal and MONTH_DAY.match(text, d.end))]
    plain = [d for d in found if not CASH_DISCOUNT.search(_part(text, d.start))]
    # else 'net 30', '2/10 net 30': the trade's shorthand for days
    return plain[0].days() if plain else _net_days(text, lang)


# 'net 30' / 'netto 30' / 'net forty-five' with no unit after it: days, as the trade writes a
# payment term
NET = re.compile(r"\bnet(?:to)?\s+(?=\S)", re.I)
NOT_DAYS = re.compile(r"[.,]\d|\s*(?:%|percent|procent|€|\$|eur|usd|kg|ton|lbs|units|pieces|stuks|"
                      r"weight|gewicht)\b", re.I)
# a day of the month after an ordinal ('the 15th day of the month', 'de 10e dag van de maand')
MONTH_DAY = re.compile(r"\s*(?:day\s+)?(?:of|van)\s+(?:the|each|every|de|elke|iedere)\s+"
                       r"(?:\w+\s+)?(?:month|maand)", re.I)


def _net_days(text: str, lang: str) -> int | None:
    """The number right after 'net' / 'netto' that is no amount, weight or count."""
    for m in NET.finditer(text):
        n = next((n for n in numbers(text[m.end():m.end() + 40], lang) if n.start == 0), None)
        if n is not None and not n.ordinal and n.value == int(n.value) and 0 < n.value < 1000 \
                and not NOT_DAYS.match(text, m.end() + n.end):
            return int(n.value)
    return None


def _part(text: str, at: int) -> str:
    """The part of the sentence around `at`, between commas, semicolons and full stops."""
    begin = max(text.rfind(c, 0, at) for c in ",;.") + 1
    ends = [i for c in ",;." if (i := text.find(c, at)) >= 0]
    return text[begin:min(ends) if ends else len(text)]
