"""Due dates of deliveries (lead time, requested date): shared by lead_time and the penalty."""

from __future__ import annotations

import pandas as pd

from audit.checks.base import CheckContext, valid_rows
from audit.models import Term


def deliveries_with_due(ctx: CheckContext, lead_terms: list[Term]) -> pd.DataFrame:
    """Deliveries in the window with their order date and due date, and the lead-time term.

    Due = order date + the agreed working days (the term valid on the order date), or the
    requested date when that is later; without a lead-time term only the requested date counts.
    """
    deliveries = ctx.frame("deliveries")
    deliveries = deliveries[ctx.in_window(deliveries["delivery_date"])]
    orders = ctx.frame("order_lines").groupby("order_id").agg(
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
