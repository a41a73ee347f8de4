"""late_delivery_penalty: the penalty each late order creates, capped, as money at stake."""

from __future__ import annotations

import math
from decimal import Decimal

import pandas as pd

from audit.checks.base import CheckContext, cents, latest, register, valid_rows
from audit.checks.lateness import deliveries_with_due
from audit.models import Deviation, Term


@register("late_delivery_penalty", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """Per order whose last delivery is late: min(percent x units late, cap) x order value."""
    rows = deliveries_with_due(ctx, ctx.terms_of("lead_time"))
    if rows.empty:
        return []
    last = rows.loc[rows.groupby("order_id")["delivery_date"].idxmax()]
    late = last[last["delivery_date"] > last["due"]].copy()
    if late.empty:
        return []
    late["working_days_late"] = ctx.calendar.count_after(late["due"], late["delivery_date"])
    lines = ctx.frame("order_lines")
    values = pd.Series([q * p for q, p in zip(lines["quantity"], lines["unit_price"],
                                              strict=True)], index=lines.index, dtype=object)
    order_value = values.groupby(lines["order_id"]).sum()
    total, orders, hit = Decimal(0), [], []
    for term in ctx.terms:
        for row in late[valid_rows(term, late["order_date"])].itertuples():
            total += _penalty(term, row, order_value.get(row.order_id, Decimal(0)))
            orders.append(row.order_id)
            hit.append(term)
    if not orders:
        return []
    term = latest(hit)
    return [ctx.deviation("execution", term, "penalty", len(set(orders)), len(set(orders)),
                          orders, -total, per=term.get("per"),
                          cap_percent=term.get("cap_percent", "-"))]


def _penalty(term: Term, row: object, order_value: Decimal) -> Decimal:
    """The penalty of one late order, rounded to cents."""
    per = term.get("per")
    if per == "week":
        units = math.ceil(row.working_days_late / 5)  # type: ignore[attr-defined]
    elif per == "day":
        units = (row.delivery_date - row.due).days  # type: ignore[attr-defined]
    else:
        units = int(row.working_days_late)  # type: ignore[attr-defined]
    percent = Decimal(str(term.get("percent"))) * units
    cap = term.get("cap_percent")
    if cap is not None:
        percent = min(percent, Decimal(str(cap)))
    return cents(order_value * percent / 100)
