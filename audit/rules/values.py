"""Reading a rule's values from a clause: days, working days, minutes, money, addresses, prices."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from audit.models import Address, Clause
from audit.parse import (
    MONEY,
    MONTHS,
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


QUANTITY = re.compile(rf"(?<![\w.,]){_N}\)?\s*(?:stuks?|eenheden|units?|pieces?|pcs)\b", re.I)
PERIOD = re.compile(
    r"(?P<q>per\s+kwartaal|elk\s+kwartaal|per\s+quarter|quarterly|each\s+quarter)"
    r"|(?P<y>per\s+(?:kalender)?jaar|jaarlijks|per\s+(?:calendar\s+)?year|annual(?:ly)?|"
    r"jaaromzet|each\s+(?:calendar\s+)?year)",
    re.I,
)
PER_UNIT = re.compile(
    r"(?:per|for\s+each|for\s+every|voor\s+elke|voor\s+iedere)\s+"
    r"(?P<u>werkdag|working\s+day|business\s+day|kalenderdag|dag|day|week)", re.I)
CAP = re.compile(
    rf"(?:maximum|maximaal|max\.?|ten\s+hoogste|capped\s+at|up\s+to|not\s+more\s+than|"
    rf"no\s+more\s+than)\s+(?:van\s+|of\s+)?{_N}\s*(?:%|procent|percent)",
    re.I,
)
DURATION = rf"{_N}\)?\s*(?P<u>maanden|maand|months?|weken|week|weeks?|dagen|dag|days?|jaar|jaren|years?)"
NOTICE = (  # the duration before the notice words ('drie maanden voor het einde'), or after
    re.compile(rf"{DURATION}[^.]{{0,40}}?(?:opzeg\w*|notice|voor\s+het\s+einde|"
               rf"before\s+the\s+end|prior\s+to\s+the\s+end)", re.I),
    re.compile(rf"(?:opzeg\w*|notice)[^.]{{0,80}}?{DURATION}", re.I),
)
RENEWAL = re.compile(
    rf"(?:verlengd|renewed|renew|extended)[^.]{{0,60}}?{DURATION}", re.I)
NO_RENEWAL = re.compile(r"zonder\s+(?:stilzwijgende\s+)?verlenging|not\s+(?:be\s+)?renewed|"
                        r"without\s+(?:automatic\s+)?renewal", re.I)
END_DATE = re.compile(r"(?:tot\s+en\s+met|tot|eindigt\s+op|einddatum|until|ends\s+on|"
                      r"expires\s+on|through)\s*:?\s*(?P<d>.{6,25})", re.I)
DAY_MONTH = re.compile(rf"\b(?:per|op|on|as\s+of)\s+(\d{{1,2}})\s+({'|'.join(MONTHS)})\b(?!\s+\d{{4}})",
                       re.I)
UNIT_MONTHS = {"maand": 1, "maanden": 1, "month": 1, "months": 1, "jaar": 12, "jaren": 12,
               "year": 12, "years": 12}


def read_quantity(clause: Clause, lang: str) -> Decimal | None:
    """A number of pieces: '10.000 stuks', 'tienduizend (10.000) stuks', '12,000 units'."""
    return _first_number(QUANTITY, clause.text, lang)


def read_period(clause: Clause, lang: str) -> str | None:
    """'year' or 'quarter': the period a commitment or rebate counts over."""
    m = PERIOD.search(clause.text)
    return None if m is None else ("quarter" if m.group("q") else "year")


def read_per_unit(clause: Clause, lang: str) -> str | None:
    """'working_day', 'day' or 'week': what a penalty percentage is per."""
    m = PER_UNIT.search(clause.text)
    if m is None:
        return None
    unit = m.group("u").lower()
    if unit in {"werkdag", "working day", "business day"} or "working" in unit or "business" in unit:
        return "working_day"
    return "week" if unit == "week" else "day"


def read_cap_percent(clause: Clause, lang: str) -> Decimal | None:
    """The percentage after 'maximum', 'maximaal', 'capped at', 'up to'."""
    return _first_number(CAP, clause.text, lang)


def read_tiers(clause: Clause, lang: str) -> tuple[tuple[Decimal, Decimal], ...] | None:
    """Rebate tiers ((threshold, percent), ...): each percentage with the amount it goes with."""
    tiers = []
    for part in re.split(r",\s+|\s+en\s+|\s+and\s+|;", clause.text):
        amounts = find_money(part, lang)
        percents = [number_value(m.group("n"), lang) for m in PERCENT.finditer(part)]
        if len(amounts) == 1 and len(percents) == 1 and percents[0] is not None:
            tiers.append((amounts[0], percents[0]))
    if not tiers:  # '... vanaf € 500.000 ontvangt Afnemer een bonus van 2% ...' across parts
        amounts = find_money(clause.text, lang)
        percents = [number_value(m.group("n"), lang) for m in PERCENT.finditer(clause.text)]
        if len(amounts) == len(percents) and amounts:
            tiers = list(zip(amounts, percents, strict=True))  # type: ignore[arg-type]
    return tuple(sorted(tiers)) or None


def _months_or_days(m: re.Match[str], lang: str) -> tuple[int, str] | None:
    value = number_value(m.group("n"), lang)
    if value is None:
        return None
    unit = m.group("u").lower()
    if unit in UNIT_MONTHS:
        return int(value) * UNIT_MONTHS[unit], "months"
    return int(value) * (7 if unit.startswith("we") else 1), "days"


def read_notice(clause: Clause, lang: str) -> str | None:
    """The notice period: '3 months' or '90 days'."""
    for pattern in NOTICE:
        m = pattern.search(clause.text)
        found = _months_or_days(m, lang) if m else None
        if found:
            return f"{found[0]} {found[1]}"
    return None


def read_renewal(clause: Clause, lang: str) -> int | None:
    """Months each automatic renewal adds; 0 when the contract says it is not renewed."""
    if NO_RENEWAL.search(clause.text):
        return 0
    m = RENEWAL.search(clause.text)
    found = _months_or_days(m, lang) if m else None
    return found[0] if found and found[1] == "months" else None


def read_end_date(clause: Clause, lang: str) -> Any:
    """The date after 'tot en met', 'eindigt op', 'until'."""
    for m in END_DATE.finditer(clause.text):
        dates = find_dates(m.group("d"))
        if dates:
            return dates[0]
    return None


def read_day_month(clause: Clause, lang: str) -> str | None:
    """A yearly date without a year: 'per 1 januari' -> '01-01'."""
    m = DAY_MONTH.search(clause.text)
    return None if m is None else f"{int(m.group(1)):02d}-{MONTHS[m.group(2).lower()]:02d}"


def read_agreement_amount(clause: Clause, lang: str) -> str | None:
    """Any amount, percentage, quantity or period in the text (for unmatched agreements)."""
    for pattern in (MONEY, PERCENT, QUANTITY, WORKING_DAYS, DAYS, MINUTES,
                    re.compile(DURATION, re.I)):
        m = pattern.search(clause.text)
        if m:
            return m.group(0).strip()
    return None


READERS: dict[str, Callable[[Clause, str], Any]] = {
    "quantity": read_quantity,
    "period": read_period,
    "per_unit": read_per_unit,
    "cap_percent": read_cap_percent,
    "tiers": read_tiers,
    "notice": read_notice,
    "renewal_months": read_renewal,
    "end_date": read_end_date,
    "day_month": read_day_month,
    "any_amount": read_agreement_amount,
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
    "quantity": "pieces", "period": "", "per_unit": "", "cap_percent": "%", "tiers": "EUR: %",
    "notice": "", "renewal_months": "months", "end_date": "", "day_month": "dd-mm",
    "any_amount": "",
    "days": "days", "working_days": "working days", "minutes": "minutes", "time_window": "hh:mm",
    "money": "EUR", "percent": "%", "date": "", "address": "", "price_table": "EUR",
}
