"""Reading a rule's values from a clause, each through the value grammar (grammar.py): the
reader of each value type (the types and their units are the core's rule_model.VALUE_UNITS)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from audit.core.addresses import parse_address
from audit.core.dates import day_month
from audit.core.grammar import Duration, durations, euros, numbers, percents
from audit.core.parse import find_dates, find_foreign_money
from audit.core.rule_model import VALUE_UNITS
from audit.models import Address, Clause
from audit.rules.days import read_days
from audit.rules.payment_basis import read_payment_basis
from audit.rules.price_tables import PriceTable, read_price_table, table_tiers
from audit.rules.scope import read_price_scope
from audit.rules.term_values import (  # noqa: F401  (find_start_date: part of this module's API)
    find_start_date,
    read_end_date,
    read_notice,
    read_renewal,
    read_start_date,
)

__all__ = ["READERS", "UNITS", "VALUE_TYPES", "PriceTable", "find_start_date",
           "read_foreign_amount", "read_value"]


def read_value(kind: str, clause: Clause, lang: str, start: date | None = None) -> Any:
    """The value of type `kind` in the clause, or None when the clause does not state it;
    `start` is the document's start date, for an end date given as a term's length."""
    if kind == "end_date":
        return read_end_date(clause, lang, start)
    return VALUE_TYPES[kind].reader(clause, lang)


def _first(found: list[Duration], units: set[str]) -> Duration | None:
    return next((d for d in found if d.unit in units), None)


WORKING_DAYS_PER_WEEK = 5  # any seven days in a row hold five weekdays


def read_working_days(clause: Clause, lang: str) -> int | None:
    """Working days: '5 werkdagen', 'op de vierde werkdag' (4), 'the next working day' (1),
    'binnen twee weken' (10); not calendar days or hours (which working days they are depends
    on the weekday and the holidays)."""
    d = _first(durations(clause.text, lang), {"working_days", "weeks"})
    if d is None or d.ordinal and d.unit == "weeks":
        return None
    return int(d.n * (WORKING_DAYS_PER_WEEK if d.unit == "weeks" else 1))


def read_minutes(clause: Clause, lang: str) -> int | None:
    """Minutes: '30 min.', 'een half uur' (30), 'drie kwartier' (45), '2 hours' (120)."""
    d = _first(durations(clause.text, lang), {"minutes", "quarter_hours", "hours"})
    return d.minutes() if d else None


TIME_WINDOW = re.compile(
    r"\b(\d{1,2})[:.](\d{2})\s*(?:uur\s*)?(?:-|–|tot|en|to|and)\s*(\d{1,2})[:.](\d{2})")


def read_time_window(clause: Clause, lang: str) -> str | None:
    """A time of day window: '7:00 en 16.30 uur' -> '07:00-16:30'."""
    m = TIME_WINDOW.search(clause.text)
    if not m:
        return None
    a, b, c, d = (int(x) for x in m.groups())
    return f"{a:02d}:{b:02d}-{c:02d}:{d:02d}"


# the words that make an amount or percentage a maximum ('maximaal € 250', 'capped at 2.5%')
CAP_BEFORE = re.compile(
    r"(?:maximum|maximaal|max\.?|ten\s+hoogste|hooguit|capped\s+at|up\s+to|at\s+most|"
    r"not\s+more\s+than|no\s+more\s+than|niet\s+meer\s+dan|not\s+(?:to\s+)?exceed|exceeding|limited\s+to|"
    # 'shall not increase by more than the lesser of 3% and …', 'niet met meer dan 3%'
    r"by\s+more\s+than|met\s+meer\s+dan|"
    r"begrensd\s+(?:op|tot)|gemaximeerd\s+(?:op|tot)|beperkt\s+tot|hoogstens|"
    r"niet\s+hoger\s+dan|plafond)\s+(?:(?:van|of|een|a|the|totaal|total|in\s+total|"
    r"bedraagt|is|in\s+totaal|lesser|lower|laagste)\s+){0,3}$", re.I)


def _capped(text: str, start: int) -> bool:
    return bool(CAP_BEFORE.search(text, max(0, start - 60), start))


def read_money(clause: Clause, lang: str) -> Decimal | None:
    """The first euro amount; an amount in another currency is never read as euros."""
    found = euros(clause.text, lang)
    return found[0].amount if found else None


def read_foreign_amount(clause: Clause, lang: str) -> str | None:
    """An amount in another currency, as text ('USD 250,000.00'); never a euro amount."""
    amounts = find_foreign_money(clause.text)
    return amounts[0] if amounts else None


def read_percent(clause: Clause, lang: str) -> Decimal | None:
    """The first percentage that is not a maximum (else the first one)."""
    found = percents(clause.text, lang)
    plain = [p for p in found if not _capped(clause.text, p.start)]
    return (plain or found)[0].value if found else None


def read_cap_percent(clause: Clause, lang: str) -> Decimal | None:
    """The percentage after 'maximum', 'maximaal', 'capped at', 'up to'."""
    return next((p.value for p in percents(clause.text, lang) if _capped(clause.text, p.start)),
                None)


def read_cap_amount(clause: Clause, lang: str) -> Decimal | None:
    """The euro amount after 'maximaal', 'maximum', 'capped at': '… maximaal € 250'."""
    return next((m.amount for m in euros(clause.text, lang) if _capped(clause.text, m.start)),
                None)


PER_UNIT = re.compile(
    r"(?:per|for\s+each|for\s+every|each|every|voor\s+elke|voor\s+iedere|elke|iedere|a)\s+"
    r"(?:(?:full|complete|volle|gehele|started|begonnen|calendar)\s+)?"
    r"(?P<u>werkdag|working\s+day|business\s+day|kalenderdag|dag|day|week)(?![\w])", re.I)


def read_per_unit(clause: Clause, lang: str) -> str | None:
    """'working_day', 'day' or 'week': what a penalty is per."""
    m = PER_UNIT.search(clause.text)
    if m is None:
        return None
    unit = m.group("u").lower()
    if unit in {"werkdag", "working day", "business day"} or "working" in unit or "business" in unit:
        return "working_day"
    return "week" if unit == "week" else "day"


RATE_PER = re.compile(r"\s*(?:,-\s*)?" + PER_UNIT.pattern, re.I)


def read_rate_amount(clause: Clause, lang: str) -> Decimal | None:
    """A fixed euro amount per day or week late, not the cap: '€ 25 per dag vertraging', 'per
    dag vertraging € 40'."""
    text = clause.text
    amounts = [m for m in euros(text, lang) if not _capped(text, m.start)]
    after = next((m for m in amounts if RATE_PER.match(text, m.end)), None)
    if after is not None:
        return after.amount
    for m in amounts:  # 'per dag vertraging is € 40 verschuldigd': the unit before, same sentence
        sentence = text[text.rfind(". ", 0, m.start) + 1:m.start]
        if PER_UNIT.search(sentence):
            return m.amount
    return None


