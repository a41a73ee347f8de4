"""price_indexation: per item, the price after the yearly indexation date against the cap."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pandas as pd

from audit.checks.base import CheckContext, cents, distinct, register
from audit.checks.pricing import agreed_per_line, index_dates, indexes_agreed_prices
from audit.models import Deviation, Term


@register("price_indexation", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """An agreed price may rise up to the cap per indexation date passed; an item without
    one, at most the cap over the last price charged before the date."""
    agreed = _agreed_by_item(ctx)
    lines = ctx.frame("order_lines")
    lines = lines[ctx.in_window(lines["order_date"])]
    lines = lines.sort_values(["order_date", "order_id", "line_no"], na_position="first")
    out = []
    for term in ctx.current_terms():
        if indexes_agreed_prices(term):
            out += _agreed_items(ctx, term, lines[lines["item_id"].isin(agreed)], agreed)
        free = lines[~lines["item_id"].isin(agreed)]
        for day in index_dates(ctx, term, None):
            for item, rows in free.groupby("item_id"):
                out += _item(ctx, term, str(item), rows, pd.Timestamp(day))
    return out


def _agreed_by_item(ctx: CheckContext) -> dict[str, list[Term]]:
    by_item: dict[str, list[Term]] = defaultdict(list)
    for t in ctx.terms_of("agreed_prices"):
        by_item[t.subject].append(t)
    return by_item


def _agreed_items(ctx: CheckContext, term: Term, lines: pd.DataFrame,
                  agreed: dict[str, list[Term]]) -> list[Deviation]:
    """Agreed items charged above agreed x (1 + cap) per indexation date passed."""
    out = []
    for item, rows in lines.groupby("item_id"):
        price, factor, _ = agreed_per_line(ctx, rows, agreed[str(item)])
        risen = (price.notna() & (factor != 1)).astype(bool)
        # the exact ceiling for the money, the ceiling in cents for what counts as above it
        ceiling = pd.Series([p * f if ok else Decimal(0) for p, f, ok in
                             zip(price, factor, risen, strict=True)], index=rows.index, dtype=object)
        highest = ceiling.map(cents)
        over = rows[risen & (rows["unit_price"] > highest + Decimal("0.005"))]
        if over.empty:
            continue
        overcharge = sum(((p - ceiling[i]) * q for i, p, q in
                          zip(over.index, over["unit_price"], over["quantity"], strict=True)),
                         Decimal(0))
        out.append(ctx.deviation("execution", term, str(item),
                                 distinct(highest[i] for i in over.index),
                                 distinct(cents(p) for p in over["unit_price"]),
                                 over["order_id"].tolist(), -cents(overcharge),
                                 count=over["order_id"].nunique()))
    return out


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

