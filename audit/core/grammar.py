"""One value grammar for every rule: numbers, money, percentages, durations and ordinals, each
with its span in the text, in Dutch and English wording and in either number notation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from text_to_num import alpha2digit

from audit.core.dates import DateValue, dates  # noqa: F401  (part of the grammar's surface)


@dataclass(frozen=True)
class Number:
    """A number as written, `ordinal` for 'vierde', '5e', 'fifth (5th)'."""

    value: Decimal
    start: int
    end: int
    ordinal: bool = False


@dataclass(frozen=True)
class Money:
    """An amount with its ISO currency; only `EUR` amounts are ever checked or summed."""

    amount: Decimal
    currency: str
    start: int
    end: int

    @property
    def text(self) -> str:
        """The amount as text with its code, for a value that is not euros: 'USD 250000'."""
        return f"{self.currency} {self.amount}"


@dataclass(frozen=True)
class Percent:
    """A percentage: '2,5%', '3 procent', 'ten percent'."""

    value: Decimal
    start: int
    end: int


# minutes per unit for the units a clock measures; the calendar units count in days
MINUTES_PER = {"minutes": 1, "quarter_hours": 15, "hours": 60}
# a month counts as 30 days and a year as 365 where a value is wanted in days ('binnen één
# maand' -> 30 days); a term's end date adds calendar months instead (term_values.add_months)
DAYS_PER = {"days": 1, "weeks": 7, "months": 30, "years": 365}
MONTHS_PER = {"months": 1, "years": 12}


@dataclass(frozen=True)
class Duration:
    """A length of time: n units; `ordinal` for 'op de vierde werkdag' (the 4th working day)."""

    n: Decimal
    unit: str  # minutes, quarter_hours, hours, days, working_days, weeks, months, years
    start: int
    end: int
    ordinal: bool = False

    def minutes(self) -> int | None:
        """The duration in minutes, for the clock units only."""
        per = MINUTES_PER.get(self.unit)
        return None if per is None else int(self.n * per)

    def days(self) -> int | None:
        """The duration in calendar days (a month is 30), for the calendar units only."""
        per = DAYS_PER.get(self.unit)
        return None if per is None else int(self.n * per)

    def months(self) -> int | None:
        """The duration in whole months, for months and years only."""
        per = MONTHS_PER.get(self.unit)
        return None if per is None else int(self.n * per)


_CARDINALS_NL = ("nul een één eén twee drie vier vijf zes zeven acht negen tien elf twaalf "
                 "dertien veertien vijftien zestien zeventien achttien negentien twintig dertig "
                 "veertig vijftig zestig zeventig tachtig negentig honderd duizend miljoen miljard")
_CARDINALS_EN = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                 "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
                 "sixty seventy eighty ninety hundred thousand million billion")
_ORDINALS = ("eerste derde first second third fifth eighth ninth twelfth twentieth thirtieth "
             "fortieth fiftieth sixtieth seventieth eightieth ninetieth")
_MORPH = "|".join(sorted({*_CARDINALS_NL.split(), *_CARDINALS_EN.split(), "en", "ën"},
                         key=len, reverse=True))
# a number word: an ordinal, or number morphemes run together ('vijfenveertig', 'tweehonderd'),
# with an ordinal ending ('vierde', 'twintigste', 'sixth'); text2num decides what is a number
_WORD = (rf"(?:{'|'.join(_ORDINALS.split())}|(?:{_MORPH})+(?:ste|de|th)?)")
# a number word joined to its unit by a hyphen counts ('a one-year term', 'a thirty-day period')
_HYPHEN_UNIT = r"-(?:years?|months?|weeks?|days?|hours?|minutes?|jarige?|maands|weekse|daagse)\b"
WORDS = re.compile(rf"(?<![\w-]){_WORD}(?:(?:[\s-]+(?:and\s+|en\s+)?){_WORD})*"
                   rf"(?![\w]|-(?!{_HYPHEN_UNIT[1:]}))", re.I)
# digits: '1.234,56', '1,234.56', '12,50', '10.000', '1 000' (with a non-breaking space), '500,-'
# (never a part of an item code 'BT.3120-05', a date '01-03-2026' or a time '15:00')
DIGITS = re.compile(
    r"(?<![\w.,/:-])(?P<n>\d{1,3}(?P<sep>[.,\u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)(?P<dash>[.,]-)?(?P<ord>e|ste|de|st|nd|rd|th)?(?![\w])", re.I)
PAREN = re.compile(r"\s*\(\s*(\d[\d.,]*)\s*(?:e|ste|de|st|nd|rd|th)?\s*\)", re.I)
SCALE = re.compile(r"\s+(?P<s>miljoen|million|mln\.?|miljard|billion|duizend|thousand)\b", re.I)
SCALES = {"miljoen": 10**6, "million": 10**6, "mln": 10**6, "mln.": 10**6, "miljard": 10**9,
          "billion": 10**9, "duizend": 1000, "thousand": 1000}
HALF = re.compile(r"(?<![\w-])(?:(?:een|a)\s+)?half(?:\s+an?(?=\s))?(?![\w-])"
                  r"|(?<![\w-])(?P<one>anderhal(?:f|ve)|one\s+and\s+a\s+half)(?![\w-])", re.I)
PLUS_HALF = re.compile(r"\s*(?:ënhalf|enhalf|½|(?:\s+en\s+een|\s+and\s+a|-and-a)[\s-]+half)"
                       r"(?![\w-])", re.I)
NEXT = re.compile(r"(?<![\w-])(?:eerstvolgende|volgende|next|following)(?=\s)", re.I)


def decimal_of(digits: str) -> Decimal | None:
    """The value of a number in digits, the decimal separator decided by its shape: the last of
    two different separators; one separator before exactly three digits groups thousands."""
    s = digits.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    s = re.sub(r"[.,]-$", "", s)
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif s.count(",") + s.count(".") > 1:
        s = s.replace(",", "").replace(".", "")
    elif m := re.fullmatch(r"(\d+)[.,](\d+)", s):
        thousands = len(m.group(2)) == 3 and m.group(1) != "0"
        s = m.group(1) + m.group(2) if thousands else f"{m.group(1)}.{m.group(2)}"
    try:
        return Decimal(s) if s else None
    except InvalidOperation:
        return None


def word_value(words: str, lang: str = "nl") -> tuple[Decimal, bool] | None:
    """(value, is_ordinal) of number words ('vijfenveertig', 'two hundred and fifty thousand',
    'vierde', 'twenty-first'), by text2num in the clause's language, then the other one."""
    for language in (lang, "en" if lang == "nl" else "nl"):
        out = alpha2digit(words, language, threshold=0).strip()
        if m := re.fullmatch(r"(\d+)(e|ste|de|st|nd|rd|th)?", out):
            return Decimal(m.group(1)), bool(m.group(2))
    return None


