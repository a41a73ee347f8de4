"""Invoices (one per fully delivered order), credit notes (~1%) and the document numbers of
orders, deliveries, invoices and credit notes."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sample_gen.customers import agreed_payment_days
from sample_gen.model import Invoice, Order
from sample_gen.workdays import add_working_days, next_working_day
from sample_gen.world import DATA_END

FREIGHT = Decimal("45.00")
FREIGHT_BELOW = Decimal("350")
ERP_PAYMENT_DAYS = {"C1003": 30}  # the ERP ignores C1003's amendment (injected deviation)


def erp_payment_days(cid: str, day: date) -> int:
    """The payment term the ERP uses for an invoice (the agreed one, but for injections)."""
    return ERP_PAYMENT_DAYS.get(cid, agreed_payment_days(cid, day))


def make_invoice(order: Order, rng: random.Random) -> None:
    """Invoice a fully delivered order on its last delivery date or the next working day."""
    if not order.deliveries or sum(d.qty for d in order.deliveries) != order.total_qty:
        return
    last = max(d.day for d in order.deliveries)
    day = next_working_day(last) if rng.random() < 0.4 else last
    if day > DATA_END:
        day = last
    goods = order.goods_amount
    freight = FREIGHT if goods < FREIGHT_BELOW else Decimal("0.00")
    due = day + timedelta(days=erp_payment_days(order.cid, day))
    order.invoice = Invoice(day, due, goods + freight, freight, "Factuur")


def make_credit_note(order: Order, rng: random.Random) -> None:
    """Credit part of one line a few working days after the invoice."""
    assert order.invoice is not None
    day = add_working_days(order.invoice.day, rng.randint(2, 10))
    if day > DATA_END:
        return
    line = rng.choice(order.lines)
    qty = max(1, (Decimal(line.qty) * Decimal("0.25")).quantize(Decimal("1"), ROUND_HALF_UP))
    amount = -(line.price * min(qty, line.qty)).quantize(Decimal("0.01"))
    reason = rng.choice(("retour beschadigde goederen", "prijscorrectie", "te veel geleverd"))
    order.credit_notes.append(Invoice(day, day, amount, Decimal("0.00"), "Creditnota",
                                      description=f"Creditnota op {order.invoice.number}: "
                                                  f"{reason}"))


def assign_numbers(orders: list[Order]) -> None:
    """Order, delivery and invoice numbers in date order, counters per year."""
    counters: dict[str, int] = defaultdict(int)

    def nxt(prefix: str, year: int) -> int:
        counters[f"{prefix}{year}"] += 1
        return counters[f"{prefix}{year}"]

    for o in sorted(orders, key=lambda o: (o.day, o.cid, o.seq)):
        o.number = f"O{o.day:%y}{nxt('O', o.day.year):05d}"
    deliveries = [(d.day, o.number, d.part, d) for o in orders for d in o.deliveries]
    for day, _, _, d in sorted(deliveries, key=lambda t: t[:3]):
        d.number = f"L{day:%y}{nxt('L', day.year):05d}"
    invoices = [(o.invoice.day, o.number, o) for o in orders if o.invoice]
    for day, number, o in sorted(invoices, key=lambda t: t[:2]):
        assert o.invoice is not None
        o.invoice.number = f"F{day.year}-{nxt('F', day.year):05d}"
        o.invoice.description = f"Levering verpakkingsmaterialen order {number}"


def add_credit_notes(orders: list[Order], rng: random.Random, forced: set[str]) -> None:
    """~1% credit notes, plus one for each order number in `forced`; then number them."""
    for o in orders:
        if o.invoice and (o.number in forced or rng.random() < 0.01):
            make_credit_note(o, rng)
    counters: dict[int, int] = defaultdict(int)
    notes = [(cn.day, o.number, cn) for o in orders for cn in o.credit_notes]
    for day, _, cn in sorted(notes, key=lambda t: t[:2]):
        counters[day.year] += 1
        cn.number = f"C{day.year}-{counters[day.year]:04d}"

