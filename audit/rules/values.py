"""Reading a rule's values from a clause: days, working days, minutes, money, addresses, prices."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from audit.rules.scope import read_price_scope
from audit.models import Address, Clause
from audit.parse import (
    MONEY,
    MONTHS,
    NUMBER,
    decimal_value,
    find_dates,
    find_foreign_money,
    find_money,
    number_value,
    parse_address,
)

_N = rf"(?P<n>{NUMBER})"
DAYS = re.compile(rf"(?<![\w.,]){_N}\s*(?:kalender)?(?:dagen|dag|(?:calendar\s+)?days?)\b", re.I)
WORKING_DAYS = re.compile(
    rf"(?<![\w.,]){_N}\s*(?:werkdagen|werkdag|(?:working|business)\s+days?)\b", re.I
)
MINUTES = re.compile(rf"(?<![\w.,:]){_N}\s*(?P<u>minuten|minuut|minutes?|min\.?|uur|uren|hours?)\b",
                     re.I)
HALF_HOUR = re.compile(r"\b(?:een\s+half\s+uur|half\s+an\s+hour)\b", re.I)
TIME_WINDOW = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*(?:uur\s*)?(?:-|–|tot|en|to|and)\s*(\d{1,2})[:.](\d{2})")
PERCENT = re.compile(rf"(?<![\w.,]){_N}\s*(?:%|procent|percent)", re.I)
ITEM = re.compile(r"\b([A-Z]{1,4}-?\d{2,6}[A-Z]?)\b")


def read_value(kind: str, clause: Clause, lang: str, start: date | None = None) -> Any:
    """The value of type `kind` in the clause, or None when the clause does not state it;
    `start` is the document's start date, for an end date given as a term's length."""
    if kind == "end_date":
        return read_end_date(clause, lang, start)
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


def read_foreign_amount(clause: Clause, lang: str) -> str | None:
    """An amount in another currency, as text ('USD 250,000.00'); never a euro amount."""
    amounts = find_foreign_money(clause.text)
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


# pieces, or a countable packing unit ('12.000 rollen', '500 cartons')
QUANTITY = re.compile(
    rf"(?<![\w.,]){_N}\)?\s*(?:stuks?|eenheden|units?|pieces?|pcs|rollen|dozen|colli|"
    r"pallets?|rolls|boxes|cartons|cases|bottles|flessen|vials)\b", re.I)
_EACH = r"(?:per|elk|ieder|elke|iedere|each|every|any|in\s+(?:any|each|een|a))"
PERIOD = re.compile(
    rf"(?P<q>{_EACH}\s+(?:kalender)?kwartaal|{_EACH}\s+(?:calendar\s+)?quarter|quarterly|"
    r"driemaandelijks|kwartaalomzet)"
    rf"|(?P<y>{_EACH}\s+(?:kalender|contract)?jaar|jaarlijks\w*|jaaromzet|jaarafname|"
    rf"{_EACH}\s+(?:calendar\s+|contract\s+)?year|annual(?:ly)?|yearly)",
    re.I,
)
PER_UNIT = re.compile(
    r"(?:per|for\s+each|for\s+every|each|every|voor\s+elke|voor\s+iedere|elke|iedere)\s+"
    r"(?:(?:full|complete|volle|gehele)\s+)?"
    r"(?P<u>werkdag|working\s+day|business\s+day|kalenderdag|dag|day|week)", re.I)
CAP = re.compile(
    rf"(?:maximum|maximaal|max\.?|ten\s+hoogste|tot\s+ten\s+hoogste|hooguit|capped\s+at|"
    rf"up\s+to|at\s+most|not\s+more\s+than|no\s+more\s+than|niet\s+meer\s+dan|"
    rf"(?:shall|will|may)?\s*not\s+exceed|exceeding)\s+(?:van\s+|of\s+)?{_N}\s*"
    r"(?:%|procent|percent)",
    re.I,
)
DURATION = (rf"{_N}\)?[\s-]*(?:calendar\s+|kalender)?"
            r"(?P<u>maanden|maand|months?|weken|week|weeks?|dagen|dag|days?|jaar|jaren|years?)")
_BEFORE_END = (r"(?:voor|vóór)\s+(?:het\s+einde|de\s+einddatum|het\s+verstrijken|(?:de\s+)?afloop)|"
               r"(?:before|prior\s+to)\s+(?:the\s+)?(?:end|expir\w*|renewal|termination\s+date|"
               r"anniversary)")
NOTICE = (  # before the end ('drie maanden voor het einde'), then by the notice words
    re.compile(rf"{DURATION}[^.]{{0,40}}?(?:{_BEFORE_END})", re.I),
    re.compile(rf"{DURATION}[^.]{{0,40}}?(?:opzeg\w*|notice)", re.I),
    re.compile(rf"(?:opzeg\w*|notice)[^.]{{0,80}}?{DURATION}", re.I),
)
BREACH = re.compile(r"breach|default|insolven|bankrupt|cure|tekortkoming|wanprestatie|"
                    r"faillissement|surseance|tekortschiet", re.I)
RENEWAL = (  # 'verlengd met telkens één jaar', 'renew for successive one (1) year periods',
    # and Dutch with the duration first: 'telkens met een jaar verlengd'
    re.compile(rf"(?:verlengd|renew\w*|extend\w*)[^.]{{0,80}}?{DURATION}", re.I),
    re.compile(rf"(?:met|voor)\s+{DURATION}\s+(?:stilzwijgend\s+)?verlengd", re.I),
)
ANNUAL_RENEWAL = re.compile(
    r"(?:renew\w*|extend\w*|verlengd)\s+(?:\w+\s+){0,2}?(?:on\s+an?\s+)?(?:annual|yearly)\b|"
    r"(?:automatic\s+)?annual\s+renewals?|jaarlijks\s+(?:stilzwijgend\s+)?verlengd", re.I)
NO_RENEWAL = re.compile(r"zonder\s+(?:stilzwijgende\s+)?verlenging|not\s+(?:be\s+)?renewed|"
                        r"niet\s+(?:stilzwijgend\s+)?verlengd|"
                        r"without\s+(?:automatic\s+)?renewal", re.I)
END_DATE = re.compile(
    r"(?:tot\s+en\s+met|t/m|tot|eindigt\s+(?:van\s+rechtswege\s+)?op|einddatum|"
    r"(?:up\s+to\s+and\s+|until\s+and\s+)?including|until|ends?\s+on|"
    r"expires?(?:\s+on)?|expire\s+on|terminates?\s+(?:automatically\s+)?(?:without\s+notice\s+)?on|"
    r"through|(?:termination|expiration|expiry)\s+date)\s*:?\s*(?P<d>.{6,25})", re.I)
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
    """The notice period to end the contract: '3 months' or '90 days'. A period before the end
    of the term comes first; the notice to terminate for a breach is not the one."""
    text = " ".join(s for s in re.split(r"(?<=[.;])\s+", clause.text) if not BREACH.search(s))
    renewal = _renewal(text)
    renewals = {renewal.span("n")} if renewal else set()
    for pattern in NOTICE:  # 'verlengd met één jaar, behoudens opzegging': not the notice
        for m in pattern.finditer(text):
            found = _months_or_days(m, lang) if m.span("n") not in renewals else None
            if found:
                return f"{found[0]} {found[1]}"
    return None


def read_renewal(clause: Clause, lang: str) -> int | None:
    """Months each automatic renewal adds; 0 when the contract says it is not renewed."""
    if NO_RENEWAL.search(clause.text):
        return 0
    annual = ANNUAL_RENEWAL.search(clause.text)
    first = _renewal(clause.text)
    if annual and (first is None or annual.start() <= first.start()):
        return 12  # 'renewable on an annual basis (for up to ten years)'
    months = _months_or_days(first, lang) if first else None
    return months[0] if months and months[1] == "months" else None


def _renewal(text: str) -> re.Match[str] | None:
    """The first statement of a renewal's length in the text."""
    found = [m for pattern in RENEWAL if (m := pattern.search(text))]
    return min(found, key=lambda m: m.start()) if found else None


