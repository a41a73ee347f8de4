"""The injected deviations and edge cases in the ERP data (see the answer key), and the two
bad rows. Each changed record gets a tag so the answer key can list it as evidence."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TypeVar

from sample_gen.customers import BY_ID
from sample_gen.deliveries import due_date, noisy_address
from sample_gen.model import Delivery, Order
from sample_gen.orders import make_lines
from sample_gen.workdays import add_weekdays, add_working_days
from sample_gen.world import DATA_END, LOOKBACK_END, LOOKBACK_START

T = TypeVar("T")
WRONG_ADDRESS = "Distributieweg 7, 3364 AD Sliedrecht"

# C1004 (lead time 5): (order date, requested date, delivery date, why)
C1004_SCRIPT: tuple[tuple[date, date | None, date, str], ...] = (
    (date(2025, 12, 22), None, date(2025, 12, 31), "holiday_on_time"),  # Christmas
    (date(2026, 3, 31), None, date(2026, 4, 8), "holiday_on_time"),  # Easter Monday
    (date(2026, 4, 22), None, date(2026, 4, 30), "holiday_on_time"),  # King's Day
    (date(2026, 4, 23), None, date(2026, 5, 1), "holiday_on_time"),  # King's Day
    (date(2026, 5, 8), None, date(2026, 5, 18), "holiday_on_time"),  # Ascension Day
    (date(2026, 5, 18), None, date(2026, 5, 26), "holiday_on_time"),  # Whit Monday
    (date(2026, 2, 10), date(2026, 2, 24), date(2026, 2, 23), "requested_on_time"),
    (date(2026, 6, 9), date(2026, 6, 22), date(2026, 6, 22), "requested_on_time"),
    (date(2026, 9, 14), date(2026, 9, 28), date(2026, 9, 25), "requested_on_time"),
    (date(2026, 3, 30), None, date(2026, 4, 8), "late_good_friday_is_working_day"),
    (date(2026, 4, 28), None, date(2026, 5, 6), "late_liberation_day_is_working_day"),
)


def in_window(day: date) -> bool:
    """Inside the audit's look-back window."""
    return LOOKBACK_START <= day <= LOOKBACK_END


def pick_spread(items: Sequence[T], n: int, rng: random.Random,
                month: Callable[[T], tuple[int, int]]) -> list[T]:
    """n items from n different months (as far as possible), chosen at random."""
    by_month: dict[tuple[int, int], list[T]] = {}
    for it in items:
        by_month.setdefault(month(it), []).append(it)
    months = sorted(by_month)
    chosen_months = sorted(rng.sample(months, min(n, len(months))))
    picked = [rng.choice(by_month[m]) for m in chosen_months]
    rest = [it for it in items if it not in picked]
    return picked + rng.sample(rest, n - len(picked)) if len(picked) < n else picked


def check_script() -> None:
    """The scripted C1004 cases really are what their label says."""
    lead = BY_ID["C1004"].lead_days
    for day, requested, delivered, why in C1004_SCRIPT:
        due = add_working_days(day, lead)
        if why == "holiday_on_time":
            assert delivered == due and add_weekdays(day, lead) < delivered, day
        elif why == "requested_on_time":
            assert requested and due < delivered <= requested, day
        else:
            assert delivered == add_working_days(due, 1), day


def scripted_orders(rng: random.Random) -> list[Order]:
    """The C1004 edge-case orders, delivered exactly as scripted."""
    check_script()
    c = BY_ID["C1004"]
    orders = []
    for i, (day, requested, delivered, why) in enumerate(C1004_SCRIPT):
        o = Order(c.cid, day, 10_000 + i, requested, make_lines(rng, c, day), scripted=why)
        d = Delivery(delivered, o.total_qty, noisy_address(c, rng), True)
        if why.startswith("late"):
            d.tags.add("late")
        o.deliveries.append(d)
        orders.append(o)
    return orders


