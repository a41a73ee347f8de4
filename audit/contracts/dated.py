"""A document's dates: which way round it writes numeric dates, its effective date, its signing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from audit.core.parse import MONTHS, find_dates
from audit.models import Page

# Phrases that say from when something applies. STRONG ones name a start in any document;
# WEAK ones ('per 1 april 2026', 'as of', 'vanaf') only count in an amendment, where a dated
# change is what the document is for; in a base contract they date one clause (an indexation).
STRONG = (r"ingangsdatum|datum\s+van\s+inwerkingtreding|effective\s+date|commencement\s+date|"
          r"start\s+date|met\s+ingang\s+van|with\s+effect\s+(?:from|as\s+of|on)|"
          r"effective(?:\s+(?:as\s+of|from|on))?|gaat\s+in\s+op|treedt\s+in\s+werking\s+op|"
          r"in\s+werking\s+(?:per|op)|commenc(?:e|es|ed|ing)\s+on|took\s+effect\s+on|"
          r"takes\s+effect\s+on|mit\s+wirkung\s+(?:vom|zum|ab)|gültig\s+ab")
# The date a document was made: its start when no effect phrase says otherwise
MADE = (r"(?:dated|made|entered\s+into|concluded|executed)\s+(?:as\s+of|on)|dated|"
        r"this(?=\s+\w+\s+day\s+of\b)")  # 'made ... this 7th day of September, 1999'
WEAK = r"per|vanaf|as\s+of|as\s+from|from|ab"
PHRASE = {strong: re.compile(rf"\b(?:{STRONG if strong else STRONG + '|' + WEAK})\b\s*:?\s*",
                             re.I) for strong in (True, False)}
AMENDMENT_NOUN = r"amendment|addend\w*|allonge|wijziging\w*|side\s+letter|letter|nachtrag|supplement"
NOUN = re.compile(rf"\b(?:{AMENDMENT_NOUN}|agreement|contract|overeenkomst|vertrag)\b", re.I)
MADE_PHRASE = re.compile(rf"\b(?:{MADE})\b\s*:?\s*", re.I)
GAP = re.compile(r"(?:(?:(?:de|het|the|and|including|en|met|dag|day)\b|[()]|_+)\s*){0,3}", re.I)
# A sentence about the agreement itself: a base contract's start, not one clause's
# ('Met ingang van 1 januari 2026 neemt de afnemer ...' dates one clause, not the contract)
ABOUT_AGREEMENT = re.compile(r"\w*(?:overeenkomst|vertrag)\b|\b(?:agreement|contract)\b", re.I)
# A start defined as the signing: 'effective on the date of its execution', 'entered into as of
# the date last written below', 'treedt in werking op de datum van de laatste ondertekening'
AT_SIGNING = re.compile(
    r"\b(?:date|day)\s+(?:of\s+(?:its\s+|the\s+|their\s+)?(?:last\s+|final\s+)?"
    r"(?:execution|signature|signing)|(?:last\s+)?(?:written|signed|executed)\s+below)\b|"
    r"\b(?:datum|dag)\s+(?:van\s+)?(?:de\s+)?(?:laatste\s+)?ondertekening\b", re.I)
TAKES_EFFECT = re.compile(r"\b(?:effective|entered\s+into|in\s+(?:force|effect)|commenc\w*|"
                          r"in\s+werking|gaat\s+in|ingaat|aangegaan)\b", re.I)
DATE_LABEL = re.compile(r"^\s*(?:date|datum|dated)\s*:\s*", re.I | re.M)  # a signature's 'Date:'
SIGNED = re.compile(r"\b(?:signed|executed|getekend|ondertekend|unterzeichnet)\b", re.I)
# a letter's date line: 'Zwolle, 18 februari 2026'
LETTER_DATE = re.compile(r"^\s*[A-Z][\w'.\- ]{1,40},\s+(?=\S)", re.M)
SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n\s*\n")
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b")
DAY_FIRST = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th|e)?\s+(?:{_MONTHS})\b\.?,?\s+\d{{4}}", re.I)
MONTH_FIRST = re.compile(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}", re.I)
# what a date opens with: a digit, a month, or a day in words ('the first day of July, 2017')
DATE_START = re.compile(rf"(?:\d|(?:{_MONTHS})\b|[a-z]+(?:st|nd|rd|th)\b)", re.I)
ORDINAL_DOT = re.compile(r"^(\d{1,2})\.\s+(?=[A-Za-z])")  # German '1. Juli 2026'
DATE_SPAN = 40  # characters a written date takes at most
TITLE_LINES = 15  # the title block: the first lines of page 1
LINE_DATE = re.compile(rf"\b(?:{_MONTHS})\b", re.I)  # a month name is no other word on the line


@dataclass(frozen=True)
class DocDate:
    """When a document applies from, and on what that rests: 'stated' or 'signed'."""

    day: date | None
    basis: str = ""  # stated | signed | '' (none found)


def date_order(text: str, lang: str) -> str:
    """'mdy' or 'dmy': how the text writes 01/03/2026. A day over 12 settles it; else English
    text that writes 'March 1, 2026' more often than '1 March 2026' is US style; else day-first."""
    for m in SLASHED.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            return "dmy"
        if second > 12 >= first:
            return "mdy"
    us = len(MONTH_FIRST.findall(text)) > len(DAY_FIRST.findall(text))
    return "mdy" if lang == "en" and us else "dmy"


def date_at(text: str, order: str) -> date | None:
    """The date that opens the text (after a few filler words), read in the document's order."""
    # the date opens the text, so no sentence end is looked for ('Dec. 8, 2005' has a stop)
    rest = ORDINAL_DOT.sub(r"\1 ", text[_gap(text):], count=1)[:DATE_SPAN]
    if not DATE_START.match(rest):
        return None
    found = find_dates(rest, "en" if order == "mdy" else "nl")
    return found[0] if found else None


