"""The customers in scope: the top n by invoiced revenue over the look-back window, credit
notes deducted; without an invoices export, by order value."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from audit.erp.scope import top_customers
from audit.errors import ErpDataError
from audit.models import ErpData, Period

PERIOD = Period.parse("2026-10", lookback_months=12)  # window 2025-11-01 .. 2026-10-31
MASTERS = {"K-1": {"name": "Bakkerij Jansen"}, "K-2": {"name": "Tuinbouw De Vries"}}


def invoices(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame({"customer_id": [r[0] for r in rows],
                         "invoice_date": pd.to_datetime([r[1] for r in rows]),
                         "amount": [Decimal(r[2]) for r in rows],
                         "kind": [r[3] for r in rows]})


def test_revenue_in_the_window_with_credit_notes_deducted_ranks_the_customers() -> None:
    erp = ErpData(frames={"invoices": invoices(
        ("K-1", "2026-03-01", "1000.00", "invoice"),
        ("K-1", "2026-04-01", "-700.00", "credit_note"),  # a credit note lowers, whatever its sign
        ("K-2", "2026-10-31", "500.00", "invoice"),  # the period's last day counts
        ("K-3", "2025-10-31", "9999.00", "invoice"),  # before the window
        ("K-3", "2026-11-01", "9999.00", "invoice"),  # after the period
    )})
    assert [(c.customer_id, c.name, c.revenue, c.rank)
            for c in top_customers(erp, PERIOD, 10, MASTERS)] == [
        ("K-2", "Tuinbouw De Vries", Decimal("500.00"), 1),
        ("K-1", "Bakkerij Jansen", Decimal("300.00"), 2)]


def test_only_the_top_n_and_a_tie_goes_by_customer_id() -> None:
    erp = ErpData(frames={"invoices": invoices(
        ("K-9", "2026-05-01", "100.00", "invoice"), ("K-2", "2026-05-01", "100.00", "invoice"),
        ("K-5", "2026-05-01", "50.00", "invoice"))})
    found = top_customers(erp, PERIOD, 2, {})
    assert [(c.customer_id, c.name) for c in found] == [("K-2", "K-2"), ("K-9", "K-9")]


def test_without_invoices_the_order_value_ranks_them() -> None:
    lines = pd.DataFrame({"customer_id": ["K-1", "K-2", "K-2"],
                          "order_date": pd.to_datetime(["2026-02-01", "2026-02-01", "2026-06-01"]),
                          "quantity": [10, 3, 4], "unit_price": [Decimal("2.50"), Decimal("4.00"),
                                                                  Decimal("4.00")]})
    found = top_customers(ErpData(frames={"order_lines": lines}), PERIOD, 10, MASTERS)
    assert [(c.customer_id, c.revenue) for c in found] == [("K-2", Decimal("28.00")),
                                                           ("K-1", Decimal("25.00"))]


def test_neither_invoices_nor_order_lines_is_an_error_naming_the_datasets() -> None:
    with pytest.raises(ErpDataError, match="neither an invoices nor an order_lines dataset"):
        top_customers(ErpData(frames={}), PERIOD, 10, MASTERS)
