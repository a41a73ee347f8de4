"""Documents added after the regular ones were numbered, so that every earlier row, number and
deviation stays as it was: the extra (catalogue-item) orders for the price-indexation cases, and
the rebate credit notes. Their numbers continue the per-year counters of their series."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sample_gen.customers import BY_ID, agreed_payment_days, agreed_price
from sample_gen.invoices import FREIGHT, FREIGHT_BELOW
from sample_gen.model import Delivery, Invoice, Line, Order
from sample_gen.special import EXTRA_ORDERS, SPECIAL, YEAR_START, list_price
from sample_gen.workdays import add_working_days, is_working_day
from sample_gen.world import DATA_END

CENT = Decimal("0.01")
EXTRA_SEQ = 20_000  # Order.seq of the extra orders starts here
# Rebate credit notes: (date, quarter label, turnover counted up to and including)
REBATE_BOOKINGS = (
    (date(2026, 4, 9), "Q1 2026", date(2026, 3, 31)),
    (date(2026, 7, 9), "Q2 2026", date(2026, 6, 30)),
    (date(2026, 10, 8), "Q3 2026", date(2026, 9, 30)),
    (date(2026, 10, 30), "afrekening 2026", DATA_END),
)


class Counters:
    """The next free number per series and year, after the numbers already used."""

    def __init__(self, used: list[str]) -> None:
        self.top: dict[str, int] = defaultdict(int)
        for number in used:
            m = re.fullmatch(r"([A-Z])(\d{2}|\d{4}-)(\d+)", number)
            assert m, number
            series = m.group(1) + m.group(2)
            self.top[series] = max(self.top[series], int(m.group(3)))

    def next(self, series: str, width: int) -> str:
        self.top[series] += 1
        return f"{series}{self.top[series]:0{width}d}"


def add_extra_orders(orders: list[Order]) -> list[Order]:
    """Append the scripted extra orders: delivered in full on their due date to the contract
    address (called ahead where agreed), invoiced that day; returns them."""
    counters = Counters([o.number for o in orders]
                        + [d.number for o in orders for d in o.deliveries]
                        + [o.invoice.number for o in orders if o.invoice])
    extra = []
    for seq, (cid, day, items) in enumerate(EXTRA_ORDERS, EXTRA_SEQ):
        assert is_working_day(day), day
        c = BY_ID[cid]
        lines = []
        for n, (item, qty) in enumerate(items, 1):
            agreed = agreed_price(cid, item, day)
            assert agreed is None, (cid, item)  # catalogue items only
            lines.append(Line(n, item, qty, list_price(item, day), None))
        o = Order(cid, day, seq, None, lines)
        o.number = counters.next(f"O{day:%y}", 5)
        delivered = add_working_days(day, c.lead_days)
        assert delivered <= DATA_END
        d = Delivery(delivered, o.total_qty, c.address, c.call_minutes is not None)
        d.number = counters.next(f"L{delivered:%y}", 5)
        o.deliveries.append(d)
        goods = o.goods_amount
        freight = FREIGHT if goods < FREIGHT_BELOW else Decimal("0.00")
        assert not freight  # the extra orders stay clear of the freight rules
        o.invoice = Invoice(delivered, delivered + timedelta(agreed_payment_days(cid, delivered)),
                            goods + freight, freight, "Factuur",
                            number=counters.next(f"F{delivered.year}-", 5),
                            description=f"Levering verpakkingsmaterialen order {o.number}")
        extra.append(o)
    orders += extra
    return extra


def turnover(orders: list[Order], cid: str, start: date, end: date) -> Decimal:
    """Invoiced goods (without freight) minus credit notes, dated start..end (no rebates)."""
    total = Decimal("0")
    for o in orders:
        if o.cid != cid:
            continue
        for inv in ([o.invoice] if o.invoice else []) + o.credit_notes:
            if start <= inv.day <= end:
                total += inv.amount - inv.freight if inv.kind == "Factuur" else inv.amount
    return total


def rebate_rate(cid: str, amount: Decimal) -> Decimal:
    """The percent of the highest tier reached by `amount` (0 when none)."""
    rebate = SPECIAL[cid].rebate
    assert rebate is not None
    return max((pct for threshold, pct in rebate.tiers if amount >= threshold),
               default=Decimal("0"))


def rebate_due(cid: str, amount: Decimal) -> Decimal:
    return (rebate_rate(cid, amount) * amount / 100).quantize(CENT, ROUND_HALF_UP)


def rebate_notes(orders: list[Order]) -> list[Invoice]:
    """Quarterly rebate credit notes for the customers that book them: each brings the booked
    total to the rebate due on the turnover so far; numbered after all other credit notes."""
    counters = Counters([cn.number for o in orders for cn in o.credit_notes])
    notes = []
    for cid, sp in sorted(SPECIAL.items()):
        if sp.rebate is None or not sp.rebate.booked:
            continue
        booked = Decimal("0")
        for day, label, upto in REBATE_BOOKINGS:
            amount = turnover(orders, cid, YEAR_START, upto)
            due = rebate_due(cid, amount)
            rate = rebate_rate(cid, amount)
            note = due - booked
            assert note > 0, (cid, label)
            booked = due
            notes.append(Invoice(day, day, -note, Decimal("0.00"), "Creditnota",
                                 description=f"Bonus staffel {label}: {rate.normalize():f}% "
                                             f"over jaaromzet t/m {upto:%d-%m-%Y}", cid=cid))
    for note in sorted(notes, key=lambda n: (n.day, n.cid)):
        note.number = counters.next(f"C{note.day.year}-", 4)
    return notes
