"""late_delivery_penalty on literal values: a percentage of the order value per working day late
(as lead_time counts it), capped."""

from decimal import Decimal

import pytest

from audit.checks import late_delivery_penalty
from tests.checks.conftest import term
from tests.checks.frames import deliveries, orders

D = Decimal
LEAD = term("lead_time", working_days=3)  # ordered Mon 20-04-2026: due Thu 23-04
PENALTY = term("late_delivery_penalty", percent=D(1), per="working_day", cap_percent=D(10))


def context(make_ctx, lines, shipped):
    ctx = make_ctx("late_delivery_penalty", [PENALTY], order_lines=lines, deliveries=shipped)
    return ctx.__class__(**{**ctx.__dict__, "customer_terms": [LEAD, PENALTY]})


def test_per_working_day_capped(make_ctx):
    lines = orders(("O1", 1, "2026-04-20", "A-1", "10", "100.00"),   # value 1,000
                   ("O2", 1, "2026-04-20", "A-1", "1", "500.00"))    # value 500
    shipped = deliveries(("L1", "O1", "2026-04-30"), ("L2", "O2", "2026-06-30"))
    [dev] = late_delivery_penalty.executed(context(make_ctx, lines, shipped))
    # O1: 24, 28, 29, 30 April = 4 working days (King's Day 27-04 is none) -> 4% of 1,000 = 40;
    # O2: capped at 10% of 500 = 50
    assert (dev.evidence, dev.impact_eur) == (("O1", "O2"), D("-90.00"))


@pytest.mark.parametrize(("delivered", "penalty"), [("2026-04-23", None), ("2026-04-24", "-10.00")])
def test_delivered_on_the_due_day_owes_nothing_a_working_day_later_owes_one_percent(
        make_ctx, delivered, penalty):
    lines = orders(("O1", 1, "2026-04-20", "A-1", "10", "100.00"))
    found = late_delivery_penalty.executed(
        context(make_ctx, lines, deliveries(("L1", "O1", delivered))))
    assert [d.impact_eur for d in found] == ([D(penalty)] if penalty else [])


def test_early_deliveries_are_no_deviation(make_ctx):
    lines = orders(("O1", 1, "2026-04-20", "A-1", "10", "100.00"))
    shipped = deliveries(("L1", "O1", "2026-04-21"))
    assert late_delivery_penalty.executed(context(make_ctx, lines, shipped)) == []
