"""payment_term: the customer master's payment term, and every invoice's due date."""

from __future__ import annotations

from audit.checks.base import CheckContext, distinct, latest, master_field, register, valid_rows
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
    bad_ids, actual, hit = [], [], []
    for term in ctx.terms:
        bad = valid_rows(term, inv["invoice_date"]) & ((days - term.get("days")).abs() > tolerance)
        if bad.any():
            bad_ids += inv.loc[bad, "invoice_id"].tolist()
            actual += days[bad].tolist()
            hit.append(term)
    if not hit:
        return []
    term = latest(hit)
    return [ctx.deviation("execution", term, "due_date", distinct(t.get("days") for t in hit),
                          distinct(actual), bad_ids)]
