"""Dutch working days as the audit defines them.

Working day = Monday-Friday minus these public holidays: New Year, Easter Monday, King's Day
(27 April, 26 April when the 27th is a Sunday), Ascension Day, Whit Monday, Christmas Day and
Boxing Day. Good Friday and Liberation Day are ordinary working days.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache


def easter_sunday(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


@cache
def holidays(year: int) -> frozenset[date]:
    """The Dutch public holidays of `year` that are not working days."""
    easter = easter_sunday(year)
    kings = date(year, 4, 27)
    if kings.weekday() == 6:
        kings = date(year, 4, 26)
    return frozenset({
        date(year, 1, 1),
        easter + timedelta(days=1),
        kings,
        easter + timedelta(days=39),
        easter + timedelta(days=50),
        date(year, 12, 25),
        date(year, 12, 26),
    })


def is_working_day(day: date) -> bool:
    """Monday-Friday and not a public holiday."""
    return day.weekday() < 5 and day not in holidays(day.year)


def is_weekday(day: date) -> bool:
    """Monday-Friday, holidays included (what a naive calendar would count)."""
    return day.weekday() < 5


def _add(day: date, n: int, counts: Callable[[date], bool]) -> date:
    """The n-th day after `day` that `counts` (n >= 0; n == 0 returns `day`)."""
    current = day
    while n > 0:
        current += timedelta(days=1)
        if counts(current):
            n -= 1
    return current


def add_working_days(day: date, n: int) -> date:
    """The n-th working day after `day` (n >= 0; n == 0 returns `day`)."""
    return _add(day, n, is_working_day)


def add_weekdays(day: date, n: int) -> date:
    """The n-th weekday after `day`, ignoring holidays (for edge-case bookkeeping)."""
    return _add(day, n, is_weekday)


def next_working_day(day: date) -> date:
    """The first working day after `day`."""
    return add_working_days(day, 1)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count


def working_days(start: date, end: date) -> list[date]:
    """All working days from `start` to `end`, both inclusive."""
    out, current = [], start
    while current <= end:
        if is_working_day(current):
            out.append(current)
        current += timedelta(days=1)
    return out
