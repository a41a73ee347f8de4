"""lead_time: the customer master's lead time, and every delivery against its due date."""

from __future__ import annotations

from audit.checks.base import CheckContext, distinct, latest, master_field, register, valid_rows
from audit.models import Deviation


@register("lead_time", "registered")
def registered(ctx: CheckContext) -> list[Deviation]:
    """The lead time in the customer master equals the agreed working days."""
    return master_field(ctx, "working_days", "lead_time_days", "lead_time_days")


@register("lead_time", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """No delivery later than order date + N working days, or the requested date if later."""
    deliveries = ctx.frame("deliveries")
    deliveries = deliveries[ctx.in_window(deliveries["delivery_date"])]
    orders = ctx.frame("order_lines").groupby("order_id").agg(
        order_date=("order_date", "min"), requested_date=("requested_date", "max"))
    joined = deliveries.join(orders, on="order_id", how="inner")
    late_ids, hit = [], []
    for term in ctx.terms:
        rows = joined[valid_rows(term, joined["order_date"])]
        due = ctx.calendar.add(rows["order_date"], term.get("working_days"))
        due = due.where(rows["requested_date"].isna() | (rows["requested_date"] <= due),
                        rows["requested_date"])
        late = rows["delivery_date"] > due
        if late.any():
            late_ids += rows.loc[late, "delivery_id"].tolist()
            hit.append(term)
    if not hit:
        return []
    return [ctx.deviation("execution", latest(hit), "late",
                          distinct(t.get("working_days") for t in hit), len(set(late_ids)),
                          late_ids)]
