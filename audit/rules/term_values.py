"""A contract's term: its start and end dates, automatic renewal and notice period."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from audit.core.dates import dates
from audit.core.grammar import Duration, durations, numbers
from audit.models import Clause

MASK = "\ue000"  # a duration's span in a masked text: same length, so positions stay valid
DUR = rf"(?P<dur>{MASK}+)"


def masked(text: str, lang: str) -> tuple[str, dict[int, Duration]]:
    """The text with every duration replaced by MASK characters, and the durations by start:
    the patterns below speak of 'a duration' without spelling out numbers and units again."""
    found = {d.start: d for d in durations(text, lang)}
    out = list(text)
    for d in found.values():
        out[d.start:d.end] = MASK * (d.end - d.start)
    return "".join(out), found


_BEFORE_END = (r"(?:voor|vóór)\s+(?:het\s+einde|de\s+einddatum|het\s+verstrijken|(?:de\s+)?afloop)|"
               r"(?:before|prior\s+to)\s+(?:the\s+)?(?:end|expir\w*|renewal|termination\s+date|"
               r"anniversary)")
NOTICE = (  # before the end ('drie maanden voor het einde'), then by the notice words
    re.compile(rf"{DUR}[^.]{{0,40}}?(?:{_BEFORE_END})", re.I),
    re.compile(rf"{DUR}[^.]{{0,40}}?(?:opzeg\w*|notice)", re.I),
    re.compile(rf"(?:opzeg\w*|notice)[^.]{{0,120}}?{DUR}", re.I),
)
BREACH = re.compile(r"breach|default|insolven|bankrupt|cure|tekortkoming|wanprestatie|"
                    r"faillissement|surseance|tekortschiet", re.I)
# a duration right before 'before', 'prior', 'notice' is a notice period, never a renewal's length
NOT_NOTICE = (rf"(?!{MASK})(?![\s',’]*(?:(?:\w+[\s',’]+){{0,2}}?(?:before|prior|in\s+advance|"
              r"voor|vóór)|(?:written\s+|schriftelijke\s+)?(?:notice|opzeg)))")
RENEWAL = (  # 'verlengd met telkens één jaar', 'renew for successive one (1) year periods',
    # and Dutch with the duration first: 'telkens met een jaar verlengd'
    re.compile(rf"(?:verlengd|renew\w*|extend\w*)[^.]{{0,100}}?{DUR}{NOT_NOTICE}", re.I),
    re.compile(rf"(?:met|voor)\s+{DUR}\s+(?:stilzwijgend\s+)?verlengd", re.I),
    # 'continues for further terms of one (1) year', 'renewal periods of six months'
    re.compile(rf"(?:further|additional|renewal|verlengings)\s*(?:terms?|periods?|perioden?|"
               rf"termijnen?)\s+(?:of|van)\s+{DUR}{NOT_NOTICE}", re.I),
)
ANNUAL_RENEWAL = re.compile(
    r"(?:renew\w*|extend\w*|verlengd)\s+(?:\w+\s+){0,2}?(?:on\s+an?\s+)?(?:annual|yearly)\b|"
    r"(?:automatic\s+)?annual\s+renewals?|jaarlijks\s+(?:stilzwijgend\s+)?verlengd", re.I)
NO_RENEWAL = re.compile(r"zonder\s+(?:stilzwijgende\s+)?verlenging|not\s+(?:be\s+)?renewed|"
                        r"niet\s+(?:stilzwijgend\s+)?verlengd|"
                        r"without\s+(?:automatic\s+)?renewal", re.I)
END_DATE = re.compile(
    r"(?:tot\s+en\s+met|t/m|tot|eindigt\s+(?:van\s+rechtswege\s+)?op|einddatum|"
    r"(?:up\s+to\s+and\s+|until\s+and\s+|through\s+and\s+)?including|until|end(?:s|ing)?\s+on|"
    r"expir(?:es|ing)?(?:\s+on)?|expire\s+on|"
    r"terminat(?:es?|ing)\s+(?:automatically\s+)?(?:without\s+notice\s+)?on|"
    r"through|(?:termination|expiration|expiry)\s+date)\s*:?\s*(?P<d>.{6,32})", re.I)
ANNIVERSARY = re.compile(r"\s*anniversary", re.I)
TERM_LENGTH = (  # the length of the term itself, never of a renewal or of what survives it
    re.compile(rf"(?:date|day)\s+(?:that\s+is\s+|which\s+is\s+)?{DUR}\s+(?:after|from|following)",
               re.I),
    re.compile(rf"{DUR}\s+anniversary", re.I),
    re.compile(
        r"(?:initial\s+term|term\s+of\s+(?:this|the)\s+(?:agreement|contract)|"
        r"(?:agreement|contract|term)\s+(?:shall|will)\s+(?:\w+\s+)?(?:remain|continue|be|run|last)|"
        r"(?:remains?|continues?|be|is)\s+in\s+(?:full\s+)?(?:force|effect)|continue\s+thereafter|"
        r"\bvalid|terms?\s+(?:of\s+this\s+agreement\s+)?(?:shall\s+be|is)|appointment\s+is|"
        r"looptijd|duur|aangegaan|gesloten|\bloopt|\bgeldt\s+voor|\bgeldig\s+voor|van\s+kracht)"
        rf"[^.;]{{0,50}}?(?<![\w(]){DUR}(?!\s+(?:thereafter|daarna|(?:after|following|na)\s+"
        r"(?:the\s+|het\s+)?(?:termination|expiration|expiry|end|einde|afloop|beëindiging)))", re.I),
)
START = re.compile(
    r"(?:effective(?:\s+(?:as\s+of|on|from))?|dated(?:\s+as\s+of)?|as\s+of|entered\s+into\s+(?:on|this)|"
    r"made\s+(?:on|this)|(?:took|takes|take)\s+effect(?:\s+on)?|commenc\w*(?:\s+(?:on|from))?|begin\w*\s+on|starting\s+on|gaat\s+in\s+op|"
    r"ingaande|met\s+ingang\s+van|in\s+werking\s+op|ingangsdatum|effective\s+date|aanvangsdatum)"
    r"\s*:?\s*(?:the\s+)?(?P<d>.{6,40})", re.I)
CALENDAR = {"months", "years", "weeks", "days"}


def read_notice(clause: Clause, lang: str) -> str | None:
    """The notice period to end the contract: '3 months' or '90 days'. A period before the end
    of the term comes first; the notice to terminate for a breach is not the one."""
    text = " ".join(s for s in re.split(r"(?<=[.;])\s+", clause.text) if not BREACH.search(s))
    mask, found = masked(text, lang)
    renewal = _renewal(mask, found)
    for pattern in NOTICE:  # 'verlengd met één jaar, behoudens opzegging': not the notice
        for m in pattern.finditer(mask):
            d = found.get(m.start("dur"))
            if d is not None and d is not renewal and d.unit in CALENDAR:
                return _as_notice(d)
    return None


def _as_notice(d: Duration) -> str:
    months = d.months()
    return f"{months} months" if months is not None else f"{d.days()} days"


def read_renewal(clause: Clause, lang: str) -> int | None:
    """Months each automatic renewal adds; 0 when the contract says it is not renewed."""
    if NO_RENEWAL.search(clause.text):
        return 0
    mask, found = masked(clause.text, lang)
    annual = ANNUAL_RENEWAL.search(clause.text)
    first = _renewal(mask, found)
    if annual and (first is None or annual.start() <= first.start):
        return 12  # 'renewable on an annual basis (for up to ten years)'
    return first.months() if first else None


def _renewal(mask: str, found: dict[int, Duration]) -> Duration | None:
    """The first statement of a renewal's length in the (masked) text."""
    hits = [found[m.start("dur")] for p in RENEWAL if (m := p.search(mask))]
    return min(hits, key=lambda d: d.start) if hits else None