def _gap(text: str) -> int:
    """Where the filler words before a date end."""
    m = GAP.match(text)
    return m.end() if m else 0


def stated_date(text: str, order: str, amendment: bool) -> date | None:
    """The first start date the text states ('with effect from'), else the date it says it was
    made ('dated as of', 'made this 7th day of'); in a base contract only about the agreement."""
    for pattern in (PHRASE[not amendment], MADE_PHRASE):
        for m in pattern.finditer(text):
            day = date_at(text[m.end():m.end() + 60], order)
            if day is None:
                continue
            if amendment and pattern is MADE_PHRASE and _of_the_base(text, m.start()):
                continue  # 'to the Agreement dated 30 November 2023' dates the base contract
            if amendment or ABOUT_AGREEMENT.search(_sentence(text, m.start())):
                return day
    return None


def _of_the_base(text: str, at: int) -> bool:
    """Whether the nearest document noun before `at` (same sentence) is the base agreement."""
    nouns = NOUN.findall(_sentence(text, at)[:max(0, at - _sentence_start(text, at))])
    return bool(nouns) and not re.match(AMENDMENT_NOUN, nouns[-1], re.I)


def signing_date(text: str, order: str) -> date | None:
    """The date of signing ('getekend te Deventer op 12 maart 2026') or of the letter."""
    for m in SIGNED.finditer(text):
        window = text[m.end():m.end() + 100]
        end = SENTENCE_END.search(window)
        found = find_dates(window[:end.start() + 1 if end else None],
                           "en" if order == "mdy" else "nl")
        if found:
            return found[0]
    for m in LETTER_DATE.finditer(text):
        if day := date_at(text[m.end():m.end() + 40], order):
            return day
    return None


def starts_at_signing(text: str) -> bool:
    """Whether the document says it applies from its signing ('effective on the date of its
    execution'): a sentence about the agreement, with an effect word, names the signing date."""
    for m in AT_SIGNING.finditer(text):
        sentence = _sentence(text, m.start())
        if ABOUT_AGREEMENT.search(sentence) and TAKES_EFFECT.search(sentence):
            return True
    return False


def last_signing_date(text: str, order: str) -> date | None:
    """The latest date a party signed: after 'signed'/'executed', a letter's date line or a
    signature block's 'Date:' (an agreement is made when the last party signs)."""
    lang = "en" if order == "mdy" else "nl"
    found: list[date] = []
    for m in SIGNED.finditer(text):
        window = text[m.end():m.end() + 100]
        end = SENTENCE_END.search(window)
        found += find_dates(window[:end.start() + 1 if end else None], lang)[:1]
    for pattern in (LETTER_DATE, DATE_LABEL):
        for m in pattern.finditer(text):
            if day := date_at(text[m.end():m.end() + DATE_SPAN], order):
                found.append(day)
    return max(found, default=None)


def table_date(pages: tuple[Page, ...], order: str) -> date | None:
    """An effective date given in a table: a row whose label cell names it, the date beside it."""
    label = re.compile(rf"^\s*(?:{STRONG})\s*:?\s*$", re.I)
    for page in pages:
        for table in page.tables:
            for row in table.rows:
                for cell, value in zip(row, row[1:], strict=False):
                    if label.match(cell or "") and (day := date_at(value or "", order)):
                        return day
    return None


def title_date(pages: tuple[Page, ...], order: str) -> date | None:
    """A date standing alone on a line of the title block (a cover page's 'May 6, 2019')."""
    lines = [line.strip() for line in (pages[0].text if pages else "").split("\n") if line.strip()]
    for line in lines[:TITLE_LINES]:
        if len(line) <= DATE_SPAN and (day := date_at(line, order)) is not None:
            if not re.search(r"[a-z]{4,}", LINE_DATE.sub("", line.lower())):
                return day
    return None


def document_date(pages: tuple[Page, ...], lang: str, amendment: bool) -> DocDate:
    """From when the document applies: a stated effective date (text or table); an amendment
    without one applies from its signing."""
    text = "\n".join(p.text for p in pages)
    order = date_order(text, lang)
    if not amendment and starts_at_signing(text) and (
            day := last_signing_date(text, order)) is not None:
        return DocDate(day, "signed")
    day = (stated_date(text, order, amendment) or table_date(pages, order)
           or title_date(pages, order))
    if day is not None:
        return DocDate(day, "stated")
    if amendment and (day := signing_date(text, order)) is not None:
        return DocDate(day, "signed")
    return DocDate(None)


def _sentence_start(text: str, at: int) -> int:
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, at)]
    return starts[-1] if starts else 0


def _sentence(text: str, at: int) -> str:
    """The sentence around position `at`."""
    end = SENTENCE_END.search(text, at)
    return text[_sentence_start(text, at):end.start() if end else len(text)]
