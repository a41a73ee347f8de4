"""volume_commitment: the recorded commitment, and this year's purchases against it pro rata."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pandas as pd

from audit.checks.base import CheckContext, cents, register
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
    """Year (or quarter) to date at least the pro-rata commitment minus the margin."""
    out = []
    for term in ctx.current_terms():
        commitment = _commitment(term)
        if commitment is None:
            continue
        start, length = _period(ctx.period.end, term.get("period") or "year")
        lines = ctx.frame("order_lines")
        lines = lines[(lines["order_date"] >= pd.Timestamp(start))
                      & (lines["order_date"] <= pd.Timestamp(ctx.period.end))]
        elapsed = (ctx.period.end - start).days + 1
        taken = _taken(term, lines)
        pro_rata = commitment * elapsed / length
        if taken >= pro_rata * (1 - Decimal(str(ctx.param("margin", "0.10")))):
            continue
        forecast = taken * length / elapsed
        shortfall = commitment - forecast
        impact = cents(_discount(ctx, term, lines) * shortfall) if shortfall > 0 else None
        out.append(ctx.deviation("execution", term, f"ytd:{ctx.period.end.year}",
                                 cents(pro_rata), cents(taken), (), impact,
                                 forecast=cents(forecast), shortfall=cents(shortfall)))
    return out


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


def _period(end: date, period: str) -> tuple[date, int]:
    if period == "quarter":
        start = date(end.year, 3 * ((end.month - 1) // 3) + 1, 1)
        next_start = date(end.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)
        return start, (next_start - start).days
    start = date(end.year, 1, 1)
    return start, (date(end.year + 1, 1, 1) - timedelta(days=1) - start).days + 1


def _taken(term: Term, lines: pd.DataFrame) -> Decimal:
    if term.get("quantity") is not None:
        return sum(lines["quantity"], Decimal(0))
    return sum((q * p for q, p in zip(lines["quantity"], lines["unit_price"], strict=True)),
               Decimal(0))


def _discount(ctx: CheckContext, term: Term, lines: pd.DataFrame) -> Decimal:
    """Average discount per piece (or per euro for an amount) against the general list price."""
    lists = ctx.everyone.get("price_list")
    if lists is None or lines.empty:
        return Decimal(0)
    lists = lists[lists["customer_id"] == str(ctx.param("list_price_customer", "*"))]
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
