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
    # days from each basis a term counts from (the end of the month only where one does)
    days = {basis: (inv["due_date"] - _start(inv["invoice_date"], basis)).dt.days
            for basis in {t.get("from") for t in ctx.terms}}
    tolerance = int(ctx.rule.executed.params.get("tolerance_days", 0)) if ctx.rule.executed else 0
    bad_ids, hit = breaking_rows(
        ctx, inv, "invoice_date", "invoice_id",
        lambda term: (days[term.get("from")] - term.get("days")).abs() > tolerance)
    if not hit:
        return []
    term = latest(hit)
    actual = days[term.get("from")][inv["invoice_id"].isin(bad_ids)].tolist()
    return [ctx.deviation("execution", term, "due_date", distinct(t.get("days") for t in hit),
                          distinct(actual), bad_ids, base=BASES[term.get("from")][ctx.lang])]


def _start(invoice_date: pd.Series, basis: str | None) -> pd.Series:
    """The day the agreed days count from: the invoice date, or the last day of its month."""
    return invoice_date + pd.offsets.MonthEnd(0) if basis == MONTH_END else invoice_date


# what the agreed days are added to, per basis, as the owner reads it
BASES = {None: {"nl": "factuurdatum", "en": "invoice date"},
         MONTH_END: {"nl": "einde van de factuurmaand", "en": "end of the invoice month"}}
