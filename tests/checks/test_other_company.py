"""Checks that hold on another company's data: price units, indexation of agreed prices,
fixed-amount penalties, per-item and per-quarter commitments, notice deadlines, addresses."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pandas as pd

from audit.checks import (
    agreed_prices,
    contract_term,
    late_delivery_penalty,
    lead_time,
    price_indexation,
    volume_commitment,
)
from audit.checks.volume_commitment import completed_periods
from audit.core.addresses import address_keys, typed_address
from audit.models import Clause, TermValue
from audit.rules.scope import read_price_scope
from tests.checks.frames import orders

from .conftest import DOC, frame, term

D = Decimal


def with_terms(ctx, *terms, **everyone):
    """The context with the customer's other terms (and datasets for everyone)."""
    return replace(ctx, customer_terms=[*ctx.terms, *terms], everyone=everyone)


def test_price_per_100_against_an_erp_that_counts_pieces(make_ctx):
    # agreed EUR 3.50 per 100 st.; the ERP counts pieces at 0.035, one line at 0.05
    price = term("agreed_prices", subject="SCR-5", unit_price=D("3.50"), price_unit=100)
    lines = orders(("P1", 1, "2026-02-02", "SCR-5", "2000", "0.035"),
                   ("P2", 1, "2026-02-03", "SCR-5", "2000", "0.035"),
                   ("P3", 1, "2026-02-04", "SCR-5", "1000", "0.05"))
    [dev] = agreed_prices.executed(make_ctx("agreed_prices", [price], order_lines=lines))
    assert (dev.subject, dev.evidence, dev.impact_eur) == ("SCR-5:overcharged", ("P3",),
                                                           D("-15.00"))


def test_price_per_100_against_an_erp_that_sells_packs_of_100(make_ctx):
    price = term("agreed_prices", subject="SCR-5", unit_price=D("3.50"), price_unit=100)
    lines = orders(("P1", 1, "2026-02-02", "SCR-5", "20", "3.50"))
    assert agreed_prices.executed(make_ctx("agreed_prices", [price], order_lines=lines)) == []


def indexed_prices(make_ctx, rule_id, *rows):
    """An agreed price of 20.00 with a 3% cap from 1 July, order lines of that item."""
    price = term("agreed_prices", subject="GLV-1", unit_price=D("20.00"))
    index = term("price_indexation", cap_percent=D(3), date="01-07")
    start = term("contract_term", start_date=date(2025, 8, 1), end_date=date(2028, 7, 31))
    own = price if rule_id == "agreed_prices" else index
    ctx = make_ctx(rule_id, [own], order_lines=orders(*rows))
    return with_terms(ctx, *(t for t in (price, index, start) if t is not own))


def test_agreed_price_may_rise_up_to_the_cap_after_the_indexation_date(make_ctx):
    rows = (("J1", 1, "2026-06-30", "GLV-1", "10", "20.00"),
            ("J2", 1, "2026-07-01", "GLV-1", "10", "20.60"),   # +3%: allowed
            ("J3", 1, "2026-07-02", "GLV-1", "5", "21.00"))    # above 20.60 by 0.40
    assert agreed_prices.executed(indexed_prices(make_ctx, "agreed_prices", *rows)) == []
    [dev] = price_indexation.executed(indexed_prices(make_ctx, "price_indexation", *rows))
    assert (dev.subject, dev.expected, dev.evidence, dev.impact_eur) == (
        "GLV-1", "20.60", ("J3",), D("-2.00"))


def test_agreed_price_raised_before_the_indexation_date_is_an_agreed_price_deviation(make_ctx):
    rows = (("J1", 1, "2026-06-01", "GLV-1", "10", "20.60"),)
    [dev] = agreed_prices.executed(indexed_prices(make_ctx, "agreed_prices", *rows))
    assert (dev.subject, dev.impact_eur) == ("GLV-1:overcharged", D("-6.00"))
    assert price_indexation.executed(indexed_prices(make_ctx, "price_indexation", *rows)) == []


