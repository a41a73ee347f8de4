"""Due dates of deliveries and the penalty of late ones: shared by lead_time and the penalty."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import pandas as pd

from audit.checks.base import CheckContext, cents, valid_rows
from audit.models import Term


def deliveries_with_due(ctx: CheckContext, lead_terms: list[Term]) -> pd.DataFrame:
    """Deliveries in the window with their order date and due date, and the lead-time term.

    Due = order date + the agreed working days (the term valid on the order date), or the
    requested date when that is later; without a lead-time term only the requested date counts.
    """
    deliveries = ctx.frame("deliveries")[["delivery_id", "order_id", "delivery_date"]]
    deliveries = deliveries[ctx.in_window(deliveries["delivery_date"])]
    orders = ctx.frame("order_lines")[["order_id", "order_date", "requested_date"]].groupby(
        "order_id").agg(
        order_date=("order_date", "min"), requested_date=("requested_date", "max"))
    joined = deliveries.join(orders, on="order_id", how="inner")
    parts = []
    for term in lead_terms:
        rows = joined[valid_rows(term, joined["order_date"])].copy()
        due = ctx.calendar.add(rows["order_date"], term.get("working_days"))
        rows["due"] = due.where(rows["requested_date"].isna() | (rows["requested_date"] <= due),
                                rows["requested_date"])
        rows["lead_term"] = [term] * len(rows)
        parts.append(rows)
    if not lead_terms:
        rows = joined[joined["requested_date"].notna()].copy()
        rows["due"], rows["lead_term"] = rows["requested_date"], None
        parts.append(rows)
    return pd.concat(parts) if parts else joined.iloc[0:0].assign(due=None, lead_term=None)


def late_orders(ctx: CheckContext, rows: pd.DataFrame) -> pd.DataFrame:
    """Per order whose last delivery is late: that delivery, with the working days it is late."""
    if rows.empty:
        return rows.assign(working_days_late=0)
    last = rows.loc[rows.groupby("order_id")["delivery_date"].idxmax()]
    late = last[last["delivery_date"] > last["due"]].copy()
    late["working_days_late"] = ctx.calendar.count_after(late["due"], late["delivery_date"])
    return late


def penalties(ctx: CheckContext, late: pd.DataFrame) -> tuple[Decimal, list[str], list[Term]]:
    """The contractual penalty of the late orders (each under the penalty term valid on its
    order date): the total, the orders it falls on and the terms applied."""
    lines = ctx.frame("order_lines")
    values = pd.Series([q * p for q, p in zip(lines["quantity"], lines["unit_price"],
                                              strict=True)], index=lines.index, dtype=object)
    order_value = values.groupby(lines["order_id"]).sum().to_dict()  # a dict: looked up per order
    total, orders, hit = Decimal(0), [], []
    for term in ctx.terms_of("late_delivery_penalty"):
        for row in late[valid_rows(term, late["order_date"])].itertuples():
            total += penalty(term, _units(term, row), order_value.get(row.order_id, Decimal(0)))
            orders.append(row.order_id)
            hit.append(term)
    return total, orders, hit


def _units(term: Term, row: Any) -> int:
    """Days, working days or started weeks late, as the penalty counts them."""
    per = term.get("per")
    if per == "week":
        return math.ceil(row.working_days_late / 5)
    if per == "day":
        return int((row.delivery_date - row.due).days)
    return int(row.working_days_late)


def penalty(term: Term, units: int, order_value: Decimal) -> Decimal:
    """One late order's penalty, rounded to cents: a percentage of the order value or a fixed
    amount per unit late, each up to its cap (a percentage of the order value or an amount)."""
    amount = term.get("amount")
    if amount is not None:
        owed = Decimal(str(amount)) * units
    else:
        owed = order_value * Decimal(str(term.get("percent") or 0)) * units / 100
    cap_percent, cap_amount = term.get("cap_percent"), term.get("cap_amount")
    if cap_percent is not None:
        owed = min(owed, order_value * Decimal(str(cap_percent)) / 100)
    if cap_amount is not None:
        owed = min(owed, Decimal(str(cap_amount)))
    return cents(owed)
