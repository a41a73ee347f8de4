"""contract_term on literal values: a notice deadline within the horizon (3 months after the
period), a renewal once the deadline passed, orders after an end without renewal."""

from datetime import date

import pytest

from audit.checks import contract_term
from tests.checks.conftest import term
from tests.checks.frames import orders


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


def test_a_far_end_registered_as_agreed_is_no_deviation(make_ctx):
    far = term("contract_term", end_date=date(2028, 12, 31), renewal_months=12, notice="3 months")
    assert contract_term.executed(make_ctx("contract_term", [far], order_lines=orders())) == []
    assert contract_term.registered(make_ctx("contract_term", [far],
                                             {"contract_end_date": date(2028, 12, 31)})) == []


@pytest.mark.parametrize(("end", "deadline"), [(date(2027, 3, 2), "2027-01-31"),
                                               (date(2027, 3, 3), None)])
def test_a_deadline_on_the_horizons_last_day_is_reported_one_day_later_is_not(make_ctx, end,
                                                                             deadline):
    # period ends 31-10-2026: the horizon is 31-01-2027; 30 days' notice
    t = term("contract_term", end_date=end, renewal_months=12, notice="30 days")
    found = contract_term.executed(make_ctx("contract_term", [t], order_lines=orders()))
    assert [d.expected for d in found] == (
        [f"decide on renewal; give notice by {deadline}"] if deadline else [])


def test_orders_after_an_end_without_renewal(make_ctx):
    ended = term("contract_term", end_date=date(2026, 6, 30), renewal_months=0)
    lines = orders(("O1", 1, "2026-06-30", "A-1", "1", "1"),  # on the last day: still covered
                   ("O2", 1, "2026-07-01", "A-1", "1", "1"))
    [dev] = contract_term.executed(make_ctx("contract_term", [ended], order_lines=lines))
    assert (dev.subject, dev.evidence) == ("expired", ("O2",))


def test_orders_up_to_the_end_are_no_deviation(make_ctx):
    ended = term("contract_term", end_date=date(2026, 6, 30), renewal_months=0)
    lines = orders(("O1", 1, "2026-06-30", "A-1", "1", "1"))
    assert contract_term.executed(make_ctx("contract_term", [ended], order_lines=lines)) == []
