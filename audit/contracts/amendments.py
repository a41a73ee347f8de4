"""Amendments: which base-contract articles an amendment's clauses replace."""

from __future__ import annotations

import re
from dataclasses import replace

from audit.models import Clause

REFERENCE = re.compile(r"\b(?:artikel|article|art\.)\s+(\d+(?:\.\d+)*)", re.I)
CHANGE = re.compile(
    r"vervangen|gewijzigd|wijzigt|vervalt|te\s+vervallen|replaced|amended|deleted|superseded",
    re.I,
)


def mark_replacements(clauses: list[Clause]) -> list[Clause]:
    """Fill `replaces` on amendment clauses that say which article they replace or delete."""
    marked = []
    for clause in clauses:
        if clause.doc.kind == "amendment" and CHANGE.search(clause.text):
            refs = tuple(dict.fromkeys(REFERENCE.findall(clause.text)))
            clause = replace(clause, replaces=refs)
        marked.append(clause)
    return marked
