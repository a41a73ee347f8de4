"""volume_commitment on literal values: year to date against the commitment pro rata, minus the
margin; the forecast shortfall priced at the discount against the general list price."""

from dataclasses import replace
from decimal import Decimal

import pytest

from audit.checks import volume_commitment
from tests.checks.conftest import frame, term
from tests.checks.frames import orders

D = Decimal


def list_prices(ctx, price: str):
    """The general price list (customer '*') beside the customer's context."""
    lists = frame([{"customer_id": "*", "item_id": "A-1", "unit_price": D(price),
                    "valid_from": "2024-01-01", "valid_to": None}], dates=("valid_from", "valid_to"))
    return ctx.__class__(**{**ctx.__dict__, "everyone": {"price_list": lists}})


def test_behind_pro_rata_with_discount_on_the_shortfall(make_ctx):
    # 304 of 365 days: pro rata 8,328.77 of 10,000; 6,080 taken is behind by more than 10%.
    lines = orders(("O1", 1, "2026-03-01", "A-1", "6080", "9.00"))
    ctx = list_prices(make_ctx("volume_commitment", [term("volume_commitment", quantity=D(10000),
                                                          period="year")], order_lines=lines),
                      "10.00")
    [dev] = volume_commitment.executed(ctx)
    # forecast 6080 x 365/304 = 7300; shortfall 2700 pieces x EUR 1.00 discount
    assert (dev.subject, dev.expected, dev.actual, dev.impact_eur) == (
        "ytd:2026", "8328.77", "6080.00", D("2700.00"))


def test_on_track_is_no_deviation(make_ctx):
    lines = orders(("O1", 1, "2026-03-01", "A-1", "8400", "9.00"))
    ctx = make_ctx("volume_commitment", [term("volume_commitment", quantity=D(10000))],
                   order_lines=lines)
    assert volume_commitment.executed(ctx) == []


@pytest.mark.parametrize(("taken", "behind"), [("2736", False), ("2735", True)])
def test_exactly_at_the_margin_is_on_track_one_piece_less_is_behind(make_ctx, taken, behind):
    # 3,650 a year: pro rata 3,040 on 31 October (304 of 365 days); 10 % margin: 2,736
    lines = orders(("O1", 1, "2026-02-01", "A-1", taken, "9.00"))
    ctx = list_prices(make_ctx("volume_commitment", [term("volume_commitment", quantity=D(3650))],
                               order_lines=lines), "10.00")
    found = volume_commitment.executed(ctx)
    assert [(d.expected, d.actual) for d in found] == ([("3040.00", "2735.00")] if behind else [])


def test_to_review_is_never_a_deviation(make_ctx):
    """A commitment whose figure could not be read (readable: false) is for the controller to
    review: not compared with the customer master nor with the orders, even with a quantity."""
    lines = orders(("O1", 1, "2026-03-01", "A-1", "10", "9.00"))
    for values in ({"period": "year"}, {"quantity": D(1000)}, {"foreign_amount": "USD 500,000"}):
        review = term("volume_commitment", **values, readable=False)
        ctx = make_ctx("volume_commitment", [review], order_lines=lines)
        assert volume_commitment.registered(ctx) == []
        assert volume_commitment.executed(ctx) == []


def test_corrected_by_an_override_is_checked(make_ctx):
    lines = orders(("O1", 1, "2026-03-01", "A-1", "10", "9.00"))
    fixed = replace(term("volume_commitment", quantity=D(1000), period="year", readable=False),
                    override="override by controller: figure from Exhibit A")
    ctx = make_ctx("volume_commitment", [fixed], {"volume_commitment": 1000}, order_lines=lines)
    assert volume_commitment.registered(ctx) == []
    assert [d.kind for d in volume_commitment.executed(ctx)] == ["execution"]