# pieces, or a countable packing unit ('12.000 rollen', '3.000 dozen', '500 cartons')
PACKING = re.compile(
    r"[\s)]*(?:stuks?|st\.|eenheden|units?|pieces?|pcs|rollen|rol|dozen|doos|colli|pallets?|"
    r"rolls|boxes|cartons|crates|kratten|cases|bottles|flessen|vials|pakken|pak|packs?|zakken|bags|paar|pairs|"
    r"sets?|blikken|cans|bussen|kokers|tubes|liters?|kg|ton|meters?|pounds|lbs\.?|tons|tonnes|"
    r"metric\s+tons|gallons|barrels|kilograms?|kilos|litres|licen[cs]es|seats|doses|kits|"
    r"tablets)(?![\w])", re.I)
OF_ITEM = re.compile(r"\s+\w+\s+(?:van\s+(?:het\s+)?artikel|of\s+(?:the\s+)?(?:item|article|product))",
                     re.I)


# a minimum just before a figure ('at least', 'not less than', 'no fewer than', 'a minimum of',
# 'ten minste', 'minimaal'): what follows the figure is what is counted, whatever its word
MINIMUM_BEFORE = re.compile(
    r"(?:at\s+least|no[t]?\s+(?:less|fewer)\s+than|minimum\s+(?:of\s+)?|ten\s+minste|"
    r"minimaal|minstens|niet\s+minder\s+dan)\s*(?:\w+\s+)?$", re.I)
