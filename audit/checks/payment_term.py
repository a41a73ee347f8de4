"""payment_term: the customer master's payment term, and every invoice's due date."""

from __future__ import annotations

from audit.checks.base import (
    CheckContext,
    breaking_rows,
    distinct,
    latest,
    master_field,
    register,
)
from audit.models import Deviation


@register("payment_term", "registered")
def registered(ctx: CheckContext) -> list[Deviation]:
    """The payment term in the customer master equals the agreed days."""
    return master_field(ctx, "days", "payment_term_days", "payment_term_days")


@register("payment_term", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """Every invoice (not credit notes) in the window is due after the agreed days."""
    inv = ctx.frame("invoices")
    inv = inv[(inv["kind"] == "invoice") & ctx.in_window(inv["invoice_date"])
              & inv["due_date"].notna()]
    days = (inv["due_date"] - inv["invoice_date"]).dt.days
    tolerance = int(ctx.rule.executed.params.get("tolerance_days", 0)) if ctx.rule.executed else 0
    bad_ids, hit = breaking_rows(ctx, inv, "invoice_date", "invoice_id",
                                 lambda term: (days - term.get("days")).abs() > tolerance)
    if not hit:
        return []
    actual = days[inv["invoice_id"].isin(bad_ids)].tolist()
    term = latest(hit)
    return [ctx.deviation("execution", term, "due_date", distinct(t.get("days") for t in hit),
                          distinct(actual), bad_ids)]
