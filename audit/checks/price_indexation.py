"""price_indexation: per item, the price after the yearly indexation date against the cap."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from itertools import groupby
from operator import itemgetter

import pandas as pd

from audit.checks.base import CheckContext, cents, distinct, register
from audit.checks.pricing import agreed_per_line, index_dates, indexes_agreed_prices
from audit.models import Deviation, Term


@register("price_indexation", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """An agreed price may rise up to the cap per indexation date passed; an item without
    one, at most the cap over the last price charged before the date."""
    agreed = _agreed_by_item(ctx)
    lines = ctx.frame("order_lines")[["order_id", "line_no", "order_date", "item_id", "quantity",
                                      "unit_price"]]  # filtering fewer columns is cheaper
    lines = lines[ctx.in_window(lines["order_date"])]
    lines = lines.sort_values(["order_date", "order_id", "line_no"], na_position="first")
    out = []
    for term in ctx.current_terms():
        if indexes_agreed_prices(term):
            out += _agreed_items(ctx, term, lines[lines["item_id"].isin(agreed)], agreed)
        free = lines[~lines["item_id"].isin(agreed)]
        for day in index_dates(ctx, term, None):
            out += _free_items(ctx, term, free, pd.Timestamp(day))
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


def _free_items(ctx: CheckContext, term: Term, lines: pd.DataFrame,
                day: pd.Timestamp) -> list[Deviation]:
    """Items without an agreed price charged above the cap over their last price before the
    date (all items at once: one pass over the lines per date, not one per item)."""
    before, after = lines[lines["order_date"] < day], lines[lines["order_date"] >= day]
    if before.empty or after.empty:
        return []
    # the last line's price, missing or not (groupby.last would skip a missing one)
    reference = before.drop_duplicates("item_id", keep="last").set_index("item_id")["unit_price"]
    step = 1 + Decimal(str(term.get("cap_percent"))) / 100
    allowed = reference.map(lambda r: cents(r * step))
    after = after[after["item_id"].isin(reference.index)]
    over = after[after["unit_price"] > after["item_id"].map(allowed).astype(object) + Decimal("0.005")]
    out = []
    limits, references = allowed.to_dict(), reference.to_dict()
    for item, prices, quantities, orders in _rows_by_item(over):
        limit = limits[item]
        overcharge = sum(((p - limit) * q for p, q in zip(prices, quantities, strict=True)),
                         Decimal(0))
        out.append(ctx.deviation("execution", term, str(item), cents(references[item]),
                                 distinct(cents(p) for p in prices), orders, -cents(overcharge),
                                 count=len({o for o in orders if not pd.isna(o)})))
    return out


def _rows_by_item(rows: pd.DataFrame) -> Iterator[tuple[str, list, list, list]]:
    """Per item (sorted), its rows' prices, quantities and order ids in row order: plain lists,
    as thousands of small pandas groups would cost milliseconds each."""
    rows = rows.sort_values("item_id", kind="stable")
    columns = zip(rows["item_id"], rows["unit_price"], rows["quantity"], rows["order_id"],
                  strict=True)
    for item, group in groupby(columns, key=itemgetter(0)):
        _, prices, quantities, orders = (list(c) for c in zip(*group, strict=True))
        yield item, prices, quantities, orders