def read_end_date(clause: Clause, lang: str, start: date | None = None) -> date | None:
    """The date after 'tot en met', 'eindigt op', 'until', 'through and including'; else the
    term's length from its start: 'for a period of five (5) years from the Effective Date'. The
    start is a date in the same sentence, else `start` (the document's effective date)."""
    for m in END_DATE.finditer(clause.text):
        found = dates(m.group("d"), lang)
        if found:
            return found[0].day
    return term_end(clause.text, lang, start or clause.doc.effective_date)


def read_start_date(clause: Clause, lang: str) -> date | None:
    """The date the term starts: 'commencing on 1 February 2025', 'ingaande 1 januari 2025'."""
    return find_start_date(clause.text, lang)


def term_end(text: str, lang: str, start: date | None) -> date | None:
    """The end of a term given as its length from its start. A term 'from' a date ends on the
    anniversary (the start day is not counted); one that starts on a date ('commencing on 1
    February 2025', 'ingaande', 'met ingang van', and any Dutch term) counts the start day, so it
    ends the day before the anniversary."""
    mask, found = masked(text, lang)
    length = _term_length(mask, found)
    if length is None:
        return None
    at, (months, days) = length
    near = _start_near(text, at, lang)
    begin, first_day = near or (start, False)
    if begin is None:
        return None
    end = add_months(begin, months) + timedelta(days=days)
    return end - timedelta(days=1) if lang == "nl" or first_day else end


def _term_length(mask: str, found: dict[int, Duration]) -> tuple[int, tuple[int, int]] | None:
    """(where, (months, days)) of the term's length: 'the tenth (10th) anniversary' (an
    ordinal of years), 'three (3) years', 'the date three (3) years from'."""
    for n in numbers(mask):
        if n.ordinal and ANNIVERSARY.match(mask, n.end):
            return n.start, (int(n.value) * 12, 0)
    for pattern in TERM_LENGTH:
        if (m := pattern.search(mask)) and (d := found.get(m.start("dur"))):
            months = d.months()
            if months is not None:
                return m.start(), (months, 0)
            days = d.days()
            return None if days is None else (m.start(), (0, days))
    return None


# the words that make a date the term's first day (counted in the term)
FIRST_DAY = re.compile(r"(?:commenc\w*|begin\w*|start\w*|ingaande|met\s+ingang\s+van|"
                       r"with\s+effect\s+from|gaat\s+in\s+op)\s*(?:on|from|as\s+of)?\s*(?:the\s+)?$",
                       re.I)


def _start_near(text: str, at: int, lang: str) -> tuple[date, bool] | None:
    """A start date in the sentence around `at` ('commencing on March 1, 2025'), else one the
    text names as the start ('treedt in werking op 1 april 2025'); and whether the wording makes
    it the term's first day."""
    begin = text.rfind(". ", 0, at) + 1
    end = text.find(". ", at)
    sentence = text[begin: end if end >= 0 else len(text)]
    found = dates(sentence, lang)
    if found:
        return found[0].day, bool(FIRST_DAY.search(sentence, 0, found[0].start))
    named = find_start_date(text, lang)
    return (named, False) if named else None


def find_start_date(text: str, lang: str = "nl") -> date | None:
    """The date a contract starts: 'dated as of March 27, 2019', 'entered into this 12th day of
    November, 2019', 'gaat in op 1 januari 2024', 'met ingang van 1 mei 2025'."""
    for m in START.finditer(text):
        found = dates(m.group("d"), lang)
        if found:
            return found[0].day
    return None


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