def numbers(text: str, lang: str = "nl") -> list[Number]:
    """Every number in the text, in order: digits, words, ordinals and halves; a word with its
    figure in brackets ('dertig (30)', 'fifth (5th)') is one number, valued by the figure."""
    return list(_numbers(text, lang))


@lru_cache(maxsize=2048)  # every reader of a clause scans the same text
def _numbers(text: str, lang: str) -> tuple[Number, ...]:
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    for m in HALF.finditer(text):
        found.append(Number(Decimal("1.5") if m.group("one") else Decimal("0.5"),
                            m.start(), m.end()))
        taken.append(m.span())
    for m in WORDS.finditer(text):
        found += _word_numbers(text, m, lang, taken)
    for m in DIGITS.finditer(text):
        if _overlaps(m.span(), taken) or _inside(m.start(), found):
            continue
        value = decimal_of(m.group("n") + (m.group("dash") or ""))
        if value is not None:
            found.append(_extend(text, Number(value, m.start(), m.end(), bool(m.group("ord")))))
    return tuple(_join_halves(text, sorted(found, key=lambda n: n.start)))


def _join_halves(text: str, found: list[Number]) -> list[Number]:
    """'twee en een half', 'two and a half': the number and its half as one."""
    out: list[Number] = []
    for n in found:
        prev = out[-1] if out else None
        if prev and n.start < prev.end:
            continue  # 'a half' inside 'two and a half'
        if (prev and n.value == Decimal("0.5") and not prev.ordinal
                and re.fullmatch(r"\s+(?:en|and)\s+", text[prev.end:n.start], re.I)):
            out[-1] = Number(prev.value + n.value, prev.start, n.end)
        else:
            out.append(n)
    return out


