"""Validity of terms: each from its clause's or document's effective date until a later document
replaces it (the same rule, or the article an amendment names), the day before that one starts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from audit.errors import Location, Problem
from audit.models import Clause, Term


def apply_validity(terms: list[Term], changes: Iterable[Clause] = (),
                   problems: list[Problem] | None = None) -> list[Term]:
    """Set valid_from/valid_to. A later document's readable term for the same rule and subject
    ends an earlier term, unless its clause says it adds; an amendment clause in `changes` (or
    behind a term) that replaces or deletes an article ends that article's terms."""
    dated = [replace(t, valid_from=start_of(t.clause)) for t in terms]
    changed = {id(c): c for c in [*changes, *(t.clause for t in dated)]
               if c.change in ("replace", "delete") and c.replaces}
    result = []
    for term in dated:
        end = _end(term, dated, list(changed.values()), problems)
        result.append(replace(term, valid_to=end - timedelta(days=1)) if end else term)
    return result


def start_of(clause: Clause) -> date | None:
    """From when a clause applies: its own stated date, else its document's."""
    return clause.effective_date or clause.doc.effective_date


def _end(term: Term, terms: list[Term], changes: list[Clause],
         problems: list[Problem] | None) -> date | None:
    """The first day a later document takes the term's place, if any."""
    start = term.valid_from or date.min
    ends = [start_of(c) for c in changes if _later(c, term, start) and _names(c, term)]
    for other in terms:
        if not _later(other.clause, term, start) or other.clause.change == "add":
            continue
        if (other.rule_id, other.subject) != (term.rule_id, term.subject):
            continue
        if other.get("readable") is not False:
            ends.append(other.valid_from)
        elif problems is not None and term.get("readable") is not False:
            problem = _unread_change(other, term)
            problems += [problem] if problem not in problems else []
    return min((e for e in ends if e is not None), default=None)


def _later(clause: Clause, term: Term, start: date) -> bool:
    """A clause of another document of the same customer that starts after the term does."""
    day = start_of(clause)
    return (day is not None and day > start and clause.doc is not term.clause.doc
            and clause.doc.customer_id == term.customer_id)


def _names(change: Clause, term: Term) -> bool:
    """The amendment clause names the term's article (of the contract it amends, when known)."""
    amends = change.doc.amends
    if amends and term.clause.doc.file != amends:
        return False
    return any(same_article(ref, term.clause.article) for ref in change.replaces)


def _unread_change(later: Term, term: Term) -> Problem:
    """A later document may change the term, but its new value could not be read."""
    return Problem.of(
        "contracts", "contracts.unread_change",
        Location(later.clause.file, page=later.clause.page, key=later.clause.article),
        "warning", rule=later.rule_id, day=later.valid_from or "?", file=term.clause.file,
        article=term.clause.article)


def same_article(named: str, article: str) -> bool:
    """Whether a named article covers a clause's article: '4' covers '4', '4.2' and '4(a)';
    '4.2' covers '4.2' and '4.2.1', not '4.20'."""
    a, b = _parts(named), _parts(article)
    return bool(a) and b[:len(a)] == a


def _parts(label: str) -> list[str]:
    """'4(a)' -> ['4', 'a']; 'IV.1' -> ['iv', '1']; 'Art. 4.2' -> ['4', '2']."""
    parts = re.findall(r"[a-z]+|\d+", label.lower())
    return [p for p in parts if p not in ("art", "artikel", "article", "clause", "section")]
