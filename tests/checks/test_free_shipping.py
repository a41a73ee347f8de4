"""free_shipping on literal values: invoices whose goods value (amount minus freight) reaches the
threshold carry no freight."""

from decimal import Decimal

import pytest

from audit.checks import free_shipping
from tests.checks.conftest import term
from tests.checks.frames import invoices

D = Decimal
FRANCO = [term("free_shipping", threshold=D(1000))]


def test_freight_on_orders_above_the_threshold(make_ctx):
    inv = invoices(("F1", "2026-02-01", "1045.00", "45.00", "invoice", ""),   # goods 1000: bad
                   ("F2", "2026-02-02", "544.00", "45.00", "invoice", ""),    # below threshold
                   ("F3", "2026-02-03", "2000.00", "0", "invoice", ""))       # no freight
    [dev] = free_shipping.executed(make_ctx("free_shipping", FRANCO, invoices=inv))
    assert (dev.evidence, dev.impact_eur) == (("F1",), D("-45.00"))


def test_no_freight_above_and_freight_below_is_no_deviation(make_ctx):
    inv = invoices(("F1", "2026-02-01", "1500.00", "0", "invoice", ""),
                   ("F2", "2026-02-02", "845.00", "45.00", "invoice", ""))
    assert free_shipping.executed(make_ctx("free_shipping", FRANCO, invoices=inv)) == []


@pytest.mark.parametrize(("amount", "charged"), [("1045.00", True), ("1044.99", False)])
def test_goods_exactly_at_the_threshold_ship_free_a_cent_less_may_pay(make_ctx, amount, charged):
    inv = invoices(("F1", "2026-03-02", amount, "45.00", "invoice", ""))
    found = free_shipping.executed(make_ctx("free_shipping", FRANCO, invoices=inv))
    assert [d.evidence for d in found] == ([("F1",)] if charged else [])
