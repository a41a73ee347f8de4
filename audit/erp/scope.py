"""The customers in scope: the largest by invoiced revenue over the period's look-back window."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas as pd

from audit.errors import ErpDataError
from audit.models import Customer, ErpData, Period


def top_customers(erp: ErpData, period: Period, n: int,
                  masters: dict[str, dict[str, Any]]) -> list[Customer]:
    """The n customers with the most invoiced revenue (credit notes deducted) in the window."""
    invoices = erp.get("invoices")
    if invoices is None:
        invoices = order_value_as_invoices(erp)  # no invoices export: rank by order value
    if invoices is None:
        raise ErpDataError("cannot choose the customers to audit: neither an invoices nor an "
                           "order_lines dataset is configured (erp.datasets in config.yaml)")
    window = invoices[(invoices["invoice_date"] >= pd.Timestamp(period.lookback_start))
                      & (invoices["invoice_date"] <= pd.Timestamp(period.end))]
    sign = window["kind"].map({"invoice": 1, "credit_note": -1})
    amounts = [abs(a) * s for a, s in zip(window["amount"], sign, strict=True)]
    revenue = pd.Series(amounts, index=window.index, dtype=object).groupby(
        window["customer_id"]).sum()
    ranked = sorted(revenue.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return [Customer(str(cid), str(masters.get(cid, {}).get("name", cid)), Decimal(rev), rank)
            for rank, (cid, rev) in enumerate(ranked, 1)]


def order_value_as_invoices(erp: ErpData) -> pd.DataFrame | None:
    """Without an invoices export, the order lines as invoices (order date, quantity × price):
    enough to rank the customers by what they bought."""
    lines = erp.get("order_lines")
    if lines is None:
        return None
    amounts = [q * p for q, p in zip(lines["quantity"], lines["unit_price"], strict=True)]
    return pd.DataFrame({"customer_id": lines["customer_id"], "invoice_date": lines["order_date"],
                         "amount": pd.Series(amounts, index=lines.index, dtype=object),
                         "kind": "invoice"})
