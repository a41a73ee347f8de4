"""The six money kinds and unmatched agreements, on literal values: exact decimal arithmetic."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pandas as pd

from audit.checks import (
    contract_term,
    free_shipping,
    late_delivery_penalty,
    price_indexation,
    unmatched_agreement,
    volume_commitment,
    volume_rebate,
)

from .conftest import frame, term

D = Decimal


def orders(*rows):
    columns = ["order_id", "line_no", "order_date", "item_id", "quantity", "unit_price"]
    df = frame([dict(zip(columns, (o, n, od, it, D(q), D(p)), strict=True))
                for o, n, od, it, q, p in rows] or [dict.fromkeys(columns)],
               dates=("order_date",))
    return df.assign(requested_date=pd.NaT).iloc[: len(rows)]


def invoices(*rows):
    return frame([{"invoice_id": i, "invoice_date": d, "amount": D(a), "freight_amount": D(f),
                   "kind": k, "description": desc} for i, d, a, f, k, desc in rows],
                 dates=("invoice_date",))


def test_volume_commitment_behind_pro_rata_with_discount_on_the_shortfall(make_ctx):
    # 304 of 365 days: pro rata 8,328.77 of 10,000; 6,080 taken is behind by more than 10%.
    lines = orders(("O1", 1, "2026-03-01", "A-1", "6080", "9.00"))
    lists = frame([{"customer_id": "*", "item_id": "A-1", "unit_price": D("10.00"),
                    "valid_from": "2024-01-01", "valid_to": None}], dates=("valid_from", "valid_to"))
    ctx = make_ctx("volume_commitment", [term("volume_commitment", quantity=D(10000), period="year")],
                   order_lines=lines)
    ctx = ctx.__class__(**{**ctx.__dict__, "everyone": {"price_list": lists}})
    [dev] = volume_commitment.executed(ctx)
    # forecast 6080 x 365/304 = 7300; shortfall 2700 pieces x EUR 1.00 discount
    assert (dev.subject, dev.expected, dev.actual, dev.impact_eur) == (
        "ytd:2026", "8328.77", "6080.00", D("2700.00"))


def test_volume_commitment_on_track_is_no_deviation(make_ctx):
    lines = orders(("O1", 1, "2026-03-01", "A-1", "8400", "9.00"))
    ctx = make_ctx("volume_commitment", [term("volume_commitment", quantity=D(10000))],
                   order_lines=lines)
    assert volume_commitment.executed(ctx) == []


def test_volume_commitment_to_review_is_never_a_deviation(make_ctx):
    """A commitment whose figure could not be read (readable: false) is for the controller to
    review: not compared with the customer master nor with the orders, even with a quantity."""
    lines = orders(("O1", 1, "2026-03-01", "A-1", "10", "9.00"))
    for values in ({"period": "year"}, {"quantity": D(1000)}, {"foreign_amount": "USD 500,000"}):
        review = term("volume_commitment", **values, readable=False)
        ctx = make_ctx("volume_commitment", [review], order_lines=lines)
        assert volume_commitment.registered(ctx) == []
        assert volume_commitment.executed(ctx) == []


def test_volume_commitment_corrected_by_an_override_is_checked(make_ctx):
    lines = orders(("O1", 1, "2026-03-01", "A-1", "10", "9.00"))
    fixed = replace(term("volume_commitment", quantity=D(1000), period="year", readable=False),
                    override="override by controller: figure from Exhibit A")
    ctx = make_ctx("volume_commitment", [fixed], {"volume_commitment": 1000}, order_lines=lines)
    assert volume_commitment.registered(ctx) == []
    assert [d.kind for d in volume_commitment.executed(ctx)] == ["execution"]


def test_rebate_due_on_the_reached_tier_but_not_credited(make_ctx):
    tiers = ((D(250000), D(1)), (D(500000), D(2)))
    inv = invoices(("F1", "2026-02-01", "400045.00", "45.00", "invoice", ""),
                   ("F2", "2026-05-01", "200000.00", "0", "invoice", ""),
                   ("C1", "2026-06-01", "-50000.00", "0", "credit_note", "retour"),
                   ("C2", "2026-07-01", "-1000.00", "0", "credit_note", "Bonus Q1"),
                   ("F0", "2025-12-01", "999999.00", "0", "invoice", ""))  # last year
    [dev] = volume_rebate.executed(make_ctx("volume_rebate", [term("volume_rebate", tiers=tiers)],
                                            invoices=inv))
    # turnover 400,000 + 200,000 - 50,000 = 550,000 -> 2% = 11,000 due, 1,000 credited
    assert (dev.expected, dev.actual, dev.impact_eur, dev.evidence) == (
        "11000.00", "1000.00", D("-10000.00"), ("C2",))


def test_penalty_per_working_day_capped(make_ctx):
    lines = orders(("O1", 1, "2026-04-20", "A-1", "10", "100.00"),   # value 1,000
                   ("O2", 1, "2026-04-20", "A-1", "1", "500.00"))    # value 500
    deliveries = frame([{"delivery_id": "L1", "order_id": "O1", "delivery_date": "2026-04-30"},
                        {"delivery_id": "L2", "order_id": "O2", "delivery_date": "2026-06-30"}],
                       dates=("delivery_date",))
    lead = term("lead_time", working_days=3)  # due 23-04; King's Day 27-04 is no working day
    penalty = term("late_delivery_penalty", percent=D(1), per="working_day", cap_percent=D(10))
    ctx = make_ctx("late_delivery_penalty", [penalty], order_lines=lines, deliveries=deliveries)
    ctx = ctx.__class__(**{**ctx.__dict__, "customer_terms": [lead, penalty]})
    [dev] = late_delivery_penalty.executed(ctx)
    # O1: 24, 28, 29, 30 April = 4 working days -> 4% of 1,000 = 40; O2: capped 10% of 500 = 50
    assert (dev.evidence, dev.impact_eur) == (("O1", "O2"), D("-90.00"))


def test_freight_on_orders_above_the_threshold(make_ctx):
    inv = invoices(("F1", "2026-02-01", "1045.00", "45.00", "invoice", ""),   # goods 1000: bad
                   ("F2", "2026-02-02", "544.00", "45.00", "invoice", ""),    # below threshold
                   ("F3", "2026-02-03", "2000.00", "0", "invoice", ""))       # no freight
    [dev] = free_shipping.executed(make_ctx(
        "free_shipping", [term("free_shipping", threshold=D(1000))], invoices=inv))
    assert (dev.evidence, dev.impact_eur) == (("F1",), D("-45.00"))


def test_price_increase_above_the_cap(make_ctx):
    lines = orders(("O1", 1, "2025-12-01", "B-1", "10", "10.00"),
                   ("O2", 1, "2026-01-05", "B-1", "10", "10.30"),   # +3%: allowed
                   ("O3", 1, "2026-02-05", "B-1", "10", "10.60"),   # +6%: 0.30 x 10 too much
                   ("O4", 1, "2026-02-05", "A-1", "10", "12.30"))   # agreed 12.00, +2.5%: allowed
    terms = [term("price_indexation", cap_percent=D(3), date="01-01")]
    ctx = make_ctx("price_indexation", terms, order_lines=lines)
    ctx = ctx.__class__(**{**ctx.__dict__, "customer_terms": [
        *terms, term("agreed_prices", subject="A-1", unit_price=D("12.00"))]})
    [dev] = price_indexation.executed(ctx)
    assert (dev.subject, dev.evidence, dev.impact_eur) == ("B-1", ("O3",), D("-3.00"))


def test_notice_deadline_within_the_horizon_and_renewal(make_ctx):
    soon = term("contract_term", end_date=date(2026, 12, 31), renewal_months=12, notice="1 months")
    [dev] = contract_term.executed(make_ctx("contract_term", [soon], order_lines=orders()))
    assert (dev.subject, dev.expected, dev.actual) == (
        "notice", "decide on renewal; give notice by 2026-11-30",
        "term ends 2026-12-31, renewed by 12 months unless notice is given")
    passed = term("contract_term", end_date=date(2026, 12, 31), renewal_months=12,
                  notice="3 months")
    assert contract_term.executed(make_ctx("contract_term", [passed], order_lines=orders())) == []
    [reg] = contract_term.registered(make_ctx("contract_term", [passed],
                                              {"contract_end_date": date(2026, 12, 31)}))
    assert (reg.expected, reg.actual) == ("2027-12-31", "2026-12-31")  # renewed: deadline passed


def test_orders_after_an_end_without_renewal(make_ctx):
    ended = term("contract_term", end_date=date(2026, 6, 30), renewal_months=0)
    lines = orders(("O1", 1, "2026-06-29", "A-1", "1", "1"), ("O2", 1, "2026-07-01", "A-1", "1", "1"))
    [dev] = contract_term.executed(make_ctx("contract_term", [ended], order_lines=lines))
    assert (dev.subject, dev.evidence) == ("expired", ("O2",))


def test_unmatched_agreement_goes_to_the_controller_with_its_place(make_ctx):
    t = term("unmatched_agreement", article="5.5", quote="500 stuks")
    [dev] = unmatched_agreement.registered(make_ctx("unmatched_agreement", [t]))
    assert (dev.subject, dev.kind, dev.expected) == ("contract.pdf#5.5", "registration",
                                                     "500 stuks")