def test_price_list_within_the_indexation_cap_is_registered(make_ctx):
    price = term("agreed_prices", subject="GLV-1", unit_price=D("20.00"))
    index = term("price_indexation", cap_percent=D(3), date="01-07")
    listed = frame([{"item_id": "GLV-1", "unit_price": p, "valid_from": "2026-07-01",
                     "valid_to": None} for p in (D("20.55"),)], dates=("valid_from", "valid_to"))
    ctx = with_terms(make_ctx("agreed_prices", [price], price_list=listed), index)
    assert agreed_prices.registered(ctx) == []
    too_high = listed.assign(unit_price=[D("20.70")])
    [dev] = agreed_prices.registered(with_terms(
        make_ctx("agreed_prices", [price], price_list=too_high), index))
    assert (dev.expected, dev.actual) == ("20.00", "20.70")


def late_case(make_ctx, rule_id, penalty):
    """Three orders due 3 working days after 1 June 2026; delivered 1, 4 and 12 working days
    late (Whit Monday 25 May is before them; none in between)."""
    lines = orders(("K1", 1, "2026-06-01", "A-1", "1", "100.00"),
                   ("K2", 1, "2026-06-01", "A-1", "1", "100.00"),
                   ("K3", 1, "2026-06-01", "A-1", "1", "100.00"))
    deliveries = frame([{"delivery_id": f"S{i}", "order_id": f"K{i}", "delivery_date": day}
                        for i, day in ((1, "2026-06-05"), (2, "2026-06-10"), (3, "2026-06-22"))],
                       dates=("delivery_date",))
    lead = term("lead_time", working_days=3)  # due 4 June
    own = lead if rule_id == "lead_time" else penalty
    ctx = make_ctx(rule_id, [own], order_lines=lines, deliveries=deliveries)
    return with_terms(ctx, penalty if own is lead else lead)


def test_fixed_penalty_per_working_day_capped_per_delivery(make_ctx):
    penalty = term("late_delivery_penalty", amount=D(25), per="working_day", cap_amount=D(250))
    [dev] = late_delivery_penalty.executed(late_case(make_ctx, "late_delivery_penalty", penalty))
    # 1 x 25 + 4 x 25 + min(12 x 25, 250) = 375
    assert (dev.evidence, dev.impact_eur) == (("K1", "K2", "K3"), D("-375.00"))
    assert dev.expected == "€25.00 per working day, max €250.00"
    assert late_delivery_penalty.describe(penalty, "nl") == "€ 25,00 per werkdag, max. € 250,00"


def test_lead_time_deviation_carries_the_agreed_penalty(make_ctx):
    penalty = term("late_delivery_penalty", percent=D("0.5"), per="day", cap_percent=D(5))
    [dev] = lead_time.executed(late_case(make_ctx, "lead_time", penalty))
    # calendar days late 1, 6, 18: 0.5%, 3%, 5% (capped) of 100 each
    assert (dev.evidence, dev.impact_eur) == (("S1", "S2", "S3"), D("-8.50"))


def test_lead_time_without_a_penalty_has_no_money_at_stake(make_ctx):
    deliveries = frame([{"delivery_id": "S1", "order_id": "K1", "delivery_date": "2026-06-05"}],
                       dates=("delivery_date",))
    lines = orders(("K1", 1, "2026-06-01", "A-1", "1", "100.00"))
    [dev] = lead_time.executed(make_ctx("lead_time", [term("lead_time", working_days=3)],
                                        order_lines=lines, deliveries=deliveries))
    assert dev.impact_eur is None


def test_quarterly_commitment_of_one_item_counts_completed_quarters(make_ctx):
    commitment = term("volume_commitment", quantity=D(100), period="quarter", item="GLV-1",
                      discount_per_unit=D("1.50"))
    lines = orders(("Q1", 1, "2026-02-01", "GLV-1", "70", "9"),    # Q1: 30 short
                   ("Q2", 1, "2026-03-01", "OTHER", "500", "9"),   # another item: not counted
                   ("Q3", 1, "2026-05-01", "GLV-1", "120", "9"),   # Q2: met
                   ("Q4", 1, "2026-10-02", "GLV-1", "1", "9"))     # Q4 not completed yet
    ctx = make_ctx("volume_commitment", [commitment], order_lines=lines)
    [dev] = volume_commitment.executed(ctx)  # period 2026-10: Q1-Q3 completed, Q3 nothing
    assert (dev.actual, dev.impact_eur) == ("70.00, 120.00, 0.00", D("195.00"))  # 130 x 1.50


