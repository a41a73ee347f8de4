"""volume_rebate: the rebate due on this year's turnover against the rebate credit notes booked."""

from __future__ import annotations

from decimal import Decimal

from audit.checks.base import CheckContext, cents, money, register
from audit.models import Deviation

WORDS = ["bonus", "rebate", "staffel"]


@register("volume_rebate", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """Rebate due (reached tier x YTD turnover) equals the rebate credited, within tolerance."""
    terms = ctx.current_terms()
    if not terms:
        return []
    term = terms[0]
    inv = ctx.frame("invoices")
    inv = inv[ctx.year_to_date(inv["invoice_date"])]
    words = "|".join(ctx.param("credit_note_words", WORDS))
    notes = inv["kind"] == "credit_note"
    rebate = notes & inv["description"].fillna("").str.contains(words, case=False, regex=True)
    invoices = inv[inv["kind"] == "invoice"]
    goods = invoices["amount"].astype(object) - money(invoices["freight_amount"])
    turnover = sum(goods, Decimal(0)) - sum((abs(a) for a in inv.loc[notes & ~rebate, "amount"]),
                                            Decimal(0))
    percent = max((p for threshold, p in term.get("tiers") if turnover >= threshold),
                  default=Decimal(0))
    due = cents(turnover * percent / 100)
    booked = cents(sum((abs(a) for a in inv.loc[rebate, "amount"]), Decimal(0)))
    if abs(booked - due) <= Decimal(str(ctx.param("tolerance_eur", "1.00"))):
        return []
    return [ctx.deviation("execution", term, f"ytd:{ctx.period.end.year}", due, booked,
                          inv.loc[rebate, "invoice_id"].tolist(), booked - due,
                          turnover=cents(turnover))]