# …but not when that word is a time, money, a share or a connective: '30 days', '5 %', 'EUR'
COUNTED = re.compile(r"[\s)]*(?!(?:working|business|calendar|werk|kalender)?\s*(?:days?|dag(?:en)?|"
                     r"weeks?|we+k(?:en)?|months?|maand(?:en)?|years?|ja(?:a)?r(?:en)?|hours?|uur|"
                     r"uren|minutes?|minuten|percent|per\s*cent|procent|times|keer|maal|euros?|"
                     r"eur|usd|dollars?|gbp|than|dan|of|van|and|en|or|to|per|in|the|de|het|"
                     r"een|a|an|such|other|additional|more|further|zulke|andere|extra)(?![\w]))[^\W\d_]{3,}",
                     re.I)
# the words of buying: a counted minimum in a sentence without them is not a quantity bought
BUYING = re.compile(r"\b(?:purchas|order|buy|bought|acquir|afne|afgenomen|bestel|inko|inge?kocht|"
                    r"koop|kopen|koopt)", re.I)


def read_quantity(clause: Clause, lang: str) -> Decimal | None:
    """A number of units: '10.000 stuks', 'tienduizend (10.000) stuks', '3.000 dozen van
    artikel …', '12,000 units', or any counted thing right after a minimum ('at least five
    hundred (500) licences', 'not less than 10,000 kilograms'); a redacted figure ('[***]
    units') is none."""
    text = clause.text
    found = [n for n in numbers(text, lang) if not n.ordinal
             and not _capped(text, n.start)]  # 'up to 500 units', 'maximaal': a cap, never bought
    for n in found:
        if PACKING.match(text, n.end) or OF_ITEM.match(text, n.end):
            return n.value
    if not BUYING.search(text):
        return None  # 'shall meet at least two times a year': a minimum, but of nothing bought
    for n in found:
        if MINIMUM_BEFORE.search(text[max(0, n.start - 40):n.start]) and COUNTED.match(text, n.end):
            return n.value
    return None


CODE_AFTER = re.compile(
    r"(?:artikel(?:groep|nummer|nr\.?)?|article(?:\s+(?:no\.?|number))?|item(?:\s+(?:group|"
    r"no\.?|code|number))?|product(?:groep|group|code)?|art\.\s*(?:nr\.?)?|sku|code)\s*:?\s*"
    r"(?P<c>(?=[\w.\-/]*\d)[A-Za-z0-9]+(?:[.\-/][A-Za-z0-9]+)*)", re.I)


# 'artikel 4.2', 'article 12': a reference to a clause, not an item
CLAUSE_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*[a-z]?|[IVXL]+")


# a code-shaped token: letters and at least two digits joined by separators ('BT.6102-10')
CODE_NEAR = re.compile(r"(?<![\w.\-/])(?=[\w.\-/]*[A-Za-z])(?=(?:[\w.\-/]*?\d){2})"
                       r"[A-Za-z0-9]+(?:[.\-/][A-Za-z0-9]+)+(?![\w\-/])")


def read_item(clause: Clause, lang: str) -> str | None:
    """The item code (or item-group prefix) a commitment is for: 'van artikel BT.6102-09',
    'for item group X7/220'."""
    for m in CODE_AFTER.finditer(clause.text):
        code = m.group("c").rstrip(".")
        if not CLAUSE_NUMBER.fullmatch(code):
            return code
    text = clause.text
    for n in numbers(text, lang):  # '400 pakken werkhandschoenen BT.6102-10': near the quantity
        unit = PACKING.match(text, n.end)
        if unit and (code := CODE_NEAR.search(text[unit.end():unit.end() + 60].split(". ")[0])):
            return code.group(0)
    return None


DISCOUNT = re.compile(r"korting|discount|reduction|prijsvoordeel|lager|below|rebate", re.I)
PER_PIECE = re.compile(r"\s*(?:per|/|each|a)\s*(?:stuk|st\.|piece|unit|eenheid|item|doos|box|"
                       r"pak|pack|rol|roll)", re.I)


