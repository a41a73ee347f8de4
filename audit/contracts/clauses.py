"""Pages -> numbered clauses (article, sub-article, annex), each with the page it starts on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from audit.contracts.reader import TABLE_MARK
from audit.models import Clause, ContractDoc, Table

ARTICLE = re.compile(
    r"^(?:artikel|article|art\.)\s+(\d+|[IVXLC]+)\b\.?\s*[–—\-:.]?\s*(.*)$", re.I
)
# 'Article 4.1 Delivery' / 'Artikel 4.1.a': a numbered sub-article written with the word
ARTICLE_SUB = re.compile(
    r"^(?:artikel|article|art\.)\s+(\d{1,2})\.(\d{1,2}(?:\.(?:\d{1,2}|[a-z]))?)\.?\s+(\S.*)$",
    re.I)
ANNEX = re.compile(r"^(bijlage|annex|appendix|schedule)\s+(\d+|[A-Z])\b\s*[–—\-:.]?\s*(.*)$", re.I)
SUB = re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.(?:\d{1,2}|[a-z]))?)\.?\s+(\S.*)$")
TABLE_LINE = re.compile(TABLE_MARK.format(r"(\d+)"))
HYPHEN_END = re.compile(r"[a-zà-ÿ]-$")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Sections that carry numbers but are not special agreements (PRODUCT.md: boilerplate).
BOILERPLATE = re.compile(
    r"algemene\s+(leverings|verkoop)?\s*voorwaarden|general\s+(terms|conditions)|"
    r"overmacht|force\s+majeure|geheimhouding|confidential|aansprakelijkheid|liabilit|"
    r"toepasselijk\s+recht|governing\s+law|geschillen|disputes|ondertekening|signature",
    re.I,
)


@dataclass
class _Open:
    article: str
    heading: str
    page: int
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    boilerplate: bool = False
    ocr: bool = False


def _add_table(clause: _Open, table: Table, first_on_page: bool) -> None:
    """Attach a table; one that opens a page and continues the clause's last table (same
    columns) is merged into it, without its repeated header row."""
    last = clause.tables[-1] if clause.tables else None
    width = len(table.rows[0]) if table.rows else 0
    if first_on_page and last is not None and last.rows and len(last.rows[0]) == width:
        rows = table.rows[1:] if table.rows[0] == last.rows[0] else table.rows
        clause.tables[-1] = Table(page=last.page, rows=last.rows + rows)
    else:
        clause.tables.append(table)


def split_clauses(doc: ContractDoc) -> list[Clause]:
    """Split a document into clauses; text before the first article is the 'preamble'."""
    current = _Open("preamble", "", 1)
    done: list[_Open] = []
    heading, number, boiler, annex_boiler = "", "", False, False
    for page in doc.pages:
        first_on_page = True
        for line in page.text.split("\n"):
            stripped = line.strip()
            if not stripped:
                continue
            table = TABLE_LINE.fullmatch(stripped)
            if table:
                _add_table(current, page.tables[int(table.group(1))], first_on_page)
                first_on_page = False
                continue
            first_on_page = False
            start = _clause_start(stripped, number)
            if start is None:
                current.lines.append(stripped)
                continue
            article, new_heading, first_line = start
            if new_heading is not None:
                heading, number = new_heading, article.split(".")[0]
                boiler = bool(BOILERPLATE.search(new_heading))
                if ANNEX.match(stripped):  # general terms appended as an annex: all of it
                    annex_boiler = boiler
                boiler = boiler or annex_boiler
            done.append(current)
            current = _Open(article, heading, page.number, [first_line] if first_line else [],
                            boilerplate=boiler, ocr=page.ocr_confidence is not None)
    done.append(current)
    return [_close(doc, c) for c in done if c.lines or c.tables]


def _clause_start(line: str, number: str) -> tuple[str, str | None, str] | None:
    """(article, new heading or None, first text line) when the line opens a clause.

    A sub-clause (4.1) only opens inside its own article (4), so that '12.50 per stuk' does not.
    """
    m = ARTICLE_SUB.match(line)
    if m:
        return f"{m.group(1)}.{m.group(2)}", None if m.group(1) == number else "", m.group(3)
    m = ARTICLE.match(line)
    if m:
        return arabic(m.group(1)), m.group(2).strip(), ""
    m = ANNEX.match(line)
    if m:
        label = f"{m.group(1).capitalize()} {m.group(2)}"
        return label, m.group(3).strip() or label, ""
    m = SUB.match(line)
    if m and m.group(1).split(".")[0] == number:
        return m.group(1), None, m.group(2)
    return None


def arabic(number: str) -> str:
    """'IV' -> '4'; digits stay as they are."""
    if number.isdigit():
        return number
    total, prev = 0, 0
    for ch in reversed(number.upper()):
        value = ROMAN[ch]
        total, prev = (total - value, prev) if value < prev else (total + value, value)
    return str(total)


def _close(doc: ContractDoc, c: _Open) -> Clause:
    return Clause(
        doc=doc,
        article=c.article,
        heading=c.heading,
        text=join_lines(c.lines),
        page=c.page,
        tables=tuple(c.tables),
        boilerplate=c.boilerplate,
        ocr=c.ocr,
    )


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one text, undoing hyphenation at line ends (leve-/ringen)."""
    text = ""
    for line in lines:
        if HYPHEN_END.search(text) and line[:1].islower():
            text = text[:-1] + line  # leve-/ringen: a word broken at the line end
        elif text.endswith("-") and text[-2:-1].isalnum() and line[:1].isalpha():
            text += line  # ICT-/leverancier: a real compound keeps its hyphen
        else:
            text = f"{text} {line}" if text else line
    return text
