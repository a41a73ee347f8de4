"""ERP frames from literal rows for the check tests: order lines and invoices."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from tests.checks.conftest import frame

ORDER_COLUMNS = ["order_id", "line_no", "order_date", "item_id", "quantity", "unit_price"]


def orders(*rows: tuple[str, int, str, str, str, str]) -> pd.DataFrame:
    """Order lines (order, line, date, item, quantity, price); none when no rows are given."""
    df = frame([dict(zip(ORDER_COLUMNS, (o, n, od, it, Decimal(q), Decimal(p)), strict=True))
                for o, n, od, it, q, p in rows] or [dict.fromkeys(ORDER_COLUMNS)],
               dates=("order_date",))
    return df.assign(requested_date=pd.NaT).iloc[: len(rows)]


def invoices(*rows: tuple[str, str, str, str, str, str]) -> pd.DataFrame:
    """Invoices (id, date, amount, freight, kind, description)."""
    return frame([{"invoice_id": i, "invoice_date": d, "amount": Decimal(a),
                   "freight_amount": Decimal(f), "kind": k, "description": desc}
                  for i, d, a, f, k, desc in rows], dates=("invoice_date",))


def deliveries(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """Deliveries (id, order, date)."""
    return frame([{"delivery_id": i, "order_id": o, "delivery_date": d} for i, o, d in rows],
                 dates=("delivery_date",))
