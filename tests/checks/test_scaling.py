"""The checks at volume: one pass over the lines instead of one per item, results unchanged."""

from decimal import Decimal

import numpy as np
import pandas as pd

from audit.checks import agreed_prices, price_indexation
from audit.checks.base import money
from tests.checks.frames import orders

from .conftest import term

D = Decimal


def test_unlisted_items_each_judged_against_their_own_last_price_before_the_date(make_ctx):
    index = term("price_indexation", cap_percent=D(5), date="01-04")
    rows = (("Q1", 1, "2026-03-30", "BOLT-8", "4", "10.00"),
            ("Q2", 1, "2026-03-31", "BOLT-8", "4", "12.00"),   # the last price before: 12.00
            ("Q3", 1, "2026-03-31", "NUT-2", "1", "1.00"),
            ("Q4", 1, "2026-04-02", "BOLT-8", "2", "12.60"),   # +5%: allowed
            ("Q5", 1, "2026-04-03", "BOLT-8", "3", "13.00"),   # 0.40 above 12.60
            ("Q6", 1, "2026-04-03", "NUT-2", "10", "1.10"),    # 0.05 above 1.05
            ("Q7", 1, "2026-04-04", "WASHER", "1", "9.00"))    # no price before: not judged
    devs = price_indexation.executed(make_ctx("price_indexation", [index],
                                              order_lines=orders(*rows)))
    assert [(d.subject, d.expected, d.actual, d.evidence, d.impact_eur) for d in devs] == [
        ("BOLT-8", "12.00", "13.00", ("Q5",), D("-1.20")),
        ("NUT-2", "1.00", "1.10", ("Q6",), D("-0.50"))]


def many_lines(n: int, items: int) -> pd.DataFrame:
    """n order lines over `items` items, a price rise of 10% on half of them after 1 April."""
    rng = np.random.default_rng(7)
    day = pd.Timestamp("2025-11-03") + pd.to_timedelta(rng.integers(0, 330, n), unit="D")
    item = rng.integers(0, items, n)
    cents = 1000 + item * 7 + np.where((day >= "2026-04-01") & (item % 2 == 0), 100 + item, 0)
    return pd.DataFrame({
        "order_id": [f"X{i:06d}" for i in range(n)], "line_no": 1, "order_date": day,
        "item_id": [f"IT-{i:04d}" for i in item],
        "quantity": [D(int(q)) for q in rng.integers(1, 50, n)],
        "unit_price": [D(int(c)) / 100 for c in cents], "requested_date": pd.NaT})


def test_a_thousand_items_over_sixty_thousand_lines_each_judged_once(make_ctx):
    index = term("price_indexation", cap_percent=D(5), date="01-04")
    agreed = [term("agreed_prices", subject=f"IT-{i:04d}", unit_price=D("10.00"))
              for i in range(0, 40, 4)]
    ctx = make_ctx("price_indexation", [index], order_lines=many_lines(60_000, 1000))
    devs = price_indexation.executed(ctx)
    ctx = make_ctx("agreed_prices", agreed, order_lines=ctx.frames["order_lines"])
    priced = agreed_prices.executed(ctx)
    # one deviation per risen item (its speed is a bench figure: bench/scale.py)
    assert len(devs) == 500 and all(d.impact_eur < 0 for d in devs)
    assert len({d.subject for d in devs}) == 500
    assert priced and {d.subject.split(":")[0] for d in priced} <= {t.subject for t in agreed}


def test_money_fills_what_the_erp_left_empty_with_exact_zero():
    column = pd.Series([D("1.50"), None, float("nan")], dtype=object)
    assert money(column).tolist() == [D("1.50"), D(0), D(0)]
