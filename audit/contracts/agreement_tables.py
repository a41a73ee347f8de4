"""Key-terms tables: a table whose rows are agreements (label | topic | text) reads row by row."""

from __future__ import annotations

import re

from audit.models import Table

AMOUNT_CELL = re.compile(r"^[€$£]?\s*(EUR|USD)?\s*[\d.,\s]+\s*(%|€|-)?$", re.I)
LEAD_LABEL = re.compile(r"^(\d{1,2}|[A-Z]\d{0,2}|[IVX]{1,5})[.)]?\s+(?=\S)")
STATEMENT_WORDS = 6  # a cell of this many words is a sentence, not a price-list entry


def is_agreement_table(table: Table) -> bool:
    """At most three columns, most rows a sentence, and no column of bare figures."""
    rows = [r for r in table.rows if any(c.strip() for c in r)]
    if len(rows) < 2 or max(len(r) for r in rows) > 3:
        return False
    sentences = sum(max(len(c.split()) for c in r) >= STATEMENT_WORDS for r in rows)
    figures = sum(any(AMOUNT_CELL.match(c.strip()) for c in r[1:] if c.strip()) for r in rows)
    return sentences * 5 >= len(rows) * 3 and figures * 3 < len(rows)


def row_statements(table: Table) -> list[tuple[str, str]]:
    """(row label, row text) per row: the label is a short first cell or a leading number."""
    out = []
    for k, row in enumerate(table.rows):
        cells = [c.strip() for c in row if c.strip()]
        if not cells or (k == 0 and max(len(c.split()) for c in cells) < STATEMENT_WORDS
                         and not any(ch.isdigit() for c in cells for ch in c)):
            continue  # empty, or the header row ('No. | Topic | Agreed')
        label = ""
        if len(cells) > 1 and len(cells[0].split()) <= 4 and len(cells[0]) <= 30:
            label, cells = cells[0], cells[1:]
        else:
            m = LEAD_LABEL.match(cells[0])
            if m:
                label, cells[0] = m.group(1), cells[0][m.end():]
        out.append((label, ": ".join(cells) if len(cells) > 1 else cells[0]))
    return out


def row_article(label: str, title: str, index: int) -> str:
    """'4' under 'KEY TERMS' -> 'Key Term 4'; a worded label stands as it is."""
    if label and not re.fullmatch(r"[\dA-Z]{1,3}|[IVX]{1,5}", label):
        return label
    name = " ".join(w.capitalize() if w.isupper() else w for w in title.split()) or "Row"
    words = name.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]  # one row of the 'Key Terms' is a 'Key Term'
    return f"{' '.join(words)} {label or index}"