def _word_numbers(text: str, m: re.Match[str], lang: str,
                  taken: list[tuple[int, int]]) -> list[Number]:
    """The numbers of a run of number words: the run as one, else each word on its own (and
    none that is part of a half: 'een half')."""
    whole = None if _overlaps(m.span(), taken) else word_value(m.group(0), lang)
    if whole is not None:
        return [_extend(text, Number(whole[0], m.start(), m.end(), whole[1]))]
    out = []
    for w in re.finditer(_WORD, m.group(0), re.I):
        span = (m.start() + w.start(), m.start() + w.end())
        value = None if _overlaps(span, taken) else word_value(w.group(0), lang)
        if value is not None:
            out.append(_extend(text, Number(value[0], *span, value[1])))
    return out


def _extend(text: str, n: Number) -> Number:
    """A number with what follows it: its figure in brackets, a scale word, 'and a half'."""
    if (p := PAREN.match(text, n.end)) and (value := decimal_of(p.group(1))) is not None:
        n = Number(value, n.start, p.end(), n.ordinal)
    if s := SCALE.match(text, n.end):
        n = Number(n.value * SCALES[s.group("s").lower()], n.start, s.end(), n.ordinal)
    if h := PLUS_HALF.match(text, n.end):
        n = Number(n.value + Decimal("0.5"), n.start, h.end(), n.ordinal)
    return n


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def _inside(at: int, found: list[Number]) -> bool:
    return any(n.start <= at < n.end for n in found)


CURRENCIES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "euro's": "EUR",
              "us$": "USD", "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
              "us dollars": "USD", "us dollar": "USD", "£": "GBP", "gbp": "GBP", "pound": "GBP",
              "pounds": "GBP", "pounds sterling": "GBP", "pound sterling": "GBP", "chf": "CHF",
              "¥": "JPY", "jpy": "JPY"}
_SIGNS = r"€|US\$|\$|£|¥"
_CODES = r"EUR|USD|GBP|CHF|JPY"
CURRENCY_BEFORE = re.compile(rf"(?:(?P<s>{_SIGNS})|\b(?P<c>{_CODES}|euro)\b\.?)\s*$", re.I)
CURRENCY_AFTER = re.compile(
    rf"\s*(?:(?P<s>€)|(?P<c>{_CODES}|euro(?:'s|s)?|(?:us\s+)?dollars?|pounds?(?:\s+sterling)?)"
    r"(?![\w]))", re.I)
PERCENT_AFTER = re.compile(r"\s*(?:%|procent\b|percent\b|per\s+cent\b|pct\b\.?)", re.I)


# thousands grouped by an ordinary space, as typed: '€ 1 250,-', 'EUR 12 500,00'; only read as
# one amount beside a currency ('artikel 3 250 stuks' stays two numbers)
SPACED = re.compile(r"\d{1,3}(?: \d{3})+(?:,-|[.,]\d{1,2}(?!\d))?(?![\d.,]\d)")


def money(text: str, lang: str = "nl") -> list[Money]:
    """Every amount with a currency sign or code before or after it, in order."""
    found: list[Money] = []
    taken = 0  # the end of an amount whose groups were joined
    for n in numbers(text, lang):
        if n.ordinal or n.start < taken:
            continue
        value, end_n = n.value, n.end
        spaced = SPACED.match(text, n.start)
        if spaced and spaced.end() > n.end:
            value, end_n = decimal_of(spaced.group(0)) or n.value, spaced.end()
        before = CURRENCY_BEFORE.search(text, max(0, n.start - 8), n.start)
        after = CURRENCY_AFTER.match(text, end_n)
        m = before or after
        if m is None:
            continue
        if end_n > n.end:
            taken = end_n
        sign = " ".join((m.group("s") or m.group("c")).lower().split())
        start = before.start() if before else n.start
        end = end_n if before else m.end()
        found.append(Money(value, CURRENCIES.get(sign, sign.upper()), start, end))
    return found


def euros(text: str, lang: str = "nl") -> list[Money]:
    """The euro amounts only: an amount in another currency is never taken for euros."""
    return [m for m in money(text, lang) if m.currency == "EUR"]


# the figure of a worded percentage repeated in brackets: 'three percent (3%)', 'drie procent (3%)'
PAREN_PERCENT = re.compile(r"\s*\(\s*(\d[\d.,]*)\s*(?:%|percent|procent|per\s+cent)\s*\)", re.I)


