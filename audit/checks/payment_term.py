"""payment_term: the customer master's payment term, and every invoice's due date."""

from __future__ import annotations

import pandas as pd

from audit.checks.base import (
    CheckContext,
    breaking_rows,
    distinct,
    latest,
    master_field,
    register,
)
from audit.core.rule_model import MONTH_END
from audit.models import Deviation, Term


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
    days = {basis: (inv["due_date"] - start).dt.days for basis, start in (
        (None, inv["invoice_date"]), (MONTH_END, inv["invoice_date"] + pd.offsets.MonthEnd(0)))}
    tolerance = int(ctx.rule.executed.params.get("tolerance_days", 0)) if ctx.rule.executed else 0
    bad_ids, hit = breaking_rows(
        ctx, inv, "invoice_date", "invoice_id",
        lambda term: (days[term.get("from")] - term.get("days")).abs() > tolerance)
    if not hit:
        return []
    term = latest(hit)
    actual = days[term.get("from")][inv["invoice_id"].isin(bad_ids)].tolist()
    return [ctx.deviation("execution", term, "due_date", distinct(t.get("days") for t in hit),
                          distinct(actual), bad_ids, base=base_text(term, ctx.lang))]


def base_text(term: Term, lang: str) -> str:
    """What the agreed days are added to, as the owner reads it."""
    key = "month_end" if term.get("from") == MONTH_END else "invoice_date"
    return BASES[key][lang]


BASES = {"invoice_date": {"nl": "factuurdatum", "en": "invoice date"},
         "month_end": {"nl": "einde van de factuurmaand", "en": "end of the invoice month"}}
