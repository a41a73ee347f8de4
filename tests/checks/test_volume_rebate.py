"""volume_rebate on literal values: the rebate due on this year's turnover (the tier reached)
against the rebate credit notes."""

from decimal import Decimal

import pytest

from audit.checks import volume_rebate
from tests.checks.conftest import term
from tests.checks.frames import invoices

D = Decimal
TIERS = ((D(250000), D(1)), (D(500000), D(2)))


def test_due_on_the_reached_tier_but_not_credited(make_ctx):
    inv = invoices(("F1", "2026-02-01", "400045.00", "45.00", "invoice", ""),
                   ("F2", "2026-05-01", "200000.00", "0", "invoice", ""),
                   ("C1", "2026-06-01", "-50000.00", "0", "credit_note", "retour"),
                   ("C2", "2026-07-01", "-1000.00", "0", "credit_note", "Bonus Q1"),
                   ("F0", "2025-12-01", "999999.00", "0", "invoice", ""))  # last year
    [dev] = volume_rebate.executed(make_ctx("volume_rebate", [term("volume_rebate", tiers=TIERS)],
                                            invoices=inv))
    # turnover 400,000 + 200,000 - 50,000 = 550,000 -> 2% = 11,000 due, 1,000 credited
    assert (dev.expected, dev.actual, dev.impact_eur, dev.evidence) == (
        "11000.00", "1000.00", D("-10000.00"), ("C2",))


def test_credited_as_due_is_no_deviation(make_ctx):
    inv = invoices(("F1", "2026-02-01", "300000.00", "0", "invoice", ""),
                   ("C1", "2026-09-01", "-3000.00", "0", "credit_note", "staffelbonus"))
    assert volume_rebate.executed(make_ctx("volume_rebate", [term("volume_rebate", tiers=TIERS)],
                                           invoices=inv)) == []


@pytest.mark.parametrize(("turnover", "due"), [("250000.00", "2500.00"), ("249999.99", None)])
def test_a_turnover_exactly_at_the_threshold_reaches_the_tier_a_cent_less_does_not(
        make_ctx, turnover, due):
    inv = invoices(("F1", "2026-02-01", turnover, "0", "invoice", ""))
    found = volume_rebate.executed(make_ctx("volume_rebate", [term("volume_rebate", tiers=TIERS)],
                                            invoices=inv))
    assert [(d.expected, d.actual) for d in found] == ([(due, "0.00")] if due else [])
