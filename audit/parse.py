"""Reading numbers, money and dates as contracts write them, in Dutch and English notation."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

import pandas as pd

from audit.models import Address

UNITS = {
    "een": 1, "één": 1, "eén": 1, "one": 1, "an": 1, "a": 1, "twee": 2, "two": 2, "drie": 3,
    "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7,
    "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9, "tien": 10, "ten": 10,
    "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12, "dertien": 13, "thirteen": 13,
    "veertien": 14, "fourteen": 14, "vijftien": 15, "fifteen": 15, "zestien": 16,
    "sixteen": 16, "zeventien": 17, "seventeen": 17, "achttien": 18, "eighteen": 18,
    "negentien": 19, "nineteen": 19, "half": 0.5,
}
TENS = {
    "twintig": 20, "twenty": 20, "dertig": 30, "thirty": 30, "veertig": 40, "forty": 40,
    "vijftig": 50, "fifty": 50, "zestig": 60, "sixty": 60, "zeventig": 70, "seventy": 70,
    "tachtig": 80, "eighty": 80, "negentig": 90, "ninety": 90, "honderd": 100, "hundred": 100,
}
_UNIT_WORDS = "|".join(sorted((w for w in UNITS if len(w) > 1), key=len, reverse=True))
_TEN_WORDS = "|".join(sorted(TENS, key=len, reverse=True))
# "dertig (30)", "thirty-five", "vijfenveertig", "30", "1.234,56", "1,234.56", "500,-"
NUMBER = (
    rf"(?:(?:(?:{_UNIT_WORDS})(?:en|ën)(?:{_TEN_WORDS})|{_TEN_WORDS}|{_UNIT_WORDS})[- ]?"
    rf"(?:duizend|thousand)"
    rf"|(?:{_UNIT_WORDS})(?:en|ën)(?:{_TEN_WORDS})|(?:{_TEN_WORDS})(?:[- ](?:{_UNIT_WORDS}))?"
    rf"|{_UNIT_WORDS}|\d{{1,3}}(?:[.,\s]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?(?:,-)?)"
    r"(?:\s*\(\s*\d+(?:[.,]\d+)?\s*\))?"
)
MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "maart": 3,
    "march": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6,
    "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
# 'the first day of July, 2017' (US contracts write the day in words)
DAY_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
DAY_WORDS |= {f"twenty{sep}{w}": 20 + i for w, i in list(DAY_WORDS.items())[:9] for sep in "- "}
DAY_WORDS |= {"thirtieth": 30, "thirty-first": 31, "thirty first": 31}
_DAY_WORDS = "|".join(sorted(DAY_WORDS, key=len, reverse=True))
DATE = re.compile(
    rf"\b(\d{{1,2}}|{_DAY_WORDS})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?({_MONTH_WORDS})\.?,?\s+"
    rf"(\d{{4}})\b"
    rf"|(?<![a-z])({_MONTH_WORDS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{{4}})\b"
    r"|\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2}(?![\d/]))\b"
    r"|\b(\d{4})-(\d{2})-(\d{2})\b",
    re.I,
)
MONEY = re.compile(
    rf"(?:€|eur(?:o)?\b)\s*(?P<a>-?{NUMBER})|(?<![\w-])(?P<b>-?\d[\d.,]*(?:,-)?)\s*(?:€|euro\b|eur\b)",
    re.I,
)

# an amount in another currency than the euro: never read as EUR, only kept as text
FOREIGN_MONEY = re.compile(
    r"(?P<c>US\$|\$|USD|£|GBP|CHF|¥|JPY)\s*(?P<a>\d[\d.,]*\d|\d)"
    r"|(?<![\w.,])(?P<b>\d[\d.,]*\d|\d)\s*(?P<d>(?:US\s+)?dollars?|USD|GBP|CHF|pounds\s+sterling)\b",
    re.I,
)
_CURRENCY = {"us$": "USD", "$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "chf": "CHF",
             "¥": "JPY", "jpy": "JPY"}


def find_foreign_money(text: str) -> list[str]:
    """Every amount in another currency, as written with its ISO code: '$250,000.00' ->
    'USD 250,000.00', '100,000 US dollars' -> 'USD 100,000'. Never converted to euros."""
    found = []
    for m in FOREIGN_MONEY.finditer(text):
        sign = (m.group("c") or m.group("d")).lower()
        code = _CURRENCY.get(sign) or ("GBP" if "pound" in sign else "USD")
        found.append(f"{code} {m.group('a') or m.group('b')}")
    return found


def number_value(text: str, lang: str = "nl") -> Decimal | None:
    """The value of a number as written: '30', 'dertig (30)', 'thirty-five', '1.234,56'."""
    text = text.strip().lower()
    paren = re.search(r"\(\s*(\d+(?:[.,]\d+)?)\s*\)", text)
    if paren:
        return decimal_value(paren.group(1), lang)
    if re.match(r"^-?\d", text):
        return decimal_value(text, lang)
    return _word_value(text)


def _word_value(text: str) -> Decimal | None:
    for thousand in ("duizend", "thousand"):
        if text.endswith(thousand) and text != thousand:
            base = _word_value(text[: -len(thousand)].rstrip(" -"))
            return base * 1000 if base is not None else None
    m = re.fullmatch(rf"({_UNIT_WORDS})(?:en|ën)({_TEN_WORDS})", text)
    if m:
        return Decimal(UNITS[m.group(1)]) + TENS[m.group(2)]
    m = re.fullmatch(rf"({_TEN_WORDS})(?:[- ]({_UNIT_WORDS}))?", text)
    if m:
        return Decimal(TENS[m.group(1)]) + Decimal(str(UNITS.get(m.group(2) or "", 0)))
    if text in UNITS:
        return Decimal(str(UNITS[text]))
    return None


def decimal_value(text: str, lang: str = "nl") -> Decimal | None:
    """'1.234,56' (nl) / '1,234.56' (en) / '12,50' / '12.50' / '500,-' -> Decimal."""
    s = text.strip().replace(" ", "").replace("\u00a0", "")
    s = s.removesuffix(",-").removesuffix(".-")
    if not s:
        return None
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "," in s:
        head, _, tail = s.rpartition(",")
        s = s.replace(",", "") if (len(tail) == 3 and lang == "en") else s.replace(",", ".")
        if s.count(".") > 1:
            s = s.replace(".", "", s.count(".") - 1)
    elif "." in s:
        head, _, tail = s.rpartition(".")
        if s.count(".") > 1 or (len(tail) == 3 and lang == "nl"):
            s = s.replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def find_dates(text: str, lang: str = "nl") -> list[date]:
    """Every date written in the text, in order: '1 maart 2026', 'March 1, 2026', '01-03-2026'.
    In English text a date with slashes is month/day/year, also with two digits ('7/1/98')."""
    found = []
    for m in DATE.finditer(text):
        try:
            day = _date(m.groups(), lang == "en" and "/" in m.group(0))
        except ValueError:
            continue  # 31 februari: not a date
        if day is not None:
            found.append(day)
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


def find_money(text: str, lang: str = "nl") -> list[Decimal]:
    """Every euro amount in the text: '€ 1.234,56', 'EUR 1,234.56', '500 euro'."""
    amounts = []
    for m in MONEY.finditer(text):
        value = number_value(m.group("a") or m.group("b"), lang)
        if value is not None:
            amounts.append(value)
    return amounts


ADDRESS = re.compile(
    r"(?P<street>[A-Z][\w'.\-]*(?:\s+[\w'.\-]+){0,3}?)\s+(?P<nr>\d{1,5}(?:\s?[-]?\s?[a-zA-Z]{1,2}\b)?)"
    r"\s*,?\s+(?P<pc>\d{4}\s?[A-Z]{2})\s+(?P<city>'?[A-Za-z][\w'\-]*(?:[ \-][A-Z][\w'\-]*)*)"
)


def parse_address(text: str) -> Address | None:
    """An address written on one line, e.g. from the ERP: 'Industrieweg 12, 5048 AB Tilburg'."""
    m = ADDRESS.search(text or "")
    if not m:
        return None
    pc = m.group("pc").replace(" ", "").upper()
    return Address(m.group("street").strip(), m.group("nr").replace(" ", ""),
                   f"{pc[:4]} {pc[4:]}", m.group("city").rstrip("."))


ADDRESS_KEY = (
    r"(?P<nr>\d{1,5})(?:\s*-?\s*(?P<add>[a-zA-Z]{1,2})\b)?\s*,?\s*"
    r"(?P<pc4>[1-9]\d{3})\s?(?P<pc2>[a-zA-Z]{2})\b"
)


def address_keys(addresses: pd.Series) -> pd.Series:
    """(postcode, house number) per address, whatever the spelling of the rest; '' if unreadable."""
    parts = addresses.fillna("").astype(str).str.extract(ADDRESS_KEY)
    key = (parts["pc4"] + " " + parts["pc2"].str.upper() + "|" + parts["nr"]
           + parts["add"].fillna("").str.upper())
    return key.fillna("")


def address_key(address: Address) -> str:
    """The same key for an address read from a contract."""
    pc = address.postcode.replace(" ", "").upper()
    return f"{pc[:4]} {pc[4:]}|{address.house_number.upper()}"