def percents(text: str, lang: str = "nl") -> list[Percent]:
    """Every percentage, in order: '2,5%', '0,25 %', 'drie procent', '10 percent'; a worded one
    with its figure in brackets ('three percent (3%)') is one percentage, valued by the figure."""
    found: list[Percent] = []
    taken = 0  # the end of a worded percentage's bracketed figure
    for n in numbers(text, lang):
        if n.start < taken or n.ordinal or not (m := PERCENT_AFTER.match(text, n.end)):
            continue
        value, end = n.value, m.end()
        p = PAREN_PERCENT.match(text, end) if text[n.start].isalpha() else None
        if p and (figure := decimal_of(p.group(1))) is not None:
            value, end = figure, p.end()
            taken = end
        found.append(Percent(value, n.start, end))
    return found


_UNIT_WORDS = [
    ("working_days", r"werkdag(?:en)?|werkbare\s+dag(?:en)?|(?:working|business)[\s-]+days?|"
                     r"arbeidsdag(?:en)?"),
    ("quarter_hours", r"kwartier|quarters?\s+of\s+an\s+hour"),
    ("minutes", r"minuten|minuut|minutes?|mins?\b\.?|min\.?"),
    ("hours", r"uur|uren|hours?|hrs?\b\.?"),
    # the abbreviations contracts write too: '60 dgn.', '2 wkn', '3 mnd.'
    ("days", r"(?:kalender|calendar[\s-]+)?(?:dagen|dag|days?)|dgn\b\.?"),
    ("weeks", r"weken|week|weeks|wkn\b\.?"),
    ("months", r"maanden|maand|months?|mnd\b\.?|mndn\b\.?"),
    ("years", r"jaren|jaar|years?"),
]
UNIT_AFTER = re.compile(
    # 'one (1) calendar year', 'three calendar months', 'twee kalendermaanden'
    r"[\s-]*(?:\)\s*)?(?:(?:full|complete|volle|gehele|consecutive|aaneengesloten|"
    r"opeenvolgende|calendar)[\s-]+|kalender[\s-]*)?(?:"
    + "|".join(f"(?P<{u}>{w})" for u, w in _UNIT_WORDS) + r")(?![\w])",
    re.I)
UNIT_ONLY = re.compile(r"(?<![\w-])(?:(?P<an>an?|één|een)\s+)?(?:(?P<h>hour|uur)|"
                       r"(?P<q>kwartier|quarter\s+of\s+an\s+hour))(?![\w])", re.I)
RANGE = re.compile(r"\s*(?:-|–|tot|à|to|or|of)\s*", re.I)
CLOCK = re.compile(r"\d{1,2}[.:]\d{2}\s*$")


def _range_top(text: str, n: Number, lang: str) -> tuple[Decimal, int]:
    """The upper bound of a range of units ('2-4 werkdagen', 'twee tot drie dagen') and where
    it ends; else the number itself."""
    if UNIT_AFTER.match(text, n.end) or not (r := RANGE.match(text, n.end)):
        return n.value, n.end
    top = next((m for m in numbers(text[r.end():r.end() + 40], lang) if m.start == 0), None)
    if top is None or top.value < n.value or not UNIT_AFTER.match(text, r.end() + top.end):
        return n.value, n.end
    return top.value, r.end() + top.end


def durations(text: str, lang: str = "nl") -> list[Duration]:
    """Every length of time, in order: '30 dagen', 'zes weken', 'een half uur', 'drie kwartier',
    'thirty (30) days', 'op de vierde werkdag' (ordinal), 'the next working day' (ordinal 1);
    a range ('2-4 werkdagen') is its upper bound."""
    found: list[Duration] = []
    for n in numbers(text, lang):
        value, end = _range_top(text, n, lang)
        m = UNIT_AFTER.match(text, end)
        if m is None or (m.lastgroup == "hours" and CLOCK.search(text, n.start, n.end)):
            continue  # '14.00 uur' is a time of day
        if found and n.start < found[-1].end:
            continue  # the upper bound of a range already read
        found.append(Duration(value, m.lastgroup or "", n.start, m.end(), n.ordinal))
    for m in NEXT.finditer(text):
        if u := UNIT_AFTER.match(text, m.end()):
            found.append(Duration(Decimal(1), u.lastgroup or "", m.start(), u.end(), True))
    for m in UNIT_ONLY.finditer(text):  # 'an hour', 'een kwartier' without a number word
        if not any(d.start <= m.start() < d.end or m.start() <= d.start < m.end() for d in found):
            if m.group("an") or m.group("q"):
                unit = "quarter_hours" if m.group("q") else "hours"
                found.append(Duration(Decimal(1), unit, m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)