def single_deliveries(orders: list[Order], cid: str) -> list[tuple[Order, Delivery]]:
    """Unscripted orders of `cid` delivered in one go, without a requested date."""
    return [(o, o.deliveries[0]) for o in orders
            if o.cid == cid and not o.scripted and o.requested is None
            and len(o.deliveries) == 1 and o.deliveries[0].qty == o.total_qty]


def inject_late(orders: list[Order], rng: random.Random) -> None:
    """C1004: 7 more late deliveries in the look-back, 1 late delivery in October 2025."""
    cands = single_deliveries(orders, "C1004")
    inside = [(o, d) for o, d in cands if in_window(o.day) and
              add_working_days(due_date(o), 4) < DATA_END - timedelta(days=7)]
    before = [(o, d) for o, d in cands
              if add_working_days(due_date(o), 3) < LOOKBACK_START]
    picked = pick_spread(inside, 7, rng, lambda t: (t[0].day.year, t[0].day.month))
    picked.append(rng.choice(before))
    for o, d in picked:
        d.day = add_working_days(due_date(o), rng.randint(1, 3))
        d.tags.add("late")


def inject_address(orders: list[Order], rng: random.Random) -> None:
    """C1002: 6 deliveries in the look-back to another address."""
    cands = [t for t in single_deliveries(orders, "C1002") if in_window(t[1].day)]
    for _, d in pick_spread(cands, 6, rng, lambda t: (t[1].day.year, t[1].day.month)):
        d.address = WRONG_ADDRESS
        d.remark = "Afgeleverd op nevenlocatie"
        d.tags.add("address")


def inject_not_called(orders: list[Order], rng: random.Random) -> None:
    """C1010: 7 deliveries in the look-back without the agreed call ahead."""
    cands = [t for t in single_deliveries(orders, "C1010") if in_window(t[1].day)]
    for _, d in pick_spread(cands, 7, rng, lambda t: (t[1].day.year, t[1].day.month)):
        d.called = False
        d.tags.add("call_ahead")


def inject_due_dates(orders: list[Order], rng: random.Random, cid: str, n: int,
                     days: int) -> None:
    """n invoices of `cid` in the look-back with due date = invoice date + `days`."""
    cands = [o.invoice for o in orders
             if o.cid == cid and o.invoice and in_window(o.invoice.day)]
    for inv in pick_spread(cands, n, rng, lambda i: (i.day.year, i.day.month)):
        inv.due = inv.day + timedelta(days=days)
        inv.tag = "due_date"


def tag_amended_due_dates(orders: list[Order]) -> None:
    """C1003: the ERP kept 30 days after the amendment (45 days from 1 March 2026)."""
    for o in orders:
        inv = o.invoice
        if o.cid == "C1003" and inv and in_window(inv.day) and inv.day >= date(2026, 3, 1):
            inv.tag = "due_date"


def mark_bad_quantity(orders: list[Order], rng: random.Random) -> None:
    """One C1012 order line gets Aantal '12O' (letter O) in the export."""
    cands = [(o, line) for o in orders if o.cid == "C1012" and not o.scripted
             and date(2026, 5, 1) <= o.day <= date(2026, 6, 30)
             for line in o.lines if not line.tag]
    _, line = rng.choice(cands)
    line.qty = 12
    line.qty_text = "12O"


def mark_bad_delivery_date(orders: list[Order], rng: random.Random) -> None:
    """One C1011 delivery gets Leverdatum '31-02-2026' in the export."""
    cands = [d for _, d in single_deliveries(orders, "C1011")
             if date(2026, 2, 1) <= d.day <= date(2026, 3, 6)]
    rng.choice(cands).date_text = "31-02-2026"


def credit_note_orders(orders: list[Order], rng: random.Random) -> set[str]:
    """Orders that get a credit note for sure: C1003 after the amendment, C1009, C1011."""
    forced = set()
    for cid, start in (("C1003", date(2026, 3, 1)), ("C1009", date(2026, 1, 1)),
                       ("C1011", date(2026, 1, 1))):
        cands = [o.number for o in orders if o.cid == cid and o.invoice
                 and start <= o.invoice.day <= date(2026, 9, 30)]
        forced.add(rng.choice(cands))
    return forced

