"""contract_term: the contract register's end date, the notice deadline, orders after expiry."""

from __future__ import annotations

from datetime import date

import pandas as pd

from audit.checks.base import CheckContext, register
from audit.models import Deviation, Term


@register("contract_term", "registered")
def registered(ctx: CheckContext) -> list[Deviation]:
    """The customer master (contract register) holds the current end date."""
    recorded = ctx.customer.get("contract_end_date")
    out = []
    for term in ctx.current_terms():
        end = current_end(term, ctx.period.end)
        if recorded is None or pd.isna(recorded) or pd.Timestamp(recorded).date() != end:
            shown = "-" if recorded is None or pd.isna(recorded) else pd.Timestamp(
                recorded).date().isoformat()
            out.append(ctx.deviation("registration", term, "contract_end_date", end.isoformat(),
                                     shown))
    return out


@register("contract_term", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """A notice deadline within the horizon, or orders after an end without renewal."""
    out = []
    horizon = pd.Timestamp(ctx.period.end) + pd.DateOffset(months=int(ctx.param("horizon_months",
                                                                                3)))
    for term in ctx.current_terms():
        end = current_end(term, ctx.period.end)
        deadline = notice_deadline(term, end)
        if deadline is not None and ctx.period.end < deadline <= horizon.date():
            out.append(ctx.deviation("execution", term, "notice", deadline.isoformat(),
                                     end.isoformat(), deadline=deadline.isoformat()))
        if not term.get("renewal_months") and end < ctx.period.end:
            lines = ctx.frame("order_lines")
            after = lines[(lines["order_date"] > pd.Timestamp(end))
                          & ctx.in_window(lines["order_date"])]
            if not after.empty:
                out.append(ctx.deviation("execution", term, "expired", end.isoformat(),
                                         after["order_id"].nunique(), after["order_id"].tolist()))
    return out


def current_end(term: Term, today: date) -> date:
    """The end date, renewed by whole periods while its notice deadline (or the end itself,
    without a notice period) has passed: from then on the renewal is certain."""
    end = pd.Timestamp(term.get("end_date")).date()
    months = term.get("renewal_months") or 0
    while months and (notice_deadline(term, end) or end) < today:
        end = (pd.Timestamp(end) + pd.DateOffset(months=months)).date()
    return end


def notice_deadline(term: Term, end: date) -> date | None:
    """The last day notice can be given: the end minus the notice period."""
    notice = term.get("notice")
    if not notice:
        return None
    number, unit = notice.split()
    offset = pd.DateOffset(months=int(number)) if unit == "months" else pd.DateOffset(
        days=int(number))
    return (pd.Timestamp(end) - offset).date()