def read_discount_per_unit(clause: Clause, lang: str) -> Decimal | None:
    """A discount stated per unit: 'een korting van € 0,50 per stuk'."""
    text = clause.text
    for m in euros(text, lang):
        if PER_PIECE.match(text, m.end) and DISCOUNT.search(text, max(0, m.start - 60), m.start):
            return m.amount
    return None


_EACH = r"(?:per|elk|ieder|elke|iedere|each|every|any|in\s+(?:any|each|een|a))"
PERIOD = re.compile(
    rf"(?P<q>{_EACH}\s+(?:kalender)?kwartaal|{_EACH}\s+(?:calendar\s+)?quarter|quarterly|"
    # a bare 'kwartaal…' ('op kwartaalbasis', 'kwartaalafname'), not one quarter named by its
    # place ('te verrekenen in het eerste kwartaal'), which is a time, not the period counted
    r"driemaandelijks|(?<!eerste\s)(?<!tweede\s)(?<!derde\s)(?<!vierde\s)(?<!laatste\s)"
    r"(?<!volgende\s)kwartaal\w*)"
    rf"|(?P<m>{_EACH}\s+(?:kalender)?maand|{_EACH}\s+(?:calendar\s+)?month|monthly|maandelijks)"
    rf"|(?P<y>{_EACH}\s+(?:kalender|contract)?jaar|jaarlijks\w*|jaaromzet|jaarafname|"
    rf"{_EACH}\s+(?:calendar\s+|contract\s+|product\s+|fiscal\s+|agreement\s+)?year|"
    # 'in the first Product Year', 'each twelve (12) month period', 'in het eerste contractjaar'
    r"(?:first|second|third|next|(?:next\s+)?succeeding|eerste|tweede|derde|volgende)\s+"
    r"(?:(?:calendar|contract|product|fiscal|agreement)\s+)?year\b|"
    r"(?:eerste|tweede|derde|volgende)\s+(?:kalender|contract)?jaar\b|"
    rf"{_EACH}\s+(?:twelve|12)\s*(?:\(12\)\s*)?[\s-]*months?[\s-]+period|"
    r"annual(?:ly)?|yearly|per\s+annum)",
    re.I,
)


def read_period(clause: Clause, lang: str) -> str | None:
    """'year', 'quarter' or 'month': the period a commitment or rebate counts over."""
    m = PERIOD.search(clause.text)
    if m is None:
        return None
    return "quarter" if m.group("q") else "month" if m.group("m") else "year"


def read_tiers(clause: Clause, lang: str) -> tuple[tuple[Decimal, Decimal], ...] | None:
    """Rebate tiers ((threshold, percent), ...): from a table's rows, else each percentage with
    the amount it goes with in the text."""
    tiers = table_tiers(clause.tables) or _tiers_in_parts(clause.text, lang)
    if not tiers:  # '... vanaf € 500.000 ontvangt Afnemer een bonus van 2% ...' across parts
        amounts, pcts = euros(clause.text, lang), percents(clause.text, lang)
        if len(amounts) == len(pcts) and amounts:
            tiers = [(a.amount, p.value) for a, p in zip(amounts, pcts, strict=True)]
    return tuple(sorted(tiers)) or None


TIER_PARTS = re.compile(r",\s+|\s+en\s+|\s+and\s+|;")


def _tiers_in_parts(text: str, lang: str) -> list[tuple[Decimal, Decimal]]:
    """Each part of the text (between commas, semicolons, 'and') with one amount and one
    percentage is a tier; a part with only an amount and the next with only a percentage, or
    the other way round, are one tier too ('where they exceed EUR 200,000, 2%')."""
    tiers: list[tuple[Decimal, Decimal]] = []
    amount: Decimal | None = None  # the lone amount or percentage of the part before
    pct: Decimal | None = None
    for part in TIER_PARTS.split(text):
        amounts, pcts = euros(part, lang), percents(part, lang)
        if len(amounts) == 1 and len(pcts) == 1:
            tiers.append((amounts[0].amount, pcts[0].value))
            amount = pct = None
        elif len(amounts) == 1 and not pcts:
            if pct is not None:
                tiers.append((amounts[0].amount, pct))
            amount, pct = (None if pct is not None else amounts[0].amount), None
        elif len(pcts) == 1 and not amounts:
            if amount is not None:
                tiers.append((amount, pcts[0].value))
            amount, pct = None, (None if amount is not None else pcts[0].value)
        else:
            amount = pct = None
    return tiers