def read_end_date(clause: Clause, lang: str, start: date | None = None) -> date | None:
    """The date after 'tot en met', 'eindigt op', 'until', 'expires on'; else the term's length
    from its start: 'for a period of five (5) years from the Effective Date'. The start is a
    date in the same sentence, else `start` (the document's effective date)."""
    for m in END_DATE.finditer(clause.text):
        dates = find_dates(m.group("d"), lang)
        if dates:
            return dates[0]
    return term_end(clause.text, lang, start or clause.doc.effective_date)


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20}
TERM_LENGTH = (  # the length of the term itself, never of a renewal or of what survives it
    re.compile(rf"\b(?P<o>{'|'.join(ORDINALS)})\s*(?:\(\d+(?:st|nd|rd|th)\)\s*)?anniversary", re.I),
    re.compile(r"\b(?P<d>\d+)(?:st|nd|rd|th)\s+anniversary", re.I),
    re.compile(rf"(?:date|day)\s+(?:that\s+is\s+|which\s+is\s+)?{DURATION}\s+(?:after|from|following)",
               re.I),
    re.compile(rf"{DURATION}\s+anniversary", re.I),
    re.compile(
        r"(?:initial\s+term|term\s+of\s+(?:this|the)\s+(?:agreement|contract)|"
        r"(?:agreement|contract|term)\s+(?:shall|will)\s+(?:\w+\s+)?(?:remain|continue|be|run|last)|"
        r"(?:remains?|continues?|be|is)\s+in\s+(?:full\s+)?(?:force|effect)|continue\s+thereafter|"
        r"\bvalid|terms?\s+(?:of\s+this\s+agreement\s+)?(?:shall\s+be|is)|appointment\s+is|"
        r"looptijd|duur|aangegaan|gesloten|\bloopt)"
        rf"[^.;]{{0,50}}?(?<![\w(]){DURATION}(?!\s+(?:thereafter|daarna|(?:after|following|na)\s+"
        r"(?:the\s+|het\s+)?(?:termination|expiration|expiry|end|einde|afloop|beëindiging)))", re.I),
)
START = re.compile(
    r"(?:effective(?:\s+(?:as\s+of|on|from))?|dated(?:\s+as\s+of)?|as\s+of|entered\s+into\s+(?:on|this)|"
    r"made\s+(?:on|this)|commenc\w*\s+(?:on|from)|begin\w*\s+on|starting\s+on|gaat\s+in\s+op|"
    r"ingaande|met\s+ingang\s+van|in\s+werking\s+op|ingangsdatum|effective\s+date)"
    r"\s*:?\s*(?:the\s+)?(?P<d>.{6,40})", re.I)


