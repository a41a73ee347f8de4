"""Amendments: what each amendment clause changes (which articles, replace/delete/add), from when."""

from __future__ import annotations

import re
from dataclasses import replace

from audit.contracts.dated import date_order, stated_date
from audit.models import Clause

# 'artikel 4(a)', 'clause 4.2', 'punt 7', 'Section IV.1', '§ 5', 'artikelen 4.1 en 4.3'
LABEL = r"(?:\d+(?:\.\d+)*(?:\s?\([a-z0-9]{1,3}\))?|[IVXL]+(?:\.\d+)*|[A-Z]\.\d+(?:\.\d+)*)"
REFERENCE = re.compile(
    rf"(?:\b(?:artikel(?:en)?|articles?|art\.|clauses?|sections?|secties?|paragra(?:ph|af)s?|"
    rf"punt(?:en)?|points?|bepaling(?:en)?|ziffer[n]?|lid|onderdeel)\s*|§\s*)"
    rf"({LABEL}(?:\s*(?:,|and|en|und|&|or|of)\s*{LABEL})*)(?!\w)(?!\.\d)",
    re.I,
)
ONE_LABEL = re.compile(LABEL, re.I)
# a sentence ends at . ; or : before a capital, digit or quote; not after 'No.', 'nr.', 'art.'
SENTENCE = re.compile(r"(?<!\bno\.)(?<!\bnr\.)(?<!\bart\.)(?<=[.;:])\s+(?=[A-Z0-9(\"'])"
                      r"|\n\s*\n", re.I)
# The verbs of a change. Replacing, changing and derogating end the old text; deleting ends it
# with nothing in its place; adding leaves the old terms standing.
DELETE = re.compile(
    r"\b(?:vervalt|vervallen|komt\s+te\s+vervallen|geschrapt|is\s+deleted|are\s+deleted|"
    r"(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:deleted|removed|struck)|ceases?\s+to\s+apply|"
    r"no\s+longer\s+appl(?:y|ies)|entfällt|gestrichen)\b", re.I)
REPLACE = re.compile(
    r"(?<!as )(?<!zoals )\b(?:vervangen|gewijzigd|wijzigt|komt\s+te\s+luiden|"
    r"luidt\s+(?:voortaan|als\s+volgt)|"
    r"in\s+afwijking\s+van|replaced|amended|superseded|substituted|modified|shall\s+(?:now\s+)?"
    r"read|reads?\s+as\s+follows|notwithstanding|by\s+way\s+of\s+derogation|derogat\w+|"
    r"ersetzt|geändert|abweichend\s+von)\b", re.I)
ADD = re.compile(
    r"\b(?:toegevoegd|aangevuld|wordt\s+ingevoegd|ingevoegd|in\s+aanvulling\s+op|"
    r"is\s+(?:hereby\s+)?(?:added|inserted)|are\s+(?:hereby\s+)?(?:added|inserted)|"
    r"in\s+addition\s+to|additional(?:ly)?|ergänzt|eingefügt|zusätzlich)\b", re.I)


def mark_replacements(clauses: list[Clause]) -> list[Clause]:
    """Fill in what each amendment clause changes: the articles it names (`replaces`), how
    (`change`: replace, delete or add) and its own start date when it states one."""
    if not clauses or clauses[0].doc.kind != "amendment":
        return clauses
    doc = clauses[0].doc
    order = date_order("\n".join(p.text for p in doc.pages), doc.language)
    return [_mark(clause, order) for clause in clauses]


def change_of(text: str) -> str:
    """replace | delete | add | '' for a clause's text; replacing words win over adding ones
    ('in afwijking van ... aanvulling' replaces)."""
    if DELETE.search(text) and not REPLACE.search(text):
        return "delete"
    if REPLACE.search(text):
        return "replace"
    return "add" if ADD.search(text) else ""


def articles(text: str) -> tuple[str, ...]:
    """The article labels the text names: 'artikel 4(a) en 4.3' -> ('4(a)', '4.3')."""
    found = []
    for m in REFERENCE.finditer(text):
        found += [label.group(0).replace(" ", "") for label in ONE_LABEL.finditer(m.group(1))]
    return tuple(dict.fromkeys(found))


def _mark(clause: Clause, order: str) -> Clause:
    """The clause with what it changes; the articles come from the sentences that change them
    ('clause 9 continues to apply' in the same clause is not replaced)."""
    changes = [(change_of(s), s) for s in SENTENCE.split(clause.text)]
    kinds = {kind for kind, _ in changes}
    change = next((k for k in ("replace", "delete", "add") if k in kinds), "")
    refs = tuple(dict.fromkeys(ref for kind, sentence in changes if kind in ("replace", "delete")
                               for ref in articles(sentence)))
    day = stated_date(clause.text, order, amendment=True)
    return replace(clause, replaces=refs, change=change, effective_date=day)