# a (compound) word ending in 'index', with up to three capitalised words before it and an
# acronym after it ('Consumer Price Index (CPI)', 'CBS-index', 'consumentenprijsindex'), or an
# index acronym on its own
INDEX = re.compile(r"(?:\b[A-Z][\w-]*\s+){0,3}\b[\w-]*[Ii]ndex(?:cijfer)?\b(?:\s*\([A-Z]{2,}\))?"
                   r"|\b(?:CPI|HICP|PPI|RPI)\b")
ARTICLE = re.compile(r"^(?:(?:de|het|the|een|an?|this|deze|dat|that)\s+)+", re.I)


def read_index(clause: Clause, lang: str) -> str | None:
    """The index prices follow: 'CBS-index', 'consumentenprijsindex (CPI)', 'HICP'."""
    for m in INDEX.finditer(clause.text):
        name = ARTICLE.sub("", m.group(0).strip())
        if name.lower() not in {"index", "indexcijfer"}:
            return name
    return None


def read_day_month(clause: Clause, lang: str) -> str | None:
    """A yearly date without a year: 'per 1 januari' -> '01-01', 'as of July 1' -> '01-07'."""
    return day_month(clause.text)


def read_date(clause: Clause, lang: str) -> date | None:
    """The first date in the clause."""
    found = find_dates(clause.text, lang)
    return found[0] if found else None


def read_address(clause: Clause, lang: str) -> Address | None:
    """An address: street and number, postcode and town."""
    return parse_address(clause.text)


ANY = re.compile(r"(?:€|eur\b|\d)[^.;]{0,30}?(?:%|procent|percent|stuks|units|dagen|days|"
                 r"werkdagen|uur|hours|minuten|minutes|weken|weeks|maanden|months|jaar|years)",
                 re.I)


def read_agreement_amount(clause: Clause, lang: str) -> str | None:
    """Any amount, percentage, quantity or period in the text (for unmatched agreements)."""
    text = clause.text
    spans = [(m.start, m.end) for m in euros(text, lang)]
    spans += [(p.start, p.end) for p in percents(text, lang)]
    spans += [(d.start, d.end) for d in durations(text, lang) if not d.ordinal]
    spans += [(n.start, m.end()) for n in numbers(text, lang)
              if (m := PACKING.match(text, n.end)) and not n.ordinal]
    if not spans:
        return None
    start, end = min(spans)
    return text[start:end].strip()


@dataclass(frozen=True)
class ValueType:
    """How a value type is read, and the unit it is reported in (terms.csv)."""

    reader: Callable[[Clause, str], Any]
    unit: str


# the reader of each value type of the core's table (rule_model.VALUE_UNITS: the types a rule
# may name, each with its unit)
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
    "quantity": read_quantity,
    "period": read_period,
    "per_unit": read_per_unit,
    "cap_percent": read_cap_percent,
    "cap_amount": read_cap_amount,
    "rate_amount": read_rate_amount,
    "tiers": read_tiers,
    "notice": read_notice,
    "renewal_months": read_renewal,
    "end_date": read_end_date,
    "start_date": read_start_date,
    "day_month": read_day_month,
    "index_name": read_index,
    "item": read_item,
    "discount_per_unit": read_discount_per_unit,
    "any_amount": read_agreement_amount,
    "price_scope": read_price_scope,
    "payment_basis": read_payment_basis,
}
VALUE_TYPES: dict[str, ValueType] = {name: ValueType(READERS[name], unit)
                                     for name, unit in VALUE_UNITS.items()}
UNITS: dict[str, str] = VALUE_UNITS  # the units as matching and the overrides look them up