def term_end(text: str, lang: str, start: date | None) -> date | None:
    """The end of a term given as its length from its start. An English term 'from' a date
    ends on the anniversary (the start day is not counted); a Dutch 'ingaande'/'met ingang
    van' counts the start day, so the term ends the day before the anniversary."""
    for pattern in TERM_LENGTH:
        m = pattern.search(text)
        if m is None:
            continue
        months = _term_months(m, lang)
        begin = _start_near(text, m.start(), lang) or start
        if months is None or begin is None:
            return None
        end = add_months(begin, months[0]) + timedelta(days=months[1])
        return end - timedelta(days=1) if lang == "nl" else end
    return None


def _term_months(m: re.Match[str], lang: str) -> tuple[int, int] | None:
    """(months, days) a TERM_LENGTH match stands for."""
    groups = m.groupdict()
    if groups.get("o"):
        return ORDINALS[groups["o"].lower()] * 12, 0
    if groups.get("d"):
        return int(groups["d"]) * 12, 0
    found = _months_or_days(m, lang)
    if found is None:
        return None
    return (found[0], 0) if found[1] == "months" else (0, found[0])


def _start_near(text: str, at: int, lang: str) -> date | None:
    """A start date in the sentence around `at` ('commencing on March 1, 2025'), else one the
    text names as the start ('treedt in werking op 1 april 2025')."""
    begin = text.rfind(". ", 0, at) + 1
    end = text.find(". ", at)
    dates = find_dates(text[begin: end if end >= 0 else len(text)], lang)
    return dates[0] if dates else find_start_date(text, lang)


def find_start_date(text: str, lang: str = "nl") -> date | None:
    """The date a contract starts: 'dated as of March 27, 2019', 'entered into this 12th day of
    November, 2019', 'gaat in op 1 januari 2024', 'met ingang van 1 mei 2025'."""
    for m in START.finditer(text):
        dates = find_dates(m.group("d"), lang)
        if dates:
            return dates[0]
    return None


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


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
    "price_scope": read_price_scope,
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
    "any_amount": "", "price_scope": "",
    "days": "days", "working_days": "working days", "minutes": "minutes", "time_window": "hh:mm",
    "money": "EUR", "percent": "%", "date": "", "address": "", "price_table": "EUR",
}
