"""agreed_prices: price list at period end; order-line prices both directions, exact money."""

from decimal import Decimal

from audit.checks import agreed_prices

from .conftest import d, frame, term


def lines(*rows):
    return frame([{"order_id": o, "order_date": od, "item_id": it, "quantity": Decimal(q),
                   "unit_price": Decimal(p)} for o, od, it, q, p in rows], dates=("order_date",))


def test_undercharged_and_overcharged_are_separate_with_signed_impact(make_ctx):
    terms = [term("agreed_prices", subject="A-1", unit_price=Decimal("12.50"))]
    ol = lines(("O1", "2026-01-05", "A-1", "10", "6.25"),   # half price: +62.50
               ("O2", "2026-02-05", "A-1", "4", "6.25"),    # +25.00
               ("O3", "2026-03-05", "A-1", "3", "12.80"),   # overcharged: -0.90
               ("O4", "2026-03-06", "A-1", "7", "12.50"),   # correct
               ("O5", "2026-03-06", "B-2", "7", "99.00"))   # no agreement on B-2
    ctx = make_ctx("agreed_prices", terms, order_lines=ol)
    under, over = agreed_prices.executed(ctx)
    assert (under.subject, under.evidence, under.impact_eur) == (
        "A-1:undercharged", ("O1", "O2"), Decimal("87.50"))
    assert (over.subject, over.evidence, over.impact_eur) == (
        "A-1:overcharged", ("O3",), Decimal("-0.90"))
    assert under.deviation_id != over.deviation_id


def test_amended_price_judges_each_order_by_its_date(make_ctx):
    terms = [term("agreed_prices", None, d("2026-05-31"), subject="A-1",
                  unit_price=Decimal("12.50")),
             term("agreed_prices", d("2026-06-01"), subject="A-1", unit_price=Decimal("11.75"))]
    ol = lines(("O1", "2026-05-29", "A-1", "10", "12.50"), ("O2", "2026-06-02", "A-1", "10", "11.75"))
    assert agreed_prices.executed(make_ctx("agreed_prices", terms, order_lines=ol)) == []


def test_price_list_missing_or_different(make_ctx):
    terms = [term("agreed_prices", subject="A-1", unit_price=Decimal("12.50")),
             term("agreed_prices", subject="A-2", unit_price=Decimal("3.00")),
             term("agreed_prices", subject="A-3", unit_price=Decimal("8.25"))]
    pl = frame([
        {"item_id": "A-1", "unit_price": Decimal("12.50"), "valid_from": "2024-01-01", "valid_to": None},
        {"item_id": "A-3", "unit_price": Decimal("8.40"), "valid_from": "2024-01-01", "valid_to": None},
        {"item_id": "A-2", "unit_price": Decimal("3.00"), "valid_from": "2024-01-01",
         "valid_to": "2025-12-31"},   # expired before the period's end
    ], dates=("valid_from", "valid_to"))
    devs = agreed_prices.registered(make_ctx("agreed_prices", terms, price_list=pl))
    assert [(x.subject, x.expected, x.actual) for x in devs] == [
        ("A-2", "3.00", "not in the price list"), ("A-3", "8.25", "8.40")]
