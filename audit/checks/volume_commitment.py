"""volume_commitment: the recorded commitment, and this year's purchases against it."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pandas as pd

from audit.checks.base import CheckContext, cents, register, valid_rows
from audit.core.i18n import format_unit
from audit.models import Deviation, Term


@register("volume_commitment", "registered")
def registered(ctx: CheckContext) -> list[Deviation]:
    """The customer master records the committed quantity or amount."""
    recorded = ctx.customer.get("volume_commitment")
    out = []
    for term in ctx.current_terms():
        agreed = _commitment(term)
        if agreed is None:
            continue  # not readable: for the controller to review, nothing to compare
        if recorded is None or pd.isna(recorded) or Decimal(recorded) != agreed:
            shown = "-" if recorded is None or pd.isna(recorded) else recorded
            out.append(ctx.deviation("registration", term, "volume_commitment", agreed, shown))
    return out


@register("volume_commitment", "executed")
def executed(ctx: CheckContext) -> list[Deviation]:
    """A yearly commitment: year to date at least pro rata minus the margin. A quarterly or
    monthly one: every completed period of this year at least the commitment."""
    out = []
    for term in ctx.current_terms():
        commitment = _commitment(term)
        if commitment is None:
            continue
        lines = _counted_lines(ctx, term)
        if (term.get("period") or "year") == "year":
            out += _year(ctx, term, commitment, lines)
        else:
            out += _periods(ctx, term, commitment, lines)
    return out


# the fields it cannot do without (not the rule id its decorator names, a customers field too)
executed.needs = ("order_date", "item_id", "quantity", "unit_price")  # type: ignore[attr-defined]


def _commitment(term: Term) -> Decimal | None:
    """The committed quantity (or amount); None for a term whose commitment could not be read
    (a review term: redacted, in an exhibit, in another currency), unless the controller
    corrected it with an override."""
    if term.get("readable") is False and not term.override:
        return None
    quantity = term.get("quantity")
    amount = term.get("amount")
    if quantity is not None:
        return Decimal(quantity)
    return None if amount is None else Decimal(amount)


def _counted_lines(ctx: CheckContext, term: Term) -> pd.DataFrame:
    """This year's order lines up to the period end, within the term's validity, of the
    committed item or item group (an item code, or a prefix such as 'BT.61')."""
    lines = ctx.frame("order_lines")
    lines = lines[ctx.year_to_date(lines["order_date"]) & valid_rows(term, lines["order_date"])]
    item = term.get("item")
    if item:
        ids = lines["item_id"].astype(str)
        lines = lines[(ids == item) | ids.str.startswith(str(item))]
    return lines


def _year(ctx: CheckContext, term: Term, commitment: Decimal, lines: pd.DataFrame
          ) -> list[Deviation]:
    start = date(ctx.period.end.year, 1, 1)
    length = (date(start.year + 1, 1, 1) - timedelta(days=1) - start).days + 1
    elapsed = (ctx.period.end - start).days + 1
    taken = _taken(term, lines)
    pro_rata = commitment * elapsed / length
    if taken >= pro_rata * (1 - Decimal(str(ctx.param("margin", "0.10")))):
        return []
    forecast = taken * length / elapsed
    shortfall = commitment - forecast
    impact = cents(_discount(ctx, term, lines) * shortfall) if shortfall > 0 else None
    return [ctx.deviation("execution", term, f"ytd:{ctx.period.end.year}", cents(pro_rata),
                          cents(taken), (), impact, forecast=cents(forecast),
                          shortfall=cents(shortfall))]


def _periods(ctx: CheckContext, term: Term, commitment: Decimal, lines: pd.DataFrame
             ) -> list[Deviation]:
    """Completed quarters (months) of this year: the shortfall summed over those short."""
    taken, short = [], Decimal(0)
    for start, end in completed_periods(ctx.period.end, term.get("period"), term.valid_from):
        rows = lines[(lines["order_date"] >= pd.Timestamp(start))
                     & (lines["order_date"] <= pd.Timestamp(end))]
        taken.append(_taken(term, rows))
        short += max(commitment - taken[-1], Decimal(0))
    if not taken or short == 0:
        return []
    impact = cents(_discount(ctx, term, lines) * short)
    return [ctx.deviation("execution", term, "per_period",
                          f"{commitment} per {format_unit(term.get('period') or '', ctx.lang)}",
                          ", ".join(str(cents(t)) for t in taken), (), impact or None,
                          shortfall=cents(short))]


def completed_periods(end: date, period: str, valid_from: date | None
                      ) -> list[tuple[date, date]]:
    """(first, last day) of each quarter or month of end's year that has ended by `end` and
    began on or after `valid_from`."""
    months = 3 if period == "quarter" else 1
    out = []
    for first_month in range(1, 13, months):
        first = date(end.year, first_month, 1)
        nxt = date(end.year + (first_month + months > 12), (first_month + months - 1) % 12 + 1, 1)
        last = nxt - timedelta(days=1)
        if last <= end and (valid_from is None or first >= valid_from):
            out.append((first, last))
    return out


def _taken(term: Term, lines: pd.DataFrame) -> Decimal:
    if term.get("quantity") is not None:
        return sum(lines["quantity"], Decimal(0))
    return sum((q * p for q, p in zip(lines["quantity"], lines["unit_price"], strict=True)),
               Decimal(0))


def _discount(ctx: CheckContext, term: Term, lines: pd.DataFrame) -> Decimal:
    """The discount per unit the clause states; else the average discount per piece (or per
    euro for an amount) against the general list price."""
    stated = term.get("discount_per_unit")
    if stated is not None:
        return Decimal(str(stated))
    lists = list_prices(ctx)
    if lists is None or lines.empty:
        return Decimal(0)
    merged = lines.merge(lists[["item_id", "unit_price", "valid_from", "valid_to"]], on="item_id",
                         suffixes=("", "_list"))
    valid = (merged["valid_from"].isna() | (merged["valid_from"] <= merged["order_date"])) & (
        merged["valid_to"].isna() | (merged["valid_to"] >= merged["order_date"]))
    merged = merged[valid]
    gap = sum(((lp - p) * q for lp, p, q in zip(merged["unit_price_list"], merged["unit_price"],
                                                merged["quantity"], strict=True)), Decimal(0))
    if term.get("quantity") is not None:
        base = sum(merged["quantity"], Decimal(0))
    else:
        base = sum((lp * q for lp, q in zip(merged["unit_price_list"], merged["quantity"],
                                            strict=True)), Decimal(0))
    return gap / base if base else Decimal(0)


def list_prices(ctx: CheckContext) -> pd.DataFrame | None:
    """The general list prices: the list_prices dataset, else the price list's rows of the
    list-price pseudo-customer (executed.params list_price_customer, default '*')."""
    frame = ctx.everyone.get("list_prices")
    if frame is not None:
        return frame.assign(**{c: pd.NaT for c in ("valid_from", "valid_to")
                               if c not in frame.columns})
    prices = ctx.everyone.get("price_list")
    if prices is None:
        return None
    return prices[prices["customer_id"] == str(ctx.param("list_price_customer", "*"))]
