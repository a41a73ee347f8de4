"""agreed_prices: the customer's price list, and the price on every order line, per item."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from audit.checks.base import CheckContext, distinct, latest, register
from audit.checks.pricing import agreed_per_line, allowed_factor, allowed_price, per_erp_unit
from audit.models import Deviation, Term

LINE_COLUMNS = ["order_id", "order_date", "item_id", "quantity", "unit_price"]


@register("agreed_prices", "registered")
def registered(ctx: CheckContext) -> list[Deviation]:
    """The price list holds the agreed price of each item valid on the last day of the period
    (after an indexation date: a price up to the cap above it)."""
    prices = ctx.frame("price_list")
    end = pd.Timestamp(ctx.period.end)
    valid = (prices["valid_from"].isna() | (prices["valid_from"] <= end)) & (
        prices["valid_to"].isna() | (prices["valid_to"] >= end))
    out = []
    for term in ctx.current_terms():
        listed = prices.loc[valid & (prices["item_id"] == term.subject), "unit_price"]
        if listed.empty:
            out.append(ctx.deviation("registration", term, term.subject,
                                     _eur(term.get("unit_price")),
                                     "not in the price list" if ctx.lang == "en"
                                     else "niet in de prijslijst"))
            continue
        agreed = per_erp_unit(term, listed)
        factor, _ = allowed_factor(ctx, pd.Series([end]), term)
        ceiling = allowed_price(agreed, factor.iloc[0])
        if any(p < agreed or p > ceiling for p in listed):
            out.append(ctx.deviation("registration", term, term.subject, _eur(agreed),
                                     distinct(_eur(p) for p in listed)))
    return out


@register("agreed_prices", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """Every order line of an agreed item is charged the price valid on its order date."""
    lines = ctx.frame("order_lines")[LINE_COLUMNS]  # filtering fewer columns is cheaper
    lines = lines[ctx.in_window(lines["order_date"])]
    tolerance = Decimal(str(ctx.param("tolerance_eur", "0.005")))
    by_item: dict[str, list[Term]] = {}
    for term in ctx.terms:
        by_item.setdefault(term.subject, []).append(term)
    # the lines split by item once, not scanned once per agreed item
    mine = dict(tuple(lines[lines["item_id"].isin(by_item)].groupby("item_id")))
    out = []
    for item, terms in sorted(by_item.items()):
        out += _item_deviations(ctx, mine.get(item, lines.iloc[0:0]), item, terms, tolerance)
    return out


def _item_deviations(ctx: CheckContext, lines: pd.DataFrame, item: str, terms: list[Term],
                     tolerance: Decimal) -> list[Deviation]:
    agreed, factor, cited = agreed_per_line(ctx, lines, terms)
    checked = agreed.notna()
    diff = (agreed[checked] - lines.loc[checked, "unit_price"]).astype(object)
    # above the agreed price after an indexation date: the indexation check judges it
    indexed = (factor[checked] != 1).astype(bool)
    out = []
    for direction, bad in (("undercharged", diff > tolerance),
                           ("overcharged", (diff < -tolerance) & ~indexed)):
        rows = bad[bad].index
        if len(rows) == 0:
            continue
        # whole columns as lists: a label lookup per row costs more than the arithmetic
        impact = sum((d * q for d, q in zip(diff[rows], lines.loc[rows, "quantity"], strict=True)),
                     Decimal(0))
        term = latest([cited[r] for r in rows])
        orders = lines.loc[rows, "order_id"].tolist()
        out.append(ctx.deviation(
            "execution", term, f"{item}:{direction}", distinct(_eur(a) for a in agreed[rows]),
            distinct(_eur(p) for p in lines.loc[rows, "unit_price"]), orders,
            impact.quantize(Decimal("0.01")), count=len(set(orders))))
    return out


def _eur(value: Decimal) -> str:
    return f"{value:.2f}"
