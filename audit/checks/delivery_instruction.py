"""delivery_instruction: the call ahead in the customer master, and on every delivery."""

from __future__ import annotations

import pandas as pd

from audit.checks.base import CheckContext, breaking_rows, latest, register
from audit.models import Deviation

DEFAULT_KEYWORDS = ["bel", "call", "phone", "telefo"]


@register("delivery_instruction", "registered")
def registered(ctx: CheckContext) -> list[Deviation]:
    """The customer master's delivery instruction mentions the call ahead."""
    spec = ctx.rule.registered
    field = spec.field if spec and spec.field else "delivery_instructions"
    keywords = spec.params.get("keywords", DEFAULT_KEYWORDS) if spec else DEFAULT_KEYWORDS
    text = ctx.customer.get(field)
    text = "" if text is None or pd.isna(text) else str(text)
    out = []
    for term in ctx.current_terms():
        if not any(k in text.lower() for k in keywords):  # type: ignore[union-attr]
            out.append(ctx.deviation("registration", term, "delivery_instructions",
                                     term.get("minutes"), text or "-"))
    return out


@register("delivery_instruction", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """Every delivery in the window records that the call ahead was made."""
    deliveries = ctx.frame("deliveries")
    deliveries = deliveries[ctx.in_window(deliveries["delivery_date"])]
    not_called = deliveries["call_ahead_done"] == False  # noqa: E712 - None: not recorded
    missed, hit = breaking_rows(ctx, deliveries, "delivery_date", "delivery_id",
                                lambda term: not_called)
    if not hit:
        return []
    term = latest(hit)
    return [ctx.deviation("execution", term, "call_ahead", term.get("minutes"),
                          len(set(missed)), missed)]