def test_item_group_commitment_and_list_prices_of_their_own(make_ctx):
    commitment = term("volume_commitment", quantity=D(1200), period="year", item="PPE.61")
    lines = orders(("Y1", 1, "2026-03-01", "PPE.6102", "100", "9.00"),
                   ("Y2", 1, "2026-03-01", "TOOL.1", "5000", "1.00"))
    lists = frame([{"item_id": "PPE.6102", "unit_price": D("10.00")}])
    ctx = with_terms(make_ctx("volume_commitment", [commitment], order_lines=lines),
                     list_prices=lists)
    [dev] = volume_commitment.executed(ctx)
    # 100 taken in 304 days: forecast 120.07, shortfall 1079.93 x EUR 1.00 list - charged
    assert (dev.actual, dev.impact_eur) == ("100.00", D("1079.93"))


def test_completed_periods_respect_the_start():
    assert completed_periods(date(2026, 9, 30), "quarter", date(2026, 4, 1)) == [
        (date(2026, 4, 1), date(2026, 6, 30)), (date(2026, 7, 1), date(2026, 9, 30))]
    assert len(completed_periods(date(2026, 9, 30), "month", None)) == 9


def test_open_ended_contract_has_no_deadline(make_ctx):
    open_ended = term("contract_term", notice="42 days", start_date=date(2025, 2, 1))
    ctx = make_ctx("contract_term", [open_ended], order_lines=orders())
    assert contract_term.executed(ctx) == [] and contract_term.registered(ctx) == []


def test_notice_deadline_that_passed_this_period_is_reported_once(make_ctx):
    # period 2026-10: the deadline 2026-10-01 (end 2026-12-31 minus 3 months) passed in it
    renews = term("contract_term", end_date=date(2026, 12, 31), renewal_months=12,
                  notice="91 days")
    [dev] = contract_term.executed(make_ctx("contract_term", [renews], order_lines=orders()))
    assert (dev.subject, dev.actual) == ("notice_passed:2026-10-01",
                                         "term ending 2026-12-31: renewed to 2027-12-31")
    ends = replace(renews, values=tuple(v for v in renews.values if v.parameter != "renewal_months"))
    [dev] = contract_term.executed(make_ctx("contract_term", [ends], order_lines=orders()))
    assert dev.actual == "term ending 2026-12-31: it ends on 2026-12-31"


def test_addresses_match_whatever_the_case_spacing_and_separators():
    typed = ["KWELDERWEG 7  9979XS  EEMSHAVEN", "Kwelderweg 7 - 9979 XS - Eemshaven",
             "Kwelderweg 7, 9979 XS Eemshaven", "kwelderweg 7,9979xs eemshaven",
             "9979 XS Eemshaven, Kwelderweg 7"]
    assert set(address_keys(pd.Series(typed))) == {"9979 XS|7"}
    assert address_keys(pd.Series(["Dorpsstraat 12-B / 1234AB Ergens"])).iloc[0] == "1234 AB|12B"
    assert address_keys(pd.Series(["geen adres", None])).tolist() == ["", ""]
    assert str(typed_address("KWELDERWEG 7 - 9979XS - EEMSHAVEN")) == "KWELDERWEG 7, 9979 XS EEMSHAVEN"


def test_indexation_of_unlisted_items_only_leaves_agreed_prices_fixed(make_ctx):
    rows = (("J1", 1, "2026-07-02", "GLV-1", "10", "20.30"),)  # +1.5% on an agreed price
    ctx = indexed_prices(make_ctx, "agreed_prices", *rows)
    unlisted = [replace(t, values=(*t.values, TermValue("applies_to", "unlisted")))
                if t.rule_id == "price_indexation" else t for t in ctx.customer_terms]
    [dev] = agreed_prices.executed(replace(ctx, customer_terms=unlisted))
    assert (dev.subject, dev.impact_eur) == ("GLV-1:overcharged", D("-3.00"))


def test_the_scope_of_an_indexation_clause_is_read():
    def scope(text):
        return read_price_scope(Clause(doc=DOC, article="3", heading="", text=text, page=1), "en")
    assert scope("Prices of goods not set out in Schedule 2 may rise by 2% each 1 April.") == (
        "unlisted")
    assert scope("Artikelen die niet op de prijslijst staan stijgen maximaal 2%.") == "unlisted"
    assert scope("All prices in the Schedule may rise by at most 2% on 1 April.") is None
