"""lead_time: the customer master's lead time, and every delivery against its due date."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from audit.checks.base import CheckContext, distinct, latest, master_field, register
from audit.checks.lateness import deliveries_with_due, late_orders, penalties
from audit.models import Deviation


@register("lead_time", "registered")
def registered(ctx: CheckContext) -> list[Deviation]:
    """The lead time in the customer master equals the agreed working days."""
    return master_field(ctx, "working_days", "lead_time_days", "lead_time_days")


@register("lead_time", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """No delivery later than order date + N working days, or the requested date if later."""
    rows = deliveries_with_due(ctx, ctx.terms)
    late = rows[rows["delivery_date"] > rows["due"]]
    if late.empty:
        return []
    hit = list({id(t): t for t in late["lead_term"]}.values())
    late_ids = late["delivery_id"].tolist()
    return [ctx.deviation("execution", latest(hit), "late",
                          distinct(t.get("working_days") for t in hit), len(set(late_ids)),
                          late_ids, _penalty_at_stake(ctx, rows))]


def _penalty_at_stake(ctx: CheckContext, rows: pd.DataFrame) -> Decimal | None:
    """The agreed penalty of the late orders (owed to the customer); None without a penalty."""
    if not ctx.terms_of("late_delivery_penalty"):
        return None
    total, orders, _ = penalties(ctx, late_orders(ctx, rows))
    return -total if orders else None
