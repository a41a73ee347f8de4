"""late_delivery_penalty: the penalty each late order creates, capped, as money at stake."""

from __future__ import annotations

from audit.checks.base import CheckContext, latest, register
from audit.checks.lateness import deliveries_with_due, late_orders, penalties
from audit.models import Deviation, Term


@register("late_delivery_penalty", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """Per order whose last delivery is late: the percentage of the order value or the fixed
    amount per day, working day or week late, up to the cap."""
    late = late_orders(ctx, deliveries_with_due(ctx, ctx.terms_of("lead_time")))
    if late.empty:
        return []
    total, orders, hit = penalties(ctx, late)
    if not orders:
        return []
    term = latest(hit)
    return [ctx.deviation("execution", term, "penalty", describe(term),
                          f"{len(set(orders))} late orders", orders, -total)]


def describe(term: Term) -> str:
    """'1% per working_day, max 10%' or 'EUR 25.00 per working_day, max EUR 250.00'."""
    amount, per = term.get("amount"), term.get("per")
    text = f"EUR {amount:.2f} per {per}" if amount is not None else f"{term.get('percent')}% per {per}"
    caps = [f"{c}%" for c in [term.get("cap_percent")] if c is not None]
    caps += [f"EUR {c:.2f}" for c in [term.get("cap_amount")] if c is not None]
    return text + (f", max {' / '.join(caps)}" if caps else "")
