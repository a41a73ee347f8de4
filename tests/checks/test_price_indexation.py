"""price_indexation on literal values: per item without an agreed price, the price after the
indexation date against the last price before it plus the cap."""

from decimal import Decimal

import pytest

from audit.checks import price_indexation
from tests.checks.conftest import term
from tests.checks.frames import orders

D = Decimal
CAP = [term("price_indexation", cap_percent=D(3), date="01-01")]


def test_increase_above_the_cap(make_ctx):
    lines = orders(("O1", 1, "2025-12-01", "B-1", "10", "10.00"),
                   ("O2", 1, "2026-01-05", "B-1", "10", "10.30"),   # +3%: allowed
                   ("O3", 1, "2026-02-05", "B-1", "10", "10.60"),   # +6%: 0.30 x 10 too much
                   ("O4", 1, "2026-02-05", "A-1", "10", "12.30"))   # agreed 12.00, +2.5%: allowed
    ctx = make_ctx("price_indexation", CAP, order_lines=lines)
    ctx = ctx.__class__(**{**ctx.__dict__, "customer_terms": [
        *CAP, term("agreed_prices", subject="A-1", unit_price=D("12.00"))]})
    [dev] = price_indexation.executed(ctx)
    assert (dev.subject, dev.evidence, dev.impact_eur) == ("B-1", ("O3",), D("-3.00"))


def test_unchanged_prices_are_no_deviation(make_ctx):
    lines = orders(("O1", 1, "2025-12-01", "B-1", "10", "10.00"),
                   ("O2", 1, "2026-03-05", "B-1", "10", "10.00"))
    assert price_indexation.executed(make_ctx("price_indexation", CAP, order_lines=lines)) == []


@pytest.mark.parametrize(("price", "impact"), [("10.30", None), ("10.31", "-0.10")])
def test_a_rise_of_exactly_the_cap_is_allowed_a_cent_more_is_not(make_ctx, price, impact):
    lines = orders(("O1", 1, "2025-12-01", "B-1", "10", "10.00"),
                   ("O2", 1, "2026-01-05", "B-1", "10", price))
    found = price_indexation.executed(make_ctx("price_indexation", CAP, order_lines=lines))
    assert [d.impact_eur for d in found] == ([D(impact)] if impact else [])
