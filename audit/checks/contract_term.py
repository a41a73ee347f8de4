"""contract_term: the contract register's end date, the notice deadline, orders after expiry."""

from __future__ import annotations

from datetime import date

import pandas as pd

from audit.checks.base import CheckContext, register
from audit.core.i18n import format_date, label
from audit.models import Deviation, Term


def _say(ctx: CheckContext, key: str, **values: object) -> str:
    """A sentence of this check in the run's language, dates written for it."""
    shown = {k: format_date(v, ctx.lang) if isinstance(v, date) else v for k, v in values.items()}
    return label(ctx.lang, key).format(**shown)


@register("contract_term", "registered")
def registered(ctx: CheckContext) -> list[Deviation]:
    """The customer master (contract register) holds the current end date."""
    recorded = ctx.customer.get("contract_end_date")
    out = []
    for term in ctx.current_terms():
        end = current_end(term, ctx.period.end)
        if end is None:
            continue  # open-ended: there is no end date to register
        if recorded is None or pd.isna(recorded) or pd.Timestamp(recorded).date() != end:
            shown = "-" if recorded is None or pd.isna(recorded) else pd.Timestamp(
                recorded).date().isoformat()
            out.append(ctx.deviation("registration", term, "contract_end_date", end.isoformat(),
                                     shown))
    return out


@register("contract_term", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """A notice deadline within the horizon, one that passed this period, or orders after an
    end without renewal."""
    out = []
    for term in ctx.current_terms():
        end = current_end(term, ctx.period.end)
        if end is None:
            continue  # open-ended (evergreen without an end date): no deadline to watch
        out += _upcoming(ctx, term, end) + _passed(ctx, term) + _expired(ctx, term, end)
    return out


def _upcoming(ctx: CheckContext, term: Term, end: date) -> list[Deviation]:
    """The running term's notice deadline falls after the period, within the horizon."""
    months = int(ctx.param("horizon_months", 3))
    horizon = (pd.Timestamp(ctx.period.end) + pd.DateOffset(months=months)).date()
    deadline = notice_deadline(term, end)
    if deadline is None or not ctx.period.end < deadline <= horizon or end <= ctx.period.end:
        return []
    renewal = term.get("renewal_months")
    shows = (_say(ctx, "term_ends_renews", end=end, months=renewal) if renewal
             else _say(ctx, "term_ends_unless", end=end))
    return [ctx.deviation("execution", term, "notice", _say(ctx, "term_decide", deadline=deadline),
                          shows, deadline=deadline.isoformat(), end=end.isoformat())]


def _passed(ctx: CheckContext, term: Term) -> list[Deviation]:
    """A notice deadline that passed during the audited period (since the previous monthly
    run): reported once, saying whether the contract renewed or ends."""
    for end in _ends(term, ctx.period.end):
        deadline = notice_deadline(term, end)
        if deadline is not None and ctx.period.start <= deadline <= ctx.period.end:
            renewal = term.get("renewal_months")
            shows = (_say(ctx, "term_renewed_to", end=end, renewed=_add(end, renewal)) if renewal
                     else _say(ctx, "term_ends_on", end=end))
            return [ctx.deviation("execution", term, f"notice_passed:{deadline.isoformat()}",
                                  _say(ctx, "term_notice_passed", deadline=deadline), shows,
                                  deadline=deadline.isoformat(), end=end.isoformat())]
    return []


def _expired(ctx: CheckContext, term: Term, end: date) -> list[Deviation]:
    """Orders after an end without renewal."""
    if term.get("renewal_months") or end >= ctx.period.end:
        return []
    lines = ctx.frame("order_lines")
    after = lines[(lines["order_date"] > pd.Timestamp(end)) & ctx.in_window(lines["order_date"])]
    if after.empty:
        return []
    last = after["order_date"].max().date()
    return [ctx.deviation("execution", term, "expired", _say(ctx, "term_no_orders_after", end=end),
                          _say(ctx, "term_orders_up_to", count=after["order_id"].nunique(),
                               last=last),
                          after["order_id"].tolist(), end=end.isoformat())]


def current_end(term: Term, today: date) -> date | None:
    """The end date, renewed by whole periods while its notice deadline (or the end itself,
    without a notice period) has passed: from then on the renewal is certain. None for an
    open-ended contract."""
    ends = _ends(term, today)
    return ends[-1] if ends else None


def _ends(term: Term, today: date) -> list[date]:
    """The end of the initial term and of each renewal up to the running one."""
    first = term.get("end_date")
    if first is None or pd.isna(first):
        return []
    ends = [pd.Timestamp(first).date()]
    months = term.get("renewal_months") or 0
    while months and (notice_deadline(term, ends[-1]) or ends[-1]) < today:
        ends.append(_add(ends[-1], months))
    return ends


def _add(day: date, months: int) -> date:
    return (pd.Timestamp(day) + pd.DateOffset(months=months)).date()


def notice_deadline(term: Term, end: date) -> date | None:
    """The last day notice can be given: the end minus the notice period."""
    notice = term.get("notice")
    if not notice:
        return None
    number, unit = str(notice).split()
    offset = pd.DateOffset(months=int(number)) if unit.startswith("month") else pd.DateOffset(
        days=int(number))
    return (pd.Timestamp(end) - offset).date()
