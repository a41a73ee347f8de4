"""Validity of terms: each from its document's effective date; a later document ends it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from audit.models import Term


def apply_validity(terms: list[Term]) -> list[Term]:
    """Set valid_from/valid_to: a later document's term for the same rule and subject, or an
    amendment clause that replaces the article, ends the earlier term the day before."""
    dated = [replace(t, valid_from=t.clause.doc.effective_date) for t in terms]
    result = []
    for term in dated:
        end = _superseded_from(term, dated)
        result.append(replace(term, valid_to=end - timedelta(days=1)) if end else term)
    return result


def _superseded_from(term: Term, terms: list[Term]) -> date | None:
    start = term.valid_from or date.min
    ends = []
    for other in terms:
        later = other.valid_from is not None and other.valid_from > start
        if not later or other.customer_id != term.customer_id or other.clause.doc is term.clause.doc:
            continue
        same = other.rule_id == term.rule_id and other.subject == term.subject
        replaced = term.clause.article in other.clause.replaces
        if same or replaced:
            ends.append(other.valid_from)
    return min(ends) if ends else None
