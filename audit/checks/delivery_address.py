"""delivery_address: the customer master's address, and where every delivery went."""

from __future__ import annotations

import pandas as pd

from audit.checks.base import CheckContext, breaking_rows, latest, register
from audit.core.addresses import address_key, address_keys
from audit.models import Deviation


@register("delivery_address", "registered")
def registered(ctx: CheckContext) -> list[Deviation]:
    """The customer master's delivery address has the agreed postcode and house number."""
    field = ctx.rule.registered.field if ctx.rule.registered else "delivery_address"
    actual = ctx.customer.get(field)
    actual = "" if actual is None or pd.isna(actual) else str(actual)
    key = address_keys(pd.Series([actual])).iloc[0]
    out = []
    for term in ctx.current_terms():
        address = term.get("address")
        if key != address_key(address):
            out.append(ctx.deviation("registration", term, "delivery_address", address,
                                     actual or "-"))
    return out


@register("delivery_address", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """Every delivery in the window went to the agreed postcode and house number."""
    deliveries = ctx.frame("deliveries")[["delivery_id", "delivery_date", "delivery_address"]]
    deliveries = deliveries[ctx.in_window(deliveries["delivery_date"])]
    keys = address_keys(deliveries["delivery_address"])
    known = deliveries["delivery_address"].notna()
    elsewhere, hit = breaking_rows(ctx, deliveries, "delivery_date", "delivery_id",
                                   lambda term: known & (keys != address_key(term.get("address"))))
    if not hit:
        return []
    term = latest(hit)
    return [ctx.deviation("execution", term, "address", term.get("address"),
                          len(set(elsewhere)), elsewhere)]
