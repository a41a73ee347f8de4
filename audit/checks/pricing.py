"""Agreed prices as the ERP counts them: price units, and the rise indexation allows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
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
    values = np.full(len(dates), Decimal(1), dtype=object)
    indexations = [t for t in ctx.terms_of("price_indexation") if indexes_agreed_prices(t)]
    if not indexations:
        return pd.Series(values, index=dates.index, dtype=object), None
    index = indexations[0]
    step = 1 + Decimal(str(index.get("cap_percent"))) / 100
    for day in index_dates(ctx, index, agreement_start(ctx, price, index)):
        passed = (dates >= pd.Timestamp(day)).to_numpy(dtype=bool)
        values[passed] = values[passed] * step  # numpy: a masked pandas update costs ms
    return pd.Series(values, index=dates.index, dtype=object), index


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
    agreed = np.full(len(lines), None, dtype=object)  # numpy arrays filled per term: a
    factor = np.full(len(lines), Decimal(1), dtype=object)  # masked pandas update costs ms
    cited: dict[int, Term] = {}
    for term in terms:
        mask = valid_rows(term, lines["order_date"]).to_numpy(dtype=bool)
        agreed[mask] = per_erp_unit(term, lines["unit_price"][mask])
        factor[mask] = allowed_factor(ctx, lines["order_date"][mask], term)[0].to_numpy()
        cited.update(dict.fromkeys(lines.index[mask], term))
    return (pd.Series(agreed, index=lines.index, dtype=object),
            pd.Series(factor, index=lines.index, dtype=object), cited)
