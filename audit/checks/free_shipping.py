"""free_shipping: freight charged on invoices whose order value reaches the threshold."""

from __future__ import annotations

from decimal import Decimal

from audit.checks.base import CheckContext, cents, latest, money, register, valid_rows
from audit.models import Deviation


@register("free_shipping", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """Invoices with goods value (amount - freight) at or above the threshold carry no freight."""
    inv = ctx.frame("invoices")
    inv = inv[(inv["kind"] == "invoice") & ctx.in_window(inv["invoice_date"])]
    freight = money(inv["freight_amount"])
    goods = inv["amount"].astype(object) - freight
    ids, charged, hit = [], Decimal(0), []
    for term in ctx.terms:
        threshold = term.get("threshold")
        bad = valid_rows(term, inv["invoice_date"]) & (goods >= threshold) & (freight > 0)
        if bad.any():
            ids += inv.loc[bad, "invoice_id"].tolist()
            charged += sum(freight[bad], Decimal(0))
            hit.append(term)
    if not hit:
        return []
    term = latest(hit)
    return [ctx.deviation("execution", term, "freight", cents(term.get("threshold")),
                          cents(charged), ids, -cents(charged))]
