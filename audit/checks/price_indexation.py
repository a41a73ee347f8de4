"""price_indexation: per item, the price after the yearly indexation date against the cap."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd

from audit.checks.base import CheckContext, cents, distinct, register
from audit.models import Deviation, Term


@register("price_indexation", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """Prices charged on/after the date rise at most the cap over the last price before it."""
    agreed = {t.subject for t in ctx.terms_of("agreed_prices")}
    lines = ctx.frame("order_lines")
    lines = lines[ctx.in_window(lines["order_date"]) & ~lines["item_id"].isin(agreed)]
    lines = lines.sort_values(["order_date", "order_id", "line_no"], na_position="first")
    out = []
    for term in ctx.current_terms():
        for day in _index_dates(ctx, term):
            for item, rows in lines.groupby("item_id"):
                out += _item(ctx, term, str(item), rows, pd.Timestamp(day))
    return out


def _index_dates(ctx: CheckContext, term: Term) -> list[date]:
    day, month = (int(x) for x in (term.get("date") or "01-01").split("-"))
    years = range(ctx.period.lookback_start.year, ctx.period.end.year + 1)
    return [date(y, month, day) for y in years
            if ctx.period.lookback_start < date(y, month, day) <= ctx.period.end]


def _item(ctx: CheckContext, term: Term, item: str, rows: pd.DataFrame,
          day: pd.Timestamp) -> list[Deviation]:
    before, after = rows[rows["order_date"] < day], rows[rows["order_date"] >= day]
    if before.empty or after.empty:
        return []
    reference = before["unit_price"].iloc[-1]
    allowed = cents(reference * (1 + Decimal(str(term.get("cap_percent"))) / 100))
    over = after[after["unit_price"] > allowed + Decimal("0.005")]
    if over.empty:
        return []
    overcharge = sum(((p - allowed) * q for p, q in zip(over["unit_price"], over["quantity"],
                                                         strict=True)), Decimal(0))
    return [ctx.deviation("execution", term, item, cents(reference),
                          distinct(cents(p) for p in over["unit_price"]),
                          over["order_id"].tolist(), -cents(overcharge),
                          count=over["order_id"].nunique())]
