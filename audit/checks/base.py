"""What every check gets (CheckContext), the registry of checks by rule id, shared helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd

from audit.core.i18n import Money, format_value
from audit.core.rule_model import Rule
from audit.core.workdays import WorkCalendar
from audit.models import Deviation, Period, Term

CheckFn = Callable[["CheckContext"], list[Deviation]]


@dataclass(frozen=True)
class CheckKind:
    """The registration and execution checks of one rule kind (either may be absent)."""

    registered: CheckFn | None = None
    executed: CheckFn | None = None


CHECKS: dict[str, CheckKind] = {}


def register(rule_id: str, side: str) -> Callable[[CheckFn], CheckFn]:
    """Decorator: `@register("payment_term", "registered")` adds a check to the registry."""

    def add(fn: CheckFn) -> CheckFn:
        kind = CHECKS.get(rule_id, CheckKind())
        CHECKS[rule_id] = CheckKind(**{**kind.__dict__, side: fn})
        return fn

    return add


@dataclass(frozen=True)
class CheckContext:
    """One customer x one rule: its terms, its master data and transactions, the period."""

    rule: Rule
    customer_id: str
    customer_name: str
    customer: dict[str, Any]
    terms: list[Term]
    frames: dict[str, pd.DataFrame] = field(repr=False)
    period: Period = field(repr=False)
    calendar: WorkCalendar = field(repr=False)
    lang: str = "nl"
    customer_terms: list[Term] = field(default_factory=list, repr=False)  # all rules' terms
    everyone: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)  # unfiltered

    def terms_of(self, rule_id: str) -> list[Term]:
        """This customer's terms of another rule (a penalty needs the lead time)."""
        return [t for t in self.customer_terms if t.rule_id == rule_id]

    def year_to_date(self, dates: pd.Series) -> pd.Series:
        """True for dates from 1 January of the period's year up to its end."""
        start = pd.Timestamp(self.period.end.year, 1, 1)
        return (dates >= start) & (dates <= pd.Timestamp(self.period.end))

    def param(self, name: str, default: Any) -> Any:
        """A parameter of the rule's execution check (rules/<id>.yaml executed.params)."""
        spec = self.rule.executed
        return spec.params.get(name, default) if spec else default

    def frame(self, name: str) -> pd.DataFrame:
        """This customer's rows of a dataset (empty when the customer has none)."""
        return self.frames[name]

    def in_window(self, dates: pd.Series) -> pd.Series:
        """True for dates within the look-back window of the period."""
        start = pd.Timestamp(self.period.lookback_start)
        return (dates >= start) & (dates <= pd.Timestamp(self.period.end))

    def current_terms(self) -> list[Term]:
        """The terms valid on the last day of the period, one per subject (most confident)."""
        best: dict[str, Term] = {}
        for term in self.terms:
            if term.valid_on(self.period.end):
                if term.subject not in best or term.confidence > best[term.subject].confidence:
                    best[term.subject] = term
        return [best[s] for s in sorted(best)]

    def deviation(self, kind: str, term: Term, subject: str, expected: Any, actual: Any,
                  evidence: Iterable[str] = (), impact: Decimal | None = None,
                  count: int | None = None, **extra: Any) -> Deviation:
        """A deviation citing the term's clause, its description filled from the rule file."""
        evidence = tuple(sorted(set(evidence)))
        params = {v.parameter: v.value for v in term.values}
        params.update(expected=expected, actual=actual, customer=self.customer_name,
                      customer_id=self.customer_id, subject=term.subject or subject,
                      count=count if count is not None else len(evidence),
                      impact="" if impact is None else Money(impact),
                      amount="" if impact is None else Money(abs(impact)),  # the way
                      direction=direction(impact),  # it goes is in the text (rule: kind:owed)
                      article=term.clause.article, file=term.clause.file, page=term.clause.page,
                      **extra)
        return Deviation(
            customer_id=self.customer_id, customer_name=self.customer_name,
            rule_id=self.rule.id, kind=kind, subject=subject,
            description=self.rule.message(kind, self.lang, params, subject),
            expected=str(expected), actual=str(actual), evidence=evidence, impact_eur=impact,
            severity=self.rule.severity, contract_file=term.clause.file,
            contract_page=term.clause.page, contract_article=term.clause.article,
            contract_text=term.clause.text,
            # as the owner reads them (the action is filled from these later)
            params=tuple((k, format_value(v, self.lang)) for k, v in params.items()),
            agreed=agreement(term),
        )


def direction(impact: Decimal | None) -> str:
    """Which way the money goes: 'owed' (the customer paid too much), 'forgone' (we missed it)."""
    if impact is None or impact == 0:
        return ""
    return "owed" if impact < 0 else "forgone"


def agreement(term: Term) -> str:
    """What a term agrees, language-neutral, for a deviation's identity: 'A-1|unit_price=43.50'."""
    values = ";".join(f"{v.parameter}={v.value}" for v in sorted(
        term.values, key=lambda v: v.parameter) if v.parameter != "quote")
    return f"{term.subject}|{values}"


def master_field(ctx: CheckContext, parameter: str, subject: str, default_field: str
                 ) -> list[Deviation]:
    """Registration of a number in the customer master: the field equals the agreed value."""
    spec = ctx.rule.registered
    field_name = spec.field if spec and spec.field else default_field
    actual = ctx.customer.get(field_name)
    out = []
    for term in ctx.current_terms():
        agreed = term.get(parameter)
        if actual is None or pd.isna(actual) or int(actual) != agreed:
            shown = "-" if actual is None or pd.isna(actual) else int(actual)
            out.append(ctx.deviation("registration", term, subject, agreed, shown))
    return out


def breaking_rows(ctx: CheckContext, rows: pd.DataFrame, date_column: str, id_column: str,
                  breaks: Callable[[Term], pd.Series]) -> tuple[list[str], list[Term]]:
    """Document ids of the rows that break the term valid on their date, and those terms."""
    ids: list[str] = []
    hit: list[Term] = []
    for term in ctx.terms:
        bad = valid_rows(term, rows[date_column]) & breaks(term)
        if bad.any():
            ids += rows.loc[bad, id_column].tolist()
            hit.append(term)
    return ids, hit


def valid_rows(term: Term, dates: pd.Series) -> pd.Series:
    """True for the rows whose date falls within the term's validity."""
    mask = pd.Series(True, index=dates.index)
    if term.valid_from is not None:
        mask &= dates >= pd.Timestamp(term.valid_from)
    if term.valid_to is not None:
        mask &= dates <= pd.Timestamp(term.valid_to)
    return mask


def cents(amount: Decimal) -> Decimal:
    """Money rounded to cents, half up (as an invoice rounds)."""
    return Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def money(column: pd.Series) -> pd.Series:
    """An optional money column with Decimal(0) where the ERP left it empty."""
    column = column.astype(object)
    return column.where(column.notna(), Decimal(0))  # a mask, not a Python call per row


def distinct(values: Iterable[Any]) -> str:
    """'30' or '30, 60': the distinct values found, sorted."""
    return ", ".join(str(v) for v in sorted(set(values)))


def latest(terms: list[Term]) -> Term:
    """The term that became valid last (the one to cite)."""
    return max(terms, key=lambda t: (t.valid_from or pd.Timestamp.min.date(), t.confidence))
