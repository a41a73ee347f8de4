"""Reading a rule's values from a clause: days, working days, minutes, money, addresses, prices."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from audit.models import Address, Clause
from audit.parse import (
    MONEY,
    NUMBER,
    decimal_value,
    find_dates,
    find_money,
    number_value,
    parse_address,
)

_N = rf"(?P<n>{NUMBER})"
DAYS = re.compile(rf"(?<![\w.,]){_N}\s*(?:kalender)?(?:dagen|dag|(?:calendar\s+)?days?)\b", re.I)
WORKING_DAYS = re.compile(
    rf"(?<![\w.,]){_N}\s*(?:werkdagen|werkdag|(?:working|business)\s+days?)\b", re.I
)
MINUTES = re.compile(rf"(?<![\w.,]){_N}\s*(?P<u>minuten|minuut|minutes?|min\.?|uur|uren|hours?)\b",
                     re.I)
HALF_HOUR = re.compile(r"\b(?:een\s+half\s+uur|half\s+an\s+hour)\b", re.I)
TIME_WINDOW = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*(?:uur\s*)?(?:-|–|tot|en|to|and)\s*(\d{1,2})[:.](\d{2})")
PERCENT = re.compile(rf"(?<![\w.,]){_N}\s*(?:%|procent|percent)", re.I)
ITEM = re.compile(r"\b([A-Z]{1,4}-?\d{2,6}[A-Z]?)\b")


def read_value(kind: str, clause: Clause, lang: str) -> Any:
    """The value of type `kind` in the clause, or None when the clause does not state it."""
    return READERS[kind](clause, lang)


def _first_number(pattern: re.Pattern[str], text: str, lang: str) -> Decimal | None:
    for m in pattern.finditer(text):
        value = number_value(m.group("n"), lang)
        if value is not None:
            return value
    return None


def read_days(clause: Clause, lang: str) -> int | None:
    value = _first_number(DAYS, clause.text, lang)
    return int(value) if value is not None else None


def read_working_days(clause: Clause, lang: str) -> int | None:
    value = _first_number(WORKING_DAYS, clause.text, lang)
    return int(value) if value is not None else None


def read_minutes(clause: Clause, lang: str) -> int | None:
    if HALF_HOUR.search(clause.text):
        return 30
    for m in MINUTES.finditer(clause.text):
        value = number_value(m.group("n"), lang)
        if value is not None:
            hours = m.group("u").lower() in {"uur", "uren", "hour", "hours"}
            return int(value * 60) if hours else int(value)
    return None


def read_time_window(clause: Clause, lang: str) -> str | None:
    m = TIME_WINDOW.search(clause.text)
    if not m:
        return None
    a, b, c, d = (int(x) for x in m.groups())
    return f"{a:02d}:{b:02d}-{c:02d}:{d:02d}"


def read_money(clause: Clause, lang: str) -> Decimal | None:
    amounts = find_money(clause.text, lang)
    return amounts[0] if amounts else None


def read_percent(clause: Clause, lang: str) -> Decimal | None:
    return _first_number(PERCENT, clause.text, lang)


def read_date(clause: Clause, lang: str) -> Any:
    dates = find_dates(clause.text)
    return dates[0] if dates else None


def read_address(clause: Clause, lang: str) -> Address | None:
    return parse_address(clause.text)


class PriceTable(dict[str, Decimal]):
    """Item -> unit price, remembering the table row or sentence each price was read from."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, str] = {}

    def add(self, item: str, price: Decimal, source: str) -> None:
        if item not in self:
            self[item] = price
            self.sources[item] = source


def read_price_table(clause: Clause, lang: str) -> PriceTable | None:
    """Item -> unit price, from the clause's tables or from 'artikel A-100 ... € 12,50' text."""
    prices = PriceTable()
    for table in clause.tables:
        for row in table.rows:
            item = next((m.group(1) for c in row if (m := ITEM.fullmatch(c.strip()))), None)
            price = next((p for c in reversed(row) if (p := _cell_money(c, lang)) is not None),
                         None)
            if item and price is not None:
                prices.add(item, price, " | ".join(row))
    for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z])", clause.text):
        items = ITEM.findall(sentence)
        amounts = find_money(sentence, lang)
        if len(items) == 1 and len(amounts) == 1:
            prices.add(items[0], amounts[0], sentence)
    return prices or None


def _cell_money(cell: str, lang: str) -> Decimal | None:
    cell = cell.strip()
    if MONEY.search(cell):
        amounts = find_money(cell, lang)
        return amounts[0] if amounts else None
    if re.fullmatch(r"\d[\d.,]*", cell) and ("," in cell or "." in cell):
        return decimal_value(cell, lang)
    return None


READERS: dict[str, Callable[[Clause, str], Any]] = {
    "days": read_days,
    "working_days": read_working_days,
    "minutes": read_minutes,
    "time_window": read_time_window,
    "money": read_money,
    "percent": read_percent,
    "date": read_date,
    "address": read_address,
    "price_table": read_price_table,
}
UNITS = {
    "days": "days", "working_days": "working days", "minutes": "minutes", "time_window": "hh:mm",
    "money": "EUR", "percent": "%", "date": "", "address": "", "price_table": "EUR",
}
