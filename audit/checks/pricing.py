"""Agreed prices as the ERP counts them: price units, and the rise indexation allows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd

from audit.checks.base import CheckContext, cents, valid_rows
from audit.models import Term


def per_erp_unit(term: Term, charged: pd.Series) -> Decimal:
    """The agreed price per unit as the ERP counts the item. A price 'per 100 st.'
    (price_unit 100) is the price of one ERP unit when the ERP sells packs of 100, or of 100
    ERP units when it counts pieces: the scale nearer to what the ERP charges decides."""
    agreed = Decimal(str(term.get("unit_price")))
    unit = int(term.get("price_unit") or 1)
    if unit <= 1 or charged.empty:
        return agreed
    typical = Decimal(str(sorted(charged)[len(charged) // 2]))  # the median, exactly
    per_piece = agreed / unit
    if typical <= 0:
        return agreed
    return per_piece if abs(typical / per_piece - 1) < abs(typical / agreed - 1) else agreed


def index_dates(ctx: CheckContext, index: Term, start: date | None) -> list[date]:
    """The yearly indexation dates after the agreement's start (else after the look-back's
    start) up to the period end: from each, prices may rise by the cap once more."""
    day, month = (int(x) for x in (index.get("date") or "01-01").split("-"))
    floor = start or ctx.period.lookback_start
    years = range(floor.year, ctx.period.end.year + 1)
    return [date(y, month, day) for y in years if floor < date(y, month, day) <= ctx.period.end]


def agreement_start(ctx: CheckContext, *terms: Term) -> date | None:
    """When the agreement began: the contract's start date, else the earliest validity."""
    for contract in ctx.terms_of("contract_term"):
        start = contract.get("start_date")
        if start is not None:
            return pd.Timestamp(start).date()
    starts = [t.valid_from for t in terms if t.valid_from is not None]
    return min(starts) if starts else None


def allowed_factor(ctx: CheckContext, dates: pd.Series, price: Term) -> tuple[pd.Series, Term | None]:
    """Per date, the factor the agreed price may have risen by through indexation
    ((1 + cap) per indexation date passed; 1 before the first), and the indexation term."""
    factor = pd.Series(Decimal(1), index=dates.index, dtype=object)
    indexations = [t for t in ctx.terms_of("price_indexation") if indexes_agreed_prices(t)]
    if not indexations:
        return factor, None
    index = indexations[0]
    step = 1 + Decimal(str(index.get("cap_percent"))) / 100
    for day in index_dates(ctx, index, agreement_start(ctx, price, index)):
        factor[dates >= pd.Timestamp(day)] *= step
    return factor, index


def indexes_agreed_prices(index: Term) -> bool:
    """The indexation has a cap and is not for the items without an agreed price only."""
    return index.get("cap_percent") is not None and index.get("applies_to") != "unlisted"


def allowed_price(agreed: Decimal, factor: Decimal) -> Decimal:
    """The highest price indexation allows, in cents."""
    return cents(agreed * factor)


def agreed_per_line(ctx: CheckContext, lines: pd.DataFrame, terms: list[Term]
                    ) -> tuple[pd.Series, pd.Series, dict[int, Term]]:
    """Per order line: the agreed price valid on its date (per ERP unit), the factor
    indexation lets it rise by, and the term cited."""
    agreed = pd.Series(None, index=lines.index, dtype=object)
    factor = pd.Series(Decimal(1), index=lines.index, dtype=object)
    cited: dict[int, Term] = {}
    for term in terms:
        mask = valid_rows(term, lines["order_date"])
        agreed[mask] = per_erp_unit(term, lines.loc[mask, "unit_price"])
        factor[mask] = allowed_factor(ctx, lines.loc[mask, "order_date"], term)[0]
        cited.update(dict.fromkeys(lines.index[mask], term))
    return agreed, factor, cited
