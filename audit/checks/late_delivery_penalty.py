"""late_delivery_penalty: the penalty each late order creates, capped, as money at stake."""

from __future__ import annotations

from audit.checks.base import CheckContext, latest, register
from audit.checks.lateness import deliveries_with_due, late_orders, penalties
from audit.core.i18n import format_money, format_percent, format_unit, label
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
    late_text = label(ctx.lang, "late_orders").format(count=len(set(orders)))
    return [ctx.deviation("execution", term, "penalty", describe(term, ctx.lang), late_text,
                          orders, -total)]


def describe(term: Term, lang: str) -> str:
    """'1 % per werkdag, max. 10 %' or '€25.00 per working day, max €250.00'."""
    amount, per = term.get("amount"), format_unit(term.get("per") or "", lang)
    rate = format_money(amount, lang) if amount is not None else format_percent(
        term.get("percent"), lang)
    caps = [format_percent(c, lang) for c in [term.get("cap_percent")] if c is not None]
    caps += [format_money(c, lang) for c in [term.get("cap_amount")] if c is not None]
    text = f"{rate} per {per}"
    return text + (f", {label(lang, 'at_most')} {' / '.join(caps)}" if caps else "")
